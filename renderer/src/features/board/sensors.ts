import {
  closestCenter,
  type PointerSensorOptions,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { ColumnId, NoteId } from '../../domain/ids';
import type { DragPreview } from '../../state/dragSlice';
import { keyboardTarget } from './dndModel';
import { LiftingPointerSensor } from './liftingSensor';

const INTERACTIVE = 'button, a, input, textarea, select, [contenteditable="true"]';

/**
 * The pointer sensor's options, one object for every render: dnd-kit rebuilds
 * its activators when a sensor's options change identity, and that re-renders
 * every draggable and droppable on the board (2,000 cards on each hover change).
 */
export const CARD_POINTER_OPTIONS: PointerSensorOptions = { activationConstraint: { distance: 6 } };

/** Pointer drags start anywhere on a card except on its buttons and fields (the handle is fine). */
export class CardPointerSensor extends LiftingPointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (!event.isPrimary || event.button !== 0) return false;
        const target = event.target instanceof Element ? event.target : null;
        if (target?.closest(INTERACTIVE) && !target.closest('[data-drag-handle]')) return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

export { KeyboardSensor } from '../a11y/keyboardSensor';

type DroppableKind = 'note' | 'column';

function kindOf(container: DroppableContainer): DroppableKind | undefined {
  return (container.data.current as { type?: DroppableKind } | undefined)?.type;
}

function columnIdOf(container: DroppableContainer): string | undefined {
  return (container.data.current as { columnId?: string } | undefined)?.columnId;
}

/**
 * Finds what is under the pointer (or, for keyboard moves, under the card's
 * centre): a card if one is hit, else the nearest card of the column hit, else
 * the empty column itself. Outside every column there is no target.
 */
export const boardCollisionDetection: CollisionDetection = (args) => {
  const rect = args.collisionRect;
  const point = args.pointerCoordinates ?? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  const hits = args.droppableContainers.filter((container) => {
    const r = args.droppableRects.get(container.id);
    return r && point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom;
  });
  const noteHits = hits.filter((c) => kindOf(c) === 'note');
  if (noteHits.length > 0) return closestCenter({ ...args, droppableContainers: noteHits });
  const column = hits.find((c) => kindOf(c) === 'column');
  if (!column) return [];
  const notesOfColumn = args.droppableContainers.filter(
    (c) => kindOf(c) === 'note' && columnIdOf(c) === column.id,
  );
  if (notesOfColumn.length > 0) return closestCenter({ ...args, droppableContainers: notesOfColumn });
  return [{ id: column.id, data: { droppableContainer: column, value: 0 } }];
};

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
const GAP = 6;

/**
 * Arrow keys move a card one place up or down, or jump to the neighbouring
 * column (instead of dnd-kit's default 25 px steps).
 */
export function createBoardCoordinateGetter(
  getItems: () => DragPreview,
  getColumnOrder: () => readonly ColumnId[],
): KeyboardCoordinateGetter {
  return (event, { active, context }) => {
    if (!ARROWS.has(event.code)) return undefined;
    event.preventDefault();
    const items = getItems();
    const target = keyboardTarget(
      items,
      getColumnOrder(),
      active as NoteId,
      context.over ? String(context.over.id) : null,
      event.code as 'ArrowUp',
    );
    if (!target) return undefined;
    const rects = context.droppableRects;
    if (target.kind === 'note') {
      const rect = rects.get(target.id);
      return rect ? { x: rect.left, y: rect.top } : undefined;
    }
    const columnRect = rects.get(target.columnId);
    if (!columnRect) return undefined;
    const last = (items[target.columnId] ?? []).filter((id) => id !== active).at(-1);
    const lastRect = last ? rects.get(last) : undefined;
    return { x: (lastRect ?? columnRect).left, y: lastRect ? lastRect.bottom + GAP : columnRect.top + 48 };
  };
}
