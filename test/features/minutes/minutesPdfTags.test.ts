// The minutes PDF is tagged: a structure tree in reading order that screen
// readers follow, everything drawn is content of it or an artifact, figures
// carry alternative text. Read back with poppler (pdfinfo -struct-text).
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { jsPDF } from 'jspdf';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMinutes, type MinutesModel } from '../../../renderer/src/domain/minutes';
import type { WorkshopTree } from '../../../renderer/src/domain/purge';
import { renderMinutesPdf, type MinutesFonts } from '../../../renderer/src/features/minutes/minutesPdf';
import { PdfTags, pdfTextString, xmpMetadata } from '../../../renderer/src/features/minutes/minutesPdfTags';
import { createTranslator } from '../../../renderer/src/i18n/translator';
import { loadFonts } from '../../../scripts/minutesCli';
import { person, round } from '../../domain/minutesRounds';
import { demoTree } from '../../domain/minutesTree';
import {
  allNodes,
  altTexts,
  parentTreeProblems,
  structureTree,
  textOf,
  unmarkedDrawing,
  type StructNode,
} from './pdfStructure';

// pdfinfo and a full PDF per test: slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
let dir = '';
let fonts: MinutesFonts;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'moderato-minutes-tags-'));
  fonts = await loadFonts();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The demo workshop, plus an impact/effort round (the demo has a dot vote only). */
function demoMinutes() {
  const { workshop, tree } = demoTree();
  const board = tree.boards.find((b) => b.phase === 'ideas') ?? tree.boards[0]!;
  const anna = person(tree, 'Anna Berg');
  round(tree, board, {
    title: 'Nutzen und Aufwand',
    settings: { method: 'impactEffort' },
    items: ['Chatbot', 'Akte'],
    voters: [anna],
    ballots: [
      [
        anna,
        { method: 'impactEffort', ratings: { i0: { impact: 5, effort: 1 }, i1: { impact: 2, effort: 5 } } },
      ],
    ],
  });
  return {
    workshop,
    tree,
    model: buildMinutes(workshop, tree, { now: Date.UTC(2027, 2, 24, 15), status: 'draft' }),
  };
}

let german: Promise<{ file: string; bytes: Uint8Array; model: MinutesModel; tree: WorkshopTree }> | undefined;

/** The demo's minutes in German, made once for the tests that only read them. */
function germanDemo() {
  german ??= (async () => {
    const { model, tree } = demoMinutes();
    const pdf = await written(renderMinutesPdf(model, fonts, createTranslator('de'), 'de'));
    return { ...pdf, model, tree };
  })();
  return german;
}

async function written(pdf: ArrayBuffer) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  const bytes = new Uint8Array(pdf);
  await writeFile(file, bytes);
  return { file, bytes };
}

const ofRole = (root: StructNode, role: string) => allNodes(root).filter((n) => n.role === role);
const words = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

