import { useLiveQuery } from 'dexie-react-hooks';
import type { BoardId, ParticipantId, VotingRoundId, WorkshopId } from '../domain/ids';
import { resolveMerges } from '../domain/clusterMerge';
import { byRank } from '../domain/ordering';
import type { Ballot, Board, Cluster, VotingRound, VotingTarget } from '../domain/types';
import { getDb, type ModeratoDb } from './db';

/** Newest first: the round started last is the one the room is talking about. */
export async function listVotingRounds(db: ModeratoDb, workshopId: WorkshopId): Promise<VotingRound[]> {
  const rounds = await db.votingRounds.where('workshopId').equals(workshopId).toArray();
  return rounds.sort((a, b) => b.openedAt - a.openedAt || b.createdAt - a.createdAt);
}

export function useVotingRounds(workshopId: WorkshopId): VotingRound[] | undefined {
  return useLiveQuery(() => listVotingRounds(getDb(), workshopId), [workshopId]);
}

/**
 * Who has cast a ballot in each round of a workshop (participant ids only, never
 * what they voted): enough for the turnout and the name choice while a round is open.
 */
export function useVotersByRound(
  workshopId: WorkshopId,
): ReadonlyMap<VotingRoundId, ReadonlySet<ParticipantId>> | undefined {
  return useLiveQuery(async () => {
    const ballots = await getDb().ballots.where('workshopId').equals(workshopId).toArray();
    const map = new Map<VotingRoundId, Set<ParticipantId>>();
    for (const ballot of ballots) {
      const set = map.get(ballot.roundId) ?? new Set<ParticipantId>();
      set.add(ballot.participantId);
      map.set(ballot.roundId, set);
    }
    return map;
  }, [workshopId]);
}

/**
 * The ballots of one round. Pass `enabled: false` while the result must stay
 * hidden, so no ballot content even reaches the component.
 */
export function useBallotsOfRound(roundId: VotingRoundId, enabled: boolean): Ballot[] | undefined {
  return useLiveQuery(
    (): Promise<Ballot[]> =>
      enabled ? getDb().ballots.where('roundId').equals(roundId).toArray() : Promise.resolve([]),
    [roundId, enabled],
  );
}

/** Reads a participant's ballot in a round, to change it (not for display). */
export async function findBallot(
  roundId: VotingRoundId,
  participantId: ParticipantId,
): Promise<Ballot | undefined> {
  return getDb().ballots.where('[roundId+participantId]').equals([roundId, participantId]).first();
}

/** An item a round can vote on, with the label the record keeps. */
export interface VotingItemChoice {
  id: string;
  label: string;
}

/** What a board offers to vote on, per target: its clusters, its cards, its project ideas. */
export type VotingItemsByTarget = Partial<Record<VotingTarget, VotingItemChoice[]>>;

const MAX_CARD_LABEL = 80;

function shortenLabel(text: string, max = MAX_CARD_LABEL): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export async function listVotingItems(db: ModeratoDb, board: Board): Promise<VotingItemsByTarget> {
  const result: VotingItemsByTarget = {};
  let clusters: Cluster[] = [];
  if (board.kind === 'clusters') {
    clusters = (await db.clusters.where('boardId').equals(board.id).toArray()).sort(byRank);
    result.clusters = clusters.map((c) => ({ id: c.id, label: shortenLabel(c.title) }));
  }
  if (board.kind === 'canvases') {
    const ideas = (await db.ideas.where('boardId').equals(board.id).toArray()).sort(byRank);
    result.ideas = ideas.map((i) => ({ id: i.id, label: shortenLabel(i.title) }));
  } else {
    const stored = await db.notes.where('boardId').equals(board.id).toArray();
    const notes = resolveMerges(clusters, stored).sort(byRank);
    result.notes = notes
      .filter((n) => n.text.trim() !== '')
      .map((n) => ({ id: n.id, label: shortenLabel(n.text) }));
  }
  return result;
}

/** The items of a board per target; undefined while loading or without a board. */
export function useVotingItems(board: Board | undefined): VotingItemsByTarget | undefined {
  return useLiveQuery(
    () => (board ? listVotingItems(getDb(), board) : Promise.resolve(undefined)),
    [board?.id, board?.kind],
  );
}

/** The clusters of a board by id, to promote the winners of a round to focus areas. */
export function useClustersOfBoard(boardId: BoardId) {
  return useLiveQuery(() => getDb().clusters.where('boardId').equals(boardId).toArray(), [boardId]);
}

/** The ballots of a round, read once (e.g. to announce the result as it is revealed). */
export function listBallotsOfRound(roundId: VotingRoundId): Promise<Ballot[]> {
  return getDb().ballots.where('roundId').equals(roundId).toArray();
}

/** The table a round's items live in. */
const ITEM_TABLE = { clusters: 'clusters', notes: 'notes', ideas: 'ideas' } as const;

/**
 * The items of a round deleted since it started (a cluster dissolved, a card
 * or an idea deleted): they can no longer be voted on.
 */
export function useGoneItems(round: VotingRound): ReadonlySet<string> | undefined {
  const ids = round.items.map((item) => item.id).join(' ');
  return useLiveQuery(async () => {
    const itemIds = ids === '' ? [] : ids.split(' ');
    const found = await getDb().table(ITEM_TABLE[round.target]).bulkGet(itemIds);
    return new Set(itemIds.filter((_, index) => found[index] === undefined));
  }, [round.target, ids]);
}
