import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { moveNote, notesInColumn } from '../../domain/boardCommands';
import type { ColumnId } from '../../domain/ids';
import type { BoardContent, Note } from '../../domain/types';
import { run } from '../app/commands';
import { useCloseWhenShown } from './useCloseWhenShown';
import { shorten } from './useNoteDnd';

interface MoveNoteDialogProps {
  content: BoardContent;
  note: Note;
  onClose: () => void;
}

/** "Verschieben nach…": the way to move a card without dragging. */
export function MoveNoteDialog({ content, note, onClose }: MoveNoteDialogProps) {
  const { t } = useTranslation();
  const columnFieldId = useId();
  const positionFieldId = useId();
  // On a columns board every card sits in a column.
  const [columnId, setColumnId] = useState<ColumnId>(note.columnId ?? content.columns[0]!.id);
  const siblings = notesInColumn(content, columnId).filter((n) => n.id !== note.id);
  const currentIndex = notesInColumn(content, columnId).findIndex((n) => n.id === note.id);
  const [position, setPosition] = useState<number>(currentIndex);
  const clampedPosition = Math.min(position, siblings.length);

  const shown = useCloseWhenShown(content, onClose);

  function submit(event: FormEvent) {
    event.preventDefault();
    const column = content.columns.find((c) => c.id === columnId);
    void shown.submit(
      run,
      () => moveNote(content, note.id, columnId, clampedPosition, Date.now()),
      () => t('dnd.moved', { column: column?.title ?? '', position: clampedPosition + 1 }),
    );
  }

  return (
    <Dialog title={t('notes.moveTitle')} description={shorten(note.text, 80)} onClose={shown.close}>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={columnFieldId}>{t('notes.moveColumn')}</label>
          <select
            id={columnFieldId}
            value={columnId}
            data-autofocus
            onChange={(event) => {
              setColumnId(event.target.value as ColumnId);
              setPosition(Number.MAX_SAFE_INTEGER);
            }}
          >
            {content.columns.map((column) => (
              <option key={column.id} value={column.id}>
                {column.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={positionFieldId}>{t('notes.movePosition')}</label>
          <select
            id={positionFieldId}
            value={clampedPosition}
            onChange={(event) => setPosition(Number(event.target.value))}
          >
            <option value={0}>{t('notes.positionFirst')}</option>
            {siblings.map((sibling, index) => (
              <option key={sibling.id} value={index + 1}>
                {t('notes.positionAfter', { note: shorten(sibling.text, 40) || t('notes.empty') })}
              </option>
            ))}
          </select>
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={shown.close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" aria-disabled={shown.waiting}>
            {t('notes.moveSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
