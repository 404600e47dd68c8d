import i18next, { type TFunction } from 'i18next';
import { useSyncExternalStore } from 'react';

/**
 * The translate function for components shown thousands of times (the cards
 * of a board). react-i18next's useTranslation copies the i18next instance for
 * every component that mounts — on a board of 5,000 cards that alone took
 * over a second. This one hands out one function, a new one when the language
 * changes or texts are added, so memoised components re-render then.
 */
let current = makeT();
const listeners = new Set<() => void>();
let listening = false;

function makeT(): TFunction {
  return ((...args: Parameters<TFunction>) => i18next.t(...args)) as TFunction;
}

function changed(): void {
  current = makeT();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  if (!listening) {
    listening = true;
    i18next.on('languageChanged', changed);
    i18next.store?.on('added', changed);
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => current;

export function useT(): TFunction {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
