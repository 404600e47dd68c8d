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
export const clusterDropId = (id: ClusterId) => `cluster:${id}`;
export const clusterDragId = (id: ClusterId) => `drag-cluster:${id}`;

type DropData =
  | { type: 'card'; noteId: NoteId; clusterId: ClusterId | null }
  | { type: 'cluster'; clusterId: ClusterId }
  | { type: 'pool' };

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

/**
 * Finds what lies under the pointer (a keyboard drag: under the card's
 * centre) and what a drop would do there. Outside every card, cluster and
 * the pool there is no target, so a drop there changes nothing.
 */
export const clusterCollisionDetection: CollisionDetection = (args) => {
  const rect = args.collisionRect;
  const point = args.pointerCoordinates ?? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  const active = args.active.data.current as DragItem | undefined;
  // Each rect side is a getter that reads scroll offsets from the DOM: test the pool and
  // the clusters first, then only the cards of the one hit (not all 1,000 on each move).
  const inside = (container: DroppableContainer) => {
    const r = args.droppableRects.get(container.id);
    return !!r && point.x >= r.left && point.x <= r.right && point.y >= r.top && point.y <= r.bottom;
  };
  const groups = args.droppableContainers.filter((c) => dataOf(c)?.type !== 'card' && inside(c));
  const places = new Set(
    groups.map((c) => {
      const data = dataOf(c);
      return data?.type === 'cluster' ? data.clusterId : null;
    }),
  );
  const hits =
    active?.type === 'cluster'
      ? groups
      : [
          ...args.droppableContainers.filter((c) => {
            const data = dataOf(c);
            return data?.type === 'card' && places.has(data.clusterId) && inside(c);
          }),
          ...groups,
        ];
  const hit = (container: DroppableContainer, target: DropTarget) => [
    { id: container.id, data: { droppableContainer: container, value: 0, target } },
  ];

  if (active?.type === 'cluster') {
    const cluster = hits.find((c) => dataOf(c)?.type === 'cluster');
    const data = cluster && dataOf(cluster);
    if (!cluster || data?.type !== 'cluster') return [];
    if (data.clusterId === active.clusterId) return hit(cluster, { kind: 'self' });
    const r = args.droppableRects.get(cluster.id)!;
    const x = (point.x - r.left) / Math.max(1, r.width);
    if (x < EDGE) return hit(cluster, { kind: 'reorder', clusterId: data.clusterId, after: false });
    if (x > 1 - EDGE) return hit(cluster, { kind: 'reorder', clusterId: data.clusterId, after: true });
    return hit(cluster, { kind: 'merge', clusterId: data.clusterId });
  }

  const card = hits.find((c) => dataOf(c)?.type === 'card');
  const cardData = card && dataOf(card);
  if (card && cardData?.type === 'card') {
    if (active?.type === 'card' && cardData.noteId === active.noteId) return hit(card, { kind: 'self' });
    if (cardData.clusterId === null) return hit(card, { kind: 'newCluster', noteId: cardData.noteId });
    const r = args.droppableRects.get(card.id)!;
    const after = point.y > r.top + r.height / 2;
    return hit(card, { kind: 'into', clusterId: cardData.clusterId, noteId: cardData.noteId, after });
  }
  const cluster = hits.find((c) => dataOf(c)?.type === 'cluster');
  const clusterData = cluster && dataOf(cluster);
  if (cluster && clusterData?.type === 'cluster') {
    return hit(cluster, { kind: 'into', clusterId: clusterData.clusterId, noteId: null, after: true });
  }
  const pool = hits.find((c) => dataOf(c)?.type === 'pool');
  if (pool) return hit(pool, { kind: 'into', clusterId: null, noteId: null, after: true });
  return [];
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
