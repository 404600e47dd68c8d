// The phone's selection steps mirror the laptop's ballot rules (votingTally.ts).
import { describe, expect, it } from 'vitest';
import type { LanVotingSettings } from '../../../electron/shared/lanContract';
import {
  addDot,
  ballotProblem,
  ballotSummary,
  buildContent,
  clearRating,
  draftFromBallot,
  emptyDraft,
  fitDraft,
  methodExplanation,
  rankAdd,
  rankMove,
  rankRemove,
  remainingMessage,
  removeDot,
  sanitizeDraft,
  setPoints,
  setRating,
  type Draft,
  type Step,
} from '../../../renderer/phone/ballotDraft';
import { translator } from '../../../renderer/phone/i18n';

const items = [
  { id: 'a', label: 'Antragsverfahren' },
  { id: 'b', label: 'Bürgerservice' },
  { id: 'c', label: 'Datenkompetenz' },
];
const de = translator('de');
const ok = (step: Step): Draft => {
  if (!step.ok) throw new Error(`refused: ${step.reason.key}`);
  return step.draft;
};

describe('dots', () => {
  const settings = { method: 'dots', dots: 3, maxPerItem: 2 } as const;

  it('adds up to the limit per item and the budget, and says why it stops', () => {
    let draft = ok(addDot(settings, emptyDraft(), items[0]!));
    draft = ok(addDot(settings, draft, items[0]!));
    const stacked = addDot(settings, draft, items[0]!);
    expect(stacked.ok).toBe(false);
    if (!stacked.ok) expect(de.say(stacked.reason)).toBe('Auf „Antragsverfahren“ dürfen höchstens 2 Punkte.');
    draft = ok(addDot(settings, draft, items[1]!));
    expect(de.say(remainingMessage(settings, items, draft))).toBe('Alle Punkte verteilt');
    const over = addDot(settings, draft, items[2]!);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.reason.key).toBe('dots.noneLeft');
    expect(buildContent(settings, draft)).toEqual({ method: 'dots', dots: { a: 2, b: 1 } });
    expect(ballotProblem(settings, items, draft)).toBeNull();
  });

  it('takes dots away, never below zero, and counts what is left', () => {
    let draft = ok(addDot(settings, emptyDraft(), items[1]!));
    expect(de.say(remainingMessage(settings, items, draft))).toBe('Noch 2 Punkte');
    draft = ok(removeDot(draft, items[1]!));
    expect(draft.dots).toEqual({});
    expect(removeDot(draft, items[1]!).ok).toBe(false);
    expect(de.say(ballotProblem(settings, items, draft)!)).toBe(
      'Der Stimmzettel ist noch leer. Bitte vergeben Sie mindestens eine Stimme.',
    );
  });

  it('explains the method in words', () => {
    expect(methodExplanation({ method: 'dots', dots: 5, maxPerItem: 2 }).map(de.say)).toEqual([
      'Sie haben 5 Punkte.',
      'Höchstens 2 pro Eintrag.',
    ]);
    expect(methodExplanation({ method: 'dots', dots: 1, maxPerItem: 1 }).map(de.say)).toEqual([
      'Sie haben 1 Punkt.',
    ]);
  });
});

describe('points', () => {
  const settings = { method: 'points', total: 100 } as const;

  it('must spend exactly the total', () => {
    let draft = setPoints(emptyDraft(), 'a', '60');
    expect(de.say(remainingMessage(settings, items, draft))).toBe('Noch 40 Punkte zu verteilen');
    expect(de.say(ballotProblem(settings, items, draft)!)).toBe(
      'Es sind erst 60 von 100 Punkten verteilt. Bitte verteilen Sie genau 100 Punkte.',
    );
    draft = setPoints(draft, 'b', '50');
    expect(de.say(remainingMessage(settings, items, draft))).toBe('10 Punkte zu viel');
    expect(ballotProblem(settings, items, draft)?.key).toBe('invalid.overBudget');
    draft = setPoints(draft, 'b', '40');
    expect(ballotProblem(settings, items, draft)).toBeNull();
    expect(buildContent(settings, draft)).toEqual({ method: 'points', points: { a: 60, b: 40 } });
  });

  it('refuses anything but whole numbers, and an emptied field counts as 0', () => {
    let draft = setPoints(setPoints(emptyDraft(), 'a', '99,5'), 'b', '1');
    expect(de.say(ballotProblem(settings, items, draft)!)).toBe('Bitte nur ganze Zahlen ab 0 eingeben.');
    draft = setPoints(draft, 'a', '');
    expect(draft.points).toEqual({ b: '1' });
    draft = setPoints(draft, 'a', ' 99 ');
    expect(ballotProblem(settings, items, draft)).toBeNull();
  });
});

