import { describe, expect, it } from 'vitest';
import { invertChanges } from '../../renderer/src/domain/changes';
import { DomainError } from '../../renderer/src/domain/errors';
import type { ColumnId, NoteId, RowId } from '../../renderer/src/domain/ids';
import {
  addMatrixColumn,
  addMatrixNote,
  addMatrixRow,
  countNotesIn,
  deleteMatrixColumn,
  deleteMatrixRow,
  groupMatrixNotes,
  MATRIX_LIMITS,
  moveMatrixColumn,
  moveMatrixNote,
  moveMatrixRow,
  notesAt,
  placeFromKey,
  placeKey,
  renameMatrixColumn,
  renameMatrixRow,
  TRAY,
  TRAY_KEY,
  type MatrixPlace,
} from '../../renderer/src/domain/matrixCommands';
import type { BoardContent } from '../../renderer/src/domain/types';
import { applyToContent, makeBoard } from './fixtures';

function emptyMatrix(): BoardContent {
  const { content } = makeBoard({});
  return { ...content, board: { ...content.board, kind: 'matrix' } };
}

/** A matrix with rows × columns by title. */
function matrix(rows: string[], columns: string[]): BoardContent {
  let content = emptyMatrix();
  for (const title of rows) content = applyToContent(content, addMatrixRow(content, title).changes);
  for (const title of columns) content = applyToContent(content, addMatrixColumn(content, title).changes);
  return content;
}

function rowId(content: BoardContent, title: string): RowId {
  return content.rows.find((r) => r.title === title)!.id;
}

function colId(content: BoardContent, title: string): ColumnId {
  return content.columns.find((c) => c.title === title)!.id;
}

function cell(content: BoardContent, row: string, column: string): MatrixPlace {
  return { kind: 'cell', rowId: rowId(content, row), columnId: colId(content, column) };
}

function add(content: BoardContent, place: MatrixPlace, text: string): BoardContent {
  return applyToContent(content, addMatrixNote(content, { place, text, now: 5 }).changes);
}

function texts(content: BoardContent, place: MatrixPlace): string[] {
  return notesAt(content, place).map((n) => n.text);
}

function id(content: BoardContent, text: string): NoteId {
  return content.notes.find((n) => n.text === text)!.id;
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

function sortById<T extends { id: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.id.localeCompare(b.id));
}

const ROWS = ['Bürgerservice', 'Soziales'];
const COLUMNS = ['Analog', 'Digitalisiert', 'KI-unterstützt'];

describe('adding cards in quick succession', () => {
  it('keeps their order when the second is planned before the board shows the first', () => {
    const content = matrix(ROWS, COLUMNS);
    const tray: MatrixPlace = { kind: 'tray' };
    const first = addMatrixNote(content, { place: tray, text: 'Wohngeld', now: 1 });
    // Same (stale) content: without a rank floor both would get the same rank.
    const same = addMatrixNote(content, { place: tray, text: 'Bauantrag', now: 2 });
    expect(same.note.rank).toBe(first.note.rank);
    const second = addMatrixNote(content, {
      place: tray,
      text: 'Bauantrag',
      now: 2,
      rankFloor: first.note.rank,
    });
    const both = applyToContent(content, [...first.changes, ...second.changes]);
    expect(texts(both, tray)).toEqual(['Wohngeld', 'Bauantrag']);
  });
});

