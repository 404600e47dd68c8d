/**
 * The voting kernel: what a valid ballot is for each method, and how ballots
 * add up to a result. Pure and independent of storage, so the laptop ballot
 * screen, the facilitator's paper tally and (later) phones over the local
 * network all count the same way.
 */
import { DomainError } from './errors';

export const VOTING_METHODS = ['dots', 'points', 'ranking', 'impactEffort'] as const;
export type VotingMethod = (typeof VOTING_METHODS)[number];

/** The settings a round is started with; fixed for the round. */
export type VotingSettings =
  | {
      method: 'dots';
      /** Dots per person. */ dots: number;
      /** At most this many on one item (1 = no stacking). */ maxPerItem: number;
    }
  | { method: 'points'; /** Each person spreads exactly this many points. */ total: number }
  | { method: 'ranking'; /** Each person orders their top K. */ topK: number }
  | { method: 'impactEffort' };

export const VOTING_LIMITS = {
  maxDots: 50,
  maxPointsTotal: 1000,
  maxTopK: 20,
  ratingMin: 1,
  ratingMax: 5,
  /** Impact and effort at or above this count as "high" on the 2×2 matrix. */
  ratingMidpoint: 3,
} as const;

/** One participant's votes; the shape follows the method. Item ids are strings (clusters, cards, ideas). */
export type BallotContent =
  | { method: 'dots'; dots: Record<string, number> }
  | { method: 'points'; points: Record<string, number> }
  | { method: 'ranking'; order: string[] }
  | { method: 'impactEffort'; ratings: Record<string, { impact: number; effort: number }> };

/** Throws a DomainError (a key under errors.voting.*) for settings that make no sense. */
export function checkSettings(settings: VotingSettings, itemCount: number): void {
  const wholeIn = (value: number, min: number, max: number) =>
    Number.isInteger(value) && value >= min && value <= max;
  if (itemCount < 1) throw new DomainError('voting.noItems');
  switch (settings.method) {
    case 'dots':
      if (!wholeIn(settings.dots, 1, VOTING_LIMITS.maxDots))
        throw new DomainError('voting.dotsRange', { max: VOTING_LIMITS.maxDots });
      if (!wholeIn(settings.maxPerItem, 1, settings.dots))
        throw new DomainError('voting.maxPerItemRange', { max: settings.dots });
      return;
    case 'points':
      if (!wholeIn(settings.total, 1, VOTING_LIMITS.maxPointsTotal))
        throw new DomainError('voting.pointsRange', { max: VOTING_LIMITS.maxPointsTotal });
      return;
    case 'ranking':
      if (!wholeIn(settings.topK, 1, Math.min(VOTING_LIMITS.maxTopK, itemCount)))
        throw new DomainError('voting.topKRange', { max: Math.min(VOTING_LIMITS.maxTopK, itemCount) });
      return;
    case 'impactEffort':
      return;
  }
}

/** How much of the budget a ballot uses, for "noch N Punkte" while voting. */
export function spent(content: BallotContent): number {
  switch (content.method) {
    case 'dots':
      return sum(Object.values(content.dots));
    case 'points':
      return sum(Object.values(content.points));
    case 'ranking':
      return content.order.length;
    case 'impactEffort':
      return Object.keys(content.ratings).length;
  }
}

/** What is left to spend: dots or points, or ranks still open. Null for impact/effort. */
export function remaining(settings: VotingSettings, content: BallotContent): number | null {
  switch (settings.method) {
    case 'dots':
      return settings.dots - spent(content);
    case 'points':
      return settings.total - spent(content);
    case 'ranking':
      return settings.topK - spent(content);
    case 'impactEffort':
      return null;
  }
}

/**
 * Throws a DomainError when a ballot cannot be cast as it is: over budget,
 * stacked beyond the limit, 100 points that do not add up, an unknown item, a
 * rank given twice, a rating outside 1–5.
 */
