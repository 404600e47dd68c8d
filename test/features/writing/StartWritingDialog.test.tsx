import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LanWritingRound } from '../../../electron/shared/lanContract';
import { addBoard } from '../../../renderer/src/domain/boardCommands';
import type { AgendaItemId, SessionId } from '../../../renderer/src/domain/ids';
import { addParticipant } from '../../../renderer/src/domain/participants';
import type { AgendaItem, Board } from '../../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../../renderer/src/domain/workshopCommands';
import { resetPhoneVoting } from '../../../renderer/src/features/voting/phone/phoneVoting';
import {
  runningAgendaItem,
  StartWritingDialog,
} from '../../../renderer/src/features/writing/StartWritingDialog';
import { changeLanguage } from '../../../renderer/src/i18n';
import { getDb } from '../../../renderer/src/persistence/db';
import { applyChanges } from '../../../renderer/src/persistence/repository';
import { useAppStore } from '../../../renderer/src/state/store';
import { createFakeLan, installLan, LOOPBACK, type FakeLan } from '../voting/phone/fakeLan';

const { workshop, changes: workshopChanges } = createWorkshop({
  fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'KI-Strategie' },
  template: { boards: [], agenda: [] },
  sessionTitle: 'Sitzung 1',
  now: 1,
});

let board: Board;
let fake: FakeLan;

function agendaItem(patch: Partial<AgendaItem>): AgendaItem {
  return {
    id: 'a1' as AgendaItemId,
    workshopId: workshop.id,
    sessionId: 's1' as SessionId,
    title: 'Stille Ideensammlung',
    boardId: board.id,
    plannedMinutes: 15,
    facilitatorNotes: '',
    rank: 'a0',
    elapsedMs: 0,
    runningSince: null,
    extraMinutes: 0,
    ...patch,
  };
}

async function openDialog(onStarted = vi.fn()) {
  render(<StartWritingDialog board={board} openRound={null} onStarted={onStarted} onClose={vi.fn()} />);
  const dialog = await screen.findByRole('dialog', { name: 'Schreibrunde starten: Vision' });
  // The networks are known: the first one other devices can reach is chosen.
  await within(dialog).findByRole('radio', { name: /WLAN \(wlan0\)/ });
  return dialog;
}

beforeEach(async () => {
  await getDb().delete();
  await getDb().open();
  await changeLanguage('de');
  useAppStore.setState({ past: [], future: [], toasts: [], announcement: { text: '', seq: 0 } });
  resetPhoneVoting();
  const added = addBoard(workshop, [], 'Vision', 1, 'columns');
  board = added.board;
  await applyChanges(getDb(), [...workshopChanges, ...added.changes]);
  fake = createFakeLan();
  installLan(fake.lan);
});

afterEach(() => {
  resetPhoneVoting();
  installLan(null);
});

