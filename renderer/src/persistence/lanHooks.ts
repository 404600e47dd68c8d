import { useLiveQuery } from 'dexie-react-hooks';
import type { VotingRoundId } from '../domain/ids';
import type { VotingRound, Workshop } from '../domain/types';
import { getDb } from './db';

/**
 * A round by id: null when it is gone (deleted with its board), undefined while
 * loading. Never the previous round's answer while the id changes.
 */
export function useRound(roundId: VotingRoundId | null): VotingRound | null | undefined {
  const found = useLiveQuery(
    async () => ({
      roundId,
      round: roundId === null ? null : ((await getDb().votingRounds.get(roundId)) ?? null),
    }),
    [roundId],
  );
  return found?.roundId === roundId ? found.round : undefined;
}

/** Who has a ballot in a round (ids only, sorted, never what they voted). */
export async function listVoterIds(roundId: VotingRoundId): Promise<string[]> {
  const ballots = await getDb().ballots.where('roundId').equals(roundId).toArray();
  return ballots.map((b) => b.participantId as string).sort();
}

/** Who has a ballot in a round, live (ids only, sorted); never the previous round's while the id changes. */
export function useVoterIds(roundId: VotingRoundId | null): string[] | undefined {
  const found = useLiveQuery(
    async () => ({ roundId, ids: roundId === null ? [] : await listVoterIds(roundId) }),
    [roundId],
  );
  return found?.roundId === roundId ? found.ids : undefined;
}

/** The round and its workshop, read once (a session found running after a reload). */
export async function findRoundAndWorkshop(
  roundId: VotingRoundId,
): Promise<{ round: VotingRound | undefined; workshop: Workshop | undefined }> {
  const db = getDb();
  const round = await db.votingRounds.get(roundId);
  const workshop = round ? await db.workshops.get(round.workshopId) : undefined;
  return { round, workshop };
}

export async function findRound(roundId: VotingRoundId): Promise<VotingRound | undefined> {
  return getDb().votingRounds.get(roundId);
}
