/**
 * Makes the minutes PDF off the main thread: reads the workshop from
 * IndexedDB, builds the minutes model and draws it. jsPDF's last step (font
 * subsets and compression, one call that cannot be sliced) takes 150 ms and
 * more on a large protocol, and reading and building a large workshop's
 * model takes tens of milliseconds more; here the window stays responsive
 * throughout. The texts come with the request (i18next's resource bundles),
 * since the app's i18next instance lives on the main thread.
 */
import i18next from 'i18next';
import { buildMinutes, minutesFileName } from '../../domain/minutes';
import { ModeratoDb } from '../../persistence/db';
import { loadWorkshopTree } from '../../persistence/repository';
import { CANVAS_TEMPLATES } from '../canvas/canvasTemplates';
import type { MinutesSource, MinutesWorkerRequest, MinutesWorkerResponse } from './minutesWorkerProtocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<MinutesWorkerRequest>) => void) | null;
  postMessage(message: MinutesWorkerResponse): void;
};

/** The same model as the dialog's loadMinutesModel, read through a connection of this worker. */
async function loadModel({ databaseName, workshop, choice, now }: MinutesSource) {
  const db = new ModeratoDb(databaseName);
  try {
    const tree = await loadWorkshopTree(db, workshop.id);
    return buildMinutes(workshop, tree, { ...choice, now, canvasTemplates: CANVAS_TEMPLATES });
  } finally {
    db.close();
  }
}

scope.onmessage = (event) => {
  const { source, language, bundles } = event.data;
  // jsPDF and the fonts load while the workshop is read.
  const drawing = import('./minutesPdfBrowser');
  drawing.catch(() => undefined); // a failed import is reported where it is awaited
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
      const model = await loadModel(source);
      const { minutesPdfBase64 } = await drawing;
      const base64 = await minutesPdfBase64(model, (key, options) => texts.t(key, options), language);
      scope.postMessage({
        ok: true,
        base64,
        fileName: minutesFileName(model, 'pdf', texts.t('minutes.fileWord')),
      });
    } catch (error) {
      scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  })();
};
