import type { BoardId, ColumnId, NoteId, WorkshopId } from './ids';

/** An ISO calendar date, yyyy-mm-dd, or '' when not set. */
export type IsoDate = string;

export interface Workshop {
  id: WorkshopId;
  title: string;
  date: IsoDate;
  place: string;
  organisation: string;
  createdAt: number;
  updatedAt: number;
  /** Set when moved to the bin; the workshop and its boards stay until purged. */
  deletedAt: number | null;
}

export interface Board {
  id: BoardId;
  workshopId: WorkshopId;
  title: string;
  rank: string;
  createdAt: number;
}

export interface Column {
  id: ColumnId;
  boardId: BoardId;
  title: string;
  rank: string;
}

export const NOTE_COLORS = ['yellow', 'orange', 'pink', 'green', 'blue', 'purple'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

export interface Note {
  id: NoteId;
  boardId: BoardId;
  columnId: ColumnId;
  text: string;
  color: NoteColor;
  rank: string;
  createdAt: number;
  updatedAt: number;
}

/** Everything one board screen needs, already sorted by rank. */
export interface BoardContent {
  board: Board;
  columns: Column[];
  notes: Note[];
}
