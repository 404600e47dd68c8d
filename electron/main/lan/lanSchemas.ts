/**
 * Schemas for what the renderer asks of the host (LanControl): checked in main's
 * IPC router and in the control API of `npm run web` alike. A compromised
 * renderer could send anything; the round it opens is all phones ever see.
 */
import { z } from 'zod';
import type {
  LanEventsRequest,
  LanNoteRequest,
  LanOpenRequest,
  LanRound,
  LanUpdateRequest,
  LanWithdrawRequest,
  LanWritingRound,
} from '../../shared/lanContract';
import { LAN_LIMITS } from '../../shared/lanContract';
import {
  LAN_MAX_ITEMS,
  LAN_VOTING_LIMITS,
  lanIdSchema,
  lanSettingsValid,
  lanVotingSettingsSchema,
} from './lanBallot';

/** Most participants a round may have (VOTING_LIMITS_ROUND.maxVoters in the renderer). */
export const LAN_MAX_VOTERS = 500;

/** Text is passed on as data (the phone page shows it as text); only its length is bounded. */
const text = (max: number) => z.string().max(max);

const timestamp = z.number().int().min(0).max(8_640_000_000_000_000);

export const lanRoundSchema = z
  .strictObject({
    kind: z.literal('vote').optional(),
    roundId: lanIdSchema,
    title: text(1000),
    settings: lanVotingSettingsSchema,
    items: z.array(z.strictObject({ id: lanIdSchema, label: text(4000) })).max(LAN_MAX_ITEMS),
    anonymous: z.boolean(),
    voters: z.array(z.strictObject({ id: lanIdSchema, name: text(500) })).max(LAN_MAX_VOTERS),
    entitledCount: z.number().int().min(0).max(LAN_MAX_VOTERS),
    closesAt: timestamp.nullable(),
    language: z.enum(['de', 'en']),
  })
  // The settings were checked against the items when the round started; items
  // deleted since may leave fewer than a ranking's top K, which is still fine.
  .refine(
    (round) => lanSettingsValid(round.settings, Math.max(round.items.length, LAN_VOTING_LIMITS.maxTopK)),
    'settings out of range',
  )
  .refine((round) => new Set(round.items.map((i) => i.id)).size === round.items.length, 'duplicate item')
  .refine((round) => new Set(round.voters.map((v) => v.id)).size === round.voters.length, 'duplicate voter')
  .refine((round) => !round.anonymous || round.voters.length === 0, 'anonymous rounds list no voters');

export const lanWritingRoundSchema = z
  .strictObject({
    kind: z.literal('write'),
    roundId: lanIdSchema,
    prompt: text(1000),
    boardTitle: text(1000),
    maxNotesPerPerson: z.number().int().min(1).max(LAN_LIMITS.maxNotesPerPhone).nullable(),
    anonymous: z.boolean(),
    voters: z.array(z.strictObject({ id: lanIdSchema, name: text(500) })).max(LAN_MAX_VOTERS),
    closesAt: timestamp.nullable(),
    language: z.enum(['de', 'en']),
  })
  .refine((round) => new Set(round.voters.map((v) => v.id)).size === round.voters.length, 'duplicate voter')
  .refine((round) => !round.anonymous || round.voters.length === 0, 'anonymous rounds list no voters');

const takenSchema = z.array(lanIdSchema).max(LAN_MAX_VOTERS * 2);

export const lanOpenRequestSchema = z.strictObject({
  round: z.union([lanRoundSchema, lanWritingRoundSchema]),
  interfaceId: z.string().min(1).max(200),
  taken: takenSchema,
});

/**
 * Texts shared back to phones: the server keeps the first LAN_LIMITS.maxShared
 * and cuts each to LAN_MAX_SHARED_CHARS (lanWriting.ts); this only bounds what
 * a renderer may send at all (an inbox holds at most 5,000 cards).
 */
const sharedSchema = z.array(z.string().max(10_000)).max(5_000);

export const lanUpdateRequestSchema = z.strictObject({
  roundId: lanIdSchema,
  taken: takenSchema,
  closesAt: timestamp.nullable(),
  shared: sharedSchema.optional(),
});

/**
 * The phone's id for a card: CLIENT_NOTE_ID of renderer/src/domain/writing.ts,
 * which main cannot import; test/electron/lanWriting.test.ts keeps both equal.
 */
export const LAN_CLIENT_NOTE_ID = /^[A-Za-z0-9_-]{8,40}$/;

/**
 * The text is checked by the round (lanWriting.ts: 'invalid-note', which the
 * phone words for its user); here only its type. The body limit bounds its size.
 */
export const lanNoteRequestSchema = z.strictObject({
  clientId: z.string().regex(LAN_CLIENT_NOTE_ID),
  text: z.string(),
  participantId: lanIdSchema.optional(),
});

export const lanWithdrawRequestSchema = z.strictObject({
  clientId: z.string().regex(LAN_CLIENT_NOTE_ID),
});

export const lanEventsRequestSchema = z.strictObject({
  roundId: lanIdSchema,
  after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  waitMs: z.number().int().min(0).max(LAN_LIMITS.maxWaitMs),
});

export const lanRoundIdSchema = lanIdSchema;

// Compile-time proof that the schemas accept exactly the contract's types.
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type LanRoundSchemaMatches = Assert<Equals<z.infer<typeof lanRoundSchema>, LanRound>>;
export type LanWritingRoundSchemaMatches = Assert<
  Equals<z.infer<typeof lanWritingRoundSchema>, LanWritingRound>
>;
export type LanOpenSchemaMatches = Assert<Equals<z.infer<typeof lanOpenRequestSchema>, LanOpenRequest>>;
export type LanUpdateSchemaMatches = Assert<Equals<z.infer<typeof lanUpdateRequestSchema>, LanUpdateRequest>>;
export type LanEventsSchemaMatches = Assert<Equals<z.infer<typeof lanEventsRequestSchema>, LanEventsRequest>>;
export type LanNoteSchemaMatches = Assert<Equals<z.infer<typeof lanNoteRequestSchema>, LanNoteRequest>>;
export type LanWithdrawSchemaMatches = Assert<
  Equals<z.infer<typeof lanWithdrawRequestSchema>, LanWithdrawRequest>
>;
