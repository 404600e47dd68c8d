/**
 * The zod schema of every table's rows, as a backup file holds them: strict and
 * flat, with the domain's limits. The registry (backupTables.ts) says how the
 * rows hang together. Adding a field to an existing row: raise
 * BACKUP_FORMAT_VERSION and add a step to migrations.ts, so older files still
 * import; the type check at the end fails while a schema and its domain type differ.
 */
import { z } from './zod';
import { cleanStartTime, MAX_PLANNED_MINUTES, MIN_PLANNED_MINUTES } from '../../domain/agenda';
import { DECISION_LIMITS } from '../../domain/decisions';
import { PARTICIPANT_LIMITS } from '../../domain/participants';
import { MAX_EXTRA_MINUTES } from '../../domain/timer';
import { cleanIsoDate, LIMITS } from '../../domain/validation';
import { VOTING_LIMITS } from '../../domain/votingTally';
import { VOTING_LIMITS_ROUND } from '../../domain/voting';
import {
  ACTION_STATUSES,
  ATTENDANCES,
  BOARD_KINDS,
  MINUTES_STATUSES,
  NOTE_COLORS,
  PHASES,
  INBOX_STATUSES,
  ROUND_STATUSES,
  VOTING_TARGETS,
  WRITING_ROUND_STATUSES,
  type ActionItem,
  type AgendaItem,
  type Ballot,
  type Board,
  type Cluster,
  type Column,
  type Decision,
  type Idea,
  type InboxNote,
  type MatrixRow,
  type Note,
  type Participant,
  type Vision,
  type VotingRound,
  type Workshop,
  type WorkshopSession,
  type WritingRound,
} from '../../domain/types';
import { CLIENT_NOTE_ID, WRITING_LIMITS } from '../../domain/writing';

/** Ids are UUIDs today; older data and fixtures use short ids, so only the route-safe alphabet is enforced. */
export const idSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'id');
/** Fractional-index keys (base 62). */
export const rankSchema = z.string().regex(/^[0-9A-Za-z]{1,500}$/, 'rank');
const timestamp = z.number().int().min(0).max(8_640_000_000_000_000);
const isoDate = z.string().refine((value) => {
  try {
    return cleanIsoDate(value, 'date') === value;
  } catch {
    return false;
  }
}, 'date');
const text = (max: number) => z.string().max(max);

export const workshopRow = z.strictObject({
  id: idSchema,
  title: text(LIMITS.workshopTitle).min(1),
  date: isoDate,
  place: text(LIMITS.shortText),
  organisation: text(LIMITS.shortText),
  facilitators: text(LIMITS.shortText),
  minuteTaker: text(LIMITS.shortText),
  createdAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
  // Optional (absent = draft): older files import unchanged, no format step needed.
  minutesStatus: z.enum(MINUTES_STATUSES).optional(),
});

export const boardRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  title: text(LIMITS.boardTitle).min(1),
  phase: z.enum(PHASES).nullable(),
  kind: z.enum(BOARD_KINDS),
  rank: rankSchema,
  createdAt: timestamp,
});

export const columnRow = z.strictObject({
  id: idSchema,
  boardId: idSchema,
  title: text(LIMITS.columnTitle).min(1),
  rank: rankSchema,
});

