/**
 * Entry point: lifecycle only. Every decision lives in a module with tests;
 * this file connects those modules to Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { disabledFeaturesValue } from '../shared/chromiumSwitches';
import { APP_ORIGIN, type UiLanguage } from '../shared/contract';
import { writeFileAtomic } from './atomicWrite';
import { registerIpcHandlers, type IpcDeps } from './ipc';
import { setApplicationMenu } from './menu';
import { APP_SCHEME_DEFINITION, registerAppProtocol } from './protocol';
import { installSecurityPolicy } from './security';
import { nodeSnapshotFs } from './snapshotFs';
import { createQuitSnapshotCoordinator, createSnapshotService, snapshotIpcDeps } from './snapshots';
import { createMainWindow } from './window';
import { createProjectorController } from './projector';
import { createLanHost, type LanHost } from './lan/lanHost';

const RENDERER_DIR = path.join(__dirname, '../../dist-renderer');
const PRELOAD_PATH = path.join(__dirname, '../preload/preload.js');
const START_URL = `${APP_ORIGIN}/index.html`;
const DEFAULT_LANGUAGE: UiLanguage = 'de';

// The userData folder holds the IndexedDB data: pin its name so a rename of the
// package or product can never make a workshop's data disappear.
app.setName('Moderato');
app.setPath('userData', path.join(app.getPath('appData'), 'Moderato'));
app.enableSandbox();
// Before the app is ready, or Chromium does not see it (see chromiumSwitches.ts); with the
// features already named on the command line, which the switch would otherwise replace.
app.commandLine.appendSwitch(
  'disable-features',
  disabledFeaturesValue(app.commandLine.getSwitchValue('disable-features')),
);
protocol.registerSchemesAsPrivileged([APP_SCHEME_DEFINITION]);

let mainWindow: BrowserWindow | null = null;
// On quit the renderer writes a last snapshot; never wait longer than this for it.
const quitSnapshots = createQuitSnapshotCoordinator(5_000);
let quitSnapshotTaken = false;
let quitting = false;
// Phone voting: off until the facilitator opens a round to phones; stopped on quit.
let lanHost: LanHost | null = null;
const lan = (): LanHost =>
  (lanHost ??= createLanHost({ pageDir: path.join(app.getAppPath(), 'dist-phone') }));

function liveMainWindow(): BrowserWindow | null {
  return mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
}

function openMainWindow(): void {
  mainWindow = createMainWindow(BrowserWindow, PRELOAD_PATH, START_URL);
  const window = mainWindow;
  quitSnapshotTaken = false;
  // The renderer is still alive while 'close' runs: let it write a last snapshot,
  // then close (or quit, when that is what started it).
  window.on('close', (event) => {
    if (quitSnapshotTaken) return;
    event.preventDefault();
    quitSnapshotTaken = true;
    void quitSnapshots.beforeQuit().finally(() => (quitting ? app.quit() : window.close()));
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function applyMenu(language: UiLanguage): void {
  setApplicationMenu(Menu, language, process.platform, app.isPackaged);
}

function ipcDeps(): IpcDeps {
  const openProjector = createProjectorController({
    BrowserWindowCtor: BrowserWindow,
    preloadPath: PRELOAD_PATH,
    getDisplays: () => screen.getAllDisplays(),
    getPrimaryDisplayId: () => screen.getPrimaryDisplay().id,
  });
  return {
    openProjector,
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
    readFileBytes: async (filePath) => new Uint8Array(await readFile(filePath)),
    ...snapshotIpcDeps(createSnapshotService(app.getPath('userData'), nodeSnapshotFs), quitSnapshots),
    stat: (filePath) => stat(filePath),
    getVersion: () => app.getVersion(),
    setLanguage: applyMenu,
    lanInterfaces: () => lan().interfaces(),
    lanOpen: (request) => lan().open(request),
    lanUpdate: (request) => lan().update(request),
    lanClose: (roundId) => lan().close(roundId),
    lanEvents: (request) => lan().events(request),
    lanCurrent: () => lan().current(),
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

  app.on('before-quit', () => {
    quitting = true;
  });

  // No phone can reach Moderato once it quits (will-quit also runs when the OS ends the session).
  app.on('will-quit', () => {
    void lanHost?.stop();
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
