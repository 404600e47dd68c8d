// The server's ballot rules (electron/main/lan/lanBallot.ts) mirror the renderer's
// checkBallot/checkSettings, which main cannot import. They must agree on every
// ballot, and the contract types must stay assignable to the renderer's both ways.
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  checkLanBallot,
  LAN_VOTING_LIMITS,
  lanBallotContentSchema,
  lanSettingsValid,
} from '../../electron/main/lan/lanBallot';
import type { LanBallotContent, LanVotingSettings } from '../../electron/shared/lanContract';
import { DomainError } from '../../renderer/src/domain/errors';
import {
  checkBallot,
  checkSettings,
  VOTING_LIMITS,
  type BallotContent,
  type VotingSettings,
} from '../../renderer/src/domain/votingTally';

const SEED = 20_261_128;

function rendererProblem(settings: VotingSettings, items: string[], content: BallotContent): string | null {
  try {
    checkBallot(settings, items, content);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const ITEMS = ['a', 'b', 'c', 'd', 'e'];
// Mostly known item ids, sometimes unknown ones and keys that break naive code.
const itemId = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...ITEMS) },
  { weight: 1, arbitrary: fc.constantFrom('x', 'constructor', 'toString', '__proto__', '') },
);
const amount = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 1.5, 0.1, 1001, Number.NaN, Infinity) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1200 }) },
);
const record = <T>(value: fc.Arbitrary<T>) =>
  fc.array(fc.tuple(itemId, value), { maxLength: 6 }).map((pairs) => {
    // JSON.parse-like own properties, "__proto__" included.
    const out: Record<string, T> = {};
    for (const [key, v] of pairs)
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    return out;
  });

const settingsArb: fc.Arbitrary<VotingSettings> = fc.oneof(
  fc.record({
    method: fc.constant('dots' as const),
    dots: fc.integer({ min: 1, max: 8 }),
    maxPerItem: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ method: fc.constant('points' as const), total: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ method: fc.constant('ranking' as const), topK: fc.integer({ min: 1, max: 5 }) }),
  fc.constant({ method: 'impactEffort' as const }),
);

const contentArb: fc.Arbitrary<BallotContent> = fc.oneof(
  fc.record({ method: fc.constant('dots' as const), dots: record(amount) }),
  fc.record({ method: fc.constant('points' as const), points: record(amount) }),
  fc.record({ method: fc.constant('ranking' as const), order: fc.array(itemId, { maxLength: 7 }) }),
  fc.record({
    method: fc.constant('impactEffort' as const),
    ratings: record(fc.record({ impact: amount, effort: amount })),
  }),
);

/** Valid-looking ballots for the settings, so the interesting rules (budget, sums) are reached often. */
const closeToValid = (settings: VotingSettings): fc.Arbitrary<BallotContent> => {
  switch (settings.method) {
    case 'dots':
      return record(fc.integer({ min: 0, max: settings.maxPerItem + 1 })).map((d) => ({
        method: 'dots',
        dots: d,
      }));
    case 'points':
      return fc
        .array(fc.integer({ min: 0, max: settings.total }), { minLength: 5, maxLength: 5 })
        .map((values) => ({
          method: 'points',
          points: Object.fromEntries(ITEMS.map((id, i) => [id, values[i]!])),
        }));
    case 'ranking':
      return fc.shuffledSubarray(ITEMS).map((order) => ({ method: 'ranking', order }));
    case 'impactEffort':
      return record(
        fc.record({ impact: fc.integer({ min: 0, max: 6 }), effort: fc.integer({ min: 0, max: 6 }) }),
      ).map((ratings) => ({ method: 'impactEffort', ratings }));
  }
};

describe('server ballot check = renderer checkBallot', () => {
  it('agrees on random ballots: same verdict, same reason', () => {
    fc.assert(
      fc.property(settingsArb, contentArb, (settings, content) => {
        expect(checkLanBallot(settings, ITEMS, content)).toBe(rendererProblem(settings, ITEMS, content));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  it('agrees on ballots close to valid ones (budgets, sums, ranks, ratings)', () => {
    let valid = 0;
    fc.assert(
      fc.property(
        settingsArb.chain((settings) => fc.tuple(fc.constant(settings), closeToValid(settings))),
        ([settings, content]) => {
          const verdict = checkLanBallot(settings, ITEMS, content);
          if (verdict === null) valid += 1;
          expect(verdict).toBe(rendererProblem(settings, ITEMS, content));
        },
      ),
      { seed: SEED, numRuns: 3000 },
    );
    // The generator reaches valid ballots too, not only refusals.
    expect(valid).toBeGreaterThan(200);
  });

  it('agrees on which settings make sense', () => {
    const anySettings: fc.Arbitrary<VotingSettings> = fc.oneof(
      fc.record({ method: fc.constant('dots' as const), dots: amount, maxPerItem: amount }),
      fc.record({ method: fc.constant('points' as const), total: amount }),
      fc.record({ method: fc.constant('ranking' as const), topK: amount }),
    );
    fc.assert(
      fc.property(anySettings, fc.integer({ min: 0, max: 30 }), (settings, items) => {
        let rendererOk = true;
        try {
          checkSettings(settings, items);
        } catch {
          rendererOk = false;
        }
        expect(lanSettingsValid(settings, items)).toBe(rendererOk);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('uses the same limits', () => {
    expect(LAN_VOTING_LIMITS).toEqual({
      maxDots: VOTING_LIMITS.maxDots,
      maxPointsTotal: VOTING_LIMITS.maxPointsTotal,
      maxTopK: VOTING_LIMITS.maxTopK,
      ratingMin: VOTING_LIMITS.ratingMin,
      ratingMax: VOTING_LIMITS.ratingMax,
    });
  });

  it('the phone schema accepts every content the renderer could store (shape only)', () => {
    fc.assert(
      fc.property(contentArb, (content) => {
        const json = JSON.parse(JSON.stringify(content)) as unknown;
        const parsed = lanBallotContentSchema.safeParse(json);
        // Refused shapes are only those with ids no renderer item has, or numbers JSON cannot carry.
        if (!parsed.success) {
          const text = JSON.stringify(content);
          expect(/"(x|constructor|toString|__proto__|)"|null/.test(text)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('types stay in step with the renderer', () => {
  it('LanVotingSettings and VotingSettings are assignable to each other', () => {
    expectTypeOf<LanVotingSettings>().toEqualTypeOf<VotingSettings>();
    const lan: LanVotingSettings = { method: 'dots', dots: 3, maxPerItem: 1 } as VotingSettings;
    const renderer: VotingSettings = lan;
    expect(renderer.method).toBe('dots');
  });

  it('LanBallotContent and BallotContent are assignable to each other', () => {
    expectTypeOf<LanBallotContent>().toEqualTypeOf<BallotContent>();
    const lan: LanBallotContent = { method: 'ranking', order: ['a'] } as BallotContent;
    const renderer: BallotContent = lan;
    expect(renderer.method).toBe('ranking');
  });
});
