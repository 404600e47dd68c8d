// The writing round open to phones: start and close with the LAN host, the
// intake of cards (once however often sent, never an undo step), the inbox
// decisions, the shared texts, and one LAN session at a time.
import { act, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LanWritingRound } from '../../../electron/shared/lanContract';
import { addColumn, deleteBoard } from '../../../renderer/src/domain/boardCommands';
import type { BoardId, ColumnId, ParticipantId, WorkshopId } from '../../../renderer/src/domain/ids';
import type { Board, Participant, WritingRound, Workshop } from '../../../renderer/src/domain/types';
import { startRound } from '../../../renderer/src/domain/voting';
import { undo } from '../../../renderer/src/features/app/commands';
import { LanIntake } from '../../../renderer/src/features/voting/phone/LanIntake';
import {
  currentPhoneVoting,
  openForPhones,
  resetPhoneVoting,
} from '../../../renderer/src/features/voting/phone/phoneVoting';
import {
  acceptInbox,
  closeWritingRound,
  editInbox,
  mergeInbox,
  rejectInbox,
  setShowAccepted,
  startWritingRound,
  type StartWritingArgs,
} from '../../../renderer/src/features/writing/writingActions';
import {
  currentPhoneWriting,
  parseLanNoteEvent,
  sharedTextsOf,
} from '../../../renderer/src/features/writing/writingSession';
import { changeLanguage } from '../../../renderer/src/i18n';
import { getDb } from '../../../renderer/src/persistence/db';
import { applyChanges, loadBoardContent } from '../../../renderer/src/persistence/repository';
import { listInboxNotes, loadBoardWriting } from '../../../renderer/src/persistence/writingHooks';
import { useAppStore } from '../../../renderer/src/state/store';
import { createFakeLan, installLan, WLAN, type FakeLan } from '../voting/phone/fakeLan';

const W = 'w1' as WorkshopId;
const DEVICE_A = 'device-0123456789abcdef';
const DEVICE_B = 'device-fedcba9876543210';
const DEVICE_C = 'device-00000000000000aa';

const workshop: Workshop = {
  id: W,
  title: 'KI-Strategie',
  date: '2026-11-28' as Workshop['date'],
  place: '',
  organisation: '',
  facilitators: '',
  minuteTaker: '',
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null,
};
const board: Board = {
  id: 'b1' as BoardId,
  workshopId: W,
  title: 'Bestandsaufnahme',
  phase: null,
  kind: 'columns',
  rank: 'a0',
  createdAt: 1,
};
const people: Participant[] = ['Clara Nowak', 'Anna Schmidt'].map((name, i) => ({
  id: `p${i + 1}` as ParticipantId,
  workshopId: W,
  name,
  unit: '',
  role: '',
  createdAt: 1,
}));

let fake: FakeLan;
let columnId: ColumnId;

const announced = () => useAppStore.getState().announcement.text;
const inbox = (round: WritingRound) => listInboxNotes(getDb(), round.id);
const served = () => fake.opened.at(-1)!.round as LanWritingRound;

function args(overrides: Partial<StartWritingArgs> = {}): StartWritingArgs {
  return {
    board,
    prompt: 'Welche Aufgaben sollten wir zuerst automatisieren?',
    maxNotesPerPerson: 3,
    anonymous: false,
    showAccepted: false,
    closesAt: null,
    ...overrides,
  };
}

async function start(overrides: Partial<StartWritingArgs> = {}): Promise<WritingRound> {
  const outcome = await startWritingRound(args(overrides), WLAN.id);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.round;
}

/** Arrival times one millisecond apart, so the inbox order is the order sent. */
let clock = 0;
const card = (clientId: string, text: string, more: object = {}) => ({
  deviceId: DEVICE_A,
  clientId,
  text,
  receivedAt: (clock = Math.max(clock + 1, Date.now())),
  ...more,
});

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  await db.workshops.put(workshop);
  await db.boards.put(board);
  await db.participants.bulkPut(people);
  const { column, changes } = addColumn({ board, columns: [], rows: [], clusters: [], notes: [] }, 'Ideen');
  columnId = column.id;
  await applyChanges(db, changes);
  useAppStore.setState({ toasts: [], past: [], future: [], announcement: { text: '', seq: 0 } });
  await changeLanguage('de');
  resetPhoneVoting();
  fake = createFakeLan();
  installLan(fake.lan);
});

