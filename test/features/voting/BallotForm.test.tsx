import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardId, ClusterId, ParticipantId, WorkshopId } from '../../../renderer/src/domain/ids';
import type { Participant, VotingRound } from '../../../renderer/src/domain/types';
import { startRound } from '../../../renderer/src/domain/voting';
import type { BallotContent, VotingSettings } from '../../../renderer/src/domain/votingTally';
import { BallotForm } from '../../../renderer/src/features/voting/BallotForm';
import { BallotScreen } from '../../../renderer/src/features/voting/BallotScreen';
import { changeLanguage } from '../../../renderer/src/i18n';
import { getDb } from '../../../renderer/src/persistence/db';

const ITEMS = [
  { id: 'c1', label: 'E-Akte' },
  { id: 'c2', label: 'Bürgerportal' },
  { id: 'c3', label: 'KI-Assistenz' },
];
const anna = { id: 'p1' as ParticipantId, name: 'Anna Schmidt' };
const ben = { id: 'p2' as ParticipantId, name: 'Ben Öztürk' };

function round(settings: VotingSettings): VotingRound {
  return startRound({
    workshopId: 'w1' as WorkshopId,
    boardId: 'b1' as BoardId,
    title: 'Schwerpunkte',
    target: 'clusters',
    settings,
    items: ITEMS,
    entitled: [anna.id, ben.id],
    anonymous: true,
    closesAt: null,
    now: 1,
  }).round;
}

const people: Participant[] = [anna, ben].map((p) => ({
  ...p,
  workshopId: 'w1' as WorkshopId,
  unit: '',
  role: '',
  createdAt: 1,
}));

