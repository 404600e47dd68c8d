import { act, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BoardId, ParticipantId, VotingRoundId, WorkshopId } from '../../../../renderer/src/domain/ids';
import type { Participant, VotingRound, Workshop } from '../../../../renderer/src/domain/types';
import { startRound } from '../../../../renderer/src/domain/voting';
import { LanIntake } from '../../../../renderer/src/features/voting/phone/LanIntake';
import { lanRoundOf } from '../../../../renderer/src/features/voting/phone/lanModel';
import {
  currentPhoneVoting,
  openForPhones,
  resetPhoneVoting,
  stopPhoneVoting,
} from '../../../../renderer/src/features/voting/phone/phoneVoting';
import {
  annulVotingRound,
  closeVotingRound,
  submitBallot,
} from '../../../../renderer/src/features/voting/votingActions';
import { changeLanguage } from '../../../../renderer/src/i18n';
import { getDb } from '../../../../renderer/src/persistence/db';
import { applyChanges } from '../../../../renderer/src/persistence/repository';
import { useAppStore } from '../../../../renderer/src/state/store';
import { createFakeLan, installLan, WLAN, type FakeLan } from './fakeLan';

const W = 'w1' as WorkshopId;
const people: Participant[] = ['Anna Schmidt', 'Ben Öztürk', 'Clara Nowak'].map((name, i) => ({
  id: `p${i + 1}` as ParticipantId,
  workshopId: W,
  name,
  unit: '',
  role: '',
  createdAt: 1,
}));
const DEVICE_A = 'device-0123456789abcdef';
const DEVICE_B = 'device-fedcba9876543210';
const DEVICE_C = 'device-00000000000000aa';
const DEVICE_D = 'device-00000000000000bb';

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

async function newRound(
  anonymous: boolean,
  entitled = people.map((p) => p.id),
  closesAt: number | null = null,
): Promise<VotingRound> {
  const { round, changes } = startRound({
    workshopId: W,
    boardId: 'b1' as BoardId,
    title: 'Schwerpunkte',
    target: 'clusters',
    settings: { method: 'dots', dots: 3, maxPerItem: 2 },
    items: [
      { id: 'c1', label: 'E-Akte' },
      { id: 'c2', label: 'Bürgerportal' },
    ],
    entitled,
    anonymous,
    closesAt,
    now: Date.now() - 1000,
  });
  await applyChanges(getDb(), changes);
  return round;
}

const ballotsOf = (roundId: VotingRoundId) => getDb().ballots.where('roundId').equals(roundId).toArray();
const announced = () => useAppStore.getState().announcement.text;

let fake: FakeLan;

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  await db.workshops.put(workshop);
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

