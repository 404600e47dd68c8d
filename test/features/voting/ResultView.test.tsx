import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BoardId, ParticipantId, WorkshopId } from '../../../renderer/src/domain/ids';
import type { Ballot, Participant, VotingRound } from '../../../renderer/src/domain/types';
import {
  castBallot,
  closeRound,
  revealRound,
  roundResult,
  startRound,
} from '../../../renderer/src/domain/voting';
import type { BallotContent, VotingSettings } from '../../../renderer/src/domain/votingTally';
import { RoundResultView } from '../../../renderer/src/features/voting/ResultView';
import { changeLanguage } from '../../../renderer/src/i18n';

const ITEMS = [
  { id: 'n1', label: 'Chatbot Bürgeramt' },
  { id: 'n2', label: 'E-Rechnung' },
  { id: 'n3', label: 'Open Data Portal' },
];
const people: Participant[] = ['Anna Schmidt', 'Ben Öztürk'].map((name, i) => ({
  id: `p${i + 1}` as ParticipantId,
  workshopId: 'w1' as WorkshopId,
  name,
  unit: '',
  role: '',
  createdAt: 1,
}));

function revealed(settings: VotingSettings, anonymous: boolean, contents: BallotContent[]) {
  let { round } = startRound({
    workshopId: 'w1' as WorkshopId,
    boardId: 'b1' as BoardId,
    title: 'Ideen',
    target: 'notes',
    settings,
    items: ITEMS,
    entitled: people.map((p) => p.id),
    anonymous,
    closesAt: null,
    now: 1,
  });
  const ballots: Ballot[] = contents.map(
    (content, i) => castBallot(round, undefined, people[i]!.id, content, 2).ballot,
  );
  round = closeRound(round, 3)[0]!.after as VotingRound;
  round = revealRound(round, 4)[0]!.after as VotingRound;
  return { round, ballots, result: roundResult(round, ballots) };
}

beforeEach(async () => {
  await changeLanguage('de');
});

describe('revealed results', () => {
  it('places impact/effort items in the four fields and lists them in a table', () => {
    const { round, ballots, result } = revealed({ method: 'impactEffort' }, true, [
      { method: 'impactEffort', ratings: { n1: { impact: 5, effort: 1 }, n2: { impact: 4, effort: 5 } } },
      { method: 'impactEffort', ratings: { n1: { impact: 4, effort: 2 }, n2: { impact: 4, effort: 4 } } },
    ]);
    render(<RoundResultView round={round} result={result} ballots={ballots} participants={people} />);
    const matrix = screen.getByRole('group', { name: 'Nutzen-Aufwand-Matrix' });
    const field = (name: string) =>
      within(matrix).getByRole('heading', { name }).closest('section') as HTMLElement;
    expect(within(field('Quick Wins')).getByText(/Chatbot Bürgeramt/).textContent).toBe(
      'Chatbot Bürgeramt (Nutzen Ø 4,5, Aufwand Ø 1,5)',
    );
    expect(within(field('Große Projekte')).getByText(/E-Rechnung/)).toBeTruthy();
    expect(within(field('Lückenfüller')).getByText('Keine Einträge')).toBeTruthy();
    expect(within(field('Undankbare Aufgaben')).getByText('Keine Einträge')).toBeTruthy();
    const rows = screen.getByRole('table', { name: 'Ergebnis: Ideen' }).querySelectorAll('tbody tr');
    expect([...rows].map((row) => [...row.children].map((cell) => cell.textContent))).toEqual([
      ['1.', 'Chatbot Bürgeramt', '4,5', '1,5', 'Quick Wins', '2'],
      ['2.', 'E-Rechnung', '4,0', '4,5', 'Große Projekte', '2'],
      ['3.', 'Open Data Portal', '–', '–', 'nicht bewertet', '0'],
    ]);
    expect(screen.getByText('2 von 2 Stimmen abgegeben')).toBeTruthy();
  });

  it('in English, places read "#1 (tied)", and the supporters column is "Ballots" as in the minutes', async () => {
    await changeLanguage('en');
    const { round, ballots, result } = revealed({ method: 'dots', dots: 2, maxPerItem: 2 }, true, [
      { method: 'dots', dots: { n1: 1, n2: 1 } },
      { method: 'dots', dots: { n1: 1, n2: 1 } },
    ]);
    render(<RoundResultView round={round} result={result} ballots={ballots} participants={people} />);
    const table = screen.getByRole('table', { name: 'Result: Ideen' });
    expect(within(table).getByRole('columnheader', { name: 'Ballots' })).toBeTruthy();
    const firsts = [...table.querySelectorAll('tbody tr')].map((row) => row.children[0]!.textContent);
    expect(firsts.slice(0, 2)).toEqual(['#1 (tied)', '#1 (tied)']);
  });

  it('says why a tie on the last place brings more items into the selection than asked for', async () => {
    const user = userEvent.setup();
    const { round, ballots, result } = revealed({ method: 'dots', dots: 1, maxPerItem: 1 }, true, [
      { method: 'dots', dots: { n1: 1 } },
      { method: 'dots', dots: { n2: 1 } },
    ]);
    render(<RoundResultView round={round} result={result} ballots={ballots} participants={people} />);
    const places = await screen.findByLabelText('Wie viele Plätze kommen in die Auswahl?');
    await user.clear(places);
    await user.type(places, '1');
    expect(screen.getByText(/^In die Auswahl kommen:/).textContent).toBe(
      'In die Auswahl kommen: Chatbot Bürgeramt, E-Rechnung ' +
        'Gleichstand auf dem letzten Platz: Alle Gleichplatzierten kommen mit (2 statt 1).',
    );
    await user.clear(places);
    await user.type(places, '2');
    expect(screen.getByText(/^In die Auswahl kommen:/).textContent).toBe(
      'In die Auswahl kommen: Chatbot Bürgeramt, E-Rechnung',
    );
  });

  it('named rounds show who voted what behind a collapsed detail; anonymous rounds never do', () => {
    const votes: BallotContent[] = [
      { method: 'ranking', order: ['n2', 'n1'] },
      { method: 'ranking', order: ['n2'] },
    ];
    const named = revealed({ method: 'ranking', topK: 2 }, false, votes);
    const { unmount } = render(
      <RoundResultView
        round={named.round}
        result={named.result}
        ballots={named.ballots}
        participants={people}
      />,
    );
    const detail = screen
      .getByText('Wer wie abgestimmt hat (nur für die Moderation)', { selector: 'summary' })
      .closest('details')!;
    expect(detail.open).toBe(false);
    expect(within(detail).getByRole('row', { name: /Anna Schmidt/ }).textContent).toBe(
      'Anna Schmidt1. E-Rechnung; 2. Chatbot Bürgeramt',
    );
    // Borda points: first place 2, second 1 (E-Rechnung: 2 + 2), in the table and the bar chart.
    expect(screen.getAllByText('4 Punkte')).toHaveLength(2);
    unmount();

    const secret = revealed({ method: 'ranking', topK: 2 }, true, votes);
    render(
      <RoundResultView
        round={secret.round}
        result={secret.result}
        ballots={secret.ballots}
        participants={people}
      />,
    );
    expect(screen.queryByText(/nur für die Moderation/)).toBeNull();
    expect(screen.queryByText(/Anna Schmidt|Ben Öztürk/)).toBeNull();
  });
});
