/**
 * The scenarios B1–B8 of `npm run bench`. Each drives the built app in
 * Chromium with trusted input from playwright-core and measures the same
 * thing on a naive baseline in the same run (see the README, "Geschwindigkeit
 * / Benchmarks"). Every scenario does `warmups` unmeasured runs first.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { frames, interactiveMark, loadWatched, refreshInterval, sleep } from './browser';
import {
  atMost,
  both,
  check,
  max,
  median,
  p95,
  percentile,
  ratioAtLeast,
  sum,
  type ScenarioResult,
} from './stats';

export interface BoardRef {
  /** The app's address of the clusters board, e.g. "#/w/<id>/b/<id>". */
  hash: string;
  boardId: string;
  workshopId: string;
  notes: number;
}

export interface ScenarioContext {
  page: Page;
  baseUrl: string;
  runs: number;
  warmups: number;
  /** B1, B2, B5: the board of 2,000 cards in 50 clusters. */
  board: BoardRef;
  /** B3, B4: the workshop of 5,000 cards (clusters of 200). */
  big: BoardRef;
  /** B6: the workshop whose minutes make the protocol PDF. */
  pdf: BoardRef;
  /** Reads a built file by its URL path ("/assets/x.js", "/eager/assets/y.js"). */
  readBuilt(pathname: string): Buffer;
  /** How long the storage is left alone after thousands of rows were written (0 for tiny runs). */
  settleMs: number;
}

/** The app's board and the naive board, as the scenarios address them. */
interface Variant {
  url: string;
  card: string;
  cluster: string;
  dragged: string;
}

function variants(ctx: ScenarioContext, ref: BoardRef): { app: Variant; naive: Variant } {
  return {
    app: {
      url: `${ctx.baseUrl}${ref.hash}`,
      card: 'li.cluster-card',
      cluster: 'li.cluster:has(li.cluster-card)',
      dragged: '.note-overlay',
    },
    naive: {
      url: `${ctx.baseUrl}naive/?view=board&board=${ref.boardId}`,
      card: 'li.naive-card',
      cluster: 'li.naive-cluster:has(li.naive-card)',
      dragged: '[data-dragging="true"]',
    },
  };
}

/**
 * Loads a page afresh (not a same-document hash change) and waits until all its
 * cards show — on the app's big boards, which render only the cards near the
 * screen (lists marked data-windowed), until the first of them shows.
 */
async function openBoard(page: Page, url: string, card: string, notes: number): Promise<void> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForFunction(
    ([sel, n]) => {
      const shown = document.querySelectorAll(sel as string).length;
      return shown >= (n as number) || (shown > 0 && document.querySelector('[data-windowed]') !== null);
    },
    [card, notes] as const,
  );
  await frames(page, 3);
  await sleep(300);
}

/**
 * The naive board needs up to a second per pointer move or keystroke: its
 * interactive baselines (B1, B2, B5) run at most this often, after one warm-up.
 */
export const NAIVE_RUNS = 3;

async function repeat<T>(
  ctx: ScenarioContext,
  work: (measured: boolean) => Promise<T>,
  naive = false,
): Promise<T[]> {
  const runs = naive ? Math.min(ctx.runs, NAIVE_RUNS) : ctx.runs;
  const warmups = naive ? Math.min(ctx.warmups, 1) : ctx.warmups;
  const results: T[] = [];
  for (let i = 0; i < warmups + runs; i += 1) {
    const result = await work(i >= warmups);
    if (i >= warmups) results.push(result);
  }
  return results;
}

// ---------------------------------------------------------------- B1: a 2-second drag

interface DragRun {
  frameDeltas: number[];
  loafs: number[];
  commits: number;
  renders: number;
  moves: number;
  /** How far the page had scrolled at the end of the drag (dnd-kit scrolls near the edges). */
  scrolled: number;
}

const DRAG_MS = 2000;
const DRAG_MOVES = 120;

