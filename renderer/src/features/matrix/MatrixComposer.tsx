import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMatrixNote, placeFromKey } from '../../domain/matrixCommands';
import type { BoardContent } from '../../domain/types';
import { cleanNoteText, LIMITS } from '../../domain/validation';
import { useAppStore } from '../../state/store';
import { useDraft } from '../board/useDraft';
import { describeMatrixError, runMatrix } from './matrixActions';

interface MatrixComposerProps {
  content: { current: BoardContent };
  placeKey: string;
  /** Where the card goes, in words: "„Bürgerservice“ / „Analog“" or "„Noch nicht eingeordnet“". */
  placeLabel: string;
  onClose: () => void;
}

/** Adds cards to a cell or the tray, one after another; the unsent text survives a reload. */
export function MatrixComposer({ content, placeKey, placeLabel, onClose }: MatrixComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft, clearDraft] = useDraft(`matrix:${content.current.board.id}:${placeKey}`);
  const [error, setError] = useState<string | null>(null);

  async function add() {
    const place = placeFromKey(placeKey);
    if (!place || draft.trim() === '') return;
    try {
      cleanNoteText(draft);
    } catch (problem) {
      setError(describeMatrixError(problem));
      return;
    }
    const ok = await runMatrix(
      () => addMatrixNote(content.current, { place, text: draft, now: Date.now() }).changes,
    );
    if (ok) {
      clearDraft();
      setError(null);
      useAppStore.getState().announce(t('matrix.added', { place: placeLabel }));
    }
  }

  return (
    <form
      className="note-composer matrix-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('matrix.newCardLabel', { place: placeLabel })}
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
            event.stopPropagation();
            onClose();
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
        <button type="button" className="button button-small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </form>
  );
}
