import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LiveRegion } from '../../../renderer/src/components/LiveRegion';
import { Toasts } from '../../../renderer/src/components/Toasts';
import type { ParticipantId } from '../../../renderer/src/domain/ids';
import type { Participant } from '../../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../../renderer/src/domain/workshopCommands';
import { undo } from '../../../renderer/src/features/app/commands';
import { ParticipantsPanel } from '../../../renderer/src/features/participants/ParticipantsPanel';
import { getDb } from '../../../renderer/src/persistence/db';
import { useAppStore } from '../../../renderer/src/state/store';

const { workshop } = createWorkshop({
  fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'KI-Strategie' },
  template: { boards: [], agenda: [] },
  sessionTitle: 'Sitzung 1',
  now: 1,
});

function renderPanel() {
  return render(
    <>
      <ParticipantsPanel workshop={workshop} />
      <Toasts />
      <LiveRegion />
    </>,
  );
}

async function seed(...people: Array<[string, string, string]>) {
  await getDb().participants.bulkAdd(
    people.map(([name, unit, role], i): Participant => ({
      id: `p${i}` as ParticipantId,
      workshopId: workshop.id,
      name,
      unit,
      role,
      createdAt: i,
    })),
  );
}

/** The table as text: name, unit, role per row, in display order. */
function tableRows(): string[][] {
  const table = screen.queryByRole('table', { name: 'Teilnehmende des Workshops' });
  if (!table) return [];
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      Array.from(row.querySelectorAll('th, td'))
        .slice(0, 3)
        .map((cell) => cell.textContent ?? ''),
    );
}

function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

beforeEach(async () => {
  await getDb().participants.clear();
  useAppStore.setState({ toasts: [], past: [], future: [] });
});

