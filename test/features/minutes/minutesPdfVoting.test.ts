// Voting rounds, the approved status, bad input and slicing in the minutes PDF,
// read back with poppler (pdftotext, with -bbox for where each word sits).
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMinutes, type MinutesModel } from '../../../renderer/src/domain/minutes';
import type { IdeaId } from '../../../renderer/src/domain/ids';
import {
  nextTask,
  renderMinutesPdf,
  renderMinutesPdfInSlices,
  type MinutesFonts,
} from '../../../renderer/src/features/minutes/minutesPdf';
import { createTranslator } from '../../../renderer/src/i18n/translator';
import { loadFonts, minutesPdfOf, workshopTreeOf } from '../../../scripts/minutesCli';
import { person, round } from '../../domain/minutesRounds';
import { demoTree, TreeBuilder, WORKSHOP } from '../../domain/minutesTree';
import { parentTreeProblems, unmarkedDrawing } from './pdfStructure';

const t = createTranslator('de');
// pdftotext and a full PDF per test: slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
let dir = '';
let fonts: MinutesFonts;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'moderato-minutes-voting-'));
  fonts = await loadFonts();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Word {
  page: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

async function read(pdf: ArrayBuffer) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, new Uint8Array(pdf));
  // Every PDF of these tests (emoji, right-to-left text, empty workshops) is tagged whole.
  expect(unmarkedDrawing(new Uint8Array(pdf))).toEqual([]);
  expect(parentTreeProblems(new Uint8Array(pdf))).toEqual([]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const pages = text.split('\f').slice(0, -1);
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const words: Word[] = [];
  let page = 0;
  let size = { width: 0, height: 0 };
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (p) {
      page += 1;
      size = { width: Number(p[1]), height: Number(p[2]) };
    }
    const w = /<word xMin="[\d.-]+" yMin="[\d.-]+" xMax="([\d.-]+)" yMax="([\d.-]+)"/.exec(line);
    if (w)
      words.push({
        page,
        xMax: Number(w[1]),
        yMax: Number(w[2]),
        pageWidth: size.width,
        pageHeight: size.height,
      });
  }
  return { text, flat: text.replace(/\s+/g, ' '), pages, words };
}

/** Nothing sits beyond the right margin (20 mm = 56.7 pt) or below the page. */
function expectInsidePages(words: Word[]) {
  expect(words.length).toBeGreaterThan(0);
  const outside = words.filter((w) => w.xMax > w.pageWidth - 50 || w.yMax > w.pageHeight - 10);
  expect(outside).toEqual([]);
}

