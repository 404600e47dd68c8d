import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../renderer/src/domain/errors';
import {
  checkBallot,
  checkSettings,
  quadrantOf,
  remaining,
  tally,
  winners,
  type BallotContent,
  type VotingSettings,
} from '../../renderer/src/domain/votingTally';

const ITEMS = ['a', 'b', 'c', 'd'];
const DOTS: VotingSettings = { method: 'dots', dots: 3, maxPerItem: 2 };

function refusal(fn: () => void): { code: string; params: Record<string, string | number> } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('expected a DomainError');
}

const dots = (votes: Record<string, number>): BallotContent => ({ method: 'dots', dots: votes });

describe('settings', () => {
  it('accepts sensible settings and refuses the rest with a reason', () => {
    expect(() => checkSettings(DOTS, 4)).not.toThrow();
    expect(refusal(() => checkSettings(DOTS, 0)).code).toBe('voting.noItems');
    expect(refusal(() => checkSettings({ method: 'dots', dots: 0, maxPerItem: 1 }, 4)).code).toBe(
      'voting.dotsRange',
    );
    expect(refusal(() => checkSettings({ method: 'dots', dots: 3, maxPerItem: 4 }, 4))).toEqual({
      code: 'voting.maxPerItemRange',
      params: { max: 3 },
    });
    expect(refusal(() => checkSettings({ method: 'dots', dots: 2.5, maxPerItem: 1 }, 4)).code).toBe(
      'voting.dotsRange',
    );
    expect(refusal(() => checkSettings({ method: 'points', total: 0 }, 4)).code).toBe('voting.pointsRange');
    // Top K cannot exceed the number of items.
    expect(refusal(() => checkSettings({ method: 'ranking', topK: 5 }, 4))).toEqual({
      code: 'voting.topKRange',
      params: { max: 4 },
    });
    expect(() => checkSettings({ method: 'impactEffort' }, 1)).not.toThrow();
  });
});

describe('checking a ballot', () => {
  it('dot voting: refuses over budget, stacking beyond the limit, unknown items, negatives and an empty ballot', () => {
    expect(() => checkBallot(DOTS, ITEMS, dots({ a: 2, b: 1 }))).not.toThrow();
    expect(refusal(() => checkBallot(DOTS, ITEMS, dots({ a: 2, b: 2 })))).toEqual({
      code: 'voting.overBudget',
      params: { budget: 3, used: 4, excess: 1 },
    });
    expect(refusal(() => checkBallot(DOTS, ITEMS, dots({ a: 3 })))).toEqual({
      code: 'voting.stacking',
      params: { max: 2 },
    });
    expect(refusal(() => checkBallot(DOTS, ITEMS, dots({ z: 1 }))).code).toBe('voting.unknownItem');
    expect(refusal(() => checkBallot(DOTS, ITEMS, dots({ a: -1, b: 2 }))).code).toBe('voting.notWhole');
    expect(refusal(() => checkBallot(DOTS, ITEMS, dots({ a: 0.5 }))).code).toBe('voting.notWhole');
    expect(refusal(() => checkBallot(DOTS, ITEMS, dots({}))).code).toBe('voting.emptyBallot');
    // M = 1 forbids stacking.
    const noStacking: VotingSettings = { method: 'dots', dots: 3, maxPerItem: 1 };
    expect(refusal(() => checkBallot(noStacking, ITEMS, dots({ a: 2 }))).code).toBe('voting.stacking');
    expect(() => checkBallot(noStacking, ITEMS, dots({ a: 1, b: 1, c: 1 }))).not.toThrow();
    // Fewer dots than allowed is fine: nobody has to spend everything.
    expect(() => checkBallot(DOTS, ITEMS, dots({ a: 1 }))).not.toThrow();
  });

  it('100 points: must add up to exactly 100, neither more nor less', () => {
    const settings: VotingSettings = { method: 'points', total: 100 };
    const points = (p: Record<string, number>): BallotContent => ({ method: 'points', points: p });
    expect(() => checkBallot(settings, ITEMS, points({ a: 60, b: 40 }))).not.toThrow();
    expect(refusal(() => checkBallot(settings, ITEMS, points({ a: 60, b: 30 })))).toEqual({
      code: 'voting.pointsMustAddUp',
      params: { budget: 100, used: 90 },
    });
    expect(refusal(() => checkBallot(settings, ITEMS, points({ a: 60, b: 50 }))).code).toBe(
      'voting.overBudget',
    );
    expect(remaining(settings, points({ a: 60, b: 30 }))).toBe(10);
  });

  it('ranking: refuses an item ranked twice and more than K places', () => {
    const settings: VotingSettings = { method: 'ranking', topK: 2 };
    const order = (o: string[]): BallotContent => ({ method: 'ranking', order: o });
    expect(() => checkBallot(settings, ITEMS, order(['b', 'a']))).not.toThrow();
    expect(refusal(() => checkBallot(settings, ITEMS, order(['a', 'a']))).code).toBe('voting.rankedTwice');
    expect(refusal(() => checkBallot(settings, ITEMS, order(['a', 'b', 'c']))).code).toBe(
      'voting.tooManyRanked',
    );
    expect(refusal(() => checkBallot(settings, ITEMS, order([]))).code).toBe('voting.emptyBallot');
  });

  it('impact/effort: ratings are whole numbers from 1 to 5', () => {
    const settings: VotingSettings = { method: 'impactEffort' };
    const rate = (impact: number, effort: number): BallotContent => ({
      method: 'impactEffort',
      ratings: { a: { impact, effort } },
    });
    expect(() => checkBallot(settings, ITEMS, rate(5, 1))).not.toThrow();
    expect(refusal(() => checkBallot(settings, ITEMS, rate(6, 1))).code).toBe('voting.ratingRange');
    expect(refusal(() => checkBallot(settings, ITEMS, rate(3, 0))).code).toBe('voting.ratingRange');
    expect(refusal(() => checkBallot(settings, ITEMS, rate(2.5, 1))).code).toBe('voting.ratingRange');
  });

  it('refuses a ballot of another method', () => {
    expect(refusal(() => checkBallot(DOTS, ITEMS, { method: 'ranking', order: ['a'] })).code).toBe(
      'voting.wrongMethod',
    );
  });
});

