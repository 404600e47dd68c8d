// Writing rounds (Schreibrunden) in the minutes PDF, read back with pdftotext;
// and the workshop tree the app and the CLI build the minutes from carries them.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildMinutes } from '../../../renderer/src/domain/minutes';
import { renderMinutesPdf, type MinutesFonts } from '../../../renderer/src/features/minutes/minutesPdf';
import { formatMoment } from '../../../renderer/src/features/minutes/minutesVotingText';
import { createTranslator } from '../../../renderer/src/i18n/translator';
import { loadFonts, workshopTreeOf } from '../../../scripts/minutesCli';
import { person } from '../../domain/minutesRounds';
import { TreeBuilder, WORKSHOP } from '../../domain/minutesTree';
import { OPENED, writingRound } from './writingFixture';

const t = createTranslator('de');
// pdftotext and a full PDF per test: slow on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
let dir = '';
let fonts: MinutesFonts;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'moderato-minutes-writing-'));
  fonts = await loadFonts();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(pdf: ArrayBuffer): Promise<{ flat: string; pages: string[] }> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, new Uint8Array(pdf));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { flat: text.replace(/\s+/g, ' '), pages: text.split('\f').slice(0, -1) };
}

const NAMED = 'Welche Aufgaben sollten wir zuerst automatisieren?';
const SECRET = 'Was stört euch im Alltag am meisten?';

/** A board in the Bestandsaufnahme with no card on it, and a named and an anonymous writing round. */
function writingTree() {
  const b = new TreeBuilder();
  const board = b.board('Sammlung', 'columns', 'inventory');
  const anna = person(b.tree, 'Anna Berg');
  const ömer = person(b.tree, 'Ömer Kaya');
  const named = writingRound(board, {
    id: 'wr-1',
    prompt: NAMED,
    anonymous: false,
    authors: [anna.id, ömer.id],
  });
  const secret = writingRound(board, {
    id: 'wr-2',
    prompt: SECRET,
    anonymous: true,
    authors: [anna.id, ömer.id],
    closed: false,
    at: OPENED + 60 * 60_000,
  });
  b.tree.writingRounds = [secret.round, named.round];
  b.tree.inboxNotes = [...named.notes, ...secret.notes];
  return { tree: b.tree, names: [anna.name, ömer.name] };
}

describe('writing rounds in the minutes PDF', () => {
  it('prints each round in its phase with contents entry, times and what became of the cards', async () => {
    const { tree, names } = writingTree();
    const model = buildMinutes(WORKSHOP, tree, { now: 0, status: 'draft' });
    const { flat, pages } = await read(renderMinutesPdf(model, fonts, t, 'de'));
    // The contents page lists both rounds under the phase.
    expect(pages[1]).toContain(`Schreibrunde: „${NAMED}“`);
    expect(pages[1]).toContain(`Schreibrunde: „${SECRET}“`);
    const phase = flat.slice(
      flat.lastIndexOf('Ergebnisse: Bestandsaufnahme'),
      flat.lastIndexOf('Ergebnisse: Handlungsschwerpunkte'),
    );
    // Only writing rounds in this phase: it is not "empty".
    expect(phase).not.toContain('In dieser Phase wurden keine Ergebnisse festgehalten.');
    const named = phase.slice(
      phase.indexOf(`Schreibrunde: „${NAMED}“`),
      phase.indexOf(`Schreibrunde: „${SECRET}“`),
    );
    for (const expected of [
      'Board Sammlung',
      'Art mit Namen',
      `Geöffnet ${formatMoment(OPENED, 'de')}`,
      `Geschlossen ${formatMoment(OPENED + 15 * 60_000, 'de')}`,
      'Karten 6 erhalten · 2 übernommen · 1 zusammengeführt · 1 abgelehnt · 1 zurückgezogen · 1 nicht entschieden',
      // Ömer wrote the withdrawn card and the merged one, Anna the rest: both wrote something that stayed.
      'Geschrieben haben Anna Berg, Ömer Kaya',
    ])
      expect(named).toContain(expected);
    expect(named).not.toContain('Anonyme Schreibrunde');
    // The older round comes first.
    expect(phase.indexOf(NAMED)).toBeLessThan(phase.indexOf(SECRET));
    expect(names.every((name) => flat.includes(name))).toBe(true);
  });

  it('never prints a name for an anonymous round', async () => {
    const { tree, names } = writingTree();
    const model = buildMinutes(WORKSHOP, tree, { now: 0, status: 'draft' });
    const { flat } = await read(renderMinutesPdf(model, fonts, t, 'de'));
    const start = flat.lastIndexOf(`Schreibrunde: „${SECRET}“`);
    const section = flat.slice(start, flat.lastIndexOf('Ergebnisse: Handlungsschwerpunkte'));
    expect(start).toBeGreaterThan(0);
    for (const expected of [
      'Art anonym',
      `Geschlossen noch offen, Schluss geplant ${formatMoment(OPENED + 90 * 60_000, 'de')}`,
      'Karten 6 erhalten · 2 übernommen · 1 zusammengeführt · 1 abgelehnt · 1 zurückgezogen · 1 nicht entschieden',
      'Anonyme Schreibrunde: Das Protokoll nennt nicht, wer welche Karte geschrieben hat.',
    ])
      expect(section).toContain(expected);
    expect(section).not.toContain('Geschrieben haben');
    for (const name of names) expect(section).not.toContain(name);
  });

  it('still says a phase is empty when it has no board results and no rounds', async () => {
    const b = new TreeBuilder();
    b.board('Sammlung', 'columns', 'inventory');
    const model = buildMinutes(WORKSHOP, b.tree, { now: 0, status: 'draft' });
    const { flat } = await read(renderMinutesPdf(model, fonts, t, 'de'));
    const phase = flat.slice(
      flat.lastIndexOf('Ergebnisse: Bestandsaufnahme'),
      flat.lastIndexOf('Ergebnisse: Handlungsschwerpunkte'),
    );
    expect(phase).toContain('In dieser Phase wurden keine Ergebnisse festgehalten.');
    expect(flat).not.toContain('Schreibrunde');
  });
});

describe('the workshop tree of a backup (npm run minutes)', () => {
  it('takes the writing rounds and inbox cards of the chosen workshop only', () => {
    const { tree } = writingTree();
    const other = writingRound(
      { ...tree.boards[0]!, id: 'board-other' as never, workshopId: 'w2' as never },
      { id: 'wr-other', prompt: 'Fremd', anonymous: true, authors: [] },
    );
    const tables: Record<string, unknown[]> = {
      ...tree,
      workshops: [WORKSHOP],
      writingRounds: [...tree.writingRounds!, other.round],
      inboxNotes: [...tree.inboxNotes!, ...other.notes],
    };
    const picked = workshopTreeOf(tables, WORKSHOP.id);
    expect(picked.writingRounds?.map((r) => r.id).sort()).toEqual(['wr-1', 'wr-2']);
    expect(picked.inboxNotes).toHaveLength(12);
    expect(picked.inboxNotes?.every((n) => n.workshopId === WORKSHOP.id)).toBe(true);
  });
});
