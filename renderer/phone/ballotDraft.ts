/**
 * The selection a person builds on the phone before sending it, and the pure
 * steps that change it. The rules are the laptop's own (votingTally.ts), so a
 * ballot the phone lets through is one the server accepts.
 */
import type { LanBallotContent, LanPhoneState, LanVotingSettings } from '../../electron/shared/lanContract';
import { DomainError } from '../src/domain/errors';
import { checkBallot, remaining, VOTING_LIMITS } from '../src/domain/votingTally';
import type { Message } from './i18n';

export interface Rating {
  impact: number | null;
  effort: number | null;
}

/** One selection for every method; only the round's method is used. */
export interface Draft {
  /** Named rounds: the picked name; anonymous rounds: null. */
  participantId: string | null;
  dots: Record<string, number>;
  /** Points as typed, so "" and half-typed numbers survive until sent. */
  points: Record<string, string>;
  order: string[];
  ratings: Record<string, Rating>;
}

export type Item = { id: string; label: string };
export type Step = { ok: true; draft: Draft } | { ok: false; reason: Message };

type Settings<M extends LanVotingSettings['method']> = Extract<LanVotingSettings, { method: M }>;

export function emptyDraft(participantId: string | null = null): Draft {
  return { participantId, dots: {}, points: {}, order: [], ratings: {} };
}

/** The stored ballot as a selection to change. */
export function draftFromBallot(ballot: NonNullable<LanPhoneState['ballot']>, anonymous: boolean): Draft {
  const draft = emptyDraft(anonymous ? null : ballot.participantId);
  const content = ballot.content;
  switch (content.method) {
    case 'dots':
      for (const id of Object.keys(content.dots))
        if (content.dots[id]! > 0) draft.dots[id] = content.dots[id]!;
      break;
    case 'points':
      for (const id of Object.keys(content.points)) draft.points[id] = String(content.points[id]);
      break;
    case 'ranking':
      draft.order = content.order.slice();
      break;
    case 'impactEffort':
      for (const id of Object.keys(content.ratings)) {
        const rating = content.ratings[id]!;
        draft.ratings[id] = { impact: rating.impact, effort: rating.effort };
      }
      break;
  }
  return draft;
}

/** A draft read back from sessionStorage, or null when it is not one. */
export function sanitizeDraft(value: unknown): Draft | null {
  if (!value || typeof value !== 'object') return null;
  const raw = value as Record<string, unknown>;
  const isRecord = (x: unknown): x is Record<string, unknown> =>
    !!x && typeof x === 'object' && !Array.isArray(x);
  if (raw.participantId !== null && typeof raw.participantId !== 'string') return null;
  if (!isRecord(raw.dots) || !isRecord(raw.points) || !isRecord(raw.ratings) || !Array.isArray(raw.order))
    return null;
  const draft = emptyDraft(raw.participantId as string | null);
  for (const id of Object.keys(raw.dots)) {
    const dots = raw.dots[id];
    if (typeof dots === 'number' && Number.isInteger(dots) && dots > 0) draft.dots[id] = dots;
  }
  for (const id of Object.keys(raw.points)) {
    const points = raw.points[id];
    if (typeof points === 'string') draft.points[id] = points;
  }
  for (const id of raw.order) if (typeof id === 'string' && draft.order.indexOf(id) < 0) draft.order.push(id);
  const rating = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) ? x : null);
  for (const id of Object.keys(raw.ratings)) {
    const entry = raw.ratings[id];
    if (isRecord(entry)) draft.ratings[id] = { impact: rating(entry.impact), effort: rating(entry.effort) };
  }
  return draft;
}

/** Drops what does not belong to the round (an item id it does not have). */
export function fitDraft(draft: Draft, items: readonly Item[]): Draft {
  const known = new Set(items.map((item) => item.id));
  const next = emptyDraft(draft.participantId);
  for (const id of Object.keys(draft.dots)) if (known.has(id)) next.dots[id] = draft.dots[id]!;
  for (const id of Object.keys(draft.points)) if (known.has(id)) next.points[id] = draft.points[id]!;
  next.order = draft.order.filter((id) => known.has(id));
  for (const id of Object.keys(draft.ratings)) if (known.has(id)) next.ratings[id] = draft.ratings[id]!;
  return next;
}

function copy(draft: Draft): Draft {
  const ratings: Record<string, Rating> = {};
  for (const id of Object.keys(draft.ratings)) ratings[id] = { ...draft.ratings[id]! };
  return {
    participantId: draft.participantId,
    dots: { ...draft.dots },
    points: { ...draft.points },
    order: draft.order.slice(),
    ratings,
  };
}

export function withParticipant(draft: Draft, participantId: string | null): Draft {
  const next = copy(draft);
  next.participantId = participantId;
  return next;
}

// ---------------------------------------------------------------- dots

export function dotsOn(draft: Draft, id: string): number {
  return draft.dots[id] ?? 0;
}

