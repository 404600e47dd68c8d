/**
 * Writes a validated backup into the database in one transaction: all of it or
 * nothing. "new" gives every row a fresh id, so the file lands beside what is
 * there; "replace" first removes the workshops of the same id (the caller has
 * written a restore point and asked the user).
 */
import { LIMITS } from '../../domain/validation';
import type { ModeratoDb } from '../db';
import { backupTableNames, readTrees } from './exportBackup';
import { refuse } from './problems';
import { BACKUP_TABLES, type BackupRow } from './backupTables';
import { readBackup, type ValidBackup } from './validate';

export type ImportMode = 'new' | 'replace';

/** The workshops of the file that already exist here (they would be replaced). */
export async function findExisting(
  db: ModeratoDb,
  backup: ValidBackup,
): Promise<Array<{ id: string; title: string }>> {
  const ids = backup.summary.workshops.map((w) => w.id);
  const found = await db.workshops.bulkGet(ids as never[]);
  return found.filter((w) => w !== undefined).map((w) => ({ id: w.id, title: w.title }));
}

/** Every id of the file replaced by a fresh one, references included. */
export function withFreshIds(
  tables: Record<string, BackupRow[]>,
  newId: () => string,
): Record<string, BackupRow[]> {
  const maps = new Map<string, Map<string, string>>();
  const fresh = (table: string, old: unknown): unknown => {
    if (typeof old !== 'string') return old;
    let map = maps.get(table);
    if (!map) maps.set(table, (map = new Map()));
    let id = map.get(old);
    if (!id) map.set(old, (id = newId()));
    return id;
  };
  const indexes = new Map(
    Object.entries(tables).map(([name, rows]) => [name, new Map(rows.map((row) => [row.id, row]))]),
  );
  const find = (table: string, id: string) => indexes.get(table)?.get(id);
  const result: Record<string, BackupRow[]> = {};
  for (const [name, spec] of BACKUP_TABLES) {
    result[name] = (tables[name] ?? []).map((row) => {
      let copy: BackupRow = { ...row, id: fresh(name, row.id) as string };
      if (spec.parent) copy[spec.parent.field] = fresh(spec.parent.table, row[spec.parent.field]);
      for (const ref of spec.refs) copy[ref.field] = fresh(ref.table, row[ref.field]);
      if (spec.links) copy = { ...copy, ...spec.links(row, (table, id) => fresh(table, id) as string, find) };
      return copy;
    });
  }
  return result;
}

/** "KI-Strategie (Kopie)": the title with the suffix, shortened first where both would be too long. */
export function titledAsCopy(title: string, suffix: string, max: number = LIMITS.workshopTitle): string {
  const chars = Array.from(title);
  while (chars.length > 0 && chars.join('').length + suffix.length > max) chars.pop();
  return chars.join('').trimEnd() + suffix;
}

/**
 * `copySuffix` (" (Kopie)"), in "new" mode: appended to the title of each
 * workshop that is here already, so the copy can be told from its original.
 */
export async function applyImport(
  db: ModeratoDb,
  backup: ValidBackup,
  mode: ImportMode,
  newId: () => string = () => crypto.randomUUID(),
  copySuffix = '',
): Promise<{ workshopIds: string[] }> {
  const rows = mode === 'new' ? withFreshIds(backup.tables, newId) : backup.tables;
  await db.transaction('rw', backupTableNames(db), async () => {
    if (mode === 'new' && copySuffix) {
      // withFreshIds keeps the order of the rows: row i is the copy of the file's row i.
      const originals = backup.tables.workshops ?? [];
      const here = await db.workshops.bulkGet(originals.map((w) => w.id) as never[]);
      rows.workshops = (rows.workshops ?? []).map((row, i) =>
        here[i] ? { ...row, title: titledAsCopy(String(row.title), copySuffix) } : row,
      );
    }
    if (mode === 'replace') {
      const existing = await readTrees(
        db,
        backup.summary.workshops.map((w) => w.id),
      );
      // Children first, so no moment exists in which a row points nowhere.
      for (const [name] of [...BACKUP_TABLES].reverse()) {
        const ids = (existing[name] ?? []).map((row) => row.id);
        if (ids.length) await db.table(name).bulkDelete(ids);
      }
    }
    for (const [name] of BACKUP_TABLES) {
      const table = db.table(name);
      const incoming = rows[name] ?? [];
      if (incoming.length === 0) continue;
      // An id that belongs to another workshop here would be overwritten: refuse instead.
      const clash = (await table.bulkGet(incoming.map((row) => row.id))).find((row) => row !== undefined);
      if (clash) refuse('idConflict', { table: name, id: String((clash as BackupRow).id) });
      await table.bulkAdd(incoming);
    }
  });
  return { workshopIds: (rows.workshops ?? []).map((row) => row.id) };
}

/** Check and write in one call: a refused file never reaches the transaction. */
export async function importBackupBytes(
  db: ModeratoDb,
  bytes: Uint8Array,
  mode: ImportMode,
): Promise<{ workshopIds: string[]; backup: ValidBackup }> {
  const backup = await readBackup(bytes);
  return { ...(await applyImport(db, backup, mode)), backup };
}
