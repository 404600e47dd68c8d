import {
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveNote } from '../../domain/boardCommands';
import type { ColumnId, NoteId } from '../../domain/ids';
import type { BoardContent } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { commit, plan } from '../app/commands';
import { columnOf, dropPlacement, groupNotes, moveAcross } from './dndModel';
import {
  CARD_POINTER_OPTIONS,
  CardPointerSensor,
  createBoardCoordinateGetter,
  KeyboardSensor,
} from './sensors';
import { useEndKeyboardDragOnUnmount } from '../a11y/keyboardSensor';

/**
 * Drag and drop of notes between columns, in the shape of dnd-kit's
 * MultipleContainers: a preview of column → notes lives in view state while
 * dragging; a drop writes exactly one command, a cancel writes nothing.
 */
export function useNoteDnd(content: BoardContent) {
  const { t } = useTranslation();
  const persisted = useMemo(() => groupNotes(content), [content]);
  const preview = useAppStore((s) => s.dragPreview);
  const activeNoteId = useAppStore((s) => s.activeNoteId);
  const items = preview ?? persisted;

  // dnd-kit calls back (sensors, announcements) outside React's render: they read the latest values here.
  const itemsRef = useRef(items);
  const contentRef = useRef(content);
  useLayoutEffect(() => {
    itemsRef.current = items;
    contentRef.current = content;
  });

  // A drop keeps its preview until the saved board catches up, so the card does not jump back.
  useEffect(() => {
    const state = useAppStore.getState();
    if (state.activeNoteId === null && state.dragPreview !== null) state.endDrag();
  }, [content]);

  // The getters run when a key is pressed during a drag, never during render.
  // eslint-disable-next-line react-hooks/refs
  const [coordinateGetter] = useState(() =>
    createBoardCoordinateGetter(
      () => itemsRef.current,
      () => contentRef.current.columns.map((c) => c.id),
    ),
  );
  // Stable options: new ones would rebuild dnd-kit's activators and re-render every card.
  const keyboardOptions = useMemo(() => ({ coordinateGetter }), [coordinateGetter]);
  useEndKeyboardDragOnUnmount();
  const sensors = useSensors(
    useSensor(CardPointerSensor, CARD_POINTER_OPTIONS),
    useSensor(KeyboardSensor, keyboardOptions),
  );

  function onDragStart({ active }: DragStartEvent) {
    useAppStore.getState().startDrag(active.id as NoteId, groupNotes(contentRef.current));
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || over.id === active.id) return;
    const translated = active.rect.current.translated;
    const below = translated !== null && translated.top > over.rect.top + over.rect.height / 2;
    const next = moveAcross(itemsRef.current, active.id as NoteId, String(over.id), below);
    if (next) useAppStore.getState().setDragPreview(next);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const store = useAppStore.getState();
    const placement = dropPlacement(itemsRef.current, active.id as NoteId, over ? String(over.id) : null);
    if (!placement) {
      store.endDrag();
      return;
    }
    const changes = plan(() =>
      moveNote(contentRef.current, active.id as NoteId, placement.columnId, placement.index, Date.now()),
    );
    if (!changes || changes.length === 0) {
      store.endDrag();
      return;
    }
    // Keep the preview (not the active card) until the saved board catches up.
    store.releaseDrag();
    void commit(changes).then((ok) => {
      if (!ok) useAppStore.getState().endDrag();
    });
  }

  function onDragCancel() {
    useAppStore.getState().endDrag();
  }

  // Right after the pick-up dnd-kit reports the card over itself; announcing that would
  // replace "aufgenommen" in the same render, so screen readers never heard the pick-up.
  const justPickedUpRef = useRef(false);
  const announcements = useMemo<Announcements>(() => {
    const describe = (activeId: string, overId: string | null) => {
      const current = itemsRef.current;
      const placement = dropPlacement(current, activeId as NoteId, overId ?? activeId);
      const columnId = placement?.columnId ?? columnOf(current, activeId);
      const column = contentRef.current.columns.find((c) => c.id === columnId);
      return {
        column: column?.title ?? '',
        position: (placement?.index ?? 0) + 1,
        total: columnId ? (current[columnId as ColumnId]?.length ?? 0) : 0,
      };
    };
    const noteText = (id: string) => shorten(contentRef.current.notes.find((n) => n.id === id)?.text ?? '');
    return {
      onDragStart: ({ active }) => {
        justPickedUpRef.current = true;
        return t('dnd.pickedUp', { note: noteText(String(active.id)), ...describe(String(active.id), null) });
      },
      onDragOver: ({ active, over }) => {
        const first = justPickedUpRef.current;
        justPickedUpRef.current = false;
        if (first && over?.id === active.id) return undefined;
        return over
          ? t('dnd.over', {
              note: noteText(String(active.id)),
              ...describe(String(active.id), String(over.id)),
            })
          : t('dnd.outside');
      },
      onDragEnd: ({ active, over }) =>
        over
          ? t('dnd.dropped', {
              note: noteText(String(active.id)),
              ...describe(String(active.id), String(over.id)),
            })
          : t('dnd.droppedOutside'),
      onDragCancel: ({ active }) => t('dnd.cancelled', { note: noteText(String(active.id)) }),
    };
  }, [t]);

  return {
    sensors,
    items,
    activeNoteId,
    handlers: { onDragStart, onDragOver, onDragEnd, onDragCancel },
    accessibility: { announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } },
  };
}

export function shorten(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
