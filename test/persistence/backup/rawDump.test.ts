// Before an upgrade of the database, its old form is read without upgrading it
// and kept as a snapshot that the import reads (format version 0).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dumpBeforeUpgrade } from '../../../renderer/src/persistence/backup/rawDump';
import { readBackup } from '../../../renderer/src/persistence/backup/validate';
import { ModeratoDb, openDatabase } from '../../../renderer/src/persistence/db';
import { installedSchemaVersion } from '../../../renderer/src/persistence/installedVersion';
import { CURRENT_SCHEMA_VERSION } from '../../../renderer/src/persistence/schema';
import { writeFixtureAtVersion } from '../dbHelpers';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/db-v1.json', import.meta.url), 'utf8')) as {
  version: number;
  tables: Record<string, unknown[]>;
};

describe('the snapshot before an upgrade', () => {
  it('reads a version-1 database as it is, leaves it un-upgraded, and imports as format 0', async () => {
    const name = `pre-upgrade-${Date.now()}`;
    await writeFixtureAtVersion(name, fixture);
    const dump = await dumpBeforeUpgrade(name);
    expect(dump?.schemaVersion).toBe(1);
    expect(await installedSchemaVersion(name)).toBe(1);
    const backup = await readBackup(new TextEncoder().encode(dump!.content));
    expect(backup.formatVersion).toBe(0);
    expect(backup.summary.workshops.map((w) => w.title)).toEqual(['KI-Strategie – Auftakt']);

    const db = new ModeratoDb(name);
    await openDatabase(db);
    expect(await installedSchemaVersion(name)).toBe(CURRENT_SCHEMA_VERSION);
    // Nothing left to upgrade: no second snapshot.
    db.close();
    expect(await dumpBeforeUpgrade(name)).toBeNull();
    await db.delete();
  });

  it('does nothing for a database that does not exist yet', async () => {
    expect(await dumpBeforeUpgrade(`missing-${Date.now()}`)).toBeNull();
  });
});
