import { describe, expect, it, vi } from 'vitest';
import { createIpcRouter, registerIpcHandlers, type IpcDeps } from '../../../electron/main/ipc';
import { API_CHANNELS, MAX_OPEN_FILE_BYTES, type SaveFileRequest } from '../../../electron/shared/contract';
import { fakeSnapshotDeps } from './fakeSnapshotDeps';

const APP = 'app://moderato/index.html';
const JSON_FILTER = [{ name: 'Moderato-Sicherung', extensions: ['json'] }];

function fakeDeps(overrides: Partial<IpcDeps> = {}) {
  return {
    showSaveDialog: vi.fn<IpcDeps['showSaveDialog']>(
      overrides.showSaveDialog ??
        (async () => ({ canceled: false, filePath: '/home/a/Workshop.moderato.json' })),
    ),
    showOpenDialog: vi.fn<IpcDeps['showOpenDialog']>(
      overrides.showOpenDialog ??
        (async () => ({ canceled: false, filePaths: ['/home/a/Alt.moderato.json'] })),
    ),
    writeFileAtomic: vi.fn<IpcDeps['writeFileAtomic']>(overrides.writeFileAtomic ?? (async () => undefined)),
    readFile: vi.fn<IpcDeps['readFile']>(overrides.readFile ?? (async () => '{"formatVersion":1}')),
    stat: vi.fn<IpcDeps['stat']>(overrides.stat ?? (async () => ({ size: 19, isFile: () => true }))),
    getVersion: vi.fn<IpcDeps['getVersion']>(overrides.getVersion ?? (() => '0.1.0')),
    setLanguage: vi.fn<IpcDeps['setLanguage']>(overrides.setLanguage ?? (() => undefined)),
    openProjector: vi.fn<IpcDeps['openProjector']>(overrides.openProjector ?? (() => true)),
    ...fakeSnapshotDeps(overrides),
  };
}

const saveRequest = (overrides: Partial<SaveFileRequest> = {}): SaveFileRequest => ({
  suggestedName: 'Workshop.moderato.json',
  content: '{"formatVersion":1}',
  encoding: 'utf8',
  filters: JSON_FILTER,
  ...overrides,
});

function calledDeps(deps: ReturnType<typeof fakeDeps>): string[] {
  return Object.entries(deps)
    .filter(([, fn]) => fn.mock.calls.length > 0)
    .map(([name]) => name);
}

describe('IPC router: sender check', () => {
  it.each([
    'https://example.org/',
    'app://evil/index.html',
    'file:///tmp/x.html',
    'devtools://devtools/bundled/inspector.html',
    undefined,
    null,
  ])('refuses %s and never touches a dependency', async (sender) => {
    const deps = fakeDeps();
    const router = createIpcRouter(deps);
    await expect(router.handle('file:save', sender, [saveRequest()])).rejects.toThrow('Untrusted sender');
    await expect(router.handle('file:open', sender, [{ filters: [] }])).rejects.toThrow('Untrusted sender');
    await expect(router.handle('app:version', sender, [])).rejects.toThrow('Untrusted sender');
    await expect(router.handle('app:set-language', sender, ['en'])).rejects.toThrow('Untrusted sender');
    expect(calledDeps(deps)).toEqual([]);
  });

  it('refuses channels that are not in the contract', async () => {
    const router = createIpcRouter(fakeDeps());
    await expect(router.handle('shell:exec' as 'app:version', APP, [])).rejects.toThrow('Unknown channel');
    await expect(router.handle('__proto__' as 'app:version', APP, [])).rejects.toThrow('Unknown channel');
  });
});

