// Writing rounds reach the minutes in the app: loadWorkshopTree reads them with
// their inbox cards (what the dialog, the minutes worker and the CSV read), and
// the preview prints them like the PDF — without names in an anonymous round.
import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { BoardId, WorkshopId } from '../../../renderer/src/domain/ids';
import { buildMinutes } from '../../../renderer/src/domain/minutes';
import { MinutesDialog } from '../../../renderer/src/features/minutes/MinutesDialog';
import { loadGermanRest } from '../../../renderer/src/i18n';
import { getDb } from '../../../renderer/src/persistence/db';
import { loadWorkshopTree } from '../../../renderer/src/persistence/repository';
import { person } from '../../domain/minutesRounds';
import { TreeBuilder, WORKSHOP } from '../../domain/minutesTree';
import { writingRound } from './writingFixture';

vi.setConfig({ testTimeout: 30_000 });

const NAMED = 'Welche Aufgaben sollten wir zuerst automatisieren?';
const SECRET = 'Was stört euch im Alltag am meisten?';
const workshop = { ...WORKSHOP, id: 'w-writing' as WorkshopId, title: 'Schreibrunden-Test' };
const names = ['Anna Berg', 'Ömer Kaya'];

beforeAll(async () => {
  await loadGermanRest();
  const b = new TreeBuilder();
  const board = { ...b.board('Sammlung', 'columns', 'inventory'), workshopId: workshop.id };
  const people = names.map((name) => ({ ...person(b.tree, name), workshopId: workshop.id }));
  const authors = people.map((p) => p.id);
  const named = writingRound(board, { id: 'wr-named', prompt: NAMED, anonymous: false, authors });
  const secret = writingRound(board, {
    id: 'wr-secret',
    prompt: SECRET,
    anonymous: true,
    authors,
    at: Date.UTC(2027, 2, 24, 11),
  });
  // Another workshop's round must not come along.
  const elsewhere = writingRound(
    { ...board, id: 'board-elsewhere' as BoardId, workshopId: 'w-other' as WorkshopId },
    { id: 'wr-other', prompt: 'Fremde Runde', anonymous: true, authors: [] },
  );
  const db = getDb();
  await db.workshops.put(workshop);
  await db.boards.put(board);
  await db.participants.bulkPut(people);
  await db.writingRounds.bulkPut([named.round, secret.round, elsewhere.round]);
  await db.inboxNotes.bulkPut([...named.notes, ...secret.notes, ...elsewhere.notes]);
});

describe('writing rounds in the minutes of the app', () => {
  it('loadWorkshopTree reads the workshop’s writing rounds and inbox cards', async () => {
    const tree = await loadWorkshopTree(getDb(), workshop.id);
    expect(tree.writingRounds?.map((r) => r.id).sort()).toEqual(['wr-named', 'wr-secret']);
    expect(tree.inboxNotes).toHaveLength(12);
    const model = buildMinutes(workshop, tree, { now: 0, status: 'draft' });
    const phase = model.phases.find((p) => p.phase === 'inventory')!;
    expect(phase.writingRounds?.map((r) => r.prompt)).toEqual([NAMED, SECRET]);
  });

  it('previews the rounds in the contents and on the phase’s page, naming nobody in the anonymous one', async () => {
    render(<MinutesDialog workshop={workshop} onClose={() => undefined} />);
    const preview = screen.getByRole('region', { name: 'Vorschau der ersten Seiten' });
    const headings = await within(preview).findAllByText(`Schreibrunde: „${NAMED}“`, {}, { timeout: 10_000 });
    // Once in the contents, once as the section's heading.
    expect(headings).toHaveLength(2);
    const section = (heading: HTMLElement) => heading.parentElement?.textContent ?? '';
    const named = section(headings.find((h) => h.classList.contains('minutes-page-h2'))!);
    expect(named).toContain('Artmit Namen');
    expect(named).toContain(
      '6 erhalten · 2 übernommen · 1 zusammengeführt · 1 abgelehnt · 1 zurückgezogen · 1 nicht entschieden',
    );
    expect(named).toContain('Geschrieben habenAnna Berg, Ömer Kaya');
    const secretHeading = within(preview)
      .getAllByText(`Schreibrunde: „${SECRET}“`)
      .find((h) => h.classList.contains('minutes-page-h2'))!;
    const secret = section(secretHeading);
    expect(secret).toContain('Artanonym');
    expect(secret).toContain(
      'Anonyme Schreibrunde: Das Protokoll nennt nicht, wer welche Karte geschrieben hat.',
    );
    expect(secret).not.toContain('Geschrieben haben');
    for (const name of names) expect(secret).not.toContain(name);
    // The phase holds only writing rounds: it is not called empty.
    const page = secretHeading.closest('.minutes-page')!;
    expect(page.textContent).toContain('Ergebnisse: Bestandsaufnahme');
    expect(page.textContent).not.toContain('In dieser Phase wurden keine Ergebnisse festgehalten.');
    expect(preview.textContent).not.toContain('Fremde Runde');
  });
});
