/**
 * Reads a backup file the only way the app, the tests and the CLI read one:
 * bytes → strict UTF-8 → limited JSON → header → checksum → migrations → rows
 * → references. Nothing is written anywhere; a refusal names the first problem.
 */
import type { z } from './zod';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  envelopeSchema,
  RAW_DUMP_KIND,
  rawDumpSchema,
  tablesChecksum,
  type BackupScope,
  type BackupTables,
} from './format';
import { BACKUP_LIMITS } from './limits';
import { migrateTables } from './migrations';
import { BackupRefusedError, refuse, type BackupProblem } from './problems';
import { withMergesDone } from './exportBackup';
import { BACKUP_TABLES, tableSpec, type BackupRow } from './backupTables';
import { rankSchema } from './rowSchemas';
import { decodeUtf8, isRecord, parseJsonSafely } from './safeJson';

export interface BackupSummary {
  workshops: Array<{ id: string; title: string; binned: boolean }>;
  /** Rows per table, in registry order. */
  counts: Record<string, number>;
  rows: number;
}

export interface ValidBackup {
  /** The version the file was written in (0: the crash screen's raw dump). */
  formatVersion: number;
  appVersion: string | null;
  exportedAt: string | null;
  scope: BackupScope;
  /** Every registry table, in dependency order, migrated to the current format and validated. */
  tables: Record<string, BackupRow[]>;
  summary: BackupSummary;
}

export type BackupCheck = { ok: true; backup: ValidBackup } | { ok: false; problem: BackupProblem };

/** Like readBackup, but a refusal is a value: for the CLI and the UI. */
export async function checkBackup(bytes: Uint8Array): Promise<BackupCheck> {
  try {
    return { ok: true, backup: await readBackup(bytes) };
  } catch (error) {
    if (error instanceof BackupRefusedError) return { ok: false, problem: error.problem };
    throw error;
  }
}

export async function readBackup(bytes: Uint8Array): Promise<ValidBackup> {
  const data = parseJsonSafely(decodeUtf8(bytes));
  if (!isRecord(data)) return refuse('notBackup');
  const header = await readHeader(data);
  const tables = validateTables(migrateTables(header.tables, header.formatVersion));
  return { ...header, tables, summary: summarize(tables) };
}

/** Counted before any schema runs, so a file of a million rows costs one pass. */
function checkRowCount(tables: unknown): void {
  if (!isRecord(tables)) return;
  let total = 0;
  for (const rows of Object.values(tables)) if (Array.isArray(rows)) total += rows.length;
  if (total > BACKUP_LIMITS.maxRows) refuse('tooManyRows', { max: BACKUP_LIMITS.maxRows });
}

/**
 * A raw dump holds rows as stored: cards of merged clusters still name the
 * merged cluster, and their target has `absorbed` (domain/clusterMerge.ts).
 * Those become plain rows here. Rows of any other shape are left to the row
 * schemas, which refuse them with a precise message.
 */
function withRawMergesDone(tables: BackupTables): BackupTables {
  const { clusters, notes } = tables;
  if (!Array.isArray(clusters) || !Array.isArray(notes)) return tables;
  const wellFormed = clusters.every(
    (c) =>
      isRecord(c) &&
      (c.absorbed === undefined ||
        (Array.isArray(c.absorbed) &&
          c.absorbed.every(
            (a) =>
              isRecord(a) &&
              typeof a.id === 'string' &&
              Array.isArray(a.prefixes) &&
              a.prefixes.every(isRank),
          ))),
  );
  const ranked = notes.every((n) => isRecord(n) && isRank(n.rank));
  return wellFormed && ranked ? withMergesDone(tables) : tables;
}

const isRank = (value: unknown) => rankSchema.safeParse(value).success;

