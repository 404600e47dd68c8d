import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import canvas from '../../../assets/canvases/ki-projektsteckbrief.json';
import type { CanvasTemplate } from '../../../renderer/src/domain/canvas';
import { buildMinutes, type MinutesModel } from '../../../renderer/src/domain/minutes';
import { TreeBuilder, WORKSHOP } from '../../domain/minutesTree';
import { printable, renderMinutesPdf } from '../../../renderer/src/features/minutes/minutesPdf';
import { createTranslator } from '../../../renderer/src/i18n/translator';
import { loadFonts } from '../../../scripts/minutesCli';
import { parentTreeProblems, unmarkedDrawing } from './pdfStructure';

const t = createTranslator('de');
const TEMPLATES = [canvas as unknown as CanvasTemplate];

/** One board of each kind, linked as in a workshop: vision → inventory → focus area → project idea. */
function boardsOfEveryKind({ draft = false } = {}) {
  const b = new TreeBuilder();
  const vision = b.board('Vision', 'clusters', 'vision');
  const used = b.note(vision, 'Menschen entscheiden');
  b.vision(vision, '**Wir entscheiden** *selbst*.\n\n- Menschen prüfen jeden Bescheid', {
    sourceNoteIds: [used.id],
    agreedAt: draft ? null : Date.UTC(2027, 2, 24, 10),
  });
  const inventory = b.board('Bestand', 'matrix', 'inventory');
  const row = b.row(inventory, 'Bauen');
  b.row(inventory, 'Soziales');
  const columns = ['Analog', 'Digital', 'Medienbruchfrei', 'Datengetrieben', 'KI'].map((c) =>
    b.column(inventory, c),
  );
  const paper = b.note(inventory, 'Bauantrag auf Papier', {
    rowId: row.id,
    columnId: columns[0]!.id,
    facts: { process: 'Bauantrag', casesPerYear: 4200, painPoint: 'Papierakten' },
  });
  b.note(inventory, 'Noch offen');
  const focus = b.board('Schwerpunkte', 'clusters', 'focus');
  const area = b.cluster(focus, 'Schneller', { description: 'Anträge schneller bearbeiten' });
  const copy = b.note(focus, 'Bauantrag auf Papier', { clusterId: area.id, sourceNoteId: paper.id });
  b.note(focus, 'Lose Karte');
  const ideas = b.board('Ideen', 'canvases', 'ideas');
  b.idea(ideas, 'Posteingang-KI', {
    focusAreaId: area.id,
    fields: { problem: 'Zu viel Post', hoursSaved: 1200, personalData: false, riskTier: 'transparency' },
    sources: [{ field: 'problem', noteId: copy.id }],
  });
  return b.tree;
}
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'moderato-minutes-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function model(overrides: Partial<MinutesModel>): MinutesModel {
  return {
    title: 'Test',
    organisation: '',
    date: '',
    place: '',
    facilitators: '',
    minuteTaker: '',
    status: 'draft',
    createdAt: Date.UTC(2027, 0, 1),
    sessions: [],
    participants: [],
    excused: [],
    absent: [],
    phases: [
      { phase: 'vision', boards: [], rounds: [] },
      { phase: 'ideas', boards: [], rounds: [] },
    ],
    trace: { focusAreas: [], otherIdeas: [] },
    decisions: [],
    actionItems: [],
    ...overrides,
  };
}

async function render(m: MinutesModel) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  const bytes = new Uint8Array(renderMinutesPdf(m, await loadFonts(), t, 'de'));
  await writeFile(file, bytes);
  // Every PDF of these tests (landscape pages, replaced pages, long words) is tagged whole.
  expect(unmarkedDrawing(bytes)).toEqual([]);
  expect(parentTreeProblems(bytes)).toEqual([]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
  const landscape = [...sizes.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)]
    .filter((m) => Number(m[2]) > Number(m[3]))
    .map((m) => Number(m[1]));
  return { text, pages, landscape };
}

