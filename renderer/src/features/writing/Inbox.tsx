import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxNoteId, NoteId, ParticipantId } from '../../domain/ids';
import type { BoardContent, InboxNote, InboxStatus, WritingRound } from '../../domain/types';
import { acceptCards, editCard, mergeCards, rejectCards } from './writingBridge';
import { decidable, InboxRow, type InboxRowActions } from './InboxRow';
import { pickTarget, rememberTarget, targetOptions } from './inboxTargets';
import { MergeDialog } from './MergeDialog';

export const INBOX_FILTERS = ['pending', 'accepted', 'rejected', 'withdrawn', 'all'] as const;
export type InboxFilter = (typeof INBOX_FILTERS)[number];

const shownIn = (filter: InboxFilter, status: InboxStatus) => filter === 'all' || filter === status;

/** Where each board card is, for "übernommen in „Ideen“". */
function placesOf(content: BoardContent): Map<NoteId, string> {
  const columns = new Map(content.columns.map((c) => [c.id, c.title]));
  const rows = new Map(content.rows.map((r) => [r.id, r.title]));
  const clusters = new Map(content.clusters.map((c) => [c.id, c.title]));
  const places = new Map<NoteId, string>();
  for (const note of content.notes) {
    let place: string | undefined;
    if (content.board.kind === 'clusters') place = note.clusterId ? clusters.get(note.clusterId) : undefined;
    else if (content.board.kind === 'matrix')
      place =
        note.rowId && note.columnId
          ? `${rows.get(note.rowId) ?? ''} / ${columns.get(note.columnId) ?? ''}`
          : undefined;
    else place = note.columnId ? columns.get(note.columnId) : undefined;
    if (place) places.set(note.id, place);
  }
  return places;
}

/**
 * The inbox (Eingang) of a writing round: the cards from the phones, newest at
 * the end, filtered by state; each can be accepted onto the board at the
 * chosen target, edited, or rejected, one by one or all at once; duplicates
 * are merged. Every decision is one undo step.
 */