async function readHeader(data: Record<string, unknown>) {
  if (data.kind === RAW_DUMP_KIND) {
    checkRowCount(data.tables);
    const raw = rawDumpSchema.safeParse(data);
    if (!raw.success) return refuse('badHeader', { field: firstPath(raw.error) });
    return {
      formatVersion: 0,
      appVersion: null,
      exportedAt: null,
      scope: 'all' as const,
      tables: withRawMergesDone(raw.data.tables as BackupTables),
    };
  }
  if (data.format !== BACKUP_FORMAT) return refuse('notBackup');
  const version = data.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse('badHeader', { field: 'formatVersion' });
  }
  if (version > BACKUP_FORMAT_VERSION) {
    return refuse('newerFormat', { found: version, supported: BACKUP_FORMAT_VERSION });
  }
  checkRowCount(data.tables);
  const envelope = envelopeSchema.safeParse(data);
  if (!envelope.success) return refuse('badHeader', { field: firstPath(envelope.error) });
  const tables = envelope.data.tables as BackupTables;
  if ((await tablesChecksum(tables)) !== envelope.data.checksum) return refuse('checksumMismatch');
  return {
    formatVersion: version,
    appVersion: envelope.data.appVersion,
    exportedAt: envelope.data.exportedAt,
    scope: envelope.data.scope,
    tables,
  };
}

function firstPath(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '?';
  if (issue.code === 'unrecognized_keys') return issue.keys.join(', ');
  return issue.path.map(String).join('.') || '?';
}

/** What a row's first schema issue means, as a key under "backup.issues.". */
function issueKind(issue: z.core.$ZodIssue | undefined, row: Record<string, unknown>): string {
  if (!issue) return 'invalid';
  if (issue.code === 'unrecognized_keys') return 'unknownField';
  if (issue.code === 'invalid_type')
    return Object.hasOwn(row, String(issue.path[0])) ? 'wrongType' : 'missing';
  if (issue.code === 'too_big') return 'tooLong';
  if (issue.code === 'too_small') return 'tooShort';
  return 'invalid';
}

function validateTables(tables: BackupTables): Record<string, BackupRow[]> {
  for (const name of Object.keys(tables)) if (!tableSpec(name)) refuse('unknownTable', { table: name });

  // 1. Each row alone: its schema, and ids unique within the table.
  const result: Record<string, BackupRow[]> = {};
  const byId = new Map<string, Map<string, BackupRow>>();
  for (const [table, spec] of BACKUP_TABLES) {
    const rows: BackupRow[] = [];
    const index = new Map<string, BackupRow>();
    (tables[table] ?? []).forEach((raw, position) => {
      if (!isRecord(raw)) refuse('rowNotObject', { table, index: position + 1 });
      const parsed = spec.schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field =
          issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : String(issue?.path[0] ?? '');
        refuse('invalidRow', { table, index: position + 1, field, issue: issueKind(issue, raw) });
      }
      if (index.has(parsed.data.id)) refuse('duplicateId', { table, id: parsed.data.id });
      index.set(parsed.data.id, parsed.data);
      rows.push(parsed.data);
    });
    result[table] = rows;
    byId.set(table, index);
  }
  const find = (table: string, id: string) => byId.get(table)?.get(id);

  // 2. Rows together: every reference resolves, and within the same workshop.
  const workshopOf = new Map<string, string>();
  for (const [table, spec] of BACKUP_TABLES) {
    for (const row of result[table] ?? []) {
      let workshop = row.id;
      if (spec.parent) {
        const parentId = String(row[spec.parent.field]);
        const parent = find(spec.parent.table, parentId);
        if (!parent)
          refuse('danglingReference', { table, id: row.id, field: spec.parent.field, ref: parentId });
        workshop = workshopOf.get(`${spec.parent.table}/${parentId}`) ?? '';
      }
      workshopOf.set(`${table}/${row.id}`, workshop);
      for (const ref of spec.refs) {
        const value = row[ref.field];
        if (value === null && ref.nullable) continue;
        const target = find(ref.table, String(value));
        if (!target) refuse('danglingReference', { table, id: row.id, field: ref.field, ref: String(value) });
        if (workshopOf.get(`${ref.table}/${String(value)}`) !== workshop) {
          refuse('foreignReference', { table, id: row.id, field: ref.field });
        }
      }
      const inconsistent = spec.check?.(row, find);
      if (inconsistent) refuse('inconsistentRow', { table, id: row.id, field: inconsistent.field });
    }
  }
  if ((result.workshops ?? []).length === 0) refuse('noWorkshops');
  return result;
}

function summarize(tables: Record<string, BackupRow[]>): BackupSummary {
  const counts = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));
  return {
    workshops: (tables.workshops ?? []).map((row) => ({
      id: row.id,
      title: String(row.title),
      binned: row.deletedAt !== null,
    })),
    counts,
    rows: Object.values(counts).reduce((sum, n) => sum + n, 0),
  };
}
