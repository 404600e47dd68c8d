/**
 * B6's baseline: the floor of any PDF of that length — jsPDF writing the
 * same number of A4 pages of plain text lines (built-in Helvetica, no layout,
 * no embedded fonts) in one go on the main thread.
 */
import { jsPDF } from 'jspdf';
import { cardText } from '../cardText';

const WARMUPS = 1;

export async function runPdfFloor(pages: number, runs = 5) {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < WARMUPS + runs; run += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const start = performance.now();
    const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
    for (let page = 0; page < pages; page += 1) {
      if (page > 0) doc.addPage();
      for (let line = 0; line < 40; line += 1) doc.text(cardText(page * 40 + line), 20, 20 + line * 6.5);
    }
    bytes = doc.output('arraybuffer').byteLength;
    if (run >= WARMUPS) times.push(performance.now() - start);
  }
  return { times, bytes };
}
