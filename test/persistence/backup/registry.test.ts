import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT_VERSION } from '../../../renderer/src/persistence/backup/format';
import { MIGRATIONS, migrateTables } from '../../../renderer/src/persistence/backup/migrations';
import { BACKUP_TABLES, BACKUP_TABLE_NAMES } from '../../../renderer/src/persistence/backup/backupTables';
import { readBackup } from '../../../renderer/src/persistence/backup/validate';
import { DERIVED_TABLES, SCHEMA_VERSIONS } from '../../../renderer/src/persistence/schema';

/** Tables of the newest Dexie schema (a table declared null is deleted). */
function dexieTables(): Map<string, string> {
  const stores = new Map<string, string>();
  for (const { stores: declared } of SCHEMA_VERSIONS) {
    for (const [name, spec] of Object.entries(declared)) {
      if (spec === null) stores.delete(name);
      else stores.set(name, spec);
    }
  }
  return stores;
}

describe('the backup registry', () => {
  it('has a row schema for every Dexie table of data, and no other', () => {
    // A new table without an entry in backupTables.ts would be left out of every backup.
    // Derived tables (a board's kept copy) are no data: a backup leaves them out.
    const data = [...dexieTables().keys()].filter((name) => !DERIVED_TABLES.has(name));
    expect([...BACKUP_TABLE_NAMES].sort()).toEqual(data.sort());
    expect(DERIVED_TABLES.size).toBeGreaterThan(0);
    for (const name of DERIVED_TABLES) expect(dexieTables().has(name)).toBe(true);
  });

  it('lists each table after the tables it points into', () => {
    const seen = new Set<string>();
    for (const [name, spec] of BACKUP_TABLES) {
      // A table may point into itself (a copied card points at its original).
      const targets = [spec.parent?.table, ...spec.refs.map((r) => r.table)].filter(
        (target) => target && target !== name,
      );
      for (const target of targets) expect(seen.has(target!), `${name} → ${target}`).toBe(true);
      seen.add(name);
    }
    expect(BACKUP_TABLES[0]![1].parent).toBeNull();
  });

  it('ties every table but the workshops into a tree through an indexed field', () => {
    const stores = dexieTables();
    for (const [name, spec] of BACKUP_TABLES.slice(1)) {
      expect(spec.parent, name).not.toBeNull();
      const indexes = stores
        .get(name)!
        .split(',')
        .map((part) => part.trim());
      // readTrees looks children up by this field: without an index it would fail.
      expect(indexes, name).toContain(spec.parent!.field);
    }
  });

  it('has a migration step for every older format version', () => {
    expect(MIGRATIONS).toHaveLength(BACKUP_FORMAT_VERSION);
    expect(() => migrateTables({}, -1)).toThrow();
  });
});

describe('format version 0: the raw dump the crash screen wrote', () => {
  it('imports, with the fields that came later filled in', async () => {
    const bytes = readFileSync(new URL('../../fixtures/backups/raw-dump-v1.json', import.meta.url));
    const backup = await readBackup(new Uint8Array(bytes));
    expect(backup.formatVersion).toBe(0);
    expect(backup.summary.workshops.map((w) => w.title)).toEqual(['KI-Strategie – Auftakt']);
    expect(backup.tables.workshops![0]).toMatchObject({
      facilitators: '',
      minuteTaker: '',
      place: 'Rathaus',
    });
    expect(backup.tables.boards![0]).toMatchObject({ phase: null, title: 'Pinnwand' });
    expect(backup.tables.notes!.map((n) => n.text)).toEqual([
      'Anträge digital annehmen',
      'Łódź und Ağrı: Namen mit Sonderzeichen',
    ]);
  });

  it('keeps values that are already there and leaves bad rows to the schemas', () => {
    const migrated = migrateTables(
      { workshops: [{ id: 'w', facilitators: 'Jörg' }, 7 as never], boards: [] },
      0,
    );
    expect(migrated.workshops).toEqual([{ id: 'w', facilitators: 'Jörg', minuteTaker: '' }, 7]);
  });
});
