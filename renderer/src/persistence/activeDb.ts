/**
 * Which IndexedDB database the app works with. Normally "moderato"; after a
 * recovery from a backup, the restored copy — the old database is never
 * deleted or written, so nothing in it can be lost by recovering.
 */
const KEY = 'moderato.database';
export const DEFAULT_DB_NAME = 'moderato';

export function activeDatabaseName(): string {
  try {
    const name = localStorage.getItem(KEY);
    return name && /^moderato(-recovered-\d{1,16})?$/.test(name) ? name : DEFAULT_DB_NAME;
  } catch {
    return DEFAULT_DB_NAME;
  }
}

export function switchToDatabase(name: string): void {
  localStorage.setItem(KEY, name);
}

export function recoveredDatabaseName(now: number): string {
  return `moderato-recovered-${now}`;
}