describe('starting a writing round', { timeout: 20_000 }, () => {
  it('says per field what is missing, goes to the first such field and keeps what was typed', async () => {
    const user = userEvent.setup();
    const dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Schreibrunde starten' }));
    const prompt = within(dialog).getByLabelText('Leitfrage');
    await within(dialog).findByText('Bitte geben Sie eine Leitfrage ein.');
    await waitFor(() => expect(document.activeElement).toBe(prompt));
    expect(prompt.getAttribute('aria-invalid')).toBe('true');

    await user.type(prompt, 'Welche Aufgaben sollten wir zuerst automatisieren?');
    const limit = within(dialog).getByLabelText('Karten pro Person (optional)');
    await user.type(limit, '0');
    await user.click(within(dialog).getByRole('radio', { name: 'Für eine feste Zeit' }));
    const minutes = within(dialog).getByLabelText('Minuten');
    await user.clear(minutes);
    await user.type(minutes, '500');
    await user.click(within(dialog).getByRole('button', { name: 'Schreibrunde starten' }));
    await within(dialog).findByText(
      'Bitte eine ganze Zahl von 1 bis 50 eingeben – oder das Feld leer lassen.',
    );
    within(dialog).getByText('Bitte eine ganze Zahl von 1 bis 240 Minuten eingeben.');
    expect(within(dialog).queryByText('Bitte geben Sie eine Leitfrage ein.')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(limit));
    // Nothing typed is lost, and nothing was opened.
    expect((prompt as HTMLTextAreaElement).value).toBe('Welche Aufgaben sollten wir zuerst automatisieren?');
    expect((minutes as HTMLInputElement).value).toBe('500');
    expect(fake.opened).toEqual([]);
    expect(await getDb().writingRounds.count()).toBe(0);
  });

  it('asks for participants before a round with names', async () => {
    const user = userEvent.setup();
    const dialog = await openDialog();
    await user.type(within(dialog).getByLabelText('Leitfrage'), 'Was fehlt?');
    await user.click(within(dialog).getByRole('radio', { name: 'Mit Namen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Schreibrunde starten' }));
    await within(dialog).findByText(/Für eine Runde mit Namen braucht der Workshop Teilnehmende/);
    within(dialog).getByRole('link', { name: 'Zu den Teilnehmenden' });
    expect(fake.opened).toEqual([]);
  });

  it('opens the round with its settings and serves it to phones on the chosen network', async () => {
    const user = userEvent.setup();
    const anna = addParticipant(workshop, [], { name: 'Anna Schmidt', unit: '', role: '' }, 1);
    await applyChanges(getDb(), anna.changes);
    const onStarted = vi.fn();
    const dialog = await openDialog(onStarted);
    await user.type(within(dialog).getByLabelText('Leitfrage'), '  Welche Aufgaben zuerst?  ');
    await user.type(within(dialog).getByLabelText('Karten pro Person (optional)'), '3');
    await user.click(within(dialog).getByRole('radio', { name: 'Mit Namen' }));
    await user.click(
      within(dialog).getByRole('checkbox', { name: 'Angenommene Karten auf den Handys zeigen' }),
    );
    await user.click(within(dialog).getByRole('radio', { name: 'Für eine feste Zeit' }));
    await user.clear(within(dialog).getByLabelText('Minuten'));
    await user.type(within(dialog).getByLabelText('Minuten'), '5');
    await user.click(within(dialog).getByRole('radio', { name: /^Nur dieser Computer/ }));
    const before = Date.now();
    await user.click(within(dialog).getByRole('button', { name: 'Schreibrunde starten' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalled());

    const [round] = await getDb().writingRounds.toArray();
    expect(round).toMatchObject({
      boardId: board.id,
      prompt: 'Welche Aufgaben zuerst?',
      maxNotesPerPerson: 3,
      anonymous: false,
      showAccepted: true,
      status: 'open',
    });
    expect(round!.closesAt! - before).toBeGreaterThanOrEqual(5 * 60_000 - 1000);
    expect(round!.closesAt! - before).toBeLessThanOrEqual(5 * 60_000 + 5000);
    expect(fake.opened).toHaveLength(1);
    expect(fake.opened[0]!.interfaceId).toBe(LOOPBACK.id);
    const offered = fake.opened[0]!.round as LanWritingRound;
    expect(offered).toMatchObject({ kind: 'write', prompt: 'Welche Aufgaben zuerst?', maxNotesPerPerson: 3 });
    expect(offered.voters.map((v) => v.name)).toEqual(['Anna Schmidt']);
  });

  it('offers the end of the agenda item running on this board as the timebox', async () => {
    const user = userEvent.setup();
    const now = Date.now();
    await applyChanges(getDb(), [
      { table: 'agendaItems', after: agendaItem({ runningSince: now - 5 * 60_000 }) },
    ]);
    expect(runningAgendaItem([agendaItem({ runningSince: now })], board, now)?.endsAt).toBe(
      now + 15 * 60_000,
    );
    expect(runningAgendaItem([agendaItem({ runningSince: null })], board, now)).toBeUndefined();
    const dialog = await openDialog();
    const option = await within(dialog).findByRole('radio', {
      name: /^Bis Ende des Tagesordnungspunkts „Stille Ideensammlung“/,
    });
    await user.click(option);
    await user.type(within(dialog).getByLabelText('Leitfrage'), 'Was fehlt?');
    await user.click(within(dialog).getByRole('button', { name: 'Schreibrunde starten' }));
    await waitFor(async () => expect(await getDb().writingRounds.count()).toBe(1));
    const [round] = await getDb().writingRounds.toArray();
    // Ten minutes were left on the item.
    expect(Math.abs(round!.closesAt! - (now + 10 * 60_000))).toBeLessThan(5_000);
  });

  it('is in English when the app is', async () => {
    await changeLanguage('en');
    render(<StartWritingDialog board={board} openRound={null} onStarted={vi.fn()} onClose={vi.fn()} />);
    const dialog = await screen.findByRole('dialog', { name: 'Start writing round: Vision' });
    within(dialog).getByLabelText('Question');
    within(dialog).getByRole('checkbox', { name: 'Show accepted cards on the phones' });
  });
});
