/**
 * Chromium for the benchmark, launched as the e2e tests do (scripts/chromium.mjs:
 * Debian's Chromium through playwright-core, headless, hardened), with one init script that
 * gathers what the page cannot be asked for afterwards: React commits (through
 * the React DevTools hook, which React calls in production builds too — no
 * product code involved), Long Animation Frames, long tasks, Event Timing
 * entries, and the moment a selector first shows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { disabledFeaturesValue } from '../../electron/shared/chromiumSwitches';
import { chromiumLaunchOptions } from '../chromium.mjs';

/** What the init script keeps in window.__bench (see INIT_SCRIPT). */
export interface PageStats {
  commits: number;
  renders: number;
  countRenders: boolean;
  loaf: Array<{ start: number; duration: number }>;
  longtasks: Array<{ start: number; duration: number }>;
  events: Array<{ name: string; start: number; duration: number; id: number }>;
  marks: Record<string, number>;
}

declare global {
  interface Window {
    __bench: PageStats & { watch(selector: string, name: string): void };
  }
}

/** What the init script logs when it takes a mark `name:interactive` (see interactiveMark). */
const MARK_PREFIX = 'moderato-bench mark: ';

// Plain JS, run before any script of the page. The walk over the committed
// fiber tree counts the components that rendered in a commit the way React
// DevTools does: a component fiber that is new or has the PerformedWork flag,
// descending only where a subtree was re-created.
const INIT_SCRIPT = `(() => {
  const MARK_PREFIX = ${JSON.stringify(MARK_PREFIX)};
  const stats = { commits: 0, renders: 0, countRenders: false, loaf: [], longtasks: [], events: [], marks: {} };
  const COMPONENT_TAGS = new Set([0, 1, 11, 15]);
  function countRendered(root) {
    let count = 0;
    const stack = [root];
    while (stack.length) {
      const fiber = stack.pop();
      const old = fiber.alternate;
      if (COMPONENT_TAGS.has(fiber.tag) && (old === null || (fiber.flags & 1) === 1)) count += 1;
      if (fiber.child && (old === null || fiber.child !== old.child)) {
        for (let child = fiber.child; child; child = child.sibling) stack.push(child);
      }
    }
    return count;
  }
  const noop = () => {};
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    isDisabled: false,
    inject(renderer) { const id = this.renderers.size + 1; this.renderers.set(id, renderer); return id; },
    onCommitFiberRoot(_id, root) {
      stats.commits += 1;
      if (stats.countRenders) stats.renders += countRendered(root.current);
    },
    onCommitFiberUnmount: noop, onPostCommitFiberRoot: noop, onScheduleFiberRoot: noop,
    setStrictMode: noop, checkDCE: noop,
  };
  const observe = (type, list, map, extra) => {
    try {
      new PerformanceObserver((entries) => { for (const e of entries.getEntries()) list.push(map(e)); })
        .observe({ type, buffered: true, ...extra });
    } catch {}
  };
  observe('long-animation-frame', stats.loaf, (e) => ({ start: e.startTime, duration: e.duration }));
  observe('longtask', stats.longtasks, (e) => ({ start: e.startTime, duration: e.duration }));
  observe('event', stats.events, (e) => ({ name: e.name, start: e.startTime, duration: e.duration, id: e.interactionId || 0 }), { durationThreshold: 16 });
  // Marks 'name' when the selector first matches, and 'name:interactive' once the
  // frame showing it is painted and the main thread runs the next task.
  stats.watch = (selector, name) => {
    const check = () => {
      if (!document.querySelector(selector)) return false;
      stats.marks[name] = performance.now();
      requestAnimationFrame(() => setTimeout(() => {
        stats.marks[name + ':interactive'] = performance.now();
        console.debug(MARK_PREFIX + name + ':interactive');
      }));
      return true;
    };
    if (document.documentElement && check()) return;
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document, { childList: true, subtree: true });
  };
  window.__bench = stats;
  const armed = new URLSearchParams(location.search).get('benchWatch');
  if (armed) { const [selector, name] = armed.split('|'); stats.watch(selector, name); }
})();`;

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
  version: string;
  /** The Chromium features turned off, as read back from the browser: Playwright's and the desktop app's. */
  disabledFeatures: string[];
  /** CSP violations, page errors and requests that tried to leave 127.0.0.1 (blocked): none is expected. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * No request leaves the machine: every host name but 127.0.0.1 resolves to nothing,
 * and everything not on the loopback (IP addresses too) goes to a proxy that is not
 * there (Chromium never sends loopback requests through a proxy).
 */
const BLOCK_OUTSIDE = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--proxy-server=http://127.0.0.1:9',
];

const DISABLE_FEATURES = '--disable-features=';

/**
 * The desktop app turns some Chromium features off (electron/shared/chromiumSwitches.ts);
 * so does the benchmark's Chromium, to measure the renderer as the app runs it.
 * Chromium reads only the last `--disable-features`, and Playwright passes one of
 * its own. Its list is read from the command line of a first, empty launch
 * (CDP Browser.getBrowserCommandLine), and passed again with the app's features
 * added, in place of Playwright's.
 */
