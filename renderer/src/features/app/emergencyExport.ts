import { getDb } from '../../persistence/db';
import { dumpAll } from '../../persistence/repository';
import { CURRENT_SCHEMA_VERSION } from '../../persistence/schema';
import { getPlatform } from '../../platform';

/**
 * A raw copy of the whole database. Until the backup format exists, this is the
 * way out when a screen fails: the data can always be taken along.
 */
export async function exportEverything(): Promise<boolean> {
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
