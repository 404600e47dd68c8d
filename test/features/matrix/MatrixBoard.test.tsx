import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LiveRegion } from '../../../renderer/src/components/LiveRegion';
import { Toasts } from '../../../renderer/src/components/Toasts';
import { addBoard } from '../../../renderer/src/domain/boardCommands';
import type { Change } from '../../../renderer/src/domain/changes';
import type { BoardId } from '../../../renderer/src/domain/ids';
import {
  addMatrixColumn,
  addMatrixNote,
  addMatrixRow,
  MATRIX_LIMITS,
  TRAY,
} from '../../../renderer/src/domain/matrixCommands';
import type { BoardContent } from '../../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../../renderer/src/domain/workshopCommands';
import { undo } from '../../../renderer/src/features/app/commands';
import { MatrixBoard } from '../../../renderer/src/features/matrix/MatrixBoard';
import { getDb } from '../../../renderer/src/persistence/db';
import { useBoardContent } from '../../../renderer/src/persistence/hooks';
import { applyChanges, loadBoardContent } from '../../../renderer/src/persistence/repository';
import { useAppStore } from '../../../renderer/src/state/store';

const { workshop } = createWorkshop({
  fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'KI-Strategie' },
  template: { boards: [], agenda: [] },
  sessionTitle: 'Sitzung 1',
  now: 1,
});

function LiveMatrix({ boardId }: { boardId: BoardId }) {
  const loaded = useBoardContent(boardId);
  return loaded?.content ? <MatrixBoard content={loaded.content} /> : null;
}

/** A matrix board saved in IndexedDB: rows × columns, cards in the tray and in cells ("row/column"). */
async function seed(
  rows: string[],
  columns: string[],
  cards: Record<string, string[]> = {},
): Promise<BoardId> {
  const { board, changes } = addBoard(workshop, [], 'Bestandsaufnahme', 1, 'matrix');
  let content: BoardContent = { board, columns: [], rows: [], clusters: [], notes: [] };
  const all: Change[] = [...changes];
  const apply = (next: Change[]) => {
    all.push(...next);
    for (const change of next) {
      if (change.table === 'matrixRows' && change.after)
        content = { ...content, rows: [...content.rows, change.after] };
      if (change.table === 'columns' && change.after)
        content = { ...content, columns: [...content.columns, change.after] };
      if (change.table === 'notes' && change.after)
        content = { ...content, notes: [...content.notes, change.after] };
    }
  };
  for (const title of rows) apply(addMatrixRow(content, title).changes);
  for (const title of columns) apply(addMatrixColumn(content, title).changes);
  for (const [where, texts] of Object.entries(cards)) {
    const [row, column] = where.split('/');
    const place =
      where === 'tray'
        ? TRAY
        : {
            kind: 'cell' as const,
            rowId: content.rows.find((r) => r.title === row)!.id,
            columnId: content.columns.find((c) => c.title === column)!.id,
          };
    for (const text of texts) apply(addMatrixNote(content, { place, text, now: 2 }).changes);
  }
  await applyChanges(getDb(), all);
  return board.id;
}

function renderBoard(boardId: BoardId) {
  return render(
    <>
      <LiveMatrix boardId={boardId} />
      <Toasts />
      <LiveRegion />
    </>,
  );
}

async function trayTexts(): Promise<string[]> {
  const content = (await loadBoardContent(getDb(), (await getDb().boards.toArray())[0]!.id))!;
  return content.notes.filter((n) => n.rowId === null).map((n) => n.text);
}

beforeEach(async () => {
  const db = getDb();
  await Promise.all([db.boards.clear(), db.columns.clear(), db.matrixRows.clear(), db.notes.clear()]);
  useAppStore.setState({ toasts: [], past: [], future: [], editingNoteId: null });
});