async function featureSwitches(): Promise<{
  args: string[];
  ignoreDefaultArgs: string[];
  features: string[];
}> {
  const probe = await chromium.launch({
    ...chromiumLaunchOptions(),
    // --enable-automation: Chromium tells its command line only then (this launch opens no page).
    args: [...chromiumLaunchOptions().args, ...BLOCK_OUTSIDE, '--enable-automation'],
  });
  try {
    const cdp = await probe.newBrowserCDPSession();
    const { arguments: argv } = (await cdp.send('Browser.getBrowserCommandLine')) as { arguments: string[] };
    const own = argv.filter((arg) => arg.startsWith(DISABLE_FEATURES));
    // As main.ts does: the features named already, and the app's.
    const value = disabledFeaturesValue(own.map((arg) => arg.slice(DISABLE_FEATURES.length)).join(','));
    return { args: [`${DISABLE_FEATURES}${value}`], ignoreDefaultArgs: own, features: value.split(',') };
  } finally {
    await probe.close();
  }
}

export async function launchBrowser(): Promise<BenchBrowser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'moderato-bench-'));
  const switches = await featureSwitches();
  const context = await chromium.launchPersistentContext(profileDir, {
    ...chromiumLaunchOptions(),
    args: [...chromiumLaunchOptions().args, ...BLOCK_OUTSIDE, ...switches.args],
    ignoreDefaultArgs: switches.ignoreDefaultArgs,
    viewport: { width: 1366, height: 800 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    acceptDownloads: true,
  });
  const problems: string[] = [];
  // Chromium reads the last --disable-features: it must hold Playwright's features and the
  // app's, or the run would measure another configuration. Before the requests are watched:
  // chrome://version is not the app's.
  const argv = await commandLineOf(context);
  const disabledFeatures = (
    argv
      .filter((arg) => arg.startsWith(DISABLE_FEATURES))
      .at(-1)
      ?.slice(DISABLE_FEATURES.length) ?? ''
  )
    .split(',')
    .filter(Boolean);
  const missing = switches.features.filter((feature) => !disabledFeatures.includes(feature));
  if (missing.length > 0) {
    await context.close();
    await rm(profileDir, { recursive: true, force: true });
    throw new Error(`Chromium started with these features on: ${missing.join(', ')}`);
  }
  // Outside requests fail at the resolver (BLOCK_OUTSIDE) and are reported here. Not through
  // context.route(): routing turns the HTTP cache off, and with it V8's code cache, which the
  // desktop app has (app:// is registered with codeCache) from its second launch on.
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1' && !/^(data|blob|about):/.test(url.href))
      problems.push(`request leaving 127.0.0.1: ${request.url()}`);
  });
  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text()))
        problems.push(`CSP violation: ${message.text()}`);
    });
  };
  context.on('page', watch);
  await context.addInitScript({ content: INIT_SCRIPT });
  const opened = context.pages()[0];
  if (opened) watch(opened); // pages opened from now on are watched through the 'page' event
  const page = opened ?? (await context.newPage());
  page.setDefaultTimeout(120_000);
  const version = context.browser()?.version() ?? (await versionOf(page));
  return {
    context,
    page,
    version,
    disabledFeatures,
    problems,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** The browser's command line as chrome://version shows it (CDP tells it only with --enable-automation). */
async function commandLineOf(context: BrowserContext): Promise<string[]> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://version');
    return (await page.locator('#command_line').innerText()).split(/\s+/);
  } finally {
    await page.close();
  }
}

async function versionOf(page: Page): Promise<string> {
  const session = await page.context().newCDPSession(page);
  const { product } = (await session.send('Browser.getVersion')) as { product: string };
  await session.detach();
  return product;
}

/** The URL with the init script's watcher armed for the first paint of `selector`. */
function watchedUrl(url: string, selector: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('benchWatch', `${selector}|${name}`);
  return parsed.href;
}

/**
 * Loads `url` afresh with the selector watched, and returns the mark
 * `name:interactive` (ms since the navigation started). Until then Playwright
 * runs no script of its own in the page (only the init script's watchers run):
 * the wait listens for the init script's console message instead of polling in
 * the page (page.waitForFunction and locators inject Playwright's script, 13–18 ms
 * of main-thread work that fell into the middle of the start being measured).
 * Returns once the page's load event has fired too, so that every script it
 * requested is in its resource timing.
 */
export async function loadWatched(page: Page, url: string, selector: string, name: string): Promise<number> {
  await page.goto('about:blank');
  await Promise.all([
    interactiveMark(page, name),
    page.goto(watchedUrl(url, selector, name), { waitUntil: 'commit' }),
  ]);
  await page.waitForLoadState('load');
  return page.evaluate((mark) => window.__bench.marks[mark]!, `${name}:interactive`);
}

/** Resolves when the page takes the mark `name:interactive`, without running anything in the page. */
export function interactiveMark(page: Page, name: string): Promise<unknown> {
  const text = `${MARK_PREFIX}${name}:interactive`;
  return page.waitForEvent('console', { predicate: (message) => message.text() === text });
}

/** Waits until the page has painted `count` more frames. */
export async function frames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const tick = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => tick(left - 1)));
        tick(n);
      }),
    count,
  );
}

/**
 * The display's refresh interval as the page sees it: the median rAF delta of
 * an idle second. Headless Chromium's rAF timestamps jitter by about ±0.1 ms
 * around it (an idle page's p95 delta is 16.8 ms at 60 Hz).
 */
export async function refreshInterval(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const times: number[] = [];
        const tick = (t: number) => {
          times.push(t);
          if (times.length < 61) return void requestAnimationFrame(tick);
          const deltas = times
            .slice(1)
            .map((x, i) => x - times[i]!)
            .sort((a, b) => a - b);
          // The median delta to the nearest whole rate in Hz (16.7 ms → 60 Hz → 16.667 ms).
          resolve(1000 / Math.round(1000 / deltas[Math.floor(deltas.length / 2)]!));
        };
        requestAnimationFrame(tick);
      }),
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
