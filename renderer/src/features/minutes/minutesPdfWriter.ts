/**
 * The page mechanics of the minutes PDF: A4 with margins, the embedded DejaVu
 * Sans, wrapped paragraphs and bullets, and tables whose rows break across
 * pages. What goes on the pages is in minutesPdf.ts and minutesPdfBoards.ts.
 */
import { jsPDF } from 'jspdf';
import { PdfTags, type StructElem } from './minutesPdfTags';

/** The TTF files as base64. */
export interface MinutesFonts {
  regular: string;
  bold: string;
}

const FONT = 'DejaVuSans';
export const PAGE = { width: 210, height: 297 };
export const MARGIN = { left: 20, right: 20, top: 25, bottom: 22 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const BOTTOM = PAGE.height - MARGIN.bottom;
const PT_TO_MM = 0.3528;
const LINE_FACTOR = 1.3;
const CELL_PAD = 1.6;
export const GREY = 90;
export const RULE = 170;

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

/**
 * Drawing runs as a generator that pauses (yields) after each card and every
 * few table rows: the CLI drains it at once, the app gives the browser a
 * moment between slices so the window stays responsive.
 */
export type Steps = Generator<undefined, void, undefined>;

/** Runs a generator to its end without pausing. */
export function drain<T>(steps: Generator<undefined, T, undefined>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Table rows drawn between two pauses. */
const ROWS_PER_STEP = 8;

export interface TableColumn {
  header: string;
  /** Share of the content width. */
  width: number;
}

export interface TocEntry {
  title: string;
  page: number;
  level: 0 | 1;
}

/** The list being drawn: bullets in a row at one indent make one list. */
interface OpenList {
  list: StructElem;
  /** The item drawn last, still open for the paragraphs indented under it. */
  item: StructElem;
  indent: number;
}

export class MinutesWriter {
  readonly doc: jsPDF;
  /** The structure tree: what is drawn, in reading order (minutesPdfTags.ts). */
  readonly tags: PdfTags;
  y = MARGIN.top;
  readonly toc: TocEntry[] = [];
  private list: OpenList | null = null;

  /** The fonts, one at a time: reading a TrueType file is a slice of its own. */
  static *open(fonts: MinutesFonts): Generator<undefined, MinutesWriter, undefined> {
    const writer = new MinutesWriter();
    writer.doc.addFileToVFS(`${FONT}.ttf`, fonts.regular);
    writer.doc.addFont(`${FONT}.ttf`, FONT, 'normal');
    yield;
    writer.doc.addFileToVFS(`${FONT}-Bold.ttf`, fonts.bold);
    writer.doc.addFont(`${FONT}-Bold.ttf`, FONT, 'bold');
    writer.font(10);
    return writer;
  }

  private constructor() {
    this.doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
    this.tags = new PdfTags(this.doc);
  }

  /** Ends the list being drawn, if any: what comes next is not part of it. */
  endList(): void {
    if (this.list && this.tags.isOpen(this.list.list)) this.tags.close(this.list.list);
    this.list = null;
  }

  /**
   * Lines of text as one element of the structure (a new one of `role`, or
   * the open `role` element itself), each drawn by `draw`; `beforeEach` may
   * start a new page (never inside a marked line).
   */
  private lines(
    role: 'H1' | 'H2' | 'H3' | 'P' | StructElem,
    lines: string[],
    draw: (line: string) => void,
    beforeEach?: () => void,
  ): void {
    const elem = typeof role === 'string' ? this.tags.open(role) : role;
    for (const line of lines) {
      beforeEach?.();
      this.tags.mark(() => draw(line), elem);
    }
    if (typeof role === 'string') this.tags.close(elem);
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

  /** Landscape pages (for wide tables) are wider and shorter. */
  landscape = false;
  width = CONTENT_WIDTH;
  bottom = BOTTOM;

  newPage(landscape = this.landscape): void {
    this.doc.addPage('a4', landscape ? 'landscape' : 'portrait');
    this.landscape = landscape;
    this.width = (landscape ? PAGE.height : PAGE.width) - MARGIN.left - MARGIN.right;
    this.bottom = (landscape ? PAGE.width : PAGE.height) - MARGIN.bottom;
    this.y = MARGIN.top;
  }

  /** Goes on on a page of this orientation: a new page, unless the current one is it (or still blank). */
  orientation(landscape: boolean): void {
    if (landscape === this.landscape) return;
    // Nothing is drawn on a page while y is at the top margin: replace it instead of leaving it empty.
    if (this.y === MARGIN.top && this.page() > 2) this.doc.deletePage(this.page());
    this.newPage(landscape);
  }

  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  heading(text: string, level: 0 | 1): void {
    const size = level === 0 ? 15 : 12;
    this.font(size, 'bold');
    const lines = this.split(text, this.width);
    // Keep a heading with at least three lines of what follows.
    this.ensure(lines.length * this.lineHeight() + 18);
    this.y += level === 0 ? 2 : 3;
    this.toc.push({ title: printable(text), page: this.page(), level });
    this.endList();
    this.lines(level === 0 ? 'H1' : 'H2', lines, (line) => {
      this.y += this.lineHeight() * 0.8;
      this.doc.text(line, MARGIN.left, this.y);
      this.y += this.lineHeight() * 0.2;
    });
    this.y += 2;
    this.font(10);
  }

  paragraph(
    text: string,
    options: { size?: number; grey?: number; indent?: number; gap?: number } = {},
    /** Drawn as content of this element instead of a paragraph of its own (a list item's body). */
    into?: StructElem,
  ): void {
    this.font(options.size ?? 10, 'normal', options.grey ?? 0);
    const indent = options.indent ?? 0;
    // Indented under the list's last item, it belongs to that item (a card's facts, its origin).
    if (!into && (!this.list || indent <= this.list.indent)) this.endList();
    this.lines(
      into ?? 'P',
      this.split(text, this.width - indent),
      (line) => {
        this.y += this.lineHeight() * 0.8;
        this.doc.text(line, MARGIN.left + indent, this.y);
        this.y += this.lineHeight() * 0.2;
      },
      () => this.ensure(this.lineHeight()),
    );
    this.y += options.gap ?? 1.5;
    this.font(10);
  }

  /** A bold line (a column's or cluster's title), kept with two lines of what follows. */
  label(text: string, options: { size?: number; indent?: number } = {}): void {
    this.font(options.size ?? 10, 'bold');
    const indent = options.indent ?? 0;
    const lines = this.split(text, this.width - indent);
    this.ensure((lines.length + 2) * this.lineHeight());
    this.endList();
    this.lines('H3', lines, (line) => {
      this.y += this.lineHeight();
      this.doc.text(line, MARGIN.left + indent, this.y);
    });
    this.y += 1.5;
    this.font(10);
  }

  /**
   * A list item: a bullet, then the text wrapped beside it. In the structure
   * an item is its body only (the bullet is drawn for the eye): two objects
   * per card instead of four keep the file of a 3,850-card workshop small.
   */
  bullet(text: string, options: { indent?: number; grey?: number; size?: number; gap?: number } = {}): void {
    const indent = options.indent ?? 0;
    this.font(options.size ?? 10, 'normal', options.grey ?? 0);
    this.ensure(this.lineHeight());
    const { tags } = this;
    if (this.list && this.list.indent !== indent) this.endList();
    if (this.list) tags.close(this.list.item);
    const list = this.list?.list ?? tags.open('L');
    const item = tags.open('LI');
    this.list = { list, item, indent };
    tags.artifact(() => this.doc.text('•', MARGIN.left + indent + 1, this.y + this.lineHeight() * 0.8));
    const body = tags.open('LBody');
    this.paragraph(text, { ...options, indent: indent + 5 }, body);
  }

  table(columns: TableColumn[], rows: string[][], options: { size?: number; keepLines?: number } = {}): void {
    drain(this.tableSteps(columns, rows, options));
  }

  /** Rows break across pages, and a row taller than a page is split line by line. */
  *tableSteps(
    columns: TableColumn[],
    rows: string[][],
    options: { size?: number; keepLines?: number } = {},
  ): Steps {
    const size = options.size ?? 9;
    const keepLines = options.keepLines ?? 8;
    const widths = columns.map((c) => c.width * this.width);
    const { tags } = this;
    this.endList();
    const table = tags.open('Table');
    let headerCells: StructElem[] | null = null;
    // The header row once in the structure; repeated on the next pages, it is drawn for the eye.
    const drawHeader = () => {
      this.font(size, 'bold');
      if (headerCells) {
        // No cells to hold it: every part of the row is drawn as an artifact (drawLines).
        this.drawRow(
          columns.map((c) => c.header),
          widths,
          true,
          null,
        );
      } else {
        const row = tags.open('TR');
        headerCells = columns.map(() => tags.add('TH'));
        tags.close(row);
        this.drawRow(
          columns.map((c) => c.header),
          widths,
          true,
          headerCells,
        );
      }
      this.font(size);
    };
    this.font(size);
    this.ensure(2 * (this.lineHeight() + 2 * CELL_PAD) + 2);
    drawHeader();
    for (const [index, row] of rows.entries()) {
      if (index > 0 && index % ROWS_PER_STEP === 0) {
        yield;
        this.font(size);
      }
      const cells = row.map((cell, i) => this.split(cell, (widths[i] ?? 10) - 2 * CELL_PAD));
      const rowElem = tags.open('TR');
      const cellElems = row.map(() => tags.add('TD'));
      tags.close(rowElem);
      let offset = 0;
      const total = Math.max(...cells.map((c) => c.length));
      while (offset < total) {
        const room = Math.floor((this.bottom - this.y - 2 * CELL_PAD) / this.lineHeight());
        if (room < 1) {
          this.newPage();
          drawHeader();
          continue;
        }
        const take = Math.min(room, total - offset);
        // A short row moves to the next page whole rather than splitting.
        if (offset === 0 && take < total && total <= keepLines && this.y > MARGIN.top + 20) {
          this.newPage();
          drawHeader();
          continue;
        }
        this.drawLines(
          cells.map((c) => c.slice(offset, offset + take)),
          widths,
          take,
          false,
          cellElems,
        );
        offset += take;
      }
    }
    tags.close(table);
    this.y += 4;
    this.font(10);
  }

  private drawRow(cells: string[], widths: number[], shaded: boolean, into: StructElem[] | null): void {
    const lines = cells.map((cell, i) => this.split(cell, (widths[i] ?? 10) - 2 * CELL_PAD));
    this.drawLines(lines, widths, Math.max(...lines.map((l) => l.length)), shaded, into);
  }

  /** One slice of a row: the lines of each cell, as content of the cells' elements (`into`; null: an artifact). */
  private drawLines(
    cells: string[][],
    widths: number[],
    count: number,
    shaded: boolean,
    into: StructElem[] | null,
  ): void {
    const height = count * this.lineHeight() + 2 * CELL_PAD;
    const { doc, tags } = this;
    if (shaded) {
      tags.artifact(() => {
        doc.setFillColor(235, 235, 235);
        doc.rect(MARGIN.left, this.y, this.width, height, 'F');
      });
    }
    let x = MARGIN.left;
    cells.forEach((lines, i) => {
      const left = x;
      const cell = into?.[i];
      lines.forEach((line, n) => {
        if (line === '') return;
        const draw = () => doc.text(line, left + CELL_PAD, this.y + CELL_PAD + (n + 0.8) * this.lineHeight());
        // Each line on its own, as in a paragraph: read as one string, two lines would run together.
        if (cell) tags.mark(draw, cell);
        else tags.artifact(draw);
      });
      x += widths[i] ?? 0;
    });
    tags.artifact(() => {
      doc.setDrawColor(RULE);
      doc.setLineWidth(0.2);
      doc.line(MARGIN.left, this.y + height, MARGIN.left + this.width, this.y + height);
    });
    this.y += height;
  }
}
