import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ModeratoDb, openDatabase } from '../../renderer/src/persistence/db';
import { loadBoardContent, listWorkshops } from '../../renderer/src/persistence/repository';
import {
  CURRENT_SCHEMA_VERSION,
  SCHEMA_VERSIONS,
  versionsToDeclare,
} from '../../renderer/src/persistence/schema';
import { expectRowsUnchanged, writeFixtureAtVersion } from './dbHelpers';

const fixtureFor = (version: number) =>
  JSON.parse(readFileSync(new URL(`../fixtures/db-v${version}.json`, import.meta.url), 'utf8')) as {
    version: number;
    tables: Record<string, unknown[]>;
  };

/**
 * Each upgrade is tested from a fixture of the version before it. This list
 * must name every version that has an upgrade, so a new migration cannot land
 * untested.
 */
const TESTED_UPGRADES: number[] = [2, 3];

let db: ModeratoDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('schema versions', () => {
  it('are declared in increasing order, starting at 1', () => {
    const versions = SCHEMA_VERSIONS.map((s) => s.version);
    expect(versions[0]).toBe(1);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('every version with an upgrade has a fixture test', () => {
    const withUpgrade = SCHEMA_VERSIONS.filter((s) => s.upgrade).map((s) => s.version);
    expect(withUpgrade).toEqual(TESTED_UPGRADES);
  });

  it(`opens a version-1 database written by an older app (now at version ${CURRENT_SCHEMA_VERSION}) whole`, async () => {
    const fixture = fixtureFor(1);
    const name = `migration-v1-${Date.now()}`;
    await writeFixtureAtVersion(name, fixture);
    db = new ModeratoDb(name);
    await openDatabase(db);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const [workshop] = await listWorkshops(db);
    expect(workshop).toEqual({
      ...(fixture.tables.workshops![0] as object),
      facilitators: '',
      minuteTaker: '',
    });
    const content = await loadBoardContent(db, (fixture.tables.boards![0] as { id: never }).id);
    expect(content!.notes.map((n) => n.text)).toEqual([
      'Anträge digital annehmen',
      'Łódź und Ağrı: Namen mit Sonderzeichen',
    ]);
  });

  it('upgrade 2 gives workshops facilitators and minute-taker, boards a phase, and adds the process tables', async () => {
    const name = `migration-v2-${Date.now()}`;
    await writeFixtureAtVersion(name, fixtureFor(1));
    db = new ModeratoDb(name);
    await openDatabase(db);
    const [board] = await db.boards.toArray();
    expect(board).toMatchObject({ title: 'Pinnwand', phase: null });
    const [workshop] = await db.workshops.toArray();
    expect(workshop).toMatchObject({ facilitators: '', minuteTaker: '', title: 'KI-Strategie – Auftakt' });
    for (const table of ['participants', 'sessions', 'agendaItems', 'decisions', 'actionItems'] as const) {
      expect(await db[table].count()).toBe(0);
    }
    expect(await db.notes.count()).toBe(2);
  });

  it('upgrade 3 gives boards a kind and cards a place, a source link and facts, and adds the phase-board tables', async () => {
    const fixture = fixtureFor(2);
    const name = `migration-v3-${Date.now()}`;
    await writeFixtureAtVersion(name, fixture);
    db = new ModeratoDb(name);
    await openDatabase(db);
    const [board] = await db.boards.toArray();
    expect(board).toEqual({ ...(fixture.tables.boards![0] as object), kind: 'columns' });
    const notes = await db.notes.toArray();
    expect(notes).toEqual(
      (fixture.tables.notes as object[]).map((note) => ({
        ...note,
        rowId: null,
        clusterId: null,
        sourceNoteId: null,
        facts: null,
      })),
    );
    // The cards are found by their board's index after the upgrades (its other indexes went in version 5).
    expect(
      await db.notes
        .where('boardId')
        .equals((board as { id: string }).id)
        .count(),
    ).toBe(notes.length);
    for (const table of ['matrixRows', 'clusters', 'ideas', 'visions'] as const) {
      expect(await db[table].count()).toBe(0);
    }
    // Everything of version 2 is still there, unchanged.
    expect(await db.workshops.toArray()).toEqual(fixture.tables.workshops);
    expect(await db.decisions.toArray()).toEqual(fixture.tables.decisions);
    expect(await db.agendaItems.toArray()).toEqual(fixture.tables.agendaItems);
    expect(await db.participants.toArray()).toEqual(fixture.tables.participants);
    const content = await loadBoardContent(db, board!.id);
    expect(content).toMatchObject({ rows: [], clusters: [] });
  });

  it('version 4 opens a version-3 database whole and adds the writing-round tables', async () => {
    const fixture = fixtureFor(3);
    const name = `migration-v4-${Date.now()}`;
    await writeFixtureAtVersion(name, fixture);
    db = new ModeratoDb(name);
    await openDatabase(db);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    // Every row of version 3 is still there, unchanged (cards have no author and need none).
    await expectRowsUnchanged(db, fixture.tables);
    expect((await db.notes.toArray()).every((n) => n.authorId === undefined)).toBe(true);
    expect(await db.writingRounds.count()).toBe(0);
    expect(await db.inboxNotes.count()).toBe(0);
    const content = await loadBoardContent(db, '7e1d2c3b-4a59-4f68-8a7b-9c0d1e2f3a41' as never);
    expect(content!.notes.map((n) => [n.text, n.clusterId])).toEqual([['E-Akte', 'k1']]);

    // The new tables and indexes work on the upgraded database.
    const boardId = content!.board.id;
    const round = {
      id: 'wr1',
      workshopId: content!.board.workshopId,
      boardId,
      prompt: 'Welche Aufgaben sollten wir zuerst automatisieren?',
      maxNotesPerPerson: null,
      anonymous: true,
      showAccepted: false,
      closesAt: null,
      status: 'open' as const,
      openedAt: 1,
      closedAt: null,
      createdAt: 1,
      updatedAt: 1,
    };
    await db.writingRounds.add(round as never);
    const card = {
      id: 'in1',
      workshopId: round.workshopId,
      roundId: round.id,
      boardId,
      deviceId: 'device-0123456789abcdef',
      clientId: 'card-0001',
      authorId: null,
      text: 'E-Akte',
      sentText: 'E-Akte',
      version: 1,
      status: 'pending' as const,
      noteId: null,
      mergedInto: null,
      changedAfterDecision: false,
      receivedAt: 2,
      updatedAt: 2,
    };
    await db.inboxNotes.add(card as never);
    expect(await db.writingRounds.where('boardId').equals(boardId).count()).toBe(1);
    expect(await db.writingRounds.where('workshopId').equals(round.workshopId).count()).toBe(1);
    expect(await db.inboxNotes.where('roundId').equals('wr1').count()).toBe(1);
    expect(await db.inboxNotes.where('boardId').equals(boardId).count()).toBe(1);
    // A phone card is stored once: a second row for the same (round, phone, card) is refused.
    await expect(db.inboxNotes.add({ ...card, id: 'in2' } as never)).rejects.toMatchObject({
      name: 'ConstraintError',
    });
    // The same card id from another phone, or in another round, is another card.
    await db.inboxNotes.add({ ...card, id: 'in3', deviceId: 'device-fedcba9876543210' } as never);
    await db.inboxNotes.add({ ...card, id: 'in4', roundId: 'wr2' } as never);
    expect(
      await db.inboxNotes
        .where('[roundId+deviceId+clientId]')
        .equals(['wr1', 'device-0123456789abcdef', 'card-0001'])
        .toArray(),
    ).toEqual([card]);
    expect(await db.inboxNotes.count()).toBe(3);
  });

  it('version 5 opens a version-4 database whole, its cards indexed by board alone', async () => {
    const fixture = { ...fixtureFor(3), version: 4 };
    const name = `migration-v5-${Date.now()}`;
    await writeFixtureAtVersion(name, fixture);
    const indexesOfCards = (database: IDBDatabase) => [
      ...database.transaction('notes').objectStore('notes').indexNames,
    ];
    db = new ModeratoDb(name);
    await openDatabase(db);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(indexesOfCards(db.backendDB())).toEqual(['boardId']);
    await expectRowsUnchanged(db, fixture.tables);
    const content = await loadBoardContent(db, '7e1d2c3b-4a59-4f68-8a7b-9c0d1e2f3a41' as never);
    expect(content!.notes.map((n) => [n.text, n.clusterId])).toEqual([['E-Akte', 'k1']]);

    // A database made new has the same single index.
    const fresh = new ModeratoDb(`fresh-v5-${Date.now()}`);
    await openDatabase(fresh);
    expect(indexesOfCards(fresh.backendDB())).toEqual(['boardId']);
    await fresh.delete();
  });

  it('version 6 opens a version-5 database with every row unchanged (only older apps are kept out)', async () => {
    const fixture = { ...fixtureFor(3), version: 5 };
    const name = `migration-v6-${Date.now()}`;
    await writeFixtureAtVersion(name, fixture);
    db = new ModeratoDb(name);
    await openDatabase(db);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    await expectRowsUnchanged(db, fixture.tables);
  });

  it('version 7 opens a version-6 database with every row unchanged and no kept board copies yet', async () => {
    const fixture = { ...fixtureFor(3), version: 6 };
    const name = `migration-v7-${Date.now()}`;
    await writeFixtureAtVersion(name, fixture);
    db = new ModeratoDb(name);
    await openDatabase(db);
    expect(db.verno).toBe(7);
    expect([...db.backendDB().objectStoreNames]).toContain('boardCaches');
    expect(await db.boardCaches.count()).toBe(0);
    await expectRowsUnchanged(db, fixture.tables);
    // Its boards read as before (from their rows: there is no copy to read).
    const content = await loadBoardContent(db, (fixture.tables.boards![0] as { id: never }).id);
    expect(content?.board).toEqual(fixture.tables.boards![0]);
  });

  it('refuses to open a database from a newer app instead of starting empty', async () => {
    const name = `newer-${Date.now()}`;
    await writeFixtureAtVersion(name, { version: CURRENT_SCHEMA_VERSION, tables: {} });
    // Simulate the newer app: same stores, one version up.
    const Dexie = (await import('dexie')).default;
    const newer = new Dexie(name);
    for (const step of SCHEMA_VERSIONS) newer.version(step.version).stores(step.stores);
    newer.version(CURRENT_SCHEMA_VERSION + 1).stores({});
    await newer.open();
    newer.close();
    db = new ModeratoDb(name);
    await expect(openDatabase(db)).rejects.toMatchObject({ name: 'DatabaseTooNewError' });
    // Nothing was deleted: the newer app still finds its database.
    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(CURRENT_SCHEMA_VERSION + 1);
    again.close();
  });

  it('declares every version unless the database is stored at the current one', () => {
    for (const installed of [undefined, null, 1, 2, CURRENT_SCHEMA_VERSION - 1, CURRENT_SCHEMA_VERSION + 1])
      expect(versionsToDeclare(installed)).toBe(SCHEMA_VERSIONS);
    expect(versionsToDeclare(CURRENT_SCHEMA_VERSION).map((v) => v.version)).toEqual([CURRENT_SCHEMA_VERSION]);
  });

  it('the current schema in one step is the schema all versions declare', () => {
    const shape = (database: ModeratoDb) =>
      database.tables
        .map((table) => [table.name, table.schema.primKey.src, table.schema.indexes.map((i) => i.src).sort()])
        .sort();
    const stepwise = new ModeratoDb('never-opened-stepwise');
    const oneStep = new ModeratoDb('never-opened-one-step', CURRENT_SCHEMA_VERSION);
    expect(shape(oneStep)).toEqual(shape(stepwise));
    expect(oneStep.tables.length).toBeGreaterThan(10);
  });

  it('opens a database stored at the current version, declared in one step, unchanged', async () => {
    const fixture = { ...fixtureFor(3), version: CURRENT_SCHEMA_VERSION };
    const name = `current-one-step-${Date.now()}`;
    await writeFixtureAtVersion(name, fixture);
    const storesOf = (database: IDBDatabase) => {
      const names = [...database.objectStoreNames];
      const tx = database.transaction(names);
      return names.map((store) => [store, [...tx.objectStore(store).indexNames]]);
    };
    const stepwise = new ModeratoDb(name);
    await openDatabase(stepwise);
    const before = storesOf(stepwise.backendDB());
    const idbVersion = stepwise.backendDB().version;
    stepwise.close();

    db = new ModeratoDb(name, CURRENT_SCHEMA_VERSION);
    await openDatabase(db);
    // No upgrade ran: the same IndexedDB version, stores and indexes, every row as it was.
    expect(db.backendDB().version).toBe(idbVersion);
    expect(storesOf(db.backendDB())).toEqual(before);
    await expectRowsUnchanged(db, fixture.tables);
    const content = await loadBoardContent(db, (fixture.tables.boards![0] as { id: never }).id);
    expect(content).toBeDefined();
    // Written in one step, read back stepwise: the database an older start would find.
    await db.notes.update((fixture.tables.notes![0] as { id: never }).id, { text: 'geändert' });
    db.close();
    db = new ModeratoDb(name);
    await openDatabase(db);
    expect(db.backendDB().version).toBe(idbVersion);
    expect((await db.notes.get((fixture.tables.notes![0] as { id: never }).id))!.text).toBe('geändert');
  });
});
