import { describe, expect, it } from 'vitest';
import type { BoardId, ParticipantId, WorkshopId } from '../../../../renderer/src/domain/ids';
import type { Participant } from '../../../../renderer/src/domain/types';
import { startRound } from '../../../../renderer/src/domain/voting';
import {
  countVoters,
  groupJoinCode,
  lanRoundOf,
  parseLanBallotContent,
  parseLanBallotEvent,
  spellJoinCode,
  takenBy,
} from '../../../../renderer/src/features/voting/phone/lanModel';

const people: Participant[] = ['Anna Schmidt', 'Ben Öztürk', 'Clara Nowak'].map((name, i) => ({
  id: `p${i + 1}` as ParticipantId,
  workshopId: 'w1' as WorkshopId,
  name,
  unit: '',
  role: '',
  createdAt: 1,
}));

function round(anonymous: boolean) {
  return startRound({
    workshopId: 'w1' as WorkshopId,
    boardId: 'b1' as BoardId,
    title: 'Schwerpunkte',
    target: 'clusters',
    settings: { method: 'dots', dots: 3, maxPerItem: 2 },
    items: [
      { id: 'c1', label: 'E-Akte' },
      { id: 'c2', label: 'Bürgerportal' },
      { id: 'c3', label: 'Open Data' },
    ],
    entitled: ['p1', 'p2'] as ParticipantId[],
    anonymous,
    closesAt: null,
    now: 1,
  }).round;
}

const DEVICE_A = 'device-0123456789abcdef';
const DEVICE_B = 'device-fedcba9876543210';
const DEVICE_C = 'device-00000000000000aa';

describe('what the LAN server is told about a round', () => {
  it('names only entitled participants still in the workshop, and no names in an anonymous round', () => {
    const named = lanRoundOf(round(false), people, new Set(['c2']), 'de');
    expect(named.voters).toEqual([
      { id: 'p1', name: 'Anna Schmidt' },
      { id: 'p2', name: 'Ben Öztürk' },
    ]);
    // An item deleted during the round is not offered.
    expect(named.items.map((i) => i.id)).toEqual(['c1', 'c3']);
    expect(named.entitledCount).toBe(2);
    expect(named.language).toBe('de');

    const anonymous = lanRoundOf(round(true), people, new Set(), 'en');
    expect(anonymous.voters).toEqual([]);
    expect(anonymous.anonymous).toBe(true);
    expect(anonymous.language).toBe('en');
    expect(anonymous.settings).toEqual({ method: 'dots', dots: 3, maxPerItem: 2 });
  });

  it('counts as taken whoever voted, except the phones of this session', () => {
    expect(takenBy(['p2', DEVICE_A, 'p1', 'p1'], new Set(['p1', DEVICE_A]))).toEqual(['p2']);
    expect(takenBy(['p2', DEVICE_A], new Set())).toEqual([DEVICE_A, 'p2']);
  });
});

describe('turnout', () => {
  it('counts entitled voters, and phones of an anonymous round up to the entitled number', () => {
    expect(countVoters(round(false), ['p1', 'p9', DEVICE_A])).toBe(1);
    expect(countVoters(round(true), ['p1', DEVICE_A])).toBe(2);
    expect(countVoters(round(true), ['p1', DEVICE_A, DEVICE_B, DEVICE_C])).toBe(2);
    expect(countVoters(round(true), [DEVICE_A, DEVICE_A])).toBe(1);
  });
});

describe('join code', () => {
  it('is shown in two groups and spelled for screen readers', () => {
    expect(groupJoinCode('K7M2QX')).toBe('K7M 2QX');
    expect(spellJoinCode('K7M2QX')).toBe('K 7 M 2 Q X');
  });
});

describe('ballot events from phones', () => {
  const good = {
    seq: 3,
    roundId: 'r1',
    participantId: DEVICE_A,
    content: { method: 'dots', dots: { c1: 2, c2: 1 } },
    receivedAt: 1000,
  };

  it('takes a well-formed event and copies its content', () => {
    const parsed = parseLanBallotEvent(good, 'r1');
    expect(parsed).toEqual({
      seq: 3,
      participantId: DEVICE_A,
      content: { method: 'dots', dots: { c1: 2, c2: 1 } },
      receivedAt: 1000,
    });
    expect(parsed!.content).not.toBe(good.content);
  });

  it('refuses events of another round, and broken fields', () => {
    expect(parseLanBallotEvent(good, 'r2')).toBeNull();
    expect(parseLanBallotEvent({ ...good, seq: 0 }, 'r1')).toBeNull();
    expect(parseLanBallotEvent({ ...good, seq: '3' }, 'r1')).toBeNull();
    expect(parseLanBallotEvent({ ...good, participantId: '<img src=x>' }, 'r1')).toBeNull();
    expect(parseLanBallotEvent({ ...good, participantId: 'x'.repeat(101) }, 'r1')).toBeNull();
    expect(parseLanBallotEvent({ ...good, receivedAt: Number.NaN }, 'r1')).toBeNull();
    expect(parseLanBallotEvent(null, 'r1')).toBeNull();
    expect(parseLanBallotEvent([good], 'r1')).toBeNull();
  });

  it('refuses contents of the wrong shape', () => {
    const bad: unknown[] = [
      null,
      'dots',
      { method: 'vote', dots: {} },
      { method: 'dots', dots: [] },
      { method: 'dots', dots: { c1: -1 } },
      { method: 'dots', dots: { c1: 1.5 } },
      { method: 'dots', dots: { c1: '1' } },
      { method: 'dots', dots: JSON.parse('{"__proto__": 1}') },
      { method: 'dots', dots: { constructor: 1 } },
      { method: 'points', points: { 'c 1': 3 } },
      { method: 'ranking', order: 'c1' },
      { method: 'ranking', order: ['c1', 7] },
      { method: 'impactEffort', ratings: { c1: { impact: 3 } } },
      { method: 'impactEffort', ratings: { c1: [3, 2] } },
      { method: 'dots', dots: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`i${i}`, 0])) },
    ];
    for (const content of bad) expect(parseLanBallotContent(content), JSON.stringify(content)).toBeNull();
  });

  it('takes each method, dropping fields that do not belong', () => {
    expect(parseLanBallotContent({ method: 'points', points: { c1: 60, c2: 40 }, extra: 1 })).toEqual({
      method: 'points',
      points: { c1: 60, c2: 40 },
    });
    expect(parseLanBallotContent({ method: 'ranking', order: ['c2', 'c1'] })).toEqual({
      method: 'ranking',
      order: ['c2', 'c1'],
    });
    expect(
      parseLanBallotContent({
        method: 'impactEffort',
        ratings: { c1: { impact: 5, effort: 1, note: '<b>' } },
      }),
    ).toEqual({ method: 'impactEffort', ratings: { c1: { impact: 5, effort: 1 } } });
  });
});
