/**
 * Entry point: lifecycle only. Every decision lives in a module with tests;
 * this file connects those modules to Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { APP_ORIGIN, type UiLanguage } from '../shared/contract';
import { writeFileAtomic } from './atomicWrite';
import { registerIpcHandlers, type IpcDeps } from './ipc';
import { setApplicationMenu } from './menu';
import { APP_SCHEME_DEFINITION, registerAppProtocol } from './protocol';
import { installSecurityPolicy } from './security';
import { createMainWindow } from './window';

const RENDERER_DIR = path.join(__dirname, '../../dist-renderer');
const PRELOAD_PATH = path.join(__dirname, '../preload/preload.js');
const START_URL = `${APP_ORIGIN}/index.html`;
const DEFAULT_LANGUAGE: UiLanguage = 'de';

// The userData folder holds the IndexedDB data: pin its name so a rename of the
// package or product can never make a workshop's data disappear.
app.setName('Moderato');
app.setPath('userData', path.join(app.getPath('appData'), 'Moderato'));
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);

let mainWindow: BrowserWindow | null = null;

function liveMainWindow(): BrowserWindow | null {
  return mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
}

function openMainWindow(): void {
  mainWindow = createMainWindow(BrowserWindow, PRELOAD_PATH, START_URL);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function applyMenu(language: UiLanguage): void {
  setApplicationMenu(Menu, language, process.platform, app.isPackaged);
}

function ipcDeps(): IpcDeps {
  return {
    showSaveDialog: (options) => {
      const parent = liveMainWindow();
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    showOpenDialog: (options) => {
      const parent = liveMainWindow();
      return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
    },
    writeFileAtomic,
    readFile: (filePath) => readFile(filePath, 'utf8'),
    stat: (filePath) => stat(filePath),
    getVersion: () => app.getVersion(),
    setLanguage: applyMenu,
  };
}

function start(): void {
  registerAppProtocol(protocol, RENDERER_DIR);
  installSecurityPolicy(app, session.defaultSession, (url) => shell.openExternal(url));
  app.setAboutPanelOptions({ applicationName: 'Moderato', applicationVersion: app.getVersion() });
  applyMenu(DEFAULT_LANGUAGE);
  registerIpcHandlers(ipcMain, ipcDeps());
  openMainWindow();
}

// A second Moderato on the same data would mean two writers on one IndexedDB.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = liveMainWindow();
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Moderato could not start', error);
      app.quit();
    });
}
