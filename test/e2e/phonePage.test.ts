// The phone page (renderer/phone, built to dist-phone) in Chromium at phone
// size, against two servers: a small in-test server with the in-memory phone
// API (test/features/phone/fakeLanApi.ts), and the real LAN server
// (dist-electron/main/lan/lanServer.js, after `npm run build`). Both send the
// strict CSP; every test fails on a CSP violation, console error, page error or
// a request that leaves 127.0.0.1.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LanBallotContent, LanRound } from '../../electron/shared/lanContract';
import { CODE, FakeLanApi, namedDotsRound } from '../features/phone/fakeLanApi';
import { CHROMIUM, CHROMIUM_ARGS, expectAccessible } from './helpers';

const PAGE_DIR = resolve('dist-phone');
const REAL_SERVER = resolve('dist-electron/main/lan/lanServer.js');
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A phone API on 127.0.0.1 with one round open. */
interface Backend {
  baseUrl: string;
  code: string;
  /** The facilitator closes the round. */
  close(): void;
  /** The ballots received, by participant. */
  ballots(): Promise<Record<string, LanBallotContent>>;
  stop(): Promise<void>;
}

async function fakeBackend(round: LanRound): Promise<Backend> {
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
    ballots: async () => {
      const out: Record<string, LanBallotContent> = {};
      for (const [id, stored] of api.ballots) out[id] = stored.content;
      return out;
    },
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
    open(round: LanRound, taken: readonly string[]): { joinCode: string };
    close(roundId: string): void;
    events(request: { roundId: string; after: number; waitMs: number }): Promise<{
      ballots: Array<{ participantId: string; content: LanBallotContent }>;
    }>;
    stop(): Promise<void>;
  }>;
}

async function realBackend(round: LanRound): Promise<Backend> {
  const loaded = (await import(pathToFileURL(REAL_SERVER).href)) as RealServerModule & {
    default?: RealServerModule;
  };
  const { startLanServer } = loaded.default ?? loaded;
  const server = await startLanServer({ address: '127.0.0.1', port: 0, pageDir: PAGE_DIR });
  const { joinCode } = server.open(round, []);
  return {
    baseUrl: server.baseUrl,
    code: joinCode,
    close: () => server.close(round.roundId),
    ballots: async () => {
      const events = await server.events({ roundId: round.roundId, after: 0, waitMs: 0 });
      const out: Record<string, LanBallotContent> = {};
      for (const ballot of events.ballots) out[ballot.participantId] = ballot.content;
      return out;
    },
    stop: () => server.stop(),
  };
}

const BACKENDS: Array<{ name: string; start: (round: LanRound) => Promise<Backend> }> = [
  { name: 'in-test phone API', start: fakeBackend },
];
if (existsSync(REAL_SERVER)) BACKENDS.push({ name: 'real LAN server (dist-electron)', start: realBackend });
else
  console.warn(
    `phonePage.test.ts: ${REAL_SERVER} is missing (run npm run build); testing against the in-test API only`,
  );

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
    // A refused API call (403/409/…) is logged by Chromium as a failed resource load: that is the API working.
    if (message.type() === 'error' && !/status of (40\d|41\d|42\d)/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  context.on('weberror', (error) => problems.push(`page error: ${String(error.error())}`));
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/** The phone page's own guard, in the shape every e2e file uses (see test/scripts/e2eGuards.test.ts). */
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
const remaining = () => page.locator('.remaining');

it('the built page stays light and needs no inline code (strict CSP)', () => {
  const html = readFileSync(join(PAGE_DIR, 'index.html'), 'utf8');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  const scripts = readdirSync(join(PAGE_DIR, 'assets')).filter((name) => name.endsWith('.js'));
  const gzipped = (name: string) => gzipSync(readFileSync(join(PAGE_DIR, 'assets', name))).length;
  // What every phone loads (the entry script of index.html) ...
  const entry = /<script[^>]*\ssrc="\/assets\/([^"]+\.js)"/.exec(html)![1]!;
  expect(gzipped(entry)).toBeLessThan(18 * 1024);
  // ... and the writing round's part, loaded only by phones in a writing round.
  const later = scripts.filter((name) => name !== entry);
  expect(later).toHaveLength(1);
  expect(later[0]).toMatch(/^writingApp-/);
  expect(gzipped(later[0]!)).toBeLessThan(10 * 1024);
});

