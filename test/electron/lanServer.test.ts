// The LAN voting server, run in Node on 127.0.0.1 and driven over real HTTP like
// a phone (or an attacker on the same network) would.
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PHONE_CSP } from '../../electron/main/lan/lanHttp';
import { startLanServer, type LanLimits, type LanServer } from '../../electron/main/lan/lanServer';
import { LAN_JOIN_CODE_ALPHABET, LAN_LIMITS, type LanPhoneState } from '../../electron/shared/lanContract';
import { LAN_MAX_BALLOTS_PER_PHONE } from '../../electron/main/lan/lanRound';
import { dots, dotsRound, makePageDir, namedRound, PAGE_HTML, PAGE_JS, phone, raw } from './lanHelpers';

let page: ReturnType<typeof makePageDir>;
let server: LanServer | null = null;
let time = Date.UTC(2026, 10, 28, 9, 0);

beforeEach(() => {
  page = makePageDir();
  time = Date.UTC(2026, 10, 28, 9, 0);
});

afterEach(async () => {
  await server?.stop();
  server = null;
  page.cleanup();
});

async function start(limits: Partial<LanLimits> = {}): Promise<LanServer> {
  server = await startLanServer({
    address: '127.0.0.1',
    port: 0,
    pageDir: page.dir,
    limits: { rateLimit: 1000, ...limits },
    now: () => time,
  });
  return server;
}

async function joined(s: LanServer, code: string) {
  const res = await phone(s.port).join(code);
  expect(res.status).toBe(200);
  return res.json as { token: string; state: LanPhoneState };
}

describe('serving the page', () => {
  it('serves the phone page at / and /j/<code>, and its assets, with the strict headers', async () => {
    const s = await start();
    const { joinCode, joinUrl } = s.open(dotsRound(), []);
    expect(joinUrl).toBe(`http://127.0.0.1:${s.port}/j/${joinCode}`);
    for (const path of ['/', `/j/${joinCode}`, '/?lang=en']) {
      const res = await raw(s.port, { path });
      expect(res.status, path).toBe(200);
      expect(res.text).toBe(PAGE_HTML);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    }
    const js = await raw(s.port, { path: '/assets/phone-abc123.js' });
    expect(js.status).toBe(200);
    expect(js.text).toBe(PAGE_JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await raw(s.port, { path: '/assets/phone-abc123.css' })).status).toBe(200);
    expect((await raw(s.port, { method: 'HEAD', path: '/' })).text).toBe('');
  });

  it('sends CSP, nosniff, no-referrer, frame-ancestors, COOP/CORP and no-store on every answer, errors included', async () => {
    const s = await start();
    s.open(dotsRound(), []);
    const answers = await Promise.all([
      raw(s.port, { path: '/' }),
      raw(s.port, { path: '/assets/phone-abc123.js' }),
      raw(s.port, { path: '/nothing' }),
      raw(s.port, { path: '/', headers: { host: 'evil.example' } }),
      phone(s.port).join('WRONG1'),
      raw(s.port, { path: '/api/state' }),
    ]);
    for (const res of answers) {
      expect(res.headers['content-security-policy']).toBe(PHONE_CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['cache-control']).toBe('no-store');
    }
    expect(PHONE_CSP).toMatch(/^default-src 'none'/);
    expect(PHONE_CSP).toContain("frame-ancestors 'none'");
    expect(PHONE_CSP).not.toMatch(/unsafe-|\*/);
  });
});

