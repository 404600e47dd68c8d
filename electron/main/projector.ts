/**
 * The projector window: the same hardened window as the main one, showing the
 * read-only projector route, full screen on a second display when there is one.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { APP_ORIGIN } from '../shared/contract';
import { createMainWindowOptions } from './window';

export interface DisplayInfo {
  id: number;
  bounds: Rectangle;
}

/** The display to project on: the first one that is not the laptop's own (primary) screen. */
export function chooseProjectorDisplay(
  displays: readonly DisplayInfo[],
  primaryId: number,
): DisplayInfo | null {
  return displays.find((d) => d.id !== primaryId) ?? null;
}

export function projectorUrl(workshopId: string): string {
  return `${APP_ORIGIN}/index.html#/projector/${encodeURIComponent(workshopId)}`;
}

export function createProjectorWindowOptions(
  preloadPath: string,
  display: DisplayInfo | null,
): BrowserWindowConstructorOptions {
  const base = createMainWindowOptions(preloadPath);
  if (!display) return { ...base, title: 'Moderato – Projektor', width: 1280, height: 720 };
  const { x, y, width, height } = display.bounds;
  return { ...base, title: 'Moderato – Projektor', x, y, width, height, fullscreen: true };
}

type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

export interface ProjectorDeps {
  BrowserWindowCtor: BrowserWindowConstructor;
  preloadPath: string;
  getDisplays(): DisplayInfo[];
  getPrimaryDisplayId(): number;
}

/** Keeps at most one projector window; opening again points it at the workshop and focuses it. */
export function createProjectorController(deps: ProjectorDeps) {
  let window: BrowserWindow | null = null;
  return (workshopId: string): boolean => {
    const url = projectorUrl(workshopId);
    if (window && !window.isDestroyed()) {
      void window.loadURL(url);
      window.focus();
      return true;
    }
    const display = chooseProjectorDisplay(deps.getDisplays(), deps.getPrimaryDisplayId());
    window = new deps.BrowserWindowCtor(createProjectorWindowOptions(deps.preloadPath, display));
    const opened = window;
    opened.once('ready-to-show', () => opened.show());
    opened.on('closed', () => {
      if (window === opened) window = null;
    });
    opened.loadURL(url).catch((error: unknown) => console.error('Could not load the projector', error));
    return true;
  };
}
