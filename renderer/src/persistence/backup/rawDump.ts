/**
 * Before Dexie upgrades the database, read it as it is — in the old schema,
 * without upgrading — so a snapshot of it can be kept. The dump is format
 * version 0 of the backup chain, which migrations.ts brings up to date.
 */
import Dexie from 'dexie';
import { installedSchemaVersion } from '../installedVersion';
import { CURRENT_SCHEMA_VERSION, DERIVED_TABLES } from '../schema';
import { RAW_DUMP_KIND } from './format';

/** A raw dump when an upgrade is about to run; null when there is nothing to upgrade. */
export async function dumpBeforeUpgrade(
  name: string,
): Promise<{ content: string; schemaVersion: number; tables: Record<string, unknown[]> } | null> {
  const installed = await installedSchemaVersion(name);
  if (installed === null || installed <= 0 || installed >= CURRENT_SCHEMA_VERSION) return null;
  // Without declared versions Dexie opens the database as it is and upgrades nothing.
  const old = new Dexie(name);
  try {
    await old.open();
    const tables: Record<string, unknown[]> = {};
    const kept = old.tables.filter((table) => !DERIVED_TABLES.has(table.name));
    await old.transaction('r', kept, async () => {
      for (const table of kept) tables[table.name] = await table.toArray();
    });
    const content = JSON.stringify({ kind: RAW_DUMP_KIND, schemaVersion: installed, tables });
    return { content, schemaVersion: installed, tables };
  } finally {
    old.close();
  }
}
