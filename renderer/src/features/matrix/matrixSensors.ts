import {
  closestCenter,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import type { NoteId } from '../../domain/ids';
import {
  containerOf,
  matrixKeyboardTarget,
  type ArrowKey,
  type MatrixItems,
  type MatrixLayout,
} from './matrixDnd';

/** What a droppable is: a card, or a place (a cell or the tray). */
export interface MatrixDropData {
  type: 'note' | 'place';
  /** The place key: the card's place, or the place itself. */
  key: string;
}

function dataOf(container: DroppableContainer): MatrixDropData | undefined {
  return container.data.current as MatrixDropData | undefined;
}

/**
 * The keyboard's chosen target while a keyboard drag runs. Geometry cannot
 * tell "the end of this cell" from "the last card in it", so keyboard moves
 * name their target and the collision detection takes it as it is. Once the
 * preview has moved the card there, the target becomes the card itself.
 */
export interface KeyboardTargetRef {
  current: string | null;
}

/**
 * For pointer drags, what is under the pointer: the cell (or tray) hit; once
 * the preview has the card in it, the card hit there, else its nearest card,
 * else the empty place itself. Outside every place there is no target.
 * Keyboard drags use the target the keys chose.
 */
export function createMatrixCollisionDetection(
  keyboardTarget: KeyboardTargetRef,
  getItems: () => MatrixItems,
): CollisionDetection {
  return (args) => {
    if (!args.pointerCoordinates && keyboardTarget.current !== null) {
      const chosen = args.droppableContainers.find((c) => c.id === keyboardTarget.current);
      if (chosen) return [{ id: chosen.id, data: { droppableContainer: chosen, value: 0 } }];
    }
    const rect = args.collisionRect;
    const point = args.pointerCoordinates ?? {
      x: rect.left + rect.width / 2,
      y: rect.top + rect.height / 2,
    };
    // Reading a droppable's rect costs (it adds scroll offsets): test the few places first,
    // then only the cards of the place that is hit.
    const contains = (container: DroppableContainer) => {
      const r = args.droppableRects.get(container.id);
      return !!r && point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom;
    };
    const place = args.droppableContainers.find((c) => dataOf(c)?.type === 'place' && contains(c));
    if (!place) return [];
    // Passing over another place's cards only counts as over that place: every change of
    // target re-renders all cards, so it changes once per place until the card is in it.
    if (containerOf(getItems(), String(args.active.id)) !== place.id) {
      return [{ id: place.id, data: { droppableContainer: place, value: 0 } }];
    }
    const notesThere = args.droppableContainers.filter(
      (c) => dataOf(c)?.type === 'note' && dataOf(c)?.key === place.id,
    );
    const noteHits = notesThere.filter(contains);
    if (noteHits.length > 0) return closestCenter({ ...args, droppableContainers: noteHits });
    if (notesThere.length > 0) return closestCenter({ ...args, droppableContainers: notesThere });
    return [{ id: place.id, data: { droppableContainer: place, value: 0 } }];
  };
}

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * Arrow keys move a card one place within its cell, or to the neighbouring
 * cell or the tray (see matrixKeyboardTarget). The overlay follows to the target.
 */
export function createMatrixCoordinateGetter(
  getItems: () => MatrixItems,
  getLayout: () => MatrixLayout,
  keyboardTarget: KeyboardTargetRef,
): KeyboardCoordinateGetter {
  return (event, { active, context }) => {
    if (!ARROWS.has(event.code)) return undefined;
    event.preventDefault();
    const overId = keyboardTarget.current ?? (context.over ? String(context.over.id) : null);
    const target = matrixKeyboardTarget(
      getItems(),
      getLayout(),
      active as NoteId,
      overId,
      event.code as ArrowKey,
    );
    if (!target) return undefined;
    const id = target.kind === 'note' ? target.id : target.key;
    const rect = context.droppableRects.get(id);
    if (!rect) return undefined;
    keyboardTarget.current = id;
    return { x: rect.left + 4, y: rect.top + 4 };
  };
}
