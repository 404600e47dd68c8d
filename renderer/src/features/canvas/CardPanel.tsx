import { useDraggable } from '@dnd-kit/core';
import { memo, useDeferredValue, useId, useMemo, useState, type PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, Note } from '../../domain/types';
import { DragHandle } from '../a11y/DragHandle';
import { shorten } from '../board/useNoteDnd';

interface CardPanelProps {
  /** The workshop's boards that hold cards (not the canvases boards), in order. */
  boards: readonly Board[];
  notes: readonly Note[];
  /** "In Feld übernehmen …": the non-drag way to take a card into a field. */
  onChooseField: (note: Note) => void;
}

/** The "Karten" side panel: every card of the workshop's other boards, searchable, to drag onto a field. */
export function CardPanel({ boards, notes, onChooseField }: CardPanelProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const groups = useMemo(() => {
    const needle = deferred.trim().toLocaleLowerCase('de');
    return boards
      .map((board) => ({
        board,
        notes: notes.filter(
          (n) =>
            n.boardId === board.id &&
            n.text.trim() !== '' &&
            (needle === '' || n.text.toLocaleLowerCase('de').includes(needle)),
        ),
      }))
      .filter((group) => group.notes.length > 0);
  }, [boards, notes, deferred]);
  const total = groups.reduce((sum, g) => sum + g.notes.length, 0);

  return (
    <aside className="card-panel" aria-labelledby={`${searchId}-title`}>
      <h3 id={`${searchId}-title`} className="card-panel-title">
        {t('canvas.panelTitle')}
      </h3>
      <p className="canvas-field-help">{t('canvas.panelHint')}</p>
      <label htmlFor={searchId} className="visually-hidden">
        {t('canvas.panelSearch')}
      </label>
      <input
        id={searchId}
        type="search"
        className="card-panel-search"
        placeholder={t('canvas.panelSearch')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p className="card-panel-count" aria-live="polite">
        {t('canvas.panelCount', { count: total })}
      </p>
      {groups.map(({ board, notes: boardNotes }) => (
        <section key={board.id} className="card-panel-group" aria-label={board.title}>
          <h4 className="card-panel-board">{board.title}</h4>
          <ul className="card-panel-list">
            {boardNotes.map((note) => (
              <PanelCard key={note.id} note={note} boardTitle={board.title} onChooseField={onChooseField} />
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}

const PanelCard = memo(function PanelCard({
  note,
  boardTitle,
  onChooseField,
}: {
  note: Note;
  boardTitle: string;
  onChooseField: (note: Note) => void;
}) {
  const { t } = useTranslation();
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({
    id: note.id,
    data: { noteId: note.id, boardTitle },
    attributes: { roleDescription: t('a11y.canvasDrag.role') },
  });
  const label = shorten(note.text, 40);
  return (
    <li
      ref={setNodeRef}
      className={`panel-card note-${note.color}${isDragging ? ' panel-card-dragging' : ''}`}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
      data-note-id={note.id}
    >
      <DragHandle
        label={t('a11y.canvasDrag.handle', { note: label })}
        attributes={attributes}
        listeners={listeners}
        setActivator={setActivatorNodeRef}
      />
      <p className="panel-card-text" title={note.text.length > 160 ? note.text : undefined}>
        {shorten(note.text, 160)}
      </p>
      <button
        type="button"
        className="button button-small"
        aria-label={t('canvas.takeIntoNamed', { note: label })}
        onClick={() => onChooseField(note)}
      >
        {t('canvas.takeInto')}
      </button>
    </li>
  );
});