describe('the tagged minutes PDF', () => {
  it('says it is tagged, in the workshop’s language, and draws nothing that is neither content nor artifact', async () => {
    const { file, bytes } = await germanDemo();
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/^Tagged:\s+yes$/m);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/Lang (de-DE)');
    expect(raw).toContain('/MarkInfo << /Marked true >>');
    expect(raw).toContain('/DisplayDocTitle true');
    expect(unmarkedDrawing(bytes)).toEqual([]);
    // And back from each piece of content (and each link) to its element.
    expect(parentTreeProblems(bytes)).toEqual([]);
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    // The title where assistive technology looks for it: the XMP metadata too.
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    const xmp = new DOMParser().parseFromString(
      execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' }),
      'application/xml',
    );
    expect(xmp.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(xmp.getElementsByTagName('dc:title')[0]?.textContent).toBe(
      `Ergebnisprotokoll: ${(await germanDemo()).model.title}`,
    );
    expect(xmp.getElementsByTagName('dc:language')[0]?.textContent).toBe('de-DE');
  });

  it('reads in order: the title, the contents, then each section’s heading, paragraphs, lists and tables', async () => {
    const { file, model, tree } = await germanDemo();
    const root = structureTree(file);
    const document = root.kids[0]!;
    expect(document.role).toBe('Document');
    const h1 = ofRole(document, 'H1').map(textOf);
    expect(h1[0]).toBe(model.title);
    expect(h1.slice(1, 4)).toEqual(['Inhalt', 'Teilnehmende', 'Tagesordnung']);
    expect(h1.slice(-2)).toEqual(['Beschlüsse', 'Aufgaben']);
    // The contents come second, though drawn last: one entry per section heading.
    const toc = document.kids.find((k) => k.role === 'TOC')!;
    expect(document.kids.indexOf(toc)).toBeLessThan(
      document.kids.findIndex((k) => textOf(k) === 'Teilnehmende'),
    );
    const headings = [...ofRole(document, 'H1').slice(2), ...ofRole(document, 'H2')];
    expect(toc.kids.filter((k) => k.role === 'TOCI')).toHaveLength(headings.length - 1); // not "Sitzungen" on the title page
    expect(textOf(toc.kids[0]!)).toBe('Teilnehmende 3');

    // The participants: a table with a header row and one row per person.
    const table = document.kids[document.kids.findIndex((k) => textOf(k) === 'Teilnehmende') + 1]!;
    expect(table.role).toBe('Table');
    expect(table.kids[0]!.kids.map((c) => [c.role, textOf(c)])).toEqual([
      ['TH', 'Name'],
      ['TH', 'Organisationseinheit'],
      ['TH', 'Rolle'],
    ]);
    expect(table.kids.slice(1).every((row) => row.kids.every((c) => c.role === 'TD'))).toBe(true);
    // Header cells head their columns, in every table.
    const headerCells = ofRole(document, 'TH');
    expect(headerCells.length).toBeGreaterThan(10);
    for (const cell of headerCells) expect(cell.attributes).toEqual(['/Scope /Column']);
    expect(table.kids).toHaveLength(tree.participants.length + 1);

    // Cards are list items: each a body with the card's text (the bullet is drawn for the eye only).
    const items = ofRole(document, 'LI');
    expect(items.length).toBeGreaterThan(20);
    for (const item of items) {
      expect(item.kids.map((k) => k.role)).toEqual(['LBody']);
      expect(item.kids[0]!.text.length).toBeGreaterThan(0);
    }
    expect(allNodes(document).flatMap((n) => n.text)).not.toContain('•');
  });

  it('links each entry of the contents to its page; the link is a Link element that holds its annotation', async () => {
    const t = createTranslator('de');
    const { file, bytes } = await germanDemo();
    const toc = ofRole(structureTree(file), 'TOC')[0]!;
    const entries = toc.kids.map((item) => {
      const link = ofRole(item, 'Link')[0]!;
      return { title: textOf(link), page: Number(textOf(item).split(' ').at(-1)), link };
    });
    expect(entries.length).toBeGreaterThan(10);
    // poppler finds the annotation through the structure (an object reference in the Link element).
    for (const { link } of entries) expect(link.kids.map((k) => k.role)).toEqual(['Object']);
    // Where the links lead: the page each entry names.
    const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-f', '2', '-l', '2', file], {
      encoding: 'utf8',
    });
    const targets = [...xml.matchAll(/<a href="[^"#]*#(\d+)">/g)].map((m) => Number(m[1]));
    expect(targets).toEqual(entries.map((e) => e.page));
    // Each annotation says where it leads, and names its place in the structure.
    const annotations = [
      ...Buffer.from(bytes)
        .toString('latin1')
        .matchAll(/<< \/Type \/Annot [^\n]*/g),
    ].map((m) => m[0]);
    expect(annotations).toHaveLength(entries.length);
    for (const annotation of annotations) expect(annotation).toMatch(/\/StructParent \d+ \/Contents <FEFF/);
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Tabs /S');
    expect(t('minutes.contentsLink', { title: entries[0]!.title, page: entries[0]!.page })).toBe(
      'Zu „Teilnehmende“ auf Seite 3',
    );
  });

  it('leaves the running header and footer out of the structure, and nothing of the pages’ text besides them', async () => {
    const { file, model } = await germanDemo();
    const structured = textOf(structureTree(file));
    expect(structured).not.toMatch(/Seite \d+ von \d+/);
    const printed = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(printed).toMatch(/Seite 2 von \d+/);
    const header = words(`${model.title} 24.03.2027 Seite von Entwurf`);
    // Inside a figure the drawn words may run together (one piece of content, read by its alternative text).
    const missing = [...words(printed)].filter((w) => !structured.includes(w) && !header.has(w));
    expect(missing.filter((w) => !/^\d+$/.test(w))).toEqual([]);
  });

  it('gives the bar chart and the impact/effort placement alternative text, in the minutes’ language', async () => {
    const { model } = demoMinutes();
    for (const language of ['de', 'en'] as const) {
      const t = createTranslator(language);
      const { bytes } = await written(renderMinutesPdf(model, fonts, t, language));
      expect(altTexts(bytes)).toEqual([
        { role: 'Figure', alt: t('minutes.voting.chartAlt') },
        { role: 'Figure', alt: t('minutes.voting.matrixAlt') },
      ]);
      expect(Buffer.from(bytes).toString('latin1')).toContain(
        language === 'en' ? '/Lang (en-US)' : '/Lang (de-DE)',
      );
    }
  });
});

describe('PdfTags', () => {
  it('refuses a page begun inside marked content (its operators would straddle two pages)', () => {
    const doc = new jsPDF();
    const tags = new PdfTags(doc);
    expect(() => tags.content('P', () => doc.addPage())).toThrow(/new page/);
  });

  it('writes XMP metadata that stays well-formed whatever the title holds', () => {
    const xml = xmpMetadata({
      title: 'Ämter & <Referate> "2027"',
      description: 'x',
      author: 'Łukasz & Ağrı',
      language: 'de-DE',
      created: new Date(Date.UTC(2027, 2, 24)),
    });
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.getElementsByTagName('dc:title')[0]?.textContent).toBe('Ämter & <Referate> "2027"');
    expect(doc.getElementsByTagName('dc:creator')[0]?.textContent).toBe('Łukasz & Ağrı');
    expect(doc.getElementsByTagName('xmp:CreateDate')[0]?.textContent).toBe('2027-03-24T00:00:00.000Z');
  });

  it('writes any text as a UTF-16 string with a byte-order mark', () => {
    expect(pdfTextString('Ä€😀')).toBe('<FEFF00C420ACD83DDE00>');
  });
});
