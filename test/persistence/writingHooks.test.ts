// The reads behind the writing-round hooks, on Dexie (fake-indexeddb).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardId, InboxNoteId, NoteId, WorkshopId, WritingRoundId } from '../../renderer/src/domain/ids';
import type { InboxNote, InboxStatus, Note, WritingRound } from '../../renderer/src/domain/types';
import type { ModeratoDb } from '../../renderer/src/persistence/db';
import {
  countByStatus,
  findOpenWritingRound,
  listAcceptedTexts,
  listInboxNotes,
  listWritingRounds,
  loadBoardWriting,
  loadWorkshopWriting,
} from '../../renderer/src/persistence/writingHooks';
import { freshDb } from './dbHelpers';

let db: ModeratoDb;
beforeEach(async () => {
  db = freshDb();
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const W = 'w1' as WorkshopId;
const B1 = 'b1' as BoardId;
const B2 = 'b2' as BoardId;

function round(id: string, boardId: BoardId, status: WritingRound['status'], openedAt: number): WritingRound {
  return {
    id: id as WritingRoundId,
    workshopId: W,
    boardId,
    prompt: `Frage ${id}`,
    maxNotesPerPerson: null,
    anonymous: true,
    showAccepted: false,
    closesAt: null,
    status,
    openedAt,
    closedAt: status === 'closed' ? openedAt + 1 : null,
    createdAt: openedAt,
    updatedAt: openedAt,
  };
}

function card(
  id: string,
  roundId: string,
  status: InboxStatus,
  receivedAt: number,
  noteId: string | null = null,
) {
  return {
    id: id as InboxNoteId,
    workshopId: W,
    roundId: roundId as WritingRoundId,
    boardId: B1,
    deviceId: 'device-0123456789abcdef',
    clientId: `card-${id}-0000`,
    authorId: null,
    text: id,
    sentText: id,
    version: 1,
    status,
    noteId: noteId as NoteId | null,
    mergedInto: null,
    changedAfterDecision: false,
    receivedAt,
    updatedAt: receivedAt,
  } satisfies InboxNote;
}

describe('writing-round reads', () => {
  it('lists a board’s rounds newest first and finds the workshop’s open one', async () => {
    await db.writingRounds.bulkAdd([
      round('r1', B1, 'closed', 100),
      round('r2', B1, 'open', 300),
      round('r3', B2, 'closed', 200),
    ]);
    expect((await listWritingRounds(db, B1)).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect((await findOpenWritingRound(db, W))?.id).toBe('r2');
    expect(await findOpenWritingRound(db, 'w2' as WorkshopId)).toBeNull();
  });

  it('lists a round’s inbox by arrival, then id, and counts it by status', async () => {
    await db.inboxNotes.bulkAdd([
      card('c', 'r1', 'pending', 20),
      card('b', 'r1', 'accepted', 10),
      card('a', 'r1', 'merged', 20),
      card('z', 'r2', 'pending', 1),
    ]);
    const inbox = await listInboxNotes(db, 'r1' as WritingRoundId);
    expect(inbox.map((n) => n.id)).toEqual(['b', 'a', 'c']);
    expect(countByStatus(inbox)).toEqual({
      pending: 1,
      accepted: 1,
      rejected: 0,
      merged: 1,
      withdrawn: 0,
      total: 3,
    });
  });

  it('shares the accepted cards as they stand on the board now, leaving out deleted ones', async () => {
    const note = (id: string, text: string) => ({ id, boardId: B1, text }) as unknown as Note;
    await db.notes.bulkAdd([note('n1', 'E-Akte für alle Ämter'), note('n3', 'Termine online')]);
    await db.inboxNotes.bulkAdd([
      card('i1', 'r1', 'accepted', 1, 'n1'),
      card('i2', 'r1', 'accepted', 2, 'n2'), // its board card was deleted since
      card('i3', 'r1', 'merged', 3, 'n1'),
      card('i4', 'r1', 'accepted', 4, 'n3'),
      card('i5', 'r1', 'pending', 5),
    ]);
    expect(await listAcceptedTexts(db, 'r1' as WritingRoundId)).toEqual([
      'E-Akte für alle Ämter',
      'Termine online',
    ]);
  });

  it('gathers a board’s and a workshop’s writing rows for deleting them', async () => {
    await db.writingRounds.bulkAdd([round('r1', B1, 'closed', 1), round('r2', B2, 'open', 2)]);
    await db.inboxNotes.bulkAdd([
      card('i1', 'r1', 'pending', 1),
      { ...card('i2', 'r2', 'pending', 2), boardId: B2 },
    ]);
    const board = await loadBoardWriting(db, B1);
    expect(board.writingRounds.map((r) => r.id)).toEqual(['r1']);
    expect(board.inboxNotes.map((n) => n.id)).toEqual(['i1']);
    const workshop = await loadWorkshopWriting(db, W);
    expect(workshop.writingRounds).toHaveLength(2);
    expect(workshop.inboxNotes).toHaveLength(2);
  });
});
