import type { ClientRect, CollisionDetection, DroppableContainer } from '@dnd-kit/core';
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addCard, clusterCards } from '../../../renderer/src/domain/clusterCommands';
import type { BoardId, ClusterId, NoteId, WorkshopId } from '../../../renderer/src/domain/ids';
import type { BoardContent, Note } from '../../../renderer/src/domain/types';
import {
  clusterCollisionDetection,
  dropChanges,
  SURFACE_ID,
  targetOf,
  type DragItem,
} from '../../../renderer/src/features/clusters/clusterDnd';
import { POOL_KEY, useStableGroups } from '../../../renderer/src/features/clusters/useStableGroups';
import { applyToContent } from '../../domain/fixtures';

function rect(left: number, top: number, width: number, height: number): ClientRect {
  return { left, top, width, height, right: left + width, bottom: top + height };
}

type Data = Record<string, unknown>;

/** An element of the page that reports the given box (jsdom lays nothing out). */
function element(r: ClientRect, noteId?: string): HTMLElement {
  const node = document.createElement(noteId ? 'li' : 'div');
  if (noteId) {
    node.className = 'cluster-card';
    node.dataset.noteId = noteId;
  }
  node.getBoundingClientRect = () => ({ ...r, x: r.left, y: r.top, toJSON: () => r }) as DOMRect;
  return node;
}

/**
 * The pool (0–400 × 0–200) with cards p1, p2; cluster K (0–300 × 300–600) with cards k1, k2;
 * cluster L beside it. The board's surface is the one droppable: the pool, the clusters and
 * their cards are found in its element (marked data-drop-group, data-cluster-id, data-note-id).
 */
function layout() {
  const surfaceBox = rect(0, 0, 1000, 1000);
  const surface = element(surfaceBox);
  const groups: Array<[string, ClientRect, Array<[string, ClientRect]>]> = [
    [
      'pool',
      rect(0, 0, 400, 200),
      [
        ['p1', rect(10, 40, 150, 60)],
        ['p2', rect(200, 40, 150, 60)],
      ],
    ],
    [
      'K',
      rect(0, 300, 300, 300),
      [
        ['k1', rect(10, 360, 280, 60)],
        ['k2', rect(10, 440, 280, 60)],
      ],
    ],
    ['L', rect(320, 300, 300, 300), []],
  ];
  for (const [id, box, cards] of groups) {
    const group = element(box);
    group.setAttribute('data-drop-group', id === 'pool' ? 'pool' : 'cluster');
    if (id !== 'pool') group.dataset.clusterId = id;
    for (const [noteId, cardBox] of cards) group.append(element(cardBox, noteId));
    surface.append(group);
  }
  const droppableRects = new Map([[SURFACE_ID, surfaceBox]]);
  const droppableContainers = [
    { id: SURFACE_ID, data: { current: { type: 'surface' } }, node: { current: surface } },
  ] as unknown as DroppableContainer[];
  return { droppableRects, droppableContainers };
}

function targetAt(item: DragItem, x: number, y: number) {
  const args = {
    ...layout(),
    active: { id: 'x', data: { current: item } },
    collisionRect: rect(x - 5, y - 5, 10, 10),
    pointerCoordinates: { x, y },
  } as unknown as Parameters<CollisionDetection>[0];
  return targetOf(clusterCollisionDetection(args) as Array<{ data?: Data }>);
}

const dragCard = (id: string): DragItem => ({ type: 'card', noteId: id as NoteId });
const dragCluster = (id: string): DragItem => ({ type: 'cluster', clusterId: id as ClusterId });

