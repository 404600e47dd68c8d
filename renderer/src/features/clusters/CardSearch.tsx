import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import i18next from 'i18next';
import type { ClusterId } from '../../domain/ids';
import type { Cluster, Note } from '../../domain/types';
import { useT } from '../../i18n/useT';
import { shorten } from '../board/useNoteDnd';
import { matchCards, setShownHit, showHit } from './cardSearch';
import { announce } from './useClusterDnd';

interface CardSearchProps {
  /** Every card of the board in the order the board shows them: the pool, then the clusters. */
  order: readonly Note[];
  clusters: readonly Cluster[];
  /** Opens a collapsed cluster (a hit inside it is shown). */
  expand: (clusterId: ClusterId) => Promise<unknown>;
}

/**
 * "Karten suchen" on the clusters board: finds cards by their text, also
 * those a big board does not render, and shows one hit at a time (Enter: the
 * next, Shift+Enter: the one before; Strg+F puts the cursor here). The focus
 * stays in the field; "Zur Karte" moves it to the card shown.
 */
export const CardSearch = memo(function CardSearch({ order, clusters, expand }: CardSearchProps) {
  // useT, as everywhere on the board (see i18n/useT.ts); a new t when the language changes.
  const t = useT();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(-1);
  const field = useRef<HTMLInputElement>(null);
  const slot = useRef<HTMLDivElement>(null);
  // Whether the toolbar's place for the search is on the screen. While a search runs and the
  // board is scrolled past it, the search floats at the top of the window (like a find bar),
  // so the field with the cursor in it and its "2 von 11" stay in view.
  const [slotShown, setSlotShown] = useState(true);
  useEffect(() => {
    const element = slot.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setSlotShown(entry?.isIntersecting ?? true));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const statusId = useId();
  const language = i18next.language;
  const matches = useMemo(() => matchCards(order, query, language), [order, query, language]);
  const current = index >= 0 && index < matches.length ? matches[index] : undefined;

  // Strg+F (Cmd+F) while the board is open: the board's own search, which reaches every card.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return;
      if (event.code !== 'KeyF' && event.key.toLowerCase() !== 'f') return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      field.current?.focus();
      field.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  // No mark left behind when the board closes.
  useEffect(() => () => setShownHit(null), []);

  const change = (value: string) => {
    setQuery(value);
    setIndex(-1);
    setShownHit(null);
  };

  const go = async (step: 1 | -1) => {
    const count = matches.length;
    if (count === 0) return;
    const next = index < 0 || index >= count ? (step === 1 ? 0 : count - 1) : (index + step + count) % count;
    setIndex(next);
    const note = matches[next]!;
    const cluster = clusters.find((c) => c.id === note.clusterId);
    if (cluster?.collapsed) await expand(cluster.id);
    const shown = await showHit(note.id);
    const where = cluster
      ? t('clusters.search.inCluster', { title: cluster.title })
      : t('clusters.search.inPool');
    announce(
      shown
        ? t('clusters.search.hit', {
            index: next + 1,
            count,
            text: shorten(note.text, 80) || t('notes.empty'),
            where,
          })
        : t('clusters.search.hitGone'),
    );
  };

  const toCard = async () => {
    if (!current) return;
    const element = await showHit(current.id);
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
        ? t('clusters.search.none')
        : current
          ? t('clusters.search.position', { index: index + 1, count: matches.length })
          : t('clusters.search.count', { count: matches.length });

  const floating = query !== '' && !slotShown;
  return (
    <div ref={slot} className="card-search-slot">
      <div className={floating ? 'card-search card-search-floating' : 'card-search'} role="search">
        <input
          ref={field}
          type="search"
          className="card-search-field"
          value={query}
          onChange={(event) => change(event.target.value)}
          onKeyDown={onKeyDown}
          aria-label={t('clusters.search.label')}
          aria-describedby={statusId}
          aria-keyshortcuts="Control+F Meta+F"
          placeholder={t('clusters.search.placeholder')}
          title={t('clusters.search.hint')}
          enterKeyHint="search"
        />
        <span id={statusId} className="card-search-status" aria-live="polite">
          {status}
        </span>
        {matches.length > 0 && (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => void go(-1)}
              aria-label={t('clusters.search.previous')}
              title={t('clusters.search.previous')}
            >
              <span aria-hidden="true">↑</span>
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => void go(1)}
              aria-label={t('clusters.search.next')}
              title={t('clusters.search.next')}
            >
              <span aria-hidden="true">↓</span>
            </button>
            {current && (
              <button type="button" className="button button-small" onClick={() => void toCard()}>
                {t('clusters.search.toCard')}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
});