afterEach(() => {
  resetPhoneVoting();
  installLan(null);
});

describe('starting a writing round for phones', { timeout: 20_000 }, () => {
  it('opens the round as one undo step and serves only what phones need', async () => {
    const round = await start();
    expect(await getDb().writingRounds.get(round.id)).toEqual(round);
    expect(served()).toEqual({
      kind: 'write',
      roundId: round.id,
      prompt: 'Welche Aufgaben sollten wir zuerst automatisieren?',
      boardTitle: 'Bestandsaufnahme',
      maxNotesPerPerson: 3,
      anonymous: false,
      // Sorted by name, ids and names only.
      voters: [
        { id: 'p2', name: 'Anna Schmidt' },
        { id: 'p1', name: 'Clara Nowak' },
      ],
      closesAt: null,
      language: 'de',
    });
    expect(fake.opened.at(-1)!.taken).toEqual([]);
    expect(currentPhoneWriting()).toMatchObject({ roundId: round.id, prompt: round.prompt, phones: 0 });
    expect(currentPhoneVoting()).toBeNull();
    expect(useAppStore.getState().past).toHaveLength(1);
    expect(announced()).toBe(
      'Schreibrunde „Welche Aufgaben sollten wir zuerst automatisieren?“ geöffnet. Handys können jetzt Karten schreiben.',
    );
  });

  it('gives anonymous rounds no names, and English phones in English', async () => {
    await changeLanguage('en');
    await start({ anonymous: true });
    expect(served()).toMatchObject({ anonymous: true, voters: [], language: 'en' });
  });

  it('keeps nothing when the server does not start, and says why in German', async () => {
    fake.failNextOpen('no-interface');
    const outcome = await startWritingRound(args(), WLAN.id);
    expect(outcome).toEqual({
      ok: false,
      field: 'form',
      message:
        'Kein Netzwerk gefunden – bitte mit dem WLAN oder Hotspot des Raums verbinden und erneut versuchen.',
    });
    expect(await getDb().writingRounds.count()).toBe(0);
    expect(useAppStore.getState().past).toHaveLength(0);
    expect(currentPhoneWriting()).toBeNull();
  });

  it('names the field of a refused setting, and refuses without a LAN server', async () => {
    expect(await startWritingRound(args({ prompt: '  ' }), WLAN.id)).toEqual({
      ok: false,
      field: 'prompt',
      message: 'Bitte geben Sie die Frage ein, die auf den Handys steht.',
    });
    expect(await startWritingRound(args({ maxNotesPerPerson: 99 }), WLAN.id)).toMatchObject({
      ok: false,
      field: 'maxNotesPerPerson',
    });
    installLan(null);
    expect(await startWritingRound(args(), WLAN.id)).toMatchObject({ ok: false, field: 'form' });
    expect(fake.opened).toHaveLength(0);
    expect(await getDb().writingRounds.count()).toBe(0);
  });

  it('runs one LAN session at a time: no writing round while phones vote, and the other way round', async () => {
    const { round: vote, changes } = startRound({
      workshopId: W,
      boardId: board.id,
      title: 'Schwerpunkte',
      target: 'notes',
      settings: { method: 'dots', dots: 1, maxPerItem: 1 },
      items: [{ id: 'n1', label: 'E-Akte' }],
      entitled: people.map((p) => p.id),
      anonymous: true,
      closesAt: null,
      now: Date.now() - 1000,
    });
    await applyChanges(getDb(), changes);
    expect(await openForPhones(vote, people, new Set(), WLAN.id)).toEqual({ ok: true });
    expect(await startWritingRound(args(), WLAN.id)).toEqual({
      ok: false,
      field: 'form',
      message:
        'Gerade läuft eine Handy-Abstimmung. Bitte schließen Sie sie für Handys, bevor Sie eine Schreibrunde öffnen.',
    });
    expect(await getDb().writingRounds.count()).toBe(0);
    // The voting session is untouched.
    expect(currentPhoneVoting()?.roundId).toBe(vote.id);

    resetPhoneVoting();
    await fake.lan.close(vote.id);
    await start();
    expect(await openForPhones(vote, people, new Set(), WLAN.id)).toEqual({
      ok: false,
      message:
        'Gerade läuft die Schreibrunde „Welche Aufgaben sollten wir zuerst automatisieren?“ auf den Handys. Bitte schließen Sie sie zuerst.',
    });
  });

  it('refuses a second open writing round in the workshop', async () => {
    const first = await start();
    resetPhoneVoting();
    const outcome = await startWritingRound(args({ prompt: 'Noch eine Frage' }), WLAN.id);
    expect(outcome).toMatchObject({ ok: false, field: 'form' });
    expect((outcome as { message: string }).message).toContain(first.prompt);
  });
});

