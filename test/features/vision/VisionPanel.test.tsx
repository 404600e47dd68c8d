import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LiveRegion } from '../../../renderer/src/components/LiveRegion';
import { Toasts } from '../../../renderer/src/components/Toasts';
import type { BoardId, ClusterId, NoteId, WorkshopId } from '../../../renderer/src/domain/ids';
import type { Board, BoardContent, Cluster, Note } from '../../../renderer/src/domain/types';
import { LIMITS } from '../../../renderer/src/domain/validation';
import { undo } from '../../../renderer/src/features/app/commands';
import { VisionPanel } from '../../../renderer/src/features/vision/VisionPanel';
import { changeLanguage } from '../../../renderer/src/i18n';
import { getDb } from '../../../renderer/src/persistence/db';
import { useAppStore } from '../../../renderer/src/state/store';

const workshopId = 'w-1' as WorkshopId;
const board: Board = {
  id: 'b-1' as BoardId,
  workshopId,
  title: 'Vision: KI in der Verwaltung 2030',
  phase: 'vision',
  kind: 'clusters',
  rank: 'a0',
  createdAt: 1,
};
const cluster: Cluster = {
  id: 'c-1' as ClusterId,
  boardId: board.id,
  title: 'Service',
  rank: 'a0',
  collapsed: false,
  focusAreaAt: null,
  description: '',
  createdAt: 1,
  updatedAt: 1,
};

function note(id: string, text: string, clusterId: ClusterId | null, rank: string): Note {
  return {
    id: id as NoteId,
    boardId: board.id,
    columnId: null,
    rowId: null,
    clusterId,
    text,
    color: 'yellow',
    rank,
    sourceNoteId: null,
    facts: null,
    createdAt: 1,
    updatedAt: 1,
  };
}

const content: BoardContent = {
  board,
  columns: [],
  rows: [],
  clusters: [cluster],
  notes: [
    note('n-1', 'Anträge gehen rund um die Uhr online', cluster.id, 'a0'),
    note('n-2', 'KI entlastet von Routine', cluster.id, 'a1'),
    note('n-3', 'Entscheidungen bleiben nachvollziehbar', null, 'a2'),
  ],
};

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  useAppStore.setState({ toasts: [], past: [], future: [] });
  await changeLanguage('de');
});

function renderPanel() {
  return render(
    <>
      <main>
        <VisionPanel content={content} />
      </main>
      <Toasts />
      <LiveRegion />
    </>,
  );
}

const visions = () => getDb().visions.toArray();
const decisions = () => getDb().decisions.toArray();
const textField = () => screen.getByRole('textbox', { name: 'Text des Leitbilds' });