describe('IPC router: argument validation', () => {
  it.each<[string, unknown[]]>([
    ['no arguments', []],
    ['a string instead of a request', ['Workshop.json']],
    ['two arguments', [saveRequest(), saveRequest()]],
    ['an extra key', [{ ...saveRequest(), path: '/etc/passwd' }]],
    ['a missing key', [{ suggestedName: 'a.json', content: '', encoding: 'utf8' }]],
    ['a number as content', [saveRequest({ content: 42 as unknown as string })]],
    ['an unknown encoding', [saveRequest({ encoding: 'hex' as 'utf8' })]],
    ['path traversal in the name', [saveRequest({ suggestedName: '../../.bashrc' })]],
    ['a folder in the name', [saveRequest({ suggestedName: 'sub/a.json' })]],
    ['a Windows folder in the name', [saveRequest({ suggestedName: '..\\a.json' })]],
    ['a NUL byte in the name', [saveRequest({ suggestedName: 'a.json\u0000.exe' })]],
    ['a newline in the name', [saveRequest({ suggestedName: 'a\n.json' })]],
    ['"." as the name', [saveRequest({ suggestedName: '.' })]],
    ['".." as the name', [saveRequest({ suggestedName: '..' })]],
    ['an empty name', [saveRequest({ suggestedName: '' })]],
    ['a 201-character name', [saveRequest({ suggestedName: `${'a'.repeat(196)}.json` })]],
    ['content over 60 MB', [saveRequest({ content: 'x'.repeat(60 * 1024 * 1024 + 1) })]],
    ['invalid base64', [saveRequest({ encoding: 'base64', content: 'not base64!' })]],
    ['eleven filters', [saveRequest({ filters: Array.from({ length: 11 }, () => JSON_FILTER[0]!) })]],
    ['a dotted extension', [saveRequest({ filters: [{ name: 'JSON', extensions: ['.json'] }] })]],
    ['a wildcard extension', [saveRequest({ filters: [{ name: 'Alle', extensions: ['*'] }] })]],
    ['a long filter name', [saveRequest({ filters: [{ name: 'n'.repeat(101), extensions: ['json'] }] })]],
    [
      'an extra key in a filter',
      [saveRequest({ filters: [{ name: 'J', extensions: ['json'], x: 1 } as never] })],
    ],
  ])('file:save refuses %s', async (_label, args) => {
    const deps = fakeDeps();
    await expect(createIpcRouter(deps).handle('file:save', APP, args)).rejects.toThrow('Invalid arguments');
    expect(calledDeps(deps)).toEqual([]);
  });

  it.each<[string, string, unknown[]]>([
    ['file:open without a request', 'file:open', []],
    ['file:open with an extra key', 'file:open', [{ filters: [], properties: ['openDirectory'] }]],
    [
      'file:open with eleven extensions',
      'file:open',
      [{ filters: [{ name: 'x', extensions: Array(11).fill('a') }] }],
    ],
    ['app:version with an argument', 'app:version', ['x']],
    ['app:set-language with an unknown language', 'app:set-language', ['fr']],
    ['app:set-language with nothing', 'app:set-language', []],
    ['app:set-language with an object', 'app:set-language', [{ language: 'de' }]],
  ])('refuses %s', async (_label, channel, args) => {
    const deps = fakeDeps();
    const router = createIpcRouter(deps);
    await expect(router.handle(channel as 'app:version', APP, args)).rejects.toThrow('Invalid arguments');
    expect(calledDeps(deps)).toEqual([]);
  });

  it('does not echo the payload in the error', async () => {
    const router = createIpcRouter(fakeDeps());
    const error = await router
      .handle('file:save', APP, [saveRequest({ suggestedName: '../geheim' })])
      .catch((e) => e);
    expect(String(error)).not.toContain('geheim');
  });
});

describe('IPC router: file:save', () => {
  it('asks for a place, writes atomically and reports the file name only', async () => {
    const deps = fakeDeps();
    const result = await createIpcRouter(deps).handle('file:save', APP, [saveRequest()]);
    expect(result).toEqual({ status: 'saved', fileName: 'Workshop.moderato.json' });
    expect(deps.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: 'Workshop.moderato.json',
      filters: JSON_FILTER,
    });
    expect(deps.writeFileAtomic).toHaveBeenCalledWith(
      '/home/a/Workshop.moderato.json',
      '{"formatVersion":1}',
    );
  });

  it('decodes base64 content to bytes', async () => {
    const deps = fakeDeps();
    const content = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]).toString('base64');
    await createIpcRouter(deps).handle('file:save', APP, [saveRequest({ encoding: 'base64', content })]);
    const written = deps.writeFileAtomic.mock.calls[0]?.[1] as Uint8Array;
    expect([...written]).toEqual([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const deps = fakeDeps({ showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) });
    const result = await createIpcRouter(deps).handle('file:save', APP, [saveRequest()]);
    expect(result).toEqual({ status: 'cancelled' });
    expect(deps.writeFileAtomic).not.toHaveBeenCalled();
  });

  it('accepts a German name with umlauts and spaces', async () => {
    const deps = fakeDeps();
    const name = 'Strategie-Workshop Grünflächenamt 2026.moderato.json';
    await createIpcRouter(deps).handle('file:save', APP, [saveRequest({ suggestedName: name })]);
    expect(deps.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: name }));
  });
});