describe('request checks', () => {
  it('refuses a wrong Host with 403 (DNS rebinding), on pages and API alike', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound(), []);
    for (const host of ['evil.example', `evil.example:${s.port}`, '127.0.0.1', `127.0.0.1:${s.port + 1}`]) {
      const res = await raw(s.port, { path: '/', headers: { host } });
      expect(res.status, host).toBe(403);
      expect(res.json).toEqual({ error: 'bad-host' });
      const join = await raw(s.port, {
        method: 'POST',
        path: '/api/join',
        headers: { host, origin: `http://${host}`, 'content-type': 'application/json' },
        body: JSON.stringify({ code: joinCode }),
      });
      expect(join.status).toBe(403);
    }
    expect((await raw(s.port, { path: '/', headers: { host: `localhost:${s.port}` } })).status).toBe(200);
    // HTTP/1.0 without any Host header.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(s.port, '127.0.0.1', () => socket.end('GET / HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 403/);
  });

  it('refuses a POST with a wrong or missing Origin with 403', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound(), []);
    const body = JSON.stringify({ code: joinCode });
    for (const origin of [
      undefined,
      'null',
      'http://evil.example',
      `https://127.0.0.1:${s.port}`,
      `http://127.0.0.1:${s.port}/`,
    ]) {
      const res = await raw(s.port, {
        method: 'POST',
        path: '/api/join',
        headers: { 'content-type': 'application/json', ...(origin === undefined ? {} : { origin }) },
        body,
      });
      expect(res.status, String(origin)).toBe(403);
      expect(res.json).toEqual({ error: 'bad-origin' });
    }
  });

  it('refuses a POST that is not JSON with 415 (no simple cross-site form can send one)', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound(), []);
    for (const type of [
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data',
      'application/json; charset=latin1',
    ]) {
      const res = await raw(s.port, {
        method: 'POST',
        path: '/api/join',
        headers: { origin: `http://127.0.0.1:${s.port}`, ...(type ? { 'content-type': type } : {}) },
        body: JSON.stringify({ code: joinCode }),
      });
      expect(res.status, String(type)).toBe(415);
      expect(res.json).toEqual({ error: 'bad-content-type' });
    }
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound(), []);
    const big = JSON.stringify({ code: joinCode, token: 'x'.repeat(LAN_LIMITS.maxBodyBytes) });
    const headers = { origin: `http://127.0.0.1:${s.port}`, 'content-type': 'application/json' };
    const declared = await raw(s.port, { method: 'POST', path: '/api/join', headers, body: big });
    expect(declared.status).toBe(413);
    expect(declared.json).toEqual({ error: 'too-large' });
    const streamed = await raw(s.port, {
      method: 'POST',
      path: '/api/join',
      headers,
      body: big,
      chunked: true,
    });
    expect(streamed.status).toBe(413);
    // Not even a page request may bring a big body along.
    expect((await raw(s.port, { path: '/', body: big })).status).toBe(413);
  });

  it('refuses broken JSON, extra fields and prototype keys with 400', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    const headers = {
      origin: p.origin,
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    };
    for (const body of [
      '{',
      '[]',
      'null',
      JSON.stringify({ content: { method: 'dots', dots: { 'item-a': 1 } }, admin: true }),
      '{"content":{"method":"dots","dots":{"__proto__":{"polluted":1},"item-a":1}}}',
      JSON.stringify({ content: { method: 'dots', dots: { '../../etc': 1 } } }),
    ]) {
      const res = await raw(s.port, { method: 'POST', path: '/api/ballot', headers, body });
      expect(res.status, body).toBe(400);
      expect(res.json).toEqual({ error: 'bad-request' });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers a flood from one address with 429, and again after the window', async () => {
    const s = await start({ rateLimit: 20, rateWindowMs: 10_000 });
    s.open(dotsRound(), []);
    const answers = await Promise.all(Array.from({ length: 30 }, () => raw(s.port, { path: '/' })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((st) => st === 200)).toHaveLength(20);
    expect(statuses.filter((st) => st === 429)).toHaveLength(10);
    const refused = answers.find((r) => r.status === 429)!;
    expect(refused.json).toEqual({ error: 'too-many-requests' });
    expect(refused.headers['retry-after']).toBe('10');
    time += 10_000;
    expect((await raw(s.port, { path: '/' })).status).toBe(200);
  });

  it('stops guessing join codes: after the wrong-code limit even the right code gets 429', async () => {
    const s = await start({ wrongCodeLimit: 5 });
    const { joinCode } = s.open(dotsRound(), []);
    const p = phone(s.port);
    for (let i = 0; i < 5; i += 1) {
      const res = await p.join('ZZZZZZ');
      expect(res.status).toBe(403);
      expect(res.json).toEqual({ error: 'wrong-code' });
    }
    expect((await p.join(joinCode)).status).toBe(429);
    time += LAN_LIMITS.rateWindowMs;
    expect((await p.join(joinCode)).status).toBe(200);
  });
});

