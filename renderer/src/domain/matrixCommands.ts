import { moveColumn, renameColumn } from './boardCommands';
import { blankNote } from './boardCommands';
import type { Change } from './changes';
import { DomainError } from './errors';
import { newId, type ColumnId, type NoteId, type RowId } from './ids';
import { byRank, rankAfter, rankAt, rankAtEnd } from './ordering';
import type { BoardContent, Column, MatrixRow, Note, NoteColor } from './types';
import { cleanNoteText, cleanTitle, LIMITS } from './validation';

/**
 * A matrix board: named rows × named columns; a card sits in a cell (row and
 * column set) or in the tray "Noch nicht eingeordnet" (both null).
 */
export const MATRIX_LIMITS = { rows: 50, columns: 50 } as const;

/** Where a card sits on a matrix board. */
export type MatrixPlace = { kind: 'tray' } | { kind: 'cell'; rowId: RowId; columnId: ColumnId };

export const TRAY: MatrixPlace = { kind: 'tray' };
export const TRAY_KEY = 'tray';

/** A string key for a place: "tray" or "cell:<rowId>:<columnId>". */
export function placeKey(place: MatrixPlace): string {
  return place.kind === 'tray' ? TRAY_KEY : `cell:${place.rowId}:${place.columnId}`;
}

export function placeFromKey(key: string): MatrixPlace | null {
  if (key === TRAY_KEY) return TRAY;
  const match = /^cell:([^:]+):([^:]+)$/.exec(key);
  if (!match) return null;
  return { kind: 'cell', rowId: match[1] as RowId, columnId: match[2] as ColumnId };
}

/** Where a card is; a half-placed card (only row or only column) counts as in the tray. */
export function placeOf(note: Note): MatrixPlace {
  return note.rowId !== null && note.columnId !== null
    ? { kind: 'cell', rowId: note.rowId, columnId: note.columnId }
    : TRAY;
}

function isAt(note: Note, place: MatrixPlace): boolean {
  const at = placeOf(note);
  if (place.kind === 'tray') return at.kind === 'tray';
  return at.kind === 'cell' && at.rowId === place.rowId && at.columnId === place.columnId;
}

/** The cards of one cell or of the tray, in display order. */
export function notesAt(content: BoardContent, place: MatrixPlace): Note[] {
  return content.notes.filter((n) => isAt(n, place)).sort(byRank);
}

/** Place key → note ids in display order, for every cell and the tray (empty ones too). */
export function groupMatrixNotes(content: BoardContent): Record<string, NoteId[]> {
  const groups: Record<string, NoteId[]> = { [TRAY_KEY]: [] };
  for (const row of content.rows)
    for (const column of content.columns)
      groups[placeKey({ kind: 'cell', rowId: row.id, columnId: column.id })] = [];
  for (const note of [...content.notes].sort(byRank)) {
    // A card whose row or column is gone (should not happen) shows in the tray rather than nowhere.
    const key = placeKey(placeOf(note));
    (groups[key] ?? groups[TRAY_KEY]!).push(note.id);
  }
  return groups;
}

function findRow(content: BoardContent, rowId: RowId): MatrixRow {
  const row = content.rows.find((r) => r.id === rowId);
  if (!row) throw new DomainError('matrix.errors.rowMissing');
  return row;
}

function findColumn(content: BoardContent, columnId: ColumnId): Column {
  const column = content.columns.find((c) => c.id === columnId);
  if (!column) throw new DomainError('columnMissing');
  return column;
}

function findNote(content: BoardContent, noteId: NoteId): Note {
  const note = content.notes.find((n) => n.id === noteId);
  if (!note) throw new DomainError('noteMissing');
  return note;
}

function checkPlace(content: BoardContent, place: MatrixPlace): void {
  if (place.kind === 'tray') return;
  findRow(content, place.rowId);
  findColumn(content, place.columnId);
}

// ---- rows ----

export function addMatrixRow(content: BoardContent, title: string): { row: MatrixRow; changes: Change[] } {
  if (content.rows.length >= MATRIX_LIMITS.rows)
    throw new DomainError('matrix.errors.tooManyRows', { max: MATRIX_LIMITS.rows });
  const row: MatrixRow = {
    id: newId<RowId>(),
    boardId: content.board.id,
    title: cleanTitle(title, 'title', LIMITS.rowTitle),
    rank: rankAtEnd(content.rows),
  };
  return { row, changes: [{ table: 'matrixRows', after: row }] };
}

export function renameMatrixRow(content: BoardContent, rowId: RowId, title: string): Change[] {
  const row = findRow(content, rowId);
  const clean = cleanTitle(title, 'title', LIMITS.rowTitle);
  if (clean === row.title) return [];
  return [{ table: 'matrixRows', before: row, after: { ...row, title: clean } }];
}

/** Moves a row to `index` among the rows (0 = top). */
export function moveMatrixRow(content: BoardContent, rowId: RowId, index: number): Change[] {
  const row = findRow(content, rowId);
  const currentIndex = content.rows.findIndex((r) => r.id === rowId);
  const others = content.rows.filter((r) => r.id !== rowId);
  if (currentIndex === Math.max(0, Math.min(index, others.length))) return [];
  return [{ table: 'matrixRows', before: row, after: { ...row, rank: rankAt(others, index) } }];
}

