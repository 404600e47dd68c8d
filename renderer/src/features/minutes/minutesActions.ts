import {
  buildMinutes,
  exportFileName,
  minutesFileName,
  type MinutesModel,
  type MinutesOptions,
} from '../../domain/minutes';
import { actionItemsCsv, notesCsv, votesCsv } from '../../domain/minutesCsv';
import { setMinutesStatus } from '../../domain/minutesRecord';
import type { Workshop } from '../../domain/types';
import { getDb } from '../../persistence/db';
import { loadWorkshopTree } from '../../persistence/repository';
import { getPlatform } from '../../platform';
import { CANVAS_TEMPLATES } from '../canvas/canvasTemplates';
import type { SaveRequest } from '../../platform/types';
import { commit } from '../app/commands';
import type { Translate } from './minutesText';

export type MinutesFormat = 'pdf' | 'markdown';
export type CsvExport = 'notes' | 'votes' | 'actions';

type MinutesChoice = Pick<MinutesOptions, 'status' | 'sessionIds' | 'phases'>;

/** The minutes of what is stored now (also what the preview shows). */
export async function loadMinutesModel(workshop: Workshop, choice: MinutesChoice): Promise<MinutesModel> {
  const tree = await loadWorkshopTree(getDb(), workshop.id);
  return buildMinutes(workshop, tree, { ...choice, now: Date.now(), canvasTemplates: CANVAS_TEMPLATES });
}

/**
 * Builds the minutes from what is stored now and saves them through the
 * platform. The PDF is made in a worker that reads the workshop, builds the
 * minutes and draws them with jsPDF and the fonts (chunks loaded on first
 * use), so the window stays responsive. The chosen status is kept with the
 * workshop for the next export. Resolves to the file name, or null when the
 * user cancelled.
 */
export async function saveMinutes(
  workshop: Workshop,
  format: MinutesFormat,
  choice: MinutesChoice,
  t: Translate,
  language: string,
): Promise<string | null> {
  let request: SaveRequest;
  if (format === 'pdf') {
    const { minutesPdfFile } = await import('./minutesPdfInWorker');
    const source = { databaseName: getDb().name, workshop, choice, now: Date.now() };
    const pdf = await minutesPdfFile(source, () => loadMinutesModel(workshop, choice), t, language);
    request = {
      suggestedName: pdf.fileName,
      content: pdf.base64,
      encoding: 'base64',
      mimeType: 'application/pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
  } else {
    const model = await loadMinutesModel(workshop, choice);
    const { renderMinutesMarkdown } = await import('./minutesMarkdown');
    request = {
      suggestedName: minutesFileName(model, 'md', t('minutes.fileWord')),
      content: renderMinutesMarkdown(model, t, language),
      mimeType: 'text/markdown;charset=utf-8',
      filters: [{ name: 'Markdown', extensions: ['md'] }],
    };
  }
  const saved = await getPlatform().saveFile(request);
  if (saved) await storeStatus(workshop, choice.status);
  return saved ? request.suggestedName : null;
}

/** Remembers the status; not an undo step of its own (it changes nothing on the boards). */
async function storeStatus(workshop: Workshop, status: MinutesOptions['status']): Promise<void> {
  const fresh = (await getDb().workshops.get(workshop.id)) ?? workshop;
  const changes = setMinutesStatus(fresh, status, Date.now());
  if (changes.length > 0) await commit(changes, { undoable: false });
}

const CSV_BUILDERS = { notes: notesCsv, votes: votesCsv, actions: actionItemsCsv } as const;

/** Saves the cards, the votes or the action items as CSV; resolves to the file name, or null when cancelled. */
export async function saveCsv(workshop: Workshop, kind: CsvExport, t: Translate): Promise<string | null> {
  const tree = await loadWorkshopTree(getDb(), workshop.id);
  const date =
    workshop.date ||
    [...tree.sessions]
      .map((s) => s.date)
      .filter(Boolean)
      .sort()[0] ||
    '';
  const request: SaveRequest = {
    suggestedName: exportFileName({ title: workshop.title, date }, t(`minutes.csv.files.${kind}`), 'csv'),
    content: CSV_BUILDERS[kind](tree, t),
    mimeType: 'text/csv;charset=utf-8',
    filters: [{ name: 'CSV', extensions: ['csv'] }],
  };
  return (await getPlatform().saveFile(request)) ? request.suggestedName : null;
}