export function checkBallot(
  settings: VotingSettings,
  itemIds: readonly string[],
  content: BallotContent,
): void {
  if (content.method !== settings.method) throw new DomainError('voting.wrongMethod');
  const known = new Set(itemIds);
  const checkItem = (id: string) => {
    if (!known.has(id)) throw new DomainError('voting.unknownItem');
  };
  const checkCount = (value: number) => {
    if (!Number.isInteger(value) || value < 0) throw new DomainError('voting.notWhole');
  };
  switch (content.method) {
    case 'dots': {
      const s = settings as Extract<VotingSettings, { method: 'dots' }>;
      for (const [id, dots] of Object.entries(content.dots)) {
        checkItem(id);
        checkCount(dots);
        if (dots > s.maxPerItem) throw new DomainError('voting.stacking', { max: s.maxPerItem });
      }
      const used = spent(content);
      if (used > s.dots)
        throw new DomainError('voting.overBudget', { budget: s.dots, used, excess: used - s.dots });
      if (used === 0) throw new DomainError('voting.emptyBallot');
      return;
    }
    case 'points': {
      const s = settings as Extract<VotingSettings, { method: 'points' }>;
      for (const [id, points] of Object.entries(content.points)) {
        checkItem(id);
        checkCount(points);
      }
      const used = spent(content);
      if (used > s.total)
        throw new DomainError('voting.overBudget', { budget: s.total, used, excess: used - s.total });
      if (used < s.total) throw new DomainError('voting.pointsMustAddUp', { budget: s.total, used });
      return;
    }
    case 'ranking': {
      const s = settings as Extract<VotingSettings, { method: 'ranking' }>;
      content.order.forEach(checkItem);
      if (new Set(content.order).size !== content.order.length) throw new DomainError('voting.rankedTwice');
      if (content.order.length > s.topK) throw new DomainError('voting.tooManyRanked', { max: s.topK });
      if (content.order.length === 0) throw new DomainError('voting.emptyBallot');
      return;
    }
    case 'impactEffort': {
      const inRange = (value: number) =>
        Number.isInteger(value) && value >= VOTING_LIMITS.ratingMin && value <= VOTING_LIMITS.ratingMax;
      for (const [id, rating] of Object.entries(content.ratings)) {
        checkItem(id);
        if (!inRange(rating.impact) || !inRange(rating.effort))
          throw new DomainError('voting.ratingRange', {
            min: VOTING_LIMITS.ratingMin,
            max: VOTING_LIMITS.ratingMax,
          });
      }
      if (Object.keys(content.ratings).length === 0) throw new DomainError('voting.emptyBallot');
      return;
    }
  }
}

export type Quadrant = 'quickWin' | 'majorProject' | 'fillIn' | 'thankless';

export interface TallyRow {
  itemId: string;
  /** Dots, points or Borda points; for impact/effort the mean impact. */
  score: number;
  /** 1 = best; tied items share a rank (1, 1, 3). */
  rank: number;
  /** Whether another item has the same rank. */
  tied: boolean;
  /** How many ballots gave this item anything. */
  supporters: number;
  /** Impact/effort only: mean ratings (null when nobody rated the item) and its quadrant. */
  impact?: number | null;
  effort?: number | null;
  quadrant?: Quadrant | null;
}

export interface TallyResult {
  rows: TallyRow[];
  /** Ballots that counted. */
  ballots: number;
  /** Sum of all dots/points/Borda points given: never more than the ballots hold. */
  total: number;
}

/**
 * Adds ballots up. Ballots are assumed valid (checkBallot ran when they were
 * cast); anything for an item no longer in the round is left out rather than
 * counted. `extra` adds counted paper dots per item (the facilitator's tally).
 */
