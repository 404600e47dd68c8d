import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/** How many clusters a big board renders first (two rows of four at 1366 px). */
export const FIRST_CLUSTERS = 8;
/** How many more each task renders after the first paint. */
const LATER_CLUSTERS = 4;

/**
 * The first screen first: a big board (one that renders its cards windowed)
 * renders its first clusters before the first paint, as many as fill the
 * screen, and the rest right after that paint, a few per task. Clusters
 * far below the screen (a 5,000-card board's 25 clusters are 26,000 px tall
 * each) would otherwise hold up the first paint with their headers, menus
 * and layout. From then on every cluster is rendered, so Tab, the screen
 * reader and the drop targets reach all of them, as on a small board.
 *
 * `grid` is the list of the clusters; returns how many of `total` to render.
 * `enabled` is read once, when the board mounts (BoardView mounts a board anew
 * for each board): a board that grows big later renders all its clusters.
 */
export function useFirstScreen(total: number, enabled: boolean, grid: RefObject<HTMLElement | null>): number {
  const [limit, setLimit] = useState(() => (enabled ? FIRST_CLUSTERS : Infinity));
  const pending = limit < total;

  // Before the paint: the screen not filled yet (small clusters, or the page scrolled down),
  // more clusters. Runs after the card lists' measurement, so the layout is read only once.
  useLayoutEffect(() => {
    if (!pending) return;
    const last = grid.current?.lastElementChild;
    // A measurement of the layout, acted on before the paint: what layout effects are for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (last && last.getBoundingClientRect().top < innerHeight) setLimit((old) => old * 2);
  }, [pending, limit, grid]);

  // After the paint: the rest, a few clusters per task, so that no task holds up input for
  // long (a transition would render in slices, but commit all at once, and the lists'
  // updates while scrolling would keep putting it off).
  useEffect(() => {
    if (!pending) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      // Once all are there, all stay: a cluster added later shows at once.
      timer = window.setTimeout(() =>
        setLimit((old) => (old + LATER_CLUSTERS >= total ? Infinity : old + LATER_CLUSTERS)),
      );
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [pending, limit, total]);

  return Math.min(limit, total);
}