export function dotsLeft(settings: Settings<'dots'>, draft: Draft): number {
  return remaining(settings, buildContent(settings, draft)) ?? 0;
}

export function addDot(settings: Settings<'dots'>, draft: Draft, item: Item): Step {
  const on = dotsOn(draft, item.id);
  if (on >= settings.maxPerItem)
    return {
      ok: false,
      reason: { key: 'dots.maxReached', params: { count: settings.maxPerItem, item: item.label } },
    };
  if (dotsLeft(settings, draft) <= 0) return { ok: false, reason: { key: 'dots.noneLeft' } };
  const next = copy(draft);
  next.dots[item.id] = on + 1;
  return { ok: true, draft: next };
}

export function removeDot(draft: Draft, item: Item): Step {
  const on = dotsOn(draft, item.id);
  if (on <= 0) return { ok: false, reason: { key: 'dots.noneHere', params: { item: item.label } } };
  const next = copy(draft);
  if (on === 1) delete next.dots[item.id];
  else next.dots[item.id] = on - 1;
  return { ok: true, draft: next };
}

// ---------------------------------------------------------------- points

/** A typed amount as a number: "" counts as 0, anything but a whole number ≥ 0 as NaN. */
export function parsePoints(raw: string): number {
  const text = raw.trim();
  if (text === '') return 0;
  return /^\d+$/.test(text) ? Number(text) : NaN;
}

export function setPoints(draft: Draft, id: string, raw: string): Draft {
  const next = copy(draft);
  if (raw.trim() === '') delete next.points[id];
  else next.points[id] = raw;
  return next;
}

// ---------------------------------------------------------------- ranking

export function placeOf(draft: Draft, id: string): number {
  return draft.order.indexOf(id) + 1;
}

export function rankAdd(settings: Settings<'ranking'>, draft: Draft, item: Item): Step {
  if (draft.order.indexOf(item.id) >= 0) return { ok: true, draft };
  if (draft.order.length >= settings.topK)
    return { ok: false, reason: { key: 'ranking.full', params: { count: settings.topK } } };
  const next = copy(draft);
  next.order.push(item.id);
  return { ok: true, draft: next };
}

export function rankRemove(draft: Draft, id: string): Draft {
  const next = copy(draft);
  next.order = next.order.filter((other) => other !== id);
  return next;
}

/** Moves a ranked item one place up (-1) or down (+1). */
export function rankMove(draft: Draft, item: Item, delta: -1 | 1): Step {
  const from = draft.order.indexOf(item.id);
  const to = from + delta;
  if (from < 0) return { ok: true, draft };
  if (to < 0) return { ok: false, reason: { key: 'ranking.atTop', params: { item: item.label } } };
  if (to >= draft.order.length)
    return { ok: false, reason: { key: 'ranking.atBottom', params: { item: item.label } } };
  const next = copy(draft);
  next.order[from] = next.order[to]!;
  next.order[to] = item.id;
  return { ok: true, draft: next };
}

// ---------------------------------------------------------------- impact / effort

export function setRating(draft: Draft, id: string, axis: 'impact' | 'effort', value: number): Draft {
  const next = copy(draft);
  const rating = next.ratings[id] ?? { impact: null, effort: null };
  rating[axis] = value;
  next.ratings[id] = rating;
  return next;
}

export function clearRating(draft: Draft, id: string): Draft {
  const next = copy(draft);
  delete next.ratings[id];
  return next;
}

export function ratedCount(draft: Draft): number {
  return Object.keys(draft.ratings).filter((id) => {
    const rating = draft.ratings[id]!;
    return rating.impact !== null && rating.effort !== null;
  }).length;
}

// ---------------------------------------------------------------- the whole ballot

/** The ballot as the server takes it (points that are not whole numbers stay NaN and fail the check). */
export function buildContent(settings: LanVotingSettings, draft: Draft): LanBallotContent {
  switch (settings.method) {
    case 'dots': {
      const dots: Record<string, number> = {};
      for (const id of Object.keys(draft.dots)) if (draft.dots[id]! > 0) dots[id] = draft.dots[id]!;
      return { method: 'dots', dots };
    }
    case 'points': {
      const points: Record<string, number> = {};
      for (const id of Object.keys(draft.points)) {
        const value = parsePoints(draft.points[id]!);
        if (value !== 0) points[id] = value;
      }
      return { method: 'points', points };
    }
    case 'ranking':
      return { method: 'ranking', order: draft.order.slice(0, settings.topK) };
    case 'impactEffort': {
      const ratings: Record<string, { impact: number; effort: number }> = {};
      for (const id of Object.keys(draft.ratings)) {
        const rating = draft.ratings[id]!;
        if (rating.impact !== null && rating.effort !== null)
          ratings[id] = { impact: rating.impact, effort: rating.effort };
      }
      return { method: 'impactEffort', ratings };
    }
  }
}

