import type { Change } from './changes';
import { DomainError } from './errors';
import { newId, type BoardId, type ColumnId, type NoteId, type WorkshopId } from './ids';
import { byRank, rankAfter, rankAt, rankAtEnd } from './ordering';
import type { Board, BoardContent, Column, Note, NoteColor, Workshop } from './types';
import { NOTE_COLORS } from './types';
import { cleanNoteText, cleanTitle, LIMITS } from './validation';

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

export function notesInColumn(content: BoardContent, columnId: ColumnId): Note[] {
  return content.notes.filter((n) => n.columnId === columnId).sort(byRank);
}

// ---- boards ----

export function addBoard(
  workshop: Workshop,
  boards: readonly Board[],
  title: string,
  now: number,
): { board: Board; changes: Change[] } {
  const board: Board = {
    id: newId<BoardId>(),
    workshopId: workshop.id as WorkshopId,
    title: cleanTitle(title, 'title', LIMITS.boardTitle),
    phase: null,
    rank: rankAtEnd([...boards].sort(byRank)),
    createdAt: now,
  };
  return { board, changes: [{ table: 'boards', after: board }] };
}

export function renameBoard(board: Board, title: string): Change[] {
  return [
    {
      table: 'boards',
      before: board,
      after: { ...board, title: cleanTitle(title, 'title', LIMITS.boardTitle) },
    },
  ];
}

/** Deleting a board takes its columns and notes with it (undo brings all back). */
export function deleteBoard(content: BoardContent): Change[] {
  return [
    ...content.notes.map((note): Change => ({ table: 'notes', before: note })),
    ...content.columns.map((column): Change => ({ table: 'columns', before: column })),
    { table: 'boards', before: content.board },
  ];
}

// ---- columns ----

export function addColumn(content: BoardContent, title: string): { column: Column; changes: Change[] } {
  const column: Column = {
    id: newId<ColumnId>(),
    boardId: content.board.id,
    title: cleanTitle(title, 'title', LIMITS.columnTitle),
    rank: rankAtEnd(content.columns),
  };
  return { column, changes: [{ table: 'columns', after: column }] };
}

export function renameColumn(content: BoardContent, columnId: ColumnId, title: string): Change[] {
  const column = findColumn(content, columnId);
  const clean = cleanTitle(title, 'title', LIMITS.columnTitle);
  if (clean === column.title) return [];
  return [{ table: 'columns', before: column, after: { ...column, title: clean } }];
}

/** Moves a column to `index` among the other columns (0 = first). */
export function moveColumn(content: BoardContent, columnId: ColumnId, index: number): Change[] {
  const column = findColumn(content, columnId);
  const others = content.columns.filter((c) => c.id !== columnId);
  const currentIndex = content.columns.findIndex((c) => c.id === columnId);
  if (currentIndex === index) return [];
  return [{ table: 'columns', before: column, after: { ...column, rank: rankAt(others, index) } }];
}

export type ColumnNotesFate = { kind: 'move'; to: ColumnId } | { kind: 'delete' };

/**
 * Deletes a column. Its notes are never dropped silently: the caller must say
 * whether they move to another column or go too.
 */
export function deleteColumn(content: BoardContent, columnId: ColumnId, fate: ColumnNotesFate): Change[] {
  const column = findColumn(content, columnId);
  const notes = notesInColumn(content, columnId);
  const changes: Change[] = [];
  if (fate.kind === 'move') {
    if (fate.to === columnId) throw new DomainError('columnMoveToSelf');
    const target = findColumn(content, fate.to);
    const targetNotes = notesInColumn(content, target.id);
    let previous = targetNotes.at(-1)?.rank ?? null;
    for (const note of notes) {
      const rank = rankAfter(previous);
      changes.push({ table: 'notes', before: note, after: { ...note, columnId: target.id, rank } });
      previous = rank;
    }
  } else {
    for (const note of notes) changes.push({ table: 'notes', before: note });
  }
  changes.push({ table: 'columns', before: column });
  return changes;
}

// ---- notes ----

export interface AddNoteArgs {
  columnId: ColumnId;
  text: string;
  color?: NoteColor;
  now: number;
}

export function addNote(content: BoardContent, args: AddNoteArgs): { note: Note; changes: Change[] } {
  findColumn(content, args.columnId);
  const note: Note = {
    id: newId<NoteId>(),
    boardId: content.board.id,
    columnId: args.columnId,
    text: cleanNoteText(args.text),
    color: args.color ?? 'yellow',
    rank: rankAtEnd(notesInColumn(content, args.columnId)),
    createdAt: args.now,
    updatedAt: args.now,
  };
  return { note, changes: [{ table: 'notes', after: note }] };
}

/** `original` is the note as it was before editing began, so one edit is one undo step. */
export function editNote(original: Note, text: string, now: number): Change[] {
  const clean = cleanNoteText(text);
  if (clean === original.text) return [];
  return [{ table: 'notes', before: original, after: { ...original, text: clean, updatedAt: now } }];
}

export function recolorNote(content: BoardContent, noteId: NoteId, color: NoteColor, now: number): Change[] {
  if (!NOTE_COLORS.includes(color)) throw new DomainError('unknownColor');
  const note = findNote(content, noteId);
  if (note.color === color) return [];
  return [{ table: 'notes', before: note, after: { ...note, color, updatedAt: now } }];
}

export function deleteNote(content: BoardContent, noteId: NoteId): Change[] {
  return [{ table: 'notes', before: findNote(content, noteId) }];
}

/**
 * Moves a note to `index` in the target column, counted without the note itself.
 * Writes exactly one row: the note's new column and rank.
 */
export function moveNote(
  content: BoardContent,
  noteId: NoteId,
  columnId: ColumnId,
  index: number,
  now: number,
): Change[] {
  const note = findNote(content, noteId);
  findColumn(content, columnId);
  const siblings = notesInColumn(content, columnId).filter((n) => n.id !== noteId);
  const currentIndex = notesInColumn(content, note.columnId).findIndex((n) => n.id === noteId);
  if (note.columnId === columnId && currentIndex === Math.max(0, Math.min(index, siblings.length))) return [];
  const after: Note = { ...note, columnId, rank: rankAt(siblings, index), updatedAt: now };
  return [{ table: 'notes', before: note, after }];
}
