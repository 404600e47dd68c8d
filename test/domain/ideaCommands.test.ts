import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanFieldValue, type CanvasTemplate } from '../../renderer/src/domain/canvas';
import { invertChanges, type Change } from '../../renderer/src/domain/changes';
import { DomainError } from '../../renderer/src/domain/errors';
import {
  createIdea,
  deleteIdea,
  editIdeaField,
  linkFocusArea,
  moveIdea,
  renameIdea,
  startIdeaFromFocusArea,
  takeNoteIntoField,
  unlinkSource,
} from '../../renderer/src/domain/ideaCommands';
import type { BoardId, ClusterId, NoteId, WorkshopId } from '../../renderer/src/domain/ids';
import type { Board, Cluster, Idea, Note } from '../../renderer/src/domain/types';
import { LIMITS } from '../../renderer/src/domain/validation';

const ki = JSON.parse(
  readFileSync(new URL('../../assets/canvases/ki-projektsteckbrief.json', import.meta.url), 'utf8'),
) as CanvasTemplate;

const WS = 'ws-1' as WorkshopId;
const board = (id: string, kind: Board['kind'], rank: string, phase: Board['phase'] = null): Board => ({
  id: id as BoardId,
  workshopId: WS,
  title: id,
  phase,
  kind,
  rank,
  createdAt: 1,
});
const ideasBoard = board('ideas', 'canvases', 'a3', 'ideas');
const focusBoard = board('focus', 'clusters', 'a2', 'focus');
const cluster = (id: string, promoted: boolean): Cluster => ({
  id: id as ClusterId,
  boardId: focusBoard.id,
  title: `Cluster ${id}`,
  rank: 'a0',
  collapsed: false,
  focusAreaAt: promoted ? 5 : null,
  description: '',
  createdAt: 1,
  updatedAt: 1,
});
const focusArea = cluster('fa', true);
const plainCluster = cluster('plain', false);
const note: Note = {
  id: 'n1' as NoteId,
  boardId: focusBoard.id,
  columnId: null,
  rowId: null,
  clusterId: focusArea.id,
  text: 'Anträge\nautomatisch vorsortieren',
  color: 'yellow',
  rank: 'a0',
  sourceNoteId: null,
  facts: null,
  createdAt: 1,
  updatedAt: 1,
};

/** The ideas table, in memory, as the repository writes it. */
function apply(rows: Map<string, Idea>, changes: readonly Change[]): Map<string, Idea> {
  const next = new Map(rows);
  for (const change of changes) {
    expect(change.table).toBe('ideas');
    const row = (change.after ?? change.before) as Idea;
    if (change.after) next.set(row.id, change.after as Idea);
    else next.delete(row.id);
  }
  return next;
}

function newIdea(title = 'Posteingang sortieren'): { idea: Idea; rows: Map<string, Idea> } {
  const { idea, changes } = createIdea({
    board: ideasBoard,
    ideas: [],
    template: ki,
    title,
    focusAreaId: null,
    focusAreas: [focusArea],
    boards: [ideasBoard, focusBoard],
    now: 10,
  });
  return { idea, rows: apply(new Map(), changes) };
}

/** Runs a command, checks that undo (the inverse) restores exactly the rows before. */
function roundTrip(rows: Map<string, Idea>, changes: Change[]): Map<string, Idea> {
  const after = apply(rows, changes);
  expect(apply(after, invertChanges(changes))).toEqual(rows);
  return after;
}