describe('tally', () => {
  it('dot voting: ranks by dots, shows ties as ties (1, 1, 3) and counts supporters', () => {
    const result = tally(DOTS, ITEMS, [dots({ a: 2, b: 1 }), dots({ b: 2, c: 1 }), dots({ a: 1, c: 1 })]);
    expect(result.rows.map((r) => [r.itemId, r.score, r.rank, r.tied, r.supporters])).toEqual([
      ['a', 3, 1, true, 2],
      ['b', 3, 1, true, 2],
      ['c', 2, 3, false, 2],
      ['d', 0, 4, false, 0],
    ]);
    expect(result.ballots).toBe(3);
    expect(result.total).toBe(8);
  });

  it('an empty round ranks every item equal with zero and names no winners', () => {
    const result = tally(DOTS, ITEMS, []);
    expect(result.rows.every((r) => r.score === 0 && r.rank === 1 && r.tied)).toBe(true);
    expect(result.total).toBe(0);
    expect(winners(result, 2)).toEqual([]);
  });

  it('a changed ballot counts once, as changed: the caller passes the latest ballot per participant', () => {
    const first = dots({ a: 2 });
    const changed = dots({ b: 2 });
    expect(tally(DOTS, ITEMS, [changed]).rows[0]).toMatchObject({ itemId: 'b', score: 2 });
    expect(tally(DOTS, ITEMS, [first]).rows[0]).toMatchObject({ itemId: 'a', score: 2 });
  });

  it('leaves out votes for items deleted during the round instead of counting them', () => {
    const result = tally(DOTS, ['a', 'b'], [dots({ a: 1, gone: 2 })]);
    expect(result.total).toBe(1);
    expect(result.rows.map((r) => r.itemId)).toEqual(['a', 'b']);
  });

  it('adds the facilitator’s counted paper dots', () => {
    const result = tally(DOTS, ITEMS, [dots({ a: 1 })], { c: 4, gone: 3, b: -2 });
    expect(result.rows.slice(0, 2).map((r) => [r.itemId, r.score])).toEqual([
      ['c', 4],
      ['a', 1],
    ]);
    expect(result.total).toBe(5);
  });

  it('100 points: sums the points', () => {
    const settings: VotingSettings = { method: 'points', total: 100 };
    const result = tally(settings, ITEMS, [
      { method: 'points', points: { a: 70, b: 30 } },
      { method: 'points', points: { b: 50, c: 50 } },
    ]);
    expect(result.rows.map((r) => [r.itemId, r.score])).toEqual([
      ['b', 80],
      ['a', 70],
      ['c', 50],
      ['d', 0],
    ]);
  });

  it('ranking: Borda count over the top K (first place K points)', () => {
    const settings: VotingSettings = { method: 'ranking', topK: 3 };
    const result = tally(settings, ITEMS, [
      { method: 'ranking', order: ['a', 'b', 'c'] },
      { method: 'ranking', order: ['b', 'a'] },
      { method: 'ranking', order: ['c'] },
    ]);
    // a: 3 + 2 = 5, b: 2 + 3 = 5, c: 1 + 3 = 4, d: 0
    expect(result.rows.map((r) => [r.itemId, r.score, r.rank])).toEqual([
      ['a', 5, 1],
      ['b', 5, 1],
      ['c', 4, 3],
      ['d', 0, 4],
    ]);
  });

  it('impact/effort: mean ratings place each item on the 2×2 matrix', () => {
    const settings: VotingSettings = { method: 'impactEffort' };
    const result = tally(
      settings,
      ['a', 'b', 'c'],
      [
        { method: 'impactEffort', ratings: { a: { impact: 5, effort: 1 }, b: { impact: 4, effort: 5 } } },
        { method: 'impactEffort', ratings: { a: { impact: 4, effort: 2 }, b: { impact: 4, effort: 4 } } },
      ],
    );
    expect(result.rows.map((r) => [r.itemId, r.impact, r.effort, r.quadrant])).toEqual([
      ['a', 4.5, 1.5, 'quickWin'],
      ['b', 4, 4.5, 'majorProject'],
      ['c', null, null, null],
    ]);
    expect(quadrantOf(1, 1)).toBe('fillIn');
    expect(quadrantOf(2, 5)).toBe('thankless');
  });

  it('winners include everyone tied at the cut', () => {
    const result = tally(DOTS, ITEMS, [dots({ a: 2, b: 1 }), dots({ b: 1, c: 2 })]);
    // a 2, b 2, c 2: three-way tie for first.
    expect(winners(result, 1).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('tally properties', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  const validDotBallot = fc.array(fc.constantFrom(...items), { minLength: 1, maxLength: 5 }).map((picks) => {
    const votes: Record<string, number> = {};
    for (const id of picks) votes[id] = Math.min(2, (votes[id] ?? 0) + 1);
    return dots(votes);
  });
  const settings: VotingSettings = { method: 'dots', dots: 5, maxPerItem: 2 };

  it('never counts more dots than the ballots hold, and every valid ballot passes the check', () => {
    fc.assert(
      fc.property(fc.array(validDotBallot, { maxLength: 30 }), (ballots) => {
        for (const ballot of ballots) checkBallot(settings, items, ballot);
        const result = tally(settings, items, ballots);
        const held = ballots.reduce(
          (sum, b) =>
            sum + Object.values((b as { dots: Record<string, number> }).dots).reduce((x, y) => x + y, 0),
          0,
        );
        expect(result.total).toBe(held);
        expect(result.rows.reduce((sum, r) => sum + r.score, 0)).toBe(held);
        expect(result.total).toBeLessThanOrEqual(ballots.length * settings.dots);
      }),
    );
  });

  it('ranks are consistent: better scores never rank worse, equal scores share a rank', () => {
    fc.assert(
      fc.property(fc.array(validDotBallot, { maxLength: 30 }), (ballots) => {
        const { rows } = tally(settings, items, ballots);
        for (let i = 1; i < rows.length; i += 1) {
          const [prev, row] = [rows[i - 1]!, rows[i]!];
          expect(prev.score).toBeGreaterThanOrEqual(row.score);
          if (prev.score === row.score) expect(row.rank).toBe(prev.rank);
          else expect(row.rank).toBe(i + 1);
        }
      }),
    );
  });

  it('a Borda tally gives each ballot exactly K + (K-1) + … points for the places it fills', () => {
    const k = 3;
    const ranking = fc
      .shuffledSubarray(items, { minLength: 1, maxLength: k })
      .map((order): BallotContent => ({ method: 'ranking', order }));
    fc.assert(
      fc.property(fc.array(ranking, { maxLength: 20 }), (ballots) => {
        const result = tally({ method: 'ranking', topK: k }, items, ballots);
        const expected = ballots.reduce(
          (sum, b) => sum + (b as { order: string[] }).order.reduce((s, _id, i) => s + (k - i), 0),
          0,
        );
        expect(result.total).toBe(expected);
      }),
    );
  });
});