export function tally(
  settings: VotingSettings,
  itemIds: readonly string[],
  ballots: readonly BallotContent[],
  extra: Readonly<Record<string, number>> = {},
): TallyResult {
  const known = new Set(itemIds);
  const score = new Map(itemIds.map((id) => [id, 0]));
  const supporters = new Map(itemIds.map((id) => [id, 0]));
  const ratings = new Map(itemIds.map((id) => [id, { impact: 0, effort: 0, n: 0 }]));
  let total = 0;
  const give = (id: string, amount: number) => {
    if (!known.has(id) || amount <= 0) return;
    score.set(id, score.get(id)! + amount);
    supporters.set(id, supporters.get(id)! + 1);
    total += amount;
  };
  for (const ballot of ballots) {
    if (ballot.method !== settings.method) continue;
    switch (ballot.method) {
      case 'dots':
        for (const [id, dots] of Object.entries(ballot.dots)) give(id, dots);
        break;
      case 'points':
        for (const [id, points] of Object.entries(ballot.points)) give(id, points);
        break;
      case 'ranking': {
        // Borda count over the top K: first place K points, K-th place 1.
        const k = (settings as Extract<VotingSettings, { method: 'ranking' }>).topK;
        ballot.order.slice(0, k).forEach((id, position) => give(id, k - position));
        break;
      }
      case 'impactEffort':
        for (const [id, rating] of Object.entries(ballot.ratings)) {
          const entry = ratings.get(id);
          if (!entry) continue;
          entry.impact += rating.impact;
          entry.effort += rating.effort;
          entry.n += 1;
          supporters.set(id, supporters.get(id)! + 1);
        }
        break;
    }
  }
  for (const [id, dots] of Object.entries(extra)) {
    if (!known.has(id) || !Number.isInteger(dots) || dots <= 0) continue;
    score.set(id, score.get(id)! + dots);
    total += dots;
  }

  let rows: TallyRow[];
  if (settings.method === 'impactEffort') {
    rows = itemIds.map((itemId) => {
      const entry = ratings.get(itemId)!;
      const impact = entry.n === 0 ? null : entry.impact / entry.n;
      const effort = entry.n === 0 ? null : entry.effort / entry.n;
      return {
        itemId,
        score: impact ?? 0,
        rank: 0,
        tied: false,
        supporters: supporters.get(itemId)!,
        impact,
        effort,
        quadrant: impact === null || effort === null ? null : quadrantOf(impact, effort),
      };
    });
    // Best first: high impact, then low effort.
    rows.sort((a, b) => b.score - a.score || (a.effort ?? 99) - (b.effort ?? 99));
    assignRanks(rows, (a, b) => a.score === b.score && a.effort === b.effort);
  } else {
    rows = itemIds.map((itemId) => ({
      itemId,
      score: score.get(itemId)!,
      rank: 0,
      tied: false,
      supporters: supporters.get(itemId)!,
    }));
    rows.sort((a, b) => b.score - a.score);
    assignRanks(rows, (a, b) => a.score === b.score);
  }
  return { rows, ballots: ballots.filter((b) => b.method === settings.method).length, total };
}

export function quadrantOf(impact: number, effort: number): Quadrant {
  const high = (value: number) => value >= VOTING_LIMITS.ratingMidpoint;
  if (high(impact)) return high(effort) ? 'majorProject' : 'quickWin';
  return high(effort) ? 'thankless' : 'fillIn';
}

/** Competition ranking on rows sorted best first: equal rows share a rank, the next rank skips. */
function assignRanks(rows: TallyRow[], same: (a: TallyRow, b: TallyRow) => boolean): void {
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    row.rank = previous && same(previous, row) ? previous.rank : index + 1;
  });
  for (const row of rows) row.tied = rows.some((other) => other !== row && other.rank === row.rank);
}

/** The items at rank 1..n (ties at the cut included), e.g. to mark the winners as focus areas. */
export function winners(result: TallyResult, places: number): string[] {
  return result.rows
    .filter((row) => row.rank <= places && (row.score > 0 || row.supporters > 0))
    .map((r) => r.itemId);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
