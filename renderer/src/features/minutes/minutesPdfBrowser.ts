/**
 * The export's heavy part, loaded by a dynamic import only when the user saves
 * the minutes: jsPDF and the two DejaVu Sans files (inlined into this chunk,
 * so no request and no CSP exception is needed) stay out of the start bundle.
 */
import bold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?inline';
import regular from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?inline';
import type { MinutesModel } from '../../domain/minutes';
import { nextTask, renderMinutesPdfInSlices } from './minutesPdf';
import type { Translate } from './minutesText';

const fromDataUrl = (url: string) => url.slice(url.indexOf(',') + 1);

/** The PDF as base64, drawn in slices (see renderMinutesPdfInSlices) so the window never freezes. */
export async function minutesPdfBase64(model: MinutesModel, t: Translate, language: string): Promise<string> {
  const pdf = new Uint8Array(
    await renderMinutesPdfInSlices(
      model,
      { regular: fromDataUrl(regular), bold: fromDataUrl(bold) },
      t,
      language,
    ),
  );
  // Native where there is one (Chromium 140+, Electron 38+): one pass instead of a binary string.
  const toBase64 = (pdf as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof toBase64 === 'function') return toBase64.call(pdf);
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < pdf.length; i += CHUNK) {
    binary += String.fromCharCode(...pdf.subarray(i, i + CHUNK));
    // A large protocol is megabytes: let the browser breathe every 2 MB.
    if (i > 0 && i % (64 * CHUNK) === 0) await nextTask();
  }
  return btoa(binary);
}