describe('creating ideas', () => {
  it('creates an idea with every template field empty, undoable', () => {
    const { idea, rows } = newIdea('  Posteingang sortieren ');
    expect(idea).toMatchObject({ title: 'Posteingang sortieren', templateId: ki.id, boardId: ideasBoard.id });
    expect(Object.keys(idea.fields).sort()).toEqual(ki.fields.map((f) => f.key).sort());
    expect(Object.values(idea.fields).every((v) => v === null)).toBe(true);
    expect(apply(rows, invertChanges([{ table: 'ideas', after: idea }])).size).toBe(0);
  });

  it('refuses an empty title, another board kind and a cluster that is no focus area', () => {
    const base = {
      board: ideasBoard,
      ideas: [],
      template: ki,
      focusAreas: [focusArea, plainCluster],
      boards: [ideasBoard, focusBoard],
      now: 1,
    };
    expect(() => createIdea({ ...base, title: '  ', focusAreaId: null })).toThrow(DomainError);
    expect(() => createIdea({ ...base, board: focusBoard, title: 'x', focusAreaId: null })).toThrow(
      'ideaBoardMissing',
    );
    expect(() => createIdea({ ...base, title: 'x', focusAreaId: plainCluster.id })).toThrow(
      'ideaFocusAreaMissing',
    );
  });

  it('starts an idea from a focus area, making the Projektideen board when there is none', () => {
    const result = startIdeaFromFocusArea({
      workshopId: WS,
      boards: [focusBoard],
      ideas: [],
      focusArea,
      template: ki,
      newBoardTitle: 'Projektideen',
      now: 3,
    });
    expect(result.board).toMatchObject({ kind: 'canvases', phase: 'ideas', title: 'Projektideen' });
    expect(result.idea).toMatchObject({
      title: 'Cluster fa',
      focusAreaId: focusArea.id,
      boardId: result.board.id,
    });
    expect(result.changes.map((c) => c.table)).toEqual(['boards', 'ideas']);
    const again = startIdeaFromFocusArea({
      workshopId: WS,
      boards: [ideasBoard, focusBoard, { ...ideasBoard, id: 'later' as BoardId, rank: 'a9' }],
      ideas: [result.idea],
      focusArea,
      template: ki,
      newBoardTitle: 'Projektideen',
      now: 4,
    });
    expect(again.board.id).toBe(ideasBoard.id);
    expect(again.changes.map((c) => c.table)).toEqual(['ideas']);
  });
});

describe('editing an idea', () => {
  it('edits one field from the value before the edit began; undo restores it', () => {
    const { idea, rows } = newIdea();
    const value = cleanFieldValue(
      ki.fields.find((f) => f.key === 'hoursSaved')!,
      '1.200',
      'de',
    );
    const changes = editIdeaField(idea, ki, 'hoursSaved', value, 20);
    const after = roundTrip(rows, changes);
    expect(after.get(idea.id)!.fields.hoursSaved).toBe(1200);
    expect(editIdeaField(after.get(idea.id)!, ki, 'hoursSaved', 1200, 21)).toEqual([]);
    expect(() => editIdeaField(idea, ki, 'nope', 'x', 1)).toThrow('canvasFieldUnknown');
  });

  it('keeps 20,000 characters', () => {
    const { idea, rows } = newIdea();
    const text = 'x'.repeat(LIMITS.canvasText);
    const after = roundTrip(rows, editIdeaField(idea, ki, 'problem', text, 2));
    expect(after.get(idea.id)!.fields.problem).toBe(text);
  });

  it('renames; undo restores the old title', () => {
    const { idea, rows } = newIdea();
    const after = roundTrip(rows, renameIdea(idea, 'Neuer Titel', 5));
    expect(after.get(idea.id)!.title).toBe('Neuer Titel');
    expect(renameIdea(idea, idea.title, 5)).toEqual([]);
  });
});