describe('ranking', () => {
  const settings = { method: 'ranking', topK: 2 } as const;

  it('chooses the top K in order, moves them and stops at K', () => {
    let draft = ok(rankAdd(settings, emptyDraft(), items[2]!));
    draft = ok(rankAdd(settings, draft, items[0]!));
    const full = rankAdd(settings, draft, items[1]!);
    expect(full.ok).toBe(false);
    if (!full.ok)
      expect(de.say(full.reason)).toBe('Alle 2 Plätze sind vergeben. Entfernen Sie zuerst einen Eintrag.');
    draft = ok(rankMove(draft, items[0]!, -1));
    expect(draft.order).toEqual(['a', 'c']);
    const top = rankMove(draft, items[0]!, -1);
    expect(top.ok).toBe(false);
    expect(rankMove(draft, items[2]!, 1).ok).toBe(false);
    expect(buildContent(settings, draft)).toEqual({ method: 'ranking', order: ['a', 'c'] });
    draft = rankRemove(draft, 'a');
    expect(draft.order).toEqual(['c']);
    expect(de.say(remainingMessage(settings, items, draft))).toBe('Noch 1 Platz frei');
    expect(ballotProblem(settings, items, draft)).toBeNull();
    expect(ballotProblem(settings, items, rankRemove(draft, 'c'))?.key).toBe('invalid.emptyBallot');
  });
});

describe('impact and effort', () => {
  const settings: LanVotingSettings = { method: 'impactEffort' };

  it('counts only items with both ratings and names a half-rated one', () => {
    let draft = setRating(emptyDraft(), 'b', 'impact', 4);
    expect(de.say(ballotProblem(settings, items, draft)!)).toBe(
      'Bei „Bürgerservice“ fehlt noch der Aufwand.',
    );
    expect(buildContent(settings, draft)).toEqual({ method: 'impactEffort', ratings: {} });
    draft = setRating(draft, 'b', 'effort', 2);
    expect(ballotProblem(settings, items, draft)).toBeNull();
    expect(de.say(remainingMessage(settings, items, draft))).toBe('1 von 3 Einträgen bewertet');
    expect(
      ballotSummary(items, buildContent(settings, draft)).map((line) => [line.label, de.say(line.value)]),
    ).toEqual([['Bürgerservice', 'Nutzen 4, Aufwand 2']]);
    draft = clearRating(draft, 'b');
    expect(ballotProblem(settings, items, draft)?.key).toBe('invalid.emptyBallot');
  });
});

describe('keeping a selection', () => {
  it('turns a stored ballot back into a selection to change', () => {
    const draft = draftFromBallot(
      { participantId: 'p1', content: { method: 'points', points: { a: 70, b: 30 } }, updatedAt: 1 },
      false,
    );
    expect(draft).toMatchObject({ participantId: 'p1', points: { a: '70', b: '30' } });
    expect(
      draftFromBallot(
        { participantId: 'device-00', content: { method: 'ranking', order: ['b'] }, updatedAt: 1 },
        true,
      ).participantId,
    ).toBeNull();
  });

  it('reads back only what is a selection, and drops items the round does not have', () => {
    expect(sanitizeDraft('nonsense')).toBeNull();
    expect(sanitizeDraft({ participantId: 5, dots: {}, points: {}, order: [], ratings: {} })).toBeNull();
    const read = sanitizeDraft({
      participantId: 'p2',
      dots: { a: 2, b: -1, c: 1.5 },
      points: { a: '10', b: 3 },
      order: ['a', 'a', 7, 'zz'],
      ratings: { a: { impact: 3, effort: 'x' } },
    })!;
    expect(read).toEqual({
      participantId: 'p2',
      dots: { a: 2 },
      points: { a: '10' },
      order: ['a', 'zz'],
      ratings: { a: { impact: 3, effort: null } },
    });
    expect(fitDraft(read, items).order).toEqual(['a']);
  });
});