describe('renderMinutesPdf', () => {
  it('says so when a phase, the participants and the decisions are empty', async () => {
    const { text, pages } = await render(model({}));
    expect(text).toContain('In dieser Phase wurden keine Ergebnisse festgehalten.');
    expect(text).toContain('Es wurden keine Teilnehmenden erfasst.');
    expect(text).toContain('Es wurden keine Beschlüsse gefasst.');
    expect(pages).toBe(3);
  });

  it('wraps a note of 10,000 characters without spaces onto further pages instead of off the page', async () => {
    const long = 'ж'.repeat(10_000);
    const { text, pages } = await render(
      model({
        phases: [
          {
            phase: 'vision',
            rounds: [],
            boards: [
              {
                kind: 'columns',
                title: 'B',
                noteCount: 1,
                visions: [],
                columns: [{ title: 'S', notes: [{ text: long, facts: null, inVision: false }] }],
              },
            ],
          },
        ],
        actionItems: [{ owner: 'Ж'.repeat(3000), task: 'kurz', due: '', status: 'open' }],
      }),
    );
    expect(text.replace(/[^ж]/g, '').length).toBe(10_000);
    expect(text.replace(/[^Ж]/g, '').length).toBe(3000);
    expect(pages).toBeGreaterThan(3);
  });

  it('prints every board kind: the vision as plain text, the matrix with facts, focus areas, canvases and the trace', async () => {
    const { text, landscape } = await render(
      buildMinutes(WORKSHOP, boardsOfEveryKind(), { now: 0, status: 'draft', canvasTemplates: TEMPLATES }),
    );
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'Leitbild',
      'Vereinbart am 24. März 2027',
      'Wir entscheiden selbst.',
      '• Menschen prüfen jeden Bescheid',
      'Menschen entscheiden (→ Leitbild)',
      'Bereich',
      'Medienbruchfrei',
      'Soziales',
      'Bauantrag auf Papier',
      'Prozess: Bauantrag',
      '4.200 Fälle/Jahr',
      'Schmerzpunkt: Papierakten',
      'Ablage – noch nicht eingeordnet',
      'Noch offen',
      'Handlungsschwerpunkt: Schneller',
      'Anträge schneller bearbeiten',
      'Nicht gruppiert',
      'Posteingang-KI',
      'Risikoklasse nach EU AI Act: Transparenzpflichten (Art. 50)',
      'Steckbrief: KI-Projektsteckbrief',
      'Eingesparte Arbeitszeit 1.200 h/Jahr',
      'DSGVO: Personenbezogene Daten nein',
      'Nachvollziehbarkeit',
      'aus „Bestand“',
      'Problem und heutiger Ablauf: „Bauantrag auf Papier“ (Schwerpunkte)',
    ])
      expect(flat).toContain(expected);
    // Bold and italic markers are gone; each card is printed once on its board.
    expect(flat).not.toContain('**');
    expect(flat.split('Noch offen').length - 1).toBe(1);
    // The matrix of five columns sits on a landscape page of its own; the rest is portrait.
    expect(landscape).toEqual([4]);
  });

  it('says so when a draft vision is not agreed, and prints field keys without a canvas template', async () => {
    const { text } = await render(
      buildMinutes(WORKSHOP, boardsOfEveryKind({ draft: true }), { now: 0, status: 'draft' }),
    );
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Entwurf – noch nicht vereinbart');
    expect(flat).toContain('hoursSaved 1.200');
    expect(flat).toContain('Risikoklasse nach EU AI Act: Transparenzpflichten (Art. 50)');
  });

  it('prints a matrix too wide for a table as a list per row, on portrait pages', async () => {
    const b = new TreeBuilder();
    const board = b.board('Breit', 'matrix', 'inventory');
    const row = b.row(board, 'Zeile A');
    b.row(board, 'Zeile B');
    const columns = Array.from({ length: 9 }, (_, i) => b.column(board, `Stufe ${i + 1}`));
    b.note(board, 'Karte in Stufe 9', { rowId: row.id, columnId: columns[8]!.id });
    const { text, landscape } = await render(buildMinutes(WORKSHOP, b.tree, { now: 0, status: 'draft' }));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Zeile A Stufe 9 • Karte in Stufe 9');
    expect(flat).toContain('Zeile B Keine Karten.');
    expect(landscape).toEqual([]);
  });

  it('replaces what the font cannot print visibly and keeps the rest', () => {
    expect(printable('Zoë 🎉 a\u0007b\u202eשלום')).toBe('Zoë \uFFFD a\uFFFDbשלום');
  });
});
