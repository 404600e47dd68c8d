/**
 * The main window. Options are a pure function so the security settings are
 * tested without an Electron binary; the constructor is passed in for the same reason.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

export const BACKGROUND_COLOR = '#f7f7f5';

export function createMainWindowOptions(
  preloadPath: string,
  platform: NodeJS.Platform = process.platform,
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on ready-to-show, so the user never sees an empty white frame.
    show: false,
    title: 'Moderato',
    backgroundColor: BACKGROUND_COLOR,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: undefined,
      webviewTag: false,
      // Windows and macOS check spelling with the system's own dictionaries. On
      // Linux Chromium's Hunspell would download dictionaries from Google's
      // servers: Moderato makes no request to the outside, so it goes without.
      spellcheck: platform !== 'linux',
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}

type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export function createMainWindow(
  BrowserWindowCtor: BrowserWindowConstructor,
  preloadPath: string,
  url: string,
): BrowserWindow {
  const window = new BrowserWindowCtor(createMainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  window.loadURL(url).catch((error: unknown) => console.error('Could not load the UI', error));
  return window;
}
