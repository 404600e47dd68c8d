// A board's kept copy (boardCaches): read instead of the rows, and never different from them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNote, editNote } from '../../renderer/src/domain/boardCommands';
import type { BoardId } from '../../renderer/src/domain/ids';
import {
  type BoardCacheRow,
  forgetPendingCopies,
  jsonOf,
  putBoardCache,
  QUIET_MS,
  WRITES_KEY,
} from '../../renderer/src/persistence/boardCache';
import { ModeratoDb } from '../../renderer/src/persistence/db';
import { applyChanges, dumpAll, loadBoardContent } from '../../renderer/src/persistence/repository';
import { CURRENT_SCHEMA_VERSION } from '../../renderer/src/persistence/schema';
import { freshDb, seedTwoBoards, storedRows } from './dbHelpers';

let db: ModeratoDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  forgetPendingCopies();
  vi.useRealTimers();
  db.close();
  await db.delete();
});

/** A workshop with two boards ("A" with two cards, "B" with one). */
async function seed() {
  const seeded = await seedTwoBoards(db);
  for (const [board, text] of [
    [seeded.a, 'Eins'],
    [seeded.a, 'Zwei'],
    [seeded.b, 'Frage'],
  ] as const) {
    const content = (await loadBoardContent(db, board))!;
    await applyChanges(db, addNote(content, { columnId: content.columns[0]!.id, text, now: 2 }).changes);
  }
  return seeded;
}

const copyOf = (board: BoardId) => db.boardCaches.get(board);
const token = async () => ((await db.boardCaches.get(WRITES_KEY)) as { token: string } | undefined)?.token;
/** Keeps a copy of `board` made from its rows as they are now. */
const keep = async (board: BoardId) => {
  expect(await putBoardCache(db, board, await storedRows(db, board), (await token()) ?? null)).toBe(true);
};