/** A path over the board, clear of the edges where dnd-kit would scroll. */
function dragPath(start: { x: number; y: number }, count: number) {
  const stops = [start, { x: 1160, y: 240 }, { x: 1160, y: 600 }, { x: 200, y: 600 }, { x: 680, y: 380 }];
  const points: Array<{ x: number; y: number }> = [];
  for (let i = 1; i <= count; i += 1) {
    const at = (i / count) * (stops.length - 1);
    const leg = Math.min(stops.length - 2, Math.floor(at));
    const f = at - leg;
    const a = stops[leg]!;
    const b = stops[leg + 1]!;
    points.push({ x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f });
  }
  return points;
}

async function dragAcross(page: Page, v: Variant, countRenders: boolean): Promise<DragRun> {
  const card = page.locator(v.cluster).first().locator(v.card).first();
  await card.scrollIntoViewIfNeeded();
  const box = (await card.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 14) };
  await page.mouse.move(start.x, start.y);
  await page.evaluate((count) => {
    const b = window.__bench;
    b.commits = 0;
    b.renders = 0;
    b.countRenders = count;
    const drag = { frames: [] as number[], stop: false, from: performance.now() };
    (window as unknown as { __drag: typeof drag }).__drag = drag;
    const loop = (t: number) => {
      if (drag.stop) return;
      drag.frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }, countRenders);
  await page.mouse.down();
  // Past dnd-kit's activation distance (6 px) in small steps, as a hand does.
  for (let i = 1; i <= 3; i += 1) await page.mouse.move(start.x + 3 * i, start.y + 3 * i);
  await page.locator(v.dragged).first().waitFor();
  const path = dragPath({ x: start.x + 9, y: start.y + 9 }, DRAG_MOVES);
  const t0 = Date.now();
  for (const [i, point] of path.entries()) {
    const wait = t0 + (i * DRAG_MS) / DRAG_MOVES - Date.now();
    if (wait > 0) await sleep(wait);
    await page.mouse.move(point.x, point.y);
  }
  await frames(page, 2);
  const run = await page.evaluate(() => {
    const b = window.__bench;
    const scrolled = scrollY;
    const drag = (window as unknown as { __drag: { frames: number[]; stop: boolean; from: number } }).__drag;
    drag.stop = true;
    b.countRenders = false;
    const deltas = drag.frames.slice(1).map((t, i) => t - drag.frames[i]!);
    return {
      frameDeltas: deltas,
      loafs: b.loaf.filter((l) => l.start >= drag.from).map((l) => l.duration),
      commits: b.commits,
      renders: b.renders,
      scrolled,
    };
  });
  // The path stays clear of the edges; should dnd-kit have scrolled anyway, back to the top.
  if (run.scrolled !== 0) await page.evaluate(() => scrollTo(0, 0));
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await page.locator(v.dragged).first().waitFor({ state: 'detached' });
  await sleep(200);
  return { ...run, moves: DRAG_MOVES + 3 };
}

