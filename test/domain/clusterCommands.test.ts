import { describe, expect, it } from 'vitest';
import { invertChanges, type Change } from '../../renderer/src/domain/changes';
import {
  addCard,
  addCluster,
  cardsIn,
  clusterCards,
  defaultClusterTitle,
  deleteCluster,
  dissolveCluster,
  mergeClusters,
  moveCard,
  moveCluster,
  renameCluster,
  setClusterCollapsed,
  splitCluster,
} from '../../renderer/src/domain/clusterCommands';
import { bringInCards } from '../../renderer/src/domain/clusterCopy';
import { MAX_COMPOSED_RANK, storedNote } from '../../renderer/src/domain/clusterMerge';
import { editNote } from '../../renderer/src/domain/boardCommands';
import {
  demoteFocusArea,
  promoteToFocusArea,
  validateFocusArea,
} from '../../renderer/src/domain/clusterFocusAreas';
import { DomainError } from '../../renderer/src/domain/errors';
import type { BoardId, ClusterId, IdeaId, WorkshopId } from '../../renderer/src/domain/ids';
import type { Board, BoardContent, Cluster, Idea, Note } from '../../renderer/src/domain/types';
import { applyToContent } from './fixtures';

const WORKSHOP = 'w1' as WorkshopId;

function emptyBoard(id = 'b1'): BoardContent {
  const board: Board = {
    id: id as BoardId,
    workshopId: WORKSHOP,
    title: 'Handlungsschwerpunkte',
    phase: 'focus',
    kind: 'clusters',
    rank: 'a0',
    createdAt: 1,
  };
  return { board, columns: [], rows: [], clusters: [], notes: [] };
}

/** A board with the given cards in the pool. */
function boardWith(...texts: string[]): BoardContent {
  let content = emptyBoard();
  for (const text of texts) content = applyToContent(content, addCard(content, { text, now: 1 }).changes);
  return content;
}

const card = (content: BoardContent, text: string): Note => content.notes.find((n) => n.text === text)!;
const clusterNamed = (content: BoardContent, title: string): Cluster =>
  content.clusters.find((c) => c.title === title)!;

/** Pool and clusters as the user sees them: titles and card texts in order. */
function layout(content: BoardContent): Record<string, string[]> {
  const result: Record<string, string[]> = { pool: cardsIn(content, null).map((n) => n.text) };
  for (const cluster of content.clusters)
    result[cluster.title] = cardsIn(content, cluster.id).map((n) => n.text);
  return result;
}

/** Applies a command, checks that undo (the inverse) gives back exactly the board before, returns the result. */
function applyAndCheckUndo(content: BoardContent, changes: Change[]): BoardContent {
  const after = applyToContent(content, changes);
  const undone = applyToContent(after, invertChanges(changes));
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  expect(byId(undone.notes)).toEqual(byId(content.notes));
  expect(byId(undone.clusters)).toEqual(byId(content.clusters));
  return after;
}

function idea(id: string, focusAreaId: ClusterId | null): Idea {
  return {
    id: id as IdeaId,
    workshopId: WORKSHOP,
    boardId: 'ideas' as BoardId,
    focusAreaId,
    templateId: 'standard',
    title: `Idee ${id}`,
    fields: {},
    sources: [],
    rank: 'a0',
    createdAt: 1,
    updatedAt: 1,
  };
}

