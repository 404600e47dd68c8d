import Dexie, { type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie';

/**
 * A live query for reads Dexie's liveQuery would follow key by key. liveQuery
 * notes every primary key a query returns (to learn when one of those rows
 * changes), one interval-tree insert each: for a board of 5,000 cards some
 * 20–25 ms on every read, on opening the board and again after every edit. Here
 * the query runs untracked, and `touches` tells from the last result and
 * Dexie's description of a write (the same `storagemutated` event liveQuery
 * listens to, also for writes in another window) whether the result may have
 * changed.
 *
 * As with liveQuery: the first result, then a new one after every write that
 * touches it; a result read while such a write happened is read again before it
 * is told. A closed database or an aborted read is not reported; another error
 * is, and the next write that touches the query reads it again. Reads after the
 * first, and what is told, run in a task of their own, outside whatever Dexie
 * zone the write or the read left behind.
 */
export interface Watched<T> {
  /** Always false: it holds no value of its own (useObservable then waits for the first, without a trial subscription). */
  hasValue(): boolean;
  subscribe(
    next: ((value: T) => void) | { next(value: T): void; error(error: unknown): void },
    error?: (error: unknown) => void,
  ): { unsubscribe(): void };
}

/** Errors liveQuery does not report either: the database was closed (e.g. for an upgrade elsewhere), the read aborted. */
const QUIET_ERRORS = new Set(['DatabaseClosedError', 'AbortError']);

export function watchedQuery<T>(
  query: () => Promise<T>,
  touches: (value: T, parts: ObservabilitySet) => boolean,
): Watched<T> {
  return {
    hasValue: () => false,
    subscribe(next, error) {
      const observer =
        typeof next === 'function' ? { next, error: error ?? ((e: unknown) => console.error(e)) } : next;
      let closed = false;
      let last: { value: T } | null = null;
      /** Writes seen while a read is under way; null when no read is. */
      let during: ObservabilitySet[] | null = null;
      /** A read is due in a task of its own. */
      let due = false;

      const later = (work: () => void) =>
        setTimeout(() => {
          if (!closed) work();
        }, 0);
      // A test that fails counts as touched: reading once too often is only slower.
      const touched = (value: T, parts: ObservabilitySet) => {
        try {
          return touches(value, parts);
        } catch (failure) {
          console.error(failure);
          return true;
        }
      };
      const read = () => {
        during = [];
        let reading: Promise<T>;
        try {
          reading = Promise.resolve(Dexie.ignoreTransaction(query));
        } catch (failure) {
          reading = Promise.reject(failure);
        }
        reading.then(
          (value) => {
            if (closed) return;
            const seen = during ?? [];
            during = null;
            // A write during the read that touches the old or the new result: the new one
            // may or may not include it, so it is read again.
            const stale = seen.some(
              (parts) => touched(value, parts) || (last !== null && touched(last.value, parts)),
            );
            last = { value };
            if (stale) readLater();
            else later(() => observer.next(value));
          },
          (failure: unknown) => {
            if (closed) return;
            during = null;
            const name = (failure as { name?: unknown } | null)?.name;
            if (typeof name === 'string' && QUIET_ERRORS.has(name)) return;
            later(() => observer.error(failure));
          },
        );
      };
      const readLater = () => {
        if (due) return;
        due = true;
        later(() => {
          due = false;
          read();
        });
      };
      const onWrite = (parts: ObservabilitySet) => {
        if (closed || due) return;
        if (during) during.push(parts);
        // No result yet (the first read failed): any write may be the one that mends it.
        else if (last === null || touched(last.value, parts)) readLater();
      };
      // Listening before the first read starts: no write can fall between the two. The
      // first read starts at once (a prefetch's read goes out before the screen's code runs).
      Dexie.on('storagemutated', onWrite);
      read();
      return {
        unsubscribe() {
          closed = true;
          Dexie.on.storagemutated.unsubscribe(onWrite);
        },
      };
    },
  };
}

/** The part of a write's description for one table and index ('' is the primary key). */
function partOf(
  parts: ObservabilitySet,
  dbName: string,
  table: string,
  index: string,
): IntervalTree | undefined {
  return parts[`idb://${dbName}/${table}/${index}`];
}

/** One read of a query: the rows of `table` whose `index` ('' for the primary key) is one of `keys`. */
export interface IndexRead {
  table: string;
  index: string;
  keys: readonly string[];
  /** What the read returned. */
  rows: readonly { id: string }[];
}

/**
 * Whether a write (Dexie's description of it) may change what `reads` returned:
 * it wrote or deleted one of the rows returned (an edit, a move elsewhere, a
 * deletion), or a row that has or had one of the keys read (one added or moved
 * here). A query's test lists all of its reads; a read left out is not followed.
 */
export function readsTouched(dbName: string, parts: ObservabilitySet, reads: readonly IndexRead[]): boolean {
  return reads.some((read) => {
    const keys = new Set<string>(read.keys);
    if (holdsAny(partOf(parts, dbName, read.table, read.index), (key) => keys.has(key))) return true;
    const changed = partOf(parts, dbName, read.table, '');
    const deleted = partOf(parts, dbName, read.table, ':dels');
    if (!changed && !deleted) return false;
    const ids = idsOf(read.rows);
    return holdsAny(changed, (key) => ids.has(key)) || holdsAny(deleted, (key) => ids.has(key));
  });
}

/** The ids of a result's rows, made once per result (a write elsewhere asks again, 5,000 cards each time). */
const idSets = new WeakMap<readonly { id: string }[], ReadonlySet<string>>();
function idsOf(rows: readonly { id: string }[]): ReadonlySet<string> {
  let ids = idSets.get(rows);
  if (!ids) {
    ids = new Set(rows.map((row) => row.id));
    idSets.set(rows, ids);
  }
  return ids;
}

/**
 * Whether `tree` (a set of keys and key ranges) holds one of `keys`. A range
 * wider than one key counts as a hit: Dexie writes one for bulk writes and
 * clears, and reading once too often is only slower, never wrong.
 */
export function holdsAny(tree: IntervalTree | undefined, keys: (key: string) => boolean): boolean {
  if (!tree || !('from' in tree)) return false;
  const stack: IntervalTreeNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.from !== node.to || typeof node.from !== 'string') return true;
    if (keys(node.from)) return true;
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return false;
}
