import { getDb } from '../../persistence/db';
import { dumpAll } from '../../persistence/repository';
import { CURRENT_SCHEMA_VERSION } from '../../persistence/schema';
import { getPlatform } from '../../platform';
import { loadBackupActions } from '../backup/backupClient';

/**
 * The way out when a screen fails: all data as a backup file. Should even the
 * backup code fail to load, a raw copy of every table is saved instead (the
 * import reads it as format version 0).
 */
export async function exportEverything(): Promise<boolean> {
  try {
    const outcome = await (await loadBackupActions()).saveBackupFile();
    if (outcome.status !== 'failed') return outcome.status === 'saved';
  } catch (error) {
    console.warn('Backup export failed, saving a raw copy instead', error);
  }
  return exportRawDump();
}

async function exportRawDump(): Promise<boolean> {
  const tables = await dumpAll(getDb());
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const content = JSON.stringify(
    { kind: 'moderato-raw-dump', schemaVersion: CURRENT_SCHEMA_VERSION, tables },
    null,
    1,
  );
  return getPlatform().saveFile({
    suggestedName: `moderato-daten-${stamp}.json`,
    content,
    mimeType: 'application/json',
    filters: [{ name: 'JSON', extensions: ['json'] }],
  });
}