describe('what a drop does where', () => {
  it('a card on a card of the pool makes a new cluster; on itself nothing', () => {
    expect(targetAt(dragCard('k1'), 50, 60)).toEqual({ kind: 'newCluster', noteId: 'p1' });
    expect(targetAt(dragCard('p1'), 50, 60)).toEqual({ kind: 'self' });
  });

  it('a card on a card of a cluster goes before or after it, by the half it is over', () => {
    expect(targetAt(dragCard('p1'), 100, 370)).toEqual({
      kind: 'into',
      clusterId: 'K',
      noteId: 'k1',
      after: false,
    });
    expect(targetAt(dragCard('p1'), 100, 415)).toEqual({
      kind: 'into',
      clusterId: 'K',
      noteId: 'k1',
      after: true,
    });
  });

  it('a card on a cluster outside its cards, or on the pool outside its cards, goes to the end there', () => {
    expect(targetAt(dragCard('p1'), 100, 320)).toEqual({
      kind: 'into',
      clusterId: 'K',
      noteId: null,
      after: true,
    });
    expect(targetAt(dragCard('k1'), 380, 150)).toEqual({
      kind: 'into',
      clusterId: null,
      noteId: null,
      after: true,
    });
  });

  it('outside the pool and every cluster there is no target', () => {
    expect(targetAt(dragCard('p1'), 700, 100)).toBeNull();
    expect(targetAt(dragCluster('K'), 100, 100)).toBeNull();
  });

  it('a cluster on the middle of another merges, on its edges goes before or after it', () => {
    expect(targetAt(dragCluster('K'), 470, 400)).toEqual({ kind: 'merge', clusterId: 'L' });
    expect(targetAt(dragCluster('K'), 330, 400)).toEqual({ kind: 'reorder', clusterId: 'L', after: false });
    expect(targetAt(dragCluster('K'), 610, 400)).toEqual({ kind: 'reorder', clusterId: 'L', after: true });
    // Over its own cards a dragged cluster is over itself.
    expect(targetAt(dragCluster('K'), 100, 370)).toEqual({ kind: 'self' });
  });
});

function board(): BoardContent {
  let content: BoardContent = {
    board: {
      id: 'b' as BoardId,
      workshopId: 'w' as WorkshopId,
      title: 'B',
      phase: 'focus',
      kind: 'clusters',
      rank: 'a0',
      createdAt: 1,
    },
    columns: [],
    rows: [],
    clusters: [],
    notes: [],
  };
  for (const text of ['A', 'B', 'C'])
    content = applyToContent(content, addCard(content, { text, now: 1 }).changes);
  return content;
}

describe('drop commands', () => {
  it('writes nothing without a target or over itself', () => {
    const content = board();
    const a = content.notes[0]!.id;
    expect(dropChanges(content, { type: 'card', noteId: a }, null, [], 1)).toEqual([]);
    expect(dropChanges(content, { type: 'card', noteId: a }, { kind: 'self' }, [], 1)).toEqual([]);
  });

  it('runs one command for a drop: a new cluster, a move, a merge or a reorder', () => {
    let content = board();
    const [a, b, c] = content.notes.map((n) => n.id) as [NoteId, NoteId, NoteId];
    const made = dropChanges(content, { type: 'card', noteId: b }, { kind: 'newCluster', noteId: a }, [], 1);
    expect(made.map((ch) => ch.table)).toEqual(['clusters', 'notes', 'notes']);
    content = applyToContent(content, made);
    const k = content.clusters[0]!.id;
    const into = dropChanges(
      content,
      { type: 'card', noteId: c },
      { kind: 'into', clusterId: k, noteId: a, after: true },
      [],
      2,
    );
    content = applyToContent(content, into);
    expect(
      content.notes
        .filter((n) => n.clusterId === k)
        .sort((x, y) => (x.rank < y.rank ? -1 : 1))
        .map((n) => n.text),
    ).toEqual(['A', 'C', 'B']);
    const second = clusterCards(content, a, b, 3);
    content = applyToContent(content, second.changes);
    const merge = dropChanges(
      content,
      { type: 'cluster', clusterId: second.cluster.id },
      { kind: 'merge', clusterId: k },
      [],
      4,
    );
    expect(merge.at(-1)).toEqual({ table: 'clusters', before: second.cluster });
    const reorder = dropChanges(
      content,
      { type: 'cluster', clusterId: second.cluster.id },
      { kind: 'reorder', clusterId: k, after: false },
      [],
      4,
    );
    expect(reorder).toHaveLength(1);
  });
});

describe('stable groups', () => {
  it('keeps unchanged cards and groups identical across fresh query results', () => {
    const content = board();
    const { result, rerender } = renderHook(({ notes }: { notes: Note[] }) => useStableGroups(notes), {
      initialProps: { notes: content.notes },
    });
    const first = result.current;
    const fresh = content.notes.map((n) => ({ ...n }));
    rerender({ notes: fresh });
    expect(result.current.get(POOL_KEY)).toBe(first.get(POOL_KEY));
    const edited = fresh.map((n, i) => (i === 1 ? { ...n, text: 'B2', updatedAt: 9 } : { ...n }));
    rerender({ notes: edited });
    const pool = result.current.get(POOL_KEY)!;
    expect(pool).not.toBe(first.get(POOL_KEY));
    expect(pool[0]).toBe(first.get(POOL_KEY)![0]);
    expect(pool[1]!.text).toBe('B2');
  });
});
