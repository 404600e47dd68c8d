/**
 * The first thing the renderer does (main.tsx imports this module before any
 * other): ask the browser which schema version the stored database has. The
 * answer is a round trip to the browser process and arrives while the rest
 * of the start bundle still evaluates, instead of after it.
 */
import { activeDatabaseName } from './activeDb';
import { installedSchemaVersion } from './installedVersion';

/** The stored database's schema version; null: there is none yet; 'unknown': the browser did not say. */
export const installedVersionAtStart: Promise<number | null | 'unknown'> = installedSchemaVersion(
  activeDatabaseName(),
).catch(() => 'unknown' as const);
