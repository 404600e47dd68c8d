import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { ColumnId, RowId } from '../../domain/ids';
import { moveMatrixNote, notesAt, placeOf, TRAY, type MatrixPlace } from '../../domain/matrixCommands';
import type { BoardContent, Note } from '../../domain/types';
import { useCloseWhenShown } from '../board/useCloseWhenShown';
import { shorten } from '../board/useNoteDnd';
import { runMatrix } from './matrixActions';

interface MoveMatrixNoteDialogProps {
  content: BoardContent;
  note: Note;
  onClose: () => void;
}

/** "Verschieben nach …": the way to place a card without dragging (a cell: row, column, position; or the tray). */
export function MoveMatrixNoteDialog({ content, note, onClose }: MoveMatrixNoteDialogProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  const current = placeOf(note);
  const hasCells = content.rows.length > 0 && content.columns.length > 0;
  const [toTray, setToTray] = useState(false);
  const [rowId, setRowId] = useState<RowId | undefined>(
    current.kind === 'cell' ? current.rowId : content.rows[0]?.id,
  );
  const [columnId, setColumnId] = useState<ColumnId | undefined>(
    current.kind === 'cell' ? current.columnId : content.columns[0]?.id,
  );
  const place: MatrixPlace | null =
    toTray || !hasCells ? TRAY : rowId && columnId ? { kind: 'cell', rowId, columnId } : null;
  const here = place ? notesAt(content, place) : [];
  const siblings = here.filter((n) => n.id !== note.id);
  const currentIndex = here.findIndex((n) => n.id === note.id);
  const [position, setPosition] = useState<number | null>(null);
  // Staying in its place, the card keeps its position; elsewhere it goes to the end unless chosen.
  const chosen = position ?? (currentIndex >= 0 ? currentIndex : siblings.length);
  const clamped = Math.min(chosen, siblings.length);

  function placeName(target: MatrixPlace): string {
    if (target.kind === 'tray') return t('matrix.trayPlace');
    return t('matrix.cellPlace', {
      row: content.rows.find((r) => r.id === target.rowId)?.title ?? '',
      column: content.columns.find((c) => c.id === target.columnId)?.title ?? '',
    });
  }

  const shown = useCloseWhenShown(content, onClose);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!place) return;
    void shown.submit(
      runMatrix,
      () => moveMatrixNote(content, note.id, place, clamped, Date.now()),
      () => t('matrix.moved', { place: placeName(place), position: clamped + 1 }),
    );
  }

  return (
    <Dialog
      title={t('notes.moveTitle')}
      description={shorten(note.text, 80) || t('notes.empty')}
      onClose={shown.close}
    >
      <form onSubmit={submit}>
        <fieldset className="field">
          <legend>{t('matrix.moveWhere')}</legend>
          <div className="radio-row">
            <input
              type="radio"
              id={`${fieldId}-cell`}
              name="where"
              checked={!toTray && hasCells}
              disabled={!hasCells}
              onChange={() => {
                setToTray(false);
                setPosition(null);
              }}
              data-autofocus={hasCells ? true : undefined}
            />
            <label htmlFor={`${fieldId}-cell`}>{t('matrix.moveToCell')}</label>
          </div>
          <div className="radio-row">
            <input
              type="radio"
              id={`${fieldId}-tray`}
              name="where"
              checked={toTray || !hasCells}
              onChange={() => {
                setToTray(true);
                setPosition(null);
              }}
              data-autofocus={hasCells ? undefined : true}
            />
            <label htmlFor={`${fieldId}-tray`}>{t('matrix.moveToTray')}</label>
          </div>
        </fieldset>
        {!toTray && hasCells && (
          <>
            <div className="field">
              <label htmlFor={`${fieldId}-row`}>{t('matrix.row')}</label>
              <select
                id={`${fieldId}-row`}
                value={rowId}
                onChange={(event) => {
                  setRowId(event.target.value as RowId);
                  setPosition(null);
                }}
              >
                {content.rows.map((row) => (
                  <option key={row.id} value={row.id}>
                    {row.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${fieldId}-column`}>{t('matrix.column')}</label>
              <select
                id={`${fieldId}-column`}
                value={columnId}
                onChange={(event) => {
                  setColumnId(event.target.value as ColumnId);
                  setPosition(null);
                }}
              >
                {content.columns.map((column) => (
                  <option key={column.id} value={column.id}>
                    {column.title}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <div className="field">
          <label htmlFor={`${fieldId}-position`}>{t('notes.movePosition')}</label>
          <select
            id={`${fieldId}-position`}
            value={clamped}
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
