import Dexie from 'dexie';
import type { BoardId } from '../../renderer/src/domain/ids';
import type { StoredBoardRows } from '../../renderer/src/persistence/boardCache';
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

/** A board's rows as stored, as loadBoardContent reads them (for a kept copy). */
export async function storedRows(db: ModeratoDb, boardId: BoardId): Promise<StoredBoardRows> {
  const [board, columns, rows, clusters, notes] = await Promise.all([
    db.boards.get(boardId),
    db.columns.where('boardId').equals(boardId).toArray(),
    db.matrixRows.where('boardId').equals(boardId).toArray(),
    db.clusters.where('boardId').equals(boardId).toArray(),
    db.notes.where('boardId').equals(boardId).toArray(),
  ]);
  return { board: board!, columns, rows, clusters, notes };
}
