import i18next, { type TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';
import { plainTexts } from './plainTexts';

/**
 * The translate function for components shown thousands of times (the cards
 * of a board). react-i18next's useTranslation copies the i18next instance for
 * every component that mounts — on a board of 5,000 cards that alone took
 * over a second. This one hands out one function, a new one when the language
 * changes or texts are added, so memoised components re-render then.
 */
let current = makeT();
const listeners = new Set<() => void>();

/** Remembered texts per function; beyond this many the memory starts afresh. */
const MEMO_LIMIT = 5_000;

/**
 * A translate function that remembers its texts: a board asks for the same
 * labels for every card and cluster ("Bearbeiten", "Karte 3 von 200"), some
 * 600 calls of i18next's t when a board opens; those that name a card differ
 * for every card, and plainTexts.ts fills them in. Only calls with a key and plain
 * options (strings, numbers, booleans) are remembered, and only string
 * results; the function is replaced when the language changes or texts are
 * added, and its memory with it.
 */
function makeT(): TFunction {
  const memo = new Map<string, string>();
  const plain = plainTexts();
  return ((...args: Parameters<TFunction>) => {
    const [key, options] = args as unknown as [unknown, unknown];
    const id = memoKey(key, options);
    if (id === null) return i18next.t(...args);
    const known = memo.get(id);
    if (known !== undefined) return known;
    // memoKey let only a string key and plain options through.
    const text: unknown =
      plain(key as string, options as Record<string, unknown> | undefined) ?? i18next.t(...args);
    // A missing text (its key comes back) may arrive with the rest of the texts: not kept.
    if (typeof text !== 'string' || text === key) return text;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(id, text);
    return text;
  }) as TFunction;
}

function memoKey(key: unknown, options: unknown): string | null {
  if (typeof key !== 'string') return null;
  if (options === undefined) return key;
  if (options === null || typeof options !== 'object' || Object.getPrototypeOf(options) !== Object.prototype)
    return null;
  const values = Object.values(options);
  const plain = (v: unknown) =>
    typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
  if (!values.every(plain)) return null;
  return `${key}\u0000${JSON.stringify(options)}`;
}

function changed(): void {
  current = makeT();
  for (const listener of listeners) listener();
}

// From the start, not from the first subscriber: texts added between a component's
// first render and its commit must not stay remembered as missing.
i18next.on('languageChanged', changed);
if (i18next.store) i18next.store.on('added', changed);
else i18next.on('initialized', () => i18next.store?.on('added', changed));

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => current;

export function useT(): TFunction {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
