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
import { blankNote, notesInColumn } from './boardCommands';
import type { Change } from './changes';
import { cardsIn, findCluster } from './clusterCommands';
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
import { notesAt, type MatrixPlace } from './matrixCommands';
import { rankAfter } from './ordering';
import type { Board, BoardContent, InboxNote, InboxStatus, Note, WritingRound } from './types';
import { cleanNoteText } from './validation';
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

// ---- the facilitator's decisions ----

function pick(inbox: readonly InboxNote[], ids: readonly InboxNoteId[]): InboxNote[] {
  if (ids.length === 0) throw new DomainError('writing.noneChosen');
  if (new Set(ids).size !== ids.length) throw new DomainError('writing.chosenTwice');
  const byId = new Map(inbox.map((n) => [n.id, n]));
  return ids.map((id) => {
    const note = byId.get(id);
    if (!note) throw new DomainError('writing.inboxNoteMissing');
    return note;
  });
}

/** The cards already at the target, in order, and a check that the target fits the board. */
function cardsAtTarget(content: BoardContent, target: InboxTarget): { place: Partial<Note>; here: Note[] } {
  const kind = content.board.kind;
  switch (target.kind) {
    case 'column': {
      if (kind !== 'columns') throw new DomainError('writing.wrongTarget');
      if (!content.columns.some((c) => c.id === target.columnId)) throw new DomainError('columnMissing');
      return { place: { columnId: target.columnId }, here: notesInColumn(content, target.columnId) };
    }
    case 'cell': {
      if (kind !== 'matrix') throw new DomainError('writing.wrongTarget');
      if ((target.rowId === null) !== (target.columnId === null))
        throw new DomainError('writing.wrongTarget');
      let place: MatrixPlace = { kind: 'tray' };
      if (target.rowId !== null && target.columnId !== null) {
        if (!content.rows.some((r) => r.id === target.rowId))
          throw new DomainError('matrix.errors.rowMissing');
        if (!content.columns.some((c) => c.id === target.columnId)) throw new DomainError('columnMissing');
        place = { kind: 'cell', rowId: target.rowId, columnId: target.columnId };
      }
      return { place: { rowId: target.rowId, columnId: target.columnId }, here: notesAt(content, place) };
    }
    case 'cluster': {
      if (kind !== 'clusters') throw new DomainError('writing.wrongTarget');
      if (target.clusterId !== null) findCluster(content, target.clusterId);
      return { place: { clusterId: target.clusterId }, here: cardsIn(content, target.clusterId) };
    }
  }
}

/**
 * Accepts cards (pending, or rejected ones taken back) onto the board at the
 * target, in the given order after the cards already there, with their author
 * when named (and, when `known` is given, still in the workshop). Cards merged
 * into an accepted one point at the same board card.
 */
export function acceptInboxNotes(
  content: BoardContent,
  inbox: readonly InboxNote[],
  ids: readonly InboxNoteId[],
  target: InboxTarget,
  now: number,
  known?: ReadonlySet<string>,
): { notes: Note[]; changes: Change[] } {
  const chosen = pick(inbox, ids);
  const { place, here } = cardsAtTarget(content, target);
  const notes: Note[] = [];
  const noteChanges: Change[] = [];
  const inboxChanges: Change[] = [];
  let previous: string | null = here.at(-1)?.rank ?? null;
  for (const item of chosen) {
    if (item.boardId !== content.board.id) throw new DomainError('writing.otherBoard');
    if (item.status !== 'pending' && item.status !== 'rejected')
      throw new DomainError('writing.alreadyDecided');
    const rank = rankAfter(previous);
    previous = rank;
    const note: Note = {
      ...blankNote(content.board.id, now),
      ...place,
      text: cleanNoteText(item.text),
      rank,
    };
    if (note.text.length === 0) throw new DomainError('writing.textRequired');
    if (item.authorId !== null && (!known || known.has(item.authorId))) note.authorId = item.authorId;
    notes.push(note);
    noteChanges.push({ table: 'notes', after: note });
    inboxChanges.push({
      table: 'inboxNotes',
      before: item,
      after: { ...item, status: 'accepted', noteId: note.id, changedAfterDecision: false, updatedAt: now },
    });
    for (const merged of inbox)
      if (merged.status === 'merged' && merged.mergedInto === item.id && merged.noteId !== note.id)
        inboxChanges.push({
          table: 'inboxNotes',
          before: merged,
          after: { ...merged, noteId: note.id, updatedAt: now },
        });
  }
  return { notes, changes: [...noteChanges, ...inboxChanges] };
}

/** Rejects waiting cards (ones rejected already stay as they are). */
export function rejectInboxNotes(
  inbox: readonly InboxNote[],
  ids: readonly InboxNoteId[],
  now: number,
): Change[] {
  const changes: Change[] = [];
  for (const item of pick(inbox, ids)) {
    if (item.status === 'rejected') continue;
    if (item.status !== 'pending') throw new DomainError('writing.alreadyDecided');
    changes.push({
      table: 'inboxNotes',
      before: item,
      after: { ...item, status: 'rejected', changedAfterDecision: false, updatedAt: now },
    });
  }
  return changes;
}

function cleanInboxText(text: string): string {
  const clean = cleanNoteText(text);
  if (clean.length === 0) throw new DomainError('writing.textRequired', { field: 'text' });
  return clean;
}

/** The facilitator's edit of a waiting (or rejected) card's text (the phone's text stays in sentText). */
export function editInboxNote(note: InboxNote, text: string, now: number): Change[] {
  if (note.status !== 'pending' && note.status !== 'rejected')
    throw new DomainError('writing.alreadyDecided');
  const clean = cleanInboxText(text);
  if (clean === note.text) return [];
  return [{ table: 'inboxNotes', before: note, after: { ...note, text: clean, updatedAt: now } }];
}

/**
 * Merges duplicates: the first id survives with `text` (e.g. the texts joined
 * by the facilitator), the others become merged into it. Authors: the survivor
 * keeps its own; the others stay recorded on the merged rows. Cards merged
 * into one of the others before now point at the survivor, so one level holds.
 */
export function mergeInboxNotes(
  inbox: readonly InboxNote[],
  ids: readonly InboxNoteId[],
  text: string,
  now: number,
): Change[] {
  const chosen = pick(inbox, ids);
  if (chosen.length < 2) throw new DomainError('writing.mergeNeedsTwo');
  for (const item of chosen) if (item.status !== 'pending') throw new DomainError('writing.mergeOnlyPending');
  const [survivor, ...others] = chosen as [InboxNote, ...InboxNote[]];
  const clean = cleanInboxText(text);
  const folded = new Set<string>(others.map((o) => o.id));
  const changes: Change[] = [];
  if (clean !== survivor.text)
    changes.push({
      table: 'inboxNotes',
      before: survivor,
      after: { ...survivor, text: clean, updatedAt: now },
    });
  for (const other of others)
    changes.push({
      table: 'inboxNotes',
      before: other,
      after: {
        ...other,
        status: 'merged',
        mergedInto: survivor.id,
        changedAfterDecision: false,
        updatedAt: now,
      },
    });
  for (const earlier of inbox)
    if (earlier.status === 'merged' && earlier.mergedInto !== null && folded.has(earlier.mergedInto))
      changes.push({
        table: 'inboxNotes',
        before: earlier,
        after: { ...earlier, mergedInto: survivor.id, updatedAt: now },
      });
  return changes;
}

/** Author of an accepted card: the participant when named and still known. */
export type InboxAuthor = ParticipantId | null;
