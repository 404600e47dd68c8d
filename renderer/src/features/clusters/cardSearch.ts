// The card a board search shows ("Karten suchen"). A big board renders only
// the cards near the screen (useCardWindow), so neither the browser's
// find-in-page nor a screen reader's reach the others, and the desktop app
// has no find-in-page at all. The search finds cards in the board's data; the
// card it shows stays rendered (pinned like a focused card), is marked, and
// is scrolled to the middle of the screen. One small store: a card reads only
// whether it is the one shown, so moving to the next hit re-renders two cards.

import { useSyncExternalStore } from 'react';
import type { NoteId } from '../../domain/ids';
import type { Note } from '../../domain/types';

let shown: NoteId | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function shownHit(): NoteId | null {
  return shown;
}

/** Marks a card as the search's hit (null: none). */
export function setShownHit(id: NoteId | null): void {
  if (shown === id) return;
  shown = id;
  for (const listener of listeners) listener();
}

/** Whether this card is the hit shown. */
export function useIsShownHit(id: NoteId): boolean {
  return useSyncExternalStore(subscribe, () => shown === id);
}

/** The hit shown, when it is one of `cards` (a list keeps it rendered). */
export function useShownHitIn(cards: readonly Note[]): NoteId | null {
  return useSyncExternalStore(subscribe, () =>
    shown !== null && cards.some((note) => note.id === shown) ? shown : null,
  );
}

/** Lower case, single spaces: what a search compares. */
function normalize(text: string, language: string): string {
  return text.replace(/\s+/g, ' ').trim().toLocaleLowerCase(language);
}

/** The cards whose text (or facts) contains the query, in the order given (the board's). */
export function matchCards(cards: readonly Note[], query: string, language: string): Note[] {
  const wanted = normalize(query, language);
  if (wanted === '') return [];
  return cards.filter((note) => {
    const facts = note.facts ? `${note.facts.process} ${note.facts.painPoint}` : '';
    return normalize(`${note.text} ${facts}`, language).includes(wanted);
  });
}

/** The card's element once it is rendered (a few frames at most), or null. */
function cardElement(id: NoteId, framesLeft: number): Promise<HTMLElement | null> {
  return new Promise((resolve) => {
    const look = (left: number) => {
      const element = document.querySelector<HTMLElement>(
        `li.cluster-card[data-note-id="${CSS.escape(id)}"]`,
      );
      if (element || left === 0) resolve(element);
      else requestAnimationFrame(() => look(left - 1));
    };
    look(framesLeft);
  });
}

/**
 * Shows a card: marks it, has its list render it, and scrolls it to the middle
 * of the screen. Resolves with its element (null if it is not on the board).
 */
export async function showHit(id: NoteId): Promise<HTMLElement | null> {
  setShownHit(id);
  // A collapsed cluster being opened, or a list rendering the pinned card: some frames.
  const element = await cardElement(id, 60);
  element?.scrollIntoView({ block: 'center', inline: 'nearest' });
  return element;
}