export async function benchDrag(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { app, naive } = variants(ctx, ctx.board);
  const measure = async (v: Variant, naive: boolean) => {
    await openBoard(ctx.page, v.url, v.card, ctx.board.notes);
    const interval = await refreshInterval(ctx.page);
    // Counting renders walks the fiber tree on every commit: for the app a separate,
    // untimed drag; the naive board is so slow that the walk does not matter there.
    const runs = await repeat(ctx, () => dragAcross(ctx.page, v, naive), naive);
    const counted = naive ? runs.at(-1)! : await dragAcross(ctx.page, v, true);
    const deltas = runs.flatMap((r) => r.frameDeltas);
    const loafs = runs.flatMap((r) => r.loafs);
    // Each delta in whole refresh intervals, with a tenth of one for the clock's jitter:
    // 16.6–18.3 ms is one frame at 60 Hz, a frame that missed its vsync counts as two
    // (33.3 ms), and so on.
    const intervals = deltas.map((d) => Math.max(1, Math.ceil(d / interval - 0.1)));
    return {
      p95Frame: p95(intervals.map((n) => n * interval)),
      rawP95Frame: p95(deltas),
      medianFrame: median(deltas),
      refreshInterval: interval,
      missedFrames: sum(intervals.map((n) => n - 1)),
      maxLoaf: max(loafs),
      loafsOver50: loafs.filter((d) => d > 50).length,
      commitsPerMove: sum(runs.map((r) => r.commits)) / sum(runs.map((r) => r.moves)),
      rendersPerMove: counted.renders / counted.moves,
      frames: deltas.length,
      scrolledPx: max(runs.map((r) => Math.abs(r.scrolled))),
    };
  };
  const a = await measure(app, false);
  const n = await measure(naive, true);
  return {
    id: 'B1',
    title: `Karte 2 s über ein Board mit ${ctx.board.notes} Karten ziehen`,
    baselineIs: 'naives Board: jede Karte useSortable, kein memo, kein DragOverlay',
    checks: [
      check('p95 frame (rAF delta in refresh intervals)', a.p95Frame, 'ms', n.p95Frame, atMost(16.7)),
      check('longest animation frame (LoAF)', a.maxLoaf, 'ms', n.maxLoaf, atMost(50)),
      check(
        'React commits per pointer move',
        a.commitsPerMove,
        'commits',
        n.commitsPerMove,
        atMost(3, 'commits'),
      ),
      check(
        'components rendered per pointer move',
        a.rendersPerMove,
        'renders',
        n.rendersPerMove,
        ratioAtLeast(5),
      ),
    ],
    details: { app: a, naive: n, movesPerRun: DRAG_MOVES + 3, dragMs: DRAG_MS },
  };
}

// ---------------------------------------------------------------- B2: pick-up latency

