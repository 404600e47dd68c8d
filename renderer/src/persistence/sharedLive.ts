import { liveQuery, type ObservabilitySet } from 'dexie';
import { watchedQuery } from './watchedQuery';

/**
 * A live query shared by everyone who asks for the same key, and startable
 * before any component asks: main.tsx starts the queries of the screen the
 * app opens on as soon as the database is open, while the screen's code is
 * still loading, so a board of 5,000 cards is read in parallel instead of
 * after the render that asks for it. A component reading it through
 * dexie-react-hooks' useObservable then has the rows at its first render
 * (the observable has getValue, like a BehaviorSubject). As with
 * useLiveQuery: undefined while loading, a new value on every change that
 * touches what the query read, and errors go to the error boundary.
 */
export interface SharedLiveQuery<K, T> {
  /**
   * Starts the query for `key` (if not running) before a component asks.
   * Resolves once its first result (or error) is there; never rejects.
   */
  prefetch(key: K): Promise<void>;
  /** The query for `key` as an observable for useObservable. */
  observe(key: K): SharedObservable<T>;
}

type Observer<T> = { next?: (value: T) => void; error?: (error: unknown) => void };

export interface SharedObservable<T> {
  hasValue(): boolean;
  getValue(): T | undefined;
  subscribe(
    next: ((value: T) => void) | Observer<T>,
    error?: (error: unknown) => void,
  ): { unsubscribe(): void };
}

type State<T> = { kind: 'loading' } | { kind: 'value'; value: T } | { kind: 'error'; error: unknown };

interface Entry<T> {
  state: State<T>;
  observers: Set<Observer<T>>;
  subscription: { unsubscribe(): void } | undefined;
  release: ReturnType<typeof setTimeout> | undefined;
  /** Resolves on the first result or error, or when the entry is dropped before either. */
  settled: Promise<void>;
  settle: () => void;
}

/** How long a result outlives its last reader (a remount, StrictMode's double mount). */
const KEEP_MS = 1_000;
/** How long a prefetched result waits for its first reader. */
const PREFETCH_KEEP_MS = 10_000;

/**
 * `touches`: follow the query's writes by that test instead of through Dexie's
 * liveQuery (see watchedQuery), for queries that return thousands of rows.
 */
export function sharedLiveQuery<K, T>(
  keyOf: (key: K) => string,
  query: (key: K) => Promise<T>,
  touches?: (key: K, value: T, parts: ObservabilitySet) => boolean,
): SharedLiveQuery<K, T> {
  const entries = new Map<string, Entry<T>>();

  const entryFor = (key: K): Entry<T> => {
    const id = keyOf(key);
    const existing = entries.get(id);
    if (existing) return existing;
    let settle = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const entry: Entry<T> = {
      state: { kind: 'loading' },
      observers: new Set(),
      subscription: undefined,
      release: undefined,
      settled,
      settle,
    };
    entries.set(id, entry);
    const source = touches
      ? watchedQuery(
          () => query(key),
          (value, parts) => touches(key, value, parts),
        )
      : // An async querier, so that Dexie follows every await of the query (its zone).
        liveQuery(async () => await query(key));
    entry.subscription = source.subscribe({
      next: (value) => {
        entry.state = { kind: 'value', value };
        entry.settle();
        for (const observer of [...entry.observers]) observer.next?.(value);
      },
      error: (error: unknown) => {
        // Told to those reading now (their error boundary shows it); whoever asks next
        // starts afresh, as a new useLiveQuery would.
        entry.state = { kind: 'error', error };
        entry.settle();
        for (const observer of [...entry.observers]) observer.error?.(error);
        forget(id, entry);
      },
    });
    return entry;
  };

  const forget = (id: string, entry: Entry<T>) => {
    // Whoever waits for it must not wait for ever (a prefetch nobody read in time).
    entry.settle();
    clearTimeout(entry.release);
    entry.subscription?.unsubscribe();
    if (entries.get(id) === entry) entries.delete(id);
  };

  const releaseLater = (key: K, entry: Entry<T>, ms: number) => {
    clearTimeout(entry.release);
    entry.release = setTimeout(() => {
      if (entry.observers.size === 0) forget(keyOf(key), entry);
    }, ms);
  };

  return {
    prefetch(key) {
      const entry = entryFor(key);
      if (entry.observers.size === 0) releaseLater(key, entry, PREFETCH_KEEP_MS);
      return entry.settled;
    },
    observe(key) {
      const current = () => entries.get(keyOf(key))?.state;
      return {
        hasValue: () => current()?.kind === 'value',
        getValue: () => {
          const state = current();
          return state?.kind === 'value' ? state.value : undefined;
        },
        subscribe(next, error) {
          const observer: Observer<T> = typeof next === 'function' ? { next, error } : next;
          const entry = entryFor(key);
          clearTimeout(entry.release);
          entry.observers.add(observer);
          // What is there already (a reader that subscribes after the value came).
          if (entry.state.kind === 'value') observer.next?.(entry.state.value);
          else if (entry.state.kind === 'error') observer.error?.(entry.state.error);
          return {
            unsubscribe() {
              if (!entry.observers.delete(observer)) return;
              if (entry.observers.size === 0) releaseLater(key, entry, KEEP_MS);
            },
          };
        },
      };
    },
  };
}
