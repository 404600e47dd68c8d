// Property: whatever workshops exist, export → file → import gives them back
// exactly (as a restore), or as an equal copy under fresh ids.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES,
  BOARD_KINDS,
  INBOX_STATUSES,
  NOTE_COLORS,
  PHASES,
  ROUND_STATUSES,
  WRITING_ROUND_STATUSES,
} from '../../../renderer/src/domain/types';
import { LIMITS } from '../../../renderer/src/domain/validation';
import { createBackup, exportBackupText } from '../../../renderer/src/persistence/backup/exportBackup';
import { canonicalJson, serializeBackup } from '../../../renderer/src/persistence/backup/format';
import { importBackupBytes } from '../../../renderer/src/persistence/backup/importBackup';
import { BACKUP_TABLE_NAMES } from '../../../renderer/src/persistence/backup/backupTables';
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
          kind: fc.constantFrom(...BOARD_KINDS),
          rank,
          createdAt: time,
          rows: fc.array(fc.record({ title: text(LIMITS.rowTitle, 1), rank }), { maxLength: 2 }),
          clusters: fc.array(
            fc.record({
              title: text(LIMITS.clusterTitle, 1),
              rank,
              collapsed: fc.boolean(),
              focusAreaAt: fc.option(time, { nil: null }),
              description: text(300),
              createdAt: time,
              updatedAt: time,
            }),
            { maxLength: 2 },
          ),
          /** How each note is placed: by index into rows/clusters, or in the tray/pool. */
          placements: fc.array(
            fc.record({
              row: fc.option(fc.nat(), { nil: null }),
              cluster: fc.option(fc.nat(), { nil: null }),
              copied: fc.option(fc.nat(), { nil: null }),
              facts: fc.option(
                fc.record({
                  process: text(100),
                  casesPerYear: fc.option(fc.nat({ max: LIMITS.maxCases }), { nil: null }),
                  painPoint: text(100),
                }),
                { nil: null },
              ),
            }),
            { maxLength: 12 },
          ),
          ideas: fc.array(
            fc.record({
              title: text(LIMITS.ideaTitle, 1),
              focus: fc.option(fc.nat(), { nil: null }),
              fields: fc.dictionary(
                fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,10}$/),
                fc.oneof(
                  text(200),
                  fc.double({ noNaN: true, noDefaultInfinity: true }),
                  fc.boolean(),
                  fc.constant(null),
                ),
                { maxKeys: 4 },
              ),
              sources: fc.array(fc.nat(), { maxLength: 3 }),
              rank,
              createdAt: time,
              updatedAt: time,
            }),
            { maxLength: 2 },
          ),
          vision: fc.option(
            fc.record({
              text: text(500),
              sources: fc.array(fc.nat(), { maxLength: 3 }),
              agreedAt: fc.option(time, { nil: null }),
              createdAt: time,
              updatedAt: time,
            }),
            { nil: null },
          ),
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
      rounds: fc.array(
        fc.record({
          title: text(LIMITS.shortText, 1),
          dots: fc.integer({ min: 1, max: 5 }),
          anonymous: fc.boolean(),
          status: fc.constantFrom(...ROUND_STATUSES),
          revealed: fc.boolean(),
          paper: fc.nat({ max: 20 }),
          /** Each entitled participant's dots on the first item, 0 = no ballot. */
          votes: fc.array(fc.nat({ max: 1 }), { maxLength: 3 }),
          annulReason: text(100),
          time,
        }),
        { maxLength: 2 },
      ),
      /** Writing rounds on the workshop's first board, with their inbox. */
      writing: fc.array(
        fc.record({
          prompt: text(300, 1),
          limit: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
          anonymous: fc.boolean(),
          showAccepted: fc.boolean(),
          closesAt: fc.option(time, { nil: null }),
          status: fc.constantFrom(...WRITING_ROUND_STATUSES),
          time,
          cards: fc.array(
            fc.record({
              device: fc.stringMatching(/^[0-9a-f]{16}$/),
              text: text(300),
              sentText: text(300),
              version: fc.integer({ min: 1, max: 1_000_000 }),
              status: fc.constantFrom(...INBOX_STATUSES),
              author: fc.option(fc.nat(), { nil: null }),
              note: fc.option(fc.nat(), { nil: null }),
              changedAfterDecision: fc.boolean(),
              receivedAt: time,
              updatedAt: time,
            }),
            { maxLength: 4 },
          ),
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
      const noteIds: string[] = [];
      const clusterIds: string[] = [];
      const laterIdeas: Array<() => void> = [];
      for (const { columns, rows, clusters, placements, ideas, vision, ...board } of tree.boards) {
        const boardId = id();
        boardIds.push(boardId);
        add('boards', { id: boardId, workshopId, ...board });
        const rowIds = rows.map((row) => {
          const rowId = id();
          add('matrixRows', { id: rowId, boardId, ...row });
          return rowId;
        });
        const boardClusterIds = clusters.map((cluster) => {
          const clusterId = id();
          add('clusters', { id: clusterId, boardId, ...cluster });
          return clusterId;
        });
        clusterIds.push(...boardClusterIds);
        const columnIds: string[] = [];
        let placement = 0;
        for (const { notes, ...column } of columns) {
          const columnId = id();
          columnIds.push(columnId);
          add('columns', { id: columnId, boardId, ...column });
          for (const note of notes) {
            // Notes are placed in a column, a matrix cell, a cluster or the pool, as generated.
            const place = placements[placement++ % Math.max(placements.length, 1)];
            const rowId = place && place.row !== null ? pick(rowIds, place.row) : null;
            const noteId = id();
            add('notes', {
              id: noteId,
              boardId,
              columnId: rowId !== null || !place || place.cluster === null ? columnId : null,
              rowId,
              clusterId:
                rowId === null && place && place.cluster !== null
                  ? pick(boardClusterIds, place.cluster)
                  : null,
              sourceNoteId: place && place.copied !== null ? pick(noteIds, place.copied) : null,
              facts: place?.facts ?? null,
              ...note,
            });
            noteIds.push(noteId);
          }
        }
        laterIdeas.push(() => {
          for (const { focus, sources, ...idea } of ideas) {
            add('ideas', {
              id: id(),
              workshopId,
              boardId,
              focusAreaId: pick(clusterIds, focus),
              templateId: 'ki-projektsteckbrief',
              sources: sources.flatMap((n) => {
                const noteId = pick(noteIds, n);
                return noteId === null ? [] : [{ field: 'problem', noteId }];
              }),
              ...idea,
            });
          }
          if (vision) {
            const { sources, ...rest } = vision;
            add('visions', {
              id: id(),
              workshopId,
              boardId,
              sourceNoteIds: sources.flatMap((n) => pick(noteIds, n) ?? []),
              decisionId: null,
              ...rest,
            });
          }
        });
      }
      for (const later of laterIdeas) later();
      const participantIds = tree.participants.map((participant) => {
        const participantId = id();
        add('participants', { id: participantId, workshopId, ...participant });
        return participantId;
      });
      for (const round of tree.rounds) {
        // Rounds vote on the workshop's clusters when it has some, else on its cards.
        const target = clusterIds.length > 0 ? 'clusters' : 'notes';
        const pool = target === 'clusters' ? clusterIds : noteIds;
        if (pool.length === 0 || boardIds.length === 0) continue;
        const items = pool.slice(0, 3).map((itemId, i) => ({ id: itemId, label: `Eintrag ${i}` }));
        const roundId = id();
        add('votingRounds', {
          id: roundId,
          workshopId,
          boardId: boardIds[0],
          title: round.title,
          target,
          settings: { method: 'dots', dots: round.dots, maxPerItem: 1 },
          items,
          entitled: participantIds,
          anonymous: round.anonymous,
          closesAt: null,
          status: round.status,
          revealed: round.revealed,
          paperTally: round.paper > 0 ? { [items[0]!.id]: round.paper } : {},
          openedAt: round.time,
          closedAt: round.status === 'open' ? null : round.time,
          annulReason: round.status === 'annulled' ? round.annulReason : '',
          decisionId: null,
          createdAt: round.time,
          updatedAt: round.time,
        });
        round.votes.forEach((dots, i) => {
          const participantId = participantIds[i];
          if (participantId === undefined || dots === 0) return;
          add('ballots', {
            id: id(),
            workshopId,
            roundId,
            participantId,
            content: { method: 'dots', dots: { [items[0]!.id]: dots } },
            castAt: round.time,
            updatedAt: round.time,
          });
        });
      }
      for (const { cards, limit, ...round } of tree.writing) {
        if (boardIds.length === 0) continue;
        const roundId = id();
        const boardId = boardIds[0]!;
        add('writingRounds', {
          id: roundId,
          workshopId,
          boardId,
          prompt: round.prompt,
          maxNotesPerPerson: limit,
          anonymous: round.anonymous,
          showAccepted: round.showAccepted,
          closesAt: round.closesAt,
          status: round.status,
          openedAt: round.time,
          closedAt: round.status === 'open' ? null : round.time,
          createdAt: round.time,
          updatedAt: round.time,
        });
        const inboxIds: string[] = [];
        cards.forEach(({ device, author, note, ...card }, i) => {
          const inboxId = id();
          const authorId = round.anonymous ? null : pick(participantIds, author);
          const decided = card.status === 'accepted' || card.status === 'merged';
          const noteId = decided ? pick(noteIds, note) : null;
          add('inboxNotes', {
            id: inboxId,
            workshopId,
            roundId,
            boardId,
            deviceId: `device-${device}`,
            clientId: `card-${String(i).padStart(4, '0')}`,
            authorId,
            noteId,
            mergedInto: card.status === 'merged' ? (inboxIds[0] ?? null) : null,
            ...card,
          });
          inboxIds.push(inboxId);
          // The card accepted onto the board carries its author.
          const onBoard = tables.notes!.find((row) => (row as { id: string }).id === noteId);
          if (card.status === 'accepted' && authorId !== null && onBoard)
            Object.assign(onBoard, { authorId });
        });
      }
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
    // Slow on a loaded machine: 25 databases written and read back.
  }, 60_000);

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
                    rowId: _r,
                    clusterId: _k,
                    sourceNoteId: _n,
                    focusAreaId: _f,
                    decisionId: _d,
                    sources,
                    sourceNoteIds,
                    roundId: _ro,
                    participantId: _p,
                    entitled,
                    items,
                    paperTally,
                    content,
                    noteId: _ni,
                    mergedInto: _mi,
                    authorId: _au,
                    deviceId: _dv,
                    ...rest
                  }) => ({
                    ...rest,
                    voting: [
                      Array.isArray(entitled) ? entitled.length : -1,
                      Array.isArray(items) ? items.map((i: { label: string }) => i.label) : -1,
                      paperTally ? Object.values(paperTally as object) : -1,
                      content ? Object.values((content as { dots: object }).dots) : -1,
                    ],
                    // Soft links are compared by count; that they point at the copy's rows is checked below.
                    links: [
                      _r === null,
                      _k === null,
                      _n === null,
                      _f === null,
                      _d === null,
                      Array.isArray(sources) ? sources.length : -1,
                      Array.isArray(sourceNoteIds) ? sourceNoteIds.length : -1,
                      _ni === null,
                      _mi === null,
                      _au === undefined ? 'none' : _au === null ? 'null' : 'set',
                      typeof _dv === 'string' ? _dv : -1,
                    ],
                  }),
                )
                .sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1)),
            ]),
          );
        expect(strip(copy.tables)).toEqual(strip(original.tables));
        // Links inside the copy point at the copy's own rows, never back at the original.
        const copyNotes = new Set((copy.tables.notes ?? []).map((n) => n.id));
        const copyClusters = new Set((copy.tables.clusters ?? []).map((c) => c.id));
        for (const note of copy.tables.notes ?? [])
          if (note.sourceNoteId !== null) expect(copyNotes.has(note.sourceNoteId as string)).toBe(true);
        for (const idea of copy.tables.ideas ?? []) {
          if (idea.focusAreaId !== null) expect(copyClusters.has(idea.focusAreaId as string)).toBe(true);
          for (const source of idea.sources as Array<{ noteId: string }>)
            expect(copyNotes.has(source.noteId)).toBe(true);
        }
        const copyParticipants = new Set((copy.tables.participants ?? []).map((p) => p.id));
        const copyItems = new Set([...copyNotes, ...copyClusters]);
        const roundsById = new Map((copy.tables.votingRounds ?? []).map((r) => [r.id, r]));
        for (const round of copy.tables.votingRounds ?? []) {
          for (const p of round.entitled as string[]) expect(copyParticipants.has(p)).toBe(true);
          for (const item of round.items as Array<{ id: string }>) expect(copyItems.has(item.id)).toBe(true);
          for (const key of Object.keys(round.paperTally as object)) expect(copyItems.has(key)).toBe(true);
        }
        for (const ballot of copy.tables.ballots ?? []) {
          const round = roundsById.get(ballot.roundId as string)!;
          const itemIds = new Set((round.items as Array<{ id: string }>).map((i) => i.id));
          for (const key of Object.keys((ballot.content as { dots: object }).dots))
            expect(itemIds.has(key)).toBe(true);
        }
        for (const vision of copy.tables.visions ?? [])
          for (const noteId of vision.sourceNoteIds as string[]) expect(copyNotes.has(noteId)).toBe(true);
        const copyInbox = new Set((copy.tables.inboxNotes ?? []).map((n) => n.id));
        for (const item of copy.tables.inboxNotes ?? []) {
          if (item.noteId !== null) expect(copyNotes.has(item.noteId as string)).toBe(true);
          if (item.mergedInto !== null) expect(copyInbox.has(item.mergedInto as string)).toBe(true);
          if (item.authorId !== null) expect(copyParticipants.has(item.authorId as string)).toBe(true);
        }
        for (const note of copy.tables.notes ?? [])
          if (note.authorId !== undefined) expect(copyParticipants.has(note.authorId as string)).toBe(true);
        // Its fresh ids hang together: exported again, the copy passes every check of the import.
        await expect(readBackup(utf8(serializeBackup(copy)))).resolves.toBeTruthy();
        // And nothing that was there changed.
        const after = await contents(source);
        for (const [name, rows] of Object.entries(before))
          expect(after[name]).toEqual(expect.arrayContaining(rows));
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});
