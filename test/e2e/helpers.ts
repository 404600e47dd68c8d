// Shared machinery of the e2e tests: Debian's Chromium through playwright-core
// (scripts/chromium.mjs), a fresh profile and a web server of its own per test
// file (so files can run in parallel), guards (no request leaves 127.0.0.1, no
// console or page errors, no CSP violations), axe scans and drag helpers for @dnd-kit.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
// @ts-expect-error -- plain ES module without types
import { createLanControl } from '../../scripts/lanControl.mjs';
import { startStaticServer, type StaticServer } from '../../scripts/staticServer.mjs';

declare global {
  interface Window {
    /** Filled by our init script with every CSP violation the page reports. */
    __cspViolations?: string[];
    /** Set only if injected markup in a note ever ran (it must not). */
    __xss?: unknown;
  }
}

export { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

/** Console errors we accept, each with the reason. Empty: the app logs no errors. */
const CONSOLE_ERROR_ALLOWLIST: ReadonlyArray<{ pattern: RegExp; reason: string }> = [];

const CSP_INIT_SCRIPT = `(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    const entry = event.violatedDirective + ' blocked ' + (event.blockedURI || '(inline)') +
      ' in ' + (event.sourceFile || '?') + ':' + event.lineNumber + (event.sample ? ' sample: ' + event.sample : '');
    window.__cspViolations.push(entry);
    if (typeof window.__moderatoReportCsp === 'function') window.__moderatoReportCsp(entry);
  }, true);
})();`;

function isLocal(url: string): boolean {
  if (/^(data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

export interface Problems {
  /** Requests to anywhere but 127.0.0.1 (they are also aborted). */
  external: string[];
  consoleErrors: string[];
  pageErrors: string[];
  /** CSP violations, forwarded from every page (they survive reloads). */
  csp: string[];
}

export interface Session {
  readonly baseUrl: string;
  readonly profileDir: string;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: Problems;
  /** Closes the browser and starts it again on the same profile (IndexedDB must survive). */
  relaunch(): Promise<void>;
  /** Fails when anything forbidden happened since the last call (all pages, all launches). */
  expectClean(): Promise<void>;
  close(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let webServer: Promise<StaticServer> | null = null;
let webServerUsers = 0;

/**
 * What `npm run web` serves (scripts/web.mjs: the built renderer, phone voting's
 * control API and the phone page), started in this test file's own process on a
 * free port the first time a session needs it, closed with its last session.
 * Its own server gives each file its own origin (so its own IndexedDB) and its
 * own phone-voting host, whatever runs in parallel; globalSetup.ts has made sure
 * the build is current.
 */
async function useWebServer(): Promise<string> {
  webServerUsers += 1;
  webServer ??= (async () => {
    let port = 0;
    const lanControl = createLanControl({ pageDir: `${ROOT}dist-phone`, getPort: () => port });
    const server = await startStaticServer({ rootDir: `${ROOT}dist-renderer`, port: 0, lanControl });
    port = server.port;
    return server;
  })();
  try {
    return (await webServer).baseUrl;
  } catch (error) {
    webServer = null;
    webServerUsers -= 1;
    throw error;
  }
}

async function releaseWebServer(): Promise<void> {
  webServerUsers -= 1;
  if (webServerUsers > 0 || !webServer) return;
  const server = webServer;
  webServer = null;
  await (await server).close();
}

/** Starts Chromium on a fresh temporary profile and opens the app. */
export async function launchSession(): Promise<Session> {
  const baseUrl = await useWebServer();
  const profileDir = await mkdtemp(join(tmpdir(), 'moderato-e2e-'));
  const problems: Problems = { external: [], consoleErrors: [], pageErrors: [], csp: [] };
  let context!: BrowserContext;
  let page!: Page;

  async function launch(): Promise<void> {
    context = await chromium.launchPersistentContext(profileDir, {
      ...chromiumLaunchOptions(),
      viewport: { width: 1366, height: 800 },
      locale: 'de-DE',
      timezoneId: 'Europe/Berlin',
    });
    context.on('request', (request) => {
      if (!isLocal(request.url())) problems.external.push(`${request.method()} ${request.url()}`);
    });
    await context.route(
      (url) => !isLocal(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    context.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = `${message.text()} (${message.location().url}:${message.location().lineNumber})`;
      if (!CONSOLE_ERROR_ALLOWLIST.some((allowed) => allowed.pattern.test(text)))
        problems.consoleErrors.push(text);
    });
    context.on('weberror', (error) => problems.pageErrors.push(String(error.error().stack ?? error.error())));
    await context.exposeBinding('__moderatoReportCsp', (_source, entry: string) => {
      problems.csp.push(entry);
    });
    await context.addInitScript({ content: CSP_INIT_SCRIPT });
    // A page that loads while another tab of the session is in front (a reload of the
    // laptop's window while a phone page is open) gets one or two animation frames a
    // second from headless Chromium, and every click waits ~2 s for them. Whoever
    // reloads a window looks at it: it comes to the front.
    const toFrontOnLoad = (opened: Page) =>
      opened.on('load', () => {
        if (context.pages().length > 1) void opened.bringToFront().catch(() => undefined);
      });
    context.pages().forEach(toFrontOnLoad);
    context.on('page', toFrontOnLoad);
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(10_000);
  }

  try {
    await launch();
  } catch (error) {
    await releaseWebServer();
    throw error;
  }

  let closed = false;
  const session: Session = {
    baseUrl,
    profileDir,
    problems,
    get context() {
      return context;
    },
    get page() {
      return page;
    },
    async relaunch() {
      const url = page.url();
      await context.close();
      await launch();
      await page.goto(url);
    },
    async expectClean() {
      const inPage = page.isClosed()
        ? []
        : await page.evaluate(() => window.__cspViolations?.splice(0) ?? []);
      // Take what was collected, so a problem fails the test in which it happened and no later one.
      const found = {
        external: problems.external.splice(0),
        consoleErrors: problems.consoleErrors.splice(0),
        pageErrors: problems.pageErrors.splice(0),
        csp: problems.csp.splice(0),
      };
      expect(found.external, 'requests that left 127.0.0.1').toEqual([]);
      expect(found.consoleErrors, 'console errors').toEqual([]);
      expect(found.pageErrors, 'uncaught page errors').toEqual([]);
      expect(found.csp, 'CSP violations (on every page since the last check)').toEqual([]);
      expect(inPage, 'window.__cspViolations of the current page').toEqual([]);
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true });
      await releaseWebServer();
    },
  };
  await page.goto(baseUrl);
  await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
  return session;
}

// ---------------------------------------------------------------- accessibility

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core on the whole page, with the rules of AXE_TAGS: the violations AxeBuilder
 * finds, without its fixed costs on every scan (injecting axe-core's 600 kB again,
 * a blank tab for axe.finishRun): axe-core stays in the page until the page is
 * left, and a page without frames needs no partial runs. A page with frames
 * gets AxeBuilder's full treatment, frame by frame.
 */
async function runAxe(page: Page): Promise<AxeResults> {
  if (page.frames().length > 1) return new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const loaded = await page.evaluate(
    (version) => (window as { axe?: { version?: string } }).axe?.version === version,
    axe.version,
  );
  if (!loaded) {
    await page.evaluate(axe.source);
    await page.evaluate(
      "axe.configure({ allowedOrigins: ['<same_origin>'], branding: { application: 'playwright' } })",
    );
  }
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe.run(
        { include: [], exclude: [] },
        // Only violations are judged: passes and the rest are then listed with one node each
        // (the violations stay complete), which halves the time of a scan.
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      ),
    AXE_TAGS,
  );
}

/** Runs axe on what the page shows now; fails on serious or critical violations, listing them readably. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await runAxe(page);
  const describe = (violations: typeof results.violations) =>
    violations
      .map(
        (v) =>
          `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n` +
          v.nodes
            .map(
              (node) =>
                `    - ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
            )
            .join('\n'),
      )
      .join('\n');
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !blocking.includes(v));
  if (minor.length > 0) console.warn(`axe (${where}): minor/moderate findings\n${describe(minor)}`);
  expect(blocking.length, `axe found serious/critical violations on ${where}:\n${describe(blocking)}`).toBe(
    0,
  );
}

// ---------------------------------------------------------------- reading the board

export interface ColumnState {
  title: string;
  notes: string[];
}

/** The columns and their cards in the order the user sees them (visually hidden extras removed). */
export function readBoard(page: Page): Promise<ColumnState[]> {
  return page.locator('ol.columns > li.column').evaluateAll((columns) =>
    columns.map((column) => ({
      title: column.querySelector('.column-title')?.textContent ?? '',
      notes: Array.from(column.querySelectorAll('.note-list > li.note')).map((note) => {
        const text = note.querySelector('.note-text')?.cloneNode(true) as HTMLElement | undefined;
        text?.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
        return text?.textContent ?? '';
      }),
    })),
  );
}

/**
 * Retries `check` (plain expect calls) until it passes or the time is up, then
 * throws its last failure. Unlike expect.poll it also works in hooks.
 */
export async function eventually(check: () => unknown, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the board shows exactly these columns and cards. */
export async function expectBoard(page: Page, expected: ColumnState[]): Promise<void> {
  await eventually(async () => expect(await readBoard(page)).toEqual(expected));
}

export function column(page: Page, title: string): Locator {
  return page.locator('ol.columns > li.column').filter({
    has: page.locator('.column-title', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
  });
}

/** The card whose text is exactly `text`. */
export function note(page: Page, text: string): Locator {
  return page.locator('li.note').filter({
    has: page.locator('.note-text', { hasText: new RegExp(`^${escapeRegExp(text)}, `) }),
  });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Like the app's shorten(): one line, at most `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

// ---------------------------------------------------------------- doing things as a user

export interface WorkshopInput {
  title: string;
  date?: string;
  place?: string;
  organisation?: string;
  /** The template's German name; default "Leerer Workshop" (one board "Pinnwand"). */
  template?: string;
}

/**
 * Creates a workshop through "Neuer Workshop". With the empty template it then
 * opens its board "Pinnwand"; with another template it stays on the overview.
 */
export async function createWorkshop(page: Page, input: WorkshopInput): Promise<void> {
  const template = input.template ?? 'Leerer Workshop';
  await page.getByRole('link', { name: 'Moderato' }).click();
  await page.getByRole('button', { name: 'Neuer Workshop' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
  await dialog.getByLabel('Titel').fill(input.title);
  if (input.date) await dialog.getByLabel('Datum').fill(input.date);
  if (input.place) await dialog.getByLabel('Ort').fill(input.place);
  if (input.organisation) await dialog.getByLabel('Organisation').fill(input.organisation);
  await dialog.getByRole('radio', { name: new RegExp(`^${template}`) }).check();
  await dialog.getByRole('button', { name: 'Workshop anlegen' }).click();
  await page.getByRole('heading', { level: 1, name: input.title, exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Ablauf' }).waitFor();
  if (template !== 'Leerer Workshop') return;
  await page
    .getByRole('navigation', { name: 'Bereiche des Workshops' })
    .getByRole('link', { name: 'Pinnwand', exact: true })
    .click();
  await page.locator('ol.columns').waitFor();
}

/** Types a card into a column's composer and waits until it shows on the board. */
export async function addNote(page: Page, columnTitle: string, text: string): Promise<void> {
  const target = column(page, columnTitle);
  const field = target.getByRole('textbox', { name: `Neue Karte in „${columnTitle}“` });
  if (!(await field.isVisible())) await target.getByRole('button', { name: /^Karte hinzufügen/ }).click();
  const before = await target.locator('.note-list > li.note').count();
  await field.fill(text);
  await field.press('Enter');
  await eventually(async () => {
    expect(await target.locator('.note-list > li.note').count()).toBe(before + 1);
    expect(await field.inputValue()).toBe('');
  });
}

/** Adds a card to the pool ("Noch nicht gruppiert") of a clusters board. */
export async function addPoolCard(page: Page, text: string): Promise<void> {
  const pool = page.locator('.cluster-pool');
  const field = pool.getByRole('textbox', { name: 'Neue Karte (noch nicht gruppiert)' });
  if (!(await field.isVisible())) await pool.getByRole('button', { name: /^Karte hinzufügen/ }).click();
  const before = await pool.locator('li.cluster-card').count();
  await field.fill(text);
  await field.press('Enter');
  await eventually(async () => {
    expect(await pool.locator('li.cluster-card').count()).toBe(before + 1);
    expect(await field.inputValue()).toBe('');
  });
}

/** Waits for the browser to paint twice: enough for React and dnd-kit to react to an event. */
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

// ---------------------------------------------------------------- drag and drop

/** dnd-kit's live region: what a screen reader hears during a drag. */
export function dndAnnouncement(page: Page): Locator {
  return page.locator('[id^="DndLiveRegion"]');
}

async function centerOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`not visible: ${locator}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export interface PointerDragOptions {
  /** Resolves once the target shows it is hovered; default: the column shows the card (or its highlight). */
  hovered?: () => Promise<unknown>;
  /** Press Escape before releasing the mouse: the drag is cancelled. */
  cancel?: boolean;
}

/**
 * Drags a card with the mouse as a person does (see TOOLCHAIN.md): press on the
 * card, move past dnd-kit's 6 px activation distance in small steps, glide to the
 * target, wait until it shows the hover, release.
 */
export async function pointerDrag(
  page: Page,
  card: Locator,
  target: Locator,
  options: PointerDragOptions = {},
): Promise<void> {
  await card.scrollIntoViewIfNeeded();
  const start = await centerOf(card.locator('.note-text'));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  try {
    for (let step = 1; step <= 5; step += 1) await page.mouse.move(start.x + step * 2, start.y + step * 2);
    // The drag has started when the overlay (the card under the pointer) shows.
    await page.locator('.note-overlay').waitFor();
    const end = await centerOf(target);
    await page.mouse.move(end.x, end.y, { steps: 10 });
    if (options.hovered) {
      await options.hovered();
    } else {
      const handle = await target.elementHandle();
      await page.waitForFunction(
        (element) => {
          const columnElement = element?.closest('li.column');
          return (
            !!columnElement &&
            (columnElement.classList.contains('column-over') ||
              !!columnElement.querySelector('.note-placeholder'))
          );
        },
        handle,
        { timeout: 5_000 },
      );
      await handle?.dispose();
    }
    await frames(page);
    if (options.cancel) await page.keyboard.press('Escape');
    await page.mouse.up();
  } catch (error) {
    // Leave no drag running behind a failure: the next test would start in the middle of it.
    await page.keyboard.press('Escape');
    await page.mouse.up();
    throw error;
  }
  await page.locator('.note-overlay').waitFor({ state: 'detached' });
  await page.locator('.note-placeholder').waitFor({ state: 'detached' });
}

/** The keyboard handle of a card: "Karte verschieben: <text>". */
export function handleOf(page: Page, noteText: string): Locator {
  return page.getByRole('button', { name: `Karte verschieben: ${shorten(noteText, 40)}`, exact: true });
}

export interface KeyboardDragOptions {
  /** Runs right after the card is picked up, before the arrow keys (e.g. an axe scan). */
  whileLifted?: () => Promise<unknown>;
  /** Ends with Escape instead of Space: the drag is cancelled. */
  cancel?: boolean;
}

/**
 * Moves a card with the keyboard: focus its handle, Space picks it up
 * (aria-pressed="true"), each arrow key moves it one place or one column,
 * Space drops it (Escape cancels).
 */
export async function keyboardDrag(
  page: Page,
  noteText: string,
  keys: string[],
  options: KeyboardDragOptions = {},
): Promise<void> {
  const handle = handleOf(page, noteText);
  try {
    await handle.focus();
  } catch (error) {
    // What the page looked like, so that a rare failure here tells its cause.
    const state = await page
      .evaluate(
        ({ text, label }) => {
          const cards = Array.from(document.querySelectorAll('li[data-note-id]')).filter((li) =>
            li.textContent?.includes(text),
          );
          return {
            scroll: [scrollY, document.documentElement.scrollHeight],
            active: document.activeElement?.outerHTML.slice(0, 160),
            activeCard: document.activeElement?.closest('li[data-note-id]')?.textContent?.slice(0, 80),
            openDialog: document.querySelector('dialog[open]')?.getAttribute('aria-labelledby') ?? null,
            inert: Array.from(document.querySelectorAll('[inert], [aria-hidden="true"]:not(svg, span)')).map(
              (e) => `${e.tagName}.${e.className}`,
            ),
            sameLabel: document.querySelectorAll(`[aria-label="${CSS.escape(label)}"]`).length,
            cards: cards.map((li) => {
              const button = li.querySelector<HTMLElement>('[data-drag-handle]');
              return {
                label: button?.getAttribute('aria-label'),
                visible: button?.checkVisibility(),
                box: li.getBoundingClientRect().toJSON() as unknown,
                html: li.outerHTML.slice(0, 300),
              };
            }),
          };
        },
        { text: noteText, label: `Karte verschieben: ${shorten(noteText, 40)}` },
      )
      .catch((reason: unknown) => String(reason));
    throw new Error(`keyboardDrag: no handle for "${noteText}"; the page: ${JSON.stringify(state)}`, {
      cause: error,
    });
  }
  await page.keyboard.press('Space');
  const lifted = page.locator('[data-drag-handle][aria-pressed="true"]');
  await lifted.waitFor();
  try {
    await options.whileLifted?.();
    const announcement = dndAnnouncement(page);
    for (const key of keys) {
      const before = await announcement.textContent();
      await page.keyboard.press(key);
      await eventually(async () =>
        expect(await announcement.textContent(), `${key} moves "${noteText}"`).not.toBe(before),
      );
      await frames(page);
      // The focus stays with the lifted card, also where it became a new element (another column or cell).
      await eventually(async () =>
        expect(
          await page.evaluate(() =>
            document.activeElement?.matches('[data-drag-handle][aria-pressed="true"]'),
          ),
          `the focus on "${noteText}" after ${key}`,
        ).toBe(true),
      );
    }
  } catch (error) {
    await page.keyboard.press('Escape');
    throw error;
  }
  await page.keyboard.press(options.cancel ? 'Escape' : 'Space');
  await lifted.waitFor({ state: 'detached' });
  await page.locator('.note-overlay').waitFor({ state: 'detached' });
}

export interface PdfReport {
  /** pdftotext's reading of every page. */
  text: string;
  pages: number;
  fonts: Array<{ name: string; embedded: boolean }>;
}

/** Reads a PDF back with poppler-utils, as a person checking the file would. */
export function readPdf(file: string): PdfReport {
  const run = (tool: string, ...args: string[]) => execFileSync(tool, [...args, file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo'))?.[1] ?? 0);
  const fonts = run('pdffonts')
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [name = '', ...rest] = line.trim().split(/\s+/);
      // Columns from the right: emb sub uni object-id generation.
      return { name, embedded: rest.at(-5) === 'yes' };
    });
  return {
    text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
    pages,
    fonts,
  };
}

/**
 * Checks a PDF of the demo workshop's minutes: every card (with its facts), every
 * row, column and cluster, the agreed vision, the project ideas with their
 * canvas, the traceability section, names, decisions and tasks; fonts embedded.
 */
export function expectDemoMinutes(report: PdfReport): void {
  type Row = Record<string, unknown>;
  const demo = JSON.parse(
    readFileSync(new URL('../../assets/demo/ki-strategie-demo.moderato.json', import.meta.url), 'utf8'),
  ) as { tables: Record<string, Row[]> };
  const rows = (table: string) => demo.tables[table] ?? [];
  const text = (row: Row, key: string) => (typeof row[key] === 'string' ? (row[key] as string) : '');
  const flat = (value: string) => value.replace(/\s+/g, ' ').trim();
  const pdf = flat(report.text);
  // Choice fields hold option keys; the PDF prints their labels (checked below for the tier).
  const choices = new Set(['riskTier', 'dpia']);
  const expected = [
    ...['Łukasz Wróbel', 'Şükrü Öztürk', 'Zoë Martens', 'Selin Yıldız'],
    ...rows('notes').flatMap((n) => {
      const facts = (n.facts ?? {}) as Row;
      return [text(n, 'text'), text(facts, 'process'), text(facts, 'painPoint')];
    }),
    ...rows('columns').map((c) => text(c, 'title')),
    ...rows('matrixRows').map((r) => text(r, 'title')),
    ...rows('clusters').flatMap((c) => [text(c, 'title'), text(c, 'description')]),
    ...rows('ideas').flatMap((i) => [
      text(i, 'title'),
      ...Object.entries(i.fields as Row)
        .filter(([key, value]) => typeof value === 'string' && !choices.has(key))
        .map(([, value]) => value as string),
    ]),
    ...rows('participants').flatMap((p) => [text(p, 'name'), text(p, 'role')]),
    ...rows('decisions').map((d) => text(d, 'text')),
    ...rows('actionItems').flatMap((a) => [text(a, 'task'), text(a, 'owner')]),
    'Leitbild Vereinbart am 24. März 2027 Im Jahr 2030 entlastet KI die Beschäftigten',
    '• Niemand verliert durch KI seinen Arbeitsplatz, alle werden qualifiziert.',
    'Ablage – noch nicht eingeordnet',
    'Handlungsschwerpunkt: Schnellere Fallbearbeitung',
    'Risikoklasse nach EU AI Act: minimales Risiko',
    'Risikoklasse nach EU AI Act: Transparenzpflichten (Art. 50)',
    'Eingesparte Arbeitszeit 2.600 h/Jahr',
    'Nachvollziehbarkeit',
    'aus „Bestandsaufnahme: Reifegrad der Prozesse“',
    'Seite 1 von',
    'Inhalt',
  ];
  const missing = expected.filter((item) => item && !pdf.includes(flat(item)));
  expect(missing).toEqual([]);
  // The vision is printed as plain text, without its formatting marks.
  expect(pdf).not.toContain('**');
  expect(report.fonts.length).toBeGreaterThan(0);
  expect(report.fonts.filter((f) => !f.embedded)).toEqual([]);
  expect(report.pages).toBeGreaterThanOrEqual(6);
  expect(report.pages).toBeLessThanOrEqual(16);
}