describe('joining and voting', () => {
  it('hands out a six-character code from the alphabet and a 43-character token; codes differ per round', async () => {
    const s = await start();
    const codes = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      const { joinCode } = s.open(dotsRound({ roundId: `round-${i}` }), []);
      expect(joinCode).toHaveLength(6);
      for (const char of joinCode) expect(LAN_JOIN_CODE_ALPHABET).toContain(char);
      codes.add(joinCode);
    }
    expect(codes.size).toBeGreaterThan(15);
    const { token } = await joined(s, s.current()!.joinCode.toLowerCase());
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('shows the round without the voter list or entitled count, and refuses state without a token', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound({ entitledCount: 7 }), []);
    const { token, state } = await joined(s, joinCode);
    expect(state.kind).toBe('vote');
    expect(state.status).toBe('open');
    expect(state.ballot).toBeNull();
    expect(state.round).toEqual({
      roundId: 'round-1',
      title: 'Priorisierung der Handlungsschwerpunkte',
      settings: { method: 'dots', dots: 3, maxPerItem: 2 },
      items: dotsRound().items,
      anonymous: true,
      voters: [],
      closesAt: null,
      language: 'de',
    });
    expect((await phone(s.port).state(token)).json).toEqual(state);
    const none = await raw(s.port, { path: '/api/state' });
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ error: 'no-token' });
    expect((await phone(s.port).state('A'.repeat(43))).status).toBe(401);
  });

  it('keeps the token on reload, so the phone can change its ballot until the round closes', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    expect((await p.ballot(token, dots({ 'item-a': 2, 'item-b': 1 }))).status).toBe(200);
    const again = (await p.join(joinCode, token)).json as { token: string; state: LanPhoneState };
    expect(again.token).toBe(token);
    expect(again.state.ballot?.content).toEqual({ method: 'dots', dots: { 'item-a': 2, 'item-b': 1 } });
    const changed = await p.ballot(token, dots({ 'item-c': 2 }));
    expect(changed.status).toBe(200);
    expect((changed.json as LanPhoneState).ballot?.content).toEqual({
      method: 'dots',
      dots: { 'item-c': 2 },
    });
    const events = await s.events({ roundId: 'round-1', after: 0, waitMs: 0 });
    expect(events.ballots.map((b) => b.seq)).toEqual([1, 2]);
    expect(new Set(events.ballots.map((b) => b.participantId)).size).toBe(1);
    // A token from elsewhere is not kept: a fresh one is handed out.
    const stranger = (await p.join(joinCode, 'B'.repeat(43))).json as { token: string };
    expect(stranger.token).not.toBe('B'.repeat(43));
  });

  it('limits how often one phone changes its ballot, so the event log stays bounded', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    for (let i = 0; i < LAN_MAX_BALLOTS_PER_PHONE; i += 1) {
      expect((await p.ballot(token, dots({ 'item-a': 1 + (i % 2) }))).status).toBe(200);
    }
    const refused = await p.ballot(token, dots({ 'item-b': 1 }));
    expect(refused.status).toBe(429);
    expect((await s.events({ roundId: 'round-1', after: 0, waitMs: 0 })).ballots).toHaveLength(
      LAN_MAX_BALLOTS_PER_PHONE,
    );
  });

  it('refuses ballots that break the rules with 422', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    for (const ballot of [
      dots({ 'item-a': 2, 'item-b': 2 }),
      dots({ 'item-a': 3 }),
      dots({ 'item-x': 1 }),
      dots({}),
      dots({ 'item-a': 1.5 }),
      { content: { method: 'points', points: { 'item-a': 3 } } },
    ]) {
      const res = await p.ballot(token, ballot);
      expect(res.status, JSON.stringify(ballot)).toBe(422);
      expect(res.json).toEqual({ error: 'invalid-ballot' });
    }
    expect((await s.events({ roundId: 'round-1', after: 0, waitMs: 0 })).ballots).toEqual([]);
  });

  it('uses a random device id per phone in anonymous rounds, never the token', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound(), []);
    const p = phone(s.port);
    const tokens: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { token } = await joined(s, joinCode);
      tokens.push(token);
      await p.ballot(token, dots({ 'item-a': 1 }));
    }
    const { ballots, phones } = await s.events({ roundId: 'round-1', after: 0, waitMs: 0 });
    expect(phones).toBe(3);
    const ids = ballots.map((b) => b.participantId);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) {
      expect(id).toMatch(/^device-[0-9a-f]{16}$/);
      for (const token of tokens) {
        expect(token).not.toContain(id.slice(7));
        expect(Buffer.from(token, 'base64url').toString('hex')).not.toContain(id.slice(7));
      }
    }
    // A phone cannot vote as another phone's device.
    const res = await p.ballot(tokens[0]!, { participantId: ids[1], ...dots({ 'item-b': 1 }) });
    expect(res.status).toBe(400);
  });

  it('takes at most entitledCount − taken phones’ ballots in anonymous rounds, then answers full', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound({ entitledCount: 4 }), ['p-laptop-1']);
    const p = phone(s.port);
    const tokens = [];
    for (let i = 0; i < 5; i += 1) tokens.push((await joined(s, joinCode)).token);
    const statuses = [];
    for (const token of tokens) statuses.push((await p.ballot(token, dots({ 'item-a': 1 }))).status);
    expect(statuses).toEqual([200, 200, 200, 409, 409]);
    expect((await p.ballot(tokens[4]!, dots({ 'item-a': 1 }))).json).toEqual({ error: 'full' });
    // Changing a ballot already taken is always fine.
    expect((await p.ballot(tokens[0]!, dots({ 'item-b': 2 }))).status).toBe(200);
    // The renderer reports our own phones' ballots back as taken: they do not use up room twice.
    const { ballots } = await s.events({ roundId: 'round-1', after: 0, waitMs: 0 });
    s.update({
      roundId: 'round-1',
      taken: ['p-laptop-1', ...ballots.map((b) => b.participantId)],
      closesAt: null,
    });
    expect((await p.ballot(tokens[3]!, dots({ 'item-a': 1 }))).status).toBe(409);
    // Another laptop ballot takes the last place away from… nobody new; a freed place is taken again.
    s.update({ roundId: 'round-1', taken: [], closesAt: null });
    expect((await p.ballot(tokens[3]!, dots({ 'item-a': 1 }))).status).toBe(200);
  });

  it('named rounds: one phone per name, and names voted on the laptop cannot be picked', async () => {
    const s = await start();
    const { joinCode } = s.open(namedRound(), ['p-cem']);
    const p = phone(s.port);
    const first = await joined(s, joinCode);
    expect(first.state.round.voters.map((v) => v.name)).toEqual(['Anna', 'Ben']);
    const second = await joined(s, joinCode);

    expect((await p.ballot(first.token, { participantId: 'p-anna', ...dots({ 'item-a': 1 }) })).status).toBe(
      200,
    );
    const taken = await p.ballot(second.token, { participantId: 'p-anna', ...dots({ 'item-a': 1 }) });
    expect(taken.status).toBe(409);
    expect(taken.json).toEqual({ error: 'name-taken' });
    const laptop = await p.ballot(second.token, { participantId: 'p-cem', ...dots({ 'item-a': 1 }) });
    expect(laptop.json).toEqual({ error: 'name-taken' });
    expect((await p.ballot(second.token, { ...dots({ 'item-a': 1 }) })).status).toBe(400);
    expect(
      (await p.ballot(second.token, { participantId: 'p-nobody', ...dots({ 'item-a': 1 }) })).status,
    ).toBe(400);

    // The second phone sees only Ben now; the first sees its own name.
    expect(((await p.state(second.token)).json as LanPhoneState).round.voters).toEqual([
      { id: 'p-ben', name: 'Ben' },
    ]);
    // Even once the renderer reports Anna as taken, her phone keeps voting as Anna …
    s.update({ roundId: 'round-1', taken: ['p-cem', 'p-anna'], closesAt: null });
    expect(((await p.state(first.token)).json as LanPhoneState).round.voters).toEqual([
      { id: 'p-anna', name: 'Anna' },
    ]);
    expect((await p.ballot(first.token, { participantId: 'p-anna', ...dots({ 'item-b': 2 }) })).status).toBe(
      200,
    );
    // … and cannot switch to another name after voting.
    expect((await p.ballot(first.token, { participantId: 'p-ben', ...dots({ 'item-b': 2 }) })).json).toEqual({
      error: 'name-taken',
    });
    const { ballots } = await s.events({ roundId: 'round-1', after: 0, waitMs: 0 });
    expect(ballots.map((b) => b.participantId)).toEqual(['p-anna', 'p-anna']);
  });
});

