import { describe, expect, it } from 'vitest';
import {
  addBoard,
  addColumn,
  addNote,
  deleteBoard,
  deleteColumn,
  deleteNote,
  editNote,
  moveColumn,
  moveNote,
  recolorNote,
  renameColumn,
} from '../../renderer/src/domain/boardCommands';
import { invertChanges } from '../../renderer/src/domain/changes';
import type { ParticipantId } from '../../renderer/src/domain/ids';
import type { AgendaItem } from '../../renderer/src/domain/types';
import { castBallot, startRound } from '../../renderer/src/domain/voting';
import { DomainError } from '../../renderer/src/domain/errors';
import { applyToContent, columnId, layoutOf, makeBoard, noteByText } from './fixtures';

describe('notes', () => {
  it('adds a note at the end of its column, keeping line breaks and trimming the rest', () => {
    const { content } = makeBoard({ Ideen: ['a'] });
    const { note, changes } = addNote(content, {
      columnId: columnId(content, 'Ideen'),
      text: '  b\r\nzweite Zeile ',
      now: 5,
    });
    expect(note.text).toBe('b\nzweite Zeile');
    expect(layoutOf(applyToContent(content, changes))).toEqual({ Ideen: ['a', 'b\nzweite Zeile'] });
  });

  it('refuses a note over 2,000 characters with the length in the error', () => {
    const { content } = makeBoard({ Ideen: [] });
    const attempt = () =>
      addNote(content, { columnId: columnId(content, 'Ideen'), text: 'x'.repeat(10_000), now: 1 });
    expect(attempt).toThrowError(DomainError);
    try {
      attempt();
    } catch (error) {
      expect((error as DomainError).code).toBe('noteTooLong');
      expect((error as DomainError).params).toMatchObject({ max: 2000, length: 10_000 });
    }
  });

  it('keeps HTML in a note as plain text (escaping is the view’s job, the text is never altered)', () => {
    const { content } = makeBoard({ Ideen: [] });
    const text = '<img src=x onerror=alert(1)>';
    expect(addNote(content, { columnId: columnId(content, 'Ideen'), text, now: 1 }).note.text).toBe(text);
  });

  it('edits as one change from the original, and an unchanged text writes nothing', () => {
    const { content } = makeBoard({ Ideen: ['alt'] });
    const original = noteByText(content, 'alt');
    expect(editNote(original, 'alt  ', 9)).toEqual([]);
    const [change] = editNote(original, 'neu', 9);
    expect(change).toMatchObject({ table: 'notes', before: original, after: { text: 'neu', updatedAt: 9 } });
  });

  it('recolours, and refuses an unknown colour', () => {
    const { content } = makeBoard({ Ideen: ['a'] });
    const note = noteByText(content, 'a');
    const next = applyToContent(content, recolorNote(content, note.id, 'green', 3));
    expect(noteByText(next, 'a').color).toBe('green');
    expect(recolorNote(next, note.id, 'green', 4)).toEqual([]);
    expect(() => recolorNote(content, note.id, 'red' as never, 3)).toThrowError(DomainError);
  });

  it('deletes a note, and undo brings back the same note', () => {
    const { content } = makeBoard({ Ideen: ['a', 'b'] });
    const changes = deleteNote(content, noteByText(content, 'a').id);
    const after = applyToContent(content, changes);
    expect(layoutOf(after)).toEqual({ Ideen: ['b'] });
    expect(applyToContent(after, invertChanges(changes)).notes).toEqual(content.notes);
  });
});

