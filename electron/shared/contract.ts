/**
 * The one IPC contract between the renderer (through the preload) and main.
 * No electron import here: the renderer and tests import these types too.
 * Every channel has exactly one preload function of the same name.
 */

import type {
  LanEvents,
  LanEventsRequest,
  LanInterface,
  LanOpenRequest,
  LanOpenResult,
  LanSession,
  LanUpdateRequest,
} from './lanContract';

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

/** Why a snapshot was written; shown in the "Sicherungen" screen. */
export const SNAPSHOT_REASONS = ['change', 'quit', 'before-import', 'before-migration', 'manual'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

/** What a snapshot holds, told by the renderer so main never parses user data. */
export interface SnapshotSummary {
  workshops: number;
  /** The first few workshop titles. */
  titles: string[];
  rows: number;
}

export interface SnapshotWriteRequest {
  /** A complete backup file (.moderato.json). */
  content: string;
  reason: SnapshotReason;
  summary: SnapshotSummary;
}

export interface SnapshotInfo {
  /** The file name inside the snapshot folder. */
  id: string;
  createdAt: number;
  reason: SnapshotReason;
  bytes: number;
  /** null when the side file with the summary is missing. */
  summary: SnapshotSummary | null;
}

export interface SnapshotLocation {
  dataDir: string;
  snapshotDir: string;
}

export type OpenBytesResult =
  | { status: 'opened'; fileName: string; bytes: Uint8Array }
  | { status: 'cancelled' }
  | { status: 'too-large'; fileName: string; bytes: number };

export interface IpcContract {
  'file:save': { args: [SaveFileRequest]; result: SaveFileResult };
  'file:open': { args: [OpenFileRequest]; result: OpenFileResult };
  'app:version': { args: []; result: string };
  'app:set-language': { args: [UiLanguage]; result: void };
  /** Opens (or focuses) the read-only projector window of a workshop, on a second screen if there is one. */
  'window:open-projector': { args: [string]; result: boolean };
  /** Like file:open, but the raw bytes: backups are decoded strictly in the renderer. */
  'file:open-bytes': { args: [OpenFileRequest]; result: OpenBytesResult };
  'snapshot:write': { args: [SnapshotWriteRequest]; result: SnapshotInfo };
  'snapshot:list': { args: []; result: SnapshotInfo[] };
  'snapshot:read': { args: [string]; result: Uint8Array };
  'snapshot:location': { args: []; result: SnapshotLocation };
  /** Stays open until main wants a snapshot (on quit); the next call says the last one is done. */
  'snapshot:next-request': { args: []; result: { reason: 'quit' } };
  /** Phone voting (lanContract.ts): the network interfaces the LAN server can listen on. */
  'lan:interfaces': { args: []; result: LanInterface[] };
  /** Starts the LAN server (off by default) and offers one round to phones. */
  'lan:open': { args: [LanOpenRequest]; result: LanOpenResult };
  'lan:update': { args: [LanUpdateRequest]; result: void };
  /** Phones see the round as closed; the server stops listening shortly after. */
  'lan:close': { args: [string]; result: void };
  /** Long poll for phone ballots after a seq. */
  'lan:events': { args: [LanEventsRequest]; result: LanEvents };
  'lan:current': { args: []; result: LanSession | null };
}

export type IpcChannel = keyof IpcContract;

/** The shape the preload exposes as `window.moderato`: one function per channel. */
export interface ModeratoApi {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  appVersion(): Promise<string>;
  setLanguage(language: UiLanguage): Promise<void>;
  openProjector(workshopId: string): Promise<boolean>;
  openFileBytes(request: OpenFileRequest): Promise<OpenBytesResult>;
  writeSnapshot(request: SnapshotWriteRequest): Promise<SnapshotInfo>;
  listSnapshots(): Promise<SnapshotInfo[]>;
  readSnapshot(id: string): Promise<Uint8Array>;
  snapshotLocation(): Promise<SnapshotLocation>;
  nextSnapshotRequest(): Promise<{ reason: 'quit' }>;
  lanInterfaces(): Promise<LanInterface[]>;
  lanOpen(request: LanOpenRequest): Promise<LanOpenResult>;
  lanUpdate(request: LanUpdateRequest): Promise<void>;
  lanClose(roundId: string): Promise<void>;
  lanEvents(request: LanEventsRequest): Promise<LanEvents>;
  lanCurrent(): Promise<LanSession | null>;
}

/** Maps each preload function to its channel; main and preload both use it. */
export const API_CHANNELS = {
  saveFile: 'file:save',
  openFile: 'file:open',
  appVersion: 'app:version',
  setLanguage: 'app:set-language',
  openProjector: 'window:open-projector',
  openFileBytes: 'file:open-bytes',
  writeSnapshot: 'snapshot:write',
  listSnapshots: 'snapshot:list',
  readSnapshot: 'snapshot:read',
  snapshotLocation: 'snapshot:location',
  nextSnapshotRequest: 'snapshot:next-request',
  lanInterfaces: 'lan:interfaces',
  lanOpen: 'lan:open',
  lanUpdate: 'lan:update',
  lanClose: 'lan:close',
  lanEvents: 'lan:events',
  lanCurrent: 'lan:current',
} as const satisfies Record<keyof ModeratoApi, IpcChannel>;

/** Largest file the open dialog reads into memory (bytes). */
export const MAX_OPEN_FILE_BYTES = 50 * 1024 * 1024;

/** The origin the UI is served from. It owns the IndexedDB data: never change it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'moderato';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