describe('cards from phones', { timeout: 20_000 }, () => {
  it('stores each card once however often it is sent, newest version wins, and nothing is an undo step', async () => {
    const round = await start();
    render(<LanIntake workshopId={W} />);
    act(() => {
      fake.setPhones(2);
      fake.phoneWrites(card('card-0001', 'E-Akte einführen', { participantId: 'p2' }));
      // A retry after a lost answer: the same card again.
      fake.phoneWrites(card('card-0001', 'E-Akte einführen', { participantId: 'p2' }));
      fake.phoneWrites(card('card-0002', 'Termine online', { deviceId: DEVICE_B }));
      // Edited on the phone, then the old version arrives late.
      fake.phoneWrites(card('card-0002', 'Termine online buchen', { deviceId: DEVICE_B, version: 2 }));
      fake.phoneWrites(card('card-0002', 'Termine online', { deviceId: DEVICE_B }));
      fake.phoneWrites(card('card-0003', 'doch nicht', { deviceId: DEVICE_C }));
      fake.phoneWrites(card('card-0003', '', { deviceId: DEVICE_C, version: 2, withdrawn: true }));
    });
    await waitFor(async () => expect(await inbox(round)).toHaveLength(3));
    await waitFor(async () =>
      expect((await inbox(round)).map((n) => [n.text, n.status, n.version, n.authorId])).toEqual([
        ['E-Akte einführen', 'pending', 1, 'p2'],
        ['Termine online buchen', 'pending', 2, null],
        ['', 'withdrawn', 2, null],
      ]),
    );
    expect(currentPhoneWriting()).toMatchObject({ phones: 2, received: 3, rejected: 0 });
    expect(useAppStore.getState().past).toHaveLength(1); // only the start
  });

  it('refuses what does not fit and counts it', async () => {
    const round = await start();
    render(<LanIntake workshopId={W} />);
    act(() => {
      fake.phoneWrites(card('kurz', 'zu kurze Karten-ID'));
      fake.phoneWrites(card('card-0001', 'x'.repeat(301)));
      fake.rawNoteEvent({ deviceId: DEVICE_A, clientId: 'card-0002', text: 5, withdrawn: false, version: 1 });
      fake.phoneVotes(DEVICE_A, { method: 'dots', dots: {} });
      fake.phoneWrites(card('card-0003', 'passt'));
    });
    await waitFor(() => expect(currentPhoneWriting()?.rejected).toBe(4));
    expect((await inbox(round)).map((n) => n.text)).toEqual(['passt']);
  });

  it(
    'announces arrivals at most every 5 seconds: "3 neue Karten im Eingang"',
    { timeout: 20_000 },
    async () => {
      const round = await start();
      render(<LanIntake workshopId={W} />);
      act(() => void fake.phoneWrites(card('card-0001', 'eins')));
      await waitFor(() => expect(announced()).toBe('Eine neue Karte im Eingang'));
      const seq = useAppStore.getState().announcement.seq;
      act(() => {
        fake.phoneWrites(card('card-0002', 'zwei'));
        fake.phoneWrites(card('card-0003', 'drei', { deviceId: DEVICE_B }));
        fake.phoneWrites(card('card-0004', 'vier', { deviceId: DEVICE_C }));
        // An edit is no new card.
        fake.phoneWrites(card('card-0001', 'eins!', { version: 2 }));
      });
      await waitFor(async () => expect(await inbox(round)).toHaveLength(4));
      expect(useAppStore.getState().announcement.seq).toBe(seq);
      await waitFor(() => expect(announced()).toBe('3 neue Karten im Eingang'), { timeout: 8_000 });
      expect(useAppStore.getState().announcement.seq).toBe(seq + 1);
    },
  );

  it('stores what phones sent just before the close, then stops serving, then closes the round', async () => {
    const round = await start();
    // No intake loop running: only the close itself can fetch this card.
    fake.phoneWrites(card('card-0001', 'in letzter Sekunde'));
    expect(await closeWritingRound(round)).toBe(true);
    expect((await inbox(round)).map((n) => n.text)).toEqual(['in letzter Sekunde']);
    expect(fake.closed).toEqual([round.id]);
    expect(currentPhoneWriting()).toBeNull();
    expect(await getDb().writingRounds.get(round.id)).toMatchObject({ status: 'closed' });
    expect(announced()).toBe(
      'Schreibrunde „Welche Aufgaben sollten wir zuerst automatisieren?“ geschlossen. Die Karten bleiben im Eingang.',
    );
    // Closing is an undo step of its own; the cards stay.
    await undo();
    expect(await getDb().writingRounds.get(round.id)).toMatchObject({ status: 'open', closedAt: null });
    expect(await inbox(round)).toHaveLength(1);
  });

  it('closes by itself at the closing time and says so; no undo step for that', async () => {
    const round = await start({ closesAt: Date.now() + 400 });
    render(<LanIntake workshopId={W} />);
    await waitFor(async () => expect((await getDb().writingRounds.get(round.id))?.status).toBe('closed'), {
      timeout: 5_000,
    });
    expect(fake.closed).toEqual([round.id]);
    expect(currentPhoneWriting()).toBeNull();
    expect(announced()).toBe(
      'Die Zeit für die Schreibrunde „Welche Aufgaben sollten wir zuerst automatisieren?“ ist abgelaufen: Die Runde ist geschlossen. Die Karten bleiben im Eingang.',
    );
    expect(useAppStore.getState().past).toHaveLength(1);
  });

  it('stops serving when the start is undone, or the board is deleted with the round', async () => {
    const round = await start();
    render(<LanIntake workshopId={W} />);
    await undo();
    await waitFor(() => expect(fake.closed).toEqual([round.id]));
    expect(currentPhoneWriting()).toBeNull();
    expect(await getDb().writingRounds.count()).toBe(0);

    const second = await start();
    const content = (await loadBoardContent(getDb(), board.id))!;
    await applyChanges(getDb(), deleteBoard(content, await loadBoardWriting(getDb(), board.id)));
    await waitFor(() => expect(fake.closed).toEqual([round.id, second.id]));
    expect(currentPhoneWriting()).toBeNull();
    expect(await getDb().writingRounds.count()).toBe(0);
  });

  it('after a reload takes over the running session and stores its cards once', async () => {
    const round = await start();
    fake.phoneWrites(card('card-0001', 'vor dem Neuladen'));
    resetPhoneVoting();
    render(<LanIntake workshopId={W} />);
    await waitFor(() => expect(currentPhoneWriting()?.roundId).toBe(round.id));
    await waitFor(async () => expect(await inbox(round)).toHaveLength(1));
    act(() => void fake.phoneWrites(card('card-0002', 'danach')));
    await waitFor(async () => expect(await inbox(round)).toHaveLength(2));
  });
});

