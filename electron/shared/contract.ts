/**
 * The one IPC contract between the renderer (through the preload) and main.
 * No electron import here: the renderer and tests import these types too.
 * Every channel has exactly one preload function of the same name.
 */

export type UiLanguage = 'de' | 'en';

export interface FileFilter {
  /** Shown in the native dialog, e.g. "Moderato-Sicherung". */
  name: string;
  /** Without dots, e.g. ["json"]. */
  extensions: string[];
}

export interface SaveFileRequest {
  /** File name proposed in the dialog, no directories. */
  suggestedName: string;
  /** Text content (UTF-8) or binary as base64, see `encoding`. */
  content: string;
  encoding: 'utf8' | 'base64';
  filters: FileFilter[];
}

export type SaveFileResult = { status: 'saved'; fileName: string } | { status: 'cancelled' };

export interface OpenFileRequest {
  filters: FileFilter[];
}

export type OpenFileResult =
  | { status: 'opened'; fileName: string; content: string }
  | { status: 'cancelled' }
  | { status: 'too-large'; fileName: string; bytes: number };

export interface IpcContract {
  'file:save': { args: [SaveFileRequest]; result: SaveFileResult };
  'file:open': { args: [OpenFileRequest]; result: OpenFileResult };
  'app:version': { args: []; result: string };
  'app:set-language': { args: [UiLanguage]; result: void };
}

export type IpcChannel = keyof IpcContract;

/** The shape the preload exposes as `window.moderato`: one function per channel. */
export interface ModeratoApi {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  appVersion(): Promise<string>;
  setLanguage(language: UiLanguage): Promise<void>;
}

/** Maps each preload function to its channel; main and preload both use it. */
export const API_CHANNELS = {
  saveFile: 'file:save',
  openFile: 'file:open',
  appVersion: 'app:version',
  setLanguage: 'app:set-language',
} as const satisfies Record<keyof ModeratoApi, IpcChannel>;

/** Largest file the open dialog reads into memory (bytes). */
export const MAX_OPEN_FILE_BYTES = 50 * 1024 * 1024;

/** The origin the UI is served from. It owns the IndexedDB data: never change it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'moderato';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