async function pickUp(page: Page, v: Variant): Promise<number> {
  const card = page.locator(v.cluster).nth(1).locator(v.card).first();
  await card.scrollIntoViewIfNeeded();
  const box = (await card.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 14);
  await page.mouse.move(x, y);
  await page.evaluate((selector) => {
    const r = { down: 0, shown: 0 };
    (window as unknown as { __pick: typeof r }).__pick = r;
    addEventListener('pointerdown', (e) => (r.down = e.timeStamp), { capture: true, once: true });
    const loop = () => {
      if (document.querySelector(selector))
        requestAnimationFrame(() => setTimeout(() => (r.shown = performance.now())));
      else requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  }, v.dragged);
  await page.mouse.down();
  await page.mouse.move(x + 8, y + 8);
  await page.waitForFunction(() => (window as unknown as { __pick: { shown: number } }).__pick.shown > 0);
  const ms = await page.evaluate(() => {
    const r = (window as unknown as { __pick: { down: number; shown: number } }).__pick;
    return r.shown - r.down;
  });
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await page.locator(v.dragged).first().waitFor({ state: 'detached' });
  await sleep(250);
  return ms;
}

export async function benchPickUp(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { app, naive } = variants(ctx, ctx.board);
  const measure = async (v: Variant, naive: boolean) => {
    await openBoard(ctx.page, v.url, v.card, ctx.board.notes);
    const cards = await ctx.page.locator(v.card).count();
    return { times: await repeat(ctx, () => pickUp(ctx.page, v), naive), cards };
  };
  const a = await measure(app, false);
  const n = await measure(naive, true);
  return {
    id: 'B2',
    title: `Pointer-down bis zum ersten Frame mit bewegter Karte (Board mit ${a.cards} Karten)`,
    baselineIs: 'naives Board: jede Karte ein Droppable (useSortable), closestCorners',
    checks: [check('median pick-up to moved frame', median(a.times), 'ms', median(n.times), atMost(50))],
    details: { app: a, naive: n, p95: { app: p95(a.times), naive: p95(n.times) } },
  };
}

// ---------------------------------------------------------------- B3: opening a big board

/**
 * Opening the board in a page that is already loaded, as one does in the app:
 * from the workshop's overview, a click on the board's tab (the naive page: a
 * button that shows its board). The time from the click (its event time) to
 * the first card shown and the page interactive again.
 */
async function openByClick(
  ctx: ScenarioContext,
  pageUrl: string,
  link: string,
  card: string,
): Promise<number> {
  const { page } = ctx;
  await page.goto('about:blank');
  await page.goto(pageUrl);
  const target = page.locator(link).first();
  await target.waitFor();
  // Settled: the screen's code and what it reads are loaded, the main thread is idle.
  await sleep(1_500);
  await page.evaluate((selector) => {
    const bench = window.__bench as typeof window.__bench & { clickAt?: number };
    addEventListener(
      'click',
      (event) => {
        bench.clickAt = event.timeStamp;
        bench.watch(selector, 'open');
      },
      { capture: true, once: true },
    );
  }, card);
  await Promise.all([interactiveMark(page, 'open'), target.click()]);
  return page.evaluate(() => {
    const bench = window.__bench as typeof window.__bench & { clickAt?: number };
    return bench.marks['open:interactive']! - bench.clickAt!;
  });
}

/**
 * The board's kept copy (renderer/src/persistence/boardCache.ts), from the page
 * (of the app's origin): `made` waits until the app has made it, as it does once
 * an opened board has been left alone for two seconds; `there` checks that it is
 * there now; `dropped` deletes it.
 */
async function boardCopy(page: Page, boardId: string, want: 'made' | 'there' | 'dropped'): Promise<void> {
  const found = await page.evaluate(
    async ({ boardId, want }) => {
      const done = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const db = await done(indexedDB.open('moderato'));
      try {
        const store = (mode: IDBTransactionMode) =>
          db.transaction('boardCaches', mode).objectStore('boardCaches');
        if (want === 'dropped') {
          await done(store('readwrite').delete(boardId));
          return true;
        }
        for (const until = Date.now() + (want === 'made' ? 20_000 : 0); ;) {
          if (await done(store('readonly').get(boardId))) return true;
          if (Date.now() >= until) return false;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      } finally {
        db.close();
      }
    },
    { boardId, want },
  );
  if (!found)
    throw new Error(
      want === 'made'
        ? 'B3: the app kept no copy of the board within 20 s of opening it'
        : 'B3: the board’s copy was gone after the reloads measured with it',
    );
}

export async function benchOpenBoard(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { app, naive } = variants(ctx, ctx.big);
  // The board has been open before (its kept copy made), as any board one has worked on.
  // Right after the import it has not; that opening is measured as well (below).
  await ctx.page.goto('about:blank');
  await ctx.page.goto(app.url);
  await boardCopy(ctx.page, ctx.big.boardId, 'made');
  const reload = async (v: Variant) => {
    const times = await repeat(ctx, () => loadWatched(ctx.page, v.url, v.card, 'cards'));
    await frames(ctx.page, 2);
    const dom = await ctx.page.evaluate((selector) => {
      const cards = Array.from(document.querySelectorAll(selector));
      const boxes = cards.map((c) => c.getBoundingClientRect());
      const visible = boxes.filter(
        (r) => r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
      );
      // How far the farthest card in the page lies from the screen, in screen heights.
      const distance = (r: DOMRect) => Math.max(0, -r.bottom, r.top - innerHeight) / innerHeight;
      return {
        cardsInDom: cards.length,
        visibleCards: visible.length,
        farthestCardScreens: Math.max(0, ...boxes.map(distance)),
        elements: document.querySelectorAll('*').length,
      };
    }, v.card);
    return { times, ...dom };
  };
  const { big } = ctx;
  const opened = {
    app: await repeat(ctx, () =>
      openByClick(ctx, `${ctx.baseUrl}#/w/${big.workshopId}`, `a[href="${big.hash}"]`, app.card),
    ),
    naive: await repeat(ctx, () =>
      openByClick(
        ctx,
        `${ctx.baseUrl}naive/?view=open&board=${big.boardId}`,
        'button.naive-open',
        naive.card,
      ),
    ),
  };
  const a = await reload(app);
  // The copy was there for every one of those loads (a load that found none would have made it anew).
  await boardCopy(ctx.page, ctx.big.boardId, 'there');
  // Without the copy: the board's first opening after an import, or a reload right after a change.
  const withoutCopy = await repeat(ctx, async () => {
    await boardCopy(ctx.page, ctx.big.boardId, 'dropped');
    return loadWatched(ctx.page, app.url, app.card, 'cards');
  });
  const n = await reload(naive);
  return {
    id: 'B3',
    title: `Workshop mit ${big.notes} Karten öffnen (Board, bis bedienbar: Seite neu geladen; im Programm per Klick)`,
    baselineIs: 'naives Board derselben Karten (unvirtualisiert, ohne memo), ebenso geöffnet',
    checks: [
      // The page loaded on the board's address first (the figure B3 had before), then as one opens it.
      check(
        'median reloading the page on the board (→ interactive)',
        median(a.times),
        'ms',
        median(n.times),
        atMost(500),
      ),
      check(
        'median opening the board in the app (click → interactive)',
        median(opened.app),
        'ms',
        median(opened.naive),
        atMost(500),
      ),
      // Only what is visible, plus the margin rendered ahead for scrolling: no card in the
      // page more than one screen height away from the screen.
      check(
        'farthest card in the DOM from the screen',
        a.farthestCardScreens,
        'screens',
        n.farthestCardScreens,
        {
          text: '≤ 1 Bildschirmhöhe (nur Sichtbares im DOM)',
          met: (value) => value <= 1,
        },
      ),
      check('cards in the DOM', a.cardsInDom, 'cards', n.cardsInDom, {
        text: `≤ 5 % der ${big.notes} Karten`,
        met: (value) => value <= big.notes * 0.05,
      }),
    ],
    details: {
      opened: { ...opened, p95: { app: p95(opened.app), naive: p95(opened.naive) } },
      reloaded: { app: a, naive: n },
      reloadedWithoutCopy: { median: median(withoutCopy), p95: p95(withoutCopy), times: withoutCopy },
      cardsOnBoard: big.notes,
    },
  };
}

// ---------------------------------------------------------------- B4: persistence

export async function benchPersist(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { page } = ctx;
  await page.goto('about:blank');
  await page.goto(
    `${ctx.baseUrl}naive/?view=persist&board=${ctx.big.boardId}&runs=${ctx.runs}&settle=${ctx.settleMs}`,
  );
  await page.waitForFunction(() => window.__benchResult !== undefined || window.__benchError !== undefined);
  const error = await page.evaluate(() => window.__benchError);
  if (error) throw new Error(`B4 failed in the page: ${error}`);
  const r = (await page.evaluate(() => window.__benchResult)) as {
    durability: string;
    edit: { app: number[]; strict: number[] };
    move: { cards: number; app: number[]; perCard: number[] };
    merge: {
      cards: number;
      rows: number;
      app: number[];
      perCard: number[];
      rewriteOneTransaction: number[];
      rewriteRawIndexedDb: number[];
    };
  };
  return {
    id: 'B4',
    title: `Speichern: eine Kartenänderung; einen Cluster mit ${r.move.cards} Karten verschieben; ihn mit einem anderen zusammenführen`,
    baselineIs:
      'Kartenänderung mit durability "strict"; Cluster: eine Transaktion je Karte (Verschieben: ein Board, das den Platz jeder Karte an der Karte speichert)',
    checks: [
      check('p95 one card edit (put → complete)', p95(r.edit.app), 'ms', p95(r.edit.strict), atMost(5)),
      check(
        `p95 moving a ${r.move.cards}-card cluster`,
        p95(r.move.app),
        'ms',
        p95(r.move.perCard),
        both(atMost(20), ratioAtLeast(10)),
      ),
      // The target absorbs the source (two cluster rows); the baseline moves every card.
      check(
        `p95 merging a ${r.merge.cards}-card cluster into another (${r.merge.rows} rows; baseline ${r.merge.cards + 1})`,
        p95(r.merge.app),
        'ms',
        p95(r.merge.perCard),
        both(atMost(20), ratioAtLeast(10)),
      ),
    ],
    details: {
      ...r,
      indexedDbDurability: r.durability,
      move: { ...r.move, medians: { app: median(r.move.app), perCard: median(r.move.perCard) } },
      merge: {
        ...r.merge,
        medians: {
          app: median(r.merge.app),
          perCard: median(r.merge.perCard),
          rewriteOneTransaction: median(r.merge.rewriteOneTransaction),
          rewriteRawIndexedDb: median(r.merge.rewriteRawIndexedDb),
        },
        p95: {
          app: p95(r.merge.app),
          perCard: p95(r.merge.perCard),
          rewriteOneTransaction: p95(r.merge.rewriteOneTransaction),
          rewriteRawIndexedDb: p95(r.merge.rewriteRawIndexedDb),
        },
      },
    },
  };
}

// ---------------------------------------------------------------- B5: typing into a card

async function typeIntoCard(page: Page, v: Variant, isApp: boolean): Promise<number[]> {
  const text = page.locator(v.cluster).nth(1).locator(v.card).nth(1).locator('.note-text');
  await text.scrollIntoViewIfNeeded();
  await text.dblclick();
  const field = page.locator(`${v.card} textarea`);
  await field.waitFor();
  await page.keyboard.press('End');
  const from = await page.evaluate(() => performance.now());
  const typed = ' Bürgeramt digital';
  await page.keyboard.type(typed, { delay: 60 });
  await sleep(120);
  const events = await page.evaluate(
    (since) => window.__bench.events.filter((e) => e.start >= since && e.id > 0),
    from,
  );
  if (isApp) await page.keyboard.press('Escape');
  else await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await field.waitFor({ state: 'detached' });
  await sleep(500);
  // One figure per keystroke (its longest event, as INP counts); Event Timing reports only
  // events of 16 ms and more, so a keystroke without an entry counts as 16 ms (an upper bound).
  const byInteraction = new Map<number, number>();
  for (const e of events) byInteraction.set(e.id, Math.max(byInteraction.get(e.id) ?? 0, e.duration));
  const durations = [...byInteraction.values()];
  while (durations.length < typed.length) durations.push(16);
  return durations.slice(0, Math.max(typed.length, durations.length));
}

export async function benchTyping(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { app, naive } = variants(ctx, ctx.board);
  const measure = async (v: Variant, isApp: boolean) => {
    await openBoard(ctx.page, v.url, v.card, ctx.board.notes);
    return (await repeat(ctx, () => typeIntoCard(ctx.page, v, isApp), !isApp)).flat();
  };
  const a = await measure(app, true);
  const n = await measure(naive, false);
  return {
    id: 'B5',
    title: `Tastendruck in einer Karte auf einem Board mit ${ctx.board.notes} Karten`,
    baselineIs: 'naives Board: Text im State des Boards, jede Taste rendert alle Karten',
    checks: [check('p98 keystroke event duration', percentile(a, 98), 'ms', percentile(n, 98), atMost(32))],
    details: {
      keystrokes: a.length,
      app: { p50: median(a), p98: percentile(a, 98) },
      naive: { p50: median(n), p98: percentile(n, 98) },
    },
  };
}

// ---------------------------------------------------------------- B6: the protocol PDF

export async function benchPdf(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { page } = ctx;
  await page.goto('about:blank');
  await page.goto(`${ctx.baseUrl}#/w/${ctx.pdf.workshopId}`);
  const open = page.getByRole('button', { name: 'Protokoll', exact: true });
  await open.waitFor();
  let pages = 0;
  const runs = await repeat(ctx, async (measured) => {
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Protokoll speichern' });
    await dialog.waitFor();
    const since = await page.evaluate(() => performance.now());
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      dialog.getByRole('button', { name: 'Protokoll als PDF speichern' }).click(),
    ]);
    const ms = Date.now() - started;
    const longest = await page.evaluate(
      (from) =>
        Math.max(0, ...window.__bench.longtasks.filter((t) => t.start >= from).map((t) => t.duration)),
      since,
    );
    if (measured && pages === 0) {
      const file = join(tmpdir(), `moderato-bench-${process.pid}.pdf`);
      await download.saveAs(file);
      try {
        pages = Number(
          /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0,
        );
      } finally {
        rmSync(file, { force: true });
      }
    }
    if (await dialog.isVisible()) await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await sleep(300);
    return { ms, longest };
  });
  await page.goto('about:blank');
  await page.goto(`${ctx.baseUrl}naive/?view=pdf&pages=${pages}`);
  await page.waitForFunction(() => window.__benchResult !== undefined || window.__benchError !== undefined);
  const floor = (await page.evaluate(() => window.__benchResult)) as { times: number[] } | undefined;
  if (!floor) throw new Error(await page.evaluate(() => window.__benchError ?? 'B6 baseline failed'));
  return {
    id: 'B6',
    title: `Protokoll als PDF (${pages} Seiten)`,
    baselineIs: 'Untergrenze: jsPDF schreibt gleich viele Seiten reinen Text in einem Zug',
    checks: [
      check(
        'median click to saved PDF',
        median(runs.map((r) => r.ms)),
        'ms',
        median(floor.times),
        atMost(1500),
      ),
      check(
        'longest main-thread task while it is made',
        max(runs.map((r) => r.longest)),
        'ms',
        max(floor.times),
        atMost(50),
      ),
    ],
    details: { pages, runs, floor: floor.times },
  };
}