describe('voting rounds in the minutes PDF', () => {
  it('prints the demo dot vote in its phase: title, turnout, the ranking with ties, a vector bar chart, no names', async () => {
    const { workshop, tree } = demoTree();
    const model = buildMinutes(workshop, tree, { now: Date.UTC(2027, 2, 24, 15), status: 'draft' });
    const { flat, pages } = await read(renderMinutesPdf(model, fonts, t, 'de'));
    // The last mention of each heading is the section itself (the first is in the contents).
    const start = flat.lastIndexOf('Abstimmung: Punktabfrage zu den Handlungsschwerpunkten');
    const phaseStart = flat.lastIndexOf('Ergebnisse: Handlungsschwerpunkte');
    const next = flat.lastIndexOf('Ergebnisse: Projektideen');
    expect(start).toBeGreaterThan(phaseStart);
    expect(next).toBeGreaterThan(start);
    const section = flat.slice(start, next);
    for (const expected of [
      'Punktabfrage – 3 Punkte pro Person, höchstens 2 je Eintrag',
      'anonym',
      'Stimmberechtigt 7 Personen',
      'Beteiligung 6 von 7 Stimmberechtigten (86 %)',
      'Platz Eintrag Punkte Stimmzettel',
      '1. (gleichauf) Entlastung der Beschäftigten 6 4',
      '1. (gleichauf) Besserer Service für Bürger und Unternehmen 6 4',
      '3. Schnellere Fallbearbeitung 4 2',
      'Gleichauf:',
      'Ergebnis als Balkendiagramm',
      '=1. Entlastung der Beschäftigten 6',
      'Anonyme Abstimmung: Das Protokoll nennt nicht, wer wie abgestimmt hat.',
    ])
      expect(section).toContain(expected);
    for (const participant of tree.participants) expect(section).not.toContain(participant.name);
    // The bars are vector rectangles: the chart page carries no image.
    const chartPage = pages.findIndex((p) => p.includes('Ergebnis als Balkendiagramm')) + 1;
    const file = path.join(dir, 'demo.pdf');
    await writeFile(file, new Uint8Array(renderMinutesPdf(model, fonts, t, 'de')));
    const images = execFileSync(
      'pdfimages',
      ['-list', '-f', String(chartPage), '-l', String(chartPage), file],
      {
        encoding: 'utf8',
      },
    );
    expect(images.trim().split('\n').length).toBe(2); // the header lines only
  });

  it('draws impact/effort as a 2×2, lists named ballots, says an open round is open and why one was annulled', async () => {
    const b = new TreeBuilder();
    const board = b.board('Ideen', 'canvases', 'ideas');
    b.idea(board, 'Posteingang-KI');
    const anna = person(b.tree, 'Anna Berg');
    const ömer = person(b.tree, 'Ömer Kaya');
    round(b.tree, board, {
      title: 'Nutzen und Aufwand',
      settings: { method: 'impactEffort' },
      items: ['Chatbot', 'Akte'],
      voters: [anna, ömer],
      ballots: [
        [
          anna,
          { method: 'impactEffort', ratings: { i0: { impact: 5, effort: 1 }, i1: { impact: 2, effort: 5 } } },
        ],
        [ömer, { method: 'impactEffort', ratings: { i0: { impact: 4, effort: 2 } } }],
      ],
    });
    round(b.tree, board, {
      title: 'Noch laufend',
      settings: { method: 'points', total: 10 },
      items: ['Chatbot'],
      voters: [anna],
      end: 'open',
      at: 3000,
    });
    round(b.tree, board, {
      title: 'Verworfen',
      settings: { method: 'dots', dots: 1, maxPerItem: 1 },
      items: ['Chatbot'],
      voters: [anna],
      end: 'annulled',
      at: 4000,
      ballots: [[anna, { method: 'dots', dots: { i0: 1 } }]],
    });
    const model = buildMinutes(WORKSHOP, b.tree, { now: 0, status: 'draft' });
    const { flat, words } = await read(renderMinutesPdf(model, fonts, t, 'de'));
    for (const expected of [
      'Abstimmung: Nutzen und Aufwand',
      'Platz Nr. Eintrag Nutzen Ø Aufwand Ø Einordnung Stimmzettel',
      '1. 1 Chatbot 4,5 1,5 Schnelle Erfolge 2',
      '2. 2 Akte 2,0 5,0 Wenig Nutzen, viel Aufwand 1',
      'Einordnung nach Nutzen und Aufwand',
      'Großprojekte',
      'Kleinigkeiten',
      'Stimmzettel (namentliche Abstimmung)',
      'Anna Berg Chatbot: Nutzen 5, Aufwand 1 · Akte: Nutzen 2, Aufwand 5',
      'Ömer Kaya Chatbot: Nutzen 4, Aufwand 2',
      'Abstimmung: Noch laufend',
      'noch offen – ein Ergebnis liegt noch nicht vor',
      'Abstimmung: Verworfen',
      'Grund der Aufhebung Falsche Liste verwendet',
      'Die Runde wurde aufgehoben',
    ])
      expect(flat).toContain(expected);
    expectInsidePages(words);
  });
});

describe('status and attendance in the minutes PDF', () => {
  it('prints "abgestimmt" on the title page and in the footer of every page, and the excused after the participants', async () => {
    const b = new TreeBuilder();
    person(b.tree, 'Anna Berg');
    person(b.tree, 'Łukasz Wróbel', 'excused');
    person(b.tree, 'Carla Nie', 'absent');
    const model = buildMinutes(WORKSHOP, b.tree, { now: 0, status: 'approved' });
    const { flat, pages } = await read(renderMinutesPdf(model, fonts, t, 'de'));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toMatch(/Status\s+abgestimmt/);
    expect(pages.every((page) => /abgestimmt\s+Seite \d+ von \d+/.test(page))).toBe(true);
    expect(flat).not.toContain('Entwurf');
    expect(flat).toContain('Anna Berg');
    expect(flat).toContain('Entschuldigt: Łukasz Wróbel');
    expect(flat).toContain('Abwesend (nicht entschuldigt): Carla Nie');
    expect(flat.indexOf('Entschuldigt:')).toBeGreaterThan(flat.indexOf('Anna Berg'));
  });
});