describe('MatrixBoard', () => {
  it('shows a table whose cells screen readers know by row and column header, with counts', async () => {
    const id = await seed(['Bürgerservice', 'Soziales'], ['Analog', 'Digitalisiert'], {
      'Soziales/Digitalisiert': ['Wohngeld', 'Elterngeld'],
      tray: ['Offen'],
    });
    renderBoard(id);
    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['AnalogAktionen für Spalte „Analog“', 'DigitalisiertAktionen für Spalte „Digitalisiert“']);
    expect(within(table).getAllByRole('rowheader')).toHaveLength(2);
    const list = await screen.findByRole('list', { name: 'Karten in „Soziales“ / „Digitalisiert“' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(list.closest('td')!.querySelector('.matrix-count')!.textContent).toBe('22 Karten');
    expect(screen.getByRole('region', { name: 'Noch nicht eingeordnet' })).toBeTruthy();
    expect(screen.getByText('2 Zeilen · 2 Spalten · 3 Karten')).toBeTruthy();
  });

  it('without rows it explains what to do, and the tray still takes cards', async () => {
    const user = userEvent.setup();
    const id = await seed([], ['Analog']);
    renderBoard(id);
    await screen.findByText(/Diese Matrix hat noch keine Zeilen\./);
    await user.click(
      screen.getByRole('button', { name: /Karte hinzufügen\s*unter „Noch nicht eingeordnet“/ }),
    );
    await user.type(
      screen.getByRole('textbox', { name: 'Neue Karte in „Noch nicht eingeordnet“' }),
      'Idee{Enter}',
    );
    await waitFor(async () => expect(await trayTexts()).toEqual(['Idee']));
  });

  it('facts: "viele" is refused in German and stays in the field; a whole number is saved and shown', async () => {
    const user = userEvent.setup();
    const id = await seed(['Soziales'], ['Analog'], { 'Soziales/Analog': ['Wohngeld'] });
    renderBoard(id);
    await user.click(await screen.findByRole('button', { name: 'Fakten bearbeiten: Wohngeld' }));
    const dialog = screen.getByRole('dialog', { name: 'Fakten zur Karte' });
    await user.type(within(dialog).getByLabelText('Prozess'), 'Wohngeldantrag');
    const cases = within(dialog).getByLabelText('Fälle pro Jahr') as HTMLInputElement;
    await user.type(cases, 'viele');
    await user.type(within(dialog).getByLabelText('Größter Schmerzpunkt'), 'Medienbrüche');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    expect(within(dialog).getByText(/„viele“ ist keine Zahl\./)).toBeTruthy();
    expect(cases.value).toBe('viele');
    expect(cases.getAttribute('aria-invalid')).toBe('true');
    expect((within(dialog).getByLabelText('Prozess') as HTMLInputElement).value).toBe('Wohngeldantrag');
    expect((await getDb().notes.toArray())[0]!.facts).toBeNull();

    await user.clear(cases);
    await user.type(cases, '12000');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    await screen.findByText('Wohngeldantrag · 12.000 Fälle/Jahr · Medienbrüche');
    expect((await getDb().notes.toArray())[0]!.facts).toEqual({
      process: 'Wohngeldantrag',
      casesPerYear: 12000,
      painPoint: 'Medienbrüche',
    });
    await undo();
    await waitFor(() => expect(screen.queryByText(/Wohngeldantrag ·/)).toBeNull());
  });

  it('deleting a column asks first and sends its cards to the tray; undo brings the column and cards back', async () => {
    const user = userEvent.setup();
    const id = await seed(['Bürgerservice'], ['Analog', 'Digitalisiert'], {
      'Bürgerservice/Digitalisiert': ['Terminbuchung', 'Chatbot'],
      tray: ['Offen'],
    });
    renderBoard(id);
    await user.click(await screen.findByRole('button', { name: 'Aktionen für Spalte „Digitalisiert“' }));
    await user.click(screen.getByRole('button', { name: 'Spalte löschen' }));
    const dialog = screen.getByRole('dialog', { name: 'Spalte „Digitalisiert“ löschen?' });
    expect(dialog.textContent).toContain('Die 2 Karten darin gehen nicht verloren');
    await user.click(within(dialog).getByRole('button', { name: 'Spalte löschen' }));
    await waitFor(async () => expect(await trayTexts()).toEqual(['Offen', 'Terminbuchung', 'Chatbot']));
    await waitFor(() => expect(screen.getAllByRole('columnheader')).toHaveLength(1));

    await undo();
    await waitFor(() => expect(screen.getAllByRole('columnheader')).toHaveLength(2));
    expect(await trayTexts()).toEqual(['Offen']);
  });

  it('moves a card with "Verschieben nach …" into a chosen cell and position', async () => {
    const user = userEvent.setup();
    const id = await seed(['Bürgerservice', 'Soziales'], ['Analog', 'Digitalisiert'], {
      tray: ['Wohngeld'],
      'Soziales/Digitalisiert': ['Elterngeld', 'Kita'],
    });
    renderBoard(id);
    await user.click(await screen.findByRole('button', { name: 'Verschieben nach …: Wohngeld' }));
    const dialog = screen.getByRole('dialog', { name: 'Karte verschieben nach …' });
    await user.selectOptions(within(dialog).getByLabelText('Zeile'), 'Soziales');
    await user.selectOptions(within(dialog).getByLabelText('Spalte'), 'Digitalisiert');
    const position = within(dialog).getByLabelText('Position') as HTMLSelectElement;
    expect(Array.from(position.options).map((o) => o.text)).toEqual([
      'An erster Stelle',
      'Nach „Elterngeld“',
      'Nach „Kita“',
    ]);
    await user.selectOptions(position, 'Nach „Elterngeld“');
    await user.click(within(dialog).getByRole('button', { name: 'Verschieben' }));
    // The dialog closes once the board shows the card there, and says where it went.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(useAppStore.getState().announcement.text).toBe(
      'Karte nach „Soziales“ / „Digitalisiert“ an Position 2 verschoben.',
    );
    const list = await screen.findByRole('list', { name: 'Karten in „Soziales“ / „Digitalisiert“' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((li) => li.querySelector('.note-text')!.firstChild!.textContent),
      ).toEqual(['Elterngeld', 'Wohngeld', 'Kita']),
    );
  });

  it('refuses a column beyond the limit with a German message', async () => {
    const user = userEvent.setup();
    const columns = Array.from({ length: MATRIX_LIMITS.columns }, (_, i) => `Stufe ${i + 1}`);
    const id = await seed(['Bürgerservice'], columns);
    renderBoard(id);
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Spalte hinzufügen' }));
    await screen.findByText(/Eine Matrix kann höchstens 50 Spalten haben\./);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await getDb().columns.count()).toBe(50);
  });

  it('adds, renames, reorders and deletes rows from the menus; a deleted row’s cards go to the tray', async () => {
    const user = userEvent.setup();
    const id = await seed(['Bürgerservice'], ['Analog'], { 'Bürgerservice/Analog': ['Meldebescheinigung'] });
    renderBoard(id);
    await screen.findByRole('table');
    const rowTitles = () =>
      screen.getAllByRole('rowheader').map((h) => h.querySelector('.matrix-line-title')!.textContent);

    await user.click(screen.getByRole('button', { name: 'Zeile hinzufügen' }));
    let dialog = screen.getByRole('dialog', { name: 'Neue Zeile' });
    await user.click(within(dialog).getByRole('button', { name: 'Zeile hinzufügen' }));
    expect(within(dialog).getByText('Bitte geben Sie einen Text für „Titel“ ein.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Name der Zeile'), 'Soziales{Enter}');
    await waitFor(() => expect(rowTitles()).toEqual(['Bürgerservice', 'Soziales']));

    await user.click(screen.getByRole('button', { name: 'Aktionen für Zeile „Soziales“' }));
    expect(
      (screen.getByRole('button', { name: 'Nach unten verschieben' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Nach oben verschieben' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Soziales', 'Bürgerservice']));

    await user.click(screen.getByRole('button', { name: 'Aktionen für Zeile „Soziales“' }));
    await user.click(screen.getByRole('button', { name: 'Umbenennen' }));
    dialog = screen.getByRole('dialog', { name: 'Zeile umbenennen' });
    const field = within(dialog).getByLabelText('Name der Zeile');
    await user.clear(field);
    await user.type(field, 'Soziales und Leistungen{Enter}');
    await waitFor(() => expect(rowTitles()).toEqual(['Soziales und Leistungen', 'Bürgerservice']));

    await user.click(screen.getByRole('button', { name: 'Aktionen für Zeile „Bürgerservice“' }));
    await user.click(screen.getByRole('button', { name: 'Zeile löschen' }));
    dialog = screen.getByRole('dialog', { name: 'Zeile „Bürgerservice“ löschen?' });
    expect(dialog.textContent).toContain('Die Karte darin geht nicht verloren');
    await user.click(within(dialog).getByRole('button', { name: 'Zeile löschen' }));
    await waitFor(() => expect(rowTitles()).toEqual(['Soziales und Leistungen']));
    expect(await trayTexts()).toEqual(['Meldebescheinigung']);
    const tray = screen.getByRole('list', { name: 'Karten in „Noch nicht eingeordnet“' });
    await waitFor(() => expect(within(tray).getAllByRole('listitem')).toHaveLength(1));
  });
});
