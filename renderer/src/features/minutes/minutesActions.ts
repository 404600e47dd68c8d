import { buildMinutes, minutesFileName, type MinutesOptions } from '../../domain/minutes';
import type { Workshop } from '../../domain/types';
import { getDb } from '../../persistence/db';
import { loadWorkshopTree } from '../../persistence/repository';
import { getPlatform } from '../../platform';
import { CANVAS_TEMPLATES } from '../canvas/canvasTemplates';
import type { SaveRequest } from '../../platform/types';
import type { Translate } from './minutesText';

export type MinutesFormat = 'pdf' | 'markdown';

/**
 * Builds the minutes from what is stored now and saves them through the
 * platform. The PDF part (jsPDF and the fonts) is a separate chunk, loaded on
 * first use. Resolves to the file name, or null when the user cancelled.
 */
export async function saveMinutes(
  workshop: Workshop,
  format: MinutesFormat,
  choice: Pick<MinutesOptions, 'status' | 'sessionIds' | 'phases'>,
  t: Translate,
  language: string,
): Promise<string | null> {
  const tree = await loadWorkshopTree(getDb(), workshop.id);
  const model = buildMinutes(workshop, tree, {
    ...choice,
    now: Date.now(),
    canvasTemplates: CANVAS_TEMPLATES,
  });
  let request: SaveRequest;
  if (format === 'pdf') {
    const { minutesPdfBase64 } = await import('./minutesPdfBrowser');
    request = {
      suggestedName: minutesFileName(model, 'pdf'),
      content: minutesPdfBase64(model, t, language),
      encoding: 'base64',
      mimeType: 'application/pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    };
  } else {
    const { renderMinutesMarkdown } = await import('./minutesMarkdown');
    request = {
      suggestedName: minutesFileName(model, 'md'),
      content: renderMinutesMarkdown(model, t, language),
      mimeType: 'text/markdown;charset=utf-8',
      filters: [{ name: 'Markdown', extensions: ['md'] }],
    };
  }
  return (await getPlatform().saveFile(request)) ? request.suggestedName : null;
}
