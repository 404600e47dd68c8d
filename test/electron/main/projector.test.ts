import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import {
  chooseProjectorDisplay,
  createProjectorController,
  createProjectorWindowOptions,
  projectorUrl,
} from '../../../electron/main/projector';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const beamer = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };

describe('projector window', () => {
  it('goes to the screen that is not the primary one, or stays a window without one', () => {
    expect(chooseProjectorDisplay([laptop, beamer], 1)).toBe(beamer);
    expect(chooseProjectorDisplay([laptop], 1)).toBeNull();
    const options = createProjectorWindowOptions('/p.js', beamer);
    expect(options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 720, fullscreen: true });
    expect(createProjectorWindowOptions('/p.js', null).fullscreen).toBeUndefined();
  });

  it('is as hardened as the main window', () => {
    const prefs = createProjectorWindowOptions('/p.js', beamer).webPreferences!;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it('loads the projector route of the app origin, escaping the id', () => {
    expect(projectorUrl('abc-1')).toBe('app://moderato/index.html#/projector/abc-1');
  });

  it('keeps one window: a second open re-points and focuses it', () => {
    const created: Array<BrowserWindowConstructorOptions> = [];
    const window = {
      isDestroyed: () => false,
      loadURL: vi.fn(async () => undefined),
      focus: vi.fn(),
      once: vi.fn(),
      on: vi.fn(),
      show: vi.fn(),
    };
    class FakeWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        created.push(options);
        return window as unknown as BrowserWindow;
      }
    }
    const open = createProjectorController({
      BrowserWindowCtor: FakeWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow,
      preloadPath: '/p.js',
      getDisplays: () => [laptop, beamer],
      getPrimaryDisplayId: () => 1,
    });
    expect(open('w1')).toBe(true);
    expect(open('w2')).toBe(true);
    expect(created).toHaveLength(1);
    expect(window.loadURL).toHaveBeenLastCalledWith('app://moderato/index.html#/projector/w2');
    expect(window.focus).toHaveBeenCalledTimes(1);
  });
});