describe('bad input in the minutes PDF', () => {
  it('prints emoji, right-to-left text, control characters, a 10,000-character word and an empty canvas inside the pages', async () => {
    const b = new TreeBuilder();
    const board = b.board('Sammlung 🎉', 'columns', 'vision');
    const column = b.column(board, 'Spalte\u0007mit Glocke');
    b.note(board, 'Emoji 🎉👩‍💻 Ende', { columnId: column.id });
    b.note(board, 'שלום עולם – مرحبا بالعالم', { columnId: column.id });
    b.note(board, 'Steuer\u0000zeichen\u001b und \u202eumgedreht', { columnId: column.id });
    b.note(board, 'x'.repeat(10_000), { columnId: column.id });
    const ideas = b.board('Ideen', 'canvases', 'ideas');
    b.idea(ideas, '', { fields: {} });
    b.tree.ideas.push({
      ...b.tree.ideas[0]!,
      id: 'idea-2' as IdeaId,
      title: 'Leer',
      fields: { problem: '', x: null },
    });
    person(b.tree, '👩‍💻 Name\u0007');
    const model = buildMinutes({ ...WORKSHOP, title: 'Titel \u0000 mit 🎉' }, b.tree, {
      now: 0,
      status: 'draft',
    });
    const { text, flat, words } = await read(renderMinutesPdf(model, fonts, t, 'de'));
    expect(flat).toContain('Emoji \uFFFD\uFFFD\uFFFD Ende');
    expect(flat).toContain('Steuer\uFFFDzeichen\uFFFD und umgedreht');
    expect(flat).toContain('Spalte\uFFFDmit Glocke');
    expect(text).toMatch(/שלום|םולש/);
    expect(text.replace(/[^x]/g, '').length).toBeGreaterThanOrEqual(10_000);
    expect(flat).toContain('Im Steckbrief ist noch nichts ausgefüllt.');
    const controls = [...flat].filter((c) => c.charCodeAt(0) < 0x20 && c !== '\n' && c !== '\f');
    expect(controls).toEqual([]);
    expectInsidePages(words);
  });

  it('prints an empty workshop whole: title page, contents and the sections that say they are empty', async () => {
    const b = new TreeBuilder();
    const model = buildMinutes({ ...WORKSHOP, title: ' ', date: '' }, b.tree, { now: 0, status: 'draft' });
    const { flat, pages, words } = await read(renderMinutesPdf(model, fonts, t, 'de'));
    expect(pages.length).toBe(3);
    expect(flat).toContain('Es wurden keine Teilnehmenden erfasst.');
    expect(flat).toContain('Es wurden keine Aufgaben vereinbart.');
    expectInsidePages(words);
  });
});

describe('drawing in slices', () => {
  it('gives the browser a turn between slices and makes the same document', async () => {
    const { workshop, tree } = demoTree();
    const model: MinutesModel = buildMinutes(workshop, tree, { now: 0, status: 'draft' });
    let turns = 0;
    const sliced = await renderMinutesPdfInSlices(model, fonts, t, 'de', {
      sliceMs: 0,
      pause: async () => {
        turns += 1;
        await nextTask();
      },
    });
    expect(turns).toBeGreaterThan(50);
    const [a, b] = await Promise.all([read(sliced), read(renderMinutesPdf(model, fonts, t, 'de'))]);
    expect(a.text).toBe(b.text);
  });
});

describe('the minutes of a workshop in Node (for the benchmark)', () => {
  it('makes the PDF of a backup’s workshop in memory, exactly as the app does', async () => {
    const backup = JSON.parse(
      await readFile(path.join(process.cwd(), 'assets/demo/ki-strategie-demo.moderato.json'), 'utf8'),
    ) as { tables: Record<string, unknown[]> };
    const [workshop] = backup.tables.workshops as [Parameters<typeof minutesPdfOf>[0]];
    const tree = workshopTreeOf(backup.tables, workshop.id);
    expect(tree.votingRounds).toHaveLength(1);
    const pdf = await minutesPdfOf(workshop, tree, { now: 0, status: 'approved' });
    const { flat } = await read(pdf);
    expect(flat).toContain('Abstimmung: Punktabfrage zu den Handlungsschwerpunkten');
    expect(flat).toContain('abgestimmt Seite 1 von');
    expect(flat).toContain('Eingesparte Arbeitszeit 2.600 h/Jahr');
  });
});
