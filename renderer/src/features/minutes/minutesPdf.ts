/**
 * Draws a MinutesModel with jsPDF: A4, an embedded DejaVu Sans (so Ł, ş, ğ and
 * ë print), header and footer with "Seite X von Y", a table of contents and PDF
 * bookmarks. Loaded only when the user exports (dynamic import), and run by the
 * CLI in Node with the same code.
 */
import { jsPDF } from 'jspdf';
import type { MinutesModel } from '../../domain/minutes';
import {
  actualCell,
  formatDay,
  formatShortDay,
  phaseHeading,
  plannedCell,
  sessionLine,
  titleFacts,
  type Translate,
} from './minutesText';

/** The TTF files as base64. */
export interface MinutesFonts {
  regular: string;
  bold: string;
}

const FONT = 'DejaVuSans';
const PAGE = { width: 210, height: 297 };
const MARGIN = { left: 20, right: 20, top: 25, bottom: 22 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const PT_TO_MM = 0.3528;
const LINE_FACTOR = 1.3;
const CELL_PAD = 1.6;
const GREY = 90;
const RULE = 170;

/** Whatever the font cannot show becomes a visible replacement mark, never a silent gap. */
export function printable(text: string): string {
  return Array.from(text.replace(/\r\n?/g, '\n'), (char) => {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n' || char === '\t') return char === '\t' ? ' ' : char;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code > 0xffff) return '\uFFFD';
    // Bidi controls and zero-widths would only confuse the text layer.
    if (/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(char)) return '';
    return char;
  }).join('');
}

interface TableColumn {
  header: string;
  /** Share of the content width. */
  width: number;
}

interface TocEntry {
  title: string;
  page: number;
  level: 0 | 1;
}

class MinutesWriter {
  readonly doc: jsPDF;
  y = MARGIN.top;
  readonly toc: TocEntry[] = [];

  constructor(fonts: MinutesFonts) {
    this.doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
    this.doc.addFileToVFS(`${FONT}.ttf`, fonts.regular);
    this.doc.addFont(`${FONT}.ttf`, FONT, 'normal');
    this.doc.addFileToVFS(`${FONT}-Bold.ttf`, fonts.bold);
    this.doc.addFont(`${FONT}-Bold.ttf`, FONT, 'bold');
    this.font(10);
  }

  font(size: number, style: 'normal' | 'bold' = 'normal', grey = 0): void {
    this.doc.setFont(FONT, style);
    this.doc.setFontSize(size);
    this.doc.setTextColor(grey);
  }

  lineHeight(): number {
    return this.doc.getFontSize() * PT_TO_MM * LINE_FACTOR;
  }

  split(text: string, width: number): string[] {
    const clean = printable(text);
    return clean === '' ? [''] : (this.doc.splitTextToSize(clean, width) as string[]);
  }

  page(): number {
    return this.doc.getNumberOfPages();
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  heading(text: string, level: 0 | 1): void {
    const size = level === 0 ? 15 : 12;
    this.font(size, 'bold');
    const lines = this.split(text, CONTENT_WIDTH);
    // Keep a heading with at least three lines of what follows.
    this.ensure(lines.length * this.lineHeight() + 18);
    this.y += level === 0 ? 2 : 3;
    this.toc.push({ title: printable(text), page: this.page(), level });
    for (const line of lines) {
      this.y += this.lineHeight() * 0.8;
      this.doc.text(line, MARGIN.left, this.y);
      this.y += this.lineHeight() * 0.2;
    }
    this.y += 2;
    this.font(10);
  }

  paragraph(text: string, options: { size?: number; grey?: number; indent?: number } = {}): void {
    this.font(options.size ?? 10, 'normal', options.grey ?? 0);
    const indent = options.indent ?? 0;
    for (const line of this.split(text, CONTENT_WIDTH - indent)) {
      this.ensure(this.lineHeight());
      this.y += this.lineHeight() * 0.8;
      this.doc.text(line, MARGIN.left + indent, this.y);
      this.y += this.lineHeight() * 0.2;
    }
    this.y += 1.5;
    this.font(10);
  }

  /** Rows break across pages, and a row taller than a page is split line by line. */
  table(columns: TableColumn[], rows: string[][]): void {
    const widths = columns.map((c) => c.width * CONTENT_WIDTH);
    const drawHeader = () => {
      this.font(9, 'bold');
      this.drawRow(
        columns.map((c) => c.header),
        widths,
        true,
      );
      this.font(9);
    };
    this.font(9);
    this.ensure(2 * (this.lineHeight() + 2 * CELL_PAD) + 2);
    drawHeader();
    for (const row of rows) {
      const cells = row.map((cell, i) => this.split(cell, (widths[i] ?? 10) - 2 * CELL_PAD));
      let offset = 0;
      const total = Math.max(...cells.map((c) => c.length));
      while (offset < total) {
        const room = Math.floor((BOTTOM - this.y - 2 * CELL_PAD) / this.lineHeight());
        if (room < 1) {
          this.newPage();
          drawHeader();
          continue;
        }
        const take = Math.min(room, total - offset);
        // A short row moves to the next page whole rather than splitting.
        if (offset === 0 && take < total && total <= 8 && this.y > MARGIN.top + 20) {
          this.newPage();
          drawHeader();
          continue;
        }
        this.drawLines(
          cells.map((c) => c.slice(offset, offset + take)),
          widths,
          take,
          false,
        );
        offset += take;
      }
    }
    this.y += 4;
    this.font(10);
  }

  private drawRow(cells: string[], widths: number[], shaded: boolean): void {
    const lines = cells.map((cell, i) => this.split(cell, (widths[i] ?? 10) - 2 * CELL_PAD));
    this.drawLines(lines, widths, Math.max(...lines.map((l) => l.length)), shaded);
  }

  private drawLines(cells: string[][], widths: number[], count: number, shaded: boolean): void {
    const height = count * this.lineHeight() + 2 * CELL_PAD;
    const { doc } = this;
    if (shaded) {
      doc.setFillColor(235, 235, 235);
      doc.rect(MARGIN.left, this.y, CONTENT_WIDTH, height, 'F');
    }
    let x = MARGIN.left;
    cells.forEach((lines, i) => {
      lines.forEach((line, n) => {
        doc.text(line, x + CELL_PAD, this.y + CELL_PAD + (n + 0.8) * this.lineHeight());
      });
      x += widths[i] ?? 0;
    });
    doc.setDrawColor(RULE);
    doc.setLineWidth(0.2);
    doc.line(MARGIN.left, this.y + height, MARGIN.left + CONTENT_WIDTH, this.y + height);
    this.y += height;
  }
}

export function renderMinutesPdf(
  model: MinutesModel,
  fonts: MinutesFonts,
  t: Translate,
  language: string,
): ArrayBuffer {
  const w = new MinutesWriter(fonts);
  const { doc } = w;
  const documentTitle = t('minutes.documentTitle');

  // Title page.
  w.y = 60;
  w.paragraph(documentTitle, { size: 13, grey: GREY });
  w.font(22, 'bold');
  for (const line of w.split(model.title, CONTENT_WIDTH)) {
    w.y += w.lineHeight();
    doc.text(line, MARGIN.left, w.y);
  }
  w.y += 10;
  for (const [label, value] of titleFacts(model, t, language)) {
    w.font(10, 'bold');
    doc.text(printable(label), MARGIN.left, w.y + 4);
    w.font(10);
    const lines = w.split(value, CONTENT_WIDTH - 45);
    lines.forEach((line, i) => doc.text(line, MARGIN.left + 45, w.y + 4 + i * w.lineHeight()));
    w.y += Math.max(1, lines.length) * w.lineHeight() + 2;
  }
  if (model.sessions.length > 0) {
    w.y += 4;
    w.font(10, 'bold');
    doc.text(t('minutes.sessions'), MARGIN.left, w.y + 4);
    w.y += w.lineHeight() + 1;
    for (const session of model.sessions) w.paragraph(sessionLine(session, t, language), { indent: 0 });
  }
  w.y = BOTTOM - 6;
  w.paragraph(
    t('minutes.createdAt', {
      date: formatDay(new Date(model.createdAt).toISOString().slice(0, 10), language),
    }),
    {
      size: 9,
      grey: GREY,
    },
  );

  // Page 2 is kept for the table of contents, filled in at the end.
  w.newPage();
  const tocPage = w.page();
  w.newPage();

  w.heading(t('minutes.participants'), 0);
  if (model.participants.length === 0) w.paragraph(t('minutes.noParticipants'));
  else
    w.table(
      [
        { header: t('minutes.participantColumns.name'), width: 0.32 },
        { header: t('minutes.participantColumns.unit'), width: 0.43 },
        { header: t('minutes.participantColumns.role'), width: 0.25 },
      ],
      model.participants.map((p) => [p.name, p.unit, p.role]),
    );

  w.heading(t('minutes.agenda'), 0);
  if (model.sessions.length === 0) w.paragraph(t('minutes.noSessions'));
  for (const session of model.sessions) {
    if (model.sessions.length > 1 || session.title)
      w.paragraph(sessionLine(session, t, language), { grey: GREY });
    if (session.agenda.length === 0) w.paragraph(t('minutes.noAgenda'));
    else
      w.table(
        [
          { header: t('minutes.agendaColumns.number'), width: 0.08 },
          { header: t('minutes.agendaColumns.title'), width: 0.5 },
          { header: t('minutes.agendaColumns.planned'), width: 0.25 },
          { header: t('minutes.agendaColumns.actual'), width: 0.17 },
        ],
        session.agenda.map((row, i) => [String(i + 1), row.title, plannedCell(row, t), actualCell(row, t)]),
      );
  }

  for (const phase of model.phases) {
    w.heading(phaseHeading(phase, t), 0);
    if (phase.boards.length === 0) {
      w.paragraph(t('minutes.emptyPhase'), { grey: GREY });
      continue;
    }
    for (const board of phase.boards) {
      w.heading(board.title, 1);
      for (const column of board.columns) {
        w.font(10, 'bold');
        w.ensure(3 * w.lineHeight());
        for (const line of w.split(column.title, CONTENT_WIDTH)) {
          w.y += w.lineHeight();
          doc.text(line, MARGIN.left, w.y);
        }
        w.y += 1.5;
        if (column.notes.length === 0) w.paragraph(t('minutes.emptyColumn'), { grey: GREY, indent: 5 });
        for (const note of column.notes) {
          w.font(10);
          w.ensure(w.lineHeight());
          doc.text('•', MARGIN.left + 1, w.y + w.lineHeight() * 0.8);
          w.paragraph(note, { indent: 5 });
        }
        w.y += 1;
      }
    }
  }

  w.heading(t('minutes.decisions'), 0);
  if (model.decisions.length === 0) w.paragraph(t('minutes.noDecisions'));
  else
    w.table(
      [
        { header: t('minutes.decisionColumns.date'), width: 0.17 },
        { header: t('minutes.decisionColumns.text'), width: 0.55 },
        { header: t('minutes.decisionColumns.agendaItem'), width: 0.28 },
      ],
      model.decisions.map((d) => [d.date ? formatShortDay(d.date, language) : '', d.text, d.agendaItem]),
    );

  w.heading(t('minutes.actionItems'), 0);
  if (model.actionItems.length === 0) w.paragraph(t('minutes.noActionItems'));
  else
    w.table(
      [
        { header: t('minutes.actionColumns.owner'), width: 0.24 },
        { header: t('minutes.actionColumns.task'), width: 0.43 },
        { header: t('minutes.actionColumns.due'), width: 0.17 },
        { header: t('minutes.actionColumns.status'), width: 0.16 },
      ],
      model.actionItems.map((a) => [
        a.owner,
        a.task,
        a.due ? formatShortDay(a.due, language) : '',
        t(`actions.status.${a.status}`),
      ]),
    );

  drawContents(w, tocPage, t);
  drawPageFrames(w, model, t, language);

  doc.setProperties({
    title: `${documentTitle}: ${printable(model.title)}`,
    subject: t('minutes.subject', { title: printable(model.title) }),
    author: printable(model.minuteTaker || model.facilitators || model.organisation),
    creator: 'Moderato',
    keywords: [model.organisation, model.date].filter(Boolean).join(', '),
  });
  doc.setLanguage(language === 'en' ? 'en-US' : 'de-DE');
  doc.setCreationDate(new Date(model.createdAt));
  return doc.output('arraybuffer');
}

function drawContents(w: MinutesWriter, tocPage: number, t: Translate): void {
  const { doc } = w;
  doc.setPage(tocPage);
  w.y = MARGIN.top;
  w.font(15, 'bold');
  w.y += w.lineHeight();
  doc.text(t('minutes.contents'), MARGIN.left, w.y);
  w.y += 6;
  let parent: unknown = null;
  for (const entry of w.toc) {
    const outline = doc.outline.add(entry.level === 0 ? null : parent, entry.title, {
      pageNumber: entry.page,
    });
    if (entry.level === 0) parent = outline;
    if (w.y > BOTTOM - 5) continue; // the bookmarks still list everything
    w.font(entry.level === 0 ? 10.5 : 9.5, entry.level === 0 ? 'bold' : 'normal');
    const indent = entry.level === 0 ? 0 : 6;
    const title = w.split(entry.title, CONTENT_WIDTH - indent - 15)[0] ?? '';
    w.y += w.lineHeight() + (entry.level === 0 ? 1 : 0);
    doc.textWithLink(title, MARGIN.left + indent, w.y, { pageNumber: entry.page });
    doc.text(String(entry.page), MARGIN.left + CONTENT_WIDTH, w.y, { align: 'right' });
  }
}

function drawPageFrames(w: MinutesWriter, model: MinutesModel, t: Translate, language: string): void {
  const { doc } = w;
  const pages = doc.getNumberOfPages();
  const date = model.date ? formatShortDay(model.date, language) : '';
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    w.font(8, 'normal', GREY);
    if (page > 1) {
      const title = w.split(model.title, CONTENT_WIDTH - 35)[0] ?? '';
      doc.text(title, MARGIN.left, 14);
      doc.text(date, MARGIN.left + CONTENT_WIDTH, 14, { align: 'right' });
      doc.setDrawColor(RULE);
      doc.setLineWidth(0.2);
      doc.line(MARGIN.left, 16, MARGIN.left + CONTENT_WIDTH, 16);
    }
    doc.text(t('minutes.page', { page, pages }), PAGE.width / 2, PAGE.height - 10, { align: 'center' });
    if (model.status === 'draft') doc.text(t('minutes.statusValue.draft'), MARGIN.left, PAGE.height - 10);
  }
}