export const noteRow = z.strictObject({
  id: idSchema,
  boardId: idSchema,
  columnId: idSchema.nullable(),
  rowId: idSchema.nullable(),
  clusterId: idSchema.nullable(),
  text: text(LIMITS.noteText),
  color: z.enum(NOTE_COLORS),
  rank: rankSchema,
  sourceNoteId: idSchema.nullable(),
  facts: z
    .strictObject({
      process: text(LIMITS.factText),
      casesPerYear: z.number().int().min(0).max(LIMITS.maxCases).nullable(),
      painPoint: text(LIMITS.factText),
    })
    .nullable(),
  authorId: idSchema.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

// ---- The phase boards (issue 4).

export const matrixRowRow = z.strictObject({
  id: idSchema,
  boardId: idSchema,
  title: text(LIMITS.rowTitle).min(1),
  rank: rankSchema,
});

export const clusterRow = z.strictObject({
  id: idSchema,
  boardId: idSchema,
  title: text(LIMITS.clusterTitle).min(1),
  rank: rankSchema,
  collapsed: z.boolean(),
  focusAreaAt: timestamp.nullable(),
  description: text(LIMITS.focusDescription),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Canvas field keys come from the templates in assets/canvases. */
const fieldKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'field');

export const ideaRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  boardId: idSchema,
  focusAreaId: idSchema.nullable(),
  templateId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'template'),
  title: text(LIMITS.ideaTitle).min(1),
  fields: z
    .record(fieldKey, z.union([text(LIMITS.canvasText), z.number().finite(), z.boolean(), z.null()]))
    .refine((fields) => Object.keys(fields).length <= 100, 'fields'),
  sources: z.array(z.strictObject({ field: fieldKey, noteId: idSchema })).max(2000),
  rank: rankSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const visionRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  boardId: idSchema,
  text: text(LIMITS.visionText),
  sourceNoteIds: z.array(idSchema).max(2000),
  agreedAt: timestamp.nullable(),
  decisionId: idSchema.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

// ---- The workshop process (issue 3). Drafted with the backup work from
// domain/types.ts and the domain limits; the owner of those tables keeps them
// in step with the domain (the type check below fails when a field changes).

export const participantRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  name: text(PARTICIPANT_LIMITS.name).min(1),
  unit: text(PARTICIPANT_LIMITS.unit),
  role: text(PARTICIPANT_LIMITS.role),
  createdAt: timestamp,
  // Optional (absent = present): older files import unchanged, no format step needed.
  attendance: z.enum(ATTENDANCES).optional(),
});

export const sessionRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  title: text(LIMITS.shortText).min(1),
  date: isoDate,
  startTime: z.string().refine((value) => {
    try {
      return cleanStartTime(value) === value;
    } catch {
      return false;
    }
  }, 'time'),
  place: text(LIMITS.shortText),
  rank: rankSchema,
});

const minutes = (min: number, max: number) => z.number().int().min(min).max(max);

export const agendaItemRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  sessionId: idSchema,
  title: text(LIMITS.shortText).min(1),
  boardId: idSchema.nullable(),
  plannedMinutes: minutes(MIN_PLANNED_MINUTES, MAX_PLANNED_MINUTES),
  // domain/agenda.ts allows 2,000 characters of facilitator notes.
  facilitatorNotes: text(2000),
  rank: rankSchema,
  elapsedMs: timestamp,
  runningSince: timestamp.nullable(),
  extraMinutes: minutes(0, MAX_EXTRA_MINUTES),
});

export const decisionRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  text: text(DECISION_LIMITS.decisionText).min(1),
  date: isoDate,
  agendaItemId: idSchema.nullable(),
  // Voting rounds are not stored yet: the id is kept as it is, without a reference check.
  votingRoundId: idSchema.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const actionItemRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  owner: text(DECISION_LIMITS.actionOwner),
  task: text(DECISION_LIMITS.actionTask).min(1),
  due: isoDate,
  status: z.enum(ACTION_STATUSES),
  createdAt: timestamp,
  updatedAt: timestamp,
});

// ---- Voting (issue 5): rounds with fixed settings, one ballot per participant.

const count = (max: number) => z.number().int().min(0).max(max);
const votingSettings = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('dots'),
    dots: count(VOTING_LIMITS.maxDots).min(1),
    maxPerItem: count(VOTING_LIMITS.maxDots).min(1),
  }),
  z.strictObject({ method: z.literal('points'), total: count(VOTING_LIMITS.maxPointsTotal).min(1) }),
  z.strictObject({ method: z.literal('ranking'), topK: count(VOTING_LIMITS.maxTopK).min(1) }),
  z.strictObject({ method: z.literal('impactEffort') }),
]);
const perItem = (max: number) =>
  z
    .record(idSchema, count(max))
    .refine((r) => Object.keys(r).length <= VOTING_LIMITS_ROUND.maxItems, 'items');
const rating = z.number().int().min(VOTING_LIMITS.ratingMin).max(VOTING_LIMITS.ratingMax);
const ballotContent = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('dots'), dots: perItem(VOTING_LIMITS.maxDots) }),
  z.strictObject({ method: z.literal('points'), points: perItem(VOTING_LIMITS.maxPointsTotal) }),
  z.strictObject({ method: z.literal('ranking'), order: z.array(idSchema).max(VOTING_LIMITS.maxTopK) }),
  z.strictObject({
    method: z.literal('impactEffort'),
    ratings: z
      .record(idSchema, z.strictObject({ impact: rating, effort: rating }))
      .refine((r) => Object.keys(r).length <= VOTING_LIMITS_ROUND.maxItems, 'items'),
  }),
]);