describe('closing', () => {
  it('refuses ballots for a closed round with 410, and shows phones that it is closed', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    expect((await p.ballot(token, dots({ 'item-a': 1 }))).status).toBe(200);
    s.close('round-1');
    const refused = await p.ballot(token, dots({ 'item-b': 1 }));
    expect(refused.status).toBe(410);
    expect(refused.json).toEqual({ error: 'closed' });
    const state = (await p.state(token)).json as LanPhoneState;
    expect(state.status).toBe('closed');
    expect(state.ballot?.content).toEqual({ method: 'dots', dots: { 'item-a': 1 } });
    // A phone that reloads keeps seeing its ballot; a new phone cannot join any more.
    expect((await p.join(joinCode, token)).status).toBe(200);
    expect((await p.join(joinCode)).json).toEqual({ error: 'closed' });
    expect(s.current()).toBeNull();
    const events = await s.events({ roundId: 'round-1', after: 0, waitMs: 1000 });
    expect(events.running).toBe(false);
    expect(events.ballots).toHaveLength(1);
  });

  it('closes by itself at closesAt, by the server clock, and update() can move that time', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound({ closesAt: time + 60_000 }), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    time += 59_999;
    expect((await p.ballot(token, dots({ 'item-a': 1 }))).status).toBe(200);
    time += 1;
    expect((await p.ballot(token, dots({ 'item-a': 1 }))).status).toBe(410);
    expect(((await p.state(token)).json as LanPhoneState).status).toBe('closed');
    expect(s.update({ roundId: 'round-1', taken: [], closesAt: time + 30_000 })).toBe(true);
    expect((await p.ballot(token, dots({ 'item-a': 2 }))).status).toBe(200);
    expect(s.update({ roundId: 'other', taken: [], closesAt: null })).toBe(false);
  });

  it('stop() ends listening and ends waiting long polls', async () => {
    const s = await start();
    s.open(dotsRound(), []);
    const waiting = s.events({ roundId: 'round-1', after: 0, waitMs: 20_000 });
    await s.stop();
    expect((await waiting).running).toBe(false);
    await expect(raw(s.port, { path: '/' })).rejects.toThrow();
    server = null;
  });
});

