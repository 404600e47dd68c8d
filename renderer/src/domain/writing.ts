/**
 * Writing rounds (Schreibrunden) and the inbox (Eingang) as pure commands; the
 * facilitator's decisions on the inbox are in inbox.ts.
 *
 * Participants write cards on their phones; each card arrives as an inbox
 * card beside the board. The facilitator accepts (onto a column, a matrix
 * cell or the tray, a cluster or the pool), edits, merges duplicates or
 * rejects them, one by one or all at once. Every facilitator command is one
 * change set (undoable); cards arriving from phones are stored by
 * `receiveNote`, which is idempotent: a card sent twice is stored once, and an
 * older version never overwrites a newer one.
 *
 * Decisions worth knowing:
 * - A card's state after `receiveNote` depends only on the newest version the
 *   phone sent (and the facilitator's decisions), never on the order or number
 *   of deliveries: `receivedAt` is the earliest arrival of any version.
 * - While a card waits (pending or withdrawn) its text follows the phone,
 *   also over a facilitator's edit: the author's latest words win. Once
 *   decided (accepted, rejected, merged) its `text` is what the facilitator
 *   decided on and stays; the phone's later text goes to `sentText` ('' when
 *   withdrawn) and `changedAfterDecision` is set, so the inbox can say so.
 * - The author: named rounds only, and only a participant of the workshop
 *   when the caller says who is known (the LAN server offers phones only the
 *   names it was given, so an unknown id is a stale or forged one).
 */
import type { Change } from './changes';
import { DomainError } from './errors';
import {
  newId,
  type BoardId,
  type ClusterId,
  type ColumnId,
  type InboxNoteId,
  type ParticipantId,
  type RowId,
  type WorkshopId,
  type WritingRoundId,
} from './ids';
import type { Board, InboxNote, InboxStatus, WritingRound } from './types';
import { DEVICE_VOTER } from './voting';

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
export function boardTakesWriting(board: Pick<Board, 'kind'>): boolean {
  return board.kind === 'columns' || board.kind === 'matrix' || board.kind === 'clusters';
}

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

/** The prompt as stored: line breaks kept, surrounding whitespace gone. */
function cleanPrompt(prompt: string): string {
  const clean = prompt.replace(/\r\n?/g, '\n').trim();
  if (clean.length === 0) throw new DomainError('writing.promptRequired', { field: 'prompt' });
  if (clean.length > WRITING_LIMITS.prompt)
    throw new DomainError('writing.promptTooLong', {
      field: 'prompt',
      max: WRITING_LIMITS.prompt,
      length: clean.length,
    });
  return clean;
}

function checkLimit(limit: number | null): void {
  if (limit === null) return;
  if (!Number.isInteger(limit) || limit < 1 || limit > WRITING_LIMITS.maxNotesPerPerson)
    throw new DomainError('writing.limitRange', {
      field: 'maxNotesPerPerson',
      max: WRITING_LIMITS.maxNotesPerPerson,
    });
}

function checkClosesAt(closesAt: number | null, now: number): void {
  if (closesAt === null) return;
  if (!Number.isFinite(closesAt) || closesAt <= now)
    throw new DomainError('writing.closesInPast', { field: 'closesAt' });
}

/**
 * Opens a round; DomainError (German message keys) for an empty/too long
 * prompt, a bad limit, a time in the past, another open round on the
 * workshop, or (when the board is given) a board that takes no cards.
 */
export function openWritingRound(
  args: OpenWritingRoundArgs,
  openRounds: readonly WritingRound[],
  board?: Pick<Board, 'id' | 'kind' | 'workshopId'>,
): { round: WritingRound; changes: Change[] } {
  const prompt = cleanPrompt(args.prompt);
  checkLimit(args.maxNotesPerPerson);
  checkClosesAt(args.closesAt, args.now);
  if (board) {
    if (board.id !== args.boardId || board.workshopId !== args.workshopId)
      throw new DomainError('writing.boardMissing');
    if (!boardTakesWriting(board)) throw new DomainError('writing.boardTakesNoCards');
  }
  const open = openRounds.find((r) => r.workshopId === args.workshopId && r.status === 'open');
  if (open) throw new DomainError('writing.alreadyOpen', { prompt: open.prompt });
  const round: WritingRound = {
    id: newId<WritingRoundId>(),
    workshopId: args.workshopId,
    boardId: args.boardId,
    prompt,
    maxNotesPerPerson: args.maxNotesPerPerson,
    anonymous: args.anonymous,
    showAccepted: args.showAccepted,
    closesAt: args.closesAt,
    status: 'open',
    openedAt: args.now,
    closedAt: null,
    createdAt: args.now,
    updatedAt: args.now,
  };
  return { round, changes: [{ table: 'writingRounds', after: round }] };
}

/** Closes a round (nothing when it is closed already). */
export function closeWritingRound(round: WritingRound, now: number): Change[] {
  if (round.status !== 'open') return [];
  return [
    {
      table: 'writingRounds',
      before: round,
      after: { ...round, status: 'closed', closedAt: now, updatedAt: now },
    },
  ];
}

/** Changes prompt-independent settings while open: closing time, showAccepted. */
export function updateWritingRound(
  round: WritingRound,
  patch: Partial<Pick<WritingRound, 'closesAt' | 'showAccepted'>>,
  now: number,
): Change[] {
  if (round.status !== 'open') throw new DomainError('writing.roundNotOpen');
  const closesAt = patch.closesAt === undefined ? round.closesAt : patch.closesAt;
  const showAccepted = patch.showAccepted ?? round.showAccepted;
  if (closesAt !== round.closesAt) checkClosesAt(closesAt, now);
  if (closesAt === round.closesAt && showAccepted === round.showAccepted) return [];
  return [
    { table: 'writingRounds', before: round, after: { ...round, closesAt, showAccepted, updatedAt: now } },
  ];
}

