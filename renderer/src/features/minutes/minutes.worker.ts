/**
 * Draws the minutes PDF off the main thread. jsPDF's last step (font subsets
 * and compression, one call that cannot be sliced) takes 150 ms and more on a
 * large protocol; in this worker the window stays responsive throughout.
 * The texts come with the request (i18next's resource bundles), since the
 * app's i18next instance lives on the main thread.
 */
import i18next from 'i18next';
import { minutesPdfBase64 } from './minutesPdfBrowser';
import type { MinutesWorkerRequest, MinutesWorkerResponse } from './minutesWorkerProtocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<MinutesWorkerRequest>) => void) | null;
  postMessage(message: MinutesWorkerResponse): void;
};

scope.onmessage = (event) => {
  const { model, language, bundles } = event.data;
  void (async () => {
    try {
      const texts = i18next.createInstance();
      await texts.init({
        lng: language,
        fallbackLng: 'de',
        initAsync: false,
        interpolation: { escapeValue: false },
        resources: Object.fromEntries(
          Object.entries(bundles).map(([lng, bundle]) => [lng, { translation: bundle }]),
        ),
      });
      const base64 = await minutesPdfBase64(model, (key, options) => texts.t(key, options), language);
      scope.postMessage({ ok: true, base64 });
    } catch (error) {
      scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  })();
};
