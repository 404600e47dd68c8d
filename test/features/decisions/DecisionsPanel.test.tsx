import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LiveRegion } from '../../../renderer/src/components/LiveRegion';
import { Toasts } from '../../../renderer/src/components/Toasts';
import { addActionItem, addDecision, localIsoDate } from '../../../renderer/src/domain/decisions';
import type { ActionItem, AgendaItem, Decision } from '../../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../../renderer/src/domain/workshopCommands';
import { undo } from '../../../renderer/src/features/app/commands';
import { DecisionsPanel } from '../../../renderer/src/features/decisions/DecisionsPanel';
import { changeLanguage } from '../../../renderer/src/i18n';
import { getDb } from '../../../renderer/src/persistence/db';
import { applyChanges } from '../../../renderer/src/persistence/repository';
import { useAppStore } from '../../../renderer/src/state/store';

const created = createWorkshop({
  fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'KI-Strategie' },
  template: {
    boards: [],
    agenda: [
      { title: 'Begrüßung', minutes: 15, boardIndex: null, notes: '' },
      { title: 'Vision', minutes: 30, boardIndex: null, notes: '' },
    ],
  },
  sessionTitle: 'Sitzung 1',
  now: 1,
});
const { workshop } = created;
const agenda = created.changes.filter((c) => c.table === 'agendaItems').map((c) => c.after as AgendaItem);

let decision: Decision;
let overdue: ActionItem;
let later: ActionItem;

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  useAppStore.setState({ toasts: [], past: [], future: [] });
  await changeLanguage('de');
  const d = addDecision({
    workshopId: workshop.id,
    fields: { text: 'Die E-Akte kommt 2028.', date: '2027-03-24', agendaItemId: agenda[1]!.id },
    now: 1,
  });
  const a = addActionItem({
    workshopId: workshop.id,
    fields: { owner: 'Frau Kowalczyk', task: 'Pilotbereich benennen', due: '2020-01-31', status: 'open' },
    now: 2,
  });
  const b = addActionItem({
    workshopId: workshop.id,
    fields: { owner: '', task: 'Datenschutz prüfen', due: '', status: 'open' },
    now: 3,
  });
  decision = d.decision;
  overdue = a.actionItem;
  later = b.actionItem;
  await applyChanges(db, [...created.changes, ...d.changes, ...a.changes, ...b.changes]);
});

function renderPanel() {
  return render(
    <>
      <main>
        <DecisionsPanel workshop={workshop} />
      </main>
      <Toasts />
      <LiveRegion />
    </>,
  );
}

/** Each row of a table as its cells' text, without the buttons column. */
function rows(name: string): string[][] {
  const table = screen.queryByRole('table', { name });
  if (!table) return [];
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      Array.from(row.querySelectorAll('td'))
        .slice(0, -1)
        .map((cell) => cell.textContent ?? ''),
    );
}

