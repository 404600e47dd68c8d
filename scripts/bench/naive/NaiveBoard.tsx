/**
 * The naive board B1, B2, B3 and B5 compare against: the same cards and
 * clusters, built the way dnd-kit's MultipleContainers story starts out —
 * every card a useSortable, no memo, no DragOverlay (the card itself moves),
 * closestCorners over every droppable, the items and the edited text kept in
 * the board's state. Nothing of it is in the app.
 */
import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useState } from 'react';
import type { BoardId } from '../../../renderer/src/domain/ids';
import type { BoardContent } from '../../../renderer/src/domain/types';
import { activeDatabaseName } from '../../../renderer/src/persistence/activeDb';
import { ModeratoDb } from '../../../renderer/src/persistence/db';
import { loadBoardContent } from '../../../renderer/src/persistence/repository';

type Items = Record<string, string[]>;

/** `db`: an open database to read from (kept open); without it the board opens its own. */
export function NaiveBoard({ boardId, db: given }: { boardId: BoardId; db?: ModeratoDb }) {
  const [content, setContent] = useState<BoardContent | null>(null);
  const [items, setItems] = useState<Items>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [editing, setEditing] = useState<string | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  useEffect(() => {
    const db = given ?? new ModeratoDb(activeDatabaseName());
    void loadBoardContent(db, boardId).then((loaded) => {
      if (!loaded) throw new Error(`No board ${boardId}`);
      const next: Items = {};
      for (const cluster of loaded.clusters) next[cluster.id] = [];
      for (const note of loaded.notes) if (note.clusterId) next[note.clusterId]?.push(note.id);
      setItems(next);
      setTexts(Object.fromEntries(loaded.notes.map((n) => [n.id, n.text])));
      setContent(loaded);
      if (!given) db.close();
    });
  }, [boardId, given]);

  const containerOf = (id: UniqueIdentifier) =>
    String(id) in items ? String(id) : Object.keys(items).find((key) => items[key]!.includes(String(id)));

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return;
    const from = containerOf(active.id);
    const to = containerOf(over.id);
    if (!from || !to || from === to) return;
    setItems((previous) => {
      const target = previous[to]!;
      const index = target.indexOf(String(over.id));
      return {
        ...previous,
        [from]: previous[from]!.filter((id) => id !== active.id),
        [to]: [
          ...target.slice(0, index < 0 ? target.length : index),
          String(active.id),
          ...target.slice(index < 0 ? target.length : index),
        ],
      };
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const from = containerOf(active.id);
    if (!over || !from) return;
    const list = items[from]!;
    const oldIndex = list.indexOf(String(active.id));
    const newIndex = list.indexOf(String(over.id));
    if (newIndex >= 0 && oldIndex !== newIndex)
      setItems({ ...items, [from]: arrayMove(list, oldIndex, newIndex) });
  }

  if (!content) return <p>Lädt …</p>;
  return (
    <div className="naive-board" data-ready="true">
      <h2>{content.board.title}</h2>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
      >
        <ol className="naive-grid">
          {content.clusters.map((cluster) => (
            <NaiveCluster
              key={cluster.id}
              id={cluster.id}
              title={cluster.title}
              ids={items[cluster.id] ?? []}
              texts={texts}
              editing={editing}
              onEdit={setEditing}
              onText={(id, text) => setTexts({ ...texts, [id]: text })}
            />
          ))}
        </ol>
      </DndContext>
    </div>
  );
}

interface ClusterProps {
  id: string;
  title: string;
  ids: string[];
  texts: Record<string, string>;
  editing: string | null;
  onEdit: (id: string | null) => void;
  onText: (id: string, text: string) => void;
}

function NaiveCluster({ id, title, ids, texts, editing, onEdit, onText }: ClusterProps) {
  const { setNodeRef } = useDroppable({ id });
  return (
    <li ref={setNodeRef} className="naive-cluster">
      <h3>{title}</h3>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ul className="naive-list">
          {ids.map((noteId) => (
            <NaiveCard
              key={noteId}
              id={noteId}
              text={texts[noteId] ?? ''}
              editing={editing === noteId}
              onEdit={onEdit}
              onText={onText}
            />
          ))}
        </ul>
      </SortableContext>
    </li>
  );
}

interface CardProps {
  id: string;
  text: string;
  editing: boolean;
  onEdit: (id: string | null) => void;
  onText: (id: string, text: string) => void;
}

function NaiveCard({ id, text, editing, onEdit, onText }: CardProps) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <li
      ref={setNodeRef}
      className="naive-card"
      data-dragging={isDragging ? 'true' : undefined}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      {...attributes}
      {...listeners}
    >
      {editing ? (
        <textarea
          aria-label="Text der Karte"
          value={text}
          autoFocus
          rows={3}
          onChange={(event) => onText(id, event.target.value)}
          onBlur={() => onEdit(null)}
        />
      ) : (
        <p className="note-text" onDoubleClick={() => onEdit(id)}>
          {text}
        </p>
      )}
    </li>
  );
}