export function Inbox({
  content,
  round,
  notes,
  names,
}: {
  content: BoardContent;
  round: WritingRound;
  notes: readonly InboxNote[] | undefined;
  /** Participant names of the workshop (named rounds). */
  names: ReadonlyMap<ParticipantId, string>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [filter, setFilter] = useState<InboxFilter>('pending');
  const [selected, setSelected] = useState<ReadonlySet<InboxNoteId>>(new Set());
  const [editingId, setEditingId] = useState<InboxNoteId | null>(null);
  const [merging, setMerging] = useState<InboxNote[] | null>(null);
  const [chosenTarget, setChosenTarget] = useState<string | null>(null);

  const boardId = content.board.id;
  const options = useMemo(() => targetOptions(content), [content]);
  const target = pickTarget(options, boardId, chosenTarget);
  const places = useMemo(() => placesOf(content), [content]);
  const all = useMemo(
    () => [...(notes ?? [])].sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1)),
    [notes],
  );
  const counts = useMemo(() => {
    const found: Record<InboxFilter, number> = { pending: 0, accepted: 0, rejected: 0, withdrawn: 0, all: 0 };
    for (const note of all) {
      found.all += 1;
      if (note.status !== 'merged') found[note.status] += 1;
    }
    return found;
  }, [all]);
  const visible = useMemo(() => all.filter((n) => shownIn(filter, n.status)), [all, filter]);
  const chosen = useMemo(() => all.filter((n) => selected.has(n.id) && decidable(n)), [all, selected]);
  const chosenPending = chosen.filter((n) => n.status === 'pending');
  const selectable = visible.filter(decidable);
  const allSelected = selectable.length > 0 && selectable.every((n) => selected.has(n.id));

  // Row actions read the latest state through a ref, so they are created once.
  const latest = useRef({ round, target });
  useEffect(() => {
    latest.current = { round, target };
  });

  const actions = useMemo<InboxRowActions>(
    () => ({
      toggle: (noteId, on) =>
        setSelected((previous) => {
          const next = new Set(previous);
          if (on) next.add(noteId);
          else next.delete(noteId);
          return next;
        }),
      accept: (noteId) => {
        const { round: r, target: place } = latest.current;
        if (place) void acceptCards(r, [noteId], place.target, place.label);
      },
      reject: (noteId) => void rejectCards(latest.current.round, [noteId]),
      startEdit: (noteId) => setEditingId(noteId),
      saveEdit: async (noteId, text) => {
        const refused = await editCard(noteId, text);
        if (refused === null) setEditingId(null);
        return refused;
      },
      cancelEdit: () => setEditingId(null),
    }),
    [],
  );

  function acceptMany(cards: readonly InboxNote[]) {
    if (!target || cards.length === 0) return;
    setSelected(new Set());
    void acceptCards(
      round,
      cards.map((n) => n.id),
      target.target,
      target.label,
    );
  }

  /** Arrow keys move between the cards, to the same kind of control where there is one. */
  function onListKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const from = event.target as HTMLElement;
    if (from.tagName === 'TEXTAREA') return;
    const row = from.closest('li');
    const next = (event.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling) as
      HTMLElement | null | undefined;
    if (!row || !next) return;
    event.preventDefault();
    const controls = (li: Element) => [...li.querySelectorAll<HTMLElement>('input, button')];
    const index = controls(row).indexOf(from);
    const there = controls(next);
    (there[Math.max(0, Math.min(index, there.length - 1))] ?? next).focus();
  }

  if (notes === undefined) return <p aria-busy="true">{t('common.loading')}</p>;

  return (
    <div className="inbox">
      <div className="inbox-target field">
        <label htmlFor={`${id}-target`}>{t('writing.target.label')}</label>
        {options.length === 0 ? (
          <p className="field-hint">{t('writing.target.none')}</p>
        ) : (
          <select
            id={`${id}-target`}
            value={target?.key ?? ''}
            onChange={(event) => {
              setChosenTarget(event.target.value);
              rememberTarget(boardId, event.target.value);
            }}
          >
            {options.map((option) => (
              <option key={option.key} value={option.key}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </div>

      <fieldset className="inbox-filter">
        <legend className="visually-hidden">{t('writing.inbox.filter')}</legend>
        {INBOX_FILTERS.map((value) => (
          <label key={value} className="inbox-filter-option">
            <input
              type="radio"
              name={`${id}-filter`}
              checked={filter === value}
              onChange={() => setFilter(value)}
            />
            {t(`writing.inbox.filters.${value}`, { count: counts[value] })}
          </label>
        ))}
      </fieldset>

      <div className="inbox-bulk" role="group" aria-label={t('writing.inbox.bulk')}>
        <button
          type="button"
          className="button button-small"
          disabled={counts.pending === 0 || !target}
          onClick={() => acceptMany(all.filter((n) => n.status === 'pending'))}
        >
          {t('writing.inbox.acceptAllPending', { count: counts.pending })}
        </button>
        <label className="inbox-select-all">
          <input
            type="checkbox"
            checked={allSelected}
            disabled={selectable.length === 0}
            onChange={(event) =>
              setSelected(event.target.checked ? new Set(selectable.map((n) => n.id)) : new Set())
            }
          />
          {t('writing.inbox.selectAll')}
        </label>
        <p className="inbox-selected-count" aria-live="polite">
          {t('writing.inbox.selectedCount', { count: chosen.length })}
        </p>
        <button
          type="button"
          className="button button-small"
          disabled={chosen.length === 0 || !target}
          onClick={() => acceptMany(chosen)}
        >
          {t('writing.inbox.acceptSelected')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={chosenPending.length < 2 || chosenPending.length !== chosen.length}
          onClick={() => setMerging(chosen)}
        >
          {t('writing.inbox.mergeSelected')}
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={chosenPending.length === 0}
          onClick={() => {
            setSelected(new Set());
            void rejectCards(
              round,
              chosenPending.map((n) => n.id),
            );
          }}
        >
          {t('writing.inbox.rejectSelected')}
        </button>
      </div>

      {visible.length === 0 ? (
        <p className="inbox-empty">
          {all.length === 0 ? t('writing.inbox.empty') : t(`writing.inbox.emptyFilter.${filter}`)}
        </p>
      ) : (
        <ul className="inbox-list" aria-label={t('writing.inbox.listLabel')} onKeyDown={onListKeyDown}>
          {visible.map((note) => (
            <InboxRow
              key={note.id}
              note={note}
              author={note.authorId ? (names.get(note.authorId) ?? null) : null}
              selected={selected.has(note.id) && decidable(note)}
              editing={editingId === note.id}
              place={note.noteId ? (places.get(note.noteId) ?? null) : null}
              actions={actions}
            />
          ))}
        </ul>
      )}

      {merging && (
        <MergeDialog
          cards={merging}
          onMerge={async (text) => {
            const done = await mergeCards(
              round,
              merging.map((n) => n.id),
              text,
            );
            if (done === null) {
              setMerging(null);
              setSelected(new Set());
            }
            return done;
          }}
          onClose={() => setMerging(null)}
        />
      )}
    </div>
  );
}
