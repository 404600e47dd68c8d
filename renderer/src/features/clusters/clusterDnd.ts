import type { CollisionDetection, DroppableContainer } from '@dnd-kit/core';
import {
  cardsIn,
  clusterCards,
  mergeClusters,
  moveCard,
  moveCluster,
  sortedClusters,
} from '../../domain/clusterCommands';
import type { Change } from '../../domain/changes';
import type { ClusterId, NoteId } from '../../domain/ids';
import type { BoardContent, Idea } from '../../domain/types';

/** What the pointer (or the keyboard-moved card) is over, and what a drop there would do. */
export type DropTarget =
  /** A card dropped on a card of the pool: both make a new cluster. */
  | { kind: 'newCluster'; noteId: NoteId }
  /** Into a cluster (or the pool, null): before or after a card, or at the end. */
  | { kind: 'into'; clusterId: ClusterId | null; noteId: NoteId | null; after: boolean }
  /** A cluster dropped on the middle of another: merged into it. */
  | { kind: 'merge'; clusterId: ClusterId }
  /** A cluster dropped on the edge of another: placed before or after it. */
  | { kind: 'reorder'; clusterId: ClusterId; after: boolean }
  /** Over itself: a drop changes nothing. */
  | { kind: 'self' };

export type DragItem = { type: 'card'; noteId: NoteId } | { type: 'cluster'; clusterId: ClusterId };

export const POOL_ID = 'pool';
/** The one droppable a drag is "over": the whole board. What lies under the pointer is in the collision's data. */
export const SURFACE_ID = 'cluster-surface';
export const clusterDropId = (id: ClusterId) => `cluster:${id}`;
export const clusterDragId = (id: ClusterId) => `drag-cluster:${id}`;

/** The attribute that marks the pool's element ("pool") and each cluster's ("cluster", with data-cluster-id): see PoolView, ClusterView. */
export const DROP_GROUP = 'data-drop-group';

function isSurface(container: DroppableContainer): boolean {
  return (container.data.current as { type?: string } | undefined)?.type === 'surface';
}

/** Reads the target that clusterCollisionDetection put on the first collision. */
export function targetOf(
  collisions: ReadonlyArray<{ data?: Record<string, unknown> }> | null,
): DropTarget | null {
  return (collisions?.[0]?.data?.target as DropTarget | undefined) ?? null;
}

/** The share of a cluster's width at each edge where a dropped cluster goes before/after instead of merging. */
const EDGE = 0.25;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** The cards shown in a cluster's (or the pool's) element, in order. */
export function cardElements(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>('li.cluster-card[data-note-id]'));
}

/** The pool's element and every cluster's, in the board's order. */
export function groupElements(surface: HTMLElement): HTMLElement[] {
  return Array.from(surface.querySelectorAll<HTMLElement>(`[${DROP_GROUP}]`));
}

/**
 * An element's box in dnd-kit's coordinates. The board is one droppable (the
 * surface): neither clusters nor cards are droppables of their own, so a
 * pick-up measures one box instead of thousands, and no cluster or card
 * re-renders as the pointer crosses them. Where an element lies is read from
 * the page now and laid onto the surface's box as dnd-kit measured it (which
 * dnd-kit keeps up with scrolling).
 */
export function cardBox(surface: HTMLElement, surfaceBox: Box, element: HTMLElement): Box {
  const outer = surface.getBoundingClientRect();
  const inner = element.getBoundingClientRect();
  const dx = surfaceBox.left - outer.left;
  const dy = surfaceBox.top - outer.top;
  return {
    left: inner.left + dx,
    top: inner.top + dy,
    right: inner.right + dx,
    bottom: inner.bottom + dy,
    width: inner.width,
    height: inner.height,
  };
}

/**
 * Finds what lies under the pointer (a keyboard drag: under the card's
 * centre) and what a drop would do there. Outside every card, cluster and
 * the pool there is no target, so a drop there changes nothing. The
 * collision is always the board's surface, so dnd-kit's "over" stays put
 * during a drag and no card re-renders as the pointer crosses the board.
 */
export const clusterCollisionDetection: CollisionDetection = (args) => {
  const rect = args.collisionRect;
  const point = args.pointerCoordinates ?? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  const active = args.active.data.current as DragItem | undefined;
  const inside = (r: Box) =>
    point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom;
  const surface = args.droppableContainers.find(isSurface);
  if (!surface) return [];
  const hit = (target: DropTarget | null) => [
    { id: surface.id, data: { droppableContainer: surface, value: 0, ...(target ? { target } : {}) } },
  ];
  const node = surface.node.current;
  const surfaceBox = args.droppableRects.get(surface.id);
  if (!node || !surfaceBox) return hit(null);
  let group: HTMLElement | undefined;
  let groupBox: Box | undefined;
  for (const element of groupElements(node)) {
    const box = cardBox(node, surfaceBox, element);
    if (inside(box)) {
      group = element;
      groupBox = box;
      break;
    }
  }
  if (!group || !groupBox) return hit(null);
  const clusterId =
    group.getAttribute(DROP_GROUP) === 'cluster' ? (group.dataset.clusterId as ClusterId) : null;

  if (active?.type === 'cluster') {
    if (clusterId === null) return hit(null);
    if (clusterId === active.clusterId) return hit({ kind: 'self' });
    const x = (point.x - groupBox.left) / Math.max(1, groupBox.width);
    if (x < EDGE) return hit({ kind: 'reorder', clusterId, after: false });
    if (x > 1 - EDGE) return hit({ kind: 'reorder', clusterId, after: true });
    return hit({ kind: 'merge', clusterId });
  }

  for (const card of cardElements(group)) {
    const box = cardBox(node, surfaceBox, card);
    if (!inside(box)) continue;
    const noteId = card.dataset.noteId as NoteId;
    if (active?.type === 'card' && noteId === active.noteId) return hit({ kind: 'self' });
    if (clusterId === null) return hit({ kind: 'newCluster', noteId });
    return hit({ kind: 'into', clusterId, noteId, after: point.y > box.top + box.height / 2 });
  }
  return hit({ kind: 'into', clusterId, noteId: null, after: true });
};

/** Where a card would land in a cluster or the pool: its index among the other cards there. */
export function landingIndex(
  content: BoardContent,
  noteId: NoteId,
  target: Extract<DropTarget, { kind: 'into' }>,
): number {
  const others = cardsIn(content, target.clusterId).filter((n) => n.id !== noteId);
  if (target.noteId === null) return others.length;
  const overIndex = others.findIndex((n) => n.id === target.noteId);
  if (overIndex < 0) return others.length;
  return overIndex + (target.after ? 1 : 0);
}

/** The command a drop runs: nothing (an empty list) when the drop changes nothing. */
export function dropChanges(
  content: BoardContent,
  item: DragItem,
  target: DropTarget | null,
  ideas: readonly Idea[],
  now: number,
): Change[] {
  if (!target || target.kind === 'self') return [];
  if (item.type === 'card') {
    if (target.kind === 'newCluster') return clusterCards(content, target.noteId, item.noteId, now).changes;
    if (target.kind !== 'into') return [];
    return moveCard(content, item.noteId, target.clusterId, landingIndex(content, item.noteId, target), now);
  }
  if (target.kind === 'merge') return mergeClusters(content, item.clusterId, target.clusterId, ideas, now);
  if (target.kind !== 'reorder') return [];
  const others = sortedClusters(content).filter((c) => c.id !== item.clusterId);
  const index = others.findIndex((c) => c.id === target.clusterId);
  if (index < 0) return [];
  return moveCluster(content, item.clusterId, index + (target.after ? 1 : 0), now);
}
