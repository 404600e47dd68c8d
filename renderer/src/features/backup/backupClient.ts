/**
 * The small, always-loaded part of backups. Everything heavy (zod, the checks,
 * export and import) sits in backupActions.ts and loads on first use, so the
 * start of the app does not pay for it.
 */
import { activeDatabaseName } from '../../persistence/activeDb';
import { installedSchemaVersion } from '../../persistence/installedVersion';
import { CURRENT_SCHEMA_VERSION } from '../../persistence/schema';

export const loadBackupActions = () => import('./backupActions');

/**
 * Before the database is upgraded to a new schema, keep a snapshot of it as it
 * is. Cheap when there is nothing to upgrade: the backup code loads only then.
 */
export async function snapshotIfUpgradePending(): Promise<void> {
  const installed = await installedSchemaVersion(activeDatabaseName());
  if (installed === null || installed >= CURRENT_SCHEMA_VERSION) return;
  await (await loadBackupActions()).snapshotBeforeMigration();
}

const LAST_BACKUP_KEY = 'moderato.lastBackupAt';
const SNOOZE_KEY = 'moderato.backupReminderSnoozedUntil';
export const REMIND_AFTER_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

function readNumber(key: string): number | null {
  try {
    const value = Number(localStorage.getItem(key));
    return Number.isFinite(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

function writeNumber(key: string, value: number): void {
  try {
    localStorage.setItem(key, String(value));
  } catch {
    // Storage full or blocked: the reminder may come too early, nothing worse.
  }
}

/** When all workshops were last saved as a backup file (null: never). */
export const lastBackupAt = () => readNumber(LAST_BACKUP_KEY);
export const rememberBackup = (at: number) => writeNumber(LAST_BACKUP_KEY, at);
export const snoozeReminder = (now: number) => writeNumber(SNOOZE_KEY, now + DAY_MS);

/**
 * Days since the last backup file, when that is worth a reminder: work older
 * than REMIND_AFTER_DAYS that no backup file covers. null: no reminder.
 */
export function reminderDue(
  now: number,
  lastBackup: number | null,
  oldestWork: number | null,
  snoozedUntil: number | null = readNumber(SNOOZE_KEY),
): { days: number | null } | null {
  if (oldestWork === null || (snoozedUntil !== null && now < snoozedUntil)) return null;
  if (lastBackup === null) return now - oldestWork >= REMIND_AFTER_DAYS * DAY_MS ? { days: null } : null;
  const days = Math.floor((now - lastBackup) / DAY_MS);
  return days >= REMIND_AFTER_DAYS ? { days } : null;
}

/** Asks the browser not to evict our data when space runs low. Resolves whether it agreed. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  try {
    if (!navigator.storage?.persist) return null;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}