describe('deciding in the inbox, and what phones see', { timeout: 20_000 }, () => {
  it('accepts onto the board with the author, merges, rejects, edits – each one undo step', async () => {
    const round = await start({ showAccepted: true });
    render(<LanIntake workshopId={W} />);
    act(() => {
      fake.phoneWrites(card('card-0001', 'E-Akte', { participantId: 'p2' }));
      fake.phoneWrites(card('card-0002', 'elektronische Akte', { deviceId: DEVICE_B }));
      fake.phoneWrites(card('card-0003', 'Kantine', { deviceId: DEVICE_C }));
      fake.phoneWrites(card('card-0004', 'Termine', { deviceId: DEVICE_C }));
    });
    await waitFor(async () => expect(await inbox(round)).toHaveLength(4));
    const [a, b, c, d] = await inbox(round);
    const steps = useAppStore.getState().past.length;

    expect(await mergeInbox(round, [a!.id, b!.id], 'E-Akte einführen')).toBeNull();
    expect(await rejectInbox(round, [c!.id])).toBe(true);
    expect(await editInbox(d!.id, 'Termine online buchen')).toBeNull();
    const notes = await acceptInbox(round, [d!.id, a!.id], { kind: 'column', columnId });
    expect(notes!.map((n) => [n.text, n.authorId])).toEqual([
      ['Termine online buchen', undefined],
      ['E-Akte einführen', 'p2'],
    ]);
    expect(useAppStore.getState().past).toHaveLength(steps + 4);
    const onBoard = await getDb().notes.where('boardId').equals(board.id).toArray();
    expect(onBoard.map((n) => n.text).sort()).toEqual(['E-Akte einführen', 'Termine online buchen']);
    const after = await inbox(round);
    expect(after.map((n) => n.status)).toEqual(['accepted', 'merged', 'rejected', 'accepted']);
    expect(after[1]!.noteId).toBe(after[0]!.noteId);

    // Phones see the accepted texts (sharing was on from the start), in the order they arrived.
    await waitFor(() =>
      expect(fake.updates.at(-1)).toEqual({
        roundId: round.id,
        taken: [],
        closesAt: null,
        shared: ['E-Akte einführen', 'Termine online buchen'],
      }),
    );
    // Refusals come back in German.
    expect(await mergeInbox(round, [a!.id], 'x')).toBe(
      'Zum Zusammenführen wählen Sie bitte mindestens zwei Karten.',
    );
    expect(await acceptInbox(round, [a!.id], { kind: 'column', columnId })).toBeNull();
    expect(useAppStore.getState().toasts.at(-1)?.message).toBe(
      'Über diese Karte ist schon entschieden. Es wurde nichts geändert.',
    );

    // Undo takes back the last acceptance: the cards leave the board and wait again.
    await undo();
    expect(await getDb().notes.where('boardId').equals(board.id).count()).toBe(0);
    expect((await inbox(round)).map((n) => n.status)).toEqual(['pending', 'merged', 'rejected', 'pending']);
    await waitFor(() => expect(fake.updates.at(-1)?.shared).toEqual([]));
  });

  it('shares the accepted cards only when switched on, and stops sharing when switched off', async () => {
    const round = await start();
    render(<LanIntake workshopId={W} />);
    act(() => void fake.phoneWrites(card('card-0001', 'E-Akte')));
    await waitFor(async () => expect(await inbox(round)).toHaveLength(1));
    const [a] = await inbox(round);
    await acceptInbox(round, [a!.id], { kind: 'column', columnId });
    // Not shared: the host was told nothing new.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.updates.filter((u) => u.shared && u.shared.length > 0)).toEqual([]);

    expect(await setShowAccepted(round, true)).toBe(true);
    expect(fake.updates.at(-1)).toEqual({ roundId: round.id, taken: [], closesAt: null, shared: ['E-Akte'] });
    // A card edited on the board is shared as it stands now.
    const [note] = await getDb().notes.where('boardId').equals(board.id).toArray();
    await getDb().notes.put({ ...note!, text: 'E-Akte für alle Ämter' });
    await waitFor(() => expect(fake.updates.at(-1)?.shared).toEqual(['E-Akte für alle Ämter']));
    expect(await setShowAccepted(round, false)).toBe(true);
    expect(fake.updates.at(-1)?.shared).toEqual([]);
    const count = fake.updates.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Nothing is sent twice.
    expect(fake.updates).toHaveLength(count);
  });
});

