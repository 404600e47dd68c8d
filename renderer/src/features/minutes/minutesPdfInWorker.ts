import i18next from 'i18next';
import type { MinutesModel } from '../../domain/minutes';
import type { Translate } from './minutesText';
import type { MinutesWorkerRequest, MinutesWorkerResponse } from './minutesWorkerProtocol';

function inWorker(request: MinutesWorkerRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./minutes.worker.ts', import.meta.url), { type: 'module' });
    const done = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<MinutesWorkerResponse>) => {
      done();
      if (event.data.ok) resolve(event.data.base64);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      done();
      reject(new Error(event.message || 'minutes worker failed'));
    };
    worker.postMessage(request);
  });
}

/**
 * The minutes PDF as base64: drawn in a worker, so the window never freezes;
 * where no module worker can run (tests in jsdom, a host that refuses it),
 * drawn on the main thread in slices instead.
 */
export async function minutesPdf(model: MinutesModel, t: Translate, language: string): Promise<string> {
  if (typeof Worker === 'function') {
    const bundles: Record<string, Record<string, unknown>> = {};
    for (const lng of new Set([language, 'de'])) {
      const bundle = i18next.getResourceBundle(lng, 'translation') as Record<string, unknown> | undefined;
      if (bundle) bundles[lng] = bundle;
    }
    try {
      return await inWorker({ model, language, bundles });
    } catch (error) {
      console.warn('Minutes worker unavailable, drawing on the main thread', error);
    }
  }
  const { minutesPdfBase64 } = await import('./minutesPdfBrowser');
  return minutesPdfBase64(model, t, language);
}
