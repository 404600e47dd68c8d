/**
 * Which cards of a long card list are rendered: the rows near the screen, the
 * others stand in as padding of their measured (or estimated) height. Pure
 * arithmetic, so it can be tested without a browser; useCardWindow.ts feeds
 * it the measurements.
 */

/** A board with more cards than this renders only the cards near the screen. */
export const WINDOW_FROM = 200;

/** How far beyond the screen cards are rendered when a window is (re)made, in px. */
export const OVERSCAN = 600;
/** The window is kept while it covers the screen and this much around it … */
export const NEAR = 350;
/** … and reaches no further than this beyond the screen. */
export const FAR = 1800;

/** How far beyond the screen a window reaches: see OVERSCAN, NEAR and FAR. */
export interface Margins {
  overscan: number;
  near: number;
  far: number;
}

/** While scrolling and after the first paint: rows ahead of the screen, so a scroll finds them rendered. */
export const SCROLL_MARGINS: Margins = { overscan: OVERSCAN, near: NEAR, far: FAR };

/**
 * Before a board's first paint: only the rows on the screen. The rows around
 * it are work that nothing on the screen shows; they follow once the board is
 * painted (useCardWindow.ts).
 */
export const FIRST_PAINT_MARGINS: Margins = { overscan: 0, near: 0, far: FAR };

/** Rendered rows: from `start` up to, not including, `end` (empty when equal). */
export interface RowRange {
  start: number;
  end: number;
}

/** The list's rows and where the screen is, all in px along the list (0 = its first row's top). */
export interface ListLayout {
  /** The height of each row (the tallest card in it, measured or estimated). */
  rows: readonly number[];
  /** The gap between two rows. */
  gap: number;
  /** The part of the list that is on the screen (may lie before 0 or beyond the list). */
  viewTop: number;
  viewBottom: number;
}

/** The heights of the rows when `count` cards are laid out in `columns` columns. */
export function rowHeights(heights: readonly number[], columns: number): number[] {
  const cols = Math.max(1, Math.floor(columns));
  const rows: number[] = [];
  for (let i = 0; i < heights.length; i += cols) rows.push(Math.max(...heights.slice(i, i + cols)));
  return rows;
}

/** The top of each row and, last, the end of the list. */
function rowTops(rows: readonly number[], gap: number): number[] {
  const tops = [0];
  for (const height of rows) tops.push(tops[tops.length - 1]! + height + gap);
  return tops;
}

/** The length of the whole list. */
export function listLength(rows: readonly number[], gap: number): number {
  if (rows.length === 0) return 0;
  return rows.reduce((sum, h) => sum + h, 0) + gap * (rows.length - 1);
}

/** The rows that reach into [top, bottom] (px along the list). */
export function rowsWithin(rows: readonly number[], gap: number, top: number, bottom: number): RowRange {
  const tops = rowTops(rows, gap);
  let start = 0;
  while (start < rows.length && tops[start]! + rows[start]! < top) start += 1;
  let end = start;
  while (end < rows.length && tops[end]! <= bottom) end += 1;
  return end > start ? { start, end } : { start: 0, end: 0 };
}

const isEmpty = (r: RowRange) => r.end <= r.start;
const covers = (outer: RowRange, inner: RowRange) =>
  isEmpty(inner) || (!isEmpty(outer) && outer.start <= inner.start && outer.end >= inner.end);

/**
 * The rows to render now. The current window stays while it covers what is on
 * the screen (with a margin) and has not drifted far from it, so scrolling a
 * little re-renders nothing; otherwise a new window around the screen.
 */
export function nextRange(
  current: RowRange,
  layout: ListLayout,
  margins: Margins = SCROLL_MARGINS,
): RowRange {
  const { rows, gap, viewTop, viewBottom } = layout;
  const { overscan, near, far } = margins;
  const needed = rowsWithin(rows, gap, viewTop - near, viewBottom + near);
  const allowed = rowsWithin(rows, gap, viewTop - far, viewBottom + far);
  const currentFits = current.end <= rows.length && (isEmpty(current) || covers(allowed, current));
  if (currentFits && covers(current, needed)) return isEmpty(current) ? { start: 0, end: 0 } : current;
  return rowsWithin(rows, gap, viewTop - overscan, viewBottom + overscan);
}

/**
 * The rows to render while the board search brings a card into view: the
 * current ones if they hold its row, else that row alone. Widening the range
 * to it (as for a focused card) would render every row between the screen and
 * the card: in a pool of thousands of cards, thousands of cards.
 */
export function withSearchRow(range: RowRange, searchRow: number | null): RowRange {
  if (searchRow === null || searchRow < 0) return range;
  return searchRow >= range.start && searchRow < range.end ? range : { start: searchRow, end: searchRow + 1 };
}

/** The rendered rows widened to take in a row that must stay rendered (a focused or dragged card). */
export function withPinned(range: RowRange, pinnedRow: number | null): RowRange {
  if (pinnedRow === null || pinnedRow < 0) return range;
  if (isEmpty(range)) return { start: pinnedRow, end: pinnedRow + 1 };
  return { start: Math.min(range.start, pinnedRow), end: Math.max(range.end, pinnedRow + 1) };
}

/** The space that stands in for the rows before and after the rendered ones. */
export function windowPadding(
  rows: readonly number[],
  gap: number,
  range: RowRange,
): { before: number; after: number } {
  if (isEmpty(range)) return { before: listLength(rows, gap), after: 0 };
  const tops = rowTops(rows, gap);
  const before = tops[range.start]!;
  const after = range.end >= rows.length ? 0 : listLength(rows, gap) - (tops[range.end]! - gap);
  return { before, after };
}

/** The cards (by index) that the rendered rows hold. */
export function cardSpan(range: RowRange, columns: number, count: number): { from: number; to: number } {
  const cols = Math.max(1, Math.floor(columns));
  if (isEmpty(range)) return { from: 0, to: 0 };
  return { from: Math.min(count, range.start * cols), to: Math.min(count, range.end * cols) };
}
