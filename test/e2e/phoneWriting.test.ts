// The phone page's writing round (renderer/phone, built to dist-phone) in
// Chromium at phone size, against the in-test phone API
// (test/features/phone/fakeLanApi.ts behind node:http) and, when built, the
// real LAN server (dist-electron/main/lan/lanServer.js). Cards written while
// the phone is offline survive a reload and arrive exactly once. Every test
// fails on a CSP violation, console error, page error or a request that
// leaves 127.0.0.1.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  LanEvents,
  LanNoteEvent,
  LanUpdateRequest,
  LanWritingRound,
} from '../../electron/shared/lanContract';
import { CODE, FakeLanApi, writingRound } from '../features/phone/fakeLanApi';
import { CHROMIUM, CHROMIUM_ARGS, expectAccessible } from './helpers';

const PAGE_DIR = resolve('dist-phone');
const REAL_SERVER = resolve('dist-electron/main/lan/lanServer.js');
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A phone API on 127.0.0.1 with one writing round open. */
interface Backend {
  baseUrl: string;
  code: string;
  close(): void;
  share(texts: string[]): void;
  /** The card events the laptop would receive. */
  events(): Promise<LanNoteEvent[]>;
  stop(): Promise<void>;
}

async function fakeBackend(round: LanWritingRound): Promise<Backend> {
  const api = new FakeLanApi(round, CODE);
  const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css' };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const send = (status: number, type: string, body: string | Buffer) => {
        response.writeHead(status, {
          'Content-Type': type,
          'Content-Security-Policy': CSP,
          'Cache-Control': 'no-store',
        });
        response.end(body);
      };
      if (path.startsWith('/api/')) {
        const answer = api.handle({
          method: request.method ?? 'GET',
          path,
          authorization: request.headers.authorization,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        if (answer === 'network') return void request.socket.destroy();
        return send(answer.status, 'application/json', JSON.stringify(answer.body));
      }
      if (path === '/' || /^\/j\/[^/]+$/.test(path))
        return send(200, 'text/html; charset=utf-8', readFileSync(join(PAGE_DIR, 'index.html')));
      const asset = /^\/assets\/([A-Za-z0-9_.-]+)$/.exec(path);
      if (asset && existsSync(join(PAGE_DIR, 'assets', asset[1]!)))
        return send(
          200,
          types[extname(asset[1]!)] ?? 'application/octet-stream',
          readFileSync(join(PAGE_DIR, 'assets', asset[1]!)),
        );
      send(404, 'application/json', JSON.stringify({ error: 'not-found' }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    code: CODE,
    close: () => api.close(),
    share: (texts) => {
      api.shared = texts;
    },
    events: () => Promise.resolve(api.noteEvents.slice()),
    stop: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

interface RealServerModule {
  startLanServer(options: { address: string; port?: number; pageDir: string }): Promise<{
    baseUrl: string;
    open(round: LanWritingRound, taken: readonly string[]): { joinCode: string };
    update(request: LanUpdateRequest): boolean;
    close(roundId: string): void;
    events(request: { roundId: string; after: number; waitMs: number }): Promise<LanEvents>;
    stop(): Promise<void>;
  }>;
}

async function realBackend(round: LanWritingRound): Promise<Backend> {
  const loaded = (await import(pathToFileURL(REAL_SERVER).href)) as RealServerModule & {
    default?: RealServerModule;
  };
  const { startLanServer } = loaded.default ?? loaded;
  const server = await startLanServer({ address: '127.0.0.1', port: 0, pageDir: PAGE_DIR });
  try {
    const { joinCode } = server.open(round, []);
    return {
      baseUrl: server.baseUrl,
      code: joinCode,
      close: () => server.close(round.roundId),
      share: (shared) => void server.update({ roundId: round.roundId, taken: [], closesAt: null, shared }),
      events: async () => (await server.events({ roundId: round.roundId, after: 0, waitMs: 0 })).notes ?? [],
      stop: () => server.stop(),
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Whether the built LAN server offers writing rounds yet (it is written alongside this page). */
async function realServerWrites(): Promise<boolean> {
  if (!existsSync(REAL_SERVER)) return false;
  try {
    const backend = await realBackend(writingRound());
    await backend.stop();
    return true;
  } catch {
    return false;
  }
}

const BACKENDS: Array<{ name: string; start: (round: LanWritingRound) => Promise<Backend> }> = [
  { name: 'in-test phone API', start: fakeBackend },
];
if (await realServerWrites()) BACKENDS.push({ name: 'real LAN server (dist-electron)', start: realBackend });
else console.warn('phoneWriting.test.ts: the built LAN server takes no writing rounds; in-test API only');

/** Per card (clientId): how often it arrived new, and its text now ('' when withdrawn). */
function arrived(events: LanNoteEvent[]): { created: Record<string, number>; live: string[] } {
  const created: Record<string, number> = {};
  const latest = new Map<string, LanNoteEvent>();
  for (const event of events) {
    if (event.version === 1) created[event.text] = (created[event.text] ?? 0) + 1;
    const before = latest.get(event.clientId);
    if (!before || before.version < event.version) latest.set(event.clientId, event);
  }
  const live = [...latest.values()].filter((event) => !event.withdrawn).map((event) => event.text);
  return { created, live };
}

// ---------------------------------------------------------------- the phone

const CSP_INIT_SCRIPT = `document.addEventListener('securitypolicyviolation', (event) => {
  window.__phoneProblems = window.__phoneProblems || [];
  window.__phoneProblems.push('CSP ' + event.violatedDirective + ' ' + (event.blockedURI || '(inline)'));
}, true);`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[] = [];

async function openPhone(options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  context = await browser.newContext({
    viewport: { width: options.width ?? 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    colorScheme: options.colorScheme ?? 'light',
  });
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      problems.push(`external request ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  await context.addInitScript({ content: CSP_INIT_SCRIPT });
  context.on('console', (message) => {
    // A refused API call (4xx) and a call made while offline are logged as failed loads: the page handles both.
    if (
      message.type() === 'error' &&
      !/status of (40\d|41\d|42\d)|net::ERR_INTERNET_DISCONNECTED/.test(message.text())
    )
      problems.push(`console: ${message.text()}`);
  });
  context.on('weberror', (error) => problems.push(`page error: ${String(error.error())}`));
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

const phoneSession = { expectClean };

async function expectClean(): Promise<void> {
  const inPage = page.isClosed()
    ? []
    : await page.evaluate(() => (window as unknown as { __phoneProblems?: string[] }).__phoneProblems ?? []);
  expect([...problems, ...inPage]).toEqual([]);
  problems = [];
}

beforeAll(async () => {
  expect(existsSync(join(PAGE_DIR, 'index.html')), 'dist-phone is built (npm run build)').toBe(true);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

const heading = (name: string) => page.getByRole('heading', { name, exact: true });
const button = (name: string) => page.getByRole('button', { name, exact: true });
const field = () => page.getByLabel('Ihre Karte', { exact: true });
const cardTexts = () => page.locator('section', { hasText: 'Meine Karten' }).locator('li .card-text');
const statuses = () => page.locator('section', { hasText: 'Meine Karten' }).locator('li .card-status');
const UNSENT = 'Nicht gesendet – wird erneut versucht, sobald das Netz wieder da ist';

async function write(text: string): Promise<void> {
  await field().fill(text);
  await button('Karte senden').tap();
  await expect.poll(() => field().inputValue()).toBe('');
  // Ready for the next card at once.
  await expect(field().evaluate((element) => element === document.activeElement)).resolves.toBe(true);
}

describe.each(BACKENDS)('writing round on the phone with the $name', ({ start }) => {
  let backend: Backend;

  afterEach(async () => {
    try {
      await phoneSession.expectClean();
    } finally {
      await context?.close();
      await backend?.stop();
    }
  });

  it('three cards, one edited, one withdrawn; two written offline survive a reload and arrive exactly once; accessible in German and English', async () => {
    backend = await start(writingRound({ maxNotesPerPerson: null }));
    await openPhone();
    await page.goto(`${backend.baseUrl}/j/${backend.code}`);
    await heading('Wer sind Sie?').waitFor();
    await expectAccessible(page, 'phone writing: names (de)');
    await page.getByRole('radio', { name: 'Anna Schmidt' }).tap();
    await button('Weiter').tap();
    await field().waitFor();
    await expect(
      page
        .getByRole('heading', { level: 1, name: 'Welche Aufgaben sollten wir zuerst automatisieren?' })
        .count(),
    ).resolves.toBe(1);

    await write('E-Akte für alle Ämter');
    await write('Termine online buchen');
    await write('Posteingang automatisch sortieren');
    await expect.poll(() => statuses().allTextContents()).toEqual(['gesendet', 'gesendet', 'gesendet']);
    await expect.poll(() => page.locator('[aria-live="polite"]').textContent()).toBe('Karte gesendet.');

    await button('Karte 1 bearbeiten').tap();
    await page.getByLabel('Text von Karte 1').fill('E-Akte für alle Ämter bis 2027');
    await button('Speichern').tap();
    await button('Karte 2 zurückziehen').tap();
    await button('Ja, zurückziehen').tap();
    await expect
      .poll(async () => arrived(await backend.events()).live)
      .toEqual(['E-Akte für alle Ämter bis 2027', 'Posteingang automatisch sortieren']);
    await page.screenshot({ path: '/tmp/phone-writing-de.png', fullPage: true });
    await expectAccessible(page, 'phone writing: cards (de)');

    // Offline: the cards wait on the phone.
    await context.setOffline(true);
    await write('Rechnungen digital prüfen');
    await write('Chatbot für Bürgerfragen');
    await expect.poll(() => statuses().allTextContents()).toEqual(['gesendet', 'gesendet', UNSENT, UNSENT]);
    await expect(page.locator('.banner').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: '/tmp/phone-writing-offline.png', fullPage: true });

    // A reload while the laptop is still out of reach. (A page cannot be loaded without any
    // network at all, and the page itself is served by the laptop; so the phone gets the page
    // back but the laptop's API stays unreachable.)
    await context.route('**/api/**', (route) => route.abort('internetdisconnected'));
    await context.setOffline(false);
    await page.reload();
    await field().waitFor();
    await expect
      .poll(() => cardTexts().allTextContents())
      .toEqual([
        'E-Akte für alle Ämter bis 2027',
        'Posteingang automatisch sortieren',
        'Rechnungen digital prüfen',
        'Chatbot für Bürgerfragen',
      ]);
    await expect.poll(() => statuses().allTextContents()).toEqual(['gesendet', 'gesendet', UNSENT, UNSENT]);
    expect(arrived(await backend.events()).live).toHaveLength(2);

    // Back online: they arrive, exactly once, in order.
    await context.unroute('**/api/**');
    await context.setOffline(true);
    await context.setOffline(false);
    await expect
      .poll(() => statuses().allTextContents(), { timeout: 15_000 })
      .toEqual(['gesendet', 'gesendet', 'gesendet', 'gesendet']);
    const result = arrived(await backend.events());
    expect(result.live).toEqual([
      'E-Akte für alle Ämter bis 2027',
      'Posteingang automatisch sortieren',
      'Rechnungen digital prüfen',
      'Chatbot für Bürgerfragen',
    ]);
    expect(result.created).toEqual({
      'E-Akte für alle Ämter': 1,
      'Termine online buchen': 1,
      'Posteingang automatisch sortieren': 1,
      'Rechnungen digital prüfen': 1,
      'Chatbot für Bürgerfragen': 1,
    });
    await expect(page.locator('.banner').isVisible()).resolves.toBe(false);

    backend.share(['Gemeinsame Idee: Open Data']);
    await page.getByRole('region', { name: 'Karten der Gruppe' }).waitFor();
    await button('Switch to English').tap();
    await page.getByRole('button', { name: 'Send card', exact: true }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await page.screenshot({ path: '/tmp/phone-writing-en.png', fullPage: true });
    await expectAccessible(page, 'phone writing: cards (en)');
  });

  it('closed round: the cards stay read-only, also after a reload; 320 px, dark, touch targets of 44 px', async () => {
    backend = await start(writingRound({ anonymous: true, voters: [], closesAt: Date.now() + 3_600_000 }));
    await openPhone({ width: 320, colorScheme: 'dark' });
    await page.goto(`${backend.baseUrl}/j/${backend.code}`);
    await field().waitFor();
    await expect(page.getByText(/^Ihre Karten sind anonym/).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^Die Schreibrunde endet um \d{1,2}:\d\d Uhr\.$/).isVisible()).resolves.toBe(
      true,
    );
    await write('Eine Idee, die etwas länger ist, damit der Text auf einem kleinen Bildschirm umbricht');
    await expect.poll(() => statuses().allTextContents()).toEqual(['gesendet']);

    // By keyboard: Ctrl+Enter sends, Enter on "Bearbeiten" opens the field, Tab reaches "Speichern".
    await field().focus();
    await page.keyboard.type('Per Tastatur');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => statuses().allTextContents()).toEqual(['gesendet', 'gesendet']);
    await expect(field().evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await button('Karte 2 bearbeiten').focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByLabel('Text von Karte 2').evaluate((element) => element === document.activeElement),
    ).resolves.toBe(true);
    await page.keyboard.type(' geändert');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardTexts().nth(1).textContent()).toBe('Per Tastatur geändert');
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        return active ? (active.getAttribute('aria-label') ?? active.tagName) : null;
      });
    await expect.poll(focused).toBe('Karte 2 bearbeiten');
    await expect.poll(() => statuses().allTextContents()).toEqual(['gesendet', 'gesendet']);
    expect(await focused()).toBe('Karte 2 bearbeiten');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(button('Behalten').evaluate((element) => element === document.activeElement)).resolves.toBe(
      true,
    );
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardTexts().count()).toBe(1);
    await expect
      .poll(async () => arrived(await backend.events()).live)
      .toEqual(['Eine Idee, die etwas länger ist, damit der Text auf einem kleinen Bildschirm umbricht']);

    await button('Karte 1 zurückziehen').tap();
    await page.screenshot({ path: '/tmp/phone-writing-dark-320.png', fullPage: true });
    await expectAccessible(page, 'phone writing: confirm withdrawal (de, dark)');
    const sizes = await page.locator('main button, main textarea').evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return {
          name: element.getAttribute('aria-label') ?? element.textContent,
          box: [box.width, box.height],
        };
      }),
    );
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    expect(sizes.filter((size) => size.box[0]! < 44 || size.box[1]! < 44)).toEqual([]);
    const tooWide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > 320.5)
        .map((element) => element.className || element.tagName),
    );
    expect(tooWide).toEqual([]);
    const clipped = await page
      .locator('main button')
      .evaluateAll((elements) =>
        elements.filter((element) => element.scrollWidth > element.clientWidth + 1).map((e) => e.textContent),
      );
    expect(clipped).toEqual([]);
    await button('Behalten').tap();
    const cardButtons = await page
      .locator('main button')
      .evaluateAll((elements) =>
        elements.filter((element) => element.scrollWidth > element.clientWidth + 1).map((e) => e.textContent),
      );
    expect(cardButtons).toEqual([]);

    backend.close();
    await heading('Die Schreibrunde ist beendet. Danke!').waitFor();
    await expect(cardTexts().allTextContents()).resolves.toEqual([
      'Eine Idee, die etwas länger ist, damit der Text auf einem kleinen Bildschirm umbricht',
    ]);
    await expect(page.getByRole('button', { name: 'Karte 1 bearbeiten' }).count()).resolves.toBe(0);
    await expect(field().count()).resolves.toBe(0);
    await expectAccessible(page, 'phone writing: closed (de, dark)');
    await page.reload();
    await heading('Die Schreibrunde ist beendet. Danke!').waitFor();
    await expect(cardTexts().count()).resolves.toBe(1);
    await button('Switch to English').tap();
    await heading('The writing round has ended. Thank you!').waitFor();
    await expectAccessible(page, 'phone writing: closed (en, dark)');
  });
});
