import { describe, expect, it } from 'vitest';
import {
  cardSpan,
  FAR,
  FIRST_PAINT_MARGINS,
  listLength,
  nextRange,
  OVERSCAN,
  rowHeights,
  rowsWithin,
  windowPadding,
  withPinned,
  withSearchRow,
  type ListLayout,
} from '../../../renderer/src/features/clusters/windowing';

// 200 cards of 100 px with 10 px between them: row i spans [110 i, 110 i + 100].
const rows = Array.from({ length: 200 }, () => 100);
const gap = 10;
const screen = (top: number, height = 800): ListLayout => ({
  rows,
  gap,
  viewTop: top,
  viewBottom: top + height,
});

describe('rows of cards', () => {
  it('makes rows of the tallest card when cards sit side by side', () => {
    expect(rowHeights([80, 120, 100, 90, 60], 2)).toEqual([120, 100, 60]);
    expect(rowHeights([80, 120], 1)).toEqual([80, 120]);
  });

  it('measures a list as its rows and the gaps between them', () => {
    expect(listLength([100, 100, 100], 10)).toBe(320);
    expect(listLength([], 10)).toBe(0);
  });

  it('finds the rows that reach into a stretch of the list', () => {
    expect(rowsWithin(rows, gap, 0, 800)).toEqual({ start: 0, end: 8 });
    // 105 lies in the gap after row 0; 215 in the gap after row 1.
    expect(rowsWithin(rows, gap, 105, 215)).toEqual({ start: 1, end: 2 });
    expect(rowsWithin(rows, gap, -500, -100)).toEqual({ start: 0, end: 0 });
    expect(rowsWithin(rows, gap, 50_000, 60_000)).toEqual({ start: 0, end: 0 });
  });
});

describe('the window of rendered rows', () => {
  it('renders the rows on the screen and a margin beyond it, not the whole list', () => {
    const range = nextRange({ start: 0, end: 0 }, screen(0));
    expect(range.start).toBe(0);
    const lastOnScreen = Math.floor(800 / 110);
    expect(range.end).toBeGreaterThan(lastOnScreen + 1);
    expect(range.end).toBeLessThanOrEqual(Math.ceil((800 + OVERSCAN) / 110) + 1);
  });

  it('before the first paint, renders only the rows on the screen, and widens the window after it', () => {
    // Rows 0 … 7 reach into [0, 800] (row 7 spans 770 … 870).
    const first = nextRange({ start: 0, end: 0 }, screen(0), FIRST_PAINT_MARGINS);
    expect(first).toEqual({ start: 0, end: 8 });
    expect(nextRange(first, screen(0), FIRST_PAINT_MARGINS)).toBe(first);
    // Scrolled 50 px before the paint: row 8 (880 … 980) is still below the screen.
    expect(nextRange(first, screen(50), FIRST_PAINT_MARGINS)).toBe(first);
    // With the margins for scrolling, the same window is too narrow and grows.
    expect(nextRange(first, screen(0)).end).toBeGreaterThan(8);
  });

  it('keeps the window while the screen moves a little, and moves it when the screen leaves it', () => {
    const first = nextRange({ start: 0, end: 0 }, screen(0));
    expect(nextRange(first, screen(100))).toBe(first);
    const far = nextRange(first, screen(11_000));
    expect(far.start).toBeGreaterThan(90);
    expect(far.end).toBeLessThan(115);
    expect(far.start * 110).toBeLessThanOrEqual(11_000);
    expect(far.end * 110).toBeGreaterThanOrEqual(11_800);
  });

  it('drops a window that has grown too far from the screen', () => {
    const wide = { start: 0, end: 120 };
    const moved = nextRange(wide, screen(5_000));
    expect(moved.start * 110).toBeGreaterThan(5_000 - FAR);
    expect(moved.end * 110).toBeLessThan(5_800 + FAR);
  });

  it('renders nothing of a list far from the screen, and starts afresh when the list got shorter', () => {
    expect(nextRange({ start: 0, end: 10 }, screen(-20_000))).toEqual({ start: 0, end: 0 });
    expect(nextRange({ start: 190, end: 200 }, { ...screen(0), rows: rows.slice(0, 50) })).toEqual({
      start: 0,
      end: expect.any(Number) as number,
    });
  });

  it('keeps a focused or dragged card rendered, wherever it is', () => {
    expect(withPinned({ start: 10, end: 20 }, 150)).toEqual({ start: 10, end: 151 });
    expect(withPinned({ start: 10, end: 20 }, 3)).toEqual({ start: 3, end: 20 });
    expect(withPinned({ start: 0, end: 0 }, 42)).toEqual({ start: 42, end: 43 });
    expect(withPinned({ start: 10, end: 20 }, null)).toEqual({ start: 10, end: 20 });
  });
});

describe('what stands in for the rows not rendered', () => {
  it('keeps the list exactly as long as with every card rendered', () => {
    const total = listLength(rows, gap);
    for (const range of [
      { start: 0, end: 8 },
      { start: 50, end: 60 },
      { start: 190, end: 200 },
    ]) {
      const { before, after } = windowPadding(rows, gap, range);
      // Padding before, the rendered rows with the gaps between them, padding after.
      expect(before + listLength(rows.slice(range.start, range.end), gap) + after).toBe(total);
    }
    expect(windowPadding(rows, gap, { start: 0, end: 8 })).toEqual({ before: 0, after: total - 870 });
    expect(windowPadding(rows, gap, { start: 50, end: 60 })).toEqual({ before: 5_500, after: total - 6_590 });
    expect(windowPadding(rows, gap, { start: 190, end: 200 })).toEqual({ before: 20_900, after: 0 });
    expect(windowPadding(rows, gap, { start: 0, end: 0 })).toEqual({ before: total, after: 0 });
  });

  it('turns rows into the cards they hold', () => {
    expect(cardSpan({ start: 2, end: 4 }, 3, 10)).toEqual({ from: 6, to: 10 });
    expect(cardSpan({ start: 2, end: 4 }, 1, 10)).toEqual({ from: 2, to: 4 });
    expect(cardSpan({ start: 0, end: 0 }, 3, 10)).toEqual({ from: 0, to: 0 });
  });

  it("renders only the found card's row while the search brings it into view from far away", () => {
    // Row 900 of a pool of thousands: that row alone, not the 890 rows between.
    expect(withSearchRow({ start: 10, end: 20 }, 900)).toEqual({ start: 900, end: 901 });
    expect(withSearchRow({ start: 10, end: 20 }, 3)).toEqual({ start: 3, end: 4 });
    // Already on the screen: nothing changes.
    expect(withSearchRow({ start: 10, end: 20 }, 15)).toEqual({ start: 10, end: 20 });
    expect(withSearchRow({ start: 10, end: 20 }, null)).toEqual({ start: 10, end: 20 });
    const range = withSearchRow({ start: 10, end: 20 }, 900);
    const rows = Array<number>(1000).fill(100);
    // The rows before it still take their space: the card sits where it belongs.
    expect(windowPadding(rows, 10, range).before).toBe(900 * 110);
  });
});
