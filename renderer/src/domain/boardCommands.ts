import type { Change } from './changes';
import { DomainError } from './errors';
import { newId, type BoardId, type ColumnId, type NoteId, type WorkshopId } from './ids';
import { byRank, rankAfter, rankAt, rankAtEnd } from './ordering';
import type {
  AgendaItem,
  Ballot,
  Board,
  BoardContent,
  BoardKind,
  Column,
  Idea,
  InboxNote,
  Note,
  NoteColor,
  Vision,
  VotingRound,
  Workshop,
  WritingRound,
} from './types';
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
  kind: BoardKind = 'columns',
): { board: Board; changes: Change[] } {
  const board: Board = {
    id: newId<BoardId>(),
    workshopId: workshop.id as WorkshopId,
    title: cleanTitle(title, 'title', LIMITS.boardTitle),
    phase: null,
    kind,
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

/** What else hangs on a board: rows of other tables the caller read for it. */
export interface OnBoard {
  ideas?: readonly Idea[];
  visions?: readonly Vision[];
  votingRounds?: readonly VotingRound[];
  /** The ballots of those rounds. */
  ballots?: readonly Ballot[];
  /** Agenda items that point at the board: they stay, without the board. */
  agendaItems?: readonly AgendaItem[];
  /** Writing rounds (Schreibrunden) on the board. */
  writingRounds?: readonly WritingRound[];
  /** The inbox cards of those rounds. */
  inboxNotes?: readonly InboxNote[];
}

/**
 * Deleting a board takes its columns, rows, clusters and cards with it, and
 * the project ideas, vision, voting and writing rounds (with their inbox) on
 * it; agenda items that showed
 * it keep their place without a board (undo brings all back).
 */
export function deleteBoard(content: BoardContent, onBoard: OnBoard = {}): Change[] {
  const boardId = content.board.id;
  return [
    ...(onBoard.agendaItems ?? [])
      .filter((item) => item.boardId === boardId)
      .map((item): Change => ({ table: 'agendaItems', before: item, after: { ...item, boardId: null } })),
    ...(onBoard.inboxNotes ?? []).map((item): Change => ({ table: 'inboxNotes', before: item })),
    ...(onBoard.writingRounds ?? []).map((round): Change => ({ table: 'writingRounds', before: round })),
    ...(onBoard.ballots ?? []).map((ballot): Change => ({ table: 'ballots', before: ballot })),
    ...(onBoard.votingRounds ?? []).map((round): Change => ({ table: 'votingRounds', before: round })),
    ...(onBoard.ideas ?? []).map((idea): Change => ({ table: 'ideas', before: idea })),
    ...(onBoard.visions ?? []).map((vision): Change => ({ table: 'visions', before: vision })),
    ...content.notes.map((note): Change => ({ table: 'notes', before: note })),
    ...content.clusters.map((cluster): Change => ({ table: 'clusters', before: cluster })),
    ...content.rows.map((row): Change => ({ table: 'matrixRows', before: row })),
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

/** A new card with nothing placed yet; commands fill in where it sits. */
export function blankNote(boardId: BoardId, now: number): Note {
  return {
    id: newId<NoteId>(),
    boardId,
    columnId: null,
    rowId: null,
    clusterId: null,
    text: '',
    color: 'yellow',
    rank: rankAtEnd([]),
    sourceNoteId: null,
    facts: null,
    createdAt: now,
    updatedAt: now,
  };
}

export interface AddNoteArgs {
  columnId: ColumnId;
  text: string;
  color?: NoteColor;
  now: number;
  /** A rank the new card must follow too (see rankAtEnd): the card added just before. */
  rankFloor?: string | null;
}

export function addNote(content: BoardContent, args: AddNoteArgs): { note: Note; changes: Change[] } {
  findColumn(content, args.columnId);
  const note: Note = {
    ...blankNote(content.board.id, args.now),
    columnId: args.columnId,
    text: cleanNoteText(args.text),
    color: args.color ?? 'yellow',
    rank: rankAtEnd(notesInColumn(content, args.columnId), args.rankFloor),
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
  const currentIndex =
    note.columnId === null ? -1 : notesInColumn(content, note.columnId).findIndex((n) => n.id === noteId);
  if (note.columnId === columnId && currentIndex === Math.max(0, Math.min(index, siblings.length))) return [];
  const after: Note = { ...note, columnId, rank: rankAt(siblings, index), updatedAt: now };
  return [{ table: 'notes', before: note, after }];
}
