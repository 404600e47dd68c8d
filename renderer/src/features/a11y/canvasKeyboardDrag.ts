import { pointerWithin, type CollisionDetection, type KeyboardCoordinateGetter } from '@dnd-kit/core';

const FIELD_PREFIX = 'field:';

/**
 * Keyboard dragging of a card onto the fields of a canvas: each arrow key
 * jumps to the next (↓ →) or previous (↑ ←) field in reading order, so the
 * card never floats between fields. Returns the getter for dnd-kit's
 * KeyboardSensor and a reset for the start of each drag.
 */
export function fieldStops(): { coordinateGetter: KeyboardCoordinateGetter; reset: () => void } {
  let current = -1;
  const coordinateGetter: KeyboardCoordinateGetter = (event, { context }) => {
    const forward = event.code === 'ArrowDown' || event.code === 'ArrowRight';
    const backward = event.code === 'ArrowUp' || event.code === 'ArrowLeft';
    const card = context.collisionRect;
    if ((!forward && !backward) || !card) return undefined;
    event.preventDefault();
    const fields = context.droppableContainers
      .getEnabled()
      .filter((container) => String(container.id).startsWith(FIELD_PREFIX))
      .flatMap((container) => {
        const rect = context.droppableRects.get(container.id);
        return rect ? [rect] : [];
      })
      // Reading order: by row (rounded, fields of a row differ by a pixel or two), then left to right.
      .sort((a, b) => Math.round(a.top / 8) - Math.round(b.top / 8) || a.left - b.left);
    if (fields.length === 0) return undefined;
    current =
      current < 0
        ? forward
          ? 0
          : fields.length - 1
        : Math.min(fields.length - 1, Math.max(0, current + (forward ? 1 : -1)));
    const field = fields[current]!;
    // The card's centre lands in the upper part of the field (tall fields would hide it below the fold).
    const x = field.left + field.width / 2;
    const y = field.top + Math.min(field.height / 2, 48);
    return { x: x - card.width / 2, y: y - card.height / 2 };
  };
  return {
    coordinateGetter,
    reset: () => {
      current = -1;
    },
  };
}

/**
 * The field under the pointer; in a keyboard drag (no pointer) the field
 * under the centre of the moved card.
 */
export const fieldCollision: CollisionDetection = (args) => {
  if (args.pointerCoordinates) return pointerWithin(args);
  const rect = args.collisionRect;
  return pointerWithin({
    ...args,
    pointerCoordinates: { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 },
  });
};
