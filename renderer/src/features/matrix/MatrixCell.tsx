import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { memo, useCallback, useContext, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteId } from '../../domain/ids';
import type { Note } from '../../domain/types';
import type { TraceEntry } from '../trace/useNoteTrace';
import { MatrixComposer } from './MatrixComposer';
import { MatrixCardContext, MatrixNoteCard } from './MatrixNoteCard';
import type { MatrixDropData } from './matrixSensors';

interface PlaceProps {
  placeKey: string;
  notes: readonly Note[];
  trace: ReadonlyMap<NoteId, readonly TraceEntry[]>;
  composerOpen: boolean;
  onComposer: (placeKey: string | null) => void;
}

function PlaceNotes({
  placeKey,
  notes,
  trace,
  label,
}: Pick<PlaceProps, 'placeKey' | 'notes' | 'trace'> & { label: string }) {
  const ids = useMemo(() => notes.map((n) => n.id), [notes]);
  return (
    <SortableContext id={placeKey} items={ids} strategy={verticalListSortingStrategy}>
      <ul className="note-list matrix-notes" aria-label={label}>
        {notes.map((note) => (
          <MatrixNoteCard key={note.id} note={note} placeKey={placeKey} trace={trace.get(note.id)} />
        ))}
      </ul>
    </SortableContext>
  );
}

/** Opens and closes a place's composer; closing returns focus to the button that opened it. */
function useComposerToggle(placeKey: string, onComposer: (key: string | null) => void) {
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const open = useCallback(() => onComposer(placeKey), [onComposer, placeKey]);
  const close = useCallback(() => {
    onComposer(null);
    setTimeout(() => addButtonRef.current?.focus());
  }, [onComposer]);
  return [addButtonRef, open, close] as const;
}

interface MatrixCellProps extends PlaceProps {
  rowTitle: string;
  columnTitle: string;
}

/** One cell of the matrix: a drop target with its cards, a count and a "+" to add a card. */
export const MatrixCell = memo(function MatrixCell(props: MatrixCellProps) {
  const { placeKey, notes, rowTitle, columnTitle, composerOpen, onComposer } = props;
  const { t } = useTranslation();
  const card = useContext(MatrixCardContext);
  const data: MatrixDropData = { type: 'place', key: placeKey };
  const { setNodeRef, isOver } = useDroppable({ id: placeKey, data });
  const [addButtonRef, openComposer, closeComposer] = useComposerToggle(placeKey, onComposer);
  const where = t('matrix.cellPlace', { row: rowTitle, column: columnTitle });

  return (
    <td
      ref={setNodeRef}
      className={isOver ? 'matrix-cell matrix-cell-over' : 'matrix-cell'}
      data-place={placeKey}
    >
      <div className="matrix-cell-head">
        <span className="matrix-count" title={t('matrix.cellCount', { count: notes.length })}>
          <span aria-hidden="true">{notes.length}</span>
          <span className="visually-hidden">{t('matrix.cellCount', { count: notes.length })}</span>
        </span>
        <button
          ref={addButtonRef}
          type="button"
          className="icon-button matrix-add"
          aria-expanded={composerOpen}
          onClick={composerOpen ? closeComposer : openComposer}
          title={t('matrix.addToPlace', { place: where })}
        >
          <span aria-hidden="true">+</span>
          <span className="visually-hidden">{t('matrix.addToPlace', { place: where })}</span>
        </button>
      </div>
      <PlaceNotes {...props} label={t('matrix.notesIn', { place: where })} />
      {composerOpen && card && (
        <MatrixComposer
          content={card.content}
          placeKey={placeKey}
          placeLabel={where}
          onClose={closeComposer}
        />
      )}
    </td>
  );
});

/** The tray "Noch nicht eingeordnet": cards collected before they are placed, and where cards go when their row or column is deleted. */
export const MatrixTray = memo(function MatrixTray(props: PlaceProps) {
  const { placeKey, notes, composerOpen, onComposer } = props;
  const { t } = useTranslation();
  const card = useContext(MatrixCardContext);
  const data: MatrixDropData = { type: 'place', key: placeKey };
  const { setNodeRef, isOver } = useDroppable({ id: placeKey, data });
  const [addButtonRef, openComposer, closeComposer] = useComposerToggle(placeKey, onComposer);
  const title = t('matrix.trayTitle');
  const where = t('matrix.trayPlace');

  return (
    <section
      ref={setNodeRef}
      className={isOver ? 'matrix-tray matrix-cell-over' : 'matrix-tray'}
      aria-labelledby="matrix-tray-title"
      data-place={placeKey}
    >
      <div className="matrix-tray-head">
        <h3 id="matrix-tray-title" className="matrix-tray-title">
          {title}
        </h3>
        <span className="matrix-count">
          <span aria-hidden="true">{notes.length}</span>
          <span className="visually-hidden">{t('matrix.cellCount', { count: notes.length })}</span>
        </span>
      </div>
      {notes.length === 0 && <p className="matrix-tray-hint">{t('matrix.trayHint')}</p>}
      <PlaceNotes {...props} label={t('matrix.notesIn', { place: where })} />
      {composerOpen && card ? (
        <MatrixComposer
          content={card.content}
          placeKey={placeKey}
          placeLabel={where}
          onClose={closeComposer}
        />
      ) : (
        <button ref={addButtonRef} type="button" className="add-note" onClick={openComposer}>
          <span aria-hidden="true">+ </span>
          {t('notes.add')}
          <span className="visually-hidden"> {t('matrix.addToTray')}</span>
        </button>
      )}
    </section>
  );
});
