// The lan:* IPC channels: main checks the sender and every argument before the
// LAN host is touched. (ipcFuzz.test.ts fuzzes them along with every channel.)
import { describe, expect, it, vi } from 'vitest';
import { createIpcRouter, type IpcDeps } from '../../electron/main/ipc';
import { API_CHANNELS } from '../../electron/shared/contract';
import { fakeSnapshotDeps } from './main/fakeSnapshotDeps';
import { dotsRound, namedRound, namedWritingRound, writingRound } from './lanHelpers';

const APP = 'app://moderato/index.html';

function router() {
  const deps = {
    showSaveDialog: vi.fn(),
    showOpenDialog: vi.fn(),
    writeFileAtomic: vi.fn(),
    readFile: vi.fn(),
    stat: vi.fn(),
    getVersion: vi.fn(() => '0.1.0'),
    setLanguage: vi.fn(),
    openProjector: vi.fn(() => true),
    ...fakeSnapshotDeps(),
  } satisfies IpcDeps;
  return { deps, router: createIpcRouter(deps) };
}

describe('lan IPC channels', () => {
  it('are part of the contract', () => {
    expect(Object.values(API_CHANNELS)).toEqual(
      expect.arrayContaining([
        'lan:interfaces',
        'lan:open',
        'lan:update',
        'lan:close',
        'lan:events',
        'lan:current',
      ]),
    );
  });

  it('pass valid requests to the LAN host', async () => {
    const { deps, router: r } = router();
    const open = { round: namedRound(), interfaceId: 'wlan0:192.168.1.20', taken: ['p-cem'] };
    await r.handle('lan:open', APP, [open]);
    expect(deps.lanOpen).toHaveBeenCalledWith(open);
    await r.handle('lan:update', APP, [{ roundId: 'round-1', taken: [], closesAt: 1_800_000_000_000 }]);
    await r.handle('lan:close', APP, ['round-1']);
    await r.handle('lan:events', APP, [{ roundId: 'round-1', after: 3, waitMs: 25_000 }]);
    await r.handle('lan:interfaces', APP, []);
    await r.handle('lan:current', APP, []);
    expect(deps.lanUpdate).toHaveBeenCalledOnce();
    expect(deps.lanClose).toHaveBeenCalledWith('round-1');
    expect(deps.lanEvents).toHaveBeenCalledOnce();
    expect(deps.lanInterfaces).toHaveBeenCalledOnce();
    expect(deps.lanCurrent).toHaveBeenCalledOnce();
  });

  it.each([
    ['an extra field', { round: { ...dotsRound(), secret: 'x' }, interfaceId: 'loopback', taken: [] }],
    [
      'an anonymous round with names',
      { round: { ...namedRound(), anonymous: true }, interfaceId: 'loopback', taken: [] },
    ],
    [
      'a title over the limit',
      { round: dotsRound({ title: 'x'.repeat(1001) }), interfaceId: 'loopback', taken: [] },
    ],
    [
      'duplicate items',
      {
        round: dotsRound({
          items: [
            { id: 'a', label: 'A' },
            { id: 'a', label: 'B' },
          ],
        }),
        interfaceId: 'loopback',
        taken: [],
      },
    ],
    [
      'settings that do not fit',
      {
        round: dotsRound({ settings: { method: 'dots', dots: 2, maxPerItem: 3 } }),
        interfaceId: 'loopback',
        taken: [],
      },
    ],
    [
      'a ranking deeper than the limit',
      { round: dotsRound({ settings: { method: 'ranking', topK: 21 } }), interfaceId: 'loopback', taken: [] },
    ],
    [
      'points over the limit',
      {
        round: dotsRound({ settings: { method: 'points', total: 1001 } }),
        interfaceId: 'loopback',
        taken: [],
      },
    ],
    ['an id with a slash', { round: dotsRound({ roundId: '../x' }), interfaceId: 'loopback', taken: [] }],
    [
      'an unknown language',
      { round: { ...dotsRound(), language: 'fr' }, interfaceId: 'loopback', taken: [] },
    ],
  ])('refuse to open a round with %s', async (_label, request) => {
    const { deps, router: r } = router();
    await expect(r.handle('lan:open', APP, [request])).rejects.toThrow('Invalid arguments');
    expect(deps.lanOpen).not.toHaveBeenCalled();
  });

  it('open a round whose items shrank after the start (a ranking may then be deeper than the items)', async () => {
    const { deps, router: r } = router();
    const round = dotsRound({ settings: { method: 'ranking', topK: 4 }, title: 'Zeile 1\nZeile\t2' });
    await r.handle('lan:open', APP, [{ round, interfaceId: 'loopback', taken: [] }]);
    expect(deps.lanOpen).toHaveBeenCalledOnce();
  });

  it('pass writing rounds and shared texts to the LAN host', async () => {
    const { deps, router: r } = router();
    for (const round of [
      writingRound(),
      namedWritingRound({ maxNotesPerPerson: 50, closesAt: 1_800_000_000_000 }),
    ]) {
      await r.handle('lan:open', APP, [{ round, interfaceId: 'loopback', taken: [] }]);
    }
    expect(deps.lanOpen).toHaveBeenCalledTimes(2);
    const update = { roundId: 'write-1', taken: [], closesAt: null, shared: ['Angenommen', ''] };
    await r.handle('lan:update', APP, [update]);
    expect(deps.lanUpdate).toHaveBeenCalledWith(update);
  });

  it.each([
    ['an extra field', { ...writingRound(), secret: 'x' }],
    ['a voting field', { ...writingRound(), items: [] }],
    ['another kind', { ...writingRound(), kind: 'draw' }],
    ['a limit of 0', writingRound({ maxNotesPerPerson: 0 })],
    ['a limit over the phone cap', writingRound({ maxNotesPerPerson: 51 })],
    ['a broken limit', writingRound({ maxNotesPerPerson: 2.5 })],
    ['an anonymous round with names', { ...namedWritingRound(), anonymous: true }],
    [
      'duplicate names',
      namedWritingRound({
        voters: [
          { id: 'a', name: 'A' },
          { id: 'a', name: 'B' },
        ],
      }),
    ],
    ['a prompt over the limit', writingRound({ prompt: 'x'.repeat(1001) })],
  ])('refuse to open a writing round with %s', async (_label, round) => {
    const { deps, router: r } = router();
    await expect(r.handle('lan:open', APP, [{ round, interfaceId: 'loopback', taken: [] }])).rejects.toThrow(
      'Invalid arguments',
    );
    expect(deps.lanOpen).not.toHaveBeenCalled();
  });

  it('refuse shared texts that are no list of strings or far too many', async () => {
    const { deps, router: r } = router();
    for (const shared of [[1], 'text', Array(5001).fill('x'), ['x'.repeat(10_001)]]) {
      await expect(
        r.handle('lan:update', APP, [{ roundId: 'write-1', taken: [], closesAt: null, shared }]),
      ).rejects.toThrow('Invalid arguments');
    }
    expect(deps.lanUpdate).not.toHaveBeenCalled();
  });

  it('refuse long polls beyond the limit and other senders', async () => {
    const { deps, router: r } = router();
    await expect(
      r.handle('lan:events', APP, [{ roundId: 'round-1', after: 0, waitMs: 60_000 }]),
    ).rejects.toThrow();
    await expect(
      r.handle('lan:events', APP, [{ roundId: 'round-1', after: -1, waitMs: 0 }]),
    ).rejects.toThrow();
    await expect(r.handle('lan:close', 'http://evil.example/', ['round-1'])).rejects.toThrow(
      'Untrusted sender',
    );
    expect(deps.lanEvents).not.toHaveBeenCalled();
    expect(deps.lanClose).not.toHaveBeenCalled();
  });
});
