/**
 * The export's heavy part, loaded by a dynamic import only when the user saves
 * the minutes: jsPDF and the two DejaVu Sans files (inlined into this chunk,
 * so no request and no CSP exception is needed) stay out of the start bundle.
 */
import bold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?inline';
import regular from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?inline';
import type { MinutesModel } from '../../domain/minutes';
import { renderMinutesPdf } from './minutesPdf';
import type { Translate } from './minutesText';

const fromDataUrl = (url: string) => url.slice(url.indexOf(',') + 1);

export function minutesPdfBase64(model: MinutesModel, t: Translate, language: string): string {
  const pdf = new Uint8Array(
    renderMinutesPdf(model, { regular: fromDataUrl(regular), bold: fromDataUrl(bold) }, t, language),
  );
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < pdf.length; i += CHUNK) binary += String.fromCharCode(...pdf.subarray(i, i + CHUNK));
  return btoa(binary);
}