export const votingRoundRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  boardId: idSchema,
  title: text(LIMITS.shortText).min(1),
  target: z.enum(VOTING_TARGETS),
  settings: votingSettings,
  items: z
    .array(z.strictObject({ id: idSchema, label: text(LIMITS.noteText) }))
    .max(VOTING_LIMITS_ROUND.maxItems),
  entitled: z.array(idSchema).max(VOTING_LIMITS_ROUND.maxVoters),
  anonymous: z.boolean(),
  closesAt: timestamp.nullable(),
  status: z.enum(ROUND_STATUSES),
  revealed: z.boolean(),
  paperTally: perItem(VOTING_LIMITS_ROUND.maxPaperDots),
  openedAt: timestamp,
  closedAt: timestamp.nullable(),
  annulReason: text(VOTING_LIMITS_ROUND.annulReason),
  decisionId: idSchema.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const ballotRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  roundId: idSchema,
  participantId: idSchema,
  content: ballotContent,
  castAt: timestamp,
  updatedAt: timestamp,
});

// ---- Writing rounds from phones (issue 12) and their inbox.

export const writingRoundRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  boardId: idSchema,
  prompt: text(WRITING_LIMITS.prompt).min(1),
  maxNotesPerPerson: z.number().int().min(1).max(WRITING_LIMITS.maxNotesPerPerson).nullable(),
  anonymous: z.boolean(),
  showAccepted: z.boolean(),
  closesAt: timestamp.nullable(),
  status: z.enum(WRITING_ROUND_STATUSES),
  openedAt: timestamp,
  closedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const inboxNoteRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  roundId: idSchema,
  boardId: idSchema,
  deviceId: z.string().regex(/^device-[0-9a-f]{16}$/, 'deviceId'),
  clientId: z.string().regex(CLIENT_NOTE_ID, 'clientId'),
  authorId: idSchema.nullable(),
  text: text(LIMITS.noteText),
  sentText: text(WRITING_LIMITS.noteText),
  version: z.number().int().min(1).max(1_000_000),
  status: z.enum(INBOX_STATUSES),
  noteId: idSchema.nullable(),
  mergedInto: idSchema.nullable(),
  changedAfterDecision: z.boolean(),
  receivedAt: timestamp,
  updatedAt: timestamp,
});

// Compile-time proof that each schema describes its domain type: the same
// fields, and every domain row passes the schema's type (ids are branded strings).
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
type Describes<Row, Schema extends z.ZodType> =
  Equals<keyof Row, keyof z.infer<Schema>> extends true
    ? Row extends z.infer<Schema>
      ? true
      : false
    : false;
export type RowSchemasMatchDomain = [
  Assert<Describes<Workshop, typeof workshopRow>>,
  Assert<Describes<Board, typeof boardRow>>,
  Assert<Describes<Column, typeof columnRow>>,
  // Backups hold merges carried out: no `merged`, no `absorbed` (domain/clusterMerge.ts).
  Assert<Describes<Omit<Note, 'merged'>, typeof noteRow>>,
  Assert<Describes<Participant, typeof participantRow>>,
  Assert<Describes<WorkshopSession, typeof sessionRow>>,
  Assert<Describes<AgendaItem, typeof agendaItemRow>>,
  Assert<Describes<Decision, typeof decisionRow>>,
  Assert<Describes<ActionItem, typeof actionItemRow>>,
  Assert<Describes<MatrixRow, typeof matrixRowRow>>,
  Assert<Describes<Omit<Cluster, 'absorbed'>, typeof clusterRow>>,
  Assert<Describes<Idea, typeof ideaRow>>,
  Assert<Describes<Vision, typeof visionRow>>,
  Assert<Describes<VotingRound, typeof votingRoundRow>>,
  Assert<Describes<Ballot, typeof ballotRow>>,
  Assert<Describes<WritingRound, typeof writingRoundRow>>,
  Assert<Describes<InboxNote, typeof inboxNoteRow>>,
];
