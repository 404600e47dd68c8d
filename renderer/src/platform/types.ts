import type {
  FileFilter,
  SnapshotInfo,
  SnapshotLocation,
  SnapshotWriteRequest,
} from '../../../electron/shared/contract';
import type { LanControl } from '../../../electron/shared/lanContract';

export type { FileFilter, SnapshotInfo, SnapshotWriteRequest };

export interface SaveRequest {
  suggestedName: string;
  /** Text, or binary (a PDF) as base64 when `encoding` is 'base64'. */
  content: string;
  encoding?: 'utf8' | 'base64';
  mimeType: string;
  filters: FileFilter[];
}

export type OpenResult = { name: string; content: string } | null;

/** A file the user picked; its size is known before anything is read. */
export interface PickedFile {
  name: string;
  size: number;
  read(): Promise<Uint8Array>;
}

/**
 * Automatic backups. Desktop: files in userData/snapshots, outside the browser
 * profile. Browser: restore points in a separate IndexedDB database of this
 * profile (they guard against a bad import, not against a lost profile).
 */
export interface SnapshotHost {
  kind: 'files' | 'browser';
  write(request: SnapshotWriteRequest): Promise<SnapshotInfo>;
  /** Newest first. */
  list(): Promise<SnapshotInfo[]>;
  read(id: string): Promise<Uint8Array>;
  /** Desktop: resolves when main wants a last snapshot (on quit); browser: null. */
  nextRequest(): Promise<{ reason: 'quit' }> | null;
}

export type DataLocation = ({ kind: 'desktop' } & SnapshotLocation) | { kind: 'browser'; origin: string };

/** The one door to the host: the desktop app's preload API, or the browser. */
export interface Platform {
  kind: 'desktop' | 'browser';
  /** Resolves false when the user cancelled. */
  saveFile(request: SaveRequest): Promise<boolean>;
  openFile(filters: FileFilter[]): Promise<OpenResult>;
  appVersion(): Promise<string>;
  setLanguage(language: 'de' | 'en'): void;
  /** Opens the projector view of a workshop in a second window; false when that was blocked. */
  openProjector(workshopId: string): Promise<boolean>;
  /** Picks a backup file; null when cancelled. */
  pickBackupFile(filters: FileFilter[]): Promise<PickedFile | null>;
  snapshots: SnapshotHost;
  dataLocation(): Promise<DataLocation>;
  /**
   * Voting from phones over the local network: the desktop app's LAN server, or
   * in the browser the control API of `npm run web` (scripts/lanControl.mjs under
   * /__lan/; that server marks index.html with <meta name="moderato-lan">, which
   * is how the page knows at creation). Null where neither exists (e.g.
   * `npm run dev`): the UI then explains that phones need the desktop app.
   * Should the control API vanish later (the server restarted without it),
   * open() resolves {status:'failed', reason:'unsupported'} and the other calls reject.
   */
  lan: LanControl | null;
}