describe('taking in ballots from phones', { timeout: 20_000 }, () => {
  it('stores them through the domain like laptop ballots, and refuses what does not fit', async () => {
    const round = await newRound(true);
    // Mounted with the workshop, before any round is open to phones.
    render(<LanIntake workshopId={W} />);
    await waitFor(() => expect(fake.polls).toEqual([]));
    expect(await openForPhones(round, people, new Set(), WLAN.id)).toEqual({ ok: true });
    expect(announced()).toBe('Handy-Abstimmung für „Schwerpunkte“ geöffnet.');
    expect(fake.opened[0]!.taken).toEqual([]);
    const served = fake.opened[0]!.round;
    expect(served.kind === 'write' ? null : served.entitledCount).toBe(3);

    act(() => {
      fake.setPhones(4);
      fake.phoneVotes(DEVICE_A, { method: 'dots', dots: { c1: 2 } });
      // Too many dots: castBallot refuses it.
      fake.phoneVotes(DEVICE_B, { method: 'dots', dots: { c1: 5 } });
      // Not a ballot at all.
      fake.phoneVotes(DEVICE_C, { method: 'dots', dots: JSON.parse('{"__proto__": 1}') });
      // Not entitled, and not a phone of an anonymous round.
      fake.phoneVotes('p9', { method: 'dots', dots: { c2: 1 } });
    });

    await waitFor(() => expect(currentPhoneVoting()?.rejected).toBe(3));
    const [ballot, ...others] = await ballotsOf(round.id);
    expect(others).toEqual([]);
    expect(ballot).toMatchObject({
      participantId: DEVICE_A,
      workshopId: W,
      content: { method: 'dots', dots: { c1: 2 } },
    });
    expect(currentPhoneVoting()?.phones).toBe(4);
    // Not an undo step: Strg+Z at the laptop must not take back a phone's ballot.
    expect(useAppStore.getState().past).toHaveLength(0);
    await waitFor(() => expect(announced()).toBe('Stimmzettel vom Handy erhalten (1 von 3)'));

    // The phone changes its ballot: the same one is stored over.
    act(() => fake.phoneVotes(DEVICE_A, { method: 'dots', dots: { c2: 1 } }));
    await waitFor(async () =>
      expect((await ballotsOf(round.id)).map((b) => b.content)).toEqual([
        { method: 'dots', dots: { c2: 1 } },
      ]),
    );
  });

  it('announces thirty ballots at once as one, not thirty', { timeout: 15_000 }, async () => {
    const round = await newRound(true);
    await openForPhones(round, people, new Set(), WLAN.id);
    render(<LanIntake workshopId={W} />);
    act(() => fake.phoneVotes(DEVICE_A, { method: 'dots', dots: { c1: 1 } }));
    await waitFor(() => expect(announced()).toBe('Stimmzettel vom Handy erhalten (1 von 3)'));
    const seq = useAppStore.getState().announcement.seq;

    act(() => {
      fake.phoneVotes(DEVICE_B, { method: 'dots', dots: { c1: 1 } });
      fake.phoneVotes(DEVICE_C, { method: 'dots', dots: { c2: 1 } });
      fake.phoneVotes(DEVICE_A, { method: 'dots', dots: { c2: 2 } });
    });
    await waitFor(async () => expect(await ballotsOf(round.id)).toHaveLength(3));
    // Nothing said yet: the next announcement waits for the quiet time after the last one.
    expect(useAppStore.getState().announcement.seq).toBe(seq);
    await waitFor(() => expect(announced()).toBe('3 Stimmzettel vom Handy erhalten (3 von 3)'), {
      timeout: 8_000,
    });
    expect(useAppStore.getState().announcement.seq).toBe(seq + 1);
  });

  it('counts phones of an anonymous round only up to the entitled number', async () => {
    const round = await newRound(true, ['p1', 'p2'] as ParticipantId[]);
    await openForPhones(round, people, new Set(), WLAN.id);
    render(<LanIntake workshopId={W} />);
    act(() => {
      for (const device of [DEVICE_A, DEVICE_B, DEVICE_C, DEVICE_D])
        fake.phoneVotes(device, { method: 'dots', dots: { c1: 1 } });
    });
    await waitFor(async () => expect(await ballotsOf(round.id)).toHaveLength(4));
    await waitFor(() => expect(announced()).toMatch(/\(2 von 2\)$/), { timeout: 8_000 });
  });

  it('tells the host who voted at the laptop, leaving out the names phones voted for', async () => {
    const round = await newRound(false);
    await submitBallot(round, people[2]!.id, { method: 'dots', dots: { c1: 1 } });
    await openForPhones(round, people, new Set(), WLAN.id);
    expect(fake.opened[0]!.taken).toEqual(['p3']);
    expect(fake.opened[0]!.round.voters.map((v) => v.name)).toEqual([
      'Anna Schmidt',
      'Ben Öztürk',
      'Clara Nowak',
    ]);
    render(<LanIntake workshopId={W} />);

    act(() => fake.phoneVotes('p1', { method: 'dots', dots: { c1: 2 } }));
    await waitFor(async () => expect(await ballotsOf(round.id)).toHaveLength(2));
    expect(await submitBallot(round, people[1]!.id, { method: 'dots', dots: { c2: 1 } })).toBeNull();
    await waitFor(() =>
      expect(fake.updates.at(-1)).toEqual({ roundId: round.id, taken: ['p2', 'p3'], closesAt: null }),
    );
    expect(fake.updates.some((u) => u.taken.includes('p1'))).toBe(false);
  });

  it('stores what phones sent just before the round is closed, then stops serving', async () => {
    const round = await newRound(true);
    await openForPhones(round, people, new Set(), WLAN.id);
    // No intake loop running: only the close itself can fetch this ballot.
    fake.phoneVotes(DEVICE_A, { method: 'dots', dots: { c1: 1 } });
    expect(await closeVotingRound(round)).toBe(true);
    expect(await ballotsOf(round.id)).toHaveLength(1);
    expect(fake.closed).toEqual([round.id]);
    expect(currentPhoneVoting()).toBeNull();
    expect((await getDb().votingRounds.get(round.id))?.status).toBe('closed');
  });

  it('counts a ballot the server took before the closing time, even when it is stored after', async () => {
    const closesAt = Date.now() + 400;
    const round = await newRound(true, undefined, closesAt);
    await openForPhones(round, people, new Set(), WLAN.id);
    fake.phoneVotes(DEVICE_A, { method: 'dots', dots: { c1: 1 } }, closesAt - 100);
    fake.phoneVotes(DEVICE_B, { method: 'dots', dots: { c2: 1 } }, closesAt + 100);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The closing time has passed: LanIntake would stop serving now; the ballots are fetched first.
    await stopPhoneVoting(round.id);
    const ballots = await ballotsOf(round.id);
    expect(ballots.map((b) => b.participantId)).toEqual([DEVICE_A]);
    expect(ballots[0]!.castAt).toBe(closesAt - 100);
    expect(fake.closed).toEqual([round.id]);
  });

  it('stops serving at the closing time and says so', async () => {
    const round = await newRound(true, undefined, Date.now() + 300);
    render(<LanIntake workshopId={W} />);
    await openForPhones(round, people, new Set(), WLAN.id);
    await waitFor(() => expect(fake.closed).toEqual([round.id]));
    expect(currentPhoneVoting()).toBeNull();
    expect(announced()).toBe(
      'Die Zeit für „Schwerpunkte“ ist abgelaufen: Handys können nicht mehr abstimmen. Bitte schließen Sie die Runde.',
    );
  });

  it('stops serving when the round is annulled, or deleted with its board', async () => {
    const round = await newRound(true);
    await openForPhones(round, people, new Set(), WLAN.id);
    render(<LanIntake workshopId={W} />);
    expect(await annulVotingRound(round, 'Falsche Liste')).toBe(true);
    await waitFor(() => expect(fake.closed).toEqual([round.id]));
    expect(currentPhoneVoting()).toBeNull();

    const second = await newRound(true);
    await openForPhones(second, people, new Set(), WLAN.id);
    await applyChanges(getDb(), [{ table: 'votingRounds', before: second }]);
    await waitFor(() => expect(fake.closed).toEqual([round.id, second.id]));
    expect(currentPhoneVoting()).toBeNull();
  });

  it('"Für Handys schließen" stops serving and keeps the round open', async () => {
    const round = await newRound(true);
    await openForPhones(round, people, new Set(), WLAN.id);
    render(<LanIntake workshopId={W} />);
    await stopPhoneVoting(round.id);
    expect(fake.closed).toEqual([round.id]);
    expect(announced()).toBe('Handy-Abstimmung für „Schwerpunkte“ beendet. Die Runde bleibt offen.');
    expect((await getDb().votingRounds.get(round.id))?.status).toBe('open');
    // The facilitator stopped it: no message that it stopped by itself.
    expect(useAppStore.getState().toasts).toEqual([]);
  });

  it('says when the host does not answer, keeps asking, and takes ballots in once it answers again', async () => {
    const round = await newRound(true);
    await openForPhones(round, people, new Set(), WLAN.id);
    fake.failEvents(true);
    render(<LanIntake workshopId={W} />);
    await waitFor(() => expect(currentPhoneVoting()?.unreachable).toBe(true), { timeout: 8_000 });
    fake.phoneVotes(DEVICE_A, { method: 'dots', dots: { c1: 1 } });
    fake.failEvents(false);
    await waitFor(() => expect(currentPhoneVoting()?.unreachable).toBe(false), { timeout: 8_000 });
    await waitFor(async () => expect(await ballotsOf(round.id)).toHaveLength(1));
  });

  it('says so when the host ends the session by itself', async () => {
    const round = await newRound(true);
    await openForPhones(round, people, new Set(), WLAN.id);
    render(<LanIntake workshopId={W} />);
    act(() => fake.stopByHost());
    await waitFor(() => expect(currentPhoneVoting()).toBeNull());
    expect(useAppStore.getState().toasts.map((t) => t.message)).toEqual([
      'Die Handy-Abstimmung für „Schwerpunkte“ läuft nicht mehr. Alle Stimmzettel bis dahin sind gespeichert; die Runde bleibt offen.',
    ]);
  });

  it('after a reload takes over the running session and stores its ballots again', async () => {
    const round = await newRound(false);
    // The window before the reload opened the session; a phone voted as Anna.
    await fake.lan.open({
      round: lanRoundOf(round, people, new Set(), 'de'),
      interfaceId: WLAN.id,
      taken: [],
    });
    fake.phoneVotes('p1', { method: 'dots', dots: { c1: 1 } });
    resetPhoneVoting();

    render(<LanIntake workshopId={W} />);
    await waitFor(() => expect(currentPhoneVoting()?.session.joinCode).toBe('K7M2QX'));
    await waitFor(async () => expect(await ballotsOf(round.id)).toHaveLength(1));
    await waitFor(() => expect(currentPhoneVoting()?.synced).toBe(true));
    // Laptop ballot after the reload: "taken" still leaves out Anna, who voted by phone.
    await submitBallot(round, people[1]!.id, { method: 'dots', dots: { c2: 1 } });
    await waitFor(() => expect(fake.updates.at(-1)?.taken).toEqual(['p2']));
    // Re-storing after a reload is not news.
    expect(announced()).toBe('');
  });

  it('stores the ballots of a session this window never took over before it serves another round', async () => {
    const first = await newRound(true);
    await fake.lan.open({
      round: lanRoundOf(first, people, new Set(), 'de'),
      interfaceId: WLAN.id,
      taken: [],
    });
    fake.phoneVotes(DEVICE_A, { method: 'dots', dots: { c1: 1 } });
    resetPhoneVoting();

    const second = await newRound(true);
    expect(await openForPhones(second, people, new Set(), WLAN.id)).toEqual({ ok: true });
    expect((await ballotsOf(first.id)).map((b) => b.participantId)).toEqual([DEVICE_A]);
    expect(fake.closed).toEqual([first.id]);
    expect(currentPhoneVoting()?.roundId).toBe(second.id);
  });

  it('closes a session found running for a round that is no longer open', async () => {
    const round = await newRound(true);
    await openForPhones(round, people, new Set(), WLAN.id);
    await applyChanges(getDb(), [
      { table: 'votingRounds', before: round, after: { ...round, status: 'closed', closedAt: Date.now() } },
    ]);
    resetPhoneVoting();
    render(<LanIntake workshopId={W} />);
    await waitFor(() => expect(fake.closed).toEqual([round.id]));
    expect(currentPhoneVoting()).toBeNull();
  });
});
