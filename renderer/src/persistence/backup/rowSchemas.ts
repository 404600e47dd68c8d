/**
 * The backup registry: every Dexie table with the zod schema of its rows and
 * how its rows hang together. Export, import, the checks and the CLI iterate
 * over this list; nothing else in persistence/backup names a table.
 *
 * Adding a table: give it an entry here (a strict, flat row schema; `parent`
 * ties it into a workshop's tree, `refs` names every other id field). A unit
 * test fails while a Dexie table has no entry. Adding a field to an existing
 * row: raise BACKUP_FORMAT_VERSION and add a step to migrations.ts, so older
 * files still import.
 */
import { z } from './zod';
import { cleanStartTime, MAX_PLANNED_MINUTES, MIN_PLANNED_MINUTES } from '../../domain/agenda';
import { DECISION_LIMITS } from '../../domain/decisions';
import { PARTICIPANT_LIMITS } from '../../domain/participants';
import { MAX_EXTRA_MINUTES } from '../../domain/timer';
import { cleanIsoDate, LIMITS } from '../../domain/validation';
import {
  ACTION_STATUSES,
  NOTE_COLORS,
  PHASES,
  type ActionItem,
  type AgendaItem,
  type Board,
  type Column,
  type Decision,
  type Note,
  type Participant,
  type Workshop,
  type WorkshopSession,
} from '../../domain/types';

/** Ids are UUIDs today; older data and fixtures use short ids, so only the route-safe alphabet is enforced. */
export const idSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'id');
/** Fractional-index keys (base 62). */
const rankSchema = z.string().regex(/^[0-9A-Za-z]{1,500}$/, 'rank');
const timestamp = z.number().int().min(0).max(8_640_000_000_000_000);
const isoDate = z.string().refine((value) => {
  try {
    return cleanIsoDate(value, 'date') === value;
  } catch {
    return false;
  }
}, 'date');
const text = (max: number) => z.string().max(max);

const workshopRow = z.strictObject({
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
});

const boardRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  title: text(LIMITS.boardTitle).min(1),
  phase: z.enum(PHASES).nullable(),
  rank: rankSchema,
  createdAt: timestamp,
});

const columnRow = z.strictObject({
  id: idSchema,
  boardId: idSchema,
  title: text(LIMITS.columnTitle).min(1),
  rank: rankSchema,
});

const noteRow = z.strictObject({
  id: idSchema,
  boardId: idSchema,
  columnId: idSchema,
  text: text(LIMITS.noteText),
  color: z.enum(NOTE_COLORS),
  rank: rankSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});

// ---- The workshop process (issue 3). Drafted with the backup work from
// domain/types.ts and the domain limits; the owner of those tables keeps them
// in step with the domain (the type check below fails when a field changes).

const participantRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  name: text(PARTICIPANT_LIMITS.name).min(1),
  unit: text(PARTICIPANT_LIMITS.unit),
  role: text(PARTICIPANT_LIMITS.role),
  createdAt: timestamp,
});

const sessionRow = z.strictObject({
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

const agendaItemRow = z.strictObject({
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

const decisionRow = z.strictObject({
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

const actionItemRow = z.strictObject({
  id: idSchema,
  workshopId: idSchema,
  owner: text(DECISION_LIMITS.actionOwner),
  task: text(DECISION_LIMITS.actionTask).min(1),
  due: isoDate,
  status: z.enum(ACTION_STATUSES),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** A row as the import sees it: validated, with its id. */
export type BackupRow = { id: string } & Record<string, unknown>;

/** Looks a row up among everything the file brings along. */
export type FindRow = (table: string, id: string) => BackupRow | undefined;

export interface TableSpec {
  /** Strict: unknown fields are refused, not dropped. */
  schema: z.ZodType<BackupRow>;
  /** The field that ties a row into its workshop's tree; null for the workshops themselves. */
  parent: { field: string; table: string } | null;
  /** Every other id field and the table it points into (null allowed when nullable). */
  refs: ReadonlyArray<{ field: string; table: string; nullable?: boolean }>;
  /** A rule beyond "the reference exists", e.g. a note's column is on the note's board. */
  check?: (row: BackupRow, find: FindRow) => { field: string } | null;
}

/** In dependency order: a table comes after every table it points into. */
export const BACKUP_TABLES: ReadonlyArray<readonly [name: string, spec: TableSpec]> = [
  ['workshops', { schema: workshopRow, parent: null, refs: [] }],
  ['boards', { schema: boardRow, parent: { field: 'workshopId', table: 'workshops' }, refs: [] }],
  ['columns', { schema: columnRow, parent: { field: 'boardId', table: 'boards' }, refs: [] }],
  [
    'notes',
    {
      schema: noteRow,
      parent: { field: 'boardId', table: 'boards' },
      refs: [{ field: 'columnId', table: 'columns' }],
      check: (row, find) =>
        find('columns', String(row.columnId))?.boardId === row.boardId ? null : { field: 'columnId' },
    },
  ],
  ['participants', { schema: participantRow, parent: { field: 'workshopId', table: 'workshops' }, refs: [] }],
  ['sessions', { schema: sessionRow, parent: { field: 'workshopId', table: 'workshops' }, refs: [] }],
  [
    'agendaItems',
    {
      schema: agendaItemRow,
      parent: { field: 'sessionId', table: 'sessions' },
      refs: [
        { field: 'workshopId', table: 'workshops' },
        { field: 'boardId', table: 'boards', nullable: true },
      ],
    },
  ],
  [
    'decisions',
    {
      schema: decisionRow,
      parent: { field: 'workshopId', table: 'workshops' },
      refs: [{ field: 'agendaItemId', table: 'agendaItems', nullable: true }],
    },
  ],
  ['actionItems', { schema: actionItemRow, parent: { field: 'workshopId', table: 'workshops' }, refs: [] }],
];

export const BACKUP_TABLE_NAMES: readonly string[] = BACKUP_TABLES.map(([name]) => name);

export function tableSpec(name: string): TableSpec | undefined {
  return BACKUP_TABLES.find(([table]) => table === name)?.[1];
}

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
  Assert<Describes<Note, typeof noteRow>>,
  Assert<Describes<Participant, typeof participantRow>>,
  Assert<Describes<WorkshopSession, typeof sessionRow>>,
  Assert<Describes<AgendaItem, typeof agendaItemRow>>,
  Assert<Describes<Decision, typeof decisionRow>>,
  Assert<Describes<ActionItem, typeof actionItemRow>>,
];