describe('VisionPanel', () => {
  it('shows the empty state, saves typing without leaving the field, and undoes the whole stretch', async () => {
    const user = userEvent.setup();
    renderPanel();
    expect(await screen.findByText(/^Noch kein Leitbild\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Leitbild schreiben' }));
    expect(document.activeElement).toBe(textField());
    await user.type(textField(), 'Wir sind digital');
    // Saved while the field still has focus (debounced), so a reload loses nothing.
    await waitFor(async () => expect((await visions())[0]?.text).toBe('Wir sind digital'));
    expect(useAppStore.getState().past).toHaveLength(0);
    await user.tab();
    await waitFor(() => expect(useAppStore.getState().past).toHaveLength(1));
    await act(() => undo());
    await waitFor(async () => expect(await visions()).toEqual([]));
  });

  it('formats with the toolbar and shows a preview made of elements, never markup', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Leitbild schreiben' }));
    const field = textField() as HTMLTextAreaElement;
    await user.type(field, 'Wir sind digital <img src=x onerror=alert(1)>');
    field.setSelectionRange(9, 16);
    await user.click(screen.getByRole('button', { name: 'Fett' }));
    expect(field.value).toBe('Wir sind **digital** <img src=x onerror=alert(1)>');
    const preview = screen.getByRole('region', { name: 'Vorschau' });
    expect(within(preview).getByText('digital').tagName).toBe('STRONG');
    expect(preview.querySelector('img')).toBeNull();
    expect(preview.textContent).toContain('<img src=x onerror=alert(1)>');
    await user.keyboard('{Control>}i{/Control}');
    expect(field.value).toBe('Wir sind ***digital*** <img src=x onerror=alert(1)>');
    await waitFor(async () => expect((await visions())[0]?.text).toBe(field.value));
  });

  it('formats by keyboard alone: arrows in the toolbar, Strg+Umschalt+L for a list, Enter continues it', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Leitbild schreiben' }));
    const field = textField() as HTMLTextAreaElement;
    await user.type(field, 'Offen');
    await user.keyboard('{Control>}{Shift>}l{/Shift}{/Control}');
    expect(field.value).toBe('- Offen');
    await user.keyboard('{Enter}fair');
    expect(field.value).toBe('- Offen\n- fair');
    field.setSelectionRange(2, 7);
    // To the toolbar (Umschalt+Tab from the text), then along it with the arrow keys.
    screen.getByRole('button', { name: 'Fett' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Kursiv' }));
    await user.keyboard('{Enter}');
    expect(field.value).toBe('- *Offen*\n- fair');
    expect(document.activeElement).toBe(field);
    const preview = screen.getByRole('region', { name: 'Vorschau' });
    expect(within(preview).getAllByRole('listitem')).toHaveLength(2);
    expect(within(preview).getByText('Offen').tagName).toBe('EM');
    await waitFor(async () => expect((await visions())[0]?.text).toBe('- *Offen*\n- fair'));
  });

  it('refuses a text over the limit in German and keeps it', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Leitbild schreiben' }));
    await user.type(textField(), 'Kurz');
    await waitFor(async () => expect((await visions())[0]?.text).toBe('Kurz'));
    const tooLong = 'x'.repeat(LIMITS.visionText + 1);
    fireEvent.change(textField(), { target: { value: tooLong } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/höchstens 10\.000 Zeichen/);
    expect((textField() as HTMLTextAreaElement).value).toBe(tooLong);
    expect(localStorage.getItem(`moderato.visionDraft.${board.id}`)).toBe(tooLong);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await visions())[0]?.text).toBe('Kurz');
    expect(screen.getByRole('button', { name: 'Als beschlossen markieren' }).hasAttribute('disabled')).toBe(
      true,
    );
  });

  it('drafts from chosen statements, grouped by cluster, and links them', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Aus Aussagen formulieren…' }));
    const dialog = screen.getByRole('dialog', { name: 'Aus Aussagen formulieren' });
    const group = within(dialog).getByRole('group', { name: 'Service' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(2);
    expect(within(dialog).getByRole('group', { name: 'Ohne Cluster' })).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Als Entwurf einfügen' }));
    expect(within(dialog).getByRole('alert').textContent).toMatch(/mindestens eine Aussage/);
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'Entscheidungen bleiben nachvollziehbar' }),
    );
    await user.click(within(dialog).getByRole('checkbox', { name: 'Anträge gehen rund um die Uhr online' }));
    await user.click(within(dialog).getByRole('button', { name: 'Als Entwurf einfügen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect((textField() as HTMLTextAreaElement).value).toBe(
        '- Anträge gehen rund um die Uhr online\n- Entscheidungen bleiben nachvollziehbar',
      ),
    );
    expect((await visions())[0]?.sourceNoteIds).toEqual(['n-1', 'n-3']);
    expect(screen.getByText('Beruht auf 2 Aussagen')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('2 Aussagen als Entwurf eingefügt.');
  });

  it('marks as agreed with a decision, read-only, and revokes after a confirmation', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Leitbild schreiben' }));
    await user.type(textField(), 'Wir sind **digital**');
    await user.click(screen.getByRole('button', { name: 'Als beschlossen markieren' }));
    await waitFor(async () => expect(await decisions()).toHaveLength(1));
    const [decision] = await decisions();
    expect(decision!.text).toBe('Leitbild beschlossen: Wir sind digital');
    const [vision] = await visions();
    expect(vision).toMatchObject({ text: 'Wir sind **digital**', decisionId: decision!.id });
    expect(vision!.agreedAt).not.toBeNull();
    expect(await screen.findByText(/^Beschlossen am \d{2}\.\d{2}\.\d{4}\.$/)).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    // The pressed button is gone: focus is on what replaced it, not lost.
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^Beschlossen am /));
    expect(screen.getByRole('status').textContent).toMatch(/^Leitbild als beschlossen markiert\./);

    await user.click(screen.getByRole('button', { name: 'Beschluss aufheben' }));
    const confirm = screen.getByRole('dialog', { name: 'Beschluss zum Leitbild aufheben?' });
    await user.click(within(confirm).getByRole('button', { name: 'Beschluss aufheben' }));
    await waitFor(async () => expect(await decisions()).toEqual([]));
    expect((await visions())[0]).toMatchObject({
      agreedAt: null,
      decisionId: null,
      text: 'Wir sind **digital**',
    });
    expect(await screen.findByRole('textbox', { name: 'Text des Leitbilds' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(textField()));

    // Undo brings the agreement back, decision and all.
    await act(() => undo());
    await waitFor(async () => expect(await decisions()).toEqual([decision]));
  });

  it('loses nothing typed just before the board is left or the page reloads', async () => {
    const user = userEvent.setup();
    const { unmount } = renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Leitbild schreiben' }));
    fireEvent.change(textField(), { target: { value: 'Gerade getippt' } });
    unmount();
    await waitFor(async () => expect((await visions())[0]?.text).toBe('Gerade getippt'));

    // A reload before the save: the text waits in localStorage and is written on opening.
    localStorage.setItem(`moderato.visionDraft.${board.id}`, 'Vor dem Neuladen getippt');
    renderPanel();
    await waitFor(() => expect((textField() as HTMLTextAreaElement).value).toBe('Vor dem Neuladen getippt'));
    await waitFor(async () => expect((await visions())[0]?.text).toBe('Vor dem Neuladen getippt'));
    await waitFor(() => expect(localStorage.getItem(`moderato.visionDraft.${board.id}`)).toBeNull());
  });

  it('unlinks a statement and discards a draft after a confirmation, both undoable', async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(await screen.findByRole('button', { name: 'Aus Aussagen formulieren…' }));
    const dialog = screen.getByRole('dialog', { name: 'Aus Aussagen formulieren' });
    await user.click(within(dialog).getByRole('button', { name: 'Alle angezeigten auswählen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Als Entwurf einfügen' }));
    await waitFor(async () => expect((await visions())[0]?.sourceNoteIds).toEqual(['n-1', 'n-2', 'n-3']));
    await user.click(await screen.findByText('Beruht auf 3 Aussagen'));
    await user.click(screen.getByRole('button', { name: 'Verknüpfung lösen: KI entlastet von Routine' }));
    await waitFor(async () => expect((await visions())[0]?.sourceNoteIds).toEqual(['n-1', 'n-3']));
    expect(screen.getByText('Beruht auf 2 Aussagen')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Entwurf verwerfen' }));
    const confirm = screen.getByRole('dialog', { name: 'Entwurf des Leitbilds verwerfen?' });
    await user.click(within(confirm).getByRole('button', { name: 'Entwurf verwerfen' }));
    await waitFor(async () => expect(await visions()).toEqual([]));
    expect(await screen.findByText(/^Noch kein Leitbild\./)).toBeTruthy();
    await act(() => undo());
    await waitFor(async () => expect((await visions())[0]?.sourceNoteIds).toEqual(['n-1', 'n-3']));
    await act(() => undo());
    await waitFor(async () => expect((await visions())[0]?.sourceNoteIds).toEqual(['n-1', 'n-2', 'n-3']));
  });

  it('folds away and remembers it', async () => {
    const user = userEvent.setup();
    const { unmount } = renderPanel();
    const toggle = await screen.findByRole('button', { name: 'Leitbild einklappen' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Leitbild ausklappen' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    expect(screen.getByText(/^Noch kein Leitbild/).closest('[hidden]')).not.toBeNull();
    unmount();
    renderPanel();
    expect(await screen.findByRole('button', { name: 'Leitbild ausklappen' })).toBeTruthy();
  });
});
