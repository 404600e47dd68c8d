// A crawl of the LAN server as a curious device on the same network would do it:
// every route with every method, path traversal, encodings, unknown paths, for
// a voting round and for a writing round. Nothing but the open round, the page
// and a phone's own ballot or cards ever comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLanServer, type LanServer } from '../../electron/main/lan/lanServer';
import type { LanWritingPhoneState } from '../../electron/shared/lanContract';
import {
  clientId,
  dots,
  makePageDir,
  namedRound,
  namedWritingRound,
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
let writing: LanServer;
let writingCode = '';
let ownWriter = '';
let otherWriter = '';

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
    '/api/note',
    '/api/note/',
    '/api/note/withdraw',
    '/api/note/withdraw/',
    '/api/notes',
    '/api/note/withdraw/../../state',
    '/api/note/%2e%2e/ballot',
    '/api/NOTE',
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
  if (['/api/join', '/api/ballot', '/api/note', '/api/note/withdraw'].includes(path))
    return method === 'POST';
  return false;
}

const KNOWN = ['/', '/api/join', '/api/state', '/api/ballot', '/api/note', '/api/note/withdraw'];

/** Every path × method with the phone's own token and the right headers. */
async function crawl(port: number, code: string, token: string) {
  const answers: Array<{ method: string; path: string; res: RawResponse }> = [];
  const origin = `http://127.0.0.1:${port}`;
  for (const path of paths(code)) {
    for (const method of METHODS) {
      const body =
        method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? undefined : JSON.stringify({ code });
      const res = await raw(port, {
        method,
        path,
        headers: {
          origin,
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'access-control-request-method': 'POST',
        },
        body,
      });
      answers.push({ method, path, res });
    }
  }
  return answers;
}

/** What holds for every answer, whatever the round. */
function expectNothingLeaks(
  answers: Array<{ method: string; path: string; res: RawResponse }>,
  code: string,
  secrets: string[],
  stateKeys: string[],
) {
  for (const { method, path, res } of answers) {
    const label = `${method} ${path}`;
    if (res.status >= 200 && res.status < 300) expect(allowed(method, path, code), label).toBe(true);
    // Never another file, never another phone's secret or card, never the join code itself.
    expect(res.text, label).not.toContain('TRAP-SECRET');
    for (const secret of secrets) expect(res.text, label).not.toContain(secret);
    expect(res.text, label).not.toContain(code);
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
      if (!isPage) expect(Object.keys(res.json as object).sort(), label).toEqual(stateKeys);
    }
  }
  // Known paths with another method: 405 and what is allowed.
  for (const { method, path, res } of answers) {
    if (KNOWN.includes(path) && !allowed(method, path, code)) {
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.allow).toMatch(/^(GET, HEAD|GET|POST)$/);
    }
  }
  // The paths that matter really are served (the crawl is not just refusing everything).
  const ok = answers.filter((a) => a.res.status === 200).map((a) => `${a.method} ${a.path}`);
  expect(ok).toEqual(
    expect.arrayContaining([
      `GET /`,
      `GET /j/${code}`,
      'GET /assets/phone-abc123.js',
      'GET /api/state',
      'POST /api/join',
    ]),
  );
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

  writing = await startLanServer({
    address: '127.0.0.1',
    port: 0,
    pageDir: page.dir,
    limits: { rateLimit: 100_000 },
  });
  writingCode = writing.open(namedWritingRound({ prompt: 'Frage mit <i>Markup</i>' }), []).joinCode;
  const w = phone(writing.port);
  ownWriter = ((await w.join(writingCode)).json as { token: string }).token;
  otherWriter = ((await w.join(writingCode)).json as { token: string }).token;
  const other = { clientId: clientId('other'), text: 'TRAP-CARD of Ben', participantId: 'p-ben' };
  expect((await w.note(otherWriter, other)).status).toBe(200);
  const own = { clientId: clientId('own'), text: '<img src=x onerror=alert(1)>', participantId: 'p-anna' };
  expect((await w.note(ownWriter, own)).status).toBe(200);
  writing.update({ roundId: 'write-1', taken: [], closesAt: null, shared: ['Geteilt: <script>x</script>'] });
});

afterAll(async () => {
  await server.stop();
  await writing.stop();
  page.cleanup();
});

describe('crawling every route', () => {
  it('finds nothing but the page, its assets and the round, for every method and path', async () => {
    const answers = await crawl(server.port, joinCode, ownToken);
    expectNothingLeaks(answers, joinCode, [otherToken], ['ballot', 'kind', 'round', 'status']);
    // A phone of the voting round cannot send cards.
    const card = await phone(server.port).note(ownToken, { clientId: clientId(1), text: 'Karte' });
    expect(card.json).toEqual({ error: 'wrong-round' });
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

describe('crawling a writing round', () => {
  it('finds nothing but the page, its assets, the prompt and the phone’s own cards', async () => {
    const answers = await crawl(writing.port, writingCode, ownWriter);
    expectNothingLeaks(
      answers,
      writingCode,
      [otherWriter, 'TRAP-CARD', clientId('other')],
      ['kind', 'notes', 'participantId', 'round', 'shared', 'status'],
    );
    // The crawl's bodies are no cards: nothing was stored.
    expect((await writing.events({ roundId: 'write-1', after: 0, waitMs: 0 })).notes).toHaveLength(2);
  });

  it('shows one phone only its own cards, the names still free and the shared texts, as data', async () => {
    const own = (await phone(writing.port).state(ownWriter)).json as LanWritingPhoneState;
    expect(own.notes).toEqual([
      {
        clientId: clientId('own'),
        text: '<img src=x onerror=alert(1)>',
        version: 1,
        updatedAt: expect.any(Number),
      },
    ]);
    expect(own.participantId).toBe('p-anna');
    expect(own.round.voters).toEqual([{ id: 'p-anna', name: 'Anna' }]);
    expect(own.round.prompt).toBe('Frage mit <i>Markup</i>');
    expect(own.shared).toEqual(['Geteilt: <script>x</script>']);
    // A phone that has not written yet sees the names nobody took.
    const fresh = ((await phone(writing.port).join(writingCode)).json as { state: LanWritingPhoneState })
      .state;
    expect(fresh.round.voters.map((v) => v.id)).toEqual(['p-cem']);
    expect(JSON.stringify(fresh)).not.toContain('TRAP-CARD');
    expect(JSON.stringify(fresh)).not.toContain('onerror');
    // A phone of the writing round cannot vote.
    expect((await phone(writing.port).ballot(ownWriter, dots({ 'item-a': 1 }))).json).toEqual({
      error: 'wrong-round',
    });
  });
});
