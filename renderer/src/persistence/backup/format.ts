/**
 * The backup file: an envelope with format, versions, scope and a checksum
 * over its tables. Everything here is pure and runs in the app, in tests and
 * in the `backup:check` CLI alike.
 */
import { z } from './zod';

export const BACKUP_FORMAT = 'moderato-backup';
/** Raise with every change of a row's fields, together with a step in migrations.ts. */
export const BACKUP_FORMAT_VERSION = 3;
/** What the crash screen wrote before backups existed; read as format version 0. */
export const RAW_DUMP_KIND = 'moderato-raw-dump';

export type BackupScope = 'workshop' | 'all';
export type BackupTables = Record<string, Array<Record<string, unknown>>>;

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  /** The Dexie schema the rows were read from (for support; the format version decides). */
  schemaVersion: number;
  exportedAt: string;
  scope: BackupScope;
  checksum: string;
  tables: BackupTables;
}

const tablesSchema = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/), z.array(z.unknown()));

export const envelopeSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().min(1).max(50),
  schemaVersion: z.number().int().min(1).max(10_000),
  exportedAt: z.iso.datetime(),
  scope: z.enum(['workshop', 'all']),
  checksum: z.string().regex(/^sha256-[0-9a-f]{64}$/),
  tables: tablesSchema,
});

export const rawDumpSchema = z.strictObject({
  kind: z.literal(RAW_DUMP_KIND),
  schemaVersion: z.number().int().min(1).max(10_000),
  tables: tablesSchema,
});

/**
 * JSON with object keys sorted at every level, so the checksum does not depend
 * on the order in which IndexedDB hands out a row's fields.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function tablesChecksum(tables: BackupTables): Promise<string> {
  return `sha256-${await sha256Hex(canonicalJson(tables))}`;
}

/** Serialises a backup; one row a line keeps big files readable and diffable. */
export function serializeBackup(document: BackupDocument): string {
  const { tables, ...head } = document;
  const tableLines = Object.entries(tables).map(([name, rows]) => {
    const body = rows.map((row) => `      ${JSON.stringify(row)}`).join(',\n');
    return `    ${JSON.stringify(name)}: [${rows.length ? `\n${body}\n    ` : ''}]`;
  });
  const headLines = Object.entries(head).map(
    ([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  return `{\n${headLines.join(',\n')},\n  "tables": {\n${tableLines.join(',\n')}\n  }\n}\n`;
}
