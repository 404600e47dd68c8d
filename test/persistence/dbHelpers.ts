import Dexie from 'dexie';
import { expect } from 'vitest';
import type { BoardId, WorkshopId } from '../../renderer/src/domain/ids';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../renderer/src/domain/workshopCommands';
import type { StoredBoardRows } from '../../renderer/src/persistence/boardCache';
import { ModeratoDb } from '../../renderer/src/persistence/db';
import { applyChanges, listBoards, readBoardRows } from '../../renderer/src/persistence/repository';
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

/** A board's rows as stored, as loadBoardContent reads them (for a kept copy). */
export async function storedRows(db: ModeratoDb, boardId: BoardId): Promise<StoredBoardRows> {
  return (await readBoardRows(db, boardId))!;
}

/** A workshop with two boards ("A", "B"), each with one column. */
export async function seedTwoBoards(
  db: ModeratoDb,
): Promise<{ a: BoardId; b: BoardId; workshopId: WorkshopId }> {
  const created = createWorkshop({
    fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'Strategie' },
    template: {
      boards: [
        { title: 'A', phase: null, columns: ['Ideen'] },
        { title: 'B', phase: null, columns: ['Fragen'] },
      ],
      agenda: [],
    },
    sessionTitle: 'Sitzung 1',
    now: 1,
  });
  await applyChanges(db, created.changes);
  const [a, b] = await listBoards(db, created.workshop.id);
  return { a: a!.id, b: b!.id, workshopId: created.workshop.id };
}

/** Every fixture table's rows are stored as they were (in any order). */
export async function expectRowsUnchanged(db: ModeratoDb, tables: Record<string, unknown[]>): Promise<void> {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  for (const [table, rows] of Object.entries(tables)) {
    const stored = (await db.table(table).toArray()) as Array<{ id: string }>;
    expect([...stored].sort(byId), table).toEqual([...(rows as Array<{ id: string }>)].sort(byId));
  }
}
