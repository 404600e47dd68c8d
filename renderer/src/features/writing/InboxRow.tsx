import { memo, useId, useState, type KeyboardEvent } from 'react';
import type { InboxNoteId } from '../../domain/ids';
import type { InboxNote } from '../../domain/types';
import { LIMITS } from '../../domain/validation';
import { useT } from '../../i18n/useT';
import { shorten } from '../board/useNoteDnd';

/** What a row can do; the same functions for every row, so memoised rows stay put. */
export interface InboxRowActions {
  toggle: (id: InboxNoteId, on: boolean) => void;
  accept: (id: InboxNoteId) => void;
  reject: (id: InboxNoteId) => void;
  startEdit: (id: InboxNoteId) => void;
  /** Resolves with an error message (text kept), or null when saved. */
  saveEdit: (id: InboxNoteId, text: string) => Promise<string | null>;
  cancelEdit: () => void;
}

/** A card that can still be decided on: waiting, or rejected and taken back. */
export function decidable(note: InboxNote): boolean {
  return note.status === 'pending' || note.status === 'rejected';
}

/**
 * One card in the inbox: its text (as text only: it comes from a phone), who
 * wrote it in named rounds, its state, and what can be done with it. Re-renders
 * only when its own card, selection or editing changes.
 */
export const InboxRow = memo(function InboxRow({
  note,
  author,
  selected,
  editing,
  place,
  actions,
}: {
  note: InboxNote;
  /** The author's name in named rounds, else null. */
  author: string | null;
  selected: boolean;
  editing: boolean;
  /** Accepted: where the card is on the board (e.g. "Ideen"), if known. */
  place: string | null;
  actions: InboxRowActions;
}) {
  const t = useT();
  const open = decidable(note);
  const label = shorten(note.text, 50);

  return (
    <li
      className={`inbox-card inbox-${note.status}${selected ? ' inbox-selected' : ''}`}
      data-inbox-id={note.id}
    >
      {open ? (
        <input
          type="checkbox"
          className="inbox-check"
          checked={selected}
          aria-label={t('writing.inbox.select', { text: label })}
          onChange={(event) => actions.toggle(note.id, event.target.checked)}
        />
      ) : (
        <span className="inbox-check" aria-hidden="true" />
      )}
      <div className="inbox-card-body">
        {editing ? (
          <InboxEditor note={note} actions={actions} />
        ) : (
          <p className="inbox-card-text">
            {note.status === 'withdrawn' ? <em>{t('writing.inbox.withdrawnText')}</em> : note.text}
          </p>
        )}
        <p className="inbox-card-meta">
          {author && <span className="inbox-author">{author}</span>}
          {note.status !== 'pending' && (
            <span className="inbox-status">
              {note.status === 'accepted' && place
                ? t('writing.inbox.acceptedInto', { place })
                : t(`writing.inbox.status.${note.status}`)}
            </span>
          )}
          {note.changedAfterDecision &&
            (note.sentText === '' ? (
              <span className="inbox-changed">{t('writing.inbox.withdrawnOnPhone')}</span>
            ) : (
              <span className="inbox-changed">
                {t('writing.inbox.changedOnPhone', { text: note.sentText })}
              </span>
            ))}
          {!note.changedAfterDecision && open && note.text !== note.sentText && (
            <span className="inbox-edited">{t('writing.inbox.edited')}</span>
          )}
        </p>
      </div>
      {open && !editing && (
        <div className="inbox-card-actions">
          <button
            type="button"
            className="button button-small button-primary"
            aria-label={
              note.status === 'rejected'
                ? t('writing.inbox.acceptAgainOne', { text: label })
                : t('writing.inbox.acceptOne', { text: label })
            }
            onClick={() => actions.accept(note.id)}
          >
            {note.status === 'rejected' ? t('writing.inbox.acceptAgain') : t('writing.inbox.accept')}
          </button>
          <button
            type="button"
            className="button button-small"
            aria-label={t('writing.inbox.editOne', { text: label })}
            onClick={() => actions.startEdit(note.id)}
          >
            {t('writing.inbox.edit')}
          </button>
          {note.status === 'pending' && (
            <button
              type="button"
              className="button button-small"
              aria-label={t('writing.inbox.rejectOne', { text: label })}
              onClick={() => actions.reject(note.id)}
            >
              {t('writing.inbox.reject')}
            </button>
          )}
        </div>
      )}
    </li>
  );
});

/** Edits a card's text in place: Ctrl+Enter saves, Escape cancels; a refused text stays in the field. */
function InboxEditor({ note, actions }: { note: InboxNote; actions: InboxRowActions }) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState(note.text);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    if (busy) return;
    if (text.trim() === '') return setError(t('writing.inbox.errors.textRequired'));
    if (text.trim().length > LIMITS.noteText)
      return setError(t('writing.inbox.errors.textTooLong', { max: LIMITS.noteText }));
    setBusy(true);
    const refused = await actions.saveEdit(note.id, text);
    setBusy(false);
    if (refused !== null) setError(refused);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      actions.cancelEdit();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  }

  return (
    <div className="inbox-editor">
      <label htmlFor={`${id}-text`} className="visually-hidden">
        {t('writing.inbox.editLabel')}
      </label>
      <textarea
        id={`${id}-text`}
        // The editor opens on the facilitator's request: the caret goes straight into it.
        autoFocus
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('writing.inbox.editHint')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="inbox-card-actions">
        <button type="button" className="button button-small button-primary" onClick={() => void save()}>
          {t('common.save')}
        </button>
        <button type="button" className="button button-small" onClick={actions.cancelEdit}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
