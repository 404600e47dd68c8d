import { describe, expect, it } from 'vitest';
import { buildMinutes } from '../../renderer/src/domain/minutes';
import type { VotingSettings } from '../../renderer/src/domain/votingTally';
import { person, round } from './minutesRounds';
import { demoTree, TreeBuilder, WORKSHOP } from './minutesTree';

const NOW = Date.UTC(2027, 2, 24, 15);

describe('voting rounds in the minutes', () => {
  it('puts the demo dot vote in its board’s phase with settings, turnout and the ranking, ties shared', () => {
    const { workshop, tree } = demoTree();
    const model = buildMinutes(workshop, tree, { now: NOW, status: 'draft' });
    const focus = model.phases.find((p) => p.phase === 'focus')!;
    expect(model.phases.filter((p) => p.phase !== 'focus').flatMap((p) => p.rounds)).toEqual([]);
    expect(focus.rounds).toHaveLength(1);
    const [vote] = focus.rounds;
    expect(vote).toMatchObject({
      title: 'Punktabfrage zu den Handlungsschwerpunkten',
      board: 'Handlungsschwerpunkte',
      status: 'closed',
      revealed: true,
      anonymous: true,
      settings: { method: 'dots', dots: 3, maxPerItem: 2 },
      entitled: 7,
      turnout: { cast: 6, entitled: 7 },
      ballots: null,
    });
    expect(vote?.decision).toMatch(/^Abstimmung „Punktabfrage/);
    const rows = vote!.rows!;
    expect(rows.map((r) => [r.rank, r.tied, r.score])).toEqual([
      [1, true, 6],
      [1, true, 6],
      [3, false, 4],
      [4, true, 1],
      [4, true, 1],
    ]);
    expect(rows.reduce((sum, r) => sum + r.score, 0)).toBe(18);
  });

  it('never says who voted what in an anonymous round: no name, no ballot list', () => {
    const { workshop, tree } = demoTree();
    const model = buildMinutes(workshop, tree, { now: NOW, status: 'draft' });
    const printed = JSON.stringify(model.phases.flatMap((p) => p.rounds));
    for (const participant of tree.participants) {
      expect(printed).not.toContain(participant.name);
      expect(printed).not.toContain(participant.id);
    }
  });

  it('lists the ballots of a named round by voter, a removed voter as such', () => {
    const b = new TreeBuilder();
    const board = b.board('Ideen sammeln', 'columns', 'inventory');
    b.column(board, 'Ideen');
    const anna = person(b.tree, 'Anna Berg');
    const ömer = person(b.tree, 'Ömer Kaya');
    const gone = person(b.tree, 'Gert Weg');
    round(b.tree, board, {
      title: 'Rangfolge',
      settings: { method: 'ranking', topK: 2 },
      items: ['A', 'B', 'C'],
      voters: [anna, ömer, gone],
      ballots: [
        [ömer, { method: 'ranking', order: ['i1', 'i0'] }],
        [anna, { method: 'ranking', order: ['i0', 'i1'] }],
        [gone, { method: 'ranking', order: ['i2'] }],
      ],
    });
    b.tree.participants = b.tree.participants.filter((p) => p !== gone);
    const [vote] = buildMinutes(WORKSHOP, b.tree, { now: NOW, status: 'draft' }).phases.find(
      (p) => p.phase === 'inventory',
    )!.rounds;
    expect(vote?.ballots).toEqual([
      {
        voter: 'Anna Berg',
        votes: [
          { label: 'A', value: 1 },
          { label: 'B', value: 2 },
        ],
      },
      {
        voter: 'Ömer Kaya',
        votes: [
          { label: 'B', value: 1 },
          { label: 'A', value: 2 },
        ],
      },
      { voter: null, votes: [{ label: 'C', value: 1 }] },
    ]);
    // Borda over the top 2: A 2+1 = 3, B 1+2 = 3 (tied), C 2.
    expect(vote?.rows?.map((r) => [r.label, r.score, r.rank, r.tied])).toEqual([
      ['A', 3, 1, true],
      ['B', 3, 1, true],
      ['C', 2, 3, false],
    ]);
  });

  it('marks open rounds as such and keeps annulled ones with their reason, without a result', () => {
    const b = new TreeBuilder();
    const board = b.board('Karten', 'columns', 'vision');
    const anna = person(b.tree, 'Anna Berg');
    const dots: VotingSettings = { method: 'dots', dots: 2, maxPerItem: 2 };
    round(b.tree, board, {
      title: 'Zweite Runde',
      settings: dots,
      items: ['X'],
      voters: [anna],
      end: 'open',
      at: 5000,
      ballots: [[anna, { method: 'dots', dots: { i0: 2 } }]],
    });
    round(b.tree, board, {
      title: 'Erste Runde',
      settings: dots,
      items: ['X'],
      voters: [anna],
      end: 'annulled',
      at: 1000,
      ballots: [[anna, { method: 'dots', dots: { i0: 1 } }]],
    });
    const phase = buildMinutes(WORKSHOP, b.tree, { now: NOW, status: 'draft' }).phases[0]!;
    // The board has no cards, yet the phase is not empty: it holds the rounds, oldest first.
    expect(phase.boards).toEqual([]);
    expect(phase.rounds.map((r) => [r.title, r.status, r.rows, r.annulReason])).toEqual([
      ['Erste Runde', 'annulled', null, 'Falsche Liste verwendet'],
      ['Zweite Runde', 'open', null, ''],
    ]);
    expect(phase.rounds[1]?.turnout).toEqual({ cast: 1, entitled: 1 });
  });

  it('places impact/effort ratings in quadrants and leaves the rounds of phases not chosen out', () => {
    const b = new TreeBuilder();
    const board = b.board('Ideen', 'canvases', 'ideas');
    const anna = person(b.tree, 'Anna Berg');
    round(b.tree, board, {
      title: 'Nutzen und Aufwand',
      settings: { method: 'impactEffort' },
      items: ['Chatbot', 'Akte', 'Nie bewertet'],
      voters: [anna],
      ballots: [
        [
          anna,
          {
            method: 'impactEffort',
            ratings: { i0: { impact: 5, effort: 1 }, i1: { impact: 2, effort: 4 } },
          },
        ],
      ],
    });
    const model = buildMinutes(WORKSHOP, b.tree, { now: NOW, status: 'draft' });
    const rows = model.phases.find((p) => p.phase === 'ideas')!.rounds[0]!.rows!;
    expect(rows.map((r) => [r.number, r.label, r.quadrant])).toEqual([
      [1, 'Chatbot', 'quickWin'],
      [2, 'Akte', 'thankless'],
      [3, 'Nie bewertet', null],
    ]);
    const without = buildMinutes(WORKSHOP, b.tree, { now: NOW, status: 'draft', phases: ['vision'] });
    expect(without.phases.flatMap((p) => p.rounds)).toEqual([]);
  });
});

describe('attendance in the minutes', () => {
  it('lists present people (and those never marked) as participants, then the excused and the absent', () => {
    const b = new TreeBuilder();
    person(b.tree, 'Zoë Martens');
    person(b.tree, 'Anna Berg', 'present');
    person(b.tree, 'Łukasz Wróbel', 'excused');
    person(b.tree, 'Bernd Abel', 'excused');
    person(b.tree, 'Carla Nie', 'absent');
    const model = buildMinutes(WORKSHOP, b.tree, { now: NOW, status: 'draft' });
    expect(model.participants.map((p) => p.name)).toEqual(['Anna Berg', 'Zoë Martens']);
    expect(model.excused.map((p) => p.name)).toEqual(['Bernd Abel', 'Łukasz Wróbel']);
    expect(model.absent.map((p) => p.name)).toEqual(['Carla Nie']);
  });
});
