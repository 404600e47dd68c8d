import type { Change, ChangeSet } from '../domain/changes';
import type { BoardId, WorkshopId } from '../domain/ids';
import { byRank } from '../domain/ordering';
import type { WorkshopTree } from '../domain/purge';
import { materializeMerges, resolveMerges, storedNote } from '../domain/clusterMerge';
import type { Board, BoardContent, Note, Workshop } from '../domain/types';
import Dexie, { type ObservabilitySet } from 'dexie';
import type { ModeratoDb } from './db';
import { DERIVED_TABLES } from './schema';
import {
  BOARD_ROW_TABLES,
  CACHE_TABLE,
  cachedRows,
  keepBoardLater,
  type StoredBoardRows,
  WRITES_KEY,
  writesToken,
} from './boardCache';
import { rowsWhereAnyOf } from './queries';
import { readsTouched, type IndexRead } from './watchedQuery';

/** Writes a command's changes in one transaction: all of them or none. */
export async function applyChanges(db: ModeratoDb, changes: ChangeSet): Promise<void> {
  if (changes.length === 0) return;
  const tables = [...new Set(changes.map((c) => c.table))].map((name) => db.table(name));
  await db.transaction('rw', tables, () =>
    // Runs of puts (or deletes) in one table go in one bulk call: moving a cluster of
    // 200 cards is then one call instead of 200. All runs are sent at once, without a
    // round trip between them: IndexedDB carries out a transaction's requests in the
    // order they were made, and the first failure aborts the whole transaction.
    Promise.all(
      runsOf(changes).map((run) => {
        const table = db.table(run.table);
        // A card read from a merged cluster goes back with what it is stored with (clusterMerge.ts).
        if (run.table === 'notes') run.rows = run.rows.map((row) => storedNote(row as Note));
        if (run.rows.length === 1) {
          // One row: a plain put keeps IndexedDB's own error (e.g. ConstraintError for a second ballot).
          return run.put ? table.put(run.rows[0]) : table.delete((run.rows[0] as { id: string }).id);
        }
        return run.put
          ? table.bulkPut(run.rows)
          : table.bulkDelete(run.rows.map((row) => (row as { id: string }).id));
      }),
    ),
  );
}

interface Run {
  table: Change['table'];
  put: boolean;
  rows: unknown[];
}

function runsOf(changes: ChangeSet): Run[] {
  const runs: Run[] = [];
  for (const change of changes) {
    const put = change.after !== undefined;
    const row = change.after ?? change.before;
    if (!row) continue;
    const last = runs[runs.length - 1];
    if (last && last.table === change.table && last.put === put) last.rows.push(row);
    else runs.push({ table: change.table, put, rows: [row] });
  }
  return runs;
}

