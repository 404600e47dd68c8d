import type { FileFilter } from '../../../electron/shared/contract';

export type { FileFilter };

export interface SaveRequest {
  suggestedName: string;
  content: string;
  mimeType: string;
  filters: FileFilter[];
}

export type OpenResult = { name: string; content: string } | null;

/** The one door to the host: the desktop app's preload API, or the browser. */
export interface Platform {
  kind: 'desktop' | 'browser';
  /** Resolves false when the user cancelled. */
  saveFile(request: SaveRequest): Promise<boolean>;
  openFile(filters: FileFilter[]): Promise<OpenResult>;
  appVersion(): Promise<string>;
  setLanguage(language: 'de' | 'en'): void;
}
