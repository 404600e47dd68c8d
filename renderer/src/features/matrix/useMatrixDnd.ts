import {
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { KeyboardSensor, useEndKeyboardDragOnUnmount } from '../a11y/keyboardSensor';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteId } from '../../domain/ids';
import { groupMatrixNotes, moveMatrixNote, placeFromKey } from '../../domain/matrixCommands';
import type { BoardContent } from '../../domain/types';
import { commit } from '../app/commands';
import { CARD_POINTER_OPTIONS, CardPointerSensor } from '../board/sensors';
import { shorten } from '../board/useNoteDnd';
import { planMatrix } from './matrixActions';
import { containerOf, dropPlacement, moveAcross, type MatrixItems } from './matrixDnd';
import { createMatrixCollisionDetection, createMatrixCoordinateGetter } from './matrixSensors';

/** Row and column titles of a place key ('' for the tray). */
export function describePlace(
  content: BoardContent,
  key: string,
): { tray: boolean; row: string; column: string } {
  const place = placeFromKey(key);
  if (!place || place.kind === 'tray') return { tray: true, row: '', column: '' };
  return {
    tray: false,
    row: content.rows.find((r) => r.id === place.rowId)?.title ?? '',
    column: content.columns.find((c) => c.id === place.columnId)?.title ?? '',
  };
}

/**
 * Drag and drop of cards between the cells and the tray, in the shape of
 * dnd-kit's MultipleContainers: while dragging, a preview of place → cards
 * lives in this hook; a drop writes exactly one command, a cancel nothing.
 */
export function useMatrixDnd(content: BoardContent) {
  const { t } = useTranslation();
  const persisted = useMemo(() => groupMatrixNotes(content), [content]);
  const [preview, setPreview] = useState<MatrixItems | null>(null);
  const [activeNoteId, setActiveNoteId] = useState<NoteId | null>(null);
  const items = preview ?? persisted;

  // dnd-kit calls back (sensors, announcements) outside React's render: they read the latest values here.
  const itemsRef = useRef(items);
  const contentRef = useRef(content);
  const activeRef = useRef(activeNoteId);
  useLayoutEffect(() => {
    itemsRef.current = items;
    contentRef.current = content;
    activeRef.current = activeNoteId;
  });

  // A drop keeps its preview until the saved board catches up, so the card does not jump back.
  useEffect(() => {
    if (activeRef.current === null) setPreview(null);
  }, [content]);

  const keyboardTargetRef = useRef<string | null>(null);
  // The detection reads the ref only while a drag runs, never during render.
  // eslint-disable-next-line react-hooks/refs
  const [collisionDetection] = useState(() =>
    createMatrixCollisionDetection(keyboardTargetRef, () => itemsRef.current),
  );
  // The getters run when a key is pressed during a drag, never during render.
  // eslint-disable-next-line react-hooks/refs
  const [coordinateGetter] = useState(() =>
    createMatrixCoordinateGetter(
      () => itemsRef.current,
      () => ({
        rowIds: contentRef.current.rows.map((r) => r.id),
        columnIds: contentRef.current.columns.map((c) => c.id),
      }),
      keyboardTargetRef,
    ),
  );
  // Stable options: dnd-kit rebuilds its activators (and re-renders every card) when they change identity.
  const [keyboardOptions] = useState(() => ({ coordinateGetter }));
  useEndKeyboardDragOnUnmount();
  const sensors = useSensors(
    useSensor(CardPointerSensor, CARD_POINTER_OPTIONS),
    useSensor(KeyboardSensor, keyboardOptions),
  );

  function setItems(next: MatrixItems) {
    itemsRef.current = next;
    setPreview(next);
  }

  function end() {
    keyboardTargetRef.current = null;
    activeRef.current = null;
    setActiveNoteId(null);
    setPreview(null);
  }

  function onDragStart({ active }: DragStartEvent) {
    keyboardTargetRef.current = null;
    activeRef.current = active.id as NoteId;
    setActiveNoteId(active.id as NoteId);
    setItems(groupMatrixNotes(contentRef.current));
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over || over.id === active.id) return;
    const byKeyboard = keyboardTargetRef.current !== null;
    const translated = active.rect.current.translated;
    const below = !byKeyboard && translated !== null && translated.top > over.rect.top + over.rect.height / 2;
    const next = moveAcross(itemsRef.current, active.id as NoteId, String(over.id), below);
    if (!next) return;
    setItems(next);
    // The card now stands where the keys sent it: it is its own target from here on.
    if (byKeyboard) keyboardTargetRef.current = String(active.id);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const noteId = active.id as NoteId;
    const placement = dropPlacement(itemsRef.current, noteId, over ? String(over.id) : null);
    const place = placement ? placeFromKey(placement.key) : null;
    if (!placement || !place) {
      end();
      return;
    }
    const changes = planMatrix(() =>
      moveMatrixNote(contentRef.current, noteId, place, placement.index, Date.now()),
    );
    if (!changes || changes.length === 0) {
      end();
      return;
    }
    // Keep the preview (not the active card) until the saved board catches up.
    keyboardTargetRef.current = null;
    activeRef.current = null;
    setActiveNoteId(null);
    void commit(changes).then((ok) => {
      if (!ok) end();
    });
  }

  // Right after the pick-up dnd-kit reports the card over itself; announcing that would
  // replace "aufgenommen" in the same render, so screen readers never heard the pick-up.
  const justPickedUpRef = useRef(false);
  const announcements = useMemo<Announcements>(() => {
    const describe = (activeId: string, overId: string | null) => {
      const current = itemsRef.current;
      const placement = dropPlacement(current, activeId as NoteId, overId ?? activeId);
      const key = placement?.key ?? containerOf(current, activeId) ?? '';
      return {
        ...describePlace(contentRef.current, key),
        position: (placement?.index ?? 0) + 1,
        total: current[key]?.length ?? 0,
      };
    };
    const noteText = (id: string) =>
      shorten(contentRef.current.notes.find((n) => n.id === id)?.text ?? '') || t('notes.empty');
    const say = (kind: 'pickedUp' | 'over' | 'dropped', activeId: string, overId: string | null) => {
      const where = describe(activeId, overId);
      const params = { note: noteText(activeId), ...where };
      if (kind === 'pickedUp')
        return where.tray ? t('matrix.dnd.pickedUpTray', params) : t('matrix.dnd.pickedUpCell', params);
      if (kind === 'over')
        return where.tray ? t('matrix.dnd.overTray', params) : t('matrix.dnd.overCell', params);
      return where.tray ? t('matrix.dnd.droppedTray', params) : t('matrix.dnd.droppedCell', params);
    };
    return {
      onDragStart: ({ active }) => {
        justPickedUpRef.current = true;
        return say('pickedUp', String(active.id), null);
      },
      onDragOver: ({ active, over }) => {
        const first = justPickedUpRef.current;
        justPickedUpRef.current = false;
        if (first && over?.id === active.id) return undefined;
        return over ? say('over', String(active.id), String(over.id)) : t('matrix.dnd.outside');
      },
      onDragEnd: ({ active, over }) =>
        over ? say('dropped', String(active.id), String(over.id)) : t('matrix.dnd.droppedOutside'),
      onDragCancel: ({ active }) => t('dnd.cancelled', { note: noteText(String(active.id)) }),
    };
  }, [t]);

  return {
    sensors,
    collisionDetection,
    items,
    activeNoteId,
    handlers: { onDragStart, onDragOver, onDragEnd, onDragCancel: end },
    accessibility: {
      announcements,
      screenReaderInstructions: { draggable: t('matrix.dnd.instructions') },
    },
  };
}
