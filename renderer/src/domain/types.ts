import type {
  ActionItemId,
  AgendaItemId,
  BoardId,
  ColumnId,
  DecisionId,
  NoteId,
  ParticipantId,
  SessionId,
  WorkshopId,
} from './ids';

/** An ISO calendar date, yyyy-mm-dd, or '' when not set. */
export type IsoDate = string;

export interface Workshop {
  id: WorkshopId;
  title: string;
  date: IsoDate;
  place: string;
  organisation: string;
  /** Names of the facilitators (Moderation), free text. */
  facilitators: string;
  /** Name of the minute-taker (Protokollführung). */
  minuteTaker: string;
  createdAt: number;
  updatedAt: number;
  /** Set when moved to the bin; the workshop and its boards stay until purged. */
  deletedAt: number | null;
}

export interface Board {
  id: BoardId;
  workshopId: WorkshopId;
  title: string;
  /** The phase of the strategy process this board belongs to, if any. */
  phase: Phase | null;
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

/** The four phases of a strategy process, in order. */
export const PHASES = ['vision', 'inventory', 'focus', 'ideas'] as const;
export type Phase = (typeof PHASES)[number];

export interface Participant {
  id: ParticipantId;
  workshopId: WorkshopId;
  name: string;
  /** Organisationseinheit, e.g. "Senatskanzlei, Ref. 12". */
  unit: string;
  role: string;
  createdAt: number;
}

/** One dated meeting (Sitzung) of a workshop series. */
export interface WorkshopSession {
  id: SessionId;
  workshopId: WorkshopId;
  title: string;
  date: IsoDate;
  /** Start time "HH:MM", or '' when not set. */
  startTime: string;
  place: string;
  rank: string;
}

/** A timeboxed agenda item (TOP) of a session, with its timer. */
export interface AgendaItem {
  id: AgendaItemId;
  workshopId: WorkshopId;
  sessionId: SessionId;
  title: string;
  boardId: BoardId | null;
  plannedMinutes: number;
  /** Only for the facilitator: never shown on the projector or printed as such. */
  facilitatorNotes: string;
  rank: string;
  /** Time spent so far, excluding the running stretch. */
  elapsedMs: number;
  /** When the timer was last started; null while paused. */
  runningSince: number | null;
  /** Minutes added while running ("Zeit verlängern"). */
  extraMinutes: number;
}

export interface Decision {
  id: DecisionId;
  workshopId: WorkshopId;
  text: string;
  date: IsoDate;
  agendaItemId: AgendaItemId | null;
  /** The voting round the decision came from (voting arrives with a later issue). */
  votingRoundId: string | null;
  createdAt: number;
  updatedAt: number;
}

export const ACTION_STATUSES = ['open', 'doing', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Aufgabe / Maßnahme: wer, was, bis wann. */
export interface ActionItem {
  id: ActionItemId;
  workshopId: WorkshopId;
  owner: string;
  task: string;
  due: IsoDate;
  status: ActionStatus;
  createdAt: number;
  updatedAt: number;
}
