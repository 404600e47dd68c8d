import * as path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_CHANNELS } from '../../../electron/shared/contract';

// main.ts only wires modules together; this drives it against a recording fake of Electron.
const fake = vi.hoisted(() => {
  const log: string[] = [];
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const windows: FakeWindow[] = [];
  let ready: () => void = () => undefined;
  let gotLock = true;

  class FakeWindow {
    options: unknown;
    url = '';
    minimized = true;
    focus = vi.fn();
    restore = vi.fn(() => {
      this.minimized = false;
    });
    constructor(options: unknown) {
      this.options = options;
      windows.push(this);
      log.push('new BrowserWindow');
    }
    once() {}
    on() {}
    isDestroyed = () => false;
    isMinimized = () => this.minimized;
    show() {}
    async loadURL(url: string) {
      this.url = url;
    }
    static getAllWindows = () => windows;
  }

  const electron = {
    app: {
      isPackaged: false,
      setName: vi.fn((name: string) => log.push(`setName ${name}`)),
      getPath: vi.fn(() => '/home/a/.config'),
      setPath: vi.fn((name: string, value: string) => log.push(`setPath ${name} ${value}`)),
      enableSandbox: vi.fn(() => log.push('enableSandbox')),
      commandLine: {
        appendSwitch: vi.fn((name: string, value?: string) => log.push(`appendSwitch ${name} ${value}`)),
        // As if started with features of its own turned off: they stay off.
        getSwitchValue: vi.fn((name: string) => (name === 'disable-features' ? 'SomeFeature' : '')),
      },
      requestSingleInstanceLock: vi.fn(() => {
        log.push('requestSingleInstanceLock');
        return gotLock;
      }),
      quit: vi.fn(() => log.push('quit')),
      on: vi.fn((event: string, listener: (...args: unknown[]) => void) => appListeners.set(event, listener)),
      whenReady: vi.fn(() => new Promise<void>((resolve) => (ready = resolve))),
      isReady: () => true,
      getVersion: () => '0.1.0',
      setAboutPanelOptions: vi.fn(),
    },
    BrowserWindow: FakeWindow,
    dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
    ipcMain: { handle: vi.fn((channel: string) => log.push(`ipc ${channel}`)) },
    Menu: {
      buildFromTemplate: vi.fn(() => ({})),
      setApplicationMenu: vi.fn(() => log.push('setApplicationMenu')),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => log.push('registerSchemesAsPrivileged')),
      handle: vi.fn((scheme: string) => log.push(`protocol.handle ${scheme}`)),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn(() => log.push('onBeforeRequest')) },
      },
    },
    shell: { openExternal: vi.fn() },
  };
  return {
    electron,
    log,
    appListeners,
    windows,
    becomeReady: () => ready(),
    setLock: (value: boolean) => (gotLock = value),
  };
});
vi.mock('electron', () => fake.electron);

async function startMain(gotLock = true) {
  fake.log.length = 0;
  fake.windows.length = 0;
  fake.appListeners.clear();
  fake.setLock(gotLock);
  vi.resetModules();
  await import('../../../electron/main/main');
}

async function flush() {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('main process start', () => {
  beforeEach(() => vi.clearAllMocks());

  it('pins the name, the userData folder, the Chromium switches and the scheme before the app is ready', async () => {
    await startMain();
    expect(fake.log).toEqual([
      'setName Moderato',
      `setPath userData ${path.join('/home/a/.config', 'Moderato')}`,
      'enableSandbox',
      // Module scripts read their code cache (see chromiumSwitches.ts).
      'appendSwitch disable-features SomeFeature,BackgroundResourceFetch',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
    ]);
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
  });

  it('wires protocol, security, menu and IPC before it opens the window on app://moderato', async () => {
    await startMain();
    fake.becomeReady();
    await flush();
    const afterReady = fake.log.slice(6);
    expect(afterReady).toEqual([
      'protocol.handle app',
      'onBeforeRequest',
      'setApplicationMenu',
      ...Object.values(API_CHANNELS).map((channel) => `ipc ${channel}`),
      'new BrowserWindow',
    ]);
    expect(fake.windows[0]?.url).toBe('app://moderato/index.html');
    const options = fake.windows[0]?.options as { webPreferences: { preload: string; sandbox: boolean } };
    expect(options.webPreferences.sandbox).toBe(true);
    expect(options.webPreferences.preload.endsWith(path.join('preload', 'preload.js'))).toBe(true);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await startMain();
    fake.becomeReady();
    await flush();
    fake.appListeners.get('second-instance')?.();
    expect(fake.windows[0]?.restore).toHaveBeenCalled();
    expect(fake.windows[0]?.focus).toHaveBeenCalled();
  });

  it('quits when the last window closes, except on macOS', async () => {
    await startMain();
    fake.appListeners.get('window-all-closed')?.();
    expect(fake.electron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('quits at once when another Moderato already runs', async () => {
    await startMain(false);
    expect(fake.electron.app.quit).toHaveBeenCalledOnce();
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
    expect(fake.appListeners.size).toBe(0);
  });
});
