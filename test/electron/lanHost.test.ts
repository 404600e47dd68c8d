// The host side (LanControl) around the server, the interface list, and the small
// pure guards the server is built from.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  allowedHosts,
  bearerToken,
  hostAllowed,
  isJsonContentType,
  newDeviceId,
  newJoinCode,
  newToken,
  normalizeJoinCode,
  originAllowed,
  parseJson,
} from '../../electron/main/lan/lanGuards';
import { createLanHost, type LanHost } from '../../electron/main/lan/lanHost';
import { listLanInterfaces, LOOPBACK_INTERFACE } from '../../electron/main/lan/lanNetwork';
import { createRateLimiter } from '../../electron/main/lan/rateLimiter';
import { LAN_JOIN_CODE_ALPHABET } from '../../electron/shared/lanContract';
import type { LanWritingPhoneState } from '../../electron/shared/lanContract';
import { clientId, dots, dotsRound, makePageDir, phone, raw, writingRound } from './lanHelpers';

let host: LanHost | null = null;
let page: ReturnType<typeof makePageDir> | null = null;

afterEach(async () => {
  await host?.stop();
  host = null;
  page?.cleanup();
  page = null;
  vi.useRealTimers();
});

function makeHost(options: { closeGraceMs?: number; pageDir?: string } = {}): LanHost {
  page = makePageDir();
  host = createLanHost({
    pageDir: options.pageDir ?? page.dir,
    port: 0,
    listInterfaces: () => [
      { id: 'wlan0:10.255.255.1', label: 'wlan0 – 10.255.255.1', address: '10.255.255.1', loopback: false },
      LOOPBACK_INTERFACE,
    ],
    closeGraceMs: options.closeGraceMs,
  });
  return host;
}

