import i18next from 'i18next';
import { minutesFileName, type MinutesModel } from '../../domain/minutes';
import type { Translate } from './minutesText';
import type { MinutesSource, MinutesWorkerRequest, MinutesWorkerResponse } from './minutesWorkerProtocol';

type Outcome = { ok: true; base64: string; fileName: string } | { ok: false; error: Error };

/** A module worker for one PDF; null where none can run (tests in jsdom, a host that refuses it). */
function runInWorker(request: MinutesWorkerRequest): Promise<Outcome> | null {
  if (typeof Worker !== 'function') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./minutes.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  return new Promise<Outcome>((resolve) => {
    worker.onmessage = (event: MessageEvent<MinutesWorkerResponse>) => {
      worker.terminate();
      const { data } = event;
      resolve(data.ok ? data : { ok: false, error: new Error(data.message) });
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ ok: false, error: new Error(event.message || 'minutes worker failed') });
    };
    worker.postMessage(request);
  });
}

/** i18next's "translation" bundles of the language and of German, the fallback. */
function bundlesFor(language: string): MinutesWorkerRequest['bundles'] {
  const bundles: MinutesWorkerRequest['bundles'] = {};
  for (const lng of new Set([language, 'de'])) {
    const bundle = i18next.getResourceBundle(lng, 'translation') as Record<string, unknown> | undefined;
    if (bundle) bundles[lng] = bundle;
  }
  return bundles;
}

export interface MinutesPdfFile {
  /** The PDF as base64. */
  base64: string;
  fileName: string;
}

/**
 * The minutes PDF of what is stored now. A module worker reads the workshop,
 * builds the minutes and draws them, so the window never freezes (the main
 * thread only starts it and receives the file). Where no module worker can
 * run, the model comes from `loadModel` and the PDF is drawn on the main
 * thread in slices instead.
 */
export async function minutesPdfFile(
  source: MinutesSource,
  loadModel: () => Promise<MinutesModel>,
  t: Translate,
  language: string,
): Promise<MinutesPdfFile> {
  const outcome = await runInWorker({ source, language, bundles: bundlesFor(language) });
  if (outcome?.ok) return { base64: outcome.base64, fileName: outcome.fileName };
  if (outcome) console.warn('Minutes worker unavailable, drawing on the main thread', outcome.error);
  const model = await loadModel();
  const { minutesPdfBase64 } = await import('./minutesPdfBrowser');
  return {
    base64: await minutesPdfBase64(model, t, language),
    fileName: minutesFileName(model, 'pdf', t('minutes.fileWord')),
  };
}