/** Puts cards at the end of the tray, in the given order (one change per card). */
function toTray(content: BoardContent, notes: readonly Note[], now: number): Change[] {
  let previous = notesAt(content, TRAY).at(-1)?.rank ?? null;
  return notes.map((note): Change => {
    const rank = rankAfter(previous);
    previous = rank;
    return {
      table: 'notes',
      before: note,
      after: { ...note, rowId: null, columnId: null, rank, updatedAt: now },
    };
  });
}

function columnIndex(content: BoardContent): Map<string, number> {
  return new Map(content.columns.map((c, i) => [c.id, i]));
}

function rowIndex(content: BoardContent): Map<string, number> {
  return new Map(content.rows.map((r, i) => [r.id, i]));
}

/** Deletes a row; its cards are never dropped: they go back to the tray, left to right. */
export function deleteMatrixRow(content: BoardContent, rowId: RowId, now: number): Change[] {
  const row = findRow(content, rowId);
  const order = columnIndex(content);
  const notes = content.notes
    .filter((n) => n.rowId === rowId)
    .sort((a, b) => (order.get(a.columnId ?? '') ?? 0) - (order.get(b.columnId ?? '') ?? 0) || byRank(a, b));
  return [...toTray(content, notes, now), { table: 'matrixRows', before: row }];
}

// ---- columns ----

export function addMatrixColumn(content: BoardContent, title: string): { column: Column; changes: Change[] } {
  if (content.columns.length >= MATRIX_LIMITS.columns)
    throw new DomainError('matrix.errors.tooManyColumns', { max: MATRIX_LIMITS.columns });
  const column: Column = {
    id: newId<ColumnId>(),
    boardId: content.board.id,
    title: cleanTitle(title, 'title', LIMITS.columnTitle),
    rank: rankAtEnd(content.columns),
  };
  return { column, changes: [{ table: 'columns', after: column }] };
}

export function renameMatrixColumn(content: BoardContent, columnId: ColumnId, title: string): Change[] {
  return renameColumn(content, columnId, title);
}

/** Moves a column to `index` among the columns (0 = leftmost). */
export function moveMatrixColumn(content: BoardContent, columnId: ColumnId, index: number): Change[] {
  findColumn(content, columnId);
  const others = content.columns.filter((c) => c.id !== columnId);
  return moveColumn(content, columnId, Math.max(0, Math.min(index, others.length)));
}

/** Deletes a column; its cards are never dropped: they go back to the tray, top to bottom. */
export function deleteMatrixColumn(content: BoardContent, columnId: ColumnId, now: number): Change[] {
  const column = findColumn(content, columnId);
  const order = rowIndex(content);
  const notes = content.notes
    .filter((n) => n.columnId === columnId)
    .sort((a, b) => (order.get(a.rowId ?? '') ?? 0) - (order.get(b.rowId ?? '') ?? 0) || byRank(a, b));
  return [...toTray(content, notes, now), { table: 'columns', before: column }];
}

/** How many cards a row or column holds (what deleting it would send to the tray). */
export function countNotesIn(content: BoardContent, line: { rowId: RowId } | { columnId: ColumnId }): number {
  return 'rowId' in line
    ? content.notes.filter((n) => n.rowId === line.rowId && n.columnId !== null).length
    : content.notes.filter((n) => n.columnId === line.columnId && n.rowId !== null).length;
}

// ---- cards ----

export interface AddMatrixNoteArgs {
  place: MatrixPlace;
  text: string;
  color?: NoteColor;
  now: number;
  /** A rank the new card must follow too (see rankAtEnd): the card added just before. */
  rankFloor?: string | null;
}

/** A new card at the end of a cell or of the tray. */
export function addMatrixNote(
  content: BoardContent,
  args: AddMatrixNoteArgs,
): { note: Note; changes: Change[] } {
  checkPlace(content, args.place);
  const note: Note = {
    ...blankNote(content.board.id, args.now),
    rowId: args.place.kind === 'cell' ? args.place.rowId : null,
    columnId: args.place.kind === 'cell' ? args.place.columnId : null,
    text: cleanNoteText(args.text),
    color: args.color ?? 'yellow',
    rank: rankAtEnd(notesAt(content, args.place), args.rankFloor),
  };
  return { note, changes: [{ table: 'notes', after: note }] };
}

/**
 * Moves a card to `index` in a cell or the tray, counted without the card
 * itself. Writes exactly one row; nothing when the card is already there.
 */
export function moveMatrixNote(
  content: BoardContent,
  noteId: NoteId,
  place: MatrixPlace,
  index: number,
  now: number,
): Change[] {
  const note = findNote(content, noteId);
  checkPlace(content, place);
  const here = notesAt(content, place);
  const siblings = here.filter((n) => n.id !== noteId);
  const clamped = Math.max(0, Math.min(index, siblings.length));
  if (isAt(note, place) && here.findIndex((n) => n.id === noteId) === clamped) return [];
  const after: Note = {
    ...note,
    rowId: place.kind === 'cell' ? place.rowId : null,
    columnId: place.kind === 'cell' ? place.columnId : null,
    rank: rankAt(siblings, clamped),
    updatedAt: now,
  };
  return [{ table: 'notes', before: note, after }];
}
