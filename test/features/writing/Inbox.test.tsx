import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useMemo } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { addBoard, addColumn } from '../../../renderer/src/domain/boardCommands';
import type { Change } from '../../../renderer/src/domain/changes';
import type { BoardId, ParticipantId } from '../../../renderer/src/domain/ids';
import { addParticipant } from '../../../renderer/src/domain/participants';
import type { BoardContent, InboxNote, Participant, WritingRound } from '../../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../../renderer/src/domain/workshopCommands';
import { openWritingRound, receiveNote } from '../../../renderer/src/domain/writing';
import { undo } from '../../../renderer/src/features/app/commands';
import { Inbox } from '../../../renderer/src/features/writing/Inbox';
import { forgetTargets } from '../../../renderer/src/features/writing/inboxTargets';
import { changeLanguage } from '../../../renderer/src/i18n';
import { getDb } from '../../../renderer/src/persistence/db';
import { useBoardContent } from '../../../renderer/src/persistence/hooks';
import { applyChanges } from '../../../renderer/src/persistence/repository';
import { useInboxNotes } from '../../../renderer/src/persistence/writingHooks';
import { useAppStore } from '../../../renderer/src/state/store';

const { workshop, changes: workshopChanges } = createWorkshop({
  fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'KI-Strategie' },
  template: { boards: [], agenda: [] },
  sessionTitle: 'Sitzung 1',
  now: 1,
});

let boardId: BoardId;
let round: WritingRound;
let anna: Participant;
let ben: Participant;

function LiveInbox({ names }: { names: ReadonlyMap<ParticipantId, string> }) {
  const loaded = useBoardContent(boardId);
  const notes = useInboxNotes(round.id);
  const content = loaded?.content;
  return content ? <Inbox content={content} round={round} notes={notes} names={names} /> : null;
}

function Harness() {
  const names = useMemo(
    () =>
      new Map<ParticipantId, string>([
        [anna.id, anna.name],
        [ben.id, ben.name],
      ]),
    [],
  );
  return <LiveInbox names={names} />;
}

let seq = 0;
/** A card as it arrives from a phone. */
async function arrive(text: string, author: Participant | null = null): Promise<void> {
  seq += 1;
  await applyChanges(
    getDb(),
    receiveNote(
      round,
      undefined,
      {
        deviceId: `device-${String(seq).padStart(16, '0')}`,
        clientId: `card-${String(seq).padStart(8, '0')}`,
        participantId: author?.id ?? null,
        text,
        withdrawn: false,
        version: 1,
        receivedAt: round.openedAt + seq,
      },
      round.openedAt + seq,
    ),
  );
}

async function inbox(): Promise<InboxNote[]> {
  return getDb().inboxNotes.toArray();
}

async function boardNotes() {
  const columns = await getDb().columns.where('boardId').equals(boardId).toArray();
  const notes = await getDb().notes.where('boardId').equals(boardId).toArray();
  const title = new Map(columns.map((c) => [c.id, c.title]));
  notes.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return notes.map((n) => ({ text: n.text, column: title.get(n.columnId!), author: n.authorId ?? null }));
}

function card(text: string): HTMLElement {
  return screen.getByText(text).closest('li')!;
}

beforeEach(async () => {
  await getDb().delete();
  await getDb().open();
  await changeLanguage('de');
  useAppStore.setState({ past: [], future: [], toasts: [], announcement: { text: '', seq: 0 } });
  forgetTargets();
  seq = 0;
  const all: Change[] = [...workshopChanges];
  const added = addBoard(workshop, [], 'Vision', 1, 'columns');
  boardId = added.board.id;
  all.push(...added.changes);
  let content: BoardContent = { board: added.board, columns: [], rows: [], clusters: [], notes: [] };
  for (const title of ['Ideen', 'Fragen']) {
    const next = addColumn(content, title);
    content = { ...content, columns: [...content.columns, next.column] };
    all.push(...next.changes);
  }
  const a = addParticipant(workshop, [], { name: 'Anna Schmidt', unit: '', role: '' }, 1);
  anna = a.participant;
  const b = addParticipant(workshop, [anna], { name: 'Ben Öztürk', unit: '', role: '' }, 1);
  ben = b.participant;
  all.push(...a.changes, ...b.changes);
  const opened = openWritingRound(
    {
      workshopId: workshop.id,
      boardId,
      prompt: 'Was sollten wir zuerst automatisieren?',
      maxNotesPerPerson: null,
      anonymous: false,
      showAccepted: false,
      closesAt: null,
      now: 1000,
    },
    [],
  );
  round = opened.round;
  all.push(...opened.changes);
  await applyChanges(getDb(), all);
});

