import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type Middleware } from 'dexie';
import { newId, type BoardId } from '../domain/ids';
import type { Board, Cluster, Column, MatrixRow, Note } from '../domain/types';
import type { ModeratoDb } from './db';
import { CURRENT_SCHEMA_VERSION } from './schema';

/**
 * A board's rows kept in one row (`boardCaches`), so that opening the board
 * reads one value instead of thousands: for 5,000 cards IndexedDB needs some
 * 85 ms to hand over the rows one by one, and the page reload of B3 (see the
 * README) waits for them. The rows themselves stay the only truth; this is a
 * copy that is either exactly what they hold or not there at all:
 *
 * - Every write to a board's rows (any table in ROW_TABLES, whoever writes,
 *   in this window or another) also clears the whole table in the same
 *   transaction: the guard below sits under every Dexie write (DBCore), so no
 *   write can leave a copy behind that differs from the rows.
 * - A copy is written only when no write came between the read it was made
 *   from and its own transaction: each write also stores a new random token
 *   (WRITES_KEY), the read notes the token it saw, and the copy is put only if
 *   the token is still the same.
 * - A copy made under another schema version is not used.
 *
 * A copy is made once the board has been read afresh and then left alone for
 * a while (QUIET_MS), in an idle moment: not after every keystroke's save. It
 * is not data: backups, dumps and the minutes never see it.
 */
export const CACHE_TABLE = 'boardCaches';

/**
 * The tables a board's rows are read from: the guard's list, and the scope of
 * loadBoardContent's read, so a table read there that is not guarded here fails
 * the read instead of leaving copies stale.
 */
export const BOARD_ROW_TABLES = ['boards', 'columns', 'matrixRows', 'clusters', 'notes'] as const;
const ROW_TABLES: ReadonlySet<string> = new Set(BOARD_ROW_TABLES);

/** The key of the token every write renews; no board id (a UUID) looks like it. */
export const WRITES_KEY = '#writes';

/** A board's rows as stored (before merges are resolved and anything is sorted). */
export interface StoredBoardRows {
  board: Board;
  columns: Column[];
  rows: MatrixRow[];
  clusters: Cluster[];
  notes: Note[];
}

export interface BoardCacheRow {
  id: BoardId;
  /** The schema version the copy was made under. */
  schema: number;
  /**
   * The rows as JSON: one string is handed over and parsed in about half the time
   * IndexedDB needs to rebuild the same rows as objects (10 against 15–25 ms for
   * 5,000 cards). Only rows that JSON gives back as they were are kept (jsonOf).
   */
  json: string;
}

interface WritesMark {
  id: typeof WRITES_KEY;
  token: string;
}

export type BoardCacheEntry = BoardCacheRow | WritesMark;

/** Dexie's "any key" range: clear the whole table. */
const ANY_RANGE = { type: 3, lower: undefined, upper: undefined } as const;

/**
 * The Dexie middleware that keeps the copies true: a read-write transaction
 * over a board's rows also gets the copies' table, and its first write there
 * clears that table and renews the token. Sits at the bottom of Dexie's stack
 * (right above IndexedDB), so that Dexie's own live queries see nothing of it.
 */
