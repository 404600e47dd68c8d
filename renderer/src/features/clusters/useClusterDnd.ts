import {
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { KeyboardSensor, useEndKeyboardDragOnUnmount } from '../a11y/keyboardSensor';
import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { cardsIn, sortedClusters } from '../../domain/clusterCommands';
import type { ClusterId, NoteId } from '../../domain/ids';
import type { BoardContent, Idea } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { commit, plan } from '../app/commands';
import { CARD_POINTER_OPTIONS, CardPointerSensor } from '../board/sensors';
import { shorten } from '../board/useNoteDnd';
import {
  cardBox,
  clusterDropId,
  DROP_GROUP,
  dropChanges,
  landingIndex,
  POOL_ID,
  SURFACE_ID,
  targetOf,
  type DragItem,
  type DropTarget,
} from './clusterDnd';

function sameTarget(a: DropTarget | null, b: DropTarget | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface Stop {
  id: UniqueIdentifier;
  /** The element on the board the stop lies on. */
  selector: string;
  /** Where in the element the dragged item's centre goes: a fraction of its width; px from the top (null: a card, see CARD_AIM). */
  fx: number;
  top: number | null;
}

/** Where on a card (a fraction of its height) a keyboard-dragged item is aimed. */
const CARD_AIM = 0.4;

const clusterStop = (id: ClusterId, fx: number): Stop => ({
  id: clusterDropId(id),
  selector: `li.cluster[data-cluster-id="${id}"]`,
  fx,
  top: 24,
});
const cardStop = (id: NoteId): Stop => ({
  id,
  selector: `li.cluster-card[data-note-id="${id}"]`,
  fx: 0.5,
  top: null,
});

/**
 * Every place an arrow key can move the dragged item to, in reading order:
 * for a card the pool and its cards, then each cluster (its header = the end)
 * and its cards; for a cluster the front edge, middle (merge) and back edge of each.
 */
function keyboardStops(content: BoardContent, item: DragItem): Stop[] {
  const clusters = sortedClusters(content);
  if (item.type === 'cluster') {
    return clusters.flatMap((c) =>
      c.id === item.clusterId ? [clusterStop(c.id, 0.5)] : [0.1, 0.5, 0.9].map((fx) => clusterStop(c.id, fx)),
    );
  }
  const stops: Stop[] = [{ id: POOL_ID, selector: `[${DROP_GROUP}="pool"]`, fx: 0.5, top: 16 }];
  for (const note of cardsIn(content, null)) stops.push(cardStop(note.id));
  for (const cluster of clusters) {
    stops.push(clusterStop(cluster.id, 0.5));
    if (!cluster.collapsed) for (const note of cardsIn(content, cluster.id)) stops.push(cardStop(note.id));
  }
  return stops;
}

/** The element a target lies on: a card, a cluster, the pool, or none. */
function hoveredOf(target: DropTarget | null): string {
  if (!target) return 'none';
  switch (target.kind) {
    case 'self':
      return 'self';
    case 'newCluster':
      return target.noteId;
    case 'into':
      return target.noteId ?? `cluster:${target.clusterId ?? POOL_ID}`;
    case 'merge':
    case 'reorder':
      return `cluster:${target.clusterId}`;
  }
}

/**
 * Where a stop is, in dnd-kit's coordinates, read from the page (see cardBox);
 * none for a card not rendered (far from the screen): the arrows pass it by.
 */
function stopBox(stop: Stop, context: Parameters<KeyboardCoordinateGetter>[1]['context']) {
  const surface = context.droppableContainers.get(SURFACE_ID);
  const surfaceBox = context.droppableRects.get(SURFACE_ID);
  const node = surface?.node.current;
  const element = node?.querySelector<HTMLElement>(stop.selector);
  return node && surfaceBox && element ? cardBox(node, surfaceBox, element) : null;
}

/**
 * Drag and drop on a clusters board: cards onto cards (a new cluster), into
 * clusters and the pool; clusters onto clusters (merge) or beside them
 * (reorder). The hovered target lives in one small piece of state; a drop
 * commits exactly one command, a cancel or a drop outside writes nothing.
 */
export function useClusterDnd(contentRef: RefObject<BoardContent>, ideasRef: RefObject<readonly Idea[]>) {
  const { t } = useTranslation();
  const [active, setActive] = useState<DragItem | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);
  const activeRef = useRef<DragItem | null>(null);
  const targetRef = useRef<DropTarget | null>(null);
  const stopRef = useRef(-1);

  function updateTarget(next: DropTarget | null) {
    if (sameTarget(targetRef.current, next)) return;
    targetRef.current = next;
    setTarget(next);
  }

  // Runs only while a key is pressed during a drag, never during render.
  const [coordinateGetter] = useState(() => {
    const getter: KeyboardCoordinateGetter = (event, { context }) => {
      const forward = event.code === 'ArrowDown' || event.code === 'ArrowRight';
      const backward = event.code === 'ArrowUp' || event.code === 'ArrowLeft';
      const item = activeRef.current;
      const rect = context.collisionRect;
      if ((!forward && !backward) || !item || !rect) return undefined;
      event.preventDefault();
      const stops = keyboardStops(contentRef.current, item);
      if (stopRef.current < 0) {
        const own = item.type === 'card' ? item.noteId : clusterDropId(item.clusterId);
        stopRef.current = Math.max(
          0,
          stops.findIndex((s) => s.id === own),
        );
      }
      for (
        let next = stopRef.current + (forward ? 1 : -1);
        next >= 0 && next < stops.length;
        next += forward ? 1 : -1
      ) {
        const stop = stops[next]!;
        const box = stopBox(stop, context);
        if (!box) continue;
        stopRef.current = next;
        const x = box.left + box.width * stop.fx;
        // On a card: a little above its middle, clearly "before" it, so that a pixel of
        // scrolling or layout does not turn the announced place into the one after it.
        const y =
          stop.top === null ? box.top + box.height * CARD_AIM : box.top + Math.min(stop.top, box.height / 2);
        return { x: x - rect.width / 2, y: y - rect.height / 2 };
      }
      return undefined;
    };
    return getter;
  });

  // Stable options: new ones would rebuild dnd-kit's activators and re-render every card.
  const keyboardOptions = useMemo(() => ({ coordinateGetter }), [coordinateGetter]);
  useEndKeyboardDragOnUnmount();
  const sensors = useSensors(
    useSensor(CardPointerSensor, CARD_POINTER_OPTIONS),
    useSensor(KeyboardSensor, keyboardOptions),
  );

  function finish() {
    activeRef.current = null;
    targetRef.current = null;
    stopRef.current = -1;
    setActive(null);
    setTarget(null);
  }

  function onDragStart({ active: dragged }: DragStartEvent) {
    // A copy: a card's item is one object, re-pointed at the next card before its drag (cardDrag.tsx).
    const item = { ...(dragged.data.current as DragItem) };
    activeRef.current = item;
    stopRef.current = -1;
    setActive(item);
  }

  // The collision is always the board's surface (see clusterCollisionDetection): what is
  // hovered lives in the collision data, read on every move.
  function onDragMove({ collisions }: DragMoveEvent) {
    updateTarget(targetOf(collisions));
  }

  // What the drop did, worked out before the board changes, for the announcement after it.
  const droppedRef = useRef<string | null>(null);
  // The item dropped by keyboard, to be shown once the board shows it in its new place.
  const revealRef = useRef<DragItem | null>(null);
  const boardChanged = useCallback(() => {
    const item = revealRef.current;
    revealRef.current = null;
    if (item) requestAnimationFrame(() => revealFocused(item));
  }, []);
  function onDragEnd({ collisions, activatorEvent }: DragEndEvent) {
    const item = activeRef.current;
    const dropTarget = collisions ? targetOf(collisions) : targetRef.current;
    finish();
    if (!item) return;
    droppedRef.current = describeDrop(item, dropTarget);
    const changes = plan(() =>
      dropChanges(contentRef.current, item, dropTarget, ideasRef.current, Date.now()),
    );
    if (changes && changes.length > 0) {
      // A keyboard drag: the focus stays with the dropped item, scrolled into view in its new place.
      if (activatorEvent instanceof KeyboardEvent) revealRef.current = item;
      void commit(changes);
    }
  }

  // The announcements read the target from the collision data, so they say what a drop will do.
  // A target is announced once, when it changes; right after the pick-up, being over
  // the card's own place is not.
  const announcedRef = useRef<string | null>(null);
  const { announcements, describeDrop } = useMemo(() => {
    const noteText = (id: NoteId) =>
      shorten(contentRef.current.notes.find((n) => n.id === id)?.text ?? '') || t('notes.empty');
    const clusterTitle = (id: ClusterId | null) =>
      id === null ? t('clusters.pool') : (contentRef.current.clusters.find((c) => c.id === id)?.title ?? '');
    const name = (item: DragItem) =>
      item.type === 'card'
        ? t('clusters.dnd.card', { note: noteText(item.noteId) })
        : t('clusters.dnd.cluster', { title: clusterTitle(item.clusterId) });
    const describe = (item: DragItem, dropTarget: DropTarget | null): string => {
      if (!dropTarget) return t('clusters.dnd.outside', { item: name(item) });
      switch (dropTarget.kind) {
        case 'self':
          return t('clusters.dnd.self', { item: name(item) });
        case 'newCluster':
          return t('clusters.dnd.overCard', { item: name(item), note: noteText(dropTarget.noteId) });
        case 'into': {
          const index = item.type === 'card' ? landingIndex(contentRef.current, item.noteId, dropTarget) : 0;
          const total = cardsIn(contentRef.current, dropTarget.clusterId).filter(
            (n) => item.type !== 'card' || n.id !== item.noteId,
          ).length;
          return t('clusters.dnd.overCluster', {
            item: name(item),
            cluster: clusterTitle(dropTarget.clusterId),
            position: index + 1,
            total: total + 1,
          });
        }
        case 'merge':
          return t('clusters.dnd.overMerge', {
            item: name(item),
            cluster: clusterTitle(dropTarget.clusterId),
          });
        case 'reorder':
          return t(dropTarget.after ? 'clusters.dnd.overAfter' : 'clusters.dnd.overBefore', {
            item: name(item),
            cluster: clusterTitle(dropTarget.clusterId),
          });
      }
    };
    const itemOf = (data: unknown) => data as DragItem;
    const announcements: Announcements = {
      onDragStart: ({ active: dragged }) => {
        announcedRef.current = null;
        return t('clusters.dnd.pickedUp', { item: name(itemOf(dragged.data.current)) });
      },
      onDragMove: ({ active: dragged }) => {
        const current = targetRef.current;
        const key = JSON.stringify(current);
        const previous = announcedRef.current;
        if (key === previous) return undefined;
        announcedRef.current = key;
        if (previous === null && (current === null || current.kind === 'self')) return undefined;
        const text = describe(itemOf(dragged.data.current), current);
        // As before cards were droppables of their own: a new element under the pointer is
        // announced by dnd-kit's live region, another spot on the same one (a card's upper
        // or lower half, a cluster's edge or middle) by the app's.
        if (
          previous !== null &&
          hoveredOf(JSON.parse(previous) as DropTarget | null) === hoveredOf(current)
        ) {
          announce(text);
          return undefined;
        }
        return text;
      },
      onDragOver: () => undefined,
      onDragEnd: ({ active: dragged }) => {
        const text = droppedRef.current;
        droppedRef.current = null;
        return text ?? t('clusters.dnd.droppedOutside', { item: name(itemOf(dragged.data.current)) });
      },
      onDragCancel: ({ active: dragged }) =>
        t('clusters.dnd.cancelled', { item: name(itemOf(dragged.data.current)) }),
    };
    const describeDrop = (item: DragItem, dropTarget: DropTarget | null): string => {
      const args = { item: name(item) };
      if (!dropTarget) return t('clusters.dnd.droppedOutside', args);
      switch (dropTarget.kind) {
        case 'self':
          return t('clusters.dnd.droppedSelf', args);
        case 'newCluster':
          return t('clusters.dnd.droppedNew', { ...args, note: noteText(dropTarget.noteId) });
        case 'into': {
          const index = item.type === 'card' ? landingIndex(contentRef.current, item.noteId, dropTarget) : 0;
          return t('clusters.dnd.droppedInto', {
            ...args,
            cluster: clusterTitle(dropTarget.clusterId),
            position: index + 1,
          });
        }
        case 'merge':
          return t('clusters.dnd.droppedMerge', { ...args, cluster: clusterTitle(dropTarget.clusterId) });
        case 'reorder':
          return t(dropTarget.after ? 'clusters.dnd.droppedAfter' : 'clusters.dnd.droppedBefore', {
            ...args,
            cluster: clusterTitle(dropTarget.clusterId),
          });
      }
    };
    return { announcements, describe, describeDrop };
  }, [t, contentRef]);

  return {
    sensors,
    active,
    target,
    handlers: { onDragStart, onDragMove, onDragOver: onDragMove, onDragEnd, onDragCancel: finish },
    /** To be called when the board's content changed (after the render showing it). */
    boardChanged,
    accessibility: {
      announcements,
      screenReaderInstructions: { draggable: t('clusters.dnd.instructions') },
    },
  };
}

/**
 * Scrolls the dropped item into view once it holds the focus in its new place
 * (dnd-kit or the focus rescue puts it there within a few frames): dnd-kit
 * focuses it before the board has moved it, which on a big board can leave it
 * far from the screen.
 */
function revealFocused(item: DragItem, framesLeft = 20): void {
  const selector =
    item.type === 'card'
      ? `li.cluster-card[data-note-id="${item.noteId}"]`
      : `li.cluster[data-cluster-id="${item.clusterId}"]`;
  const element = document.querySelector<HTMLElement>(selector);
  if (element?.contains(document.activeElement)) {
    (document.activeElement as HTMLElement).scrollIntoView({ block: 'nearest' });
    return;
  }
  if (framesLeft > 0) requestAnimationFrame(() => revealFocused(item, framesLeft - 1));
}

/** The announcement store's setter, for messages outside a drag (menus, dialogs). */
export function announce(text: string): void {
  useAppStore.getState().announce(text);
}
