// A crawl of the LAN server as a curious device on the same network would do it:
// every route with every method, path traversal, encodings, unknown paths.
// Nothing but the open round, the page and a phone's own ballot ever comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLanServer, type LanServer } from '../../electron/main/lan/lanServer';
import {
  dots,
  makePageDir,
  namedRound,
  PAGE_HTML,
  PAGE_JS,
  phone,
  raw,
  type RawResponse,
} from './lanHelpers';

let page: ReturnType<typeof makePageDir>;
let server: LanServer;
let joinCode = '';
let ownToken = '';
let otherToken = '';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'];

function paths(code: string): string[] {
  return [
    '/',
    `/j/${code}`,
    '/j/',
    '/j',
    `/j/${code}/extra`,
    '/j/..%2f..%2fsecret.txt',
    '/index.html',
    '/secret.txt',
    '/assets/',
    '/assets',
    '/assets/phone-abc123.js',
    '/assets/phone-abc123.css',
    '/assets/notes.txt',
    '/assets/.hidden.js',
    '/assets/nested/deep.js',
    '/assets/nested',
    '/assets/../secret.txt',
    '/assets/..%2fsecret.txt',
    '/assets/%2e%2e/secret.txt',
    '/assets/%2E%2E%2F%2E%2E%2Fworkshop.moderato.json',
    '/assets/..\\secret.txt',
    '/assets/phone-abc123.js/',
    '/assets/phone-abc123.js%00.txt',
    '/../workshop.moderato.json',
    '/..%2fworkshop.moderato.json',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/etc/passwd',
    '//etc/passwd',
    '/C:/Windows/win.ini',
    '/api',
    '/api/',
    '/api/join',
    '/api/state',
    '/api/ballot',
    '/api/ballots',
    '/api/events',
    '/api/round',
    '/api/state/../ballot',
    '/api/STATE',
    '/api/state/',
    '/__lan/interfaces',
    '/__lan/events',
    '/favicon.ico',
    '/robots.txt',
    '/.env',
    '/package.json',
    '/node_modules/zod/package.json',
    '/dist-electron/main/main.js',
    '*',
    'http://evil.example/',
  ];
}

/** The answers a phone may get: [method, path] → what it must be. */
function allowed(method: string, path: string, code: string): boolean {
  const page =
    ['/', `/j/${code}`].includes(path) ||
    path === '/assets/phone-abc123.js' ||
    path === '/assets/phone-abc123.css';
  if (page) return method === 'GET' || method === 'HEAD';
  if (path === '/api/state') return method === 'GET';
  if (path === '/api/join' || path === '/api/ballot') return method === 'POST';
  return false;
}

beforeAll(async () => {
  page = makePageDir();
  server = await startLanServer({
    address: '127.0.0.1',
    port: 0,
    pageDir: page.dir,
    limits: { rateLimit: 100_000 },
  });
  joinCode = server.open(namedRound({ title: 'Runde mit <b>Markup</b>' }), ['p-cem']).joinCode;
  const p = phone(server.port);
  ownToken = ((await p.join(joinCode)).json as { token: string }).token;
  otherToken = ((await p.join(joinCode)).json as { token: string }).token;
  expect((await p.ballot(otherToken, { participantId: 'p-ben', ...dots({ 'item-c': 2 }) })).status).toBe(200);
});

afterAll(async () => {
  await server.stop();
  page.cleanup();
});

describe('crawling every route', () => {
  it('finds nothing but the page, its assets and the round, for every method and path', async () => {
    const answers: Array<{ method: string; path: string; res: RawResponse }> = [];
    const origin = `http://127.0.0.1:${server.port}`;
    for (const path of paths(joinCode)) {
      for (const method of METHODS) {
        const body =
          method === 'GET' || method === 'HEAD' || method === 'OPTIONS'
            ? undefined
            : JSON.stringify({ code: joinCode });
        const res = await raw(server.port, {
          method,
          path,
          headers: {
            origin,
            'content-type': 'application/json',
            authorization: `Bearer ${ownToken}`,
            'access-control-request-method': 'POST',
          },
          body,
        });
        answers.push({ method, path, res });
      }
    }
    for (const { method, path, res } of answers) {
      const label = `${method} ${path}`;
      if (res.status >= 200 && res.status < 300) expect(allowed(method, path, joinCode), label).toBe(true);
      // Never another file, never another phone's secret, never the join code itself.
      expect(res.text, label).not.toContain('TRAP-SECRET');
      expect(res.text, label).not.toContain(otherToken);
      expect(res.text, label).not.toContain(joinCode);
      // No CORS: no other site may read any answer.
      expect(
        Object.keys(res.headers).filter((h) => h.startsWith('access-control-')),
        label,
      ).toEqual([]);
      if (res.status >= 400 && method !== 'HEAD') {
        expect(res.json, label).toEqual({ error: expect.any(String) });
      }
      if (res.status === 200 && method === 'GET') {
        const isPage = res.text === PAGE_HTML || res.text === PAGE_JS || res.text === 'body{margin:0}';
        if (!isPage)
          expect(Object.keys(res.json as object).sort(), label).toEqual(['ballot', 'round', 'status']);
      }
    }
    // Known paths with another method: 405 and what is allowed.
    for (const { method, path, res } of answers) {
      const known = ['/', '/api/join', '/api/state', '/api/ballot'].includes(path);
      if (known && !allowed(method, path, joinCode)) {
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.allow).toMatch(/^(GET, HEAD|GET|POST)$/);
      }
    }
    // The paths that matter really are served (the crawl is not just refusing everything).
    const ok = answers.filter((a) => a.res.status === 200).map((a) => `${a.method} ${a.path}`);
    expect(ok).toEqual(
      expect.arrayContaining([
        `GET /`,
        `GET /j/${joinCode}`,
        'GET /assets/phone-abc123.js',
        'GET /api/state',
        'POST /api/join',
      ]),
    );
  });

  it('shows one phone only its own ballot, and the round as the renderer passed it', async () => {
    const own = (await phone(server.port).state(ownToken)).json as Record<string, unknown>;
    expect(own.ballot).toBeNull();
    expect(JSON.stringify(own)).not.toContain('item-c":2');
    // Ben voted on the other phone and Cem on the laptop: neither name is offered here.
    expect((own.round as { voters: unknown }).voters).toEqual([{ id: 'p-anna', name: 'Anna' }]);
    expect(own.round).not.toHaveProperty('entitledCount');
    // Text is passed on as data; the phone page shows it as text.
    expect((own.round as { title: string }).title).toBe('Runde mit <b>Markup</b>');
  });
});
