import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import type { KeyboardEventHandler } from 'react';
import { Icon } from '../../components/Icon';
import './a11y.css';

/**
 * The keyboard handle of a card that can be dragged: focusable, Space or
 * Enter picks the card up, the arrows move it, Space drops it, Escape cancels.
 */
export function DragHandle({
  label,
  attributes,
  listeners,
  setActivator,
}: {
  label: string;
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
  setActivator: (element: HTMLElement | null) => void;
}) {
  return (
    <button
      ref={setActivator}
      type="button"
      className="note-handle drag-handle-inline"
      data-drag-handle
      {...attributes}
      onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
      aria-label={label}
    >
      <Icon name="grip" />
    </button>
  );
}