describe('ParticipantsPanel', () => {
  it('shows an empty list, refuses a missing name in German and keeps what was typed', async () => {
    const user = userEvent.setup();
    renderPanel();
    await screen.findByText(/Noch keine Teilnehmenden/);
    expect(screen.getByRole('heading', { level: 2, name: 'Teilnehmende' })).toBeTruthy();
    expect(screen.getByText('0 Personen')).toBeTruthy();

    const form = screen.getByRole('form', { name: 'Person hinzufügen' });
    await user.type(within(form).getByLabelText('Organisationseinheit'), 'Senatskanzlei, Ref. 12');
    await user.type(within(form).getByLabelText('Rolle'), 'Leitung');
    await user.click(within(form).getByRole('button', { name: 'Hinzufügen' }));

    const name = within(form).getByLabelText('Name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(name)).toContain('Bitte geben Sie einen Namen ein.');
    expect(document.activeElement).toBe(name);
    expect((within(form).getByLabelText('Organisationseinheit') as HTMLInputElement).value).toBe(
      'Senatskanzlei, Ref. 12',
    );
    expect(await getDb().participants.count()).toBe(0);

    // Keyboard only: type the name and press Enter.
    await user.type(name, 'Łukasz Wróbel{Enter}');
    await waitFor(() =>
      expect(tableRows()).toEqual([['Łukasz Wróbel', 'Senatskanzlei, Ref. 12', 'Leitung']]),
    );
    expect(screen.getByText('1 Person')).toBeTruthy();
    expect((name as HTMLInputElement).value).toBe('');
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(name);
  });

  it('keeps a person half typed over a reload, and forgets it once added', async () => {
    const user = userEvent.setup();
    const first = renderPanel();
    await screen.findByText(/Noch keine Teilnehmenden/);
    let form = screen.getByRole('form', { name: 'Person hinzufügen' });
    await user.type(within(form).getByLabelText('Name'), 'Ayşe Yılmaz');
    await user.type(within(form).getByLabelText('Rolle'), 'Protokoll');
    first.unmount();
    const second = renderPanel();
    await screen.findByText(/Noch keine Teilnehmenden/);
    form = screen.getByRole('form', { name: 'Person hinzufügen' });
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('Ayşe Yılmaz');
    expect((within(form).getByLabelText('Rolle') as HTMLInputElement).value).toBe('Protokoll');
    await user.click(within(form).getByRole('button', { name: 'Hinzufügen' }));
    await waitFor(() => expect(tableRows()).toEqual([['Ayşe Yılmaz', '', 'Protokoll']]));
    second.unmount();
    renderPanel();
    form = await screen.findByRole('form', { name: 'Person hinzufügen' });
    expect((within(form).getByLabelText('Name') as HTMLInputElement).value).toBe('');
  });

  it('refuses a duplicate and a too-long unit next to the field, nothing saved', async () => {
    const user = userEvent.setup();
    await seed(['Şükrü Öztürk', 'Amt für Digitales', '']);
    renderPanel();
    await waitFor(() => expect(tableRows()).toHaveLength(1));
    const form = screen.getByRole('form', { name: 'Person hinzufügen' });
    await user.type(within(form).getByLabelText('Name'), 'ŞÜKRÜ ÖZTÜRK');
    await user.type(within(form).getByLabelText('Organisationseinheit'), 'amt für digitales');
    await user.click(within(form).getByRole('button', { name: 'Hinzufügen' }));
    expect(descriptionOf(within(form).getByLabelText('Name'))).toContain(
      '„ŞÜKRÜ ÖZTÜRK“ aus „amt für digitales“ steht schon in der Liste.',
    );

    const unit = within(form).getByLabelText('Organisationseinheit');
    fireEvent.change(unit, { target: { value: 'U'.repeat(201) } });
    await user.click(within(form).getByRole('button', { name: 'Hinzufügen' }));
    expect(descriptionOf(unit)).toContain('höchstens 200 Zeichen lang sein, jetzt sind es 201');
    expect((unit as HTMLInputElement).value).toBe('U'.repeat(201));
    expect(await getDb().participants.count()).toBe(1);
  });

  it('names a single duplicate row in the singular', async () => {
    const user = userEvent.setup();
    await seed(['Anna Schmidt', 'Ref. 12', '']);
    renderPanel();
    await waitFor(() => expect(tableRows()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Liste einfügen' }));
    const dialog = screen.getByRole('dialog', { name: 'Liste von Teilnehmenden einfügen' });
    await user.click(within(dialog).getByLabelText('Zeilen aus der Tabelle'));
    await user.paste('Ben Öztürk\tBürgeramt\nAnna Schmidt\tRef. 12\n');
    await within(dialog).findByText('Neu: 1');
    expect(within(dialog).getByText('Doppelt ist die Zeile 2.')).toBeTruthy();
  });

  it('pastes a list: live preview counts, then "Übernehmen" adds the new people sorted by name', async () => {
    const user = userEvent.setup();
    await seed(['Anna Schmidt', 'Ref. 12', '']);
    renderPanel();
    await waitFor(() => expect(tableRows()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Liste einfügen' }));
    const dialog = screen.getByRole('dialog', { name: 'Liste von Teilnehmenden einfügen' });
    const field = within(dialog).getByLabelText('Zeilen aus der Tabelle');
    expect(document.activeElement).toBe(field);
    expect(within(dialog).getByText('Noch nichts eingefügt.')).toBeTruthy();

    await user.click(field);
    await user.paste(
      'Name\tOrganisationseinheit\tRolle\n' +
        'Zoë Ağrı\tBürgeramt\tMitglied\n' +
        '\n' +
        'anna schmidt\tREF. 12\n' +
        'Łukasz Wróbel\tStadtentwicklung\n' +
        'Özlem Çelik\tBürgeramt\n' +
        'Zoë Ağrı\tBürgeramt\n',
    );
    await within(dialog).findByText('Neu: 3');
    expect(within(dialog).getByText('Doppelt, nicht übernommen: 2')).toBeTruthy();
    expect(within(dialog).getByText('Leere Zeilen übersprungen: 1')).toBeTruthy();
    expect(within(dialog).getByText('Zeile 1 ist eine Überschrift und wird nicht übernommen.')).toBeTruthy();
    expect(within(dialog).getByText('Doppelt sind die Zeilen 4, 7.')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Übernehmen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // German order: Ł after L, Ö with O, Z last.
    await waitFor(() =>
      expect(tableRows().map((r) => r[0])).toEqual([
        'Anna Schmidt',
        'Łukasz Wróbel',
        'Özlem Çelik',
        'Zoë Ağrı',
      ]),
    );
    expect(screen.getByText('3 Personen übernommen.')).toBeTruthy();

    // One undo step takes the whole paste back.
    await undo();
    await waitFor(() => expect(tableRows().map((r) => r[0])).toEqual(['Anna Schmidt']));
  });

  it('refuses 5,000 pasted rows as a whole, keeps the text and adds nobody', async () => {
    const user = userEvent.setup();
    renderPanel();
    await screen.findByText(/Noch keine Teilnehmenden/);
    await user.click(screen.getByRole('button', { name: 'Liste einfügen' }));
    const dialog = screen.getByRole('dialog', { name: 'Liste von Teilnehmenden einfügen' });
    const field = within(dialog).getByLabelText('Zeilen aus der Tabelle') as HTMLTextAreaElement;
    const text = Array.from({ length: 5000 }, (_, i) => `Person ${i + 1}\tReferat ${i % 9}`).join('\n');
    fireEvent.change(field, { target: { value: text } });

    const expected =
      'Die Liste enthält 5.000 neue Teilnehmende, ein Workshop kann aber höchstens 1.000 haben. ' +
      'Es wurde nichts übernommen.';
    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain(expected));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(field)).toContain(expected);

    await user.click(within(dialog).getByRole('button', { name: 'Übernehmen' }));
    expect(within(dialog).getByRole('alert').textContent).toContain(expected);
    expect(field.value).toBe(text);
    expect(document.activeElement).toBe(field);
    expect(await getDb().participants.count()).toBe(0);
  });

  it('lists too-long fields with their line numbers and refuses to take the list until they are fixed', async () => {
    const user = userEvent.setup();
    renderPanel();
    await screen.findByText(/Noch keine Teilnehmenden/);
    await user.click(screen.getByRole('button', { name: 'Liste einfügen' }));
    const dialog = screen.getByRole('dialog', { name: 'Liste von Teilnehmenden einfügen' });
    const field = within(dialog).getByLabelText('Zeilen aus der Tabelle') as HTMLTextAreaElement;
    const text = `Anna;Ref. 1\nBen;${'x'.repeat(250)}`;
    fireEvent.change(field, { target: { value: text } });
    await within(dialog).findByText(
      'Zeile 2: Die Organisationseinheit hat 250 Zeichen, erlaubt sind höchstens 200.',
    );
    expect(descriptionOf(field)).toContain('Zeile 2: Die Organisationseinheit hat 250 Zeichen');

    await user.click(within(dialog).getByRole('button', { name: 'Übernehmen' }));
    expect(within(dialog).getByRole('alert').textContent).toBe(
      '1 Zeile muss noch korrigiert werden (siehe unten). Es wurde nichts übernommen; der Text bleibt im Feld.',
    );
    expect(field.value).toBe(text);
    expect(await getDb().participants.count()).toBe(0);

    fireEvent.change(field, { target: { value: 'Anna;Ref. 1\nBen;Ref. 2' } });
    await within(dialog).findByText('Neu: 2');
    expect(within(dialog).queryByRole('alert')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Übernehmen' }));
    await waitFor(() => expect(tableRows().map((r) => r[0])).toEqual(['Anna', 'Ben']));
  });

  it('edits a participant in a dialog and removes one, restored through the toast', async () => {
    const user = userEvent.setup();
    await seed(['Anna Schmidt', 'Ref. 12', 'Leitung'], ['Ben Ağrı', 'Ref. 13', '']);
    renderPanel();
    await waitFor(() => expect(tableRows()).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: 'Bearbeiten: Ben Ağrı' }));
    const dialog = screen.getByRole('dialog', { name: 'Angaben zur Person bearbeiten' });
    const role = within(dialog).getByLabelText('Rolle');
    await user.type(role, 'Protokoll');
    // Becoming a duplicate of Anna is refused, the dialog stays with the text.
    const name = within(dialog).getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'anna schmidt');
    await user.clear(within(dialog).getByLabelText('Organisationseinheit'));
    await user.type(within(dialog).getByLabelText('Organisationseinheit'), 'ref. 12');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    expect(descriptionOf(name)).toContain('steht schon in der Liste');
    expect((role as HTMLInputElement).value).toBe('Protokoll');

    await user.clear(name);
    await user.type(name, 'Ben Ağrı-Öz');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(tableRows()).toEqual([
        ['Anna Schmidt', 'Ref. 12', 'Leitung'],
        ['Ben Ağrı-Öz', 'ref. 12', 'Protokoll'],
      ]),
    );

    await user.click(screen.getByRole('button', { name: 'Entfernen: Anna Schmidt' }));
    await waitFor(() => expect(tableRows().map((r) => r[0])).toEqual(['Ben Ağrı-Öz']));
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'Teilnehmende' }));
    const toast = screen.getByText('„Anna Schmidt“ aus der Liste entfernt.').closest('.toast') as HTMLElement;
    await user.click(within(toast).getByRole('button', { name: 'Rückgängig' }));
    await waitFor(() =>
      expect(tableRows()).toEqual([
        ['Anna Schmidt', 'Ref. 12', 'Leitung'],
        ['Ben Ağrı-Öz', 'ref. 12', 'Protokoll'],
      ]),
    );
  });
});
