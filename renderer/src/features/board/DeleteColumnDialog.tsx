import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { deleteColumn, notesInColumn, type ColumnNotesFate } from '../../domain/boardCommands';
import type { ColumnId } from '../../domain/ids';
import type { BoardContent, Column } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { run } from '../app/commands';

interface DeleteColumnDialogProps {
  content: BoardContent;
  column: Column;
  onClose: () => void;
}

/** A column's notes are never dropped silently: they move elsewhere, or the user says they go too. */
export function DeleteColumnDialog({ content, column, onClose }: DeleteColumnDialogProps) {
  const { t } = useTranslation();
  const targetFieldId = useId();
  const others = content.columns.filter((c) => c.id !== column.id);
  const noteCount = notesInColumn(content, column.id).length;
  const [fate, setFate] = useState<'move' | 'delete'>(others.length > 0 ? 'move' : 'delete');
  const [target, setTarget] = useState<ColumnId | undefined>(others[0]?.id);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const choice: ColumnNotesFate =
      fate === 'move' && target ? { kind: 'move', to: target } : { kind: 'delete' };
    const ok = await run(() => deleteColumn(content, column.id, choice));
    if (ok) {
      useAppStore.getState().announce(t('columns.deleted', { title: column.title }));
      onClose();
    }
  }

  return (
    <Dialog
      title={t('columns.deleteTitle', { title: column.title })}
      description={
        noteCount > 0 ? t('columns.deleteHasNotes', { count: noteCount }) : t('columns.deleteEmpty')
      }
      onClose={onClose}
    >
      <form onSubmit={submit}>
        {noteCount > 0 && (
          <fieldset className="field">
            <legend>{t('columns.notesFate')}</legend>
            {others.length > 0 && (
              <div className="radio-row">
                <input
                  type="radio"
                  id={`${targetFieldId}-move`}
                  name="fate"
                  checked={fate === 'move'}
                  onChange={() => setFate('move')}
                />
                <label htmlFor={`${targetFieldId}-move`}>{t('columns.fateMove')}</label>
                <label htmlFor={targetFieldId} className="visually-hidden">
                  {t('columns.fateMoveTarget')}
                </label>
                <select
                  id={targetFieldId}
                  value={target}
                  disabled={fate !== 'move'}
                  onChange={(event) => setTarget(event.target.value as ColumnId)}
                >
                  {others.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.title}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="radio-row">
              <input
                type="radio"
                id={`${targetFieldId}-delete`}
                name="fate"
                checked={fate === 'delete'}
                onChange={() => setFate('delete')}
              />
              <label htmlFor={`${targetFieldId}-delete`}>
                {t('columns.fateDelete', { count: noteCount })}
              </label>
            </div>
          </fieldset>
        )}
        <p className="field-hint">{t('columns.undoHint')}</p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-danger">
            {t('columns.delete')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
