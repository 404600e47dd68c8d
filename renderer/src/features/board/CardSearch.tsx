import i18next from 'i18next';
import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { NoteId } from '../../domain/ids';
import type { Note } from '../../domain/types';
import { useT } from '../../i18n/useT';
import { IS_MAC } from '../../platform/keyboard';
import { useAppStore } from '../../state/store';
import { matchCards, setShownHit, showHit } from './cardSearch';
import { shorten } from './useNoteDnd';
import './cardSearch.css';

interface CardSearchProps {
  /** Every card of the board in the order the board shows them (clusters: the pool, then the clusters). */
  order: readonly Note[];
  /** Where a card is, said with a hit: "in der Spalte „Ideen“", "noch nicht gruppiert" … */
  placeOf: (note: Note) => string;
  /**
   * Makes a hit's card renderable, e.g. opens its collapsed cluster; false if
   * that failed (and was reported). Boards that always show every card have none.
   */
  reveal?: (note: Note) => Promise<boolean>;
}

const announce = (text: string) => useAppStore.getState().announce(text);

/** Strg+F (Cmd+F on a Mac), matched like the app's other shortcuts (by the key or the physical key). */
function isSearchShortcut(event: globalThis.KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) &&
    !event.shiftKey &&
    !event.altKey &&
    (event.code === 'KeyF' || event.key.toLowerCase() === 'f')
  );
}

/** How long typing must pause before the number of hits is said. */
const SAY_COUNT_AFTER_MS = 700;

/**
 * "Karten suchen" on every board with cards: finds cards by their text (and
 * facts), also those a big clusters board does not render, and shows one hit at a time (Enter: the
 * next, Shift+Enter: the one before; Strg+F puts the cursor here). The focus
 * stays in the field; "Zur Karte" moves it to the card shown.
 */
export const CardSearch = memo(function CardSearch({ order, placeOf, reveal }: CardSearchProps) {
  // useT, as everywhere on the board (see i18n/useT.ts); a new t when the language changes.
  const t = useT();
  const [query, setQuery] = useState('');
  // The hit shown, by its card: the board may change under the search (cards moved, deleted).
  const [shownId, setShownId] = useState<NoteId | null>(null);
  const [focused, setFocused] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const slot = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // Each step (Enter, a button) supersedes the one before, which may still be waiting for its card.
  const request = useRef(0);
  const statusId = useId();
  const language = i18next.language;
  const matches = useMemo(() => matchCards(order, query, language), [order, query, language]);
  const index = shownId === null ? -1 : matches.findIndex((note) => note.id === shownId);
  const current = index >= 0 ? matches[index] : undefined;

  // Whether the toolbar's place for the search is on the screen. Scrolled past it while the
  // search is in use, the search floats at the top of the window (like a find bar), so the
  // field with the cursor in it and its "2 von 11" stay in view.
  const [slotShown, setSlotShown] = useState(true);
  useEffect(() => {
    const element = slot.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setSlotShown(entry?.isIntersecting ?? true));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const floating = !slotShown && (focused || query !== '');
  // While it floats, focus moves and scrolls keep clear of it (WCAG 2.4.11).
  useEffect(() => {
    if (!floating || !box.current) return;
    const root = document.documentElement;
    root.style.scrollPaddingTop = `${box.current.getBoundingClientRect().bottom + 8}px`;
    return () => {
      root.style.scrollPaddingTop = '';
    };
  }, [floating]);

  // Strg+F (Cmd+F) while the board is open: the board's own search, which reaches every card.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!isSearchShortcut(event)) return;
      // Not over a dialog, nor while a card is picked up by keyboard (Enter would drop it).
      if (document.querySelector('dialog[open], [data-drag-handle][aria-pressed="true"]')) return;
      event.preventDefault();
      field.current?.focus();
      field.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  // No mark left behind when the board closes, nor on a card that no longer matches (edited, deleted).
  useEffect(() => () => setShownHit(null), []);
  const lost = shownId !== null && index < 0;
  useEffect(() => {
    if (lost) setShownHit(null);
  }, [lost]);

  // The number of hits, said once typing pauses (not at every key), unless a hit is shown first.
  const countTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (query.trim() === '') return;
    const timer = setTimeout(
      () =>
        announce(
          matches.length === 0 ? t('cardSearch.none') : t('cardSearch.count', { count: matches.length }),
        ),
      SAY_COUNT_AFTER_MS,
    );
    countTimer.current = timer;
    return () => clearTimeout(timer);
    // Said for a new query only, not again when the board changes under it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  const change = (value: string) => {
    request.current += 1;
    setQuery(value);
    setShownId(null);
    setShownHit(null);
  };

  const go = async (step: 1 | -1) => {
    const count = matches.length;
    if (count === 0) return;
    const next = index < 0 ? (step === 1 ? 0 : count - 1) : (index + step + count) % count;
    const note = matches[next]!;
    const mine = ++request.current;
    const stale = () => request.current !== mine;
    clearTimeout(countTimer.current);
    setShownId(note.id);
    // A failed save (opening a cluster) is reported by reveal; the card then stays hidden.
    if (reveal && !(await reveal(note))) return;
    if (stale()) return;
    const shown = await showHit(note.id, stale);
    if (stale()) return;
    const where = placeOf(note);
    announce(
      shown
        ? t('cardSearch.hit', {
            index: next + 1,
            count,
            text: shorten(note.text, 80) || t('notes.empty'),
            where,
          })
        : t('cardSearch.notShown'),
    );
  };

  const toCard = async () => {
    if (!current) return;
    const mine = ++request.current;
    const element = await showHit(current.id, () => request.current !== mine);
    element?.querySelector<HTMLElement>('[data-drag-handle]')?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void go(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      change('');
    }
  };

  const status =
    query.trim() === ''
      ? ''
      : matches.length === 0
        ? t('cardSearch.none')
        : current
          ? t('cardSearch.position', { index: index + 1, count: matches.length })
          : t('cardSearch.count', { count: matches.length });

  return (
    <div ref={slot} className="card-search-slot">
      <div
        ref={box}
        className={floating ? 'card-search card-search-floating' : 'card-search'}
        role="search"
        onFocus={() => setFocused(true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
        }}
      >
        <input
          ref={field}
          type="search"
          className="card-search-field"
          value={query}
          onChange={(event) => change(event.target.value)}
          onKeyDown={onKeyDown}
          aria-label={t('cardSearch.label')}
          aria-describedby={statusId}
          aria-keyshortcuts="Control+F Meta+F"
          placeholder={t('cardSearch.placeholder')}
          title={t('cardSearch.hint', {
            keys: IS_MAC ? t('cardSearch.keysMac') : t('cardSearch.keys'),
          })}
          enterKeyHint="search"
        />
        {/* Not a live region: the counts are said by announce() once typing pauses. */}
        <span id={statusId} className="card-search-status">
          {status}
        </span>
        {matches.length > 0 && (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => void go(-1)}
              aria-label={t('cardSearch.previous')}
              title={t('cardSearch.previous')}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => void go(1)}
              aria-label={t('cardSearch.next')}
              title={t('cardSearch.next')}
            >
              <span aria-hidden="true">↓</span>
            </button>
            {current && (
              <button type="button" className="button button-small" onClick={() => void toCard()}>
                {t('cardSearch.toCard')}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
});
