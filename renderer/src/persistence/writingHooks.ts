/**
 * Reads of writing rounds (Schreibrunden) and their inbox (Eingang): live
 * hooks for the UI and plain reads for the actions and the phone intake. Every
 * query goes through an index (workshopId, boardId, roundId, or the unique
 * [roundId+deviceId+clientId]).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { BoardId, NoteId, WorkshopId, WritingRoundId } from '../domain/ids';
import {
  INBOX_STATUSES,
  type InboxNote,
  type InboxStatus,
  type Workshop,
  type WritingRound,
} from '../domain/types';
import { getDb, type ModeratoDb } from './db';

/** Newest first: the round opened last is the one the room is talking about. */
function newestFirst(a: WritingRound, b: WritingRound): number {
  return b.openedAt - a.openedAt || b.createdAt - a.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Oldest first, as they arrived; the id keeps the order stable for cards of the same moment. */
export function byArrival(a: InboxNote, b: InboxNote): number {
  return a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export async function listWritingRounds(db: ModeratoDb, boardId: BoardId): Promise<WritingRound[]> {
  const rounds = await db.writingRounds.where('boardId').equals(boardId).toArray();
  return rounds.sort(newestFirst);
}

/** The writing rounds of a board, newest first; undefined while loading. */
export function useWritingRounds(boardId: BoardId | null): WritingRound[] | undefined {
  const found = useLiveQuery(
    async () => ({ boardId, rounds: boardId === null ? [] : await listWritingRounds(getDb(), boardId) }),
    [boardId],
  );
  return found?.boardId === boardId ? found.rounds : undefined;
}

/** The open writing round of a workshop (there is at most one), or null. */
export async function findOpenWritingRound(
  db: ModeratoDb,
  workshopId: WorkshopId,
): Promise<WritingRound | null> {
  const rounds = await db.writingRounds.where('workshopId').equals(workshopId).toArray();
  return rounds.filter((r) => r.status === 'open').sort(newestFirst)[0] ?? null;
}

/** The open writing round of a workshop: null when none, undefined while loading. */
export function useOpenWritingRound(workshopId: WorkshopId | null): WritingRound | null | undefined {
  const found = useLiveQuery(
    async () => ({
      workshopId,
      round: workshopId === null ? null : await findOpenWritingRound(getDb(), workshopId),
    }),
    [workshopId],
  );
  return found?.workshopId === workshopId ? found.round : undefined;
}

/** All writing rounds of a workshop (open and closed), newest first. */
export async function listWorkshopWritingRounds(
  db: ModeratoDb,
  workshopId: WorkshopId,
): Promise<WritingRound[]> {
  const rounds = await db.writingRounds.where('workshopId').equals(workshopId).toArray();
  return rounds.sort(newestFirst);
}

/**
 * A writing round by id: null when it is gone (deleted with its board, or
 * undone), undefined while loading. Never the previous round's answer while
 * the id changes.
 */
export function useWritingRound(roundId: WritingRoundId | null): WritingRound | null | undefined {
  const found = useLiveQuery(
    async () => ({
      roundId,
      round: roundId === null ? null : ((await getDb().writingRounds.get(roundId)) ?? null),
    }),
    [roundId],
  );
  return found?.roundId === roundId ? found.round : undefined;
}

export async function findWritingRound(roundId: WritingRoundId): Promise<WritingRound | undefined> {
  return getDb().writingRounds.get(roundId);
}

/** The round and its workshop, read once (a session found running after a reload). */
export async function findWritingRoundAndWorkshop(
  roundId: WritingRoundId,
): Promise<{ round: WritingRound | undefined; workshop: Workshop | undefined }> {
  const db = getDb();
  const round = await db.writingRounds.get(roundId);
  const workshop = round ? await db.workshops.get(round.workshopId) : undefined;
  return { round, workshop };
}

/** A round's inbox cards in the order they arrived. */
export async function listInboxNotes(db: ModeratoDb, roundId: WritingRoundId): Promise<InboxNote[]> {
  const notes = await db.inboxNotes.where('roundId').equals(roundId).toArray();
  return notes.sort(byArrival);
}

/** A round's inbox cards (every status), sorted by arrival then id; undefined while loading. */
export function useInboxNotes(roundId: WritingRoundId | null): InboxNote[] | undefined {
  const found = useLiveQuery(
    async () => ({ roundId, notes: roundId === null ? [] : await listInboxNotes(getDb(), roundId) }),
    [roundId],
  );
  return found?.roundId === roundId ? found.notes : undefined;
}

/** The inbox cards of all rounds of a board, by arrival (e.g. for a board's inbox across rounds). */
export function useBoardInboxNotes(boardId: BoardId | null): InboxNote[] | undefined {
  const found = useLiveQuery(
    async () => ({
      boardId,
      notes:
        boardId === null
          ? []
          : (await getDb().inboxNotes.where('boardId').equals(boardId).toArray()).sort(byArrival),
    }),
    [boardId],
  );
  return found?.boardId === boardId ? found.notes : undefined;
}

/** The phone card (round, phone, card id), stored at most once by the unique index. */
export async function findInboxNote(
  roundId: WritingRoundId,
  deviceId: string,
  clientId: string,
): Promise<InboxNote | undefined> {
  return getDb()
    .inboxNotes.where('[roundId+deviceId+clientId]')
    .equals([roundId, deviceId, clientId])
    .first();
}

export async function countInboxNotes(roundId: WritingRoundId): Promise<number> {
  return getDb().inboxNotes.where('roundId').equals(roundId).count();
}

export type InboxCounts = Record<InboxStatus, number> & { total: number };

export function countByStatus(notes: readonly Pick<InboxNote, 'status'>[]): InboxCounts {
  const counts = Object.fromEntries(INBOX_STATUSES.map((s) => [s, 0])) as Record<InboxStatus, number>;
  for (const note of notes) counts[note.status] += 1;
  return { ...counts, total: notes.length };
}

/**
 * How many cards of a round wait, were accepted, rejected, merged or
 * withdrawn (the projector shows these, never the texts); undefined while loading.
 */
export function useInboxCounts(roundId: WritingRoundId | null): InboxCounts | undefined {
  const found = useLiveQuery(
    async () => ({
      roundId,
      counts: countByStatus(
        roundId === null ? [] : await getDb().inboxNotes.where('roundId').equals(roundId).toArray(),
      ),
    }),
    [roundId],
  );
  return found?.roundId === roundId ? found.counts : undefined;
}

/**
 * The texts phones may see when the facilitator shares them: the accepted
 * cards as they stand on the board now (edited there or not), in the order
 * they arrived; cards deleted from the board since are left out.
 */
export async function listAcceptedTexts(db: ModeratoDb, roundId: WritingRoundId): Promise<string[]> {
  const accepted = (await listInboxNotes(db, roundId)).filter((n) => n.status === 'accepted' && n.noteId);
  const notes = await db.notes.bulkGet(accepted.map((n) => n.noteId as NoteId));
  return notes.flatMap((note) => (note && note.text.trim() ? [note.text] : []));
}

/** listAcceptedTexts, live; [] when sharing is off or there is no round. */
export function useAcceptedTexts(round: WritingRound | null | undefined): string[] | undefined {
  const roundId = round?.id ?? null;
  const on = round?.showAccepted ?? false;
  const found = useLiveQuery(
    async () => ({
      roundId,
      on,
      texts: roundId === null || !on ? [] : await listAcceptedTexts(getDb(), roundId),
    }),
    [roundId, on],
  );
  return found?.roundId === roundId && found.on === on ? found.texts : undefined;
}

/** The writing rounds of a board and their inbox cards, for deleting the board with them. */
export async function loadBoardWriting(
  db: ModeratoDb,
  boardId: BoardId,
): Promise<{ writingRounds: WritingRound[]; inboxNotes: InboxNote[] }> {
  const [writingRounds, inboxNotes] = await Promise.all([
    db.writingRounds.where('boardId').equals(boardId).toArray(),
    db.inboxNotes.where('boardId').equals(boardId).toArray(),
  ]);
  return { writingRounds, inboxNotes };
}

/** The writing rounds of a workshop and their inbox cards, for purging or the minutes. */
export async function loadWorkshopWriting(
  db: ModeratoDb,
  workshopId: WorkshopId,
): Promise<{ writingRounds: WritingRound[]; inboxNotes: InboxNote[] }> {
  const [writingRounds, inboxNotes] = await Promise.all([
    db.writingRounds.where('workshopId').equals(workshopId).toArray(),
    db.inboxNotes.where('workshopId').equals(workshopId).toArray(),
  ]);
  return { writingRounds, inboxNotes };
}