describe('events for the renderer', () => {
  it('long-polls: resolves early when a ballot or a phone arrives, else after waitMs', async () => {
    const s = await start();
    const { joinCode } = s.open(dotsRound(), []);
    const p = phone(s.port);
    const started = Date.now();
    const empty = await s.events({ roundId: 'round-1', after: 0, waitMs: 50 });
    expect(empty).toEqual({ roundId: 'round-1', running: true, ballots: [], phones: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);

    const onJoin = s.events({ roundId: 'round-1', after: 0, waitMs: 20_000 });
    const { token } = await joined(s, joinCode);
    expect((await onJoin).phones).toBe(1);

    const onBallot = s.events({ roundId: 'round-1', after: 0, waitMs: 20_000 });
    await p.ballot(token, dots({ 'item-a': 1 }));
    const got = await onBallot;
    expect(got.ballots).toEqual([
      {
        seq: 1,
        roundId: 'round-1',
        participantId: expect.stringMatching(/^device-[0-9a-f]{16}$/),
        content: { method: 'dots', dots: { 'item-a': 1 } },
        receivedAt: time,
      },
    ]);
    expect((await s.events({ roundId: 'round-1', after: 1, waitMs: 0 })).ballots).toEqual([]);
    expect(await s.events({ roundId: 'another-round', after: 0, waitMs: 0 })).toEqual({
      roundId: 'another-round',
      running: false,
      ballots: [],
      phones: 0,
    });
  });

  it('a new round replaces the old one: old tokens and codes stop working', async () => {
    const s = await start();
    const first = s.open(dotsRound(), []);
    const { token } = await joined(s, first.joinCode);
    const second = s.open(dotsRound({ roundId: 'round-2' }), []);
    expect(second.joinCode).not.toBe(first.joinCode);
    expect((await phone(s.port).state(token)).status).toBe(401);
    expect((await phone(s.port).ballot(token, dots({ 'item-a': 1 }))).status).toBe(401);
    expect((await s.events({ roundId: 'round-1', after: 0, waitMs: 0 })).running).toBe(false);
  });
});
