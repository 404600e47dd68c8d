import { describe, expect, it } from 'vitest';
import { invertChanges } from '../../renderer/src/domain/changes';
import { DomainError } from '../../renderer/src/domain/errors';
import type { BoardId, ParticipantId, WorkshopId } from '../../renderer/src/domain/ids';
import type { Ballot, VotingRound } from '../../renderer/src/domain/types';
import {
  acceptsVotes,
  annulRound,
  castBallot,
  defaultEntitled,
  latestRevealedRound,
  mayVote,
  closeRound,
  rerunRound,
  revealRound,
  roundResult,
  setPaperTally,
  startRound,
  type StartRoundArgs,
} from '../../renderer/src/domain/voting';

const [ANNA, BEN, CEM] = ['p-anna', 'p-ben', 'p-cem'] as ParticipantId[];
const NOW = 1_800_000_000_000;

function args(overrides: Partial<StartRoundArgs> = {}): StartRoundArgs {
  return {
    workshopId: 'w1' as WorkshopId,
    boardId: 'b1' as BoardId,
    title: 'Punktabfrage Handlungsschwerpunkte',
    target: 'clusters',
    settings: { method: 'dots', dots: 3, maxPerItem: 2 },
    items: [
      { id: 'k1', label: 'Schnellere Fallbearbeitung' },
      { id: 'k2', label: 'Entlastung' },
      { id: 'k3', label: 'Service' },
    ],
    entitled: [ANNA!, BEN!, CEM!],
    anonymous: true,
    closesAt: null,
    now: NOW,
    ...overrides,
  };
}

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return null;
};

