import type {
  ActionItemId,
  AgendaItemId,
  BallotId,
  BoardId,
  ClusterId,
  ColumnId,
  DecisionId,
  IdeaId,
  NoteId,
  ParticipantId,
  RowId,
  SessionId,
  VisionId,
  VotingRoundId,
  InboxNoteId,
  WritingRoundId,
  WorkshopId,
} from './ids';
import type { BallotContent, VotingSettings } from './votingTally';

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
  /**
   * The minutes' status as last chosen (Entwurf / abgestimmt); absent = draft.
   * Optional and not indexed, so older rows and files read fine without a
   * Dexie version or a backup format step.
   */
  minutesStatus?: MinutesStatusValue;
}

export const MINUTES_STATUSES = ['draft', 'approved'] as const;
export type MinutesStatusValue = (typeof MINUTES_STATUSES)[number];

/**
 * What a board is laid out as:
 * - columns: cards in named columns (the first board kind);
 * - matrix: named rows × named columns, cards in cells, plus a tray of cards not placed yet;
 * - clusters: a free pool of cards grouped into clusters, which can become focus areas;
 * - canvases: project ideas, each a canvas (form) of typed fields.
 */
export const BOARD_KINDS = ['columns', 'matrix', 'clusters', 'canvases'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];

export interface Board {
  id: BoardId;
  workshopId: WorkshopId;
  title: string;
  /** The phase of the strategy process this board belongs to, if any. */
  phase: Phase | null;
  kind: BoardKind;
  rank: string;
  createdAt: number;
}

/** A column of a columns board, or a column of a matrix board. */
export interface Column {
  id: ColumnId;
  boardId: BoardId;
  title: string;
  rank: string;
}

/** A row of a matrix board (e.g. a department, or "Stärken" of a SWOT). */
export interface MatrixRow {
  id: RowId;
  boardId: BoardId;
  title: string;
  rank: string;
}

/** A group of cards on a clusters board; the unit of voting. */
export interface Cluster {
  id: ClusterId;
  boardId: BoardId;
  title: string;
  rank: string;
  /** Shown as a header only, its cards hidden. */
  collapsed: boolean;
  /** Promoted to a focus area (Handlungsschwerpunkt): when, or null. */
  focusAreaAt: number | null;
  /** The focus area's short description ('' when not promoted or not written). */
  description: string;
  /**
   * The clusters merged into this one, whose cards are still stored with their
   * id (see domain/clusterMerge.ts). Not indexed; rows without it absorbed none.
   */
  absorbed?: AbsorbedCluster[];
  createdAt: number;
  updatedAt: number;
}

/** One cluster merged into another (`Cluster.absorbed`). */
export interface AbsorbedCluster {
  /** The merged cluster: cards stored with this id belong to the absorbing one. */
  id: ClusterId;
  /** The prefixes composing the rank the cards show with, innermost merge first. */
  prefixes: string[];
}

/** On a card read in another cluster than it is stored with (see domain/clusterMerge.ts). */
export interface MergedPlace {
  clusterId: ClusterId;
  rank: string;
  shownIn: ClusterId;
  shownRank: string;
}

/** Structured facts an inventory card can carry, shown on the card. */
export interface NoteFacts {
  /** The process, e.g. "Wohngeldantrag". */
  process: string;
  /** Case volume per year, or null when not known. */
  casesPerYear: number | null;
  /** The biggest pain point. */
  painPoint: string;
}

export const NOTE_COLORS = ['yellow', 'orange', 'pink', 'green', 'blue', 'purple'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];

/**
 * A card. Where it sits depends on the board kind:
 * - columns: columnId set, rowId and clusterId null;
 * - matrix: columnId and rowId both set (a cell), or both null (the tray);
 * - clusters: columnId and rowId null; clusterId set, or null (the pool);
 * - canvases boards have no cards.
 * `rank` orders the card inside its column, cell, tray, cluster or pool.
 */
export interface Note {
  id: NoteId;
  boardId: BoardId;
  columnId: ColumnId | null;
  rowId: RowId | null;
  clusterId: ClusterId | null;
  text: string;
  color: NoteColor;
  rank: string;
  /** The card this one was copied from (brought in from another board), or null. */
  sourceNoteId: NoteId | null;
  facts: NoteFacts | null;
  /**
   * Who wrote it, when known: a card accepted from a named writing round
   * (Schreibrunde) carries its author. Optional and not indexed, so rows from
   * before (no field) read as "no author" without a Dexie step.
   */
  authorId?: ParticipantId;
  /** Only as read: the card is stored with a cluster merged into `clusterId` (see domain/clusterMerge.ts). */
  merged?: MergedPlace;
  createdAt: number;
  updatedAt: number;
}

/** Everything one board screen needs, already sorted by rank. */
export interface BoardContent {
  board: Board;
  columns: Column[];
  /** Matrix boards only; empty otherwise. */
  rows: MatrixRow[];
  /** Clusters boards only; empty otherwise. */
  clusters: Cluster[];
  notes: Note[];
}

/** A value of one canvas field: text, a number, yes/no, a choice key, or not filled in. */
export type CanvasValue = string | number | boolean | null;

/** A project idea (Projektidee), described on a canvas. */
export interface Idea {
  id: IdeaId;
  workshopId: WorkshopId;
  /** The canvases board it is listed on. */
  boardId: BoardId;
  /** The focus area (a promoted cluster) it serves, or null. */
  focusAreaId: ClusterId | null;
  /** Which canvas template (assets/canvases) lays out its fields. */
  templateId: string;
  title: string;
  /** Field key → value, for the template's fields. */
  fields: Record<string, CanvasValue>;
  /** Cards dragged onto a field: their text became part of the field, the link stays. */
  sources: Array<{ field: string; noteId: NoteId }>;
  rank: string;
  createdAt: number;
  updatedAt: number;
}

