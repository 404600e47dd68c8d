// platform.lan: the desktop app forwards to the preload API; the browser talks to
// the control API of `npm run web` only when the page was marked as served by it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModeratoApi } from '../../../electron/shared/contract';
import type { LanOpenRequest } from '../../../electron/shared/lanContract';
import { createBrowserPlatform } from '../../../renderer/src/platform/browser';
import { browserLanOffered, createBrowserLan } from '../../../renderer/src/platform/browserLan';
import { createDesktopPlatform } from '../../../renderer/src/platform/desktop';

const request: LanOpenRequest = {
  round: {
    roundId: 'round-1',
    title: 'Runde',
    settings: { method: 'points', total: 10 },
    items: [{ id: 'a', label: 'A' }],
    anonymous: true,
    voters: [],
    entitledCount: 3,
    closesAt: null,
    language: 'de',
  },
  interfaceId: 'loopback',
  taken: [],
};

afterEach(() => {
  document.head.querySelector('meta[name="moderato-lan"]')?.remove();
  vi.unstubAllGlobals();
});

describe('browser platform', () => {
  it('has no LAN control unless the page is marked by npm run web', () => {
    expect(browserLanOffered()).toBe(false);
    expect(createBrowserPlatform().lan).toBeNull();
    const meta = document.createElement('meta');
    meta.name = 'moderato-lan';
    meta.content = '1';
    document.head.append(meta);
    expect(browserLanOffered()).toBe(true);
    expect(createBrowserPlatform().lan).not.toBeNull();
  });

  it('calls /__lan/ on its own origin with the custom header and JSON', async () => {
    const fetchMock = vi.fn(
      async (_url: URL, _init: RequestInit) =>
        new Response(JSON.stringify({ status: 'failed', reason: 'no-interface' }), { status: 200 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const lan = createBrowserLan();
    expect(await lan.open(request)).toEqual({ status: 'failed', reason: 'no-interface' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe(`${window.location.origin}/__lan/open`);
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'X-Moderato-Lan': '1', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(init.body))).toEqual(request);
  });

  it('reports open() as unsupported when the control API is gone, and lets other calls fail', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Not found', { status: 404 })),
    );
    const lan = createBrowserLan();
    expect(await lan.open(request)).toEqual({ status: 'failed', reason: 'unsupported' });
    await expect(lan.current()).rejects.toThrow('HTTP 404');
  });
});

describe('desktop platform', () => {
  it('forwards every LAN call to its preload function', async () => {
    const api = {
      lanInterfaces: vi.fn(async () => []),
      lanOpen: vi.fn(async () => ({ status: 'failed' as const, reason: 'unsupported' as const })),
      lanUpdate: vi.fn(async () => undefined),
      lanClose: vi.fn(async () => undefined),
      lanEvents: vi.fn(async () => ({ roundId: 'round-1', running: false, ballots: [], phones: 0 })),
      lanCurrent: vi.fn(async () => null),
    } as unknown as ModeratoApi;
    const lan = createDesktopPlatform(api).lan!;
    await lan.interfaces();
    await lan.open(request);
    await lan.update({ roundId: 'round-1', taken: [], closesAt: null });
    await lan.close('round-1');
    await lan.events({ roundId: 'round-1', after: 0, waitMs: 0 });
    await lan.current();
    expect(api.lanOpen).toHaveBeenCalledWith(request);
    expect(api.lanClose).toHaveBeenCalledWith('round-1');
    for (const fn of Object.values(api)) expect(fn).toHaveBeenCalledOnce();
  });
});
