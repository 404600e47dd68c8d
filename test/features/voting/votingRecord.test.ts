import { describe, expect, it } from 'vitest';
import type { Ballot, Cluster, Decision, VotingRound } from '../../../renderer/src/domain/types';
import type { BoardId, ClusterId, ParticipantId, WorkshopId } from '../../../renderer/src/domain/ids';
import {
  castBallot,
  closeRound,
  revealRound,
  roundResult,
  startRound,
} from '../../../renderer/src/domain/voting';
import { promoteWinners, recordShortlist, resultSentence } from '../../../renderer/src/domain/votingRecord';
import type { DomainError } from '../../../renderer/src/domain/errors';

const cluster = (id: string, title: string, focusAreaAt: number | null = null): Cluster => ({
  id: id as ClusterId,
  boardId: 'b1' as BoardId,
  title,
  rank: id,
  collapsed: false,
  focusAreaAt,
  description: `Beschreibung ${title}`,
  createdAt: 1,
  updatedAt: 1,
});
const clusters = [
  cluster('c1', 'E-Akte'),
  cluster('c2', 'Bürgerportal', 5),
  cluster('c3', 'KI'),
  cluster('c4', 'Daten'),
];
const voters = ['p1', 'p2', 'p3'] as ParticipantId[];
const words = {
  heading: 'Abstimmung „Schwerpunkte“ (Punktabfrage, 3 Punkte p. P.)',
  score: (r: { score: number }) => `${r.score} Punkte`,
};

function revealedRound(votes: Array<Record<string, number>>): { round: VotingRound; ballots: Ballot[] } {
  let { round } = startRound({
    workshopId: 'w1' as WorkshopId,
    boardId: 'b1' as BoardId,
    title: 'Schwerpunkte',
    target: 'clusters',
    settings: { method: 'dots', dots: 3, maxPerItem: 3 },
    items: clusters.map((c) => ({ id: c.id, label: c.title })),
    entitled: voters,
    anonymous: true,
    closesAt: null,
    now: 1,
  });
  const ballots = votes.map(
    (dots, i) => castBallot(round, undefined, voters[i]!, { method: 'dots', dots }, 2).ballot,
  );
  round = closeRound(round, 3)[0]!.after as VotingRound;
  round = revealRound(round, 4)[0]!.after as VotingRound;
  return { round, ballots };
}

describe('the record of a cluster vote', () => {
  it('names the result with shared places for ties', () => {
    const { round, ballots } = revealedRound([{ c1: 3 }, { c2: 2, c3: 1 }, { c3: 2, c4: 1 }]);
    const result = roundResult(round, ballots);
    expect(resultSentence(round, result, ['c1', 'c3', 'c2'], words)).toBe(
      'Abstimmung „Schwerpunkte“ (Punktabfrage, 3 Punkte p. P.): 1. E-Akte (3 Punkte), 1. KI (3 Punkte), 3. Bürgerportal (2 Punkte)',
    );
  });

  it('promotes the top clusters, records one decision and links the round, in one change set', () => {
    const { round, ballots } = revealedRound([{ c1: 3 }, { c2: 2, c3: 1 }, { c2: 1, c4: 2 }]);
    const result = roundResult(round, ballots);
    const { decision, promoted, already, changes } = promoteWinners({
      round,
      result,
      clusters,
      places: 2,
      words,
      date: '2026-11-28',
      now: 100,
    });
    expect(promoted).toEqual(['c1', 'c2']);
    expect(already).toEqual(['c2']);
    // c2 was a focus area already: it keeps its date; c1 gets promoted, with title and description unchanged.
    const clusterChanges = changes.filter((c) => c.table === 'clusters');
    expect(clusterChanges).toHaveLength(1);
    expect(clusterChanges[0]!.after).toEqual({ ...clusters[0], focusAreaAt: 100, updatedAt: 100 });
    const recorded = changes.find((c) => c.table === 'decisions')!.after as Decision;
    expect(recorded).toEqual(decision);
    expect(decision.votingRoundId).toBe(round.id);
    expect(decision.text).toBe(
      'Abstimmung „Schwerpunkte“ (Punktabfrage, 3 Punkte p. P.): 1. E-Akte (3 Punkte), 1. Bürgerportal (3 Punkte)',
    );
    const linked = changes.find((c) => c.table === 'votingRounds')!.after as VotingRound;
    expect(linked.decisionId).toBe(decision.id);
  });

  it('refuses a round that is not revealed, already recorded, or has no votes', () => {
    const { round, ballots } = revealedRound([{ c1: 1 }]);
    const result = roundResult(round, ballots);
    const args = { round, result, clusters, places: 1, words, date: '', now: 5 };
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as DomainError).code;
      }
      return null;
    };
    expect(code(() => promoteWinners({ ...args, round: { ...round, revealed: false } }))).toBe(
      'votingRecord.notRevealed',
    );
    expect(
      code(() => promoteWinners({ ...args, round: { ...round, decisionId: 'd' as Decision['id'] } })),
    ).toBe('votingRecord.alreadyRecorded');
    expect(code(() => promoteWinners({ ...args, places: 9 }))).toBe('votingRecord.placesRange');
    const empty = revealedRound([]);
    expect(
      code(() => promoteWinners({ ...args, round: empty.round, result: roundResult(empty.round, []) })),
    ).toBe('votingRecord.noWinners');
  });
});

describe('the record of a vote on project ideas or cards', () => {
  it('records the shortlist (ties at the cut included) as one decision and links the round', () => {
    const { round: clusterRound, ballots } = revealedRound([{ c1: 3 }, { c2: 2, c3: 1 }, { c3: 2, c4: 1 }]);
    const round: VotingRound = { ...clusterRound, target: 'ideas' };
    const result = roundResult(round, ballots);
    const { decision, chosen, changes } = recordShortlist({
      round,
      result,
      places: 1,
      words,
      date: '2027-03-24',
      now: 9,
    });
    // c1 and c3 tie for first with 3 points each.
    expect([...chosen].sort()).toEqual(['c1', 'c3']);
    expect(decision.text).toBe(
      'Abstimmung „Schwerpunkte“ (Punktabfrage, 3 Punkte p. P.): 1. E-Akte (3 Punkte), 1. KI (3 Punkte)',
    );
    expect(decision.votingRoundId).toBe(round.id);
    expect(changes.map((c) => c.table)).toEqual(['decisions', 'votingRounds']);
    expect((changes[1]!.after as VotingRound).decisionId).toBe(decision.id);
    const refuse = (r: VotingRound) => {
      try {
        recordShortlist({ round: r, result, places: 1, words, date: '2027-03-24', now: 9 });
      } catch (error) {
        return (error as DomainError).code;
      }
      return null;
    };
    expect(refuse(clusterRound)).toBe('votingRecord.useFocusAreas');
    expect(refuse({ ...round, revealed: false })).toBe('votingRecord.notRevealed');
    expect(refuse({ ...round, decisionId: decision.id })).toBe('votingRecord.alreadyRecorded');
  });
});