// ---------------------------------------------------------------- B7 + B8: start

interface StartRun {
  ms: number;
  scripts: string[];
}

/** The workshop list with its content: the workshops, or the note that there are none yet. */
const LIST_SHOWN = 'ul.workshop-list, p.empty';

async function coldStart(page: Page, url: string): Promise<StartRun> {
  await loadWatched(page, url, LIST_SHOWN, 'list');
  return page.evaluate(() => {
    const shown = window.__bench.marks.list!;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime <= shown && new URL(r.name).pathname.endsWith('.js'))
      .map((r) => new URL(r.name).pathname);
    return { ms: window.__bench.marks['list:interactive']!, scripts };
  });
}

export async function benchStart(ctx: ScenarioContext): Promise<ScenarioResult[]> {
  const measure = (url: string) => repeat(ctx, () => coldStart(ctx.page, url));
  const app = await measure(`${ctx.baseUrl}#/`);
  const eager = await measure(`${ctx.baseUrl}eager/#/`);
  const { gzipSync } = await import('node:zlib');
  const weigh = (scripts: string[]) => {
    const files = [...new Set(scripts)].map((path) => ({ path, data: ctx.readBuilt(path) }));
    return {
      gzipKb: sum(files.map((f) => gzipSync(f.data, { level: 9 }).length)) / 1024,
      files: files.map((f) => f.path),
      // jsPDF's own name and its font machinery; the DejaVu fonts by name or as base64 TTF.
      jspdfOrFonts: files
        .filter((f) => /jsPDF|AcroForm|DejaVu|AAEAAAA/.test(f.data.toString('latin1')))
        .map((f) => f.path),
    };
  };
  const appJs = weigh(app.at(-1)!.scripts);
  const eagerJs = weigh(eager.at(-1)!.scripts);
  return [
    {
      id: 'B7',
      title: 'Start-Bundle des Renderers (JS bis zur Workshop-Liste, gzip)',
      baselineIs: 'dieselbe App ohne Code-Splitting gebaut (alles eager, ein Chunk)',
      checks: [
        check('JS before the first screen (gzip -9)', appJs.gzipKb, 'KB', eagerJs.gzipKb, atMost(150, 'KB')),
        check(
          'files with jsPDF or fonts in the start bundle',
          appJs.jspdfOrFonts.length,
          'files',
          eagerJs.jspdfOrFonts.length,
          atMost(0, 'files'),
        ),
      ],
      details: { app: appJs, eager: eagerJs },
    },
    {
      id: 'B8',
      title: 'Kaltstart des Renderers bis zur Workshop-Liste (mit ihren Workshops)',
      baselineIs: 'dieselbe App ohne Code-Splitting gebaut (alles eager)',
      checks: [
        check(
          'median navigation to interactive list',
          median(app.map((r) => r.ms)),
          'ms',
          median(eager.map((r) => r.ms)),
          atMost(300),
        ),
      ],
      details: { app: app.map((r) => r.ms), eager: eager.map((r) => r.ms) },
    },
  ];
}
