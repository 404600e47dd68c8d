import type { ModeratoApi } from '../../../electron/shared/contract';
import { createBrowserPlatform } from './browser';
import { createDesktopPlatform } from './desktop';
import type { Platform } from './types';

export type { DataLocation, PickedFile, Platform, SnapshotHost, SnapshotInfo } from './types';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser. */
    moderato?: ModeratoApi;
  }
}

let platform: Platform | null = null;

export function getPlatform(): Platform {
  platform ??= window.moderato ? createDesktopPlatform(window.moderato) : createBrowserPlatform();
  return platform;
}