/** Whether phones may still write (open and not past closesAt). */
export function acceptsNotes(round: WritingRound, now: number): boolean {
  return round.status === 'open' && (round.closesAt === null || now < round.closesAt);
}

/** Whether the round took cards at that moment: opened, not yet closed, not past its closing time. */
function wasOpenAt(round: WritingRound, at: number): boolean {
  return (
    at >= round.openedAt &&
    (round.closedAt === null || at <= round.closedAt) &&
    (round.closesAt === null || at <= round.closesAt)
  );
}

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

/** What the caller knows besides the round, for checks `receiveNote` cannot make alone. */
export interface ReceiveContext {
  /** The workshop's participants: a named round's author must be one of them (else the card has none). */
  known?: ReadonlySet<string>;
  /** Cards already in the round's inbox: a new one beyond WRITING_LIMITS.maxInboxNotes is refused. */
  inboxSize?: number;
}

/** Version numbers phones may use (the backup takes up to this). */
const MAX_VERSION = 1_000_000;
/** Participant ids as the app makes them (UUIDs; older data short ids). */
const PARTICIPANT_ID = /^[A-Za-z0-9-]{1,64}$/;

function checkArriving(arriving: ArrivingNote): string {
  const bad = () => new DomainError('writing.invalidNote');
  if (typeof arriving.deviceId !== 'string' || !DEVICE_VOTER.test(arriving.deviceId)) throw bad();
  if (typeof arriving.clientId !== 'string' || !CLIENT_NOTE_ID.test(arriving.clientId)) throw bad();
  if (!Number.isSafeInteger(arriving.version) || arriving.version < 1 || arriving.version > MAX_VERSION)
    throw bad();
  if (
    typeof arriving.receivedAt !== 'number' ||
    !Number.isFinite(arriving.receivedAt) ||
    arriving.receivedAt < 0
  )
    throw bad();
  if (typeof arriving.withdrawn !== 'boolean' || typeof arriving.text !== 'string') throw bad();
  if (arriving.withdrawn) return '';
  const text = arriving.text.replace(/\r\n?/g, '\n').trim();
  if (text.length === 0 || text.length > WRITING_LIMITS.noteText) throw bad();
  return text;
}

function authorOf(
  round: WritingRound,
  arriving: ArrivingNote,
  context: ReceiveContext,
): ParticipantId | null {
  const id = arriving.participantId;
  if (round.anonymous || typeof id !== 'string' || !PARTICIPANT_ID.test(id)) return null;
  if (context.known && !context.known.has(id)) return null;
  return id as ParticipantId;
}

const DECIDED: ReadonlySet<InboxStatus> = new Set(['accepted', 'rejected', 'merged']);

/**
 * Stores an arriving card: new → pending; a newer version → text updated (and
 * `changedAfterDecision` when it was already decided); withdrawn → status
 * withdrawn while pending (decided cards keep their status and get the flag).
 * Same or older version → [] (only an earlier arrival time is taken over, so
 * the row does not depend on the order of deliveries). Not an undo step.
 * DomainError for a malformed card, one sent while the round was not open,
 * or a new one when the inbox is full.
 */
export function receiveNote(
  round: WritingRound,
  existing: InboxNote | undefined,
  arriving: ArrivingNote,
  now: number,
  context: ReceiveContext = {},
): Change[] {
  const text = checkArriving(arriving);
  if (!wasOpenAt(round, arriving.receivedAt)) throw new DomainError('writing.roundClosed');
  if (existing) {
    if (
      existing.roundId !== round.id ||
      existing.deviceId !== arriving.deviceId ||
      existing.clientId !== arriving.clientId
    )
      throw new DomainError('writing.wrongNote');
    if (arriving.version <= existing.version) {
      if (arriving.receivedAt >= existing.receivedAt) return [];
      return [
        { table: 'inboxNotes', before: existing, after: { ...existing, receivedAt: arriving.receivedAt } },
      ];
    }
    const receivedAt = Math.min(existing.receivedAt, arriving.receivedAt);
    const after: InboxNote = DECIDED.has(existing.status)
      ? {
          ...existing,
          sentText: text,
          version: arriving.version,
          changedAfterDecision: true,
          receivedAt,
          updatedAt: now,
        }
      : {
          ...existing,
          text,
          sentText: text,
          version: arriving.version,
          status: arriving.withdrawn ? 'withdrawn' : 'pending',
          receivedAt,
          updatedAt: now,
        };
    return [{ table: 'inboxNotes', before: existing, after }];
  }
  if ((context.inboxSize ?? 0) >= WRITING_LIMITS.maxInboxNotes)
    throw new DomainError('writing.inboxFull', { max: WRITING_LIMITS.maxInboxNotes });
  const note: InboxNote = {
    id: newId<InboxNoteId>(),
    workshopId: round.workshopId,
    roundId: round.id,
    boardId: round.boardId,
    deviceId: arriving.deviceId,
    clientId: arriving.clientId,
    authorId: authorOf(round, arriving, context),
    text,
    sentText: text,
    version: arriving.version,
    status: arriving.withdrawn ? 'withdrawn' : 'pending',
    noteId: null,
    mergedInto: null,
    changedAfterDecision: false,
    receivedAt: arriving.receivedAt,
    updatedAt: now,
  };
  return [{ table: 'inboxNotes', after: note }];
}