describe('the kept copy of a board', () => {
  it('is read instead of the rows and gives the same board', async () => {
    const { a } = await seed();
    const fromRows = await loadBoardContent(db, a);
    await keep(a);
    expect(await copyOf(a)).toMatchObject({ id: a, schema: CURRENT_SCHEMA_VERSION });
    // Rows changed behind Dexie's back would show if the copy were not what is read.
    const raw = db.backendDB().transaction('notes', 'readwrite');
    raw.objectStore('notes').clear();
    await new Promise((resolve) => (raw.oncomplete = resolve));
    expect(await loadBoardContent(db, a)).toEqual(fromRows);
  });

  it('is made once the board has been left alone for a while after a fresh read', async () => {
    const { a } = await seed();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await loadBoardContent(db, a);
    await vi.advanceTimersByTimeAsync(QUIET_MS / 2);
    // Another fresh read starts the wait again.
    await loadBoardContent(db, a);
    await vi.advanceTimersByTimeAsync(QUIET_MS / 2 + 10);
    expect(await copyOf(a)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(QUIET_MS);
    await vi.waitFor(async () => expect(await copyOf(a)).toBeDefined());
    const fromCopy = await loadBoardContent(db, a);
    expect(fromCopy!.notes.map((n) => n.text)).toEqual(['Eins', 'Zwei']);
  });

  it('is gone after any write to any board’s rows, in this connection or another', async () => {
    const { a, b } = await seed();
    const other = new ModeratoDb(db.name);
    const writes: Array<[string, () => Promise<unknown>]> = [
      [
        'an edit (applyChanges)',
        async () => {
          const note = (await loadBoardContent(db, a))!.notes[0]!;
          await applyChanges(db, editNote(note, 'Eins, geändert', 3));
        },
      ],
      ['a put on another board', async () => db.notes.put({ ...(await db.notes.toArray())[0]!, boardId: b })],
      ['a bulk delete', async () => db.notes.bulkDelete([(await db.notes.toArray())[0]!.id])],
      ['a modify', () => db.columns.where('boardId').equals(a).modify({ title: 'Neu' })],
      ['an update of the board', () => db.boards.update(a, { title: 'A2' })],
      ['a clear', () => db.matrixRows.clear()],
      ['a write from another connection', () => other.clusters.put({ id: 'k', boardId: b } as never)],
    ];
    for (const [what, write] of writes) {
      await keep(a);
      await keep(b);
      const before = await token();
      await write();
      expect(await copyOf(a), what).toBeUndefined();
      expect(await copyOf(b), what).toBeUndefined();
      expect(await token(), what).not.toBe(before);
    }
    other.close();
  });

  it('stays after a write to other tables, and after a write that failed', async () => {
    const { a, workshopId } = await seed();
    await keep(a);
    await db.workshops.update(workshopId, { title: 'Anders' });
    expect(await copyOf(a)).toBeDefined();
    // The clearing belongs to the write's transaction: it fails with it.
    await expect(
      db.transaction('rw', db.notes, async () => {
        await db.notes.clear();
        throw new Error('abgebrochen');
      }),
    ).rejects.toThrow('abgebrochen');
    expect(await db.notes.count()).toBe(3);
    expect(await copyOf(a)).toBeDefined();
  });

  it('is not made when a write came between its read and its making', async () => {
    const { a } = await seed();
    const seen = (await token()) ?? null;
    const rows = await storedRows(db, a);
    await db.notes.update(rows.notes[0]!.id, { text: 'dazwischen' });
    expect(await putBoardCache(db, a, rows, seen)).toBe(false);
    expect(await copyOf(a)).toBeUndefined();
    // Read again, the board has the write, and its copy can be made.
    expect((await loadBoardContent(db, a))!.notes.map((n) => n.text)).toContain('dazwischen');
    await keep(a);
  });

  it('is not made from a fresh read that a write followed before its time came', async () => {
    const { a } = await seed();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const read = await loadBoardContent(db, a);
    await db.notes.update(read!.notes[0]!.id, { text: 'danach' });
    await vi.advanceTimersByTimeAsync(QUIET_MS * 2);
    expect(await copyOf(a)).toBeUndefined();
  });

  it('gives clusters and merged clusters’ cards as the rows do', async () => {
    const { a } = await seed();
    const [first, second] = await db.notes.where('boardId').equals(a).toArray();
    const cluster = (id: string, rank: string, absorbed?: unknown) => ({
      id,
      boardId: a,
      title: id,
      rank,
      collapsed: false,
      focusAreaAt: null,
      description: '',
      ...(absorbed ? { absorbed } : {}),
      createdAt: 1,
      updatedAt: 1,
    });
    // "k2" was merged into "k1": its card is still stored with "k2" and shows in "k1".
    await db.clusters.bulkPut([
      cluster('k1', 'a0', [{ id: 'k2', prefixes: ['a5'] }]),
      cluster('k3', 'a1'),
    ] as never);
    await db.notes.bulkPut([
      { ...first!, columnId: null, clusterId: 'k2' as never },
      { ...second!, columnId: null, clusterId: 'k3' as never },
    ]);
    const fromRows = await loadBoardContent(db, a);
    expect(fromRows!.notes.find((n) => n.id === first!.id)).toMatchObject({ clusterId: 'k1', merged: {} });
    await keep(a);
    expect(await loadBoardContent(db, a)).toEqual(fromRows);
  });

  it('is not used when made under another schema version', async () => {
    const { a } = await seed();
    const rows = await storedRows(db, a);
    const older: BoardCacheRow = {
      id: a,
      schema: CURRENT_SCHEMA_VERSION - 1,
      json: JSON.stringify({ ...rows, notes: [] }),
    };
    await db.boardCaches.put(older);
    expect((await loadBoardContent(db, a))!.notes).toHaveLength(2);
  });

  it('is neither read nor made inside a caller’s transaction, which sees its own writes', async () => {
    const { a } = await seed();
    const rows = await storedRows(db, a);
    // A copy that differs from the rows (planted past the guard): a read in a transaction must not use it.
    const planted: BoardCacheRow = {
      id: a,
      schema: CURRENT_SCHEMA_VERSION,
      json: JSON.stringify({ ...rows, notes: [] }),
    };
    await db.boardCaches.put(planted);
    const tables = [db.boards, db.columns, db.matrixRows, db.clusters, db.notes];
    const inside = await db.transaction('r', tables, () => loadBoardContent(db, a));
    expect(inside!.notes).toHaveLength(2);
    expect(await loadBoardContent(db, a)).toMatchObject({ notes: [] });
    await db.boardCaches.delete(a);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const texts = await db.transaction('rw', tables, async () => {
      const note = (await db.notes.where('boardId').equals(a).first())!;
      await db.notes.update(note.id, { text: 'im selben Schritt' });
      return (await loadBoardContent(db, a))!.notes.map((n) => n.text);
    });
    expect(texts).toContain('im selben Schritt');
    await vi.advanceTimersByTimeAsync(QUIET_MS * 2);
    expect(await copyOf(a)).toBeUndefined();
  });

  it('is kept only of rows that JSON gives back as they are', async () => {
    const { a } = await seed();
    const rows = await storedRows(db, a);
    const note = rows.notes[0]!;
    // A property set to undefined comes back missing, which reads the same.
    const json = jsonOf({ ...rows, notes: [{ ...note, authorId: undefined }] });
    expect(JSON.parse(json!)).toEqual({ ...rows, notes: [note] });
    for (const odd of [Number.NaN, Infinity, new Date(5), new Map(), Array<number>(3), () => 1, 10n]) {
      expect(jsonOf({ ...rows, notes: [{ ...note, facts: odd as never }] }), String(odd)).toBeNull();
    }
    const seen = (await token()) ?? null;
    expect(
      await putBoardCache(db, a, { ...rows, board: { ...rows.board, title: Number.NaN as never } }, seen),
    ).toBe(false);
    expect(await copyOf(a)).toBeUndefined();
  });

  it('is no data: dumps leave it out', async () => {
    const { a } = await seed();
    await keep(a);
    const dump = await dumpAll(db);
    expect(Object.keys(dump)).not.toContain('boardCaches');
    expect(dump.notes).toHaveLength(3);
  });

  it('is not made for a database closed meanwhile', async () => {
    const { a } = await seed();
    const rows = await storedRows(db, a);
    db.close();
    expect(await putBoardCache(db, a, rows, null)).toBe(false);
    await db.open();
    expect(await copyOf(a)).toBeUndefined();
  });
});