describe('matrix rows and columns', () => {
  it('adds rows and columns in order, with trimmed titles', () => {
    const content = matrix(['  Bürgerservice ', 'Soziales'], ['Analog', 'Digitalisiert']);
    expect(content.rows.map((r) => r.title)).toEqual(['Bürgerservice', 'Soziales']);
    expect(content.columns.map((c) => c.title)).toEqual(['Analog', 'Digitalisiert']);
    expect(content.rows.every((r) => r.boardId === content.board.id)).toBe(true);
  });

  it('refuses empty titles', () => {
    expect(codeOf(() => addMatrixRow(emptyMatrix(), '   '))).toBe('required');
    expect(codeOf(() => addMatrixColumn(emptyMatrix(), ''))).toBe('required');
  });

  it('renames a row and a column; the same title changes nothing', () => {
    let content = matrix(ROWS, COLUMNS);
    content = applyToContent(
      content,
      renameMatrixRow(content, rowId(content, 'Soziales'), 'Soziales und Leistungen'),
    );
    content = applyToContent(content, renameMatrixColumn(content, colId(content, 'Analog'), 'Papier'));
    expect(content.rows.map((r) => r.title)).toEqual(['Bürgerservice', 'Soziales und Leistungen']);
    expect(content.columns.map((c) => c.title)).toEqual(['Papier', 'Digitalisiert', 'KI-unterstützt']);
    expect(renameMatrixRow(content, rowId(content, 'Bürgerservice'), ' Bürgerservice ')).toEqual([]);
  });

  it('reorders rows and columns with one change each', () => {
    let content = matrix(['A', 'B', 'C'], COLUMNS);
    const rowMove = moveMatrixRow(content, rowId(content, 'C'), 0);
    expect(rowMove).toHaveLength(1);
    content = applyToContent(content, rowMove);
    expect(content.rows.map((r) => r.title)).toEqual(['C', 'A', 'B']);
    content = applyToContent(content, moveMatrixRow(content, rowId(content, 'C'), 2));
    expect(content.rows.map((r) => r.title)).toEqual(['A', 'B', 'C']);
    expect(moveMatrixRow(content, rowId(content, 'A'), 0)).toEqual([]);

    content = applyToContent(content, moveMatrixColumn(content, colId(content, 'Analog'), 5));
    expect(content.columns.map((c) => c.title)).toEqual(['Digitalisiert', 'KI-unterstützt', 'Analog']);
  });

  it('stops at the row and column limits with a matrix error', () => {
    let content = emptyMatrix();
    for (let i = 0; i < MATRIX_LIMITS.columns; i += 1)
      content = applyToContent(content, addMatrixColumn(content, `Spalte ${i + 1}`).changes);
    for (let i = 0; i < MATRIX_LIMITS.rows; i += 1)
      content = applyToContent(content, addMatrixRow(content, `Zeile ${i + 1}`).changes);
    expect(content.columns).toHaveLength(50);
    expect(content.rows).toHaveLength(50);
    expect(codeOf(() => addMatrixColumn(content, 'Eine zu viel'))).toBe('matrix.errors.tooManyColumns');
    expect(codeOf(() => addMatrixRow(content, 'Eine zu viel'))).toBe('matrix.errors.tooManyRows');
    // The order survives 50 appends.
    expect(content.columns.at(-1)!.title).toBe('Spalte 50');
  });

  it('deleting a row sends its cards to the end of the tray, left to right, and undo restores all', () => {
    let content = matrix(ROWS, COLUMNS);
    content = add(content, TRAY, 'schon im Ablagefach');
    content = add(content, cell(content, 'Bürgerservice', 'KI-unterstützt'), 'Chatbot');
    content = add(content, cell(content, 'Bürgerservice', 'Analog'), 'Meldebescheinigung');
    content = add(content, cell(content, 'Bürgerservice', 'Analog'), 'Wohnsitz');
    content = add(content, cell(content, 'Soziales', 'Analog'), 'Wohngeld');
    const before = content;
    const row = rowId(content, 'Bürgerservice');
    expect(countNotesIn(content, { rowId: row })).toBe(3);

    const changes = deleteMatrixRow(content, row, 9);
    content = applyToContent(content, changes);
    expect(content.rows.map((r) => r.title)).toEqual(['Soziales']);
    expect(content.notes).toHaveLength(5);
    expect(texts(content, TRAY)).toEqual([
      'schon im Ablagefach',
      'Meldebescheinigung',
      'Wohnsitz',
      'Chatbot',
    ]);
    expect(texts(content, cell(content, 'Soziales', 'Analog'))).toEqual(['Wohngeld']);

    const undone = applyToContent(content, invertChanges(changes));
    expect(undone.rows).toEqual(before.rows);
    expect(sortById(undone.notes)).toEqual(sortById(before.notes));
  });

  it('deleting a column sends its cards to the tray, top to bottom, and undo restores all', () => {
    let content = matrix(ROWS, COLUMNS);
    content = add(content, cell(content, 'Soziales', 'Digitalisiert'), 'Elterngeld');
    content = add(content, cell(content, 'Bürgerservice', 'Digitalisiert'), 'Terminbuchung');
    content = add(content, cell(content, 'Bürgerservice', 'Analog'), 'bleibt');
    const before = content;
    const changes = deleteMatrixColumn(content, colId(content, 'Digitalisiert'), 9);
    content = applyToContent(content, changes);
    expect(content.columns.map((c) => c.title)).toEqual(['Analog', 'KI-unterstützt']);
    expect(texts(content, TRAY)).toEqual(['Terminbuchung', 'Elterngeld']);
    expect(texts(content, cell(content, 'Bürgerservice', 'Analog'))).toEqual(['bleibt']);
    expect(content.notes.filter((n) => n.columnId === null).every((n) => n.rowId === null)).toBe(true);

    const undone = applyToContent(content, invertChanges(changes));
    expect(undone.columns).toEqual(before.columns);
    expect(sortById(undone.notes)).toEqual(sortById(before.notes));
  });

  it('a matrix without rows still has a working tray', () => {
    let content = matrix([], COLUMNS);
    content = add(content, TRAY, 'Idee');
    expect(groupMatrixNotes(content)).toEqual({ [TRAY_KEY]: [id(content, 'Idee')] });
  });
});

