/**
 * Reads workshops with everything that hangs off them, table by table along
 * the registry, and wraps them into a backup document. Only rows reachable
 * from a workshop are taken, so every exported file passes the import checks.
 */
import type { Table } from 'dexie';
import type { ChangeSet } from '../../domain/changes';
import { materializeMerges, storedNote } from '../../domain/clusterMerge';
import type { Cluster, Note } from '../../domain/types';
import type { ModeratoDb } from '../db';
import { rowsWhereAnyOf } from '../queries';
import { CURRENT_SCHEMA_VERSION } from '../schema';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  serializeBackup,
  tablesChecksum,
  type BackupDocument,
  type BackupScope,
  type BackupTables,
} from './format';
import { BACKUP_TABLES, type BackupRow } from './backupTables';

type AnyTable = Table<BackupRow, string>;

/** Inside a running transaction: the trees of the given workshops, or of all. */
export async function readTrees(
  db: ModeratoDb,
  workshopIds: readonly string[] | 'all',
): Promise<Record<string, BackupRow[]>> {
  const result: Record<string, BackupRow[]> = {};
  for (const [name, spec] of BACKUP_TABLES) {
    const table = db.table(name) as AnyTable;
    if (!spec.parent) {
      result[name] =
        workshopIds === 'all'
          ? await table.toArray()
          : (await table.bulkGet([...workshopIds])).filter((row): row is BackupRow => row !== undefined);
      continue;
    }
    const parentIds = (result[spec.parent.table] ?? []).map((row) => row.id);
    result[name] = parentIds.length ? await rowsWhereAnyOf(table, spec.parent.field, parentIds) : [];
  }
  return result;
}

export function backupTableNames(db: ModeratoDb): Array<AnyTable> {
  return BACKUP_TABLES.map(([name]) => db.table(name) as AnyTable);
}

/**
 * Applies not-yet-saved changes (kept in memory after a full disk) on top of
 * the rows read, so an export in that state loses nothing.
 */
function withPending(tables: Record<string, BackupRow[]>, pending: readonly ChangeSet[]): BackupTables {
  if (pending.length === 0) return tables;
  const maps = new Map(
    Object.entries(tables).map(([name, rows]) => [name, new Map(rows.map((r) => [r.id, r]))]),
  );
  for (const change of pending.flat()) {
    const rows = maps.get(change.table);
    if (!rows) continue;
    if (change.after) {
      const row = change.table === 'notes' ? storedNote(change.after as Note) : change.after;
      rows.set(row.id, row as unknown as BackupRow);
    } else if (change.before) rows.delete(change.before.id);
  }
  return Object.fromEntries([...maps].map(([name, rows]) => [name, [...rows.values()]]));
}

/** Cards of merged clusters where they show, and no `absorbed`: a backup holds plain rows (clusterMerge.ts). */
export function withMergesDone(tables: BackupTables): BackupTables {
  const { clusters, notes } = materializeMerges(
    (tables.clusters ?? []) as unknown as Cluster[],
    (tables.notes ?? []) as unknown as Note[],
  );
  return {
    ...tables,
    clusters: clusters as unknown as BackupRow[],
    notes: notes as unknown as BackupRow[],
  };
}

export interface ExportOptions {
  /** One workshop, or everything. */
  workshopId?: string;
  appVersion: string;
  now: Date;
  pending?: readonly ChangeSet[];
}

export async function createBackup(db: ModeratoDb, options: ExportOptions): Promise<BackupDocument> {
  const scope: BackupScope = options.workshopId ? 'workshop' : 'all';
  const read = await db.transaction('r', backupTableNames(db), () =>
    readTrees(db, options.workshopId ? [options.workshopId] : 'all'),
  );
  const tables = withMergesDone(withPending(read, options.pending ?? []));
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: options.appVersion,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    exportedAt: options.now.toISOString(),
    scope,
    checksum: await tablesChecksum(tables),
    tables,
  };
}

export async function exportBackupText(db: ModeratoDb, options: ExportOptions): Promise<string> {
  return serializeBackup(await createBackup(db, options));
}

/** "Moderato-Sicherung Titel 2026-05-01.moderato.json", safe for every file system. */
export function backupFileName(title: string | null, now: Date): string {
  const day = now.toISOString().slice(0, 10);
  const printable = Array.from(title ?? '', (char) =>
    char.charCodeAt(0) < 0x20 || char === '\u007f' ? ' ' : char,
  ).join('');
  const clean = printable
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .slice(0, 80)
    .trim();
  return `Moderato-Sicherung ${clean ? `${clean} ` : ''}${day}.moderato.json`;
}
