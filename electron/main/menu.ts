/**
 * The application menu. The template is pure data so both languages and all
 * platforms are tested; applying it takes Electron's Menu as a parameter.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { UiLanguage } from '../shared/contract';
import de from './locales/de.json';
import en from './locales/en.json';

export type MenuStrings = typeof de;

export const MENU_STRINGS: Readonly<Record<UiLanguage, MenuStrings>> = { de, en };

type Platform = NodeJS.Platform;

function appMenu(t: MenuStrings): MenuItemConstructorOptions {
  return {
    label: 'Moderato',
    submenu: [
      { role: 'about', label: t.about },
      { type: 'separator' },
      { role: 'services', label: t.services },
      { type: 'separator' },
      { role: 'hide', label: t.hide, accelerator: 'Cmd+H' },
      { role: 'hideOthers', label: t.hideOthers, accelerator: 'Cmd+Alt+H' },
      { role: 'unhide', label: t.unhide },
      { type: 'separator' },
      { role: 'quit', label: t.quitApp, accelerator: 'Cmd+Q' },
    ],
  };
}

function fileMenu(t: MenuStrings, isMac: boolean): MenuItemConstructorOptions {
  // On macOS quitting lives in the app menu; the file menu closes the window instead.
  const item: MenuItemConstructorOptions = isMac
    ? { role: 'close', label: t.close, accelerator: 'Cmd+W' }
    : { role: 'quit', label: t.quit, accelerator: 'Ctrl+Q' };
  return { label: t.fileMenu, submenu: [item] };
}

function editMenu(t: MenuStrings, platform: Platform): MenuItemConstructorOptions {
  return {
    label: t.editMenu,
    submenu: [
      { role: 'undo', label: t.undo, accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', label: t.redo, accelerator: platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z' },
      { type: 'separator' },
      { role: 'cut', label: t.cut, accelerator: 'CmdOrCtrl+X' },
      { role: 'copy', label: t.copy, accelerator: 'CmdOrCtrl+C' },
      { role: 'paste', label: t.paste, accelerator: 'CmdOrCtrl+V' },
      { role: 'selectAll', label: t.selectAll, accelerator: 'CmdOrCtrl+A' },
    ],
  };
}

function viewMenu(t: MenuStrings, isMac: boolean, isPackaged: boolean): MenuItemConstructorOptions {
  const submenu: MenuItemConstructorOptions[] = [
    { role: 'reload', label: t.reload, accelerator: 'CmdOrCtrl+R' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t.toggleFullScreen, accelerator: isMac ? 'Ctrl+Cmd+F' : 'F11' },
    { type: 'separator' },
    { role: 'zoomIn', label: t.zoomIn, accelerator: 'CmdOrCtrl+Plus' },
    { role: 'zoomOut', label: t.zoomOut, accelerator: 'CmdOrCtrl+-' },
    { role: 'resetZoom', label: t.resetZoom, accelerator: 'CmdOrCtrl+0' },
  ];
  // Developer tools would let anyone at the workshop laptop edit the data by hand.
  if (!isPackaged) {
    submenu.push(
      { type: 'separator' },
      { role: 'toggleDevTools', label: t.toggleDevTools, accelerator: isMac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' },
    );
  }
  return { label: t.viewMenu, submenu };
}

function windowMenu(t: MenuStrings, isMac: boolean): MenuItemConstructorOptions {
  return {
    label: t.windowMenu,
    submenu: [
      { role: 'minimize', label: t.minimize, accelerator: 'CmdOrCtrl+M' },
      { role: 'close', label: t.close, accelerator: isMac ? 'Cmd+W' : 'Ctrl+W' },
    ],
  };
}

function helpMenu(t: MenuStrings): MenuItemConstructorOptions {
  return { role: 'help', label: t.helpMenu, submenu: [{ role: 'about', label: t.about }] };
}

/** The menu bar for one language; developer tools only when `isPackaged` is false. */
export function buildMenuTemplate(
  language: UiLanguage,
  platform: Platform,
  isPackaged = true,
): MenuItemConstructorOptions[] {
  const t = MENU_STRINGS[language];
  const isMac = platform === 'darwin';
  return [
    ...(isMac ? [appMenu(t)] : []),
    fileMenu(t, isMac),
    editMenu(t, platform),
    viewMenu(t, isMac, isPackaged),
    windowMenu(t, isMac),
    helpMenu(t),
  ];
}

export type MenuApi = Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;

/** Builds and applies the menu; the 'app:set-language' IPC call runs this again. */
export function setApplicationMenu(
  menuApi: MenuApi,
  language: UiLanguage,
  platform: Platform,
  isPackaged: boolean,
): void {
  menuApi.setApplicationMenu(menuApi.buildFromTemplate(buildMenuTemplate(language, platform, isPackaged)));
}
