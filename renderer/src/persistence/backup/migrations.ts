/**
 * One pure migration chain for old backup files: step n turns the tables of
 * format version n into those of n + 1. Steps never touch the database and
 * never throw for a row they do not understand: the row schemas judge the
 * result afterwards, so a broken file is refused with a precise message.
 */
import { BACKUP_FORMAT_VERSION, type BackupTables } from './format';
import { isRecord } from './safeJson';

type Step = (tables: BackupTables) => BackupTables;

function withDefaults(
  rows: unknown[] | undefined,
  defaults: Record<string, unknown>,
): Array<Record<string, unknown>> {
  return (rows ?? []).map((row) => {
    if (!isRecord(row)) return row as Record<string, unknown>;
    const filled: Record<string, unknown> = { ...row };
    for (const [field, value] of Object.entries(defaults))
      if (!Object.hasOwn(filled, field)) filled[field] = value;
    return filled;
  });
}

/** Index = the version a step starts from. */
export const MIGRATIONS: readonly Step[] = [
  // 0 → 1: the crash screen's raw dump (Dexie schema 1 or 2) becomes backup
  // rows: schema 2 gave workshops a facilitator and minute-taker, boards a phase.
  (tables) => ({
    ...tables,
    workshops: withDefaults(tables.workshops, { facilitators: '', minuteTaker: '' }),
    boards: withDefaults(tables.boards, { phase: null }),
  }),
  // 1 → 2: the phase boards (Dexie schema 3): boards get a kind, cards their
  // place in a matrix or cluster, a link to their original, and facts.
  (tables) => ({
    ...tables,
    boards: withDefaults(tables.boards, { kind: 'columns' }),
    notes: withDefaults(tables.notes, { rowId: null, clusterId: null, sourceNoteId: null, facts: null }),
  }),
  // 2 → 3: writing rounds from phones (Dexie schema 4): two new tables, empty
  // in older files; cards gain an optional author, which older cards lack.
  (tables) => ({
    ...tables,
    writingRounds: tables.writingRounds ?? [],
    inboxNotes: tables.inboxNotes ?? [],
  }),
];

/** Brings tables of `fromVersion` up to BACKUP_FORMAT_VERSION. */
export function migrateTables(tables: BackupTables, fromVersion: number): BackupTables {
  let current = tables;
  for (let version = fromVersion; version < BACKUP_FORMAT_VERSION; version += 1) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`No backup migration from format ${version}`);
    current = step(current);
  }
  return current;
}