/** A promise the test resolves by hand, to look at the form while it saves. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const remaining = () => screen.getByRole('status').textContent;
const add = (label: string) => screen.getByRole('button', { name: `Einen Punkt auf „${label}“ geben` });
const take = (label: string) => screen.getByRole('button', { name: `Einen Punkt von „${label}“ nehmen` });

beforeEach(async () => {
  await changeLanguage('de');
});

describe('dot ballot', () => {
  it('counts the remaining dots down and up again', async () => {
    const user = userEvent.setup();
    render(
      <BallotForm
        round={round({ method: 'dots', dots: 3, maxPerItem: 2 })}
        voterName="Anna Schmidt"
        changing={false}
        onSubmit={vi.fn()}
        onCancel={vi.fn()}
      />,
    );
    expect(remaining()).toBe('Noch 3 Punkte');
    await user.click(add('E-Akte'));
    expect(remaining()).toBe('Noch 2 Punkte');
    await user.click(add('Bürgerportal'));
    expect(remaining()).toBe('Noch 1 Punkt');
    await user.click(take('E-Akte'));
    expect(remaining()).toBe('Noch 2 Punkte');
    // Taking from an item without dots changes nothing.
    await user.click(take('E-Akte'));
    expect(remaining()).toBe('Noch 2 Punkte');
  });

  it('stops at the stacking limit and at the budget, also by keyboard', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn<(content: BallotContent) => Promise<string | null>>().mockResolvedValue(null);
    render(
      <BallotForm
        round={round({ method: 'dots', dots: 3, maxPerItem: 2 })}
        voterName="Anna Schmidt"
        changing={false}
        onSubmit={onSubmit}
        onCancel={vi.fn()}
      />,
    );
    const plus = add('E-Akte');
    plus.focus();
    await user.keyboard('{Enter}{Enter}{Enter}');
    // Two at most on one item: the third press is refused and the button says so.
    expect(remaining()).toBe('Noch 1 Punkt');
    expect(plus.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(plus);
    await user.click(add('KI-Assistenz'));
    expect(remaining()).toBe('Noch 0 Punkte');
    await user.click(add('Bürgerportal'));
    expect(remaining()).toBe('Noch 0 Punkte');
    expect(add('Bürgerportal').getAttribute('aria-disabled')).toBe('true');

    await user.click(screen.getByRole('button', { name: 'Stimme abgeben' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({ method: 'dots', dots: { c1: 2, c3: 1 } });
  });

  it('refuses an empty ballot with a German message and does not submit', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <BallotForm
        round={round({ method: 'dots', dots: 3, maxPerItem: 1 })}
        voterName="Anna Schmidt"
        changing={false}
        onSubmit={onSubmit}
        onCancel={vi.fn()}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Stimme abgeben' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Der Stimmzettel ist leer. Bitte vergeben Sie mindestens eine Stimme.',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('disables "Stimme abgeben" while the ballot is saved: a double click casts once', async () => {
    const user = userEvent.setup();
    const saving = deferred<string | null>();
    const onSubmit = vi.fn(() => saving.promise);
    render(
      <BallotForm
        round={round({ method: 'dots', dots: 1, maxPerItem: 1 })}
        voterName="Anna Schmidt"
        changing={false}
        onSubmit={onSubmit}
        onCancel={vi.fn()}
      />,
    );
    await user.click(add('Bürgerportal'));
    const submit = screen.getByRole('button', { name: 'Stimme abgeben' });
    await user.dblClick(submit);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const pending = screen.getByRole('button', { name: 'Stimme wird gespeichert …' });
    expect((pending as HTMLButtonElement).disabled).toBe(true);
    saving.resolve('Für diese Person gibt es in dieser Runde schon einen Stimmzettel.');
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Stimme abgeben' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    // A refused save keeps the ballot as it was and says why.
    expect(screen.getByRole('alert').textContent).toContain('schon einen Stimmzettel');
    expect(remaining()).toBe('Noch 0 Punkte');
  });
});

describe('other methods', () => {
  it('points: shows the running sum and casts exactly 100', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(null);
    render(
      <BallotForm
        round={round({ method: 'points', total: 100 })}
        voterName="Anna Schmidt"
        changing={false}
        onSubmit={onSubmit}
        onCancel={vi.fn()}
      />,
    );
    expect(remaining()).toBe('Noch 100 von 100 Punkten zu verteilen');
    await user.type(screen.getByRole('spinbutton', { name: 'E-Akte' }), '80');
    expect(remaining()).toBe('Noch 20 von 100 Punkten zu verteilen');
    await user.click(screen.getByRole('button', { name: 'Stimme abgeben' }));
    expect(screen.getByRole('alert').textContent).toContain('erst 80 von 100');
    expect(onSubmit).not.toHaveBeenCalled();
    await user.type(screen.getByRole('spinbutton', { name: 'KI-Assistenz' }), '20');
    await user.click(screen.getByRole('button', { name: 'Stimme abgeben' }));
    expect(onSubmit).toHaveBeenCalledWith({ method: 'points', points: { c1: 80, c3: 20 } });
  });

  it('ranking: takes items in, moves them with buttons and keeps the focus on the moved item', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(null);
    render(
      <BallotForm
        round={round({ method: 'ranking', topK: 2 })}
        voterName="Anna Schmidt"
        changing={false}
        onSubmit={onSubmit}
        onCancel={vi.fn()}
      />,
    );
    await user.click(screen.getByRole('button', { name: '„E-Akte“ in die Rangfolge aufnehmen' }));
    await user.click(screen.getByRole('button', { name: '„KI-Assistenz“ in die Rangfolge aufnehmen' }));
    expect(remaining()).toBe('Noch 0 Plätze frei');
    expect(
      screen
        .getByRole('button', { name: '„Bürgerportal“ in die Rangfolge aufnehmen' })
        .getAttribute('aria-disabled'),
    ).toBe('true');
    await user.click(screen.getByRole('button', { name: '„KI-Assistenz“ (Platz 2) nach oben' }));
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: '„KI-Assistenz“ (Platz 1) nach oben' }),
    );
    await user.click(screen.getByRole('button', { name: 'Stimme abgeben' }));
    expect(onSubmit).toHaveBeenCalledWith({ method: 'ranking', order: ['c3', 'c1'] });
  });

  it('impact/effort: radio groups per item; a half rating is refused', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(null);
    render(
      <BallotForm
        round={round({ method: 'impactEffort' })}
        voterName="Anna Schmidt"
        changing={false}
        onSubmit={onSubmit}
        onCancel={vi.fn()}
      />,
    );
    const impact = screen.getByRole('group', { name: /^E-Akte: ?Nutzen$/ });
    const effort = screen.getByRole('group', { name: /^E-Akte: ?Aufwand$/ });
    await user.click(impact.querySelector('input[value="5"]')!);
    await user.click(screen.getByRole('button', { name: 'Stimme abgeben' }));
    expect(screen.getByRole('alert').textContent).toContain('„E-Akte“');
    await user.click(effort.querySelector('input[value="2"]')!);
    await user.click(screen.getByRole('button', { name: 'Stimme abgeben' }));
    expect(onSubmit).toHaveBeenCalledWith({
      method: 'impactEffort',
      ratings: { c1: { impact: 5, effort: 2 } },
    });
  });
});

describe('ballot screen', () => {
  // The round's clusters exist: items deleted during a round are not offered.
  beforeEach(async () => {
    const db = getDb();
    await db.clusters.clear();
    await db.clusters.bulkPut(
      ITEMS.map((item, index) => ({
        id: item.id as ClusterId,
        boardId: 'b1' as BoardId,
        title: item.label,
        rank: `a${index}`,
        collapsed: false,
        focusAreaAt: null,
        description: '',
        createdAt: 1,
        updatedAt: 1,
      })),
    );
  });

  it('does not offer an item deleted during the round, and says so; nor a voter removed from the workshop', async () => {
    const user = userEvent.setup();
    await getDb().clusters.delete('c2' as ClusterId);
    const r = round({ method: 'dots', dots: 1, maxPerItem: 1 });
    render(
      <BallotScreen
        round={r}
        participants={[people[0]!]}
        voted={new Set()}
        now={2}
        submit={vi.fn().mockResolvedValue(null)}
        onExit={vi.fn()}
      />,
    );
    expect(
      screen.getByText(
        '1 stimmberechtigte Person wurde aus dem Workshop entfernt und kann hier nicht mehr abstimmen. Eine schon abgegebene Stimme bleibt gezählt.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ben Öztürk' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Anna Schmidt' }));
    await screen.findByText(
      '1 Eintrag wurde während der Runde gelöscht und steht nicht mehr zur Wahl. Bereits abgegebene Stimmen dafür bleiben gezählt.',
    );
    expect(screen.queryByText('Bürgerportal')).toBeNull();
    expect(screen.getByText('E-Akte')).toBeTruthy();
  });

  it('offers those who have not voted first, thanks, and clears back to the names', async () => {
    const user = userEvent.setup();
    const submit = vi.fn().mockResolvedValue(null);
    const r = round({ method: 'dots', dots: 1, maxPerItem: 1 });
    render(
      <BallotScreen
        round={r}
        participants={people}
        voted={new Set([ben.id])}
        now={2}
        submit={submit}
        onExit={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Bitte wählen Sie Ihren Namen' })).toBeTruthy();
    expect(screen.getByText('1 von 2 Stimmen abgegeben')).toBeTruthy();
    // Ben has voted: he is offered only to change his vote, behind "Bereits abgestimmt".
    expect(screen.queryByRole('button', { name: 'Ben Öztürk' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Stimme von Ben Öztürk ändern' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Anna Schmidt' }));
    // The focus moves in an effect after the render: awaited (it came late once under load).
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { name: 'Stimmzettel für Anna Schmidt' }),
      ),
    );
    await user.click(add('KI-Assistenz'));
    await user.click(screen.getByRole('button', { name: 'Stimme abgeben' }));
    expect(submit).toHaveBeenCalledWith(anna.id, { method: 'dots', dots: { c3: 1 } });
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { name: 'Danke, Ihre Stimme ist gespeichert' }),
      ),
    );
    // Nothing of the ballot is left on screen for the next person.
    expect(screen.queryByText('KI-Assistenz')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Nächste Person' }));
    expect(screen.getByRole('heading', { name: 'Bitte wählen Sie Ihren Namen' })).toBeTruthy();
  });

  it('takes no ballot once the closing time has passed', () => {
    const r = { ...round({ method: 'dots', dots: 1, maxPerItem: 1 }), closesAt: 10 };
    render(
      <BallotScreen
        round={r}
        participants={people}
        voted={new Set()}
        now={11}
        submit={vi.fn()}
        onExit={vi.fn()}
      />,
    );
    expect(
      screen.getByRole('heading', { name: 'Diese Abstimmung nimmt keine Stimmen mehr an' }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Anna Schmidt' })).toBeNull();
  });
});