describe.each(BACKENDS)('phone page with the $name', ({ start }) => {
  let backend: Backend;

  afterEach(async () => {
    try {
      await phoneSession.expectClean();
    } finally {
      await context?.close();
      await backend?.stop();
    }
  });

  it('named dot vote: pick the name, vote, reload keeps the ballot and allows a change, the close is shown; accessible in German and English', async () => {
    backend = await start(namedDotsRound());
    await openPhone();
    await page.goto(`${backend.baseUrl}/j/${backend.code.toLowerCase()}`);
    await heading('Wer sind Sie?').waitFor();
    await page.screenshot({ path: '/tmp/phone-names-de.png', fullPage: true });
    await expectAccessible(page, 'phone: name list (de)');
    // Keyboard only: arrow keys pick the name, Tab and Enter go on.
    await page.getByRole('radio', { name: 'Anna Schmidt' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Bernd Müller' }).isChecked()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => remaining().textContent()).toBe('Noch 5 Punkte');
    await expect(page.getByText('Sie haben 5 Punkte. Höchstens 2 pro Eintrag.').isVisible()).resolves.toBe(
      true,
    );

    // Keyboard: the + button keeps the focus and says what happened.
    const add = button('Punkt für „Digitale Antragsverfahren“ hinzufügen');
    await add.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    await expect.poll(() => remaining().textContent()).toBe('Noch 3 Punkte');
    await expect(add.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(add.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect
      .poll(() => page.locator('[aria-live="polite"]').textContent())
      .toBe('„Digitale Antragsverfahren“: 2 Punkte. Noch 3 Punkte.');
    await button('Punkt für „KI-Assistenz im Bürgerservice“ hinzufügen').tap();
    await expect.poll(() => remaining().textContent()).toBe('Noch 2 Punkte');
    await page.screenshot({ path: '/tmp/phone-ballot-de.png', fullPage: true });
    await expectAccessible(page, 'phone: dots ballot (de)');

    await button('Stimme abgeben').tap();
    await heading('Ihre Stimme ist gezählt.').waitFor();
    await expect(page.locator('.summary li').allTextContents()).resolves.toEqual([
      'Digitale Antragsverfahren2 Punkte',
      'KI-Assistenz im Bürgerservice1 Punkt',
    ]);
    await expect.poll(() => backend.ballots()).toEqual({ p2: { method: 'dots', dots: { c1: 2, c2: 1 } } });
    await page.screenshot({ path: '/tmp/phone-sent-de.png', fullPage: true });
    await expectAccessible(page, 'phone: confirmation (de)');

    await page.reload();
    await heading('Ihre Stimme ist gezählt.').waitFor();
    await button('Stimme ändern').tap();
    await expect.poll(() => remaining().textContent()).toBe('Noch 2 Punkte');
    await button('Punkt von „Digitale Antragsverfahren“ wegnehmen').tap();
    await button('Punkt für „Datenkompetenz der Mitarbeitenden“ hinzufügen').tap();
    await button('Stimme abgeben').tap();
    await heading('Ihre Stimme ist gezählt.').waitFor();
    await expect
      .poll(() => backend.ballots())
      .toEqual({ p2: { method: 'dots', dots: { c1: 1, c2: 1, c3: 1 } } });

    await button('Stimme ändern').tap();
    await button('Switch to English').tap();
    await heading('Priorisierung der Handlungsschwerpunkte').waitFor();
    await expect.poll(() => remaining().textContent()).toBe('2 dots left');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await expectAccessible(page, 'phone: dots ballot (en)');
    await button('Discard changes').tap();
    await heading('Your vote has been counted.').waitFor();
    await expectAccessible(page, 'phone: confirmation (en)');

    backend.close();
    await heading('Voting has ended.').waitFor();
    await expect(page.getByText('Your vote was counted.', { exact: false }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'phone: closed (en)');
    await page.reload();
    // Turned away at joining (the in-test API), the phone cannot tell a vote from a writing round.
    await page.getByRole('heading', { name: /^(Voting|This round) has ended\.$/ }).waitFor();
  });

  it('typing the code, touch targets of at least 44 px, nothing wider than a 320 px screen, dark mode', async () => {
    backend = await start(
      namedDotsRound({
        anonymous: true,
        voters: [],
        settings: { method: 'ranking', topK: 2 },
        entitledCount: 5,
      }),
    );
    await openPhone({ width: 320, colorScheme: 'dark' });
    await page.goto(`${backend.baseUrl}/`);
    await heading('Mitmachen').waitFor();
    await expectAccessible(page, 'phone: code entry (de, dark)');
    await page.getByLabel('Code (6 Zeichen)').fill('ZZZ ZZZ');
    await button('Beitreten').tap();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^Diesen Code gibt es nicht/);
    await page
      .getByLabel('Code (6 Zeichen)')
      .fill(` ${backend.code.slice(0, 3).toLowerCase()} ${backend.code.slice(3)}`);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '„Digitale Antragsverfahren“ hinzufügen' }).tap();
    await page.getByRole('button', { name: '„Datenkompetenz der Mitarbeitenden“ hinzufügen' }).tap();
    await page.getByRole('button', { name: '„Datenkompetenz der Mitarbeitenden“ nach oben' }).tap();
    await expect.poll(() => remaining().textContent()).toBe('Alle Plätze vergeben');
    await page.screenshot({ path: '/tmp/phone-ranking-dark-320.png', fullPage: true });
    await expectAccessible(page, 'phone: ranking ballot (de, dark)');

    const sizes = await page.locator('main button, main .choice, main .name-option').evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return {
          name: element.getAttribute('aria-label') ?? element.textContent,
          width: box.width,
          height: box.height,
        };
      }),
    );
    expect(sizes.length).toBeGreaterThan(5);
    expect(sizes.filter((size) => size.width < 44 || size.height < 44)).toEqual([]);
    const tooWide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > 320.5)
        .map(
          (element) => `${element.tagName}.${element.className}: ${element.getBoundingClientRect().right}`,
        ),
    );
    expect(tooWide).toEqual([]);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(320);

    await button('Stimme abgeben').tap();
    await heading('Ihre Stimme ist gezählt.').waitFor();
    const ballots = Object.values(await backend.ballots());
    expect(ballots).toEqual([{ method: 'ranking', order: ['c3', 'c1'] }]);
  });

  it('points and impact/effort ballots at phone size, by touch and keyboard, accessible', async () => {
    backend = await start(
      namedDotsRound({ anonymous: true, voters: [], settings: { method: 'points', total: 100 } }),
    );
    await openPhone();
    await page.goto(`${backend.baseUrl}/j/${backend.code}`);
    const first = page.getByLabel('Digitale Antragsverfahren – Punkte');
    await first.tap();
    await page.keyboard.type('60');
    await page.getByLabel('KI-Assistenz im Bürgerservice – Punkte').fill('50');
    await expect.poll(() => remaining().textContent()).toBe('10 Punkte zu viel');
    await button('Stimme abgeben').tap();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/^Es sind 110 Punkte vergeben, erlaubt sind 100/);
    await page.getByLabel('KI-Assistenz im Bürgerservice – Punkte').fill('40');
    await expect.poll(() => remaining().textContent()).toBe('Alle Punkte verteilt');
    await page.screenshot({ path: '/tmp/phone-points-de.png', fullPage: true });
    await expectAccessible(page, 'phone: points ballot (de)');
    await button('Stimme abgeben').tap();
    await heading('Ihre Stimme ist gezählt.').waitFor();
    expect(Object.values(await backend.ballots())).toEqual([
      { method: 'points', points: { c1: 60, c2: 40 } },
    ]);
    await backend.stop();

    backend = await start(
      namedDotsRound({ anonymous: true, voters: [], settings: { method: 'impactEffort' } }),
    );
    await page.goto(`${backend.baseUrl}/j/${backend.code}`);
    const item = page.getByRole('group', { name: 'Datenkompetenz der Mitarbeitenden' });
    await item.getByRole('group', { name: 'Nutzen' }).getByRole('radio', { name: '4' }).check();
    // Keyboard: arrow keys move within the radio group.
    await item.getByRole('group', { name: 'Aufwand' }).getByRole('radio', { name: '1' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => remaining().textContent()).toBe('1 von 4 Einträgen bewertet');
    await page.screenshot({ path: '/tmp/phone-impact-de.png', fullPage: true });
    // Forced colours (Windows high contrast): the chosen rating still stands out.
    await page.emulateMedia({ forcedColors: 'active' });
    const faces = await item
      .locator('.choice-face')
      .evaluateAll((elements) => elements.map((element) => getComputedStyle(element).backgroundColor));
    expect(faces[3]).not.toBe(faces[2]); // impact 4 chosen, 3 not
    expect(faces[6]).not.toBe(faces[7]); // effort 2 chosen, 3 not
    await page.screenshot({ path: '/tmp/phone-impact-forced.png', fullPage: true });
    await page.emulateMedia({ forcedColors: 'none' });
    await expectAccessible(page, 'phone: impact/effort ballot (de)');
    await button('Stimme abgeben').tap();
    await heading('Ihre Stimme ist gezählt.').waitFor();
    await expect(page.locator('.summary li').allTextContents()).resolves.toEqual([
      'Datenkompetenz der MitarbeitendenNutzen 4, Aufwand 2',
    ]);
    expect(Object.values(await backend.ballots())).toEqual([
      { method: 'impactEffort', ratings: { c3: { impact: 4, effort: 2 } } },
    ]);
  });
});
