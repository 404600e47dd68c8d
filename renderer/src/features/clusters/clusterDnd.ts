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

type DropData = { type: 'cluster'; clusterId: ClusterId } | { type: 'pool' } | { type: 'surface' };

function dataOf(container: DroppableContainer): DropData | undefined {
  return container.data.current as DropData | undefined;
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

/**
 * A card's box in dnd-kit's coordinates. Cards are not droppables (2,000 of
 * them would be measured at every pick-up, and every change of the hovered
 * one would re-render every card): a card's place inside its cluster is read
 * from the page now and laid onto the cluster's box as dnd-kit measured it.
 */
export function cardBox(container: HTMLElement, containerBox: Box, card: HTMLElement): Box {
  const outer = container.getBoundingClientRect();
  const inner = card.getBoundingClientRect();
  const dx = containerBox.left - outer.left;
  const dy = containerBox.top - outer.top;
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
  const inside = (r: Box | undefined | null) =>
    !!r && point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom;
  let surface: DroppableContainer | undefined;
  let group: DroppableContainer | undefined;
  for (const container of args.droppableContainers) {
    const data = dataOf(container);
    if (data?.type === 'surface') surface = container;
    else if (!group && data && inside(args.droppableRects.get(container.id))) group = container;
  }
  if (!surface) return [];
  const found = surface;
  const hit = (target: DropTarget | null) => [
    { id: found.id, data: { droppableContainer: found, value: 0, ...(target ? { target } : {}) } },
  ];
  const data = group && dataOf(group);
  if (!group || !data) return hit(null);

  if (active?.type === 'cluster') {
    if (data.type !== 'cluster') return hit(null);
    if (data.clusterId === active.clusterId) return hit({ kind: 'self' });
    const r = args.droppableRects.get(group.id)!;
    const x = (point.x - r.left) / Math.max(1, r.width);
    if (x < EDGE) return hit({ kind: 'reorder', clusterId: data.clusterId, after: false });
    if (x > 1 - EDGE) return hit({ kind: 'reorder', clusterId: data.clusterId, after: true });
    return hit({ kind: 'merge', clusterId: data.clusterId });
  }

  const clusterId = data.type === 'cluster' ? data.clusterId : null;
  const node = group.node.current;
  const groupBox = args.droppableRects.get(group.id);
  if (node && groupBox) {
    for (const card of cardElements(node)) {
      const box = cardBox(node, groupBox, card);
      if (!inside(box)) continue;
      const noteId = card.dataset.noteId as NoteId;
      if (active?.type === 'card' && noteId === active.noteId) return hit({ kind: 'self' });
      if (clusterId === null) return hit({ kind: 'newCluster', noteId });
      return hit({ kind: 'into', clusterId, noteId, after: point.y > box.top + box.height / 2 });
    }
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
