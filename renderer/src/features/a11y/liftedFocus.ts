import { useCallback, useLayoutEffect, useRef } from 'react';
import { keyboardDragRunning } from './keyboardSensor';

/**
 * Keeps the focus with a card lifted by keyboard. On the boards whose cards
 * are sortable (columns, matrix), a card moved into another column or cell
 * during the drag is a new element there; the old one took the focus with it,
 * which left it on the document until the drop. Here the new element's handle
 * takes it back, when the focus was lost and a keyboard drag is running (a
 * pointer drag leaves the focus where it is).
 *
 * `setActivatorNodeRef` is dnd-kit's for the handle; returns the ref to put on it.
 */
export function useLiftedHandleFocus(
  isDragging: boolean,
  setActivatorNodeRef: (element: HTMLElement | null) => void,
): (element: HTMLButtonElement | null) => void {
  const handleRef = useRef<HTMLButtonElement | null>(null);
  const ref = useCallback(
    (element: HTMLButtonElement | null) => {
      handleRef.current = element;
      setActivatorNodeRef(element);
    },
    [setActivatorNodeRef],
  );
  useLayoutEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (isDragging && lost && keyboardDragRunning()) handleRef.current?.focus({ preventScroll: true });
  }, [isDragging]);
  return ref;
}
