import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { bringInCards, copiedOriginals } from '../../domain/clusterCopy';
import type { BoardId, NoteId, WorkshopId } from '../../domain/ids';
import type { BoardContent, Note } from '../../domain/types';
import { useSourceBoards } from '../../persistence/clusterHooks';
import { useAppStore } from '../../state/store';
import { commit, describeError } from '../app/commands';

/**
 * "Karten übernehmen …": copies cards of the workshop's other boards (vision,
 * inventory …) into the pool, linked to their originals. A card already
 * copied here cannot be chosen again, and says so.
 */
export function BringInDialog({ content, onClose }: { content: BoardContent; onClose: () => void }) {
  const { t } = useTranslation();
  const searchId = useId();
  const sources = useSourceBoards(content.board.workshopId as WorkshopId, content.board.id as BoardId);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<NoteId>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const copied = useMemo(() => copiedOriginals(content), [content]);
  const needle = query.trim().toLocaleLowerCase('de');
  const visible = (sources ?? [])
    .map((source) => ({
      ...source,
      notes: needle ? source.notes.filter((n) => matches(n, needle)) : source.notes,
    }))
    .filter((source) => source.notes.length > 0);

  function toggle(ids: readonly NoteId[], on: boolean) {
    const next = new Set(chosen);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setChosen(next);
    setError(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const originals = (sources ?? []).flatMap((s) => s.notes).filter((n) => chosen.has(n.id));
    let planned: ReturnType<typeof bringInCards>;
    try {
      planned = bringInCards(content, originals, Date.now());
    } catch (problem) {
      setError(describeError(problem));
      return;
    }
    if (!(await commit(planned.changes))) return;
    const message =
      planned.skipped > 0
        ? t('clusters.bringInDoneSkipped', { count: planned.added, skipped: planned.skipped })
        : t('clusters.bringInDone', { count: planned.added });
    useAppStore.getState().announce(message);
    useAppStore.getState().showToast({ tone: 'info', message });
    onClose();
  }

  return (
    <Dialog title={t('clusters.bringInTitle')} description={t('clusters.bringInHint')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="bring-in">
        <div className="field">
          <label htmlFor={searchId}>{t('clusters.bringInSearch')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            data-autofocus
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        {sources === undefined ? (
          <p aria-busy="true">{t('common.loading')}</p>
        ) : visible.length === 0 ? (
          <p className="cluster-empty">
            {needle ? t('clusters.bringInNoMatch') : t('clusters.bringInNothing')}
          </p>
        ) : (
          <div className="bring-in-boards">
            {visible.map(({ board, notes }) => {
              const open = notes.filter((n) => !copied.has(n.id)).map((n) => n.id);
              const allOn = open.length > 0 && open.every((id) => chosen.has(id));
              return (
                <fieldset key={board.id} className="cluster-checklist">
                  <legend>{board.title}</legend>
                  <label className="cluster-check cluster-check-all">
                    <input
                      type="checkbox"
                      checked={allOn}
                      disabled={open.length === 0}
                      onChange={(event) => toggle(open, event.target.checked)}
                    />
                    <span>{t('clusters.bringInAll', { count: open.length })}</span>
                  </label>
                  {notes.map((note) => {
                    const done = copied.has(note.id);
                    return (
                      <label
                        key={note.id}
                        className={done ? 'cluster-check cluster-check-done' : 'cluster-check'}
                      >
                        <input
                          type="checkbox"
                          checked={done || chosen.has(note.id)}
                          disabled={done}
                          onChange={(event) => toggle([note.id], event.target.checked)}
                        />
                        <span>
                          {note.text || t('notes.empty')}
                          {done && <em className="cluster-check-note"> – {t('clusters.bringInAlready')}</em>}
                        </span>
                      </label>
                    );
                  })}
                </fieldset>
              );
            })}
          </div>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={chosen.size === 0}>
            {t('clusters.bringInSubmit', { count: chosen.size })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function matches(note: Note, needle: string): boolean {
  const facts = note.facts ? `${note.facts.process} ${note.facts.painPoint}` : '';
  return `${note.text} ${facts}`.toLocaleLowerCase('de').includes(needle);
}
