import { useDraggable, type DraggableSyntheticListeners } from '@dnd-kit/core';
import { createContext, useContext, useLayoutEffect, type KeyboardEvent, type PointerEvent } from 'react';
import type { NoteId } from '../../domain/ids';

/** The id of the one draggable that stands for whichever card is dragged. */
export const CARD_DRAG_ID = 'cluster-card';

/**
 * How the cards of a clusters board start a drag without each being a
 * dnd-kit draggable. Every draggable re-renders whenever a drag starts,
 * measures or ends — 2,000 cards three times over at each pick-up. Instead one
 * draggable (CardDragProxy) is pointed at the card under the pointer or the
 * focused handle the moment a drag may begin, and the cards themselves only
 * pass their events on; they never re-render for a drag they are not in.
 */
export interface CardDrag {
  /** The dragged item, read by the collision detection and the announcements (mutated when armed). */
  readonly data: { type: 'card'; noteId: NoteId };
  /** The id of the instructions every card handle points to (aria-describedby). */
  readonly describedBy: string;
  onPointerDown(event: PointerEvent, noteId: NoteId): void;
  onKeyDown(event: KeyboardEvent, noteId: NoteId): void;
  /** A card's element and its handle as they mount (ref callbacks; the result forgets them again). */
  cardRef(noteId: NoteId, element: HTMLElement | null): (() => void) | undefined;
  handleRef(noteId: NoteId, element: HTMLElement | null): (() => void) | undefined;
}

interface Proxy {
  listeners: DraggableSyntheticListeners;
  setNode(element: HTMLElement | null): void;
  setHandle(element: HTMLElement | null): void;
}

export interface CardDragSource extends CardDrag {
  /** Called by CardDragProxy with what its draggable offers now. */
  attach(proxy: Proxy): void;
}

export function createCardDrag(describedBy: string, dragging: () => boolean): CardDragSource {
  const cards = new Map<NoteId, HTMLElement>();
  const handles = new Map<NoteId, HTMLElement>();
  const data = { type: 'card' as const, noteId: '' as NoteId };
  let proxy: Proxy = { listeners: undefined, setNode: () => undefined, setHandle: () => undefined };
  // Points the draggable at this card (never while another drag runs).
  const arm = (noteId: NoteId) => {
    if (dragging() || !proxy.listeners) return false;
    data.noteId = noteId;
    proxy.setNode(cards.get(noteId) ?? null);
    proxy.setHandle(handles.get(noteId) ?? null);
    return true;
  };
  return {
    data,
    describedBy,
    attach(next) {
      proxy = next;
    },
    onPointerDown(event, noteId) {
      if (arm(noteId)) proxy.listeners?.onPointerDown?.(event);
    },
    onKeyDown(event, noteId) {
      if (arm(noteId)) proxy.listeners?.onKeyDown?.(event);
    },
    cardRef(noteId, element) {
      if (!element) return undefined;
      cards.set(noteId, element);
      // The dragged card in its new place: dnd-kit returns the focus to its handle.
      if (noteId === data.noteId) proxy.setNode(element);
      return () => {
        if (cards.get(noteId) === element) cards.delete(noteId);
      };
    },
    handleRef(noteId, element) {
      if (!element) return undefined;
      handles.set(noteId, element);
      if (noteId === data.noteId) proxy.setHandle(element);
      return () => {
        if (handles.get(noteId) === element) handles.delete(noteId);
      };
    },
  };
}

/** The one draggable for all cards; it re-renders with every drag, the cards do not. */
export function CardDragProxy({ drag }: { drag: CardDragSource }) {
  const { listeners, setNodeRef, setActivatorNodeRef } = useDraggable({ id: CARD_DRAG_ID, data: drag.data });
  useLayoutEffect(() => {
    drag.attach({ listeners, setNode: setNodeRef, setHandle: setActivatorNodeRef });
  });
  return null;
}

export const CardDragContext = createContext<CardDrag | null>(null);

export function useCardDrag(): CardDrag {
  const drag = useContext(CardDragContext);
  if (!drag) throw new Error('useCardDrag outside a clusters board');
  return drag;
}
