import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveRegion } from '../../../renderer/src/components/LiveRegion';
import { Toasts } from '../../../renderer/src/components/Toasts';
import { localIsoDate } from '../../../renderer/src/domain/decisions';
import type { AgendaItem } from '../../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../../renderer/src/domain/workshopCommands';
import { CaptureShortcut } from '../../../renderer/src/features/decisions/CaptureShortcut';
import { getDb } from '../../../renderer/src/persistence/db';
import { applyChanges } from '../../../renderer/src/persistence/repository';
import { useAppStore } from '../../../renderer/src/state/store';

const created = createWorkshop({
  fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'KI-Strategie' },
  template: {
    boards: [],
    agenda: [
      { title: 'Begrüßung', minutes: 15, boardIndex: null, notes: '' },
      { title: 'Vision: Leitbild formulieren', minutes: 30, boardIndex: null, notes: '' },
    ],
  },
  sessionTitle: 'Sitzung 1',
  now: 1,
});
const { workshop } = created;
const agenda = created.changes.filter((c) => c.table === 'agendaItems').map((c) => c.after as AgendaItem);

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  await applyChanges(db, created.changes);
  useAppStore.setState({ toasts: [], past: [], future: [] });
});
afterEach(() => {
  vi.restoreAllMocks();
});

function renderShortcut(extra?: React.ReactNode) {
  return render(
    <>
      <textarea aria-label="Neue Karte" />
      <CaptureShortcut workshop={workshop} />
      {extra}
      <Toasts />
      <LiveRegion />
    </>,
  );
}

const shortcut = '{Control>}{Shift>}E{/Shift}{/Control}';

