/**
 * Limits a backup file must keep before any schema sees it. They are checked
 * while reading, so a hostile or broken file costs little memory and time.
 */
export const BACKUP_LIMITS = {
  /** Same as the desktop open dialog reads into memory (MAX_OPEN_FILE_BYTES). */
  maxBytes: 50 * 1024 * 1024,
  /** A backup is envelope → tables → rows → values: 4 levels. */
  maxDepth: 8,
  /** Any single text; fields have tighter limits in their row schema. */
  maxStringChars: 20_000,
  maxKeyChars: 64,
  maxKeysPerObject: 64,
  /** All rows of all tables together. */
  maxRows: 250_000,
} as const;

/** The file suffix, so the native dialogs and the download name agree. */
export const BACKUP_EXTENSION = 'moderato.json';
export const BACKUP_FILTERS = [{ name: 'Moderato-Sicherung', extensions: ['json'] }];
