import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import type { NoteId } from '../../domain/ids';
import type { Note } from '../../domain/types';
import { useBroughtIn } from '../board/cardSearch';
import {
  cardSpan,
  FIRST_PAINT_MARGINS,
  nextRange,
  SCROLL_MARGINS,
  rowHeights,
  windowPadding,
  withPinned,
  withSearchRow,
  type RowRange,
} from './windowing';

/**
 * Rendering only the cards near the screen (see windowing.ts). A big board
 * puts thousands of cards on one page: laying them all out makes opening the
 * board slow and every drag's pick-up measure the whole page. Each card list
 * of such a board renders the rows of cards near the screen; the rest is
 * padding of their measured height (or the typical height of a card, until a
 * card has been seen once). Scrolling, resizing and changes of the board move
 * the window. A focused or dragged card always stays rendered, and a card that
 * takes the focus with it into a new place (moved by keyboard or a dialog) is
 * rendered there, so the focus can follow it. Until a list has been painted,
 * it renders only the rows on the screen; the rows around it (for scrolling)
 * follow when the main thread is idle after that paint (at most some 300 ms
 * later). Until then a Tab from the last card on the screen goes on to the
 * next cluster, as a Tab from the last rendered card of any window does.
 */

/** Whether the board is big enough to render only what is near the screen. */
export const WindowingContext = createContext(false);

/** A card's height in px, by its id: kept across lists, as a card moved elsewhere keeps its size. */
const heights = new Map<NoteId, number>();
let measuredSum = 0;
const TYPICAL = 110;

function remember(id: NoteId, height: number): boolean {
  const old = heights.get(id);
  if (old === height) return false;
  measuredSum += height - (old ?? 0);
  heights.set(id, height);
  return true;
}

/** The height a card will have: as measured, else the average of the cards measured so far. */
function heightOf(id: NoteId): number {
  return heights.get(id) ?? (heights.size > 0 ? measuredSum / heights.size : TYPICAL);
}

// ---------------------------------------------------------------- the screen, watched once for all lists

const listeners = new Set<() => void>();
let frame = 0;
/** The card that holds the focus (or held it when its element went away). */
let focusedCard: NoteId | null = null;

function run() {
  frame = 0;
  for (const listener of listeners) listener();
}

/** Lets every windowed list look at the screen again, before the next frame. */
export function layoutChanged(): void {
  if (frame === 0 && listeners.size > 0) frame = requestAnimationFrame(run);
}

function cardOf(element: EventTarget | null): NoteId | null {
  if (!(element instanceof Element)) return null;
  const card = element.closest<HTMLElement>('li.cluster-card[data-note-id]');
  return (card?.dataset.noteId as NoteId | undefined) ?? null;
}

function onFocusIn(event: FocusEvent) {
  // A dialog opened from a card ("Verschieben nach …") gives the focus back to that card.
  if (event.target instanceof Element && event.target.closest('dialog')) return;
  focusedCard = cardOf(event.target);
}

function onFocusOut(event: FocusEvent) {
  if (event.relatedTarget) return;
  const left = event.target;
  // Removed with the focus in it (the card moved): keep the card, its new place renders it.
  // Focus given up (a click on nothing): forget it.
  setTimeout(() => {
    if (left instanceof Element && left.isConnected && document.activeElement === document.body)
      focusedCard = null;
  });
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    addEventListener('scroll', layoutChanged, { capture: true, passive: true });
    addEventListener('resize', layoutChanged, { passive: true });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    focusedCard = cardOf(document.activeElement);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    removeEventListener('scroll', layoutChanged, { capture: true });
    removeEventListener('resize', layoutChanged);
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('focusout', onFocusOut);
    cancelAnimationFrame(frame);
    frame = 0;
  };
}

// ---------------------------------------------------------------- the rows around the screen, after the paint

/** Lists that render only the rows on the screen until the frame that shows them is painted. */
let waitingForPaint = new Set<() => void>();
let paintFrame = 0;

/**
 * Calls `widen` once the next frame is painted and the main thread is idle (input goes first).
 * Each frame takes the lists that were waiting for it; a list that mounts later waits for its own.
 */
function afterPaint(widen: () => void): () => void {
  const waiting = waitingForPaint;
  waiting.add(widen);
  if (paintFrame === 0)
    paintFrame = requestAnimationFrame(() => {
      paintFrame = 0;
      const painted = waitingForPaint;
      waitingForPaint = new Set();
      const flush = () => {
        for (const each of painted) each();
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 300 });
      else setTimeout(flush);
    });
  // Unmounted before: not called (the set it is in is the one the flush walks).
  return () => {
    waiting.delete(widen);
  };
}

// ---------------------------------------------------------------- one list

interface WindowState {
  range: RowRange;
  columns: number;
  gap: number;
  /** Bumped when measured heights changed, so the padding follows them. */
  version: number;
}

const EMPTY: WindowState = { range: { start: 0, end: 0 }, columns: 1, gap: 0, version: 0 };

function px(value: string): number {
  const n = parseFloat(value);
  return Number.isFinite(n) ? n : 0;
}