describe('the shape of card events', () => {
  it('takes only well-formed events of this round', () => {
    const event = {
      seq: 3,
      roundId: 'r1',
      deviceId: DEVICE_A,
      clientId: 'card-0001',
      participantId: null,
      text: 'E-Akte',
      withdrawn: false,
      version: 1,
      receivedAt: 5,
    };
    expect(parseLanNoteEvent(event, 'r1')).toEqual({
      deviceId: DEVICE_A,
      clientId: 'card-0001',
      participantId: null,
      text: 'E-Akte',
      withdrawn: false,
      version: 1,
      receivedAt: 5,
    });
    expect(parseLanNoteEvent(event, 'r2')).toBeNull();
    for (const broken of [
      { seq: 0 },
      { text: null },
      { withdrawn: 'no' },
      { version: '1' },
      { participantId: 7 },
    ])
      expect(parseLanNoteEvent({ ...event, ...broken }, 'r1')).toBeNull();
    expect(parseLanNoteEvent([event], 'r1')).toBeNull();
  });

  it('shares at most 500 texts of at most 300 characters', () => {
    const texts = sharedTextsOf(
      Array.from({ length: 600 }, (_, i) => (i === 0 ? 'x'.repeat(400) : `Karte ${i}`)),
    );
    expect(texts).toHaveLength(500);
    expect(texts[0]).toHaveLength(300);
    expect(texts[0]!.endsWith('…')).toBe(true);
  });
});