describe('the LAN host', () => {
  it('is off until a round is opened, then offers it on the picked interface', async () => {
    const h = makeHost();
    expect(await h.current()).toBeNull();
    expect(await h.events({ roundId: 'round-1', after: 0, waitMs: 0 })).toEqual({
      roundId: 'round-1',
      running: false,
      ballots: [],
      phones: 0,
    });
    const opened = await h.open({ round: dotsRound(), interfaceId: 'loopback', taken: [] });
    expect(opened.status).toBe('open');
    if (opened.status !== 'open') return;
    const { session } = opened;
    expect(session.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(session.joinUrl).toBe(`${session.baseUrl}/j/${session.joinCode}`);
    expect(session.interfaceLabel).toBe(LOOPBACK_INTERFACE.label);
    expect(await h.current()).toEqual(session);

    // Asked again for the same round (the renderer reloaded): same code, phones keep their tokens.
    const port = Number(new URL(session.baseUrl).port);
    const { token } = (await phone(port).join(session.joinCode)).json as { token: string };
    const again = await h.open({ round: dotsRound(), interfaceId: 'loopback', taken: ['p-1'] });
    expect(again).toEqual({ status: 'open', session });
    expect((await phone(port).ballot(token, dots({ 'item-a': 1 }))).status).toBe(200);
    expect((await h.events({ roundId: 'round-1', after: 0, waitMs: 0 })).ballots).toHaveLength(1);
  });

  it('offers a writing round: cards as events, shared texts, the same session after a reload', async () => {
    const h = makeHost({ closeGraceMs: 50 });
    const opened = await h.open({ round: writingRound(), interfaceId: 'loopback', taken: [] });
    if (opened.status !== 'open') throw new Error('not open');
    const { session } = opened;
    expect(session.roundId).toBe('write-1');
    const port = Number(new URL(session.baseUrl).port);
    const p = phone(port);
    const { token } = (await p.join(session.joinCode)).json as { token: string };
    expect((await p.note(token, { clientId: clientId(1), text: 'Karte vom Handy' })).status).toBe(200);

    // The renderer reloads and asks again: same code, the phone's token and cards stay.
    expect(await h.open({ round: writingRound(), interfaceId: 'loopback', taken: [] })).toEqual({
      status: 'open',
      session,
    });
    await h.update({ roundId: 'write-1', taken: [], closesAt: null, shared: ['Angenommene Karte'] });
    const state = (await p.state(token)).json as LanWritingPhoneState;
    expect(state.notes.map((n) => n.text)).toEqual(['Karte vom Handy']);
    expect(state.shared).toEqual(['Angenommene Karte']);
    const events = await h.events({ roundId: 'write-1', after: 0, waitMs: 0 });
    expect(events.ballots).toEqual([]);
    expect(events.notes?.map((e) => [e.seq, e.text, e.version])).toEqual([[1, 'Karte vom Handy', 1]]);

    // A voting round with the same id is another round: new code, old tokens gone.
    const vote = await h.open({
      round: dotsRound({ roundId: 'write-1' }),
      interfaceId: 'loopback',
      taken: [],
    });
    if (vote.status !== 'open') throw new Error('not open');
    expect(vote.session.joinCode).not.toBe(session.joinCode);
    expect((await p.state(token)).status).toBe(401);

    await h.close('write-1');
    expect(await h.current()).toBeNull();
  });

  it('reports an unknown interface, a missing phone page and an address it cannot bind', async () => {
    const h = makeHost();
    expect(await h.open({ round: dotsRound(), interfaceId: 'eth9:1.2.3.4', taken: [] })).toEqual({
      status: 'failed',
      reason: 'no-interface',
    });
    // 10.255.255.1 is not an address of this machine.
    expect(await h.open({ round: dotsRound(), interfaceId: 'wlan0:10.255.255.1', taken: [] })).toEqual({
      status: 'failed',
      reason: 'address-unavailable',
    });
    const noPage = createLanHost({
      pageDir: '/nonexistent/dist-phone',
      port: 0,
      listInterfaces: () => [LOOPBACK_INTERFACE],
    });
    expect(await noPage.open({ round: dotsRound(), interfaceId: 'loopback', taken: [] })).toEqual({
      status: 'failed',
      reason: 'unsupported',
    });
    await noPage.stop();
  });

  it('closes the round for phones, then stops listening after the grace time', async () => {
    const h = makeHost({ closeGraceMs: 50 });
    const opened = await h.open({ round: dotsRound(), interfaceId: 'loopback', taken: [] });
    if (opened.status !== 'open') throw new Error('not open');
    const port = Number(new URL(opened.session.baseUrl).port);
    const { token } = (await phone(port).join(opened.session.joinCode)).json as { token: string };
    await h.close('another-round');
    expect(await h.current()).not.toBeNull();
    await h.close('round-1');
    expect(await h.current()).toBeNull();
    expect((await phone(port).ballot(token, dots({ 'item-a': 1 }))).json).toEqual({ error: 'closed' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await expect(raw(port, { path: '/' })).rejects.toThrow();
  });

  it('allows more requests per address on loopback, where every tab shares 127.0.0.1', async () => {
    const h = makeHost();
    const opened = await h.open({ round: dotsRound(), interfaceId: 'loopback', taken: [] });
    if (opened.status !== 'open') throw new Error('not open');
    const port = Number(new URL(opened.session.baseUrl).port);
    const answers = await Promise.all(Array.from({ length: 100 }, () => raw(port, { path: '/' })));
    expect(answers.every((r) => r.status === 200)).toBe(true);
  });

  it('a new round replaces the running one; stop() ends it', async () => {
    const h = makeHost();
    const first = await h.open({ round: dotsRound(), interfaceId: 'loopback', taken: [] });
    const second = await h.open({
      round: dotsRound({ roundId: 'round-2' }),
      interfaceId: 'loopback',
      taken: [],
    });
    if (first.status !== 'open' || second.status !== 'open') throw new Error('not open');
    expect(second.session.joinCode).not.toBe(first.session.joinCode);
    expect((await h.current())?.roundId).toBe('round-2');
    await h.stop();
    expect(await h.current()).toBeNull();
    await expect(raw(Number(new URL(second.session.baseUrl).port), { path: '/' })).rejects.toThrow();
  });
});

describe('network interfaces', () => {
  it('lists IPv4 interfaces with technical labels, skips internal, IPv6 and link-local, and ends with loopback', () => {
    const list = listLanInterfaces({
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true } as never],
      wlan0: [
        { address: '192.168.1.20', family: 'IPv4', internal: false } as never,
        { address: 'fe80::1', family: 'IPv6', internal: false } as never,
      ],
      eth0: [{ address: '169.254.3.4', family: 'IPv4', internal: false } as never],
      'Ethernet 2': [{ address: '10.0.0.5', family: 4, internal: false } as never],
    });
    expect(list).toEqual([
      { id: 'wlan0:192.168.1.20', label: 'wlan0 – 192.168.1.20', address: '192.168.1.20', loopback: false },
      { id: 'Ethernet 2:10.0.0.5', label: 'Ethernet 2 – 10.0.0.5', address: '10.0.0.5', loopback: false },
      LOOPBACK_INTERFACE,
    ]);
    expect(listLanInterfaces({})).toEqual([LOOPBACK_INTERFACE]);
  });
});

describe('guards', () => {
  it('makes join codes from the alphabet, tokens of 256 bits and unrelated device ids', () => {
    for (let i = 0; i < 200; i += 1) {
      expect(newJoinCode()).toMatch(new RegExp(`^[${LAN_JOIN_CODE_ALPHABET}]{6}$`));
    }
    const tokens = new Set(Array.from({ length: 100 }, newToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newDeviceId()).toMatch(/^device-[0-9a-f]{16}$/);
    expect(normalizeJoinCode(' k7m-2qx ')).toBe('K7M2QX');
    expect(normalizeJoinCode('K7M2Q0')).toBeNull();
    expect(normalizeJoinCode('')).toBeNull();
  });

  it('checks Host, Origin, Content-Type and the bearer token strictly', () => {
    const hosts = allowedHosts('192.168.1.20', 8730);
    expect(hosts).toEqual(['192.168.1.20:8730']);
    expect(allowedHosts('127.0.0.1', 8730)).toEqual(['127.0.0.1:8730', 'localhost:8730']);
    expect(hostAllowed('192.168.1.20:8730', hosts)).toBe(true);
    for (const bad of [undefined, '192.168.1.20', 'evil.example:8730', '192.168.1.20:8730.evil']) {
      expect(hostAllowed(bad, hosts)).toBe(false);
    }
    expect(originAllowed('http://192.168.1.20:8730', hosts)).toBe(true);
    for (const bad of [
      undefined,
      'null',
      'https://192.168.1.20:8730',
      'http://192.168.1.20:8730.evil.example',
    ]) {
      expect(originAllowed(bad, hosts)).toBe(false);
    }
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('application/json; charset=UTF-8')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType('application/json-patch+json')).toBe(false);
    const token = newToken();
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`Basic ${token}`)).toBeNull();
    expect(bearerToken('Bearer short')).toBeNull();
    expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJson('{"a":{"__proto__":{}}}')).toEqual({ ok: false });
    expect(parseJson('{')).toEqual({ ok: false });
  });

  it('rate-limits per key within a window', () => {
    let time = 0;
    const limiter = createRateLimiter(3, 1000, () => time);
    expect([1, 2, 3, 4].map(() => limiter.hit('a'))).toEqual([true, true, true, false]);
    expect(limiter.hit('b')).toBe(true);
    expect(limiter.allows('a')).toBe(false);
    time = 1000;
    expect(limiter.allows('a')).toBe(true);
    expect(limiter.hit('a')).toBe(true);
    time = 5000;
    limiter.hit('c');
    expect(limiter.size()).toBe(1);
  });
});
