/**
 * Writing rounds (Schreibrunden) in the minutes: per round the prompt, when it
 * ran, and what became of the cards (received, accepted, merged, rejected,
 * withdrawn, still waiting). Named rounds list who wrote; anonymous rounds
 * never name anybody, not even through a count per person.
 */
import type { WorkshopTree } from './purge';
import type { Board, InboxStatus, WritingRound } from './types';

export interface MinutesWritingCounts {
  /** Every card that arrived (withdrawn ones included). */
  received: number;
  accepted: number;
  merged: number;
  rejected: number;
  withdrawn: number;
  /** Not decided on when the minutes were made. */
  pending: number;
}

export interface MinutesWritingRound {
  board: string;
  prompt: string;
  anonymous: boolean;
  status: WritingRound['status'];
  openedAt: number;
  closedAt: number | null;
  /** The planned closing time (timebox), or null. */
  closesAt: number | null;
  counts: MinutesWritingCounts;
  /** Named rounds: the participants who wrote at least one card (still known), sorted; anonymous: []. */
  writers: string[];
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** The writing rounds held on these boards, oldest first (none when the tree has none). */
export function buildWritingRounds(boards: readonly Board[], tree: WorkshopTree): MinutesWritingRound[] {
  const titles = new Map(boards.map((b) => [b.id as string, b.title]));
  const names = new Map(tree.participants.map((p) => [p.id as string, p.name]));
  const inbox = tree.inboxNotes ?? [];
  return (tree.writingRounds ?? [])
    .filter((round) => titles.has(round.boardId))
    .sort((a, b) => a.openedAt - b.openedAt || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map((round) => {
      const cards = inbox.filter((n) => n.roundId === round.id);
      const count = (status: InboxStatus) => cards.filter((n) => n.status === status).length;
      const writers = round.anonymous
        ? []
        : [
            ...new Set(
              cards
                .filter((n) => n.status !== 'withdrawn' && n.authorId !== null)
                .flatMap((n) => names.get(n.authorId as string) ?? []),
            ),
          ].sort(collator.compare);
      return {
        board: titles.get(round.boardId) ?? '',
        prompt: round.prompt,
        anonymous: round.anonymous,
        status: round.status,
        openedAt: round.openedAt,
        closedAt: round.closedAt,
        closesAt: round.closesAt,
        counts: {
          received: cards.length,
          accepted: count('accepted'),
          merged: count('merged'),
          rejected: count('rejected'),
          withdrawn: count('withdrawn'),
          pending: count('pending'),
        },
        writers,
      };
    });
}