describe('cards taken into fields', () => {
  it('appends the card text and links it; undo removes both', () => {
    const { idea, rows } = newIdea();
    const withText = apply(rows, editIdeaField(idea, ki, 'problem', 'Viel Papier.', 2)).get(idea.id)!;
    const changes = takeNoteIntoField(withText, ki, 'problem', note, 3);
    const after = apply(new Map([[idea.id, withText]]), changes).get(idea.id)!;
    expect(after.fields.problem).toBe('Viel Papier.\n\nAnträge\nautomatisch vorsortieren');
    expect(after.sources).toEqual([{ field: 'problem', noteId: note.id }]);
    const undone = apply(new Map([[idea.id, after]]), invertChanges(changes)).get(idea.id)!;
    expect(undone.fields.problem).toBe('Viel Papier.');
    expect(undone.sources).toEqual([]);
  });

  it('joins into a one-line field with a semicolon', () => {
    const { idea } = newIdea();
    const first = apply(new Map(), takeNoteIntoField(idea, ki, 'beneficiaries', note, 3)).get(idea.id)!;
    expect(first.fields.beneficiaries).toBe('Anträge automatisch vorsortieren');
    const second = { ...note, id: 'n2' as NoteId, text: 'Bürger' };
    const both = apply(new Map(), takeNoteIntoField(first, ki, 'beneficiaries', second, 4)).get(idea.id)!;
    expect(both.fields.beneficiaries).toBe('Anträge automatisch vorsortieren; Bürger');
  });

  it('refuses number fields, the same card twice, and text beyond the limit', () => {
    const { idea } = newIdea();
    expect(() => takeNoteIntoField(idea, ki, 'hoursSaved', note, 1)).toThrow('canvasFieldNotText');
    const taken = apply(new Map(), takeNoteIntoField(idea, ki, 'problem', note, 1)).get(idea.id)!;
    expect(() => takeNoteIntoField(taken, ki, 'problem', note, 1)).toThrow('canvasCardAlreadyTaken');
    const full = { ...idea, fields: { ...idea.fields, problem: 'x'.repeat(LIMITS.canvasText - 5) } };
    expect(() => takeNoteIntoField(full, ki, 'problem', note, 1)).toThrow('canvasTooLong');
  });

  it('unlinks a card and keeps its text; undo brings the link back', () => {
    const { idea } = newIdea();
    const taken = apply(new Map(), takeNoteIntoField(idea, ki, 'problem', note, 1)).get(idea.id)!;
    const rows = new Map([[idea.id, taken]]);
    const after = roundTrip(rows, unlinkSource(taken, 'problem', note.id, 2)).get(idea.id)!;
    expect(after.sources).toEqual([]);
    expect(after.fields.problem).toBe(taken.fields.problem);
    expect(unlinkSource(after, 'problem', note.id, 3)).toEqual([]);
  });
});

describe('focus areas, order and deletion', () => {
  it('links and unlinks a focus area; refuses clusters that are none', () => {
    const { idea, rows } = newIdea();
    const boards = [ideasBoard, focusBoard];
    const linked = roundTrip(rows, linkFocusArea(idea, focusArea.id, [focusArea, plainCluster], boards, 2));
    expect(linked.get(idea.id)!.focusAreaId).toBe(focusArea.id);
    const unlinked = roundTrip(linked, linkFocusArea(linked.get(idea.id)!, null, [], boards, 3));
    expect(unlinked.get(idea.id)!.focusAreaId).toBeNull();
    expect(() => linkFocusArea(idea, plainCluster.id, [focusArea, plainCluster], boards, 2)).toThrow(
      'ideaFocusAreaMissing',
    );
    expect(() => linkFocusArea(idea, 'gone' as ClusterId, [focusArea], boards, 2)).toThrow(
      'ideaFocusAreaMissing',
    );
  });

  it('reorders ideas by writing one rank', () => {
    let rows = new Map<string, Idea>();
    const titles = ['A', 'B', 'C'];
    for (const title of titles) {
      const { changes } = createIdea({
        board: ideasBoard,
        ideas: [...rows.values()],
        template: ki,
        title,
        focusAreaId: null,
        focusAreas: [],
        boards: [ideasBoard],
        now: 1,
      });
      rows = apply(rows, changes);
    }
    const order = (r: Map<string, Idea>) =>
      [...r.values()].sort((a, b) => (a.rank < b.rank ? -1 : 1)).map((i) => i.title);
    expect(order(rows)).toEqual(titles);
    const c = [...rows.values()].find((i) => i.title === 'C')!;
    const changes = moveIdea([...rows.values()], c.id, 0, 2);
    expect(changes).toHaveLength(1);
    expect(order(roundTrip(rows, changes))).toEqual(['C', 'A', 'B']);
    expect(moveIdea([...rows.values()], c.id, 2, 2)).toEqual([]);
  });

  it('deletes an idea; undo brings it back whole', () => {
    const { idea } = newIdea();
    const taken = apply(new Map(), takeNoteIntoField(idea, ki, 'problem', note, 1)).get(idea.id)!;
    const rows = new Map([[idea.id, taken]]);
    expect(roundTrip(rows, deleteIdea(taken)).size).toBe(0);
  });
});
