import { describe, expect, it } from 'vitest';
import type { BoardId, ClusterId, IdeaId, NoteId, VisionId, WorkshopId } from '../../renderer/src/domain/ids';
import {
  focusAreaOf,
  ideaChain,
  ideasOfFocusArea,
  noteDestinations,
  type TraceData,
} from '../../renderer/src/domain/trace';
import type { Board, Cluster, Idea, Note, Vision } from '../../renderer/src/domain/types';

const WS = 'ws' as WorkshopId;
const board = (
  id: string,
  title: string,
  phase: Board['phase'],
  kind: Board['kind'],
  rank: string,
): Board => ({
  id: id as BoardId,
  workshopId: WS,
  title,
  phase,
  kind,
  rank,
  createdAt: 1,
});
const visionBoard = board('bv', 'Vision 2030', 'vision', 'clusters', 'a0');
const inventoryBoard = board('bi', 'Bestandsaufnahme', 'inventory', 'matrix', 'a1');
const focusBoard = board('bf', 'Handlungsschwerpunkte', 'focus', 'clusters', 'a2');
const ideasBoard = board('bp', 'Projektideen', 'ideas', 'canvases', 'a3');

let created = 0;
const note = (id: string, boardId: BoardId, text: string, extra: Partial<Note> = {}): Note => ({
  id: id as NoteId,
  boardId,
  columnId: null,
  rowId: null,
  clusterId: null,
  text,
  color: 'yellow',
  rank: `a${id}`,
  sourceNoteId: null,
  facts: null,
  createdAt: ++created,
  updatedAt: 1,
  ...extra,
});
const focusArea: Cluster = {
  id: 'fa' as ClusterId,
  boardId: focusBoard.id,
  title: 'Digitale Anträge',
  rank: 'a0',
  collapsed: false,
  focusAreaAt: 9,
  description: '',
  createdAt: 1,
  updatedAt: 1,
};
const idea = (id: string, extra: Partial<Idea> = {}): Idea => ({
  id: id as IdeaId,
  workshopId: WS,
  boardId: ideasBoard.id,
  focusAreaId: null,
  templateId: 'ki-projektsteckbrief',
  title: `Idee ${id}`,
  fields: {},
  sources: [],
  rank: `a${id}`,
  createdAt: 1,
  updatedAt: 1,
  ...extra,
});

// Vision card v1 → copied to the focus board (f1, in the focus area); inventory card i1 → copied too (f2).
const v1 = note('1', visionBoard.id, 'Bürger stellen Anträge online');
const v2 = note('2', visionBoard.id, 'Kein Papier mehr');
const i1 = note('3', inventoryBoard.id, 'Wohngeld: 6 Wochen Bearbeitung');
const f1 = note('4', focusBoard.id, v1.text, { sourceNoteId: v1.id, clusterId: focusArea.id });
const f2 = note('5', focusBoard.id, i1.text, { sourceNoteId: i1.id, clusterId: focusArea.id });
const lonely = note('6', inventoryBoard.id, 'Niemand hat das aufgegriffen');
const vision: Vision = {
  id: 'vis' as VisionId,
  workshopId: WS,
  boardId: visionBoard.id,
  text: 'Leitbild',
  sourceNoteIds: [v2.id, 'gone' as NoteId],
  agreedAt: null,
  decisionId: null,
  createdAt: 1,
  updatedAt: 1,
};
const ideaA = idea('A', { focusAreaId: focusArea.id, title: 'Antragsassistent' });
const ideaB = idea('B', { title: 'Papierlos', sources: [{ field: 'problem', noteId: v2.id }] });

function data(extra: Partial<TraceData> = {}): TraceData {
  return {
    boards: [visionBoard, inventoryBoard, focusBoard, ideasBoard],
    notes: [v1, v2, i1, f1, f2, lonely],
    clusters: [focusArea],
    ideas: [ideaA, ideaB],
    visions: [vision],
    ...extra,
  };
}