describe('CaptureShortcut', () => {
  it('offers a "Festhalten" button that names its shortcut', () => {
    renderShortcut();
    const button = screen.getByRole('button', { name: 'Festhalten' });
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Control+Shift+E Meta+Shift+E');
    expect(button.getAttribute('title')).toBe('Beschluss oder Aufgabe festhalten (Strg+Umschalt+E)');
  });

  it('opens with Strg+Umschalt+E even while typing, defaults to today and the running TOP, and saves a decision in one step', async () => {
    await getDb().agendaItems.update(agenda[1]!.id, { runningSince: Date.now() });
    const user = userEvent.setup();
    renderShortcut();
    await user.click(screen.getByRole('textbox', { name: 'Neue Karte' }));
    await user.keyboard(shortcut);

    const dialog = screen.getByRole('dialog', { name: 'Beschluss oder Aufgabe festhalten' });
    expect(within(dialog).getByRole('radio', { name: 'Beschluss' })).toHaveProperty('checked', true);
    expect(within(dialog).getByLabelText('Datum')).toHaveProperty('value', localIsoDate(new Date()));
    const top = within(dialog).getByLabelText('Tagesordnungspunkt (TOP)') as HTMLSelectElement;
    await waitFor(() =>
      expect(top.selectedOptions[0]?.textContent).toBe('TOP 2: Vision: Leitbild formulieren'),
    );
    expect(within(dialog).getByText('Vorbelegt mit dem TOP, der gerade läuft.')).toBeTruthy();
    // The first field is the one the browser focuses when the modal opens.
    expect(within(dialog).getByLabelText('Text des Beschlusses').hasAttribute('autofocus')).toBe(true);

    await user.type(within(dialog).getByLabelText('Text des Beschlusses'), 'Wir führen die E-Akte ein.');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [decision] = await getDb().decisions.toArray();
    expect(decision).toMatchObject({
      workshopId: workshop.id,
      text: 'Wir führen die E-Akte ein.',
      date: localIsoDate(new Date()),
      agendaItemId: agenda[1]!.id,
      votingRoundId: null,
    });
    expect(useAppStore.getState().announcement.text).toBe(
      'Beschluss festgehalten: Wir führen die E-Akte ein.',
    );
    // One undo step.
    expect(useAppStore.getState().past).toHaveLength(1);
  });

  it('records an action item, keeping the typed text when switching from Beschluss to Aufgabe', async () => {
    const user = userEvent.setup();
    renderShortcut();
    await user.click(screen.getByRole('button', { name: 'Festhalten' }));
    const dialog = screen.getByRole('dialog');
    // Without a running TOP there is no preset.
    await waitFor(() =>
      expect((within(dialog).getByLabelText('Tagesordnungspunkt (TOP)') as HTMLSelectElement).value).toBe(''),
    );
    await user.type(within(dialog).getByLabelText('Text des Beschlusses'), 'Pilotbereich benennen');
    await user.click(within(dialog).getByRole('radio', { name: 'Aufgabe' }));
    expect(within(dialog).getByLabelText('Was')).toHaveProperty('value', 'Pilotbereich benennen');
    await user.type(within(dialog).getByLabelText('Wer'), 'Frau Kowalczyk');
    await user.type(within(dialog).getByLabelText('Bis wann'), '2027-04-30');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await getDb().actionItems.toArray()).toMatchObject([
      { owner: 'Frau Kowalczyk', task: 'Pilotbereich benennen', due: '2027-04-30', status: 'open' },
    ]);
    expect(await getDb().decisions.count()).toBe(0);

    // The next capture starts with the kind used last.
    await user.keyboard(shortcut);
    expect(within(screen.getByRole('dialog')).getByRole('radio', { name: 'Aufgabe' })).toHaveProperty(
      'checked',
      true,
    );
  });

  it('refuses an empty text with a German message and keeps everything else', async () => {
    const user = userEvent.setup();
    renderShortcut();
    await user.keyboard(shortcut);
    const dialog = screen.getByRole('dialog');
    await user.clear(within(dialog).getByLabelText('Datum'));
    await user.type(within(dialog).getByLabelText('Datum'), '2027-03-24');
    await user.type(within(dialog).getByLabelText('Text des Beschlusses'), '   ');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    const field = within(dialog).getByLabelText('Text des Beschlusses');
    expect(within(dialog).getByText('Bitte geben Sie den Text des Beschlusses ein.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    expect(within(dialog).getByLabelText('Datum')).toHaveProperty('value', '2027-03-24');
    expect(await getDb().decisions.count()).toBe(0);
  });

  it('says when the browser could not read a typed date, instead of saving without it', async () => {
    const user = userEvent.setup();
    renderShortcut();
    await user.keyboard(shortcut);
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Aufgabe' }));
    await user.type(within(dialog).getByLabelText('Was'), 'Datenschutz prüfen');
    // jsdom cannot type a half date; Chromium reports 31.02. like this (see the e2e test).
    const due = within(dialog).getByLabelText('Bis wann') as HTMLInputElement;
    Object.defineProperty(due, 'validity', { value: { badInput: true } });
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    expect(
      within(dialog).getByText(
        '„Bis wann“ ist kein gültiges Datum. Bitte geben Sie ein Datum wie 24.03.2027 ein – alles andere bleibt erhalten.',
      ),
    ).toBeTruthy();
    expect(within(dialog).getByLabelText('Was')).toHaveProperty('value', 'Datenschutz prüfen');
    expect(await getDb().actionItems.count()).toBe(0);
  });

  it('stays open with the text when saving fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = getDb();
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
    // Reads work, every write fails (a full or broken disk).
    vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) =>
      args[0] === 'rw' ? Promise.reject(new Error('disk gone')) : transaction(...args)) as never);
    const user = userEvent.setup();
    renderShortcut();
    await user.keyboard(shortcut);
    const dialog = screen.getByRole('dialog');
    await user.type(within(dialog).getByLabelText('Text des Beschlusses'), 'Bleibt erhalten');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));

    await screen.findByText(/Die Änderung konnte nicht gespeichert werden/);
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect(within(dialog).getByLabelText('Text des Beschlusses')).toHaveProperty('value', 'Bleibt erhalten');
    expect(await getDb().decisions.count()).toBe(0);
  });

  it('brings back an action item typed after one saved, as an action item, though a reload forgets the kind', async () => {
    const user = userEvent.setup();
    const first = renderShortcut();
    await user.click(screen.getByRole('button', { name: 'Festhalten' }));
    let dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Aufgabe' }));
    await user.type(within(dialog).getByLabelText('Was'), 'Beamer bestellen');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The next capture opens as an action item; what is typed there is not a switch of the kind.
    await user.click(screen.getByRole('button', { name: 'Festhalten' }));
    dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: 'Aufgabe' })).toHaveProperty('checked', true);
    await user.type(within(dialog).getByLabelText('Wer'), 'Anna');
    await user.type(within(dialog).getByLabelText('Was'), 'Raum buchen');
    first.unmount();
    renderShortcut();
    await user.click(screen.getByRole('button', { name: 'Festhalten' }));
    dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: 'Aufgabe' })).toHaveProperty('checked', true);
    expect(within(dialog).getByLabelText('Wer')).toHaveProperty('value', 'Anna');
    expect(within(dialog).getByLabelText('Was')).toHaveProperty('value', 'Raum buchen');
  });

  it('takes over a draft kept under the earlier key, once', async () => {
    const old = `moderato.entry.new:${workshop.id}`;
    localStorage.setItem(
      old,
      JSON.stringify({ kind: 'action', text: 'Altes Stück', owner: 'Frau Kaya', due: '' }),
    );
    const user = userEvent.setup();
    renderShortcut();
    await user.click(screen.getByRole('button', { name: 'Festhalten' }));
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: 'Aufgabe' })).toHaveProperty('checked', true);
    expect(within(dialog).getByLabelText('Was')).toHaveProperty('value', 'Altes Stück');
    expect(within(dialog).getByLabelText('Wer')).toHaveProperty('value', 'Frau Kaya');
    expect(localStorage.getItem(old)).toBeNull();
  });

  it('brings back what was typed before a reload, until it is saved or cancelled', async () => {
    const user = userEvent.setup();
    const first = renderShortcut();
    await user.click(screen.getByRole('button', { name: 'Festhalten' }));
    let dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Aufgabe' }));
    await user.type(within(dialog).getByLabelText('Was'), 'Datenschutz prüfen');
    await user.type(within(dialog).getByLabelText('Wer'), 'Herr Öztürk');
    // The page is reloaded with the dialog open.
    first.unmount();
    renderShortcut();
    await user.click(screen.getByRole('button', { name: 'Festhalten' }));
    dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText(/noch nicht gespeichert war, ist wieder da/)).toBeTruthy();
    expect(within(dialog).getByRole('radio', { name: 'Aufgabe' })).toHaveProperty('checked', true);
    expect(within(dialog).getByLabelText('Was')).toHaveProperty('value', 'Datenschutz prüfen');
    expect(within(dialog).getByLabelText('Wer')).toHaveProperty('value', 'Herr Öztürk');

    // Cancelled on purpose: the next capture starts empty.
    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    await user.click(screen.getByRole('button', { name: 'Festhalten' }));
    dialog = screen.getByRole('dialog');
    expect(within(dialog).queryByText(/ist wieder da/)).toBeNull();
    await user.type(within(dialog).getByLabelText('Text des Beschlusses'), 'Wir prüfen den Datenschutz.');
    await user.click(within(dialog).getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Saved: nothing is kept to come back.
    await user.click(screen.getByRole('button', { name: 'Festhalten' }));
    expect(within(screen.getByRole('dialog')).getByLabelText('Text des Beschlusses')).toHaveProperty(
      'value',
      '',
    );
  });

  it('does not open a second dialog on top of an open modal', async () => {
    const user = userEvent.setup();
    renderShortcut(
      <dialog open aria-label="Anderer Dialog">
        <input aria-label="Feld im Dialog" />
      </dialog>,
    );
    await user.click(screen.getByLabelText('Feld im Dialog'));
    await user.keyboard(shortcut);
    expect(screen.queryByRole('dialog', { name: 'Beschluss oder Aufgabe festhalten' })).toBeNull();
  });
});
