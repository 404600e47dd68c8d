import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WorkshopListScreen } from '../../../renderer/src/features/workshops/WorkshopListScreen';
import { getDb } from '../../../renderer/src/persistence/db';

describe('WorkshopListScreen', () => {
  it('refuses a title of only spaces with a German message and creates nothing, then creates one', async () => {
    const user = userEvent.setup();
    await getDb().workshops.clear();
    render(<WorkshopListScreen />);
    await screen.findByText(/Noch keine Workshops/);

    await user.click(screen.getByRole('button', { name: 'Neuer Workshop' }));
    const dialog = screen.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
    await user.type(within(dialog).getByLabelText('Titel'), '   ');
    await user.type(within(dialog).getByLabelText('Ort'), 'Rathaus');
    await user.click(within(dialog).getByRole('button', { name: 'Workshop anlegen' }));
    expect(within(dialog).getByText('Bitte geben Sie einen Text für „Titel“ ein.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Titel').getAttribute('aria-invalid')).toBe('true');
    // What was typed elsewhere is kept.
    expect((within(dialog).getByLabelText('Ort') as HTMLInputElement).value).toBe('Rathaus');
    expect(await getDb().workshops.count()).toBe(0);

    await user.type(within(dialog).getByLabelText('Titel'), 'Größenwahn & Übermut');
    await user.click(within(dialog).getByRole('button', { name: 'Workshop anlegen' }));
    await waitFor(async () => expect(await getDb().workshops.count()).toBe(1));
    const [saved] = await getDb().workshops.toArray();
    expect(saved).toMatchObject({ title: 'Größenwahn & Übermut', place: 'Rathaus', deletedAt: null });
    // The default template: the four phases of an AI strategy, each with its board.
    const boards = await getDb().boards.toArray();
    expect(boards.map((b) => b.phase).sort()).toEqual(['focus', 'ideas', 'inventory', 'vision']);
    expect(await getDb().agendaItems.count()).toBeGreaterThan(5);
  });

  it('brings back what was typed into "Neuer Workshop" before a reload, until saved or cancelled', async () => {
    const user = userEvent.setup();
    await getDb().workshops.clear();
    const first = render(<WorkshopListScreen />);
    await screen.findByText(/Noch keine Workshops/);
    await user.click(screen.getByRole('button', { name: 'Neuer Workshop' }));
    let dialog = screen.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
    await user.type(within(dialog).getByLabelText('Titel'), 'KI im Bürgeramt');
    await user.type(within(dialog).getByLabelText('Ort'), 'Sitzungssaal 2');
    // The page is reloaded with the dialog open.
    first.unmount();
    render(<WorkshopListScreen />);
    await screen.findByText(/Noch keine Workshops/);
    await user.click(screen.getByRole('button', { name: 'Neuer Workshop' }));
    dialog = screen.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
    expect(within(dialog).getByText(/noch nicht gespeichert war, ist wieder da/)).toBeTruthy();
    expect((within(dialog).getByLabelText('Titel') as HTMLInputElement).value).toBe('KI im Bürgeramt');
    expect((within(dialog).getByLabelText('Ort') as HTMLInputElement).value).toBe('Sitzungssaal 2');
    // Cancelled on purpose: the next dialog starts empty.
    await user.click(within(dialog).getByRole('button', { name: 'Abbrechen' }));
    await user.click(screen.getByRole('button', { name: 'Neuer Workshop' }));
    dialog = screen.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
    expect((within(dialog).getByLabelText('Titel') as HTMLInputElement).value).toBe('');
    expect(within(dialog).queryByText(/ist wieder da/)).toBeNull();
  });

  it('shows a title with markup as text', async () => {
    await getDb().workshops.clear();
    await getDb().workshops.add({
      id: 'w1' as never,
      title: '<img src=x onerror="window.__xss=1">',
      date: '2027-03-24',
      place: '',
      organisation: '',
      facilitators: '',
      minuteTaker: '',
      createdAt: 1,
      updatedAt: 1,
      deletedAt: null,
    });
    const { container } = render(<WorkshopListScreen />);
    await screen.findByText('<img src=x onerror="window.__xss=1">');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText(/24\.03\.2027/)).toBeTruthy();
  });

  it("names the workshop in the accessible names of the bin's buttons", async () => {
    await getDb().workshops.clear();
    await getDb().workshops.add({
      id: 'w-bin' as never,
      title: 'Grünflächenamt 2030',
      date: '',
      place: '',
      organisation: '',
      facilitators: '',
      minuteTaker: '',
      createdAt: 1,
      updatedAt: 1,
      deletedAt: 2,
    });
    render(<WorkshopListScreen />);
    const bin = await screen.findByRole('region', { name: 'Papierkorb' });
    expect(
      within(bin).getByRole('button', { name: 'Workshop „Grünflächenamt 2030“ wiederherstellen' }),
    ).toBeTruthy();
    expect(
      within(bin).getByRole('button', { name: 'Workshop „Grünflächenamt 2030“ endgültig löschen' }),
    ).toBeTruthy();
  });
});
