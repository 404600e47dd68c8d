/**
 * What a valid ballot is, on the server side. Main cannot import renderer code
 * (tsconfig.electron.json compiles electron/ only), so this mirrors
 * checkBallot/checkSettings of renderer/src/domain/votingTally.ts rule for rule;
 * test/electron/lanBallot.test.ts checks on generated ballots that both agree,
 * and that LanVotingSettings/LanBallotContent stay assignable to the renderer's types.
 *
 * Pure: no Node, no I/O.
 */
import { z } from 'zod';
import type { LanBallotContent, LanVotingSettings } from '../../shared/lanContract';

/** Same numbers as VOTING_LIMITS in votingTally.ts. */
export const LAN_VOTING_LIMITS = {
  maxDots: 50,
  maxPointsTotal: 1000,
  maxTopK: 20,
  ratingMin: 1,
  ratingMax: 5,
} as const;

/** The reasons, named like the renderer's DomainError keys (errors.voting.*). */
export type LanBallotProblem =
  | 'voting.wrongMethod'
  | 'voting.unknownItem'
  | 'voting.notWhole'
  | 'voting.stacking'
  | 'voting.overBudget'
  | 'voting.emptyBallot'
  | 'voting.pointsMustAddUp'
  | 'voting.rankedTwice'
  | 'voting.tooManyRanked'
  | 'voting.ratingRange';

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Returns why a ballot cannot be cast as it is, or null when it is valid (checkBallot throws instead). */
export function checkLanBallot(
  settings: LanVotingSettings,
  itemIds: readonly string[],
  content: LanBallotContent,
): LanBallotProblem | null {
  if (content.method !== settings.method) return 'voting.wrongMethod';
  const known = new Set(itemIds);
  const whole = (value: number) => Number.isInteger(value) && value >= 0;
  switch (content.method) {
    case 'dots': {
      const s = settings as Extract<LanVotingSettings, { method: 'dots' }>;
      for (const [id, dots] of Object.entries(content.dots)) {
        if (!known.has(id)) return 'voting.unknownItem';
        if (!whole(dots)) return 'voting.notWhole';
        if (dots > s.maxPerItem) return 'voting.stacking';
      }
      const used = sum(Object.values(content.dots));
      if (used > s.dots) return 'voting.overBudget';
      if (used === 0) return 'voting.emptyBallot';
      return null;
    }
    case 'points': {
      const s = settings as Extract<LanVotingSettings, { method: 'points' }>;
      for (const [id, points] of Object.entries(content.points)) {
        if (!known.has(id)) return 'voting.unknownItem';
        if (!whole(points)) return 'voting.notWhole';
      }
      const used = sum(Object.values(content.points));
      if (used > s.total) return 'voting.overBudget';
      if (used < s.total) return 'voting.pointsMustAddUp';
      return null;
    }
    case 'ranking': {
      const s = settings as Extract<LanVotingSettings, { method: 'ranking' }>;
      for (const id of content.order) if (!known.has(id)) return 'voting.unknownItem';
      if (new Set(content.order).size !== content.order.length) return 'voting.rankedTwice';
      if (content.order.length > s.topK) return 'voting.tooManyRanked';
      if (content.order.length === 0) return 'voting.emptyBallot';
      return null;
    }
    case 'impactEffort': {
      const inRange = (value: number) =>
        Number.isInteger(value) &&
        value >= LAN_VOTING_LIMITS.ratingMin &&
        value <= LAN_VOTING_LIMITS.ratingMax;
      for (const [id, rating] of Object.entries(content.ratings)) {
        if (!known.has(id)) return 'voting.unknownItem';
        if (!inRange(rating.impact) || !inRange(rating.effort)) return 'voting.ratingRange';
      }
      if (Object.keys(content.ratings).length === 0) return 'voting.emptyBallot';
      return null;
    }
  }
}

/** Whether the settings make sense for this many items (checkSettings of the renderer). */
export function lanSettingsValid(settings: LanVotingSettings, itemCount: number): boolean {
  const wholeIn = (value: number, min: number, max: number) =>
    Number.isInteger(value) && value >= min && value <= max;
  if (itemCount < 1) return false;
  switch (settings.method) {
    case 'dots':
      return (
        wholeIn(settings.dots, 1, LAN_VOTING_LIMITS.maxDots) && wholeIn(settings.maxPerItem, 1, settings.dots)
      );
    case 'points':
      return wholeIn(settings.total, 1, LAN_VOTING_LIMITS.maxPointsTotal);
    case 'ranking':
      return wholeIn(settings.topK, 1, Math.min(LAN_VOTING_LIMITS.maxTopK, itemCount));
    case 'impactEffort':
      return true;
  }
}

// ---------------------------------------------------------------------------
// Shapes (zod). Limits are generous for real use and small enough for a phone.
// ---------------------------------------------------------------------------

/** Item and participant ids: the renderer's are UUIDs; the anonymous device ids fit too. */
export const lanIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

/** Most items a round may have (VOTING_LIMITS_ROUND.maxItems in the renderer). */
export const LAN_MAX_ITEMS = 500;

const count = z.number().finite();

export const lanBallotContentSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('dots'), dots: z.record(lanIdSchema, count) }),
  z.strictObject({ method: z.literal('points'), points: z.record(lanIdSchema, count) }),
  z.strictObject({ method: z.literal('ranking'), order: z.array(lanIdSchema).max(LAN_MAX_ITEMS) }),
  z.strictObject({
    method: z.literal('impactEffort'),
    ratings: z.record(lanIdSchema, z.strictObject({ impact: count, effort: count })),
  }),
]);

export const lanVotingSettingsSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('dots'), dots: z.number().int(), maxPerItem: z.number().int() }),
  z.strictObject({ method: z.literal('points'), total: z.number().int() }),
  z.strictObject({ method: z.literal('ranking'), topK: z.number().int() }),
  z.strictObject({ method: z.literal('impactEffort') }),
]);

export const lanBallotRequestSchema = z.strictObject({
  participantId: lanIdSchema.optional(),
  content: lanBallotContentSchema,
});

// Compile-time proof that the schemas produce exactly the contract's types.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type LanBallotSchemaMatchesContract = Assert<
  Equals<z.infer<typeof lanBallotContentSchema>, LanBallotContent>
>;
export type LanSettingsSchemaMatchesContract = Assert<
  Equals<z.infer<typeof lanVotingSettingsSchema>, LanVotingSettings>
>;
