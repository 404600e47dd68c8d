import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addBoard, addColumn } from '../../../renderer/src/domain/boardCommands';
import type { Change } from '../../../renderer/src/domain/changes';
import type { BoardId, WorkshopId } from '../../../renderer/src/domain/ids';
import type { BoardContent, WritingRound } from '../../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../../renderer/src/domain/workshopCommands';
import { receiveNote } from '../../../renderer/src/domain/writing';
import { resetPhoneVoting } from '../../../renderer/src/features/voting/phone/phoneVoting';
import { ProjectorWriting } from '../../../renderer/src/features/writing/ProjectorWriting';
import { WritingFrame } from '../../../renderer/src/features/writing/WritingFrame';
import { changeLanguage } from '../../../renderer/src/i18n';
import { getDb } from '../../../renderer/src/persistence/db';
import { useBoardContent } from '../../../renderer/src/persistence/hooks';
import { applyChanges } from '../../../renderer/src/persistence/repository';
import { useAppStore } from '../../../renderer/src/state/store';
import { createFakeLan, installLan, type FakeLan } from '../voting/phone/fakeLan';

const { workshop, changes: workshopChanges } = createWorkshop({
  fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'KI-Strategie' },
  template: { boards: [], agenda: [] },
  sessionTitle: 'Sitzung 1',
  now: 1,
});

let boardId: BoardId;
let fake: FakeLan;
let boardRenders = 0;

function FakeBoard() {
  boardRenders += 1;
  return <p>Das Board</p>;
}

function LiveFrame() {
  const loaded = useBoardContent(boardId);
  const content = loaded?.content;
  return content ? (
    <WritingFrame content={content}>
      <FakeBoard />
    </WritingFrame>
  ) : null;
}

async function openRound(): Promise<WritingRound> {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Schreibrunde starten …' }));
  const dialog = await screen.findByRole('dialog', { name: 'Schreibrunde starten: Vision' });
  await within(dialog).findByRole('radio', { name: /WLAN/ });
  await user.type(within(dialog).getByLabelText('Leitfrage'), 'Was sollten wir zuerst automatisieren?');
  await user.click(within(dialog).getByRole('button', { name: 'Schreibrunde starten' }));
  await screen.findByRole('region', { name: 'Schreibrunde mit dem Handy' });
  const [round] = await getDb().writingRounds.toArray();
  return round!;
}

async function arrive(round: WritingRound, n: number, text: string): Promise<void> {
  await applyChanges(
    getDb(),
    receiveNote(
      round,
      undefined,
      {
        deviceId: `device-${String(n).padStart(16, '0')}`,
        clientId: `card-${String(n).padStart(8, '0')}`,
        participantId: null,
        text,
        withdrawn: false,
        version: 1,
        receivedAt: Date.now(),
      },
      Date.now(),
    ),
  );
}

beforeEach(async () => {
  await getDb().delete();
  await getDb().open();
  await changeLanguage('de');
  useAppStore.setState({ past: [], future: [], toasts: [], announcement: { text: '', seq: 0 } });
  resetPhoneVoting();
  boardRenders = 0;
  const added = addBoard(workshop, [], 'Vision', 1, 'columns');
  boardId = added.board.id;
  const content: BoardContent = { board: added.board, columns: [], rows: [], clusters: [], notes: [] };
  const all: Change[] = [...workshopChanges, ...added.changes, ...addColumn(content, 'Ideen').changes];
  await applyChanges(getDb(), all);
  fake = createFakeLan();
  installLan(fake.lan);
});

afterEach(() => {
  resetPhoneVoting();
  installLan(null);
});

describe('the writing round beside a board', { timeout: 20_000 }, () => {
  it('starts a round: the panel shows the join code and takes the focus; arrivals do not re-render the board', async () => {
    render(<LiveFrame />);
    await screen.findByText('Das Board');
    const round = await openRound();
    const panel = screen.getByRole('region', { name: 'Schreibrunde mit dem Handy' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Schreibrunde mit dem Handy'));
    within(panel).getByRole('img', {
      name: 'QR-Code zum Schreiben mit dem Handy: http://192.168.1.20:8730/j/K7M2QX',
    });
    within(panel).getByText('Was sollten wir zuerst automatisieren?');
    screen.getByRole('complementary', { name: 'Eingang (0)' });

    const before = boardRenders;
    await act(() => arrive(round, 1, 'E-Akte einführen'));
    await act(() => arrive(round, 2, 'Chatbot'));
    await screen.findByRole('complementary', { name: 'Eingang (2)' });
    await screen.findByText('Chatbot');
    expect(within(panel).getByText('Eingegangen').nextElementSibling?.textContent).toBe('2');
    expect(boardRenders).toBe(before);
  });

  it('ends the round after asking; the waiting cards stay in the inbox, and it can be folded away', async () => {
    const user = userEvent.setup();
    render(<LiveFrame />);
    const round = await openRound();
    await act(() => arrive(round, 1, 'E-Akte einführen'));
    await screen.findByText('E-Akte einführen');
    await user.click(screen.getByRole('button', { name: 'Schreibrunde beenden' }));
    const confirm = await screen.findByRole('dialog', { name: 'Schreibrunde beenden?' });
    within(confirm).getByText(/1 Karte wartet noch im Eingang/);
    await user.click(within(confirm).getByRole('button', { name: 'Schreibrunde beenden' }));
    await waitFor(async () => expect((await getDb().writingRounds.get(round.id))?.status).toBe('closed'));
    expect(fake.closed).toContain(round.id);
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Schreibrunde mit dem Handy' })).toBeNull(),
    );
    screen.getByRole('complementary', { name: 'Eingang (1)' });
    screen.getByText('E-Akte einführen');
    // A new round can be started on this board again.
    screen.getByRole('button', { name: 'Schreibrunde starten …' });

    const toggle = screen.getByRole('button', { name: 'Eingang (1)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(toggle);
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the projector the question and the count of cards, never their text', async () => {
    render(<LiveFrame />);
    const round = await openRound();
    await act(() => arrive(round, 1, 'Geheime Karte'));
    await act(() => arrive(round, 2, 'Noch eine'));
    render(
      <ProjectorWriting workshopId={workshop.id as WorkshopId}>
        <p>Projiziertes Board</p>
      </ProjectorWriting>,
    );
    screen.getByText('Projiziertes Board');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Auf dem Projektor zeigen' }));
    const shown = await screen.findByRole('region', { name: 'Schreiben Sie mit dem Handy' });
    await within(shown).findByText('2 Karten eingegangen');
    within(shown).getByText('Was sollten wir zuerst automatisieren?');
    expect(shown.textContent).not.toContain('Geheime Karte');
    expect(screen.queryByText('Projiziertes Board')).toBeNull();
  });
});
