import type { MinutesModel } from '../../domain/minutes';

/** What the main thread sends the minutes worker: the model and the texts to print it with. */
export interface MinutesWorkerRequest {
  model: MinutesModel;
  language: string;
  /** i18next resource bundles ("translation" namespace) by language; German is the fallback. */
  bundles: Record<string, Record<string, unknown>>;
}

export type MinutesWorkerResponse = { ok: true; base64: string } | { ok: false; message: string };
