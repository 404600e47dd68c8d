import { describe, expect, it, vi } from 'vitest';
import { createIpcRouter, type IpcDeps } from '../../../electron/main/ipc';
import {
  createQuitSnapshotCoordinator,
  snapshotIpcDeps,
  type SnapshotService,
} from '../../../electron/main/snapshots';
import { MAX_OPEN_FILE_BYTES } from '../../../electron/shared/contract';
import { fakeSnapshotDeps, SNAPSHOT_ID } from './fakeSnapshotDeps';

const APP = 'app://moderato/index.html';
const summary = { workshops: 1, titles: ['Grünflächen'], rows: 12 };

function deps(overrides: Partial<IpcDeps> = {}): IpcDeps & ReturnType<typeof fakeSnapshotDeps> {
  return {
    showSaveDialog: vi.fn(),
    showOpenDialog: vi.fn(
      overrides.showOpenDialog ??
        (async () => ({ canceled: false, filePaths: ['/home/a/Alt.moderato.json'] })),
    ),
    writeFileAtomic: vi.fn(),
    readFile: vi.fn(),
    stat: vi.fn(overrides.stat ?? (async () => ({ size: 2, isFile: () => true }))),
    getVersion: vi.fn(() => '0.1.0'),
    setLanguage: vi.fn(),
    openProjector: vi.fn(() => true),
    ...fakeSnapshotDeps(overrides),
  } as IpcDeps & ReturnType<typeof fakeSnapshotDeps>;
}

describe('file:open-bytes', () => {
  it('hands over the raw bytes, BOM and all: the renderer decides', async () => {
    const fake = deps({ readFileBytes: async () => new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]) });
    const result = await createIpcRouter(fake).handle('file:open-bytes', APP, [{ filters: [] }]);
    expect(result).toEqual({
      status: 'opened',
      fileName: 'Alt.moderato.json',
      bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    });
  });

  it('refuses a file over the limit without reading it', async () => {
    const fake = deps({ stat: async () => ({ size: MAX_OPEN_FILE_BYTES + 1, isFile: () => true }) });
    const result = await createIpcRouter(fake).handle('file:open-bytes', APP, [{ filters: [] }]);
    expect(result).toEqual({
      status: 'too-large',
      fileName: 'Alt.moderato.json',
      bytes: MAX_OPEN_FILE_BYTES + 1,
    });
    expect(fake.readFileBytes).not.toHaveBeenCalled();
  });
});

describe('snapshot channels', () => {
  it.each<[string, string, unknown[]]>([
    ['a write without summary', 'snapshot:write', [{ content: '{}', reason: 'change' }]],
    ['a write with an unknown reason', 'snapshot:write', [{ content: '{}', reason: 'weil', summary }]],
    ['a write with empty content', 'snapshot:write', [{ content: '', reason: 'change', summary }]],
    ['a write with a path', 'snapshot:write', [{ content: '{}', reason: 'change', summary, path: '/etc' }]],
    [
      'a write with eleven titles',
      'snapshot:write',
      [{ content: '{}', reason: 'change', summary: { ...summary, titles: Array(11).fill('t') } }],
    ],
    ['a read of another file', 'snapshot:read', ['../../Local State']],
    ['a read of a look-alike', 'snapshot:read', [`${SNAPSHOT_ID}/../x`]],
    ['a read without a name', 'snapshot:read', []],
    ['a list with an argument', 'snapshot:list', ['x']],
    ['a location with an argument', 'snapshot:location', [1]],
    ['a next-request with an argument', 'snapshot:next-request', [{}]],
  ])('refuse %s and touch nothing', async (_label, channel, args) => {
    const fake = fakeSnapshotDeps();
    const router = createIpcRouter({ ...deps(), ...fake });
    await expect(router.handle(channel as 'snapshot:list', APP, args)).rejects.toThrow('Invalid arguments');
    for (const fn of Object.values(fake)) expect(fn).not.toHaveBeenCalled();
  });

  it('refuse an untrusted sender', async () => {
    const fake = deps();
    await expect(createIpcRouter(fake).handle('snapshot:list', 'https://evil.example/', [])).rejects.toThrow(
      'Untrusted sender',
    );
    expect(fake.listSnapshots).not.toHaveBeenCalled();
  });

  it('write, list, read and locate through the service, and end a waiting quit', async () => {
    const written: unknown[] = [];
    const service: SnapshotService = {
      write: async (request) => {
        written.push(request);
        return { id: SNAPSHOT_ID, createdAt: 1, reason: request.reason, bytes: 2, summary: request.summary };
      },
      list: async () => [],
      read: async () => new Uint8Array([1]),
      location: () => ({ dataDir: '/d', snapshotDir: '/d/snapshots' }),
    };
    const quit = createQuitSnapshotCoordinator(5_000, () => undefined);
    const router = createIpcRouter({ ...deps(), ...snapshotIpcDeps(service, quit) });
    const request = router.handle('snapshot:next-request', APP, []);
    const quitting = quit.beforeQuit();
    expect(await request).toEqual({ reason: 'quit' });
    await router.handle('snapshot:write', APP, [{ content: '{}', reason: 'quit', summary }]);
    await expect(quitting).resolves.toBeUndefined();
    expect(written).toEqual([{ content: '{}', reason: 'quit', summary }]);
    expect(await router.handle('snapshot:list', APP, [])).toEqual([]);
    expect(await router.handle('snapshot:read', APP, [SNAPSHOT_ID])).toEqual(new Uint8Array([1]));
    expect(await router.handle('snapshot:location', APP, [])).toEqual({
      dataDir: '/d',
      snapshotDir: '/d/snapshots',
    });
  });
});
