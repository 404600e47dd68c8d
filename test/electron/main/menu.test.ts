import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  buildMenuTemplate,
  MENU_STRINGS,
  setApplicationMenu,
  type MenuApi,
} from '../../../electron/main/menu';
import de from '../../../electron/main/locales/de.json';
import en from '../../../electron/main/locales/en.json';

type Item = MenuItemConstructorOptions;

function submenu(item: Item | undefined): Item[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function allItems(template: Item[]): Item[] {
  return template.flatMap((item) => [item, ...allItems(submenu(item))]);
}

function byRole(template: Item[], role: Item['role']): Item | undefined {
  return allItems(template).find((item) => item.role === role);
}

describe('buildMenuTemplate', () => {
  it('has German top-level menus on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const labels = buildMenuTemplate('de', platform).map((item) => item.label);
      expect(labels).toEqual(['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']);
    }
  });

  it('has English top-level menus in English', () => {
    const labels = buildMenuTemplate('en', 'linux').map((item) => item.label);
    expect(labels).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('puts the app menu first on macOS', () => {
    const template = buildMenuTemplate('de', 'darwin');
    expect(template[0]?.label).toBe('Moderato');
    expect(submenu(template[0]).map((item) => item.role)).toContain('quit');
    expect(template.slice(1).map((item) => item.label)).toEqual([
      'Datei',
      'Bearbeiten',
      'Ansicht',
      'Fenster',
      'Hilfe',
    ]);
  });

  it('offers the edit commands with their usual shortcuts', () => {
    const edit = submenu(buildMenuTemplate('de', 'linux')[1]).filter((item) => item.type !== 'separator');
    expect(edit.map((item) => [item.role, item.label, item.accelerator])).toEqual([
      ['undo', 'Rückgängig', 'CmdOrCtrl+Z'],
      ['redo', 'Wiederherstellen', 'Shift+CmdOrCtrl+Z'],
      ['cut', 'Ausschneiden', 'CmdOrCtrl+X'],
      ['copy', 'Kopieren', 'CmdOrCtrl+C'],
      ['paste', 'Einfügen', 'CmdOrCtrl+V'],
      ['selectAll', 'Alles auswählen', 'CmdOrCtrl+A'],
    ]);
    expect(byRole(buildMenuTemplate('de', 'win32'), 'redo')?.accelerator).toBe('Ctrl+Y');
  });

  it('gives every command a label and a shortcut where one is expected', () => {
    for (const language of ['de', 'en'] as const) {
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        const template = buildMenuTemplate(language, platform, false);
        for (const item of allItems(template).filter((i) => i.type !== 'separator')) {
          expect(item.label, JSON.stringify(item.role)).toBeTruthy();
        }
        for (const role of ['quit', 'undo', 'reload', 'togglefullscreen', 'zoomIn', 'resetZoom'] as const) {
          expect(byRole(template, role)?.accelerator, role).toBeTruthy();
        }
      }
    }
  });

  it('has Beenden in Datei and Über Moderato in Hilfe', () => {
    const template = buildMenuTemplate('de', 'win32');
    expect(submenu(template[0])).toEqual([expect.objectContaining({ role: 'quit', label: 'Beenden' })]);
    expect(submenu(template[4])).toEqual([
      expect.objectContaining({ role: 'about', label: 'Über Moderato' }),
    ]);
  });

  it('shows developer tools only in an unpacked build', () => {
    expect(byRole(buildMenuTemplate('de', 'linux', true), 'toggleDevTools')).toBeUndefined();
    expect(byRole(buildMenuTemplate('de', 'linux'), 'toggleDevTools')).toBeUndefined();
    expect(byRole(buildMenuTemplate('de', 'linux', false), 'toggleDevTools')?.label).toBe(
      'Entwicklerwerkzeuge',
    );
  });
});

describe('setApplicationMenu', () => {
  it('builds the template for the language and applies it', () => {
    const built = { id: 'menu' };
    const menuApi = { buildFromTemplate: vi.fn(() => built), setApplicationMenu: vi.fn() };
    setApplicationMenu(menuApi as unknown as MenuApi, 'en', 'linux', true);
    expect(menuApi.buildFromTemplate).toHaveBeenCalledWith(buildMenuTemplate('en', 'linux', true));
    expect(menuApi.setApplicationMenu).toHaveBeenCalledWith(built);
  });
});

describe('menu locales', () => {
  it('have the same keys in German and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    expect(Object.keys(MENU_STRINGS).sort()).toEqual(['de', 'en']);
  });

  it('have no empty values', () => {
    for (const strings of [de, en]) {
      for (const [key, value] of Object.entries(strings)) {
        expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
      }
    }
  });

  it('really differ between the languages', () => {
    expect(de.fileMenu).not.toBe(en.fileMenu);
    expect(de.undo).toBe('Rückgängig');
  });
});
