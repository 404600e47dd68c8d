// rowsWhereAnyOf: Dexie's anyOf without its cursor, same rows in the same order.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ModeratoDb } from '../../renderer/src/persistence/db';
import { rowsWhereAnyOf } from '../../renderer/src/persistence/queries';
import { freshDb } from './dbHelpers';

let db: ModeratoDb;
beforeEach(async () => {
  db = freshDb();
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

it('returns what anyOf returns, in the same order, each row once however often its value is asked for', async () => {
  const rows = ['b2', 'b1', 'b3', 'b2', 'b1', 'b9'].map((boardId, i) => ({
    id: `n${(7 * i) % 10}`,
    boardId,
    text: `Karte ${i}`,
  }));
  await db.notes.bulkPut(rows as never);
  const asked = ['b2', 'b1', 'b2', 'b4'];
  const viaCursor = await db.notes.where('boardId').anyOf(asked).toArray();
  const viaGetAll = await rowsWhereAnyOf(db.notes, 'boardId', asked);
  expect(viaGetAll).toEqual(viaCursor);
  expect(viaGetAll.map((n) => n.id)).toEqual(['n7', 'n8', 'n0', 'n1']);
  expect(await rowsWhereAnyOf(db.notes, 'boardId', [])).toEqual([]);
});