/** Where the list lies and how it is laid out, read from the page. */
function measure(list: HTMLElement) {
  let changed = false;
  for (const card of list.querySelectorAll<HTMLElement>(':scope > li.cluster-card[data-note-id]'))
    // The exact height, not offsetHeight's whole pixels: the padding must add up to the cards it replaces.
    if (remember(card.dataset.noteId as NoteId, card.getBoundingClientRect().height)) changed = true;
  const style = getComputedStyle(list);
  const columns =
    style.display === 'grid' ? Math.max(1, style.gridTemplateColumns.split(' ').filter(Boolean).length) : 1;
  const gap = px(style.rowGap);
  const box = list.getBoundingClientRect();
  const scrolls = /auto|scroll/.test(style.overflowY);
  // The top of the first row on the screen: the list's top, its own padding, the stand-in rows above.
  const origin =
    box.top +
    px(style.borderTopWidth) +
    px(style.paddingTop) -
    Number(list.dataset.windowBefore ?? 0) -
    (scrolls ? list.scrollTop : 0);
  let top = 0;
  let bottom = innerHeight;
  if (scrolls) {
    // A list that scrolls on its own (the pool) shows what lies in its box, when its box is near the screen.
    const near = box.bottom > -innerHeight && box.top < 2 * innerHeight;
    top = near ? box.top : -1e9;
    bottom = near ? box.bottom : -1e9;
  }
  return { changed, columns, gap, viewTop: top - origin, viewBottom: bottom - origin };
}

export interface CardWindow {
  ref: (element: HTMLUListElement | null) => void;
  /** The cards to render: the indices from … to (not including). */
  from: number;
  to: number;
  /** The padding that stands in for the cards not rendered (on top of the list's own). */
  style: CSSProperties;
  /** The padding before the rendered cards, in px (read back when the list is measured). */
  before: number;
}

/**
 * The part of `cards` a list renders (all of them when the board is small).
 * `draggingId` is the card being dragged, when it is in this list.
 */
export function useCardWindow(cards: readonly Note[], draggingId: NoteId | null): CardWindow | null {
  const enabled = useContext(WindowingContext);
  const listRef = useRef<HTMLUListElement | null>(null);
  const [state, setState] = useState<WindowState>(EMPTY);
  // The card the board search is bringing into view (see cardSearch.ts).
  const broughtIn = useBroughtIn(cards);
  const cardsRef = useRef(cards);
  useLayoutEffect(() => {
    cardsRef.current = cards;
  });
  const painted = useRef(false);

  const update = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const current = cardsRef.current;
    const m = measure(list);
    setState((old) => {
      const rows = rowHeights(
        current.map((n) => heightOf(n.id)),
        m.columns,
      );
      const range = nextRange(
        old.range,
        { rows, gap: m.gap, viewTop: m.viewTop, viewBottom: m.viewBottom },
        painted.current ? SCROLL_MARGINS : FIRST_PAINT_MARGINS,
      );
      const same =
        range.start === old.range.start &&
        range.end === old.range.end &&
        m.columns === old.columns &&
        m.gap === old.gap &&
        !m.changed;
      return same ? old : { range, columns: m.columns, gap: m.gap, version: old.version + 1 };
    });
  }, []);

  // After every render: measure the cards just rendered and move the window if need be (before the paint).
  useLayoutEffect(() => {
    if (enabled) update();
  });
  useEffect(() => (enabled ? subscribe(update) : undefined), [enabled, update]);
  useEffect(() => {
    if (!enabled || painted.current) return undefined;
    return afterPaint(() => {
      painted.current = true;
      update();
    });
  }, [enabled, update]);

  const ref = useCallback((element: HTMLUListElement | null) => {
    listRef.current = element;
  }, []);

  if (!enabled) return null;
  const rows = rowHeights(
    cards.map((n) => heightOf(n.id)),
    state.columns,
  );
  // The focused card (it may just have arrived here with the focus in it) and the dragged one stay rendered.
  const rowOf = (id: NoteId | null) => {
    const index = id === null ? -1 : cards.findIndex((n) => n.id === id);
    return index < 0 ? null : Math.floor(index / state.columns);
  };
  // A card the search is bringing into view from far away: its row alone (the scroll that follows
  // moves the window there).
  const base = withSearchRow(
    state.range.end <= rows.length ? state.range : { start: 0, end: 0 },
    rowOf(broughtIn),
  );
  const range = withPinned(withPinned(base, rowOf(draggingId)), rowOf(focusedCard));
  const { before, after } = windowPadding(rows, state.gap, range);
  const { from, to } = cardSpan(range, state.columns, cards.length);
  return {
    ref,
    from,
    to,
    // Plain properties, not custom ones: a changed custom property would restyle every card in the list.
    style: {
      paddingTop: `calc(var(--list-pad) + ${before.toFixed(2)}px)`,
      paddingBottom: `calc(var(--list-pad) + ${after.toFixed(2)}px)`,
    },
    before: Number(before.toFixed(2)),
  };
}
