// The control API of phone voting in the browser version (scripts/lanControl.mjs,
// which scripts/staticServer.mjs mounts): only the app's own page may drive it.
// Runs on the TypeScript sources, so it needs no build.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lanHost from '../../electron/main/lan/lanHost';
import { LOOPBACK_INTERFACE } from '../../electron/main/lan/lanNetwork';
import * as lanSchemas from '../../electron/main/lan/lanSchemas';
import * as csp from '../../electron/shared/csp';
import type { LanEvents, LanOpenResult, LanWritingPhoneState } from '../../electron/shared/lanContract';
// @ts-expect-error -- plain ES module without types
import { createLanControl, withLanMeta } from '../../scripts/lanControl.mjs';
import { clientId, dotsRound, makePageDir, phone, raw, writingRound } from '../electron/lanHelpers';

let base = '';
let page: ReturnType<typeof makePageDir>;
let server: Server;
let lanControl: { handle(req: unknown, res: unknown): boolean; stop(): Promise<void> };
let port = 0;

beforeAll(async () => {
  page = makePageDir();
  lanControl = createLanControl({
    pageDir: page.dir,
    getPort: () => port,
    hostOptions: { port: 0, listInterfaces: () => [LOOPBACK_INTERFACE] },
    modules: { ...lanHost, ...lanSchemas, ...csp },
  });
  // Like scripts/staticServer.mjs: the control API first, then (here) nothing else.
  server = createServer((request, response) => {
    if (!lanControl.handle(request, response)) response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await lanControl.stop();
  server.close();
  page.cleanup();
});

const own = () => ({ 'x-moderato-lan': '1', origin: base, 'content-type': 'application/json' });

describe('the LAN control API of npm run web', () => {
  it('marks index.html so the page knows phone voting is offered', () => {
    expect(withLanMeta('<html><head><meta http-equiv="x" /></head></html>')).toBe(
      '<html><head><meta http-equiv="x" />  <meta name="moderato-lan" content="1" />\n  </head></html>',
    );
  });

  it('refuses calls without the custom header, from another Host or Origin, or cross-site', async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['no header', { origin: base }],
      ['wrong host', { 'x-moderato-lan': '1', host: `localhost:${port}` }],
      ['rebound host', { 'x-moderato-lan': '1', host: `evil.example:${port}` }],
      ['other origin', { 'x-moderato-lan': '1', origin: 'http://evil.example' }],
      ['cross-site fetch', { 'x-moderato-lan': '1', 'sec-fetch-site': 'cross-site' }],
    ];
    for (const [label, headers] of cases) {
      const res = await raw(port, { path: '/__lan/interfaces', headers });
      expect(res.status, label).toBe(403);
    }
    const noOrigin = await raw(port, {
      method: 'POST',
      path: '/__lan/close',
      headers: { 'x-moderato-lan': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ roundId: 'round-1' }),
    });
    expect(noOrigin.status).toBe(403);
    const formPost = await raw(port, {
      method: 'POST',
      path: '/__lan/close',
      headers: { ...own(), 'content-type': 'text/plain' },
      body: JSON.stringify({ roundId: 'round-1' }),
    });
    expect(formPost.status).toBe(415);
  });

  it('validates bodies with the IPC schemas and answers unknown routes and methods', async () => {
    const bad = await raw(port, {
      method: 'POST',
      path: '/__lan/open',
      headers: own(),
      body: JSON.stringify({ round: { ...dotsRound(), extra: 1 }, interfaceId: 'loopback', taken: [] }),
    });
    expect(bad.status).toBe(400);
    expect((await raw(port, { path: '/__lan/secrets', headers: own() })).status).toBe(404);
    expect((await raw(port, { path: '/__lan/open', headers: own() })).status).toBe(405);
    expect((await raw(port, { method: 'POST', path: '/__lan/open', headers: own(), body: '{' })).status).toBe(
      400,
    );
  });

  it('drives the LAN server: interfaces, open, phone ballots as events, current, close', async () => {
    const interfaces = await raw(port, { path: '/__lan/interfaces', headers: { 'x-moderato-lan': '1' } });
    expect(interfaces.json).toEqual([LOOPBACK_INTERFACE]);
    expect(interfaces.headers['cache-control']).toBe('no-store');
    const opened = await raw(port, {
      method: 'POST',
      path: '/__lan/open',
      headers: own(),
      body: JSON.stringify({ round: dotsRound(), interfaceId: 'loopback', taken: [] }),
    });
    const result = opened.json as LanOpenResult;
    if (result.status !== 'open') throw new Error(`not open: ${opened.text}`);
    const lanPort = Number(new URL(result.session.baseUrl).port);
    const p = phone(lanPort);
    const { token } = (await p.join(result.session.joinCode)).json as { token: string };
    const waiting = raw(port, {
      method: 'POST',
      path: '/__lan/events',
      headers: own(),
      body: JSON.stringify({ roundId: 'round-1', after: 0, waitMs: 5000 }),
    });
    // The long poll wakes on the new phone or the ballot; either way the ballot is there soon.
    await p.ballot(token, { content: { method: 'dots', dots: { 'item-a': 1 } } });
    await waiting;
    const events = await raw(port, {
      method: 'POST',
      path: '/__lan/events',
      headers: own(),
      body: JSON.stringify({ roundId: 'round-1', after: 0, waitMs: 0 }),
    });
    expect(events.json).toMatchObject({
      roundId: 'round-1',
      running: true,
      phones: 1,
      ballots: [{ seq: 1 }],
    });
    expect((await raw(port, { path: '/__lan/current', headers: { 'x-moderato-lan': '1' } })).json).toEqual(
      result.session,
    );
    const update = await raw(port, {
      method: 'POST',
      path: '/__lan/update',
      headers: own(),
      body: JSON.stringify({ roundId: 'round-1', taken: ['p-1'], closesAt: null }),
    });
    expect(update.status).toBe(200);
    const closed = await raw(port, {
      method: 'POST',
      path: '/__lan/close',
      headers: own(),
      body: JSON.stringify({ roundId: 'round-1' }),
    });
    expect(closed.status).toBe(200);
    expect((await raw(port, { path: '/__lan/current', headers: { 'x-moderato-lan': '1' } })).json).toBeNull();
    expect((await p.ballot(token, { content: { method: 'dots', dots: { 'item-a': 1 } } })).status).toBe(410);
  });

  it('offers writing rounds too: cards as events, shared texts through update', async () => {
    const opened = await raw(port, {
      method: 'POST',
      path: '/__lan/open',
      headers: own(),
      body: JSON.stringify({ round: writingRound(), interfaceId: 'loopback', taken: [] }),
    });
    const result = opened.json as LanOpenResult;
    if (result.status !== 'open') throw new Error(`not open: ${opened.text}`);
    expect(result.session.roundId).toBe('write-1');
    const p = phone(Number(new URL(result.session.baseUrl).port));
    const { token } = (await p.join(result.session.joinCode)).json as { token: string };
    expect((await p.note(token, { clientId: clientId(1), text: 'Karte aus dem Browser-Test' })).status).toBe(
      200,
    );
    const update = await raw(port, {
      method: 'POST',
      path: '/__lan/update',
      headers: own(),
      body: JSON.stringify({ roundId: 'write-1', taken: [], closesAt: null, shared: ['Geteilt'] }),
    });
    expect(update.status).toBe(200);
    expect(((await p.state(token)).json as LanWritingPhoneState).shared).toEqual(['Geteilt']);
    const events = await raw(port, {
      method: 'POST',
      path: '/__lan/events',
      headers: own(),
      body: JSON.stringify({ roundId: 'write-1', after: 0, waitMs: 0 }),
    });
    const got = events.json as LanEvents;
    expect(got.ballots).toEqual([]);
    expect(got.notes?.map((e) => e.text)).toEqual(['Karte aus dem Browser-Test']);
    // The body is checked like every other: no unknown fields in a writing round.
    const refused = await raw(port, {
      method: 'POST',
      path: '/__lan/open',
      headers: own(),
      body: JSON.stringify({ round: { ...writingRound(), items: [] }, interfaceId: 'loopback', taken: [] }),
    });
    expect(refused.status).toBe(400);
    await raw(port, {
      method: 'POST',
      path: '/__lan/close',
      headers: own(),
      body: JSON.stringify({ roundId: 'write-1' }),
    });
  });
});
