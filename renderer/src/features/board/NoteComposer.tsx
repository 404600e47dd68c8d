import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addNote } from '../../domain/boardCommands';
import type { BoardContent, Column } from '../../domain/types';
import { cleanNoteText, LIMITS } from '../../domain/validation';
import { useAppStore } from '../../state/store';
import { describeError, run } from '../app/commands';
import { useDraft } from './useDraft';

/** Adds cards to a column, one after another; the unsent text survives a reload. */
export function NoteComposer({ content, column }: { content: BoardContent; column: Column }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft, clearDraft] = useDraft(`note:${column.id}`);
  const [open, setOpen] = useState(draft.length > 0);
  const [error, setError] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);

  async function add() {
    if (draft.trim() === '') return;
    try {
      cleanNoteText(draft);
    } catch (problem) {
      setError(describeError(problem));
      return;
    }
    const ok = await run(
      () => addNote(content, { columnId: column.id, text: draft, now: Date.now() }).changes,
    );
    if (ok) {
      clearDraft();
      setError(null);
      useAppStore.getState().announce(t('notes.added', { column: column.title }));
    }
  }

  if (!open) {
    return (
      <button ref={openButton} type="button" className="add-note" onClick={() => setOpen(true)}>
        <span aria-hidden="true">+ </span>
        {t('notes.add')}
        <span className="visually-hidden"> {t('notes.addTo', { column: column.title })}</span>
      </button>
    );
  }

  return (
    <form
      className="note-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('notes.newLabel', { column: column.title })}
      </label>
      <textarea
        id={id}
        value={draft}
        rows={2}
        autoFocus
        placeholder={t('notes.placeholder')}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(event) => {
          setDraft(event.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            void add();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            setOpen(false);
            setTimeout(() => openButton.current?.focus());
          }
        }}
      />
      <p
        id={`${id}-help`}
        className={error ? 'field-error' : 'field-hint'}
        role={error ? 'alert' : undefined}
      >
        {error ?? t('notes.composerHint', { max: LIMITS.noteText })}
      </p>
      <div className="composer-actions">
        <button type="submit" className="button button-small button-primary">
          {t('notes.addShort')}
        </button>
        <button type="button" className="button button-small" onClick={() => setOpen(false)}>
          {t('common.close')}
        </button>
      </div>
    </form>
  );
}