describe('voting rounds', () => {
  it('starts with fixed settings, the items and their names at the start, and no results shown', () => {
    const { round, changes } = startRound(args());
    expect(round).toMatchObject({ status: 'open', revealed: false, paperTally: {}, openedAt: NOW });
    expect(round.items.map((i) => i.label)).toEqual(['Schnellere Fallbearbeitung', 'Entlastung', 'Service']);
    expect(changes).toEqual([{ table: 'votingRounds', after: round }]);
  });

  it('refuses bad settings, a closing time in the past and duplicate items', () => {
    expect(code(() => startRound(args({ items: [] })))).toBe('voting.noItems');
    expect(code(() => startRound(args({ settings: { method: 'dots', dots: 3, maxPerItem: 5 } })))).toBe(
      'voting.maxPerItemRange',
    );
    expect(code(() => startRound(args({ closesAt: NOW - 1 })))).toBe('voting.closesInPast');
    expect(
      code(() =>
        startRound(
          args({
            items: [
              { id: 'k1', label: 'a' },
              { id: 'k1', label: 'b' },
            ],
          }),
        ),
      ),
    ).toBe('voting.duplicateItem');
    expect(code(() => startRound(args({ title: '  ' })))).toBe('required');
  });

  it('takes one ballot per participant; casting again changes it (one row, undoable)', () => {
    const { round } = startRound(args());
    const first = castBallot(round, undefined, ANNA!, { method: 'dots', dots: { k1: 2, k2: 1 } }, NOW + 1);
    expect(first.changes).toEqual([{ table: 'ballots', before: undefined, after: first.ballot }]);
    const changed = castBallot(round, first.ballot, ANNA!, { method: 'dots', dots: { k3: 1 } }, NOW + 2);
    expect(changed.ballot.id).toBe(first.ballot.id);
    expect(changed.ballot.castAt).toBe(NOW + 1);
    expect(changed.changes[0]).toMatchObject({
      before: first.ballot,
      after: { content: { dots: { k3: 1 } } },
    });
    expect(invertChanges(changed.changes)[0]).toMatchObject({ after: first.ballot });
    // Someone else's ballot cannot be passed off as one's own.
    expect(code(() => castBallot(round, first.ballot, BEN!, { method: 'dots', dots: { k1: 1 } }, NOW))).toBe(
      'voting.wrongBallot',
    );
  });

  it('refuses an over-budget ballot, one from someone not entitled, and any ballot once closed or past time', () => {
    const { round } = startRound(args({ closesAt: NOW + 1000 }));
    expect(
      code(() => castBallot(round, undefined, ANNA!, { method: 'dots', dots: { k1: 2, k2: 2 } }, NOW)),
    ).toBe('voting.overBudget');
    expect(
      code(() =>
        castBallot(round, undefined, 'p-x' as ParticipantId, { method: 'dots', dots: { k1: 1 } }, NOW),
      ),
    ).toBe('voting.notEntitled');
    expect(
      code(() => castBallot(round, undefined, ANNA!, { method: 'dots', dots: { k1: 1 } }, NOW + 1000)),
    ).toBe('voting.roundTimeUp');
    expect(acceptsVotes(round, NOW + 999)).toBe(true);
    const closed = { ...round, ...(closeRound(round, NOW + 5)[0]!.after as VotingRound) };
    expect(
      code(() => castBallot(closed, undefined, ANNA!, { method: 'dots', dots: { k1: 1 } }, NOW + 6)),
    ).toBe('voting.roundNotOpen');
    expect(code(() => setPaperTally(closed, 'k1', 3, NOW + 6))).toBe('voting.roundNotOpen');
  });

  it('counts ballots and paper dots; turnout is ballots cast over entitled', () => {
    let { round } = startRound(args());
    const ballots: Ballot[] = [
      castBallot(round, undefined, ANNA!, { method: 'dots', dots: { k1: 2, k2: 1 } }, NOW).ballot,
      castBallot(round, undefined, BEN!, { method: 'dots', dots: { k2: 2 } }, NOW).ballot,
    ];
    round = setPaperTally(round, 'k3', 4, NOW)[0]!.after as VotingRound;
    const result = roundResult(round, ballots);
    expect(result.turnout).toEqual({ cast: 2, entitled: 3 });
    expect(result.rows.map((r) => [r.itemId, r.score, r.rank])).toEqual([
      ['k3', 4, 1],
      ['k2', 3, 2],
      ['k1', 2, 3],
    ]);
    // A participant removed from the entitled list no longer counts.
    expect(roundResult({ ...round, entitled: [ANNA!] }, ballots).turnout).toEqual({ cast: 1, entitled: 1 });
    expect(code(() => setPaperTally(round, 'k3', -1, NOW))).toBe('voting.paperRange');
    expect(code(() => setPaperTally(round, 'nope', 1, NOW))).toBe('voting.unknownItem');
  });

  it('counts a participant once even if two ballots were ever stored: the latest one', () => {
    const { round } = startRound(args());
    const old = castBallot(round, undefined, ANNA!, { method: 'dots', dots: { k1: 2 } }, NOW).ballot;
    const newer = {
      ...old,
      id: 'other' as Ballot['id'],
      content: { method: 'dots' as const, dots: { k2: 1 } },
      updatedAt: NOW + 9,
    };
    const result = roundResult(round, [old, newer]);
    expect(result.total).toBe(1);
    expect(result.turnout.cast).toBe(1);
  });

  it('reveals only a closed round; annuls with a reason kept on record; runs an annulled round again', () => {
    const { round } = startRound(args());
    expect(code(() => revealRound(round, NOW))).toBe('voting.notClosed');
    const closed = closeRound(round, NOW + 1)[0]!.after as VotingRound;
    const revealed = revealRound(closed, NOW + 2)[0]!.after as VotingRound;
    expect(revealed.revealed).toBe(true);
    expect(code(() => annulRound(revealed, '   ', NOW + 3))).toBe('voting.annulReasonRequired');
    const annulled = annulRound(revealed, ' Zwei Stimmzettel  vertauscht ', NOW + 3)[0]!.after as VotingRound;
    expect(annulled).toMatchObject({
      status: 'annulled',
      annulReason: 'Zwei Stimmzettel vertauscht',
      closedAt: NOW + 1,
    });
    expect(code(() => annulRound(annulled, 'noch mal', NOW + 4))).toBe('voting.alreadyAnnulled');
    expect(code(() => rerunRound(closed, 'x', NOW))).toBe('voting.rerunNeedsAnnulled');
    const again = rerunRound(annulled, 'Punktabfrage (Wiederholung)', NOW + 5).round;
    expect(again).toMatchObject({
      status: 'open',
      settings: round.settings,
      items: round.items,
      entitled: round.entitled,
    });
    expect(again.id).not.toBe(round.id);
  });
});