describe('moveNote', () => {
  const board = () => makeBoard({ Ideen: ['a', 'b', 'c'], Fragen: ['x', 'y'] }).content;

  it('moves a note to another column at an index, writing exactly one row', () => {
    const content = board();
    const changes = moveNote(content, noteByText(content, 'a').id, columnId(content, 'Fragen'), 1, 7);
    expect(changes).toHaveLength(1);
    expect(layoutOf(applyToContent(content, changes))).toEqual({
      Ideen: ['b', 'c'],
      Fragen: ['x', 'a', 'y'],
    });
  });

  it('reorders within a column, to the front and to the end', () => {
    const content = board();
    const toEnd = moveNote(content, noteByText(content, 'a').id, columnId(content, 'Ideen'), 2, 1);
    expect(layoutOf(applyToContent(content, toEnd)).Ideen).toEqual(['b', 'c', 'a']);
    const toFront = moveNote(content, noteByText(content, 'c').id, columnId(content, 'Ideen'), 0, 1);
    expect(layoutOf(applyToContent(content, toFront)).Ideen).toEqual(['c', 'a', 'b']);
  });

  it('writes nothing when the note stays where it is', () => {
    const content = board();
    expect(moveNote(content, noteByText(content, 'b').id, columnId(content, 'Ideen'), 1, 1)).toEqual([]);
  });

  it('moves a note in between two notes that share a rank without failing, right after them', () => {
    const content = board();
    // Two cards added at once on a list that did not show the other yet get the same rank.
    const b = noteByText(content, 'b');
    const tied = applyToContent(content, [
      {
        table: 'notes',
        before: noteByText(content, 'c'),
        after: { ...noteByText(content, 'c'), rank: b.rank },
      },
    ]);
    const changes = moveNote(tied, noteByText(tied, 'x').id, columnId(tied, 'Ideen'), 2, 1);
    expect(layoutOf(applyToContent(tied, changes)).Ideen).toEqual(['a', 'b', 'c', 'x']);
  });

  it('clamps an index past the end to the end, and into an empty column', () => {
    const { content } = makeBoard({ A: ['a'], B: [] });
    const changes = moveNote(content, noteByText(content, 'a').id, columnId(content, 'B'), 99, 1);
    expect(layoutOf(applyToContent(content, changes))).toEqual({ A: [], B: ['a'] });
  });

  it('keeps order stable over many moves between the same neighbours', () => {
    let content = makeBoard({ A: ['first', 'last'], B: ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'] }).content;
    for (let i = 0; i < 6; i++) {
      const note = noteByText(content, `m${i}`);
      content = applyToContent(content, moveNote(content, note.id, columnId(content, 'A'), 1, 1));
    }
    expect(layoutOf(content).A).toEqual(['first', 'm5', 'm4', 'm3', 'm2', 'm1', 'm0', 'last']);
  });

  it('refuses a move to a column that does not exist', () => {
    const content = board();
    expect(() => moveNote(content, noteByText(content, 'a').id, 'nope' as never, 0, 1)).toThrowError(
      DomainError,
    );
  });
});

describe('columns', () => {
  it('adds, renames and refuses an empty or whitespace-only name', () => {
    const { content } = makeBoard({ Ideen: [] });
    const added = applyToContent(content, addColumn(content, ' Fragen ').changes);
    expect(added.columns.map((c) => c.title)).toEqual(['Ideen', 'Fragen']);
    const renamed = applyToContent(added, renameColumn(added, columnId(added, 'Fragen'), 'Offene Fragen'));
    expect(renamed.columns.map((c) => c.title)).toEqual(['Ideen', 'Offene Fragen']);
    expect(() => addColumn(content, '   ')).toThrowError(DomainError);
    expect(() => renameColumn(content, columnId(content, 'Ideen'), '')).toThrowError(DomainError);
  });

  it('reorders columns left and right', () => {
    const { content } = makeBoard({ A: [], B: [], C: [] });
    const right = applyToContent(content, moveColumn(content, columnId(content, 'A'), 1));
    expect(right.columns.map((c) => c.title)).toEqual(['B', 'A', 'C']);
    const left = applyToContent(right, moveColumn(right, columnId(right, 'C'), 0));
    expect(left.columns.map((c) => c.title)).toEqual(['C', 'B', 'A']);
  });

  it('deleting a column moves its notes to the end of the chosen column, in order', () => {
    const { content } = makeBoard({ A: ['a1', 'a2'], B: ['b1'] });
    const changes = deleteColumn(content, columnId(content, 'A'), {
      kind: 'move',
      to: columnId(content, 'B'),
    });
    expect(layoutOf(applyToContent(content, changes))).toEqual({ B: ['b1', 'a1', 'a2'] });
  });

  it('deleting a column with its notes is explicit, and undo restores column and notes', () => {
    const { content } = makeBoard({ A: ['a1', 'a2'], B: [] });
    const changes = deleteColumn(content, columnId(content, 'A'), { kind: 'delete' });
    const after = applyToContent(content, changes);
    expect(layoutOf(after)).toEqual({ B: [] });
    expect(layoutOf(applyToContent(after, invertChanges(changes)))).toEqual({ A: ['a1', 'a2'], B: [] });
  });

  it('refuses to move notes into the column being deleted', () => {
    const { content } = makeBoard({ A: ['a1'] });
    const id = columnId(content, 'A');
    expect(() => deleteColumn(content, id, { kind: 'move', to: id })).toThrowError(DomainError);
  });
});

describe('boards', () => {
  it('adds a board after the others and deleting one takes its columns and notes (undoable)', () => {
    const { workshop, content } = makeBoard({ A: ['a'] });
    const { board, changes } = addBoard(workshop, [content.board], 'Vision', 3);
    expect(changes).toEqual([{ table: 'boards', after: board }]);
    expect(board.rank > content.board.rank).toBe(true);
    const removal = deleteBoard(content);
    expect(removal.filter((c) => c.table === 'notes')).toHaveLength(1);
    expect(removal.filter((c) => c.table === 'columns')).toHaveLength(1);
    expect(removal.every((c) => c.after === undefined)).toBe(true);
  });

  it('deleting a board takes its voting rounds, ballots, ideas and vision, and unhooks agenda items from it', () => {
    const { content } = makeBoard({ A: ['a'] });
    const boardId = content.board.id;
    const { round } = startRound({
      workshopId: content.board.workshopId,
      boardId,
      title: 'Punktabfrage',
      target: 'notes',
      settings: { method: 'dots', dots: 1, maxPerItem: 1 },
      items: [{ id: content.notes[0]!.id, label: 'a' }],
      entitled: ['p1' as ParticipantId],
      anonymous: true,
      closesAt: null,
      now: 1,
    });
    const { ballot } = castBallot(
      round,
      undefined,
      'p1' as ParticipantId,
      {
        method: 'dots',
        dots: { [content.notes[0]!.id]: 1 },
      },
      2,
    );
    const item = { id: 'top1', boardId } as unknown as AgendaItem;
    const other = { id: 'top2', boardId: 'elsewhere' } as unknown as AgendaItem;
    const removal = deleteBoard(content, {
      votingRounds: [round],
      ballots: [ballot],
      agendaItems: [item, other],
    });
    expect(removal.find((c) => c.table === 'agendaItems')).toEqual({
      table: 'agendaItems',
      before: item,
      after: { ...item, boardId: null },
    });
    expect(removal.filter((c) => c.table === 'agendaItems')).toHaveLength(1);
    expect(removal.filter((c) => c.after === undefined).map((c) => c.table)).toEqual([
      'ballots',
      'votingRounds',
      'notes',
      'columns',
      'boards',
    ]);
    // Undo restores every row, the agenda item with its board.
    expect(invertChanges(removal).at(-1)).toMatchObject({ table: 'agendaItems', after: item });
  });
});
