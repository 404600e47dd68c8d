// The board's live query without Dexie's key-by-key tracking: watchedQuery + boardTouched.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNote, editNote, moveNote } from '../../renderer/src/domain/boardCommands';
import type { BoardId } from '../../renderer/src/domain/ids';
import type { TraceData } from '../../renderer/src/domain/trace';
import type { BoardContent } from '../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../renderer/src/domain/workshopCommands';
import { ModeratoDb } from '../../renderer/src/persistence/db';
import { loadTraceData, traceReads, traceTouched } from '../../renderer/src/persistence/ideaHooks';
import {
  applyChanges,
  boardReads,
  boardTouched,
  listBoards,
  loadBoardContent,
} from '../../renderer/src/persistence/repository';
import { putBoardCache, WRITES_KEY } from '../../renderer/src/persistence/boardCache';
import { holdsAny, watchedQuery, type IndexRead } from '../../renderer/src/persistence/watchedQuery';
import { freshDb, seedTwoBoards, storedRows } from './dbHelpers';

let db: ModeratoDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const seed = () => seedTwoBoards(db);

const load = async (id: BoardId) => (await loadBoardContent(db, id))!;

/** Watches a board as the app does; collects what it is told and counts its reads. */
function watch(boardId: BoardId, gate?: () => Promise<void>) {
  const values: BoardContent[] = [];
  const errors: unknown[] = [];
  let reads = 0;
  const subscription = watchedQuery(
    async () => {
      reads += 1;
      const content = await loadBoardContent(db, boardId);
      // Held after reading: what was read is older than a write made meanwhile.
      if (gate) await gate();
      return { content };
    },
    ({ content }, parts) => boardTouched(db.name, boardId, content, parts),
  ).subscribe({
    next: ({ content }) => values.push(content as BoardContent),
    error: (error) => errors.push(error),
  });
  return {
    values,
    errors,
    reads: () => reads,
    last: () => values.at(-1)!,
    texts: () => values.at(-1)!.notes.map((n) => n.text),
    stop: () => subscription.unsubscribe(),
  };
}