describe('phones without a name (anonymous rounds)', () => {
  const phone = (n: number) => `device-${n.toString(16).padStart(16, '0')}` as ParticipantId;

  it('take a ballot from a device voter only in an anonymous round, and nothing that merely looks like one', () => {
    const { round } = startRound(args({ anonymous: true }));
    expect(mayVote(round, phone(1))).toBe(true);
    expect(
      castBallot(round, undefined, phone(1), { method: 'dots', dots: { k1: 1 } }, NOW).ballot,
    ).toMatchObject({
      participantId: phone(1),
    });
    const named = startRound(args({ anonymous: false })).round;
    expect(mayVote(named, phone(1))).toBe(false);
    expect(code(() => castBallot(named, undefined, phone(1), { method: 'dots', dots: { k1: 1 } }, NOW))).toBe(
      'voting.notEntitled',
    );
    expect(mayVote(round, 'device-xyz' as ParticipantId)).toBe(false);
    expect(mayVote(round, `${phone(1)}0` as ParticipantId)).toBe(false);
  });

  it('count phones and laptop ballots together, never more than people entitled (the last cast drop out)', () => {
    const { round } = startRound(args({ anonymous: true }));
    const ballot = (participantId: ParticipantId, castAt: number, itemId: string): Ballot => ({
      id: `ballot-${participantId}` as Ballot['id'],
      workshopId: round.workshopId,
      roundId: round.id,
      participantId,
      content: { method: 'dots', dots: { [itemId]: 1 } },
      castAt,
      updatedAt: castAt,
    });
    const ballots = [
      ballot(ANNA!, 1, 'k1'),
      ballot(phone(1), 2, 'k2'),
      ballot(phone(2), 3, 'k2'),
      ballot(phone(3), 4, 'k3'),
    ];
    const result = roundResult(round, ballots);
    expect(result.turnout).toEqual({ cast: 3, entitled: 3 });
    const score = (id: string) => result.rows.find((r) => r.itemId === id)?.score;
    expect([score('k1'), score('k2'), score('k3')]).toEqual([1, 2, 0]);
  });
});

describe('defaultEntitled', () => {
  it('ticks those present or never marked, not the excused or absent', () => {
    const people = [
      { id: ANNA!, attendance: 'present' as const },
      { id: BEN!, attendance: 'excused' as const },
      { id: CEM! },
      { id: 'p-dora' as ParticipantId, attendance: 'absent' as const },
    ];
    expect(defaultEntitled(people)).toEqual([ANNA, CEM]);
  });
});

describe('latestRevealedRound', () => {
  it('is the revealed round worked on last (close A, close B, reveal B, reveal A: A); never an open or hidden one', () => {
    const round = (id: string, status: VotingRound['status'], revealed: boolean, updatedAt: number) =>
      ({ ...startRound(args()).round, id, status, revealed, updatedAt }) as VotingRound;
    expect(latestRevealedRound([])).toBeNull();
    expect(
      latestRevealedRound([round('open', 'open', false, 1), round('hidden', 'closed', false, 5)]),
    ).toBeNull();
    expect(
      latestRevealedRound([
        round('first', 'closed', true, 1),
        round('hidden', 'closed', false, 9),
        round('last', 'closed', true, 3),
        round('annulled', 'annulled', true, 7),
      ])?.id,
    ).toBe('last');
  });
});