describe('the inbox', { timeout: 20_000 }, () => {
  it('shows cards as they arrive, newest at the end, with the author in named rounds', async () => {
    await arrive('E-Akte einführen', anna);
    render(<Harness />);
    await screen.findByText('E-Akte einführen');
    await act(() => arrive('Posteingang sortieren', ben));
    await screen.findByText('Posteingang sortieren');
    const rows = within(screen.getByRole('list', { name: 'Karten im Eingang' })).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.inbox-card-text')?.textContent)).toEqual([
      'E-Akte einführen',
      'Posteingang sortieren',
    ]);
    expect(within(rows[1]!).getByText('Ben Öztürk')).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Offen (2)' })).toBeTruthy();
  });

  it('renders text from phones as text, never as markup', async () => {
    await arrive('<img src=x onerror=alert(1)> <b>fett</b>');
    render(<Harness />);
    await screen.findByText('<img src=x onerror=alert(1)> <b>fett</b>');
    expect(document.querySelector('.inbox img, .inbox b')).toBeNull();
  });

  it('accepts a card into the chosen column, with its author, and says so; undo takes it back', async () => {
    const user = userEvent.setup();
    await arrive('E-Akte einführen', anna);
    await arrive('Chatbot für Bürgeranfragen', ben);
    render(<Harness />);
    await screen.findByText('E-Akte einführen');
    const target = screen.getByLabelText('Ziel:') as HTMLSelectElement;
    expect([...target.options].map((o) => o.text)).toEqual(['Ideen', 'Fragen']);
    await user.selectOptions(target, 'Fragen');
    await user.click(
      within(card('E-Akte einführen')).getByRole('button', { name: '„E-Akte einführen“ übernehmen' }),
    );
    await waitFor(async () =>
      expect(await boardNotes()).toEqual([{ text: 'E-Akte einführen', column: 'Fragen', author: anna.id }]),
    );
    expect(useAppStore.getState().announcement.text).toBe('Eine Karte übernommen in „Fragen“');
    // Accepted cards leave the "Offen" list and show under "Übernommen" with their place.
    await waitFor(() => expect(screen.queryByText('E-Akte einführen')).toBeNull());
    await user.click(screen.getByRole('radio', { name: 'Übernommen (1)' }));
    await screen.findByText('Übernommen in „Fragen“');

    await act(() => undo());
    await waitFor(async () => expect(await boardNotes()).toEqual([]));
    expect((await inbox()).every((n) => n.status === 'pending')).toBe(true);
  });

  it('rejects, accepts all waiting at once, and remembers the target per board', async () => {
    const user = userEvent.setup();
    for (const text of ['A-Karte', 'B-Karte', 'C-Karte']) await arrive(text);
    const view = render(<Harness />);
    await screen.findByText('A-Karte');
    await user.selectOptions(screen.getByLabelText('Ziel:'), 'Fragen');
    await user.click(within(card('B-Karte')).getByRole('button', { name: '„B-Karte“ ablehnen' }));
    await waitFor(() => expect(screen.queryByText('B-Karte')).toBeNull());
    expect(useAppStore.getState().announcement.text).toBe('Eine Karte abgelehnt');
    await user.click(screen.getByRole('button', { name: 'Alle offenen übernehmen (2)' }));
    await waitFor(async () =>
      expect(await boardNotes()).toEqual([
        { text: 'A-Karte', column: 'Fragen', author: null },
        { text: 'C-Karte', column: 'Fragen', author: null },
      ]),
    );
    expect(useAppStore.getState().announcement.text).toBe('2 Karten übernommen in „Fragen“');
    // A rejected card can still be taken: "Doch übernehmen".
    await user.click(screen.getByRole('radio', { name: 'Abgelehnt (1)' }));
    await user.click(screen.getByRole('button', { name: '„B-Karte“ doch übernehmen' }));
    await waitFor(async () => expect(await boardNotes()).toHaveLength(3));

    view.unmount();
    render(<Harness />);
    await waitFor(() =>
      expect((screen.getByLabelText('Ziel:') as HTMLSelectElement).value).toMatch(/^column:/),
    );
    expect((screen.getByLabelText('Ziel:') as HTMLSelectElement).selectedOptions[0]!.text).toBe('Fragen');
  });

  it('merges selected duplicates with the texts joined and editable, then accepts selected', async () => {
    const user = userEvent.setup();
    await arrive('Akten digitalisieren', anna);
    await arrive('Papierakten scannen', ben);
    await arrive('KI-Leitlinie schreiben');
    render(<Harness />);
    await screen.findByText('Akten digitalisieren');
    const merge = screen.getByRole('button', { name: 'Ausgewählte zusammenführen …' }) as HTMLButtonElement;
    expect(merge.disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Auswählen: „Akten digitalisieren“' }));
    await user.click(screen.getByRole('checkbox', { name: 'Auswählen: „Papierakten scannen“' }));
    screen.getByText('2 ausgewählt');
    await user.click(merge);
    const dialog = await screen.findByRole('dialog', { name: '2 Karten zusammenführen' });
    const field = within(dialog).getByLabelText('Text der zusammengeführten Karte') as HTMLTextAreaElement;
    expect(field.value).toBe('Akten digitalisieren\nPapierakten scannen');
    // An empty text is refused and nothing is lost but the empty text.
    await user.clear(field);
    await user.click(within(dialog).getByRole('button', { name: 'Zusammenführen' }));
    within(dialog).getByText('Bitte geben Sie einen Text ein. Eine leere Karte wird nicht gespeichert.');
    await user.type(field, 'Akten digitalisieren und scannen');
    await user.click(within(dialog).getByRole('button', { name: 'Zusammenführen' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await screen.findByText('Akten digitalisieren und scannen');
    expect(screen.queryByText('Papierakten scannen')).toBeNull();
    const stored = await inbox();
    expect(stored.filter((n) => n.status === 'merged')).toHaveLength(1);

    await user.click(screen.getByRole('checkbox', { name: 'Auswählen: „Akten digitalisieren und scannen“' }));
    await user.click(screen.getByRole('button', { name: 'Ausgewählte übernehmen' }));
    await waitFor(async () =>
      expect(await boardNotes()).toEqual([
        { text: 'Akten digitalisieren und scannen', column: 'Ideen', author: anna.id },
      ]),
    );
  });

  it('edits a card in place by keyboard; an empty text is refused and the field keeps it', async () => {
    const user = userEvent.setup();
    await arrive('Chatbot');
    render(<Harness />);
    await screen.findByText('Chatbot');
    await user.click(screen.getByRole('button', { name: '„Chatbot“ bearbeiten' }));
    const field = screen.getByLabelText('Text der Karte') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByRole('alert');
    await user.type(field, 'Chatbot für Bürgeranfragen');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByText('Chatbot für Bürgeranfragen');
    await screen.findByText('bearbeitet');
    const [stored] = await inbox();
    expect(stored).toMatchObject({ text: 'Chatbot für Bürgeranfragen', sentText: 'Chatbot' });
  });

  it('moves between cards with the arrow keys', async () => {
    const user = userEvent.setup();
    for (const text of ['Eins', 'Zwei']) await arrive(text);
    render(<Harness />);
    await screen.findByText('Zwei');
    within(card('Eins')).getByRole('button', { name: '„Eins“ bearbeiten' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(
      within(card('Zwei')).getByRole('button', { name: '„Zwei“ bearbeiten' }),
    );
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(
      within(card('Eins')).getByRole('button', { name: '„Eins“ bearbeiten' }),
    );
  });

  it('marks a decided card the phone changed afterwards', async () => {
    const user = userEvent.setup();
    await arrive('Erste Fassung');
    render(<Harness />);
    await user.click(await screen.findByRole('button', { name: '„Erste Fassung“ ablehnen' }));
    await waitFor(async () => expect((await inbox())[0]!.status).toBe('rejected'));
    const [stored] = await inbox();
    await act(() =>
      applyChanges(
        getDb(),
        receiveNote(
          round,
          stored,
          {
            deviceId: stored!.deviceId,
            clientId: stored!.clientId,
            participantId: null,
            text: 'Zweite Fassung',
            withdrawn: false,
            version: 2,
            receivedAt: round.openedAt + 50,
          },
          round.openedAt + 50,
        ),
      ),
    );
    await user.click(screen.getByRole('radio', { name: 'Abgelehnt (1)' }));
    await screen.findByText('Auf dem Handy geändert: „Zweite Fassung“');
  });
});