/** Lets pending reads and events run (fake-indexeddb answers on timers). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('watchedQuery with boardTouched', () => {
  it('tells the board, then the board again after each write to its cards: added, edited, deleted', async () => {
    const { a } = await seed();
    const w = watch(a);
    await vi.waitFor(() => expect(w.values).toHaveLength(1));
    expect(w.texts()).toEqual([]);

    const column = w.last().columns[0]!.id;
    const { note, changes } = addNote(w.last(), { columnId: column, text: 'Akten digital', now: 2 });
    await applyChanges(db, changes);
    await vi.waitFor(() => expect(w.texts()).toEqual(['Akten digital']));

    await applyChanges(db, editNote(note, 'E-Akte', 3));
    await vi.waitFor(() => expect(w.texts()).toEqual(['E-Akte']));

    await applyChanges(db, [{ table: 'notes', before: w.last().notes[0]! }]);
    await vi.waitFor(() => expect(w.texts()).toEqual([]));
    expect(w.errors).toEqual([]);
    w.stop();
  });

  it('does not read again for a write to another board', async () => {
    const { a, b } = await seed();
    const w = watch(a);
    await vi.waitFor(() => expect(w.values).toHaveLength(1));
    const other = await load(b);
    await applyChanges(
      db,
      addNote(other, { columnId: other.columns[0]!.id, text: 'anderswo', now: 2 }).changes,
    );
    await settle();
    expect(w.reads()).toBe(1);
    expect(w.values).toHaveLength(1);
    w.stop();
  });

  it('follows the board row itself and its columns', async () => {
    const { a } = await seed();
    const w = watch(a);
    await vi.waitFor(() => expect(w.values).toHaveLength(1));
    const board = w.last().board;
    await applyChanges(db, [{ table: 'boards', before: board, after: { ...board, title: 'A neu' } }]);
    await vi.waitFor(() => expect(w.last().board.title).toBe('A neu'));
    const column = w.last().columns[0]!;
    await applyChanges(db, [{ table: 'columns', before: column, after: { ...column, title: 'Ideen neu' } }]);
    await vi.waitFor(() => expect(w.last().columns[0]!.title).toBe('Ideen neu'));
    w.stop();
  });

  it('sees a card move from one board to another on both', async () => {
    const { a, b } = await seed();
    const contentA = await load(a);
    const { note } = addNote(contentA, { columnId: contentA.columns[0]!.id, text: 'wandert', now: 2 });
    await applyChanges(db, [{ table: 'notes', after: note }]);
    const wa = watch(a);
    const wb = watch(b);
    await vi.waitFor(() => expect(wa.texts()).toEqual(['wandert']));
    await vi.waitFor(() => expect(wb.values).toHaveLength(1));
    const contentB = await load(b);
    // Not a command of the app (cards are copied between boards), but a row may change its board.
    await applyChanges(db, [
      {
        table: 'notes',
        before: note,
        after: { ...note, boardId: contentB.board.id, columnId: contentB.columns[0]!.id },
      },
    ]);
    await vi.waitFor(() => expect(wa.texts()).toEqual([]));
    await vi.waitFor(() => expect(wb.texts()).toEqual(['wandert']));
    wa.stop();
    wb.stop();
  });

  it('reads again, and tells only the newer result, when a write came while it was reading', async () => {
    const { a } = await seed();
    const before = await load(a);
    let open: () => void = () => undefined;
    const gate = vi.fn(() =>
      gate.mock.calls.length === 1 ? new Promise<void>((r) => (open = r)) : Promise.resolve(),
    );
    const w = watch(a, gate);
    await vi.waitFor(() => expect(gate).toHaveBeenCalledTimes(1));
    // The first read is done (without the card) but not yet told: the card is written now.
    await applyChanges(
      db,
      addNote(before, { columnId: before.columns[0]!.id, text: 'dazwischen', now: 2 }).changes,
    );
    open();
    await vi.waitFor(() => expect(w.values).toHaveLength(1));
    expect(w.reads()).toBe(2);
    expect(w.texts()).toEqual(['dazwischen']);
    w.stop();
  });

  it('reads again after a bulk write (Dexie describes 50 rows and more as a whole range)', async () => {
    const { a } = await seed();
    const w = watch(a);
    await vi.waitFor(() => expect(w.values).toHaveLength(1));
    let content = w.last();
    const changes = [];
    for (let i = 0; i < 60; i += 1) {
      const added = addNote(content, { columnId: content.columns[0]!.id, text: `Karte ${i}`, now: 2 });
      changes.push(...added.changes);
      content = { ...content, notes: [...content.notes, added.note] };
    }
    await applyChanges(db, changes);
    await vi.waitFor(() => expect(w.last().notes).toHaveLength(60));
    w.stop();
  });

  it('sees a board that did not exist yet when it is made, and a cluster added to it', async () => {
    const { a } = await seed();
    const board = (await load(a)).board;
    await applyChanges(db, [{ table: 'boards', before: board }]);
    const values: Array<BoardContent | undefined> = [];
    const subscription = watchedQuery(
      async () => ({ content: await loadBoardContent(db, a) }),
      ({ content }, parts) => boardTouched(db.name, a, content, parts),
    ).subscribe({ next: ({ content }) => values.push(content), error: (e) => expect.fail(String(e)) });
    await vi.waitFor(() => expect(values).toEqual([undefined]));
    await applyChanges(db, [{ table: 'boards', after: board }]);
    await vi.waitFor(() => expect(values.at(-1)?.board.id).toBe(a));
    const cluster = { id: 'c1', boardId: a, title: 'Neu', rank: 'a0' };
    await applyChanges(db, [{ table: 'clusters', after: cluster as never }]);
    await vi.waitFor(() => expect(values.at(-1)?.clusters.map((c) => c.title)).toEqual(['Neu']));
    subscription.unsubscribe();
  });

  it('reorders within the board (a move writes one row) and stops when unsubscribed', async () => {
    const { a } = await seed();
    let content = await load(a);
    const column = content.columns[0]!.id;
    for (const text of ['eins', 'zwei']) {
      await applyChanges(db, addNote(content, { columnId: column, text, now: 2 }).changes);
      content = await load(a);
    }
    const w = watch(a);
    await vi.waitFor(() => expect(w.texts()).toEqual(['eins', 'zwei']));
    await applyChanges(db, moveNote(w.last(), w.last().notes[1]!.id, column, 0, 3));
    await vi.waitFor(() => expect(w.texts()).toEqual(['zwei', 'eins']));
    w.stop();
    const reads = w.reads();
    await applyChanges(db, editNote(w.last().notes[0]!, 'nach dem Ende', 4));
    await settle();
    expect(w.reads()).toBe(reads);
  });

  it("also takes useObservable's form (next, error) and holds no value of its own", async () => {
    const watched = watchedQuery(
      () => Promise.resolve(42),
      () => false,
    );
    expect(watched.hasValue()).toBe(false);
    const seen: number[] = [];
    const subscription = watched.subscribe((value) => seen.push(value));
    await vi.waitFor(() => expect(seen).toEqual([42]));
    subscription.unsubscribe();
  });

  it('tells an error, and reads again on the next write that touches it', async () => {
    const { a } = await seed();
    let fail = true;
    const errors: unknown[] = [];
    const values: BoardContent[] = [];
    const subscription = watchedQuery(
      async () => {
        if (fail) throw new Error('kaputt');
        return (await loadBoardContent(db, a))!;
      },
      (content, parts) => boardTouched(db.name, a, content, parts),
    ).subscribe({ next: (content) => values.push(content), error: (error) => errors.push(error) });
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect((errors[0] as Error).message).toBe('kaputt');
    fail = false;
    const board = (await load(a)).board;
    await applyChanges(db, [{ table: 'boards', before: board, after: { ...board, title: 'wieder da' } }]);
    await vi.waitFor(() => expect(values.at(-1)?.board.title).toBe('wieder da'));
    subscription.unsubscribe();
  });

  it('does not tell a closed database (as liveQuery), and a test that throws counts as touched', async () => {
    const closedError = Object.assign(new Error('closed'), { name: 'DatabaseClosedError' });
    const errors: unknown[] = [];
    const quiet = watchedQuery(
      () => Promise.reject(closedError),
      () => false,
    ).subscribe({ next: () => undefined, error: (error) => errors.push(error) });
    await settle();
    expect(errors).toEqual([]);
    quiet.unsubscribe();

    const { a } = await seed();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let reads = 0;
    const throwing = watchedQuery(
      async () => {
        reads += 1;
        return loadBoardContent(db, a);
      },
      () => {
        throw new Error('Test kaputt');
      },
    ).subscribe({ next: () => undefined, error: (error) => errors.push(error) });
    await vi.waitFor(() => expect(reads).toBe(1));
    await applyChanges(db, [{ table: 'workshops', after: { id: 'x', title: 'egal' } as never }]);
    await vi.waitFor(() => expect(reads).toBe(2));
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    throwing.unsubscribe();
  });
});

describe('watchedQuery with traceTouched', () => {
  it("follows the cards of all the workshop's boards, and not another workshop's", async () => {
    const { a, b } = await seed();
    const workshopId = (await load(a)).board.workshopId;
    const other = createWorkshop({
      fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'Anderer' },
      template: { boards: [{ title: 'C', phase: null, columns: ['X'] }], agenda: [] },
      sessionTitle: 'Sitzung 1',
      now: 1,
    });
    await applyChanges(db, other.changes);
    const values: TraceData[] = [];
    let reads = 0;
    const subscription = watchedQuery(
      () => {
        reads += 1;
        return loadTraceData(db, workshopId);
      },
      (data, parts) => traceTouched(db.name, workshopId, data, parts),
    ).subscribe({ next: (data) => values.push(data), error: (error) => expect.fail(String(error)) });
    await vi.waitFor(() => expect(values).toHaveLength(1));

    const c = await load((await listBoards(db, other.workshop.id))[0]!.id);
    await applyChanges(db, addNote(c, { columnId: c.columns[0]!.id, text: 'fremd', now: 2 }).changes);
    await settle();
    expect(reads).toBe(1);

    const contentB = await load(b);
    await applyChanges(
      db,
      addNote(contentB, { columnId: contentB.columns[0]!.id, text: 'auf B', now: 3 }).changes,
    );
    await vi.waitFor(() => expect(values.at(-1)!.notes.map((n) => n.text)).toEqual(['auf B']));
    subscription.unsubscribe();
  });
});

/**
 * Records the requests a database is asked for, as "table/index=key" ('' is the
 * primary key), through a DBCore middleware: what a loader really reads.
 */
