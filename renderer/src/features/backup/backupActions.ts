/**
 * Backups as the user meets them: save a file, read a picked file, import it
 * with a restore point first, write and restore automatic snapshots, and
 * recover into a fresh database when the old one cannot be opened.
 * Loaded on first use (it brings zod along); see backupClient.ts.
 */
import i18next from 'i18next';
import type { SnapshotInfo, SnapshotReason, SnapshotSummary } from '../../../../electron/shared/contract';
import { activeDatabaseName, recoveredDatabaseName, switchToDatabase } from '../../persistence/activeDb';
import { backupFileName, createBackup } from '../../persistence/backup/exportBackup';
import { serializeBackup, type BackupDocument } from '../../persistence/backup/format';
import { applyImport, findExisting, type ImportMode } from '../../persistence/backup/importBackup';
import { BACKUP_FILTERS, BACKUP_LIMITS } from '../../persistence/backup/limits';
import { describeBackupProblem } from '../../persistence/backup/messages';
import { BackupRefusedError, type BackupProblem } from '../../persistence/backup/problems';
import { dumpBeforeUpgrade } from '../../persistence/backup/rawDump';
import { checkBackup, type ValidBackup } from '../../persistence/backup/validate';
import { getDb, ModeratoDb, openDatabase } from '../../persistence/db';
import { getPlatform, type PickedFile } from '../../platform';
import { describeError, writes } from '../app/commands';
import { rememberBackup } from './backupClient';
import { markDataChanged } from './snapshotScheduler';

const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, options);
export const problemMessage = (problem: BackupProblem) => describeBackupProblem(problem, t);

function summaryOf(tables: Record<string, unknown[]>): SnapshotSummary {
  const workshops = (tables.workshops ?? []) as Array<{ title?: unknown }>;
  return {
    workshops: workshops.length,
    titles: workshops.slice(0, 10).map((w) => String(w.title ?? '').slice(0, 200)),
    rows: Object.values(tables).reduce((sum, rows) => sum + rows.length, 0),
  };
}

async function currentBackup(workshopId?: string): Promise<BackupDocument> {
  return createBackup(getDb(), {
    ...(workshopId ? { workshopId } : {}),
    appVersion: await getPlatform().appVersion(),
    now: new Date(),
    pending: writes.held(),
  });
}

export type SaveOutcome =
  { status: 'saved'; fileName: string } | { status: 'cancelled' } | { status: 'failed' };

/** Saves one workshop, or all, as a .moderato.json file (download or native dialog). */
export async function saveBackupFile(workshop?: { id: string; title: string }): Promise<SaveOutcome> {
  try {
    const now = new Date();
    const document = await currentBackup(workshop?.id);
    const fileName = backupFileName(workshop ? workshop.title : t('backup.exportAllName'), now);
    const saved = await getPlatform().saveFile({
      suggestedName: fileName,
      content: serializeBackup(document),
      mimeType: 'application/json',
      filters: BACKUP_FILTERS,
    });
    if (!saved) return { status: 'cancelled' };
    if (!workshop) rememberBackup(now.getTime());
    return { status: 'saved', fileName };
  } catch (error) {
    console.error(error);
    return { status: 'failed' };
  }
}

export type ReadOutcome =
  { ok: true; backup: ValidBackup; fileName: string } | { ok: false; message: string };

/** Checks a picked file completely; the size first, so a huge file is never read. */
export async function readPickedFile(file: PickedFile): Promise<ReadOutcome> {
  if (file.size > BACKUP_LIMITS.maxBytes) {
    return { ok: false, message: problemMessage({ code: 'tooLarge', params: { bytes: file.size } }) };
  }
  const result = await checkBackup(await file.read());
  return result.ok
    ? { ok: true, backup: result.backup, fileName: file.name }
    : { ok: false, message: problemMessage(result.problem) };
}

export async function pickBackupFile(): Promise<ReadOutcome | null> {
  const file = await getPlatform().pickBackupFile(BACKUP_FILTERS);
  return file ? readPickedFile(file) : null;
}

export const existingWorkshops = (backup: ValidBackup) => findExisting(getDb(), backup);

/** Writes an automatic snapshot of everything (null when there is nothing to keep). */
export async function writeSnapshot(reason: SnapshotReason): Promise<SnapshotInfo | null> {
  const document = await currentBackup();
  if ((document.tables.workshops ?? []).length === 0) return null;
  return getPlatform().snapshots.write({
    content: serializeBackup(document),
    reason,
    summary: summaryOf(document.tables),
  });
}

export type ImportOutcome = { ok: true; workshopIds: string[] } | { ok: false; message: string };

/**
 * Imports a checked backup. A restore point of the current state comes first;
 * when something would be replaced and that fails, nothing is imported.
 */
export async function importBackup(backup: ValidBackup, mode: ImportMode): Promise<ImportOutcome> {
  const replacing = mode === 'replace' && (await existingWorkshops(backup)).length > 0;
  try {
    await writeSnapshot('before-import');
  } catch (error) {
    console.warn('Restore point failed', error);
    if (replacing) return { ok: false, message: t('backup.restorePointFailed') };
  }
  try {
    const { workshopIds } = await applyImport(getDb(), backup, mode, undefined, t('backup.copySuffix'));
    markDataChanged();
    return { ok: true, workshopIds };
  } catch (error) {
    if (error instanceof BackupRefusedError) return { ok: false, message: problemMessage(error.problem) };
    console.error(error);
    return { ok: false, message: `${t('backup.importFailed')} ${describeError(error)}` };
  }
}

export async function readSnapshot(id: string): Promise<ReadOutcome> {
  const bytes = await getPlatform().snapshots.read(id);
  return readPickedFile({ name: id, size: bytes.byteLength, read: async () => bytes });
}

/**
 * The database cannot be opened: restore the backup into a new database beside
 * it and use that one from now on. The old database is not touched.
 */
export async function recoverInto(backup: ValidBackup): Promise<ImportOutcome> {
  const name = recoveredDatabaseName(Date.now());
  const fresh = new ModeratoDb(name);
  try {
    await openDatabase(fresh);
    const { workshopIds } = await applyImport(fresh, backup, 'replace');
    fresh.close();
    switchToDatabase(name);
    return { ok: true, workshopIds };
  } catch (error) {
    console.error(error);
    fresh.close();
    return { ok: false, message: t('backup.recovery.failed') };
  }
}

/** Before Dexie upgrades the database: keep a snapshot of it in its old form. */
export async function snapshotBeforeMigration(): Promise<void> {
  const dump = await dumpBeforeUpgrade(activeDatabaseName());
  if (!dump) return;
  await getPlatform().snapshots.write({
    content: dump.content,
    reason: 'before-migration',
    summary: summaryOf(dump.tables),
  });
}
