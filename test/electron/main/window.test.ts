import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, createMainWindowOptions } from '../../../electron/main/window';

describe('createMainWindowOptions', () => {
  const options = createMainWindowOptions('/app/dist-electron/preload/preload.js');
  const web = options.webPreferences ?? {};

  it('isolates the renderer from Node and Electron', () => {
    expect(web).toMatchObject({
      preload: '/app/dist-electron/preload/preload.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
  });

  it('keeps web security on and experiments off', () => {
    expect(web).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
    expect(web.enableBlinkFeatures).toBeUndefined();
  });

  it('checks spelling only where the system does it offline (never Hunspell downloads on Linux)', () => {
    expect(createMainWindowOptions('/p.js', 'linux').webPreferences?.spellcheck).toBe(false);
    expect(createMainWindowOptions('/p.js', 'win32').webPreferences?.spellcheck).toBe(true);
    expect(createMainWindowOptions('/p.js', 'darwin').webPreferences?.spellcheck).toBe(true);
  });

  it('opens a hidden, sensibly sized window titled Moderato', () => {
    expect(options).toMatchObject({ width: 1280, height: 800, minWidth: 960, minHeight: 600 });
    expect(options.show).toBe(false);
    expect(options.title).toBe('Moderato');
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});

describe('createMainWindow', () => {
  it('loads the app URL and shows the window only when it is ready', async () => {
    const listeners = new Map<string, () => void>();
    const show = vi.fn();
    const loadURL = vi.fn(async () => undefined);
    let received: BrowserWindowConstructorOptions | undefined;
    class FakeWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        received = options;
      }
      once(event: string, listener: () => void) {
        listeners.set(event, listener);
      }
      show = show;
      loadURL = loadURL;
    }
    createMainWindow(FakeWindow as never, '/p/preload.js', 'app://moderato/index.html');
    expect(received?.webPreferences?.sandbox).toBe(true);
    expect(loadURL).toHaveBeenCalledWith('app://moderato/index.html');
    expect(show).not.toHaveBeenCalled();
    listeners.get('ready-to-show')?.();
    expect(show).toHaveBeenCalledOnce();
  });
});
