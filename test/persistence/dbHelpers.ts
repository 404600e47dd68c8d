import Dexie from 'dexie';
import { ModeratoDb } from '../../renderer/src/persistence/db';
import { SCHEMA_VERSIONS } from '../../renderer/src/persistence/schema';

let counter = 0;

export function freshDb(): ModeratoDb {
  counter += 1;
  return new ModeratoDb(`test-${Date.now()}-${counter}`);
}

/**
 * Writes a fixture the way an older app would have: a database declared only
 * up to `version`, filled with the fixture's rows, then closed.
 */
export async function writeFixtureAtVersion(
  name: string,
  fixture: { version: number; tables: Record<string, unknown[]> },
): Promise<void> {
  const old = new Dexie(name);
  for (const step of SCHEMA_VERSIONS.filter((s) => s.version <= fixture.version)) {
    old.version(step.version).stores(step.stores);
  }
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}