export const boardCacheGuard: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'BoardCacheGuard',
  level: -10,
  create(down) {
    const hasCache = down.schema.tables.some((table) => table.name === CACHE_TABLE);
    const cleared = new WeakSet<object>();
    const guarded = (table: DBCoreTable): DBCoreTable => ({
      ...table,
      mutate(req: DBCoreMutateRequest) {
        // The transaction's own stores: an upgrade of an old database runs before the table exists.
        const trans = req.trans as unknown as IDBTransaction;
        if (cleared.has(trans) || !trans.objectStoreNames.contains(CACHE_TABLE)) return table.mutate(req);
        cleared.add(trans);
        const cache = down.table(CACHE_TABLE);
        // Sent before the write itself, in the same transaction: all of it or none.
        const clearing = cache.mutate({ type: 'deleteRange', trans: req.trans, range: ANY_RANGE });
        const renewing = cache.mutate({
          type: 'put',
          trans: req.trans,
          values: [{ id: WRITES_KEY, token: newId() } satisfies WritesMark],
        });
        const writing = table.mutate(req);
        return Promise.all([clearing, renewing, writing]).then(([clear, renew, result]) => {
          // A copy that could not be cleared must not outlive the write: fail it (and its transaction).
          if (clear.numFailures > 0 || renew.numFailures > 0) throw new Error('Board cache not cleared');
          return result;
        });
      },
    });
    return {
      transaction(stores, mode, options) {
        const widen =
          mode === 'readwrite' &&
          hasCache &&
          !stores.includes(CACHE_TABLE) &&
          stores.some((store) => ROW_TABLES.has(store));
        return down.transaction(widen ? [...stores, CACHE_TABLE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        return ROW_TABLES.has(name) ? guarded(table) : table;
      },
    };
  },
};

/** How long a board read afresh stays without a new read before its copy is made. */
export const QUIET_MS = 2_000;
/** An idle period at least this long (ms) makes the copy; a shorter one (frames under way) waits. */
const IDLE_MS = 40;

/** Per database and board: the copy waiting to be made (only the newest read's). */
const pending = new Map<string, { cancel(): void }>();

/**
 * Makes the copy of a board just read afresh, once it has stayed QUIET_MS
 * without another fresh read (each one starts the wait again) and the main
 * thread has an idle moment. `token`: the writes token the read saw.
 */
export function keepBoardLater(
  db: ModeratoDb,
  boardId: BoardId,
  rows: StoredBoardRows,
  token: string | null,
): void {
  const key = `${db.name}/${boardId}`;
  pending.get(key)?.cancel();
  let cancelled = false;
  let idle: number | undefined;
  const timer = setTimeout(() => {
    const attempt = () => {
      if (cancelled) return;
      if (typeof requestIdleCallback !== 'function') return make();
      // Only a long idle moment (no frames under way, e.g. no drag): copying thousands of rows takes a while.
      idle = requestIdleCallback((deadline) => (deadline.timeRemaining() >= IDLE_MS ? make() : attempt()));
    };
    attempt();
  }, QUIET_MS);
  const make = () => {
    if (pending.get(key) === entry) pending.delete(key);
    void putBoardCache(db, boardId, rows, token).catch(quietly);
  };
  const entry = {
    cancel() {
      cancelled = true;
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      if (pending.get(key) === entry) pending.delete(key);
    },
  };
  pending.set(key, entry);
}

/** Drops every copy that waits to be made (tests). */
export function forgetPendingCopies(): void {
  for (const entry of [...pending.values()]) entry.cancel();
}

/** A copy that is not made only costs the next opening its speed; closed or deleted databases are no news. */
const QUIET_ERRORS = new Set([
  'DatabaseClosedError',
  'AbortError',
  'InvalidStateError',
  'QuotaExceededError',
]);

function quietly(error: unknown): void {
  const name = error instanceof Error ? error.name : '';
  if (!QUIET_ERRORS.has(name)) console.warn('Board copy not kept', error);
}

/**
 * Puts the copy if no write came since the read that saw `token` (see the
 * module's comment). Returns whether it did.
 */
export async function putBoardCache(
  db: ModeratoDb,
  boardId: BoardId,
  rows: StoredBoardRows,
  token: string | null,
): Promise<boolean> {
  // Closed meanwhile (deleted, or a test is over): nothing to keep, and no reopening.
  if (!db.isOpen()) return false;
  return Dexie.ignoreTransaction(() =>
    db.transaction('rw', CACHE_TABLE, async () => {
      if (writesToken(await db.boardCaches.get(WRITES_KEY)) !== token) return false;
      const json = jsonOf(rows);
      if (json === null) return false;
      const copy: BoardCacheRow = { id: boardId, schema: CURRENT_SCHEMA_VERSION, json };
      await db.boardCaches.put(copy);
      return true;
    }),
  );
}

/** The rows of a copy, if it is one of this schema version. */
export function cachedRows(entry: BoardCacheEntry | undefined): StoredBoardRows | undefined {
  if (!entry || entry.id === WRITES_KEY) return undefined;
  const copy = entry as BoardCacheRow;
  if (copy.schema !== CURRENT_SCHEMA_VERSION || typeof copy.json !== 'string') return undefined;
  try {
    return JSON.parse(copy.json) as StoredBoardRows;
  } catch {
    return undefined;
  }
}

/**
 * The rows as JSON, or null if JSON would not give them back as they are:
 * only plain objects, arrays, strings, finite numbers, booleans and null
 * (a property set to undefined comes back missing, which reads the same).
 */
export function jsonOf(rows: StoredBoardRows): string | null {
  const plain = (value: unknown): boolean => {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
    if (typeof value === 'number') return Number.isFinite(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (!(i in value) || !plain(value[i])) return false;
      return true;
    }
    if (typeof value !== 'object') return false;
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    for (const field of Object.values(value as Record<string, unknown>))
      if (field !== undefined && !plain(field)) return false;
    return true;
  };
  return plain(rows) ? JSON.stringify(rows) : null;
}

/** The token of the last write (null: none since the table was made). */
export function writesToken(entry: BoardCacheEntry | undefined): string | null {
  return entry && entry.id === WRITES_KEY ? (entry as WritesMark).token : null;
}
