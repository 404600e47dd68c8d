import { afterEach, describe, expect, it } from 'vitest';
import { addNote, moveNote } from '../../renderer/src/domain/boardCommands';
import type { Change } from '../../renderer/src/domain/changes';
import { invertChanges } from '../../renderer/src/domain/changes';
import { purgeWorkshop } from '../../renderer/src/domain/purge';
import {
  binWorkshop,
  createWorkshop,
  EMPTY_WORKSHOP_FIELDS,
} from '../../renderer/src/domain/workshopCommands';
import type { ModeratoDb } from '../../renderer/src/persistence/db';
import {
  applyChanges,
  dumpAll,
  listBoards,
  listWorkshops,
  loadBoardContent,
  loadWorkshopTree,
} from '../../renderer/src/persistence/repository';
import { freshDb } from './dbHelpers';

let db: ModeratoDb;
afterEach(async () => {
  await db?.delete();
});

async function seed() {
  db = freshDb();
  const created = createWorkshop({
    fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'Größenwahn & Übermut', date: '2027-03-24' },
    template: { boards: [{ title: 'Pinnwand', phase: null, columns: ['Ideen', 'Fragen'] }], agenda: [] },
    sessionTitle: 'Sitzung 1',
    now: 100,
  });
  await applyChanges(db, created.changes);
  const [board] = await listBoards(db, created.workshop.id);
  const content = (await loadBoardContent(db, board!.id))!;
  return { workshop: created.workshop, content };
}

describe('repository', () => {
  it('writes a new workshop with its board and columns, and reads them back in order', async () => {
    const { workshop, content } = await seed();
    expect(await listWorkshops(db)).toEqual([workshop]);
    expect(content.columns.map((c) => c.title)).toEqual(['Ideen', 'Fragen']);
    expect(content.notes).toEqual([]);
  });

  it('applies a move as one row and undoes it exactly', async () => {
    const { content } = await seed();
    const [ideen, fragen] = content.columns;
    await applyChanges(db, addNote(content, { columnId: ideen!.id, text: 'Łódź', now: 1 }).changes);
    const withNote = (await loadBoardContent(db, content.board.id))!;
    const move = moveNote(withNote, withNote.notes[0]!.id, fragen!.id, 0, 2);
    await applyChanges(db, move);
    expect((await db.notes.toArray())[0]!.columnId).toBe(fragen!.id);
    await applyChanges(db, invertChanges(move));
    expect(await db.notes.toArray()).toEqual(withNote.notes);
  });

  it('writes all changes of a command or none (one transaction)', async () => {
    const { content } = await seed();
    const before = await dumpAll(db);
    const good = addNote(content, { columnId: content.columns[0]!.id, text: 'bleibt nicht', now: 1 }).changes;
    // A row without a primary key makes the second write fail inside the transaction.
    const broken = { table: 'columns', after: { title: 'kaputt' } } as unknown as Change;
    await expect(applyChanges(db, [...good, broken])).rejects.toThrow();
    expect(await dumpAll(db)).toEqual(before);
  });

  it('keeps a binned workshop and everything on it', async () => {
    const { workshop, content } = await seed();
    await applyChanges(db, binWorkshop(workshop, 200));
    const [binned] = await listWorkshops(db);
    expect(binned!.deletedAt).toBe(200);
    const tree = await loadWorkshopTree(db, workshop.id);
    expect(tree.boards.map((b) => b.id)).toEqual([content.board.id]);
    expect(tree.columns).toHaveLength(2);
  });

  it('purging a workshop leaves nothing of it behind, not even participants’ names', async () => {
    const { workshop } = await seed();
    await db.participants.add({
      id: 'p1' as never,
      workshopId: workshop.id,
      name: 'Şükrü Öztürk',
      unit: 'Ref. 12',
      role: '',
      createdAt: 1,
    });
    await applyChanges(db, purgeWorkshop(workshop, await loadWorkshopTree(db, workshop.id)));
    const left = await dumpAll(db);
    expect(Object.entries(left).filter(([, rows]) => rows.length > 0)).toEqual([]);
  });

  it('returns undefined for a board that does not exist', async () => {
    await seed();
    expect(await loadBoardContent(db, 'missing' as never)).toBeUndefined();
  });
});