const INVALID: Record<string, string> = {
  'voting.stacking': 'invalid.stacking',
  'voting.overBudget': 'invalid.overBudget',
  'voting.pointsMustAddUp': 'invalid.pointsMustAddUp',
  'voting.emptyBallot': 'invalid.emptyBallot',
  'voting.notWhole': 'invalid.notWhole',
  'voting.rankedTwice': 'invalid.rankedTwice',
  'voting.tooManyRanked': 'invalid.tooManyRanked',
  'voting.ratingRange': 'invalid.ratingRange',
};

/** Why the selection cannot be sent yet, or null when it can. */
export function ballotProblem(
  settings: LanVotingSettings,
  items: readonly Item[],
  draft: Draft,
): Message | null {
  if (settings.method === 'impactEffort') {
    for (const item of items) {
      const rating = draft.ratings[item.id];
      if (!rating) continue;
      if (rating.impact === null)
        return { key: 'impactEffort.incompleteImpact', params: { item: item.label } };
      if (rating.effort === null)
        return { key: 'impactEffort.incompleteEffort', params: { item: item.label } };
    }
  }
  try {
    checkBallot(
      settings,
      items.map((item) => item.id),
      buildContent(settings, draft),
    );
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const key = INVALID[error.code] ?? 'invalid.mismatch';
    return { key, params: error.params };
  }
}

/** "Noch 3 Punkte", shown live while choosing. */
export function remainingMessage(settings: LanVotingSettings, items: readonly Item[], draft: Draft): Message {
  const left = remaining(settings, buildContent(settings, draft));
  switch (settings.method) {
    case 'dots':
      return left! > 0 ? { key: 'remaining.dots', params: { count: left! } } : { key: 'remaining.dotsDone' };
    case 'points': {
      let typed = 0;
      for (const id of Object.keys(draft.points)) {
        const value = parsePoints(draft.points[id]!);
        if (!isNaN(value)) typed += value;
      }
      const rest = settings.total - typed;
      if (rest > 0) return { key: 'remaining.points', params: { count: rest } };
      if (rest < 0) return { key: 'remaining.pointsOver', params: { count: -rest } };
      return { key: 'remaining.pointsDone' };
    }
    case 'ranking':
      return left! > 0
        ? { key: 'remaining.ranking', params: { count: left! } }
        : { key: 'remaining.rankingDone' };
    case 'impactEffort':
      return { key: 'remaining.impactEffort', params: { rated: ratedCount(draft), total: items.length } };
  }
}

/** The sentences that explain the method, e.g. "Sie haben 5 Punkte." "Höchstens 2 pro Eintrag." */
export function methodExplanation(settings: LanVotingSettings): Message[] {
  switch (settings.method) {
    case 'dots':
      return settings.maxPerItem < settings.dots
        ? [
            { key: 'method.dotsBudget', params: { count: settings.dots } },
            { key: 'method.dotsMax', params: { count: settings.maxPerItem } },
          ]
        : [{ key: 'method.dotsBudget', params: { count: settings.dots } }];
    case 'points':
      return [{ key: 'method.points', params: { count: settings.total } }];
    case 'ranking':
      return [{ key: 'method.ranking', params: { count: settings.topK } }];
    case 'impactEffort':
      return [{ key: 'method.impactEffort' }];
  }
}

export interface SummaryLine {
  label: string;
  value: Message;
}

/** A stored ballot in words, in the order of the items (ranking: in the chosen order). */
export function ballotSummary(items: readonly Item[], content: LanBallotContent): SummaryLine[] {
  const labelOf = (id: string) => {
    const item = items.filter((candidate) => candidate.id === id)[0];
    return item ? item.label : null;
  };
  const lines: SummaryLine[] = [];
  switch (content.method) {
    case 'dots':
      for (const item of items) {
        const count = content.dots[item.id] ?? 0;
        if (count > 0) lines.push({ label: item.label, value: { key: 'dots.count', params: { count } } });
      }
      break;
    case 'points':
      for (const item of items) {
        const count = content.points[item.id] ?? 0;
        if (count > 0) lines.push({ label: item.label, value: { key: 'summary.points', params: { count } } });
      }
      break;
    case 'ranking':
      content.order.forEach((id, index) => {
        const label = labelOf(id);
        if (label !== null)
          lines.push({ label, value: { key: 'summary.place', params: { place: index + 1 } } });
      });
      break;
    case 'impactEffort':
      for (const item of items) {
        const rating = content.ratings[item.id];
        if (rating)
          lines.push({
            label: item.label,
            value: { key: 'summary.rating', params: { impact: rating.impact, effort: rating.effort } },
          });
      }
      break;
  }
  return lines;
}

export const RATING_VALUES: readonly number[] = (() => {
  const values: number[] = [];
  for (let value = VOTING_LIMITS.ratingMin; value <= VOTING_LIMITS.ratingMax; value++) values.push(value);
  return values;
})();
