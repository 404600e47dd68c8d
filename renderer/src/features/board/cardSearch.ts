// The card a board search shows ("Karten suchen", on every board with cards).
// A big clusters board renders only the cards near the screen (useCardWindow), so neither the browser's
// find-in-page nor a screen reader's reach the others, and the desktop app
// has no find-in-page at all. The search finds cards in the board's data and
// shows one: marked, scrolled to the middle of the screen. Two small stores:
// - the mark: a card reads only whether it is the one marked, so moving to
//   the next hit re-renders two cards;
// - the card being brought into view: its list renders that card's row alone
//   (not every row between the screen and the card) until the scroll has
//   moved the list's window there.

import { useSyncExternalStore } from 'react';
import type { NoteId } from '../../domain/ids';
import type { Note } from '../../domain/types';

function store() {
  let value: NoteId | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: NoteId | null) {
      if (value === next) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const marked = store();
const bringing = store();

export function shownHit(): NoteId | null {
  return marked.get();
}

/** Marks a card as the search's hit (null: none). */
export function setShownHit(id: NoteId | null): void {
  marked.set(id);
}

/** Whether this card is the hit shown. */
export function useIsShownHit(id: NoteId): boolean {
  return useSyncExternalStore(marked.subscribe, () => marked.get() === id);
}

/** The card being brought into view, when it is one of `cards` (its list renders it). */
export function useBroughtIn(cards: readonly Note[]): NoteId | null {
  return useSyncExternalStore(bringing.subscribe, () => {
    const id = bringing.get();
    return id !== null && cards.some((note) => note.id === id) ? id : null;
  });
}

// ---------------------------------------------------------------- matching

/** What a search compares, per card object: lower case, single spaces (cards are stable objects). */
const searchable = new WeakMap<Note, { language: string; text: string }>();

function textOf(note: Note, language: string): string {
  const kept = searchable.get(note);
  if (kept?.language === language) return kept.text;
  const facts = note.facts ? ` ${note.facts.process} ${note.facts.painPoint}` : '';
  const text = normalize(note.text + facts, language);
  searchable.set(note, { language, text });
  return text;
}

function normalize(text: string, language: string): string {
  return text.replace(/\s+/g, ' ').trim().toLocaleLowerCase(language);
}

/** The cards whose text (or facts) contains the query, in the order given (the board's). */
export function matchCards(cards: readonly Note[], query: string, language: string): Note[] {
  const wanted = normalize(query, language);
  if (wanted === '') return [];
  return cards.filter((note) => textOf(note, language).includes(wanted));
}

// ---------------------------------------------------------------- showing

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** The card's element, if rendered (every board's card carries its id). */
function cardElement(id: NoteId): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-note-id="${id}"]`);
}

/** How long a card may take to appear (a collapsed cluster opening on a big board, a slow laptop). */
const APPEAR_MS = 3_000;

/**
 * Shows a card: marks it, has its list render it, and scrolls it to the middle
 * of the screen. Resolves with its element, or null if it did not appear in
 * time. `stale` tells that a newer request has taken over: then nothing more
 * is done.
 */
export async function showHit(id: NoteId, stale: () => boolean = () => false): Promise<HTMLElement | null> {
  setShownHit(id);
  bringing.set(id);
  try {
    const until = performance.now() + APPEAR_MS;
    let element = cardElement(id);
    while (!element && performance.now() < until) {
      await nextFrame();
      if (stale()) return null;
      element = cardElement(id);
    }
    if (!element) return null;
    element.scrollIntoView({ block: 'center', inline: 'nearest' });
    // The scroll moves the lists' windows to the card (in the frame after it); only then the
    // card needs no singling out any more.
    await nextFrame();
    await nextFrame();
    return element.isConnected ? element : cardElement(id);
  } finally {
    if (bringing.get() === id) bringing.set(null);
  }
}
