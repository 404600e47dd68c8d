/**
 * Voting rounds in the minutes: settings, turnout, the ranking with ties, and
 * for named rounds who voted what. Anonymous rounds never carry a voter: not a
 * name, not an id, not the order ballots came in.
 */
import type { WorkshopTree } from './purge';
import type { Ballot, Board, Decision, RoundStatus, VotingRound, VotingTarget } from './types';
import { roundResult } from './voting';
import type { BallotContent, Quadrant, VotingSettings } from './votingTally';

export interface MinutesVotingRow {
  /** Position in the round's item list, from 1 (the number on the impact/effort chart). */
  number: number;
  label: string;
  /** Dots, points or Borda points; the mean impact for impact/effort. */
  score: number;
  rank: number;
  tied: boolean;
  supporters: number;
  /** Paper dots counted for this item (part of the score). */
  paper: number;
  impact: number | null;
  effort: number | null;
  quadrant: Quadrant | null;
}

/** One named ballot, the voter's choice per item in the item order. */
export interface MinutesBallot {
  /** The participant's name; null when they were removed from the workshop since. */
  voter: string | null;
  votes: BallotVote[];
}

/** Dots or points given, the place (ranking), or the impact rating with its effort rating. */
export interface BallotVote {
  label: string;
  value: number;
  /** Impact/effort only. */
  effort?: number;
}

export interface MinutesVotingRound {
  title: string;
  /** The board voted on ('' when it is gone). */
  board: string;
  target: VotingTarget;
  /** The items voted on, as named when the round started. */
  items: string[];
  status: RoundStatus;
  revealed: boolean;
  annulReason: string;
  settings: VotingSettings;
  anonymous: boolean;
  entitled: number;
  openedAt: number;
  closedAt: number | null;
  /** An open round's planned end. */
  closesAt: number | null;
  turnout: { cast: number; entitled: number };
  /** Paper dots counted by the facilitator, over all items. */
  paperDots: number;
  /**
   * The ranking, best first; null while the round is open (nothing to report
   * yet) and for annulled rounds (their result does not count).
   */
  rows: MinutesVotingRow[] | null;
  /** Named rounds with a result only: one entry per counted ballot, by voter name. Never for anonymous rounds. */
  ballots: MinutesBallot[] | null;
  /** The decision that recorded the result, if any. */
  decision: string | null;
}

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** The rounds held on these boards, oldest first. */
export function buildRounds(boards: readonly Board[], tree: WorkshopTree): MinutesVotingRound[] {
  const titles = new Map(boards.map((b) => [b.id as string, b.title]));
  return tree.votingRounds
    .filter((round) => titles.has(round.boardId))
    .sort((a, b) => a.openedAt - b.openedAt || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map((round) =>
      roundOf(
        round,
        titles.get(round.boardId) ?? '',
        tree.ballots.filter((b) => b.roundId === round.id),
        tree,
      ),
    );
}

function roundOf(
  round: VotingRound,
  board: string,
  ballots: Ballot[],
  tree: WorkshopTree,
): MinutesVotingRound {
  const result = roundResult(round, ballots);
  const number = new Map(round.items.map((item, i) => [item.id, i + 1]));
  const label = new Map(round.items.map((item) => [item.id, item.label]));
  const reported = round.status === 'closed';
  const rows: MinutesVotingRow[] = result.rows.map((row) => ({
    number: number.get(row.itemId) ?? 0,
    label: label.get(row.itemId) ?? '',
    score: row.score,
    rank: row.rank,
    tied: row.tied,
    supporters: row.supporters,
    paper: Math.max(0, Math.trunc(round.paperTally[row.itemId] ?? 0)),
    impact: row.impact ?? null,
    effort: row.effort ?? null,
    quadrant: row.quadrant ?? null,
  }));
  const decision: Decision | undefined =
    tree.decisions.find((d) => d.id === round.decisionId) ??
    tree.decisions.find((d) => d.votingRoundId === round.id);
  return {
    title: round.title,
    board,
    target: round.target,
    items: round.items.map((item) => item.label),
    status: round.status,
    revealed: round.revealed,
    annulReason: round.annulReason,
    settings: { ...round.settings },
    anonymous: round.anonymous,
    entitled: round.entitled.length,
    openedAt: round.openedAt,
    closedAt: round.closedAt,
    closesAt: round.closesAt,
    turnout: result.turnout,
    paperDots: rows.reduce((sum, row) => sum + row.paper, 0),
    rows: reported ? rows : null,
    ballots: reported && !round.anonymous ? namedBallots(round, ballots, tree) : null,
    decision: decision?.text ?? null,
  };
}

/** Who voted what in a named round: the counted ballot of each voter (the latest), by name. */
function namedBallots(round: VotingRound, ballots: Ballot[], tree: WorkshopTree): MinutesBallot[] {
  const names = new Map(tree.participants.map((p) => [p.id as string, p.name]));
  const entitled = new Set<string>(round.entitled);
  const latest = new Map<string, Ballot>();
  for (const ballot of ballots) {
    if (!entitled.has(ballot.participantId)) continue;
    const seen = latest.get(ballot.participantId);
    if (!seen || seen.updatedAt < ballot.updatedAt) latest.set(ballot.participantId, ballot);
  }
  return [...latest.values()]
    .map((ballot) => ({
      voter: names.get(ballot.participantId) ?? null,
      votes: ballotVotes(round, ballot.content),
    }))
    .sort((a, b) => collator.compare(a.voter ?? '\uffff', b.voter ?? '\uffff'));
}

/** The votes of one ballot, in the round's item order (ranking: in the voter's order). */
export function ballotVotes(round: Pick<VotingRound, 'items'>, content: BallotContent): BallotVote[] {
  const label = new Map(round.items.map((item) => [item.id, item.label]));
  const given = (record: Record<string, number>) =>
    round.items
      .filter((item) => (record[item.id] ?? 0) > 0)
      .map((item) => ({ label: item.label, value: record[item.id]! }));
  switch (content.method) {
    case 'dots':
      return given(content.dots);
    case 'points':
      return given(content.points);
    case 'ranking':
      return content.order
        .filter((id) => label.has(id))
        .map((id, i) => ({ label: label.get(id)!, value: i + 1 }));
    case 'impactEffort':
      return round.items
        .filter((item) => content.ratings[item.id] !== undefined)
        .map((item) => ({
          label: item.label,
          value: content.ratings[item.id]!.impact,
          effort: content.ratings[item.id]!.effort,
        }));
  }
}