function recordReads(target: ModeratoDb): Set<string> {
  const seen = new Set<string>();
  target.use({
    stack: 'dbcore',
    name: 'read-recorder',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const note = (index: { isPrimaryKey?: boolean; name: string | null }, key: unknown) =>
          seen.add(`${name}/${index.isPrimaryKey ? '' : (index.name ?? '')}=${String(key)}`);
        return {
          ...table,
          get: (req) => {
            note({ isPrimaryKey: true, name: '' }, req.key);
            return table.get(req);
          },
          getMany: (req) => {
            for (const key of req.keys) note({ isPrimaryKey: true, name: '' }, key);
            return table.getMany(req);
          },
          query: (req) => {
            note(req.query.index, req.query.range.lower);
            return table.query(req);
          },
          openCursor: (req) => {
            note(req.query.index, req.query.range.lower);
            return table.openCursor(req);
          },
          count: (req) => {
            note(req.query.index, req.query.range.lower);
            return table.count(req);
          },
        };
      },
    }),
  });
  return seen;
}

const listed = (reads: readonly IndexRead[]) =>
  new Set(reads.flatMap((read) => read.keys.map((key) => `${read.table}/${read.index}=${key}`)));

describe('the read lists behind boardTouched and traceTouched', () => {
  it('name exactly the requests loadBoardContent and loadTraceData make', async () => {
    const { a } = await seed();
    const workshopId = (await load(a)).board.workshopId;
    db.close();
    const recording = new ModeratoDb(db.name);
    const seen = recordReads(recording);
    await recording.open();

    // The board's kept copy is not followed: it changes only with its rows (cleared by the
    // same write) or to hold what they hold (boardCache.ts).
    const rowReads = () => new Set([...seen].filter((read) => !read.startsWith('boardCaches/')));
    const content = await loadBoardContent(recording, a);
    expect(seen).toContain('boardCaches/=' + a);
    expect(rowReads()).toEqual(listed(boardReads(a, content)));

    // Read from the copy, the board reads no row, and the lists still name the rows it stands for.
    const mark = (await recording.boardCaches.get(WRITES_KEY)) as { token: string };
    expect(await putBoardCache(recording, a, await storedRows(recording, a), mark.token)).toBe(true);
    seen.clear();
    expect(await loadBoardContent(recording, a)).toEqual(content);
    expect(rowReads()).toEqual(new Set());

    seen.clear();
    const data = await loadTraceData(recording, workshopId);
    expect(seen).toEqual(listed(traceReads(workshopId, data)));
    recording.close();
    await db.open();
  });
});

describe('holdsAny', () => {
  it('finds single keys in the tree and counts a wider range as a hit', () => {
    const single = { from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 }, r: null };
    expect(holdsAny(single, (key) => key === 'a')).toBe(true);
    expect(holdsAny(single, (key) => key === 'c')).toBe(false);
    expect(holdsAny({ d: 0 }, () => true)).toBe(false);
    expect(holdsAny(undefined, () => true)).toBe(false);
    expect(holdsAny({ from: 'a', to: 'z', d: 1 }, () => false)).toBe(true);
  });
});