/** The agreed vision (Leitbild) written on a vision board from selected statements. */
export interface Vision {
  id: VisionId;
  workshopId: WorkshopId;
  boardId: BoardId;
  /** Short formatted text: paragraphs, **bold**, *italic* and "- " lists. */
  text: string;
  /** The statements (cards) it was written from. */
  sourceNoteIds: NoteId[];
  /** When it was marked as agreed, or null while a draft. */
  agreedAt: number | null;
  /** The decision recorded for the minutes when it was agreed. */
  decisionId: DecisionId | null;
  createdAt: number;
  updatedAt: number;
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
  /**
   * For the minutes: present, excused (entschuldigt) or absent; absent field =
   * present. Optional and not indexed, so older rows and files read fine
   * without a Dexie version or a backup format step.
   */
  attendance?: Attendance;
}

export const ATTENDANCES = ['present', 'excused', 'absent'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

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

/** What a voting round is about: the clusters of a board, its cards, or its project ideas. */
export const VOTING_TARGETS = ['clusters', 'notes', 'ideas'] as const;
export type VotingTarget = (typeof VOTING_TARGETS)[number];

export const ROUND_STATUSES = ['open', 'closed', 'annulled'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** Abstimmungsrunde: one vote with settings fixed when it starts. */
export interface VotingRound {
  id: VotingRoundId;
  workshopId: WorkshopId;
  boardId: BoardId;
  title: string;
  target: VotingTarget;
  settings: VotingSettings;
  /** The items voted on, fixed at the start, with their names then (for the record). */
  items: Array<{ id: string; label: string }>;
  /** Participants entitled to vote. */
  entitled: ParticipantId[];
  /** Anonymous: nobody sees who voted what, not even in the minutes. */
  anonymous: boolean;
  /** Closes by itself at this time; null = until the facilitator closes it. */
  closesAt: number | null;
  status: RoundStatus;
  /** Results are shown only once the facilitator reveals them. */
  revealed: boolean;
  /** Paper dots counted by the facilitator, per item (analog tally). */
  paperTally: Record<string, number>;
  openedAt: number;
  closedAt: number | null;
  /** Why the round was annulled ('' unless annulled); kept in the record. */
  annulReason: string;
  /** The decision recording the result, once recorded. */
  decisionId: DecisionId | null;
  createdAt: number;
  updatedAt: number;
}

/** Stimmzettel: one participant's votes in one round; at most one per participant and round. */
export interface Ballot {
  id: BallotId;
  workshopId: WorkshopId;
  roundId: VotingRoundId;
  participantId: ParticipantId;
  content: BallotContent;
  castAt: number;
  updatedAt: number;
}

/**
 * Schreibrunde: participants write cards on their phones at the same time
 * (silent writing); the cards land in the board's inbox (Eingang), not on the
 * board, until the facilitator accepts them. Serves columns, matrix and
 * clusters boards (vision, inventory, focus areas).
 */
export interface WritingRound {
  id: WritingRoundId;
  workshopId: WorkshopId;
  boardId: BoardId;
  /** The question phones show, e.g. "Welche Aufgaben sollten wir zuerst automatisieren?" */
  prompt: string;
  /** At most this many cards per person (withdrawn ones do not count); null = no limit. */
  maxNotesPerPerson: number | null;
  /** Anonymous: phones pick no name and accepted cards carry no author. */
  anonymous: boolean;
  /** Phones also see the cards accepted from this round (text only, never who wrote them). */
  showAccepted: boolean;
  /** Closes by itself at this time (timebox, e.g. from the agenda timer); null = until closed. */
  closesAt: number | null;
  status: WritingRoundStatus;
  openedAt: number;
  closedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export const WRITING_ROUND_STATUSES = ['open', 'closed'] as const;
export type WritingRoundStatus = (typeof WRITING_ROUND_STATUSES)[number];

/**
 * - pending: waits for the facilitator;
 * - accepted: on the board as `noteId`;
 * - rejected: not taken (kept for the record, can be taken back by undo or "Doch übernehmen");
 * - merged: folded into the inbox card `mergedInto` (a duplicate);
 * - withdrawn: its author took it back on the phone before a decision.
 */
export const INBOX_STATUSES = ['pending', 'accepted', 'rejected', 'merged', 'withdrawn'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/**
 * A card written on a phone, in the inbox (Eingang) beside the board. One row
 * per phone card: (roundId, deviceId, clientId) is unique, so a card sent
 * twice is stored once.
 */
export interface InboxNote {
  id: InboxNoteId;
  workshopId: WorkshopId;
  roundId: WritingRoundId;
  boardId: BoardId;
  /** The phone that wrote it: "device-" and 16 hex characters (never its secret token). */
  deviceId: string;
  /** The phone's own id for this card, the same however often it is sent or edited. */
  clientId: string;
  /** Named rounds: the participant the phone wrote as; anonymous rounds: null. */
  authorId: ParticipantId | null;
  /** The text as it stands now (the phone's latest, or the facilitator's edit). */
  text: string;
  /** The text exactly as the phone sent it last (kept when the facilitator edits `text`). */
  sentText: string;
  /** The phone's edit counter for this card (1 = first send); older versions are ignored. */
  version: number;
  status: InboxStatus;
  /** Accepted (or merged into an accepted card): the card on the board. */
  noteId: NoteId | null;
  /** Merged: the inbox card it was folded into. */
  mergedInto: InboxNoteId | null;
  /** The phone changed or withdrew the card after the facilitator had decided on it. */
  changedAfterDecision: boolean;
  receivedAt: number;
  updatedAt: number;
}
