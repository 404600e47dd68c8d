/**
 * Writing rounds (Schreibrunden) and the inbox (Eingang) as pure commands.
 *
 * Participants write cards on their phones; each card arrives as an inbox
 * card beside the board. The facilitator accepts (onto a column, a matrix
 * cell or the tray, a cluster or the pool), edits, merges duplicates or
 * rejects them, one by one or all at once. Every facilitator command is one
 * change set (undoable); cards arriving from phones are stored by
 * `receiveNote`, which is idempotent: a card sent twice is stored once, and an
 * older version never overwrites a newer one.
 *
 * SKELETON written by the lead: the signatures and limits are the contract
 * between the data and the UI engineers; the data engineer implements them.
 */
import type { Change } from './changes';
import type { BoardId, ClusterId, ColumnId, InboxNoteId, ParticipantId, RowId, WorkshopId } from './ids';
import type { Board, BoardContent, InboxNote, Note, WritingRound } from './types';

export const WRITING_LIMITS = {
  /** The question on the phones. */
  prompt: 300,
  /** A card from a phone: at most this many characters (the LAN server refuses longer). */
  noteText: 300,
  /** Highest "Karten pro Person" the facilitator can set. */
  maxNotesPerPerson: 50,
  /** Cards one round's inbox holds at most (500 phones × 50 would be too many for a board). */
  maxInboxNotes: 5_000,
} as const;

/** The phone's card id: 8–40 characters of base64url, chosen by the phone. */
export const CLIENT_NOTE_ID = /^[A-Za-z0-9_-]{8,40}$/;

/** Where accepted cards go, by board kind. */
export type InboxTarget =
  | { kind: 'column'; columnId: ColumnId }
  /** A matrix cell; both null = the tray (Ablage) of cards not placed yet. */
  | { kind: 'cell'; rowId: RowId | null; columnId: ColumnId | null }
  /** A cluster, or null = the pool of cards in no cluster. */
  | { kind: 'cluster'; clusterId: ClusterId | null };

/** Whether a board kind can take cards from a writing round (columns, matrix, clusters; not canvases). */
export declare function boardTakesWriting(board: Board): boolean;

export interface OpenWritingRoundArgs {
  workshopId: WorkshopId;
  boardId: BoardId;
  prompt: string;
  maxNotesPerPerson: number | null;
  anonymous: boolean;
  showAccepted: boolean;
  closesAt: number | null;
  now: number;
}

/** Opens a round; DomainError (German message keys) for an empty/too long prompt, a bad limit, a time in the past, or another open round on the workshop. */
export declare function openWritingRound(
  args: OpenWritingRoundArgs,
  openRounds: readonly WritingRound[],
): { round: WritingRound; changes: Change[] };

export declare function closeWritingRound(round: WritingRound, now: number): Change[];
/** Changes prompt-independent settings while open: closing time, showAccepted. */
export declare function updateWritingRound(
  round: WritingRound,
  patch: Partial<Pick<WritingRound, 'closesAt' | 'showAccepted'>>,
  now: number,
): Change[];
/** Whether phones may still write (open and not past closesAt). */
export declare function acceptsNotes(round: WritingRound, now: number): boolean;

/** One card as it arrives from a phone (a LanNoteEvent without seq). */
export interface ArrivingNote {
  deviceId: string;
  clientId: string;
  participantId: string | null;
  text: string;
  withdrawn: boolean;
  version: number;
  receivedAt: number;
}

/**
 * Stores an arriving card: new → pending; a newer version → text updated (and
 * `changedAfterDecision` when it was already decided); withdrawn → status
 * withdrawn while pending (decided cards keep their status and get the flag).
 * Same or older version → []. Not an undo step.
 */
export declare function receiveNote(
  round: WritingRound,
  existing: InboxNote | undefined,
  arriving: ArrivingNote,
  now: number,
): Change[];

/** Accepts cards (pending, or rejected ones taken back) onto the board at the target, in the given order, with their author when named. */
export declare function acceptInboxNotes(
  content: BoardContent,
  inbox: readonly InboxNote[],
  ids: readonly InboxNoteId[],
  target: InboxTarget,
  now: number,
): { notes: Note[]; changes: Change[] };

export declare function rejectInboxNotes(inbox: readonly InboxNote[], ids: readonly InboxNoteId[], now: number): Change[];
/** The facilitator's edit of a pending card's text (the phone's text stays in sentText). */
export declare function editInboxNote(note: InboxNote, text: string, now: number): Change[];
/**
 * Merges duplicates: the first id survives with `text` (e.g. the texts joined
 * by the facilitator), the others become merged into it. Authors: the survivor
 * keeps its own; the others stay recorded on the merged rows.
 */
export declare function mergeInboxNotes(
  inbox: readonly InboxNote[],
  ids: readonly InboxNoteId[],
  text: string,
  now: number,
): Change[];

/** Author of an accepted card: the participant when named and still known. */
export type InboxAuthor = ParticipantId | null;