export async function listWorkshops(db: ModeratoDb): Promise<Workshop[]> {
  const all = await db.workshops.toArray();
  return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

export async function getWorkshop(db: ModeratoDb, id: WorkshopId): Promise<Workshop | undefined> {
  return db.workshops.get(id);
}

export async function listBoards(db: ModeratoDb, workshopId: WorkshopId): Promise<Board[]> {
  const boards = await db.boards.where('workshopId').equals(workshopId).toArray();
  return boards.sort(byRank);
}

/**
 * A board and its rows, from the board's kept copy when there is one
 * (boardCache.ts). Follow it with boardTouched (watchedQuery), never with a
 * plain liveQuery: read from the copy, it reads only the copy's two keys, and
 * the copies' clearing on a write is not told to Dexie's change tracking.
 */
export async function loadBoardContent(db: ModeratoDb, boardId: BoardId): Promise<BoardContent | undefined> {
  // Inside a caller's transaction: its rows, as that transaction sees them, and no copy made
  // of them (a later write of the same transaction would not renew the token).
  if (Dexie.currentTransaction) {
    const stored = await readBoardRows(db, boardId);
    return stored && boardContentOf(stored);
  }
  const read = await db.transaction('r', [CACHE_TABLE, ...BOARD_ROW_TABLES], async () => {
    // The board's kept copy first (boardCache.ts): one value instead of thousands of rows.
    const [cached, mark] = await Promise.all([db.boardCaches.get(boardId), db.boardCaches.get(WRITES_KEY)]);
    const kept = cachedRows(cached);
    if (kept) return { stored: kept, fresh: false };
    return { stored: await readBoardRows(db, boardId), fresh: true, token: writesToken(mark) };
  });
  const { stored } = read;
  if (!stored) return undefined;
  if (read.fresh) keepBoardLater(db, boardId, stored, read.token ?? null);
  return boardContentOf(stored);
}

/** A board's rows as stored; undefined when there is no such board. */
export async function readBoardRows(db: ModeratoDb, boardId: BoardId): Promise<StoredBoardRows | undefined> {
  // All five requests at once: no round trip between the board and its rows.
  const [board, columns, rows, clusters, notes] = await Promise.all([
    db.boards.get(boardId),
    db.columns.where('boardId').equals(boardId).toArray(),
    db.matrixRows.where('boardId').equals(boardId).toArray(),
    db.clusters.where('boardId').equals(boardId).toArray(),
    db.notes.where('boardId').equals(boardId).toArray(),
  ]);
  return board ? { board, columns, rows, clusters, notes } : undefined;
}

/** What a board screen shows of its rows: sorted by rank, merged clusters' cards in their targets. */
function boardContentOf(stored: StoredBoardRows): BoardContent {
  return {
    board: stored.board,
    columns: [...stored.columns].sort(byRank),
    rows: [...stored.rows].sort(byRank),
    clusters: [...stored.clusters].sort(byRank),
    // A copy of the list: the rows may be held for the board's kept copy meanwhile.
    notes: [...resolveMerges(stored.clusters, stored.notes)].sort(byRank),
  };
}

/**
 * What loadBoardContent reads for `boardId` (and returned: `content`, undefined
 * when there was no such board), for boardTouched. A test compares it with the
 * requests loadBoardContent makes.
 */
export function boardReads(boardId: BoardId, content: BoardContent | undefined): IndexRead[] {
  const byBoard = (table: string, rows: readonly { id: string }[]): IndexRead => ({
    table,
    index: 'boardId',
    keys: [boardId],
    rows,
  });
  return [
    { table: 'boards', index: '', keys: [boardId], rows: content ? [content.board] : [] },
    byBoard('columns', content?.columns ?? []),
    byBoard('matrixRows', content?.rows ?? []),
    byBoard('clusters', content?.clusters ?? []),
    byBoard('notes', content?.notes ?? []),
  ];
}

/** Whether a write may change what loadBoardContent read for `boardId` (see boardReads). */
export function boardTouched(
  dbName: string,
  boardId: BoardId,
  content: BoardContent | undefined,
  parts: ObservabilitySet,
): boolean {
  return readsTouched(dbName, parts, boardReads(boardId, content));
}

/** Everything that hangs off a workshop (writing rounds and their inbox included), for purging, exporting or the minutes. */
export async function loadWorkshopTree(db: ModeratoDb, workshopId: WorkshopId): Promise<WorkshopTree> {
  const scoped = [
    db.boards,
    db.participants,
    db.sessions,
    db.agendaItems,
    db.decisions,
    db.actionItems,
    db.ideas,
    db.visions,
    db.votingRounds,
    db.ballots,
    db.writingRounds,
    db.inboxNotes,
  ];
  const perBoard = [db.columns, db.matrixRows, db.clusters, db.notes];
  return db.transaction('r', [...scoped, ...perBoard], async () => {
    const [
      boards,
      participants,
      sessions,
      agendaItems,
      decisions,
      actionItems,
      ideas,
      visions,
      votingRounds,
      ballots,
      writingRounds,
      inboxNotes,
    ] = await Promise.all([
      db.boards.where('workshopId').equals(workshopId).toArray(),
      db.participants.where('workshopId').equals(workshopId).toArray(),
      db.sessions.where('workshopId').equals(workshopId).toArray(),
      db.agendaItems.where('workshopId').equals(workshopId).toArray(),
      db.decisions.where('workshopId').equals(workshopId).toArray(),
      db.actionItems.where('workshopId').equals(workshopId).toArray(),
      db.ideas.where('workshopId').equals(workshopId).toArray(),
      db.visions.where('workshopId').equals(workshopId).toArray(),
      db.votingRounds.where('workshopId').equals(workshopId).toArray(),
      db.ballots.where('workshopId').equals(workshopId).toArray(),
      db.writingRounds.where('workshopId').equals(workshopId).toArray(),
      db.inboxNotes.where('workshopId').equals(workshopId).toArray(),
    ]);
    const boardIds = boards.map((b) => b.id);
    const [columns, matrixRows, storedClusters, storedNotes] = await Promise.all([
      rowsWhereAnyOf(db.columns, 'boardId', boardIds),
      rowsWhereAnyOf(db.matrixRows, 'boardId', boardIds),
      rowsWhereAnyOf(db.clusters, 'boardId', boardIds),
      rowsWhereAnyOf(db.notes, 'boardId', boardIds),
    ]);
    // Plain rows: the minutes, a copy or an export see merged clusters' cards where they show.
    const { clusters, notes } = materializeMerges(storedClusters, storedNotes);
    return {
      boards,
      columns,
      matrixRows,
      clusters,
      notes,
      participants,
      sessions,
      agendaItems,
      decisions,
      actionItems,
      ideas,
      visions,
      votingRounds,
      ballots,
      writingRounds,
      inboxNotes,
    };
  });
}

/** A plain copy of every table, for the emergency export of the error screen. */
export async function dumpAll(db: ModeratoDb): Promise<Record<string, unknown[]>> {
  const tables = db.tables.filter((table) => !DERIVED_TABLES.has(table.name));
  return db.transaction('r', tables, async () => {
    const entries = await Promise.all(tables.map(async (t) => [t.name, await t.toArray()] as const));
    return Object.fromEntries(entries);
  });
}

/** Note counts per board of a workshop, for the board tabs. */
export async function countNotesByBoard(
  db: ModeratoDb,
  boardIds: readonly BoardId[],
): Promise<Map<BoardId, number>> {
  const counts = new Map<BoardId, number>();
  await Promise.all(
    boardIds.map(async (id) => counts.set(id, await db.notes.where('boardId').equals(id).count())),
  );
  return counts;
}