describe('DecisionsPanel', () => {
  it('shows both sections with German dates, the TOP, and marks an overdue action item in words', async () => {
    renderPanel();
    expect(screen.getByRole('heading', { level: 2, name: /^Beschlüsse/ })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: /^Aufgaben/ })).toBeTruthy();
    await waitFor(() =>
      expect(rows('Beschlüsse')).toEqual([['24.03.2027', 'Die E-Akte kommt 2028.', 'TOP 2: Vision']]),
    );
    await waitFor(() =>
      expect(rows('Aufgaben')).toEqual([
        ['Frau Kowalczyk', 'Pilotbereich benennen', '31.01.2020überfällig', 'Offen'],
        ['–noch niemand eingetragen', 'Datenschutz prüfen', '–ohne Termin', 'Offen'],
      ]),
    );
    const headers = within(screen.getByRole('table', { name: 'Aufgaben' }))
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Wer', 'Was', 'Bis wann', 'Status', 'Aktionen']);
  });

  it('shows dates in English after switching the language', async () => {
    await changeLanguage('en');
    renderPanel();
    await waitFor(() => expect(rows('Decisions')[0]?.[0]).toBe('Mar 24, 2027'));
    expect(await screen.findByText('overdue')).toBeTruthy();
    await changeLanguage('de');
  });

  it('moves the status on with one click: open → doing → done, and overdue goes once done', async () => {
    const user = userEvent.setup();
    renderPanel();
    const button = await screen.findByRole('button', {
      name: 'Offen – Status von „Pilotbereich benennen“ ändern zu „In Arbeit“',
    });
    await user.click(button);
    await waitFor(async () => expect((await getDb().actionItems.get(overdue.id))?.status).toBe('doing'));
    // Said once the save has come back, which may be a moment after the row is readable.
    await waitFor(() =>
      expect(useAppStore.getState().announcement.text).toBe('Aufgabe „Pilotbereich benennen“: In Arbeit.'),
    );
    // In progress sorts after the open ones; focus follows the button.
    await waitFor(() =>
      expect(rows('Aufgaben').map((r) => r[1])).toEqual(['Datenschutz prüfen', 'Pilotbereich benennen']),
    );
    const moved = screen.getByRole('button', { name: /^In Arbeit – Status von „Pilotbereich benennen“/ });
    moved.focus();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await getDb().actionItems.get(overdue.id))?.status).toBe('done'));
    await waitFor(() => expect(screen.queryByText('überfällig')).toBeNull());
  });

  it('deletes an action item and brings it back with "Rückgängig" in the message', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Aufgabe löschen: Datenschutz prüfen' }));
    await waitFor(async () => expect(await getDb().actionItems.get(later.id)).toBeUndefined());
    const toast = await screen.findByText('Aufgabe „Datenschutz prüfen“ gelöscht.');
    await user.click(within(toast.parentElement!).getByRole('button', { name: 'Rückgängig' }));
    await waitFor(async () => expect(await getDb().actionItems.get(later.id)).toEqual(later));
    await waitFor(() => expect(rows('Aufgaben')).toHaveLength(2));
  });

  it('deletes a decision undoably through the history (Strg+Z)', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(
      await screen.findByRole('button', { name: 'Beschluss löschen: Die E-Akte kommt 2028.' }),
    );
    await waitFor(() => expect(screen.getByText(/Noch keine Beschlüsse/)).toBeTruthy());
    // Focus does not fall to the page: it lands on the section heading.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Beschlüsse'));
    await undo();
    await waitFor(() => expect(rows('Beschlüsse')).toHaveLength(1));
    expect(await getDb().decisions.get(decision.id)).toEqual(decision);
  });

  it('edits a decision: new text, no TOP; an emptied text is refused in German and kept', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(
      await screen.findByRole('button', { name: 'Beschluss bearbeiten: Die E-Akte kommt 2028.' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Beschluss bearbeiten' });
    const text = within(dialog).getByLabelText('Text des Beschlusses');
    expect(text).toHaveProperty('value', 'Die E-Akte kommt 2028.');
    expect(within(dialog).getByLabelText('Datum')).toHaveProperty('value', '2027-03-24');
    expect(within(dialog).queryByRole('radio')).toBeNull();

    await user.clear(text);
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    expect(within(dialog).getByText('Bitte geben Sie den Text des Beschlusses ein.')).toBeTruthy();

    await user.type(text, 'Die E-Akte kommt 2029.');
    await user.selectOptions(within(dialog).getByLabelText('Tagesordnungspunkt (TOP)'), 'Kein TOP');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await getDb().decisions.get(decision.id)).toMatchObject({
      text: 'Die E-Akte kommt 2029.',
      agendaItemId: null,
    });
    await waitFor(() =>
      expect(rows('Beschlüsse')).toEqual([['24.03.2027', 'Die E-Akte kommt 2029.', '–ohne TOP']]),
    );
  });

  it('edits an action item: owner, due date and status at once', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Aufgabe bearbeiten: Datenschutz prüfen' }));
    const dialog = screen.getByRole('dialog', { name: 'Aufgabe bearbeiten' });
    await user.type(within(dialog).getByLabelText('Wer'), 'Herr Şahin');
    await user.type(within(dialog).getByLabelText('Bis wann'), '2099-12-31');
    await user.selectOptions(within(dialog).getByLabelText('Status'), 'Erledigt');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await getDb().actionItems.get(later.id)).toMatchObject({
      owner: 'Herr Şahin',
      due: '2099-12-31',
      status: 'done',
    });
  });

  it('keeps the label of a TOP deleted since, saying so', async () => {
    await getDb().agendaItems.delete(agenda[1]!.id);
    renderPanel();
    await waitFor(() => expect(rows('Beschlüsse')[0]?.[2]).toBe('(TOP gelöscht)'));
  });

  it('adds a decision from the panel, dated today, without a TOP', async () => {
    const user = userEvent.setup();
    await getDb().decisions.clear();
    renderPanel();
    await screen.findByText(/Noch keine Beschlüsse/);
    await user.click(screen.getByRole('button', { name: 'Beschluss hinzufügen' }));
    const dialog = screen.getByRole('dialog', { name: 'Neuer Beschluss' });
    await user.type(
      within(dialog).getByLabelText('Text des Beschlusses'),
      'Ein Lenkungskreis wird eingerichtet.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    await waitFor(async () =>
      expect(await getDb().decisions.toArray()).toMatchObject([
        { text: 'Ein Lenkungskreis wird eingerichtet.', date: localIsoDate(new Date()), agendaItemId: null },
      ]),
    );
  });
});