function refusal(command: () => unknown): string {
  try {
    command();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('the command was not refused');
}

describe('cards on a clusters board', () => {
  it('adds cards to the end of the pool, with no column or row', () => {
    const content = boardWith('Akten digital', 'KI-Chatbot');
    expect(layout(content)).toEqual({ pool: ['Akten digital', 'KI-Chatbot'] });
    for (const note of content.notes)
      expect([note.columnId, note.rowId, note.clusterId]).toEqual([null, null, null]);
  });

  it('makes a cluster of two cards when one is dropped on the other, titled after the target', () => {
    const before = boardWith('E-Akte einführen überall im Amt', 'Scannen', 'Chatbot');
    const { cluster, changes } = clusterCards(
      before,
      card(before, 'E-Akte einführen überall im Amt').id,
      card(before, 'Scannen').id,
      5,
    );
    expect(cluster.title).toBe('E-Akte einführen überall im Amt');
    const after = applyAndCheckUndo(before, changes);
    expect(layout(after)).toEqual({
      pool: ['Chatbot'],
      'E-Akte einführen überall im Amt': ['E-Akte einführen überall im Amt', 'Scannen'],
    });
    expect(
      refusal(() => clusterCards(before, card(before, 'Chatbot').id, card(before, 'Chatbot').id, 5)),
    ).toBe('clusterSameCard');
  });

  it('numbers a new cluster when its cards have no text', () => {
    const content = applyToContent(emptyBoard(), addCluster(emptyBoard(), 'Cluster 2', 1).changes);
    expect(defaultClusterTitle(content, '   ')).toBe('Cluster 3');
    expect(defaultClusterTitle(content, 'Eins zwei drei vier fünf sechs sieben')).toBe(
      'Eins zwei drei vier fünf',
    );
  });

  it('adds a card to a cluster at a position, reorders inside it and moves it out to the pool', () => {
    let content = boardWith('A', 'B', 'C', 'D');
    content = applyToContent(
      content,
      clusterCards(content, card(content, 'A').id, card(content, 'B').id, 2).changes,
    );
    const cluster = content.clusters[0]!;
    // C joins between A and B.
    content = applyAndCheckUndo(content, moveCard(content, card(content, 'C').id, cluster.id, 1, 3));
    expect(layout(content)).toEqual({ pool: ['D'], A: ['A', 'C', 'B'] });
    // Reorder: B to the top.
    content = applyAndCheckUndo(content, moveCard(content, card(content, 'B').id, cluster.id, 0, 4));
    expect(layout(content)).toEqual({ pool: ['D'], A: ['B', 'A', 'C'] });
    // Out to the pool, at its end.
    const out = moveCard(content, card(content, 'A').id, null, 99, 5);
    expect(out).toHaveLength(1);
    content = applyAndCheckUndo(content, out);
    expect(layout(content)).toEqual({ pool: ['D', 'A'], A: ['B', 'C'] });
    // A move to where the card already is writes nothing.
    expect(moveCard(content, card(content, 'C').id, cluster.id, 1, 6)).toEqual([]);
  });

  it('refuses to move a card into a cluster that is gone', () => {
    const content = boardWith('A');
    expect(refusal(() => moveCard(content, card(content, 'A').id, 'nope' as ClusterId, 0, 1))).toBe(
      'clusterMissing',
    );
  });
});

describe('clusters', () => {
  function twoClusters(): BoardContent {
    let content = boardWith('A', 'B', 'C', 'D', 'E');
    content = applyToContent(
      content,
      clusterCards(content, card(content, 'A').id, card(content, 'B').id, 2).changes,
    );
    content = applyToContent(
      content,
      clusterCards(content, card(content, 'C').id, card(content, 'D').id, 2).changes,
    );
    return content;
  }

  it('renames, collapses and expands a cluster (each undoable)', () => {
    let content = twoClusters();
    const a = clusterNamed(content, 'A');
    content = applyAndCheckUndo(content, renameCluster(content, a.id, '  Digitale Akte ', 3));
    expect(content.clusters.map((c) => c.title)).toEqual(['Digitale Akte', 'C']);
    expect(refusal(() => renameCluster(content, a.id, '   ', 3))).toBe('required');
    expect(renameCluster(content, a.id, 'Digitale Akte', 3)).toEqual([]);
    content = applyAndCheckUndo(content, setClusterCollapsed(content, a.id, true, 4));
    expect(content.clusters.find((c) => c.id === a.id)!.collapsed).toBe(true);
    // Collapsing hides nothing from the data: the cards stay in the cluster.
    expect(cardsIn(content, a.id).map((n) => n.text)).toEqual(['A', 'B']);
    content = applyToContent(content, setClusterCollapsed(content, a.id, false, 5));
    expect(content.clusters.find((c) => c.id === a.id)!.collapsed).toBe(false);
  });

  it('reorders clusters', () => {
    let content = twoClusters();
    content = applyAndCheckUndo(content, moveCluster(content, clusterNamed(content, 'C').id, 0, 3));
    expect(content.clusters.map((c) => c.title)).toEqual(['C', 'A']);
    expect(moveCluster(content, clusterNamed(content, 'C').id, 0, 4)).toEqual([]);
  });

  it('merges a cluster into another: its cards follow, it goes, its project ideas move along', () => {
    let content = twoClusters();
    const a = clusterNamed(content, 'A');
    const c = clusterNamed(content, 'C');
    content = applyToContent(
      content,
      promoteToFocusArea(content, c.id, { title: 'C', description: 'Beschr.' }, 3),
    );
    const ideas = [idea('i1', c.id), idea('i2', null)];
    const changes = mergeClusters(content, c.id, a.id, ideas, 4);
    const merged = applyAndCheckUndo(content, changes);
    expect(layout(merged)).toEqual({ pool: ['E'], A: ['A', 'B', 'C', 'D'] });
    // The target keeps its title and becomes the focus area the source was.
    const target = merged.clusters[0]!;
    expect(target.focusAreaAt).toBe(3);
    expect(target.description).toBe('Beschr.');
    const movedIdea = changes.find((ch) => ch.table === 'ideas')!.after as Idea;
    expect(movedIdea.focusAreaId).toBe(a.id);
    expect(changes.filter((ch) => ch.table === 'ideas')).toHaveLength(1);
    expect(refusal(() => mergeClusters(content, a.id, a.id, [], 5))).toBe('clusterMergeSelf');
  });

  it('splits chosen cards into a new cluster right after the original', () => {
    let content = twoClusters();
    const a = clusterNamed(content, 'A');
    content = applyToContent(content, moveCard(content, card(content, 'E').id, a.id, 99, 3));
    const { cluster, changes } = splitCluster(
      content,
      a.id,
      [card(content, 'E').id, card(content, 'A').id],
      'A (Teil 2)',
      4,
    );
    expect(cluster.title).toBe('A (Teil 2)');
    const after = applyAndCheckUndo(content, changes);
    expect(after.clusters.map((c) => c.title)).toEqual(['A', 'A (Teil 2)', 'C']);
    expect(layout(after)).toEqual({ pool: [], A: ['B'], 'A (Teil 2)': ['A', 'E'], C: ['C', 'D'] });
    expect(refusal(() => splitCluster(content, a.id, [], 'X', 4))).toBe('clusterSplitNone');
    const all = cardsIn(content, a.id).map((n) => n.id);
    expect(refusal(() => splitCluster(content, a.id, all, 'X', 4))).toBe('clusterSplitAll');
    expect(refusal(() => splitCluster(content, a.id, [all[0]!], '', 4))).toBe('required');
  });

  it('dissolves a cluster: cards back to the end of the pool, linked ideas unlinked', () => {
    const content = twoClusters();
    const a = clusterNamed(content, 'A');
    const changes = dissolveCluster(content, a.id, [idea('i1', a.id)], 3);
    const after = applyAndCheckUndo(content, changes);
    expect(layout(after)).toEqual({ pool: ['E', 'A', 'B'], C: ['C', 'D'] });
    expect((changes.find((ch) => ch.table === 'ideas')!.after as Idea).focusAreaId).toBeNull();
  });

  it('deletes a cluster with its cards; undo brings all back', () => {
    const content = twoClusters();
    const after = applyAndCheckUndo(content, deleteCluster(content, clusterNamed(content, 'C').id, [], 3));
    expect(layout(after)).toEqual({ pool: ['E'], A: ['A', 'B'] });
    expect(after.notes).toHaveLength(3);
  });
});

describe('focus areas', () => {
  function oneCluster(): { content: BoardContent; cluster: Cluster } {
    let content = boardWith('A', 'B');
    content = applyToContent(
      content,
      clusterCards(content, card(content, 'A').id, card(content, 'B').id, 2).changes,
    );
    return { content, cluster: content.clusters[0]! };
  }

  it('promotes a cluster with a title and a short description, and demotes it', () => {
    const { content, cluster } = oneCluster();
    const promoted = applyAndCheckUndo(
      content,
      promoteToFocusArea(
        content,
        cluster.id,
        { title: ' Digitale Akte ', description: ' Bis 2027 \n papierlos ' },
        7,
      ),
    );
    const focus = promoted.clusters[0]!;
    expect([focus.title, focus.description, focus.focusAreaAt]).toEqual([
      'Digitale Akte',
      'Bis 2027 \n papierlos',
      7,
    ]);
    // Editing keeps the date it was promoted on.
    const edited = applyToContent(
      promoted,
      promoteToFocusArea(promoted, cluster.id, { title: 'Digitale Akte', description: 'Neu' }, 9),
    );
    expect(edited.clusters[0]!.focusAreaAt).toBe(7);
    const changes = demoteFocusArea(edited, cluster.id, [idea('i1', cluster.id)], 10);
    const demoted = applyAndCheckUndo(edited, changes);
    expect(demoted.clusters[0]!.focusAreaAt).toBeNull();
    expect((changes.find((ch) => ch.table === 'ideas')!.after as Idea).focusAreaId).toBeNull();
    expect(demoteFocusArea(demoted, cluster.id, [], 11)).toEqual([]);
  });

  it('validates title and description and says which field is wrong', () => {
    const { content, cluster } = oneCluster();
    expect(validateFocusArea({ title: '  ', description: 'x'.repeat(1001) })).toEqual([
      { field: 'focusTitle', code: 'required', params: { field: 'focusTitle' } },
      {
        field: 'focusDescription',
        code: 'tooLong',
        params: { field: 'focusDescription', max: 1000, length: 1001 },
      },
    ]);
    expect(refusal(() => promoteToFocusArea(content, cluster.id, { title: '', description: '' }, 1))).toBe(
      'required',
    );
    expect(
      refusal(() => promoteToFocusArea(content, cluster.id, { title: 'x'.repeat(121), description: '' }, 1)),
    ).toBe('tooLong');
    expect(validateFocusArea({ title: 'Gut', description: '' })).toEqual([]);
  });
});

describe('bringing cards in from other boards', () => {
  function sourceBoard(): BoardContent {
    let vision = emptyBoard('vision');
    vision = applyToContent(
      vision,
      addCard(vision, { text: 'Bürger erledigen alles online', color: 'green', now: 1 }).changes,
    );
    vision = applyToContent(vision, addCard(vision, { text: 'Keine Papierakten', now: 1 }).changes);
    const withFacts: Note = {
      ...vision.notes[1]!,
      facts: { process: 'Wohngeld', casesPerYear: 1200, painPoint: 'Medienbruch' },
    };
    return { ...vision, notes: [vision.notes[0]!, withFacts] };
  }

  it('copies text, colour and facts into the pool, linked to the originals', () => {
    const source = sourceBoard();
    const content = boardWith('Eigene Karte');
    const { changes, added, skipped } = bringInCards(content, source.notes, 9);
    expect([added, skipped]).toEqual([2, 0]);
    const after = applyAndCheckUndo(content, changes);
    expect(layout(after)).toEqual({
      pool: ['Eigene Karte', 'Bürger erledigen alles online', 'Keine Papierakten'],
    });
    const copy = card(after, 'Keine Papierakten');
    expect(copy.sourceNoteId).toBe(source.notes[1]!.id);
    expect(copy.id).not.toBe(source.notes[1]!.id);
    expect(copy.boardId).toBe(content.board.id);
    expect(copy.facts).toEqual({ process: 'Wohngeld', casesPerYear: 1200, painPoint: 'Medienbruch' });
    expect(copy.facts).not.toBe(source.notes[1]!.facts);
    expect(card(after, 'Bürger erledigen alles online').color).toBe('green');
  });

  it('does not copy the same original twice into the same board', () => {
    const source = sourceBoard();
    let content = boardWith();
    content = applyToContent(content, bringInCards(content, [source.notes[0]!], 9).changes);
    // Even after the copy moved into a cluster, the original counts as brought in.
    const again = bringInCards(content, source.notes, 10);
    expect([again.added, again.skipped]).toEqual([1, 1]);
    content = applyToContent(content, again.changes);
    expect(content.notes).toHaveLength(2);
    expect(refusal(() => bringInCards(content, source.notes, 11))).toBe('clusterCopyAllDuplicates');
    expect(refusal(() => bringInCards(content, [], 11))).toBe('clusterCopyNone');
    // Cards of the board itself are not copied onto it.
    expect(refusal(() => bringInCards(content, [content.notes[0]!], 11))).toBe('clusterCopyAllDuplicates');
  });
});

describe('merging clusters without writing their cards', () => {
  /** Clusters "A" (A, B), "C" (C, D) and "E" (E, F). */
  function threeClusters(): BoardContent {
    let content = boardWith('A', 'B', 'C', 'D', 'E', 'F');
    for (const [first, second] of [
      ['A', 'B'],
      ['C', 'D'],
      ['E', 'F'],
    ] as const)
      content = applyToContent(
        content,
        clusterCards(content, card(content, first).id, card(content, second).id, 2).changes,
      );
    return content;
  }

  it('writes the two clusters only, and every later step and its undo keep the order', () => {
    const steps: Array<{ before: BoardContent; changes: Change[] }> = [];
    let content = threeClusters();
    const step = (changes: Change[]) => {
      steps.push({ before: content, changes });
      content = applyToContent(content, changes);
    };
    const a = clusterNamed(content, 'A');
    const merge = mergeClusters(content, clusterNamed(content, 'C').id, a.id, [], 3);
    expect(merge.map((c) => `${c.table} ${c.after ? 'put' : 'delete'}`)).toEqual([
      'clusters put',
      'clusters delete',
    ]);
    step(merge);
    expect(layout(content)).toEqual({ pool: [], A: ['A', 'B', 'C', 'D'], E: ['E', 'F'] });
    step(addCard(content, { text: 'G', clusterId: a.id, now: 4 }).changes);
    expect(layout(content).A).toEqual(['A', 'B', 'C', 'D', 'G']);
    // A merged cluster merged again: its own cards and those it had absorbed follow.
    step(mergeClusters(content, a.id, clusterNamed(content, 'E').id, [], 5));
    expect(layout(content)).toEqual({ pool: [], E: ['E', 'F', 'A', 'B', 'C', 'D', 'G'] });
    const e = clusterNamed(content, 'E');
    step(moveCard(content, card(content, 'C').id, e.id, 1, 6));
    step(moveCard(content, card(content, 'A').id, e.id, 4, 7));
    expect(layout(content).E).toEqual(['E', 'C', 'F', 'B', 'A', 'D', 'G']);
    // Every rank shown is a valid fractional index: a card fits between any two.
    const shown = cardsIn(content, e.id);
    for (let i = 0; i + 1 < shown.length; i += 1)
      step(moveCard(content, card(content, 'G').id, e.id, i + 1, 8 + i));
    expect(new Set(shown.map((n) => n.rank)).size).toBe(shown.length);
    for (const { before, changes } of steps.reverse()) {
      const undone = applyToContent(content, invertChanges(changes));
      expect(layout(undone)).toEqual(layout(before));
      content = undone;
    }
    expect(layout(content)).toEqual({ pool: [], A: ['A', 'B'], C: ['C', 'D'], E: ['E', 'F'] });
  });

  it('stores an edited card of a merged cluster as it was, so undoing the merge takes it back', () => {
    let content = threeClusters();
    const c = clusterNamed(content, 'C');
    const merge = mergeClusters(content, c.id, clusterNamed(content, 'A').id, [], 3);
    content = applyToContent(content, merge);
    const edit = editNote(card(content, 'D'), 'D2', 4);
    const written = storedNote(edit[0]!.after as Note);
    expect(written.clusterId).toBe(c.id);
    expect(written).not.toHaveProperty('merged');
    content = applyToContent(content, edit);
    expect(layout(content).A).toEqual(['A', 'B', 'C', 'D2']);
    content = applyToContent(content, invertChanges(merge));
    expect(layout(content)).toEqual({ pool: [], A: ['A', 'B'], C: ['C', 'D2'], E: ['E', 'F'] });
  });

  it('stores a card moved out of a merged cluster where it went', () => {
    let content = threeClusters();
    const merge = mergeClusters(content, clusterNamed(content, 'C').id, clusterNamed(content, 'A').id, [], 3);
    content = applyToContent(content, merge);
    const move = moveCard(content, card(content, 'D').id, null, 0, 4);
    expect(storedNote(move[0]!.after as Note)).toMatchObject({ clusterId: null });
    content = applyToContent(content, move);
    content = applyToContent(content, invertChanges(merge));
    expect(layout(content)).toEqual({ pool: ['D'], A: ['A', 'B'], C: ['C'], E: ['E', 'F'] });
  });

  it('dissolves, splits and deletes a cluster that absorbed another', () => {
    let content = threeClusters();
    const a = clusterNamed(content, 'A');
    content = applyToContent(content, mergeClusters(content, clusterNamed(content, 'C').id, a.id, [], 3));
    const split = splitCluster(content, a.id, [card(content, 'B').id, card(content, 'D').id], 'BD', 4);
    expect(layout(applyAndCheckUndo(content, split.changes))).toMatchObject({
      A: ['A', 'C'],
      BD: ['B', 'D'],
    });
    expect(layout(applyAndCheckUndo(content, dissolveCluster(content, a.id, [], 5)))).toEqual({
      pool: ['A', 'B', 'C', 'D'],
      E: ['E', 'F'],
    });
    expect(layout(applyAndCheckUndo(content, deleteCluster(content, a.id, [], 6)))).toEqual({
      pool: [],
      E: ['E', 'F'],
    });
  });

  it('writes the cards instead when a rank would grow too long (many merges deep)', () => {
    let content = threeClusters();
    const d = card(content, 'D');
    const long = `a0${'V'.repeat(MAX_COMPOSED_RANK)}`;
    content = applyToContent(content, [{ table: 'notes', before: d, after: { ...d, rank: long } }]);
    const changes = mergeClusters(
      content,
      clusterNamed(content, 'C').id,
      clusterNamed(content, 'A').id,
      [],
      3,
    );
    expect(changes.filter((c) => c.table === 'notes')).toHaveLength(2);
    expect(changes.some((c) => c.after && 'absorbed' in c.after)).toBe(false);
    const merged = applyAndCheckUndo(content, changes);
    expect(layout(merged)).toEqual({ pool: [], A: ['A', 'B', 'C', 'D'], E: ['E', 'F'] });
    expect(Math.max(...merged.notes.map((n) => n.rank.length))).toBeLessThan(10);
  });

  it('shows a card whose cluster is neither there nor absorbed in the pool', () => {
    let content = threeClusters();
    const a = clusterNamed(content, 'A');
    content = applyToContent(content, mergeClusters(content, clusterNamed(content, 'C').id, a.id, [], 3));
    // A second window writes A from a copy older than the merge: A forgets what it absorbed.
    content = applyToContent(content, [{ table: 'clusters', before: clusterNamed(content, 'A'), after: a }]);
    expect(layout(content)).toEqual({ pool: ['C', 'D'], A: ['A', 'B'], E: ['E', 'F'] });
  });
});
