/**
 * What a finished voting round leaves in the record: the decision text that
 * names its result, and the promotion of the winning clusters to focus areas
 * (Handlungsschwerpunkte) as one change set, so one undo takes it all back.
 */
import type { Change } from './changes';
import { DECISION_LIMITS } from './decisions';
import { DomainError } from './errors';
import { newId, type DecisionId } from './ids';
import type { Cluster, Decision, IsoDate, VotingRound } from './types';
import type { RoundResult } from './voting';
import { winners, type TallyRow } from './votingTally';

/** The words the record is written in (the UI language at the time of the decision). */
export interface RecordWords {
  /** e.g. 'Abstimmung „Schwerpunkte“ (Punktabfrage, 3 Punkte p. P.)' */
  heading: string;
  /** e.g. '12 Punkte' for a row's score. */
  score: (row: TallyRow) => string;
}

/** "Heading: 1. A (12 Punkte), 1. B (12 Punkte), 3. C (4 Punkte)" for the given item ids, in result order. */
export function resultSentence(
  round: VotingRound,
  result: RoundResult,
  itemIds: readonly string[],
  words: RecordWords,
): string {
  const label = new Map(round.items.map((item) => [item.id, item.label]));
  const chosen = new Set(itemIds);
  const parts = result.rows
    .filter((row) => chosen.has(row.itemId))
    .map((row) => `${row.rank}. ${label.get(row.itemId) ?? ''} (${words.score(row)})`);
  const text = `${words.heading}: ${parts.join(', ')}`;
  return text.length > DECISION_LIMITS.decisionText
    ? `${text.slice(0, DECISION_LIMITS.decisionText - 1)}…`
    : text;
}

export interface PromoteArgs {
  round: VotingRound;
  result: RoundResult;
  /** The clusters of the round's board, as they are now. */
  clusters: readonly Cluster[];
  /** How many places are promoted (ties at the cut come along). */
  places: number;
  words: RecordWords;
  date: IsoDate;
  now: number;
}

/**
 * Promotes the winning clusters of a revealed cluster round to focus areas
 * (titles and descriptions stay), records a decision that names the result and
 * links the round to it. Clusters already promoted keep their date.
 */
export function promoteWinners(args: PromoteArgs): {
  decision: Decision;
  /** The winning clusters, all focus areas now. */
  promoted: string[];
  /** Those of them that were focus areas before. */
  already: string[];
  changes: Change[];
} {
  const { round, result, now } = args;
  if (round.target !== 'clusters') throw new DomainError('votingRecord.needsClusters');
  if (round.status !== 'closed' || !round.revealed) throw new DomainError('votingRecord.notRevealed');
  if (round.decisionId !== null) throw new DomainError('votingRecord.alreadyRecorded');
  if (!Number.isInteger(args.places) || args.places < 1 || args.places > round.items.length)
    throw new DomainError('votingRecord.placesRange', { max: round.items.length });
  const byId = new Map(args.clusters.map((c) => [c.id as string, c]));
  const winnerIds = winners(result, args.places).filter((id) => byId.has(id));
  if (winnerIds.length === 0) throw new DomainError('votingRecord.noWinners');

  const decision: Decision = {
    id: newId<DecisionId>(),
    workshopId: round.workshopId,
    text: resultSentence(round, result, winnerIds, args.words),
    date: args.date,
    agendaItemId: null,
    votingRoundId: round.id,
    createdAt: now,
    updatedAt: now,
  };
  const changes: Change[] = [];
  for (const id of winnerIds) {
    const cluster = byId.get(id)!;
    if (cluster.focusAreaAt !== null) continue;
    changes.push({
      table: 'clusters',
      before: cluster,
      after: { ...cluster, focusAreaAt: now, updatedAt: now },
    });
  }
  changes.push({ table: 'decisions', after: decision });
  changes.push({
    table: 'votingRounds',
    before: round,
    after: { ...round, decisionId: decision.id, updatedAt: now },
  });
  const already = winnerIds.filter((id) => byId.get(id)!.focusAreaAt !== null);
  return { decision, promoted: winnerIds, already, changes };
}

export type RecordArgs = Omit<PromoteArgs, 'clusters'>;

/**
 * Records the result of a revealed round on cards or project ideas as a
 * decision naming the shortlist (the first `places` places, ties at the cut
 * included) and links the round to it, in one change set.
 */
export function recordShortlist(args: RecordArgs): {
  decision: Decision;
  chosen: string[];
  changes: Change[];
} {
  const { round, result, now } = args;
  if (round.target === 'clusters') throw new DomainError('votingRecord.useFocusAreas');
  if (round.status !== 'closed' || !round.revealed) throw new DomainError('votingRecord.notRevealed');
  if (round.decisionId !== null) throw new DomainError('votingRecord.alreadyRecorded');
  if (!Number.isInteger(args.places) || args.places < 1 || args.places > round.items.length)
    throw new DomainError('votingRecord.placesRange', { max: round.items.length });
  const chosen = winners(result, args.places);
  if (chosen.length === 0) throw new DomainError('votingRecord.noWinners');
  const decision: Decision = {
    id: newId<DecisionId>(),
    workshopId: round.workshopId,
    text: resultSentence(round, result, chosen, args.words),
    date: args.date,
    agendaItemId: null,
    votingRoundId: round.id,
    createdAt: now,
    updatedAt: now,
  };
  return {
    decision,
    chosen,
    changes: [
      { table: 'decisions', after: decision },
      { table: 'votingRounds', before: round, after: { ...round, decisionId: decision.id, updatedAt: now } },
    ],
  };
}