describe('where a card went', () => {
  it('follows copies to other boards and on into the ideas of the focus area they sit in', () => {
    const map = noteDestinations(data());
    expect(map.get(v1.id)).toEqual([
      { kind: 'copy', boardId: focusBoard.id, boardTitle: 'Handlungsschwerpunkte' },
      { kind: 'idea', ideaId: ideaA.id, boardId: ideasBoard.id, title: 'Antragsassistent' },
    ]);
    expect(map.get(i1.id)?.map((d) => d.kind)).toEqual(['copy', 'idea']);
    // The copy itself went on into the idea of its focus area.
    expect(map.get(f1.id)).toEqual([
      { kind: 'idea', ideaId: ideaA.id, boardId: ideasBoard.id, title: 'Antragsassistent' },
    ]);
  });

  it('knows the vision written from a card and ideas that took it into a field', () => {
    expect(noteDestinations(data()).get(v2.id)).toEqual([
      { kind: 'vision', visionId: vision.id, boardId: visionBoard.id, boardTitle: 'Vision 2030' },
      { kind: 'idea', ideaId: ideaB.id, boardId: ideasBoard.id, title: 'Papierlos' },
    ]);
  });

  it('follows copies of copies once, even in a cycle, and leaves cards that went nowhere out', () => {
    const copyOfCopy = note('7', ideasBoard.id, 'x', { sourceNoteId: f1.id });
    const loopA = note('8', inventoryBoard.id, 'a', { sourceNoteId: '9' as NoteId });
    const loopB = note('9', focusBoard.id, 'b', { sourceNoteId: loopA.id });
    const map = noteDestinations(data({ notes: [v1, v2, i1, f1, f2, lonely, copyOfCopy, loopA, loopB] }));
    expect(map.get(v1.id)?.filter((d) => d.kind === 'copy')).toHaveLength(2);
    expect(map.get(loopA.id)).toEqual([
      { kind: 'copy', boardId: focusBoard.id, boardTitle: 'Handlungsschwerpunkte' },
    ]);
    expect(map.has(lonely.id)).toBe(false);
  });

  it('forgets ideas of a cluster that is no longer a focus area, and copies whose board is gone', () => {
    const demoted = { ...focusArea, focusAreaAt: null };
    const map = noteDestinations(
      data({ clusters: [demoted], boards: [visionBoard, inventoryBoard, ideasBoard] }),
    );
    expect(map.has(v1.id)).toBe(false);
    expect(map.has(f1.id)).toBe(false);
  });
});

describe('the chain back from an idea', () => {
  it('leads from the idea over the focus area and its cards to the vision and inventory originals', () => {
    const chain = ideaChain(data(), ideaA);
    expect(chain.focusArea).toEqual({ state: 'linked', cluster: focusArea, board: focusBoard });
    expect(chain.focusCards.map((n) => n.id)).toEqual([f1.id, f2.id]);
    expect(chain.vision.map((c) => c.noteId)).toEqual([v1.id]);
    expect(chain.inventory.map((c) => c.noteId)).toEqual([i1.id]);
    expect(chain.deleted).toBe(0);
  });

  it('includes cards taken into fields', () => {
    const chain = ideaChain(data(), ideaB);
    expect(chain.focusArea).toEqual({ state: 'none' });
    expect(chain.sources).toEqual([{ field: 'problem', noteId: v2.id, note: v2, board: visionBoard }]);
    expect(chain.vision.map((c) => c.noteId)).toEqual([v2.id]);
  });

  it('reports deleted focus areas and cards instead of failing', () => {
    const orphan = idea('C', {
      focusAreaId: 'gone' as ClusterId,
      sources: [{ field: 'problem', noteId: 'deleted-note' as NoteId }],
    });
    const withoutOriginal = data({ notes: [v2, f1, f2, i1] });
    const chain = ideaChain(withoutOriginal, orphan);
    expect(chain.focusArea).toEqual({ state: 'deleted', id: 'gone' });
    expect(chain.sources[0]).toMatchObject({ note: null, board: null });
    expect(chain.deleted).toBe(1);
    // The focus area is there, but f1's original (v1) was deleted: the chain breaks there.
    const broken = ideaChain(withoutOriginal, ideaA);
    expect(broken.vision).toEqual([]);
    expect(broken.inventory.map((c) => c.noteId)).toEqual([i1.id]);
    expect(broken.deleted).toBe(1);
  });

  it('treats a demoted cluster like a deleted focus area, and lists ideas per focus area', () => {
    expect(focusAreaOf(ideaA, [{ ...focusArea, focusAreaAt: null }], [])).toEqual({
      state: 'deleted',
      id: focusArea.id,
    });
    expect(ideasOfFocusArea([ideaB, ideaA], focusArea.id)).toEqual([ideaA]);
  });
});