describe('IPC router: file:open', () => {
  it('returns the content of the chosen file', async () => {
    const deps = fakeDeps();
    const result = await createIpcRouter(deps).handle('file:open', APP, [{ filters: JSON_FILTER }]);
    expect(result).toEqual({
      status: 'opened',
      fileName: 'Alt.moderato.json',
      content: '{"formatVersion":1}',
    });
    expect(deps.showOpenDialog).toHaveBeenCalledWith({ filters: JSON_FILTER, properties: ['openFile'] });
  });

  it('strips a UTF-8 byte order mark', async () => {
    const deps = fakeDeps({ readFile: vi.fn(async () => '\uFEFF{"a":1}') });
    const result = await createIpcRouter(deps).handle('file:open', APP, [{ filters: [] }]);
    expect(result).toMatchObject({ status: 'opened', content: '{"a":1}' });
  });

  it('refuses a file over the limit without reading it', async () => {
    const bytes = MAX_OPEN_FILE_BYTES + 1;
    const deps = fakeDeps({ stat: vi.fn(async () => ({ size: bytes, isFile: () => true })) });
    const result = await createIpcRouter(deps).handle('file:open', APP, [{ filters: [] }]);
    expect(result).toEqual({ status: 'too-large', fileName: 'Alt.moderato.json', bytes });
    expect(deps.readFile).not.toHaveBeenCalled();
  });

  it('reads a file exactly at the limit', async () => {
    const deps = fakeDeps({ stat: vi.fn(async () => ({ size: MAX_OPEN_FILE_BYTES, isFile: () => true })) });
    const result = await createIpcRouter(deps).handle('file:open', APP, [{ filters: [] }]);
    expect(result).toMatchObject({ status: 'opened' });
  });

  it('refuses something that is not a regular file', async () => {
    const deps = fakeDeps({ stat: vi.fn(async () => ({ size: 0, isFile: () => false })) });
    await expect(createIpcRouter(deps).handle('file:open', APP, [{ filters: [] }])).rejects.toThrow(
      'Not a file',
    );
    expect(deps.readFile).not.toHaveBeenCalled();
  });

  it('reports a cancelled dialog', async () => {
    const deps = fakeDeps({ showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) });
    const result = await createIpcRouter(deps).handle('file:open', APP, [{ filters: [] }]);
    expect(result).toEqual({ status: 'cancelled' });
    expect(deps.stat).not.toHaveBeenCalled();
  });
});

describe('IPC router: app channels', () => {
  it('returns the version and switches the menu language', async () => {
    const deps = fakeDeps();
    const router = createIpcRouter(deps);
    expect(await router.handle('app:version', APP, [])).toBe('0.1.0');
    expect(await router.handle('app:set-language', APP, ['en'])).toBeUndefined();
    expect(deps.setLanguage).toHaveBeenCalledWith('en');
  });

  it('opens the projector for a workshop id and refuses anything that is not an id', async () => {
    const deps = fakeDeps();
    const router = createIpcRouter(deps);
    expect(await router.handle('window:open-projector', APP, ['0b7f1d5e-8a43-4c1e'])).toBe(true);
    expect(deps.openProjector).toHaveBeenCalledWith('0b7f1d5e-8a43-4c1e');
    for (const bad of ['../../etc', 'a/b', '', 'x'.repeat(65), 42, null]) {
      await expect(router.handle('window:open-projector', APP, [bad])).rejects.toThrow('Invalid arguments');
    }
    expect(deps.openProjector).toHaveBeenCalledTimes(1);
  });
});

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract channel, each checking the sender frame', async () => {
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const ipcMain = { handle: vi.fn((channel: string, listener) => registered.set(channel, listener)) };
    const deps = fakeDeps();
    registerIpcHandlers(ipcMain, deps);
    expect([...registered.keys()].sort()).toEqual(Object.values(API_CHANNELS).sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(Object.keys(API_CHANNELS).length);

    const version = registered.get('app:version');
    expect(await version?.({ senderFrame: { url: APP } })).toBe('0.1.0');
    await expect(version?.({ senderFrame: null })).rejects.toThrow('Untrusted sender');
    await expect(version?.({ senderFrame: { url: 'https://evil.example/' } })).rejects.toThrow(
      'Untrusted sender',
    );
  });
});