describe('cards on the matrix', () => {
  it('places a card in a cell or in the tray, at the end', () => {
    let content = matrix(ROWS, COLUMNS);
    const target = cell(content, 'Soziales', 'Digitalisiert');
    content = add(content, target, 'Wohngeld');
    content = add(content, target, 'Elterngeld');
    content = add(content, TRAY, 'Noch offen');
    const wohngeld = content.notes.find((n) => n.text === 'Wohngeld')!;
    expect(wohngeld.rowId).toBe(rowId(content, 'Soziales'));
    expect(wohngeld.columnId).toBe(colId(content, 'Digitalisiert'));
    expect(wohngeld.clusterId).toBeNull();
    expect(texts(content, target)).toEqual(['Wohngeld', 'Elterngeld']);
    expect(texts(content, TRAY)).toEqual(['Noch offen']);
    const tray = content.notes.find((n) => n.text === 'Noch offen')!;
    expect([tray.rowId, tray.columnId]).toEqual([null, null]);
  });

  it('refuses a cell whose row is gone, and an over-long text', () => {
    const content = matrix(ROWS, COLUMNS);
    const gone: MatrixPlace = { kind: 'cell', rowId: 'nope' as RowId, columnId: colId(content, 'Analog') };
    expect(codeOf(() => addMatrixNote(content, { place: gone, text: 'x', now: 1 }))).toBe(
      'matrix.errors.rowMissing',
    );
    expect(codeOf(() => addMatrixNote(content, { place: TRAY, text: 'x'.repeat(2001), now: 1 }))).toBe(
      'noteTooLong',
    );
  });

  it('moves a card between cells, into the tray and back, writing one row each time', () => {
    let content = matrix(ROWS, COLUMNS);
    content = add(content, TRAY, 'Wohngeld');
    const wohngeld = id(content, 'Wohngeld');
    const into = moveMatrixNote(content, wohngeld, cell(content, 'Soziales', 'Analog'), 0, 7);
    expect(into).toHaveLength(1);
    content = applyToContent(content, into);
    expect(texts(content, cell(content, 'Soziales', 'Analog'))).toEqual(['Wohngeld']);
    expect(texts(content, TRAY)).toEqual([]);

    content = applyToContent(
      content,
      moveMatrixNote(content, wohngeld, cell(content, 'Soziales', 'KI-unterstützt'), 0, 8),
    );
    expect(texts(content, cell(content, 'Soziales', 'Analog'))).toEqual([]);
    expect(texts(content, cell(content, 'Soziales', 'KI-unterstützt'))).toEqual(['Wohngeld']);

    const back = moveMatrixNote(content, wohngeld, TRAY, 0, 9);
    content = applyToContent(content, back);
    const note = content.notes.find((n) => n.id === wohngeld)!;
    expect([note.rowId, note.columnId, note.updatedAt]).toEqual([null, null, 9]);

    // Undo of the last move puts it back into its cell.
    content = applyToContent(content, invertChanges(back));
    expect(texts(content, cell(content, 'Soziales', 'KI-unterstützt'))).toEqual(['Wohngeld']);
  });

  it('orders cards inside a cell; a move to where the card is writes nothing', () => {
    let content = matrix(ROWS, COLUMNS);
    const target = cell(content, 'Bürgerservice', 'Analog');
    for (const text of ['A', 'B', 'C']) content = add(content, target, text);
    content = applyToContent(content, moveMatrixNote(content, id(content, 'C'), target, 0, 3));
    expect(texts(content, target)).toEqual(['C', 'A', 'B']);
    content = applyToContent(content, moveMatrixNote(content, id(content, 'C'), target, 1, 3));
    expect(texts(content, target)).toEqual(['A', 'C', 'B']);
    content = applyToContent(content, moveMatrixNote(content, id(content, 'A'), target, 99, 3));
    expect(texts(content, target)).toEqual(['C', 'B', 'A']);
    expect(moveMatrixNote(content, id(content, 'B'), target, 1, 3)).toEqual([]);
    // Into another cell between two cards.
    const other = cell(content, 'Soziales', 'Analog');
    content = add(content, other, 'X');
    content = add(content, other, 'Y');
    content = applyToContent(content, moveMatrixNote(content, id(content, 'B'), other, 1, 4));
    expect(texts(content, other)).toEqual(['X', 'B', 'Y']);
    expect(texts(content, target)).toEqual(['C', 'A']);
  });

  it('groups cards by place for the board view, empty cells included', () => {
    let content = matrix(['R'], ['K1', 'K2']);
    content = add(content, cell(content, 'R', 'K2'), 'in K2');
    content = add(content, TRAY, 'offen');
    const groups = groupMatrixNotes(content);
    expect(Object.keys(groups).sort()).toEqual(
      [TRAY_KEY, placeKey(cell(content, 'R', 'K1')), placeKey(cell(content, 'R', 'K2'))].sort(),
    );
    expect(groups[placeKey(cell(content, 'R', 'K2'))]).toEqual([id(content, 'in K2')]);
    expect(groups[TRAY_KEY]).toEqual([id(content, 'offen')]);
  });

  it('turns place keys back into places', () => {
    const content = matrix(['R'], ['K']);
    const place = cell(content, 'R', 'K');
    expect(placeFromKey(placeKey(place))).toEqual(place);
    expect(placeFromKey(TRAY_KEY)).toEqual(TRAY);
    expect(placeFromKey('column:x')).toBeNull();
  });
});
