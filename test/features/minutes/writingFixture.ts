// Writing rounds (Schreibrunden) with inbox cards in every state, for the minutes tests.
import type { InboxNoteId, ParticipantId, WritingRoundId } from '../../../renderer/src/domain/ids';
import type { Board, InboxNote, InboxStatus, WritingRound } from '../../../renderer/src/domain/types';

export const OPENED = Date.UTC(2027, 2, 24, 9, 30);

/** Six cards: 2 accepted, 1 merged, 1 rejected, 1 withdrawn, 1 pending; authors alternate (named rounds). */
export function writingRound(
  board: Board,
  options: {
    id: string;
    prompt: string;
    anonymous: boolean;
    authors: readonly ParticipantId[];
    closed?: boolean;
    at?: number;
  },
): { round: WritingRound; notes: InboxNote[] } {
  const at = options.at ?? OPENED;
  const closed = options.closed ?? true;
  const round: WritingRound = {
    id: options.id as WritingRoundId,
    workshopId: board.workshopId,
    boardId: board.id,
    prompt: options.prompt,
    maxNotesPerPerson: 3,
    anonymous: options.anonymous,
    showAccepted: false,
    closesAt: closed ? null : at + 30 * 60_000,
    status: closed ? 'closed' : 'open',
    openedAt: at,
    closedAt: closed ? at + 15 * 60_000 : null,
    createdAt: at,
    updatedAt: at,
  };
  const statuses: InboxStatus[] = ['accepted', 'accepted', 'merged', 'rejected', 'withdrawn', 'pending'];
  const notes = statuses.map((status, i): InboxNote => ({
    id: `${options.id}-in${i}` as InboxNoteId,
    workshopId: board.workshopId,
    roundId: round.id,
    boardId: board.id,
    deviceId: `device-${String(i).padStart(16, '0')}`,
    clientId: `c${i}`,
    authorId: options.anonymous ? null : (options.authors[i % options.authors.length] ?? null),
    text: `Karte ${i + 1}`,
    sentText: `Karte ${i + 1}`,
    version: 1,
    status,
    noteId: null,
    mergedInto: status === 'merged' ? (`${options.id}-in0` as InboxNoteId) : null,
    changedAfterDecision: false,
    receivedAt: at + i * 1000,
    updatedAt: at + i * 1000,
  }));
  return { round, notes };
}
