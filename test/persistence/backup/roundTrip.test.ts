// Property: whatever workshops exist, export → file → import gives them back
// exactly (as a restore), or as an equal copy under fresh ids.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_STATUSES, NOTE_COLORS, PHASES } from '../../../renderer/src/domain/types';
import { LIMITS } from '../../../renderer/src/domain/validation';
import { createBackup, exportBackupText } from '../../../renderer/src/persistence/backup/exportBackup';
import { serializeBackup } from '../../../renderer/src/persistence/backup/format';
import { importBackupBytes } from '../../../renderer/src/persistence/backup/importBackup';
import { BACKUP_TABLE_NAMES } from '../../../renderer/src/persistence/backup/rowSchemas';
import { readBackup } from '../../../renderer/src/persistence/backup/validate';
import type { ModeratoDb } from '../../../renderer/src/persistence/db';
import { dumpAll } from '../../../renderer/src/persistence/repository';
import { freshDb } from '../dbHelpers';
import { utf8 } from './sample';

const dbs: ModeratoDb[] = [];
function db(): ModeratoDb {
  const made = freshDb();
  dbs.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

const text = (max: number, min = 0) => fc.string({ unit: 'binary', minLength: min, maxLength: max });
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
const rank = fc.stringMatching(/^[0-9A-Za-z]{1,12}$/);
const date = fc.oneof(
  fc.constant(''),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

/** Workshops with everything that hangs off them (every registry table), all references holding. */
const workshopTrees = fc
  .array(
    fc.record({
      workshop: fc.record({
        title: text(LIMITS.workshopTitle, 1),
        date,
        place: text(LIMITS.shortText),
        organisation: text(LIMITS.shortText),
        facilitators: text(LIMITS.shortText),
        minuteTaker: text(LIMITS.shortText),
        createdAt: time,
        updatedAt: time,
        deletedAt: fc.option(time, { nil: null }),
      }),
      boards: fc.array(
        fc.record({
          title: text(LIMITS.boardTitle, 1),
          phase: fc.option(fc.constantFrom(...PHASES), { nil: null }),
          rank,
          createdAt: time,
          columns: fc.array(
            fc.record({
              title: text(LIMITS.columnTitle, 1),
              rank,
              notes: fc.array(
                fc.record({
                  text: text(300),
                  color: fc.constantFrom(...NOTE_COLORS),
                  rank,
                  createdAt: time,
                  updatedAt: time,
                }),
                { maxLength: 4 },
              ),
            }),
            { maxLength: 3 },
          ),
        }),
        { maxLength: 3 },
      ),
      participants: fc.array(
        fc.record({ name: text(120, 1), unit: text(200), role: text(100), createdAt: time }),
        { maxLength: 3 },
      ),
      sessions: fc.array(
        fc.record({
          title: text(LIMITS.shortText, 1),
          date,
          startTime: fc.oneof(fc.constant(''), fc.stringMatching(/^([01]\d|2[0-3]):[0-5]\d$/)),
          place: text(LIMITS.shortText),
          rank,
          items: fc.array(
            fc.record({
              title: text(LIMITS.shortText, 1),
              board: fc.option(fc.nat(), { nil: null }),
              plannedMinutes: fc.integer({ min: 1, max: 600 }),
              facilitatorNotes: text(300),
              rank,
              elapsedMs: time,
              runningSince: fc.option(time, { nil: null }),
              extraMinutes: fc.integer({ min: 0, max: 240 }),
            }),
            { maxLength: 3 },
          ),
        }),
        { maxLength: 2 },
      ),
      decisions: fc.array(
        fc.record({
          text: text(300, 1),
          date,
          item: fc.option(fc.nat(), { nil: null }),
          votingRoundId: fc.option(fc.uuid(), { nil: null }),
          createdAt: time,
          updatedAt: time,
        }),
        { maxLength: 2 },
      ),
      actionItems: fc.array(
        fc.record({
          owner: text(120),
          task: text(300, 1),
          due: date,
          status: fc.constantFrom(...ACTION_STATUSES),
          createdAt: time,
          updatedAt: time,
        }),
        { maxLength: 2 },
      ),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((trees) => {
    const tables = Object.fromEntries(BACKUP_TABLE_NAMES.map((name) => [name, [] as object[]]));
    const add = (table: string, row: object) => tables[table]!.push(row);
    let n = 0;
    const id = () => `id-${(n += 1)}`;
    /** One of `ids` picked by a generated number, or null. */
    const pick = (ids: string[], index: number | null) =>
      index === null || ids.length === 0 ? null : ids[index % ids.length]!;
    for (const tree of trees) {
      const workshopId = id();
      add('workshops', { id: workshopId, ...tree.workshop });
      const boardIds: string[] = [];
      for (const { columns, ...board } of tree.boards) {
        const boardId = id();
        boardIds.push(boardId);
        add('boards', { id: boardId, workshopId, ...board });
        for (const { notes, ...column } of columns) {
          const columnId = id();
          add('columns', { id: columnId, boardId, ...column });
          for (const note of notes) add('notes', { id: id(), boardId, columnId, ...note });
        }
      }
      for (const participant of tree.participants)
        add('participants', { id: id(), workshopId, ...participant });
      const itemIds: string[] = [];
      for (const { items, ...session } of tree.sessions) {
        const sessionId = id();
        add('sessions', { id: sessionId, workshopId, ...session });
        for (const { board, ...item } of items) {
          const itemId = id();
          itemIds.push(itemId);
          add('agendaItems', { id: itemId, workshopId, sessionId, boardId: pick(boardIds, board), ...item });
        }
      }
      for (const { item, ...decision } of tree.decisions) {
        add('decisions', { id: id(), workshopId, agendaItemId: pick(itemIds, item), ...decision });
      }
      for (const action of tree.actionItems) add('actionItems', { id: id(), workshopId, ...action });
    }
    return tables;
  });

async function fill(target: ModeratoDb, tables: Record<string, object[]>): Promise<void> {
  await target.transaction('rw', target.tables, async () => {
    for (const [name, rows] of Object.entries(tables)) await target.table(name).bulkAdd(rows);
  });
}

/** Every table's rows, sorted by id. */
async function contents(target: ModeratoDb): Promise<Record<string, unknown[]>> {
  const all = await dumpAll(target);
  return Object.fromEntries(
    BACKUP_TABLE_NAMES.map((name) => [
      name,
      [...(all[name] as Array<{ id: string }>)].sort((a, b) => (a.id < b.id ? -1 : 1)),
    ]),
  );
}

const options = { appVersion: '0.1.0', now: new Date('2027-03-24T16:00:00Z') };

describe('backup round trip', () => {
  it('export → import into an empty database restores everything exactly', async () => {
    await fc.assert(
      fc.asyncProperty(workshopTrees, async (tables) => {
        const source = db();
        await fill(source, tables);
        const file = await exportBackupText(source, options);
        const target = db();
        const { workshopIds } = await importBackupBytes(target, utf8(file), 'replace');
        expect(workshopIds.sort()).toEqual(tables.workshops!.map((w) => (w as { id: string }).id).sort());
        expect(await contents(target)).toEqual(await contents(source));
      }),
      { numRuns: 25 },
    );
  });

  it('one workshop exported and imported as a copy equals the original but for its ids', async () => {
    await fc.assert(
      fc.asyncProperty(workshopTrees, async (tables) => {
        const source = db();
        await fill(source, tables);
        const first = tables.workshops![0] as { id: string };
        const file = await exportBackupText(source, { ...options, workshopId: first.id });
        const before = await contents(source);
        const { workshopIds } = await importBackupBytes(source, utf8(file), 'new');
        expect(workshopIds).toHaveLength(1);
        expect(workshopIds[0]).not.toBe(first.id);
        // The copy is the original under fresh ids: exported again, it has the same content.
        const original = await createBackup(source, { ...options, workshopId: first.id });
        const copy = await createBackup(source, { ...options, workshopId: workshopIds[0]! });
        const strip = (t: Record<string, Array<Record<string, unknown>>>) =>
          Object.fromEntries(
            Object.entries(t).map(([name, rows]) => [
              name,
              rows
                .map(
                  ({
                    id: _i,
                    workshopId: _w,
                    boardId: _b,
                    columnId: _c,
                    sessionId: _s,
                    agendaItemId: _a,
                    ...rest
                  }) => rest,
                )
                .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
            ]),
          );
        expect(strip(copy.tables)).toEqual(strip(original.tables));
        // Its fresh ids hang together: exported again, the copy passes every check of the import.
        await expect(readBackup(utf8(serializeBackup(copy)))).resolves.toBeTruthy();
        // And nothing that was there changed.
        const after = await contents(source);
        for (const [name, rows] of Object.entries(before))
          expect(after[name]).toEqual(expect.arrayContaining(rows));
      }),
      { numRuns: 15 },
    );
  });
});
