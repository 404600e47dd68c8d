import type { MinutesOptions } from '../../domain/minutes';
import type { Workshop } from '../../domain/types';

/** Which minutes: the workshop, the choices of the dialog, and the database to read them from. */
export interface MinutesSource {
  /** The IndexedDB database the app works with (see persistence/activeDb.ts). */
  databaseName: string;
  workshop: Workshop;
  choice: Pick<MinutesOptions, 'status' | 'sessionIds' | 'phases'>;
  /** Reading time of running timers and the date printed as "erstellt am". */
  now: number;
}

/** What the main thread sends the minutes worker: what to print, and the texts to print it with. */
export interface MinutesWorkerRequest {
  source: MinutesSource;
  language: string;
  /** i18next resource bundles ("translation" namespace) by language; German is the fallback. */
  bundles: Record<string, Record<string, unknown>>;
}

export type MinutesWorkerResponse =
  { ok: true; base64: string; fileName: string } | { ok: false; message: string };
