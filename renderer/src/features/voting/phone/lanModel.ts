/**
 * Phone voting, the pure part: what the LAN server is told about a round, what
 * counts as a well-formed ballot event from it, and the turnout figures.
 * No React, Dexie or platform here, so it is tested like domain code.
 */
import type { LanBallotContent, LanLanguage, LanRound } from '../../../../../electron/shared/lanContract';
import type { ParticipantId } from '../../../domain/ids';
import type { Participant, VotingRound } from '../../../domain/types';
import { DEVICE_VOTER, VOTING_LIMITS_ROUND } from '../../../domain/voting';
import type { BallotContent } from '../../../domain/votingTally';

/**
 * The round as phones may see it: title, settings, the items still there, and
 * (named rounds) the names of the entitled participants still in the workshop.
 */
export function lanRoundOf(
  round: VotingRound,
  participants: readonly Participant[],
  goneItems: ReadonlySet<string>,
  language: string,
): LanRound {
  const entitled = new Set<string>(round.entitled);
  return {
    roundId: round.id,
    title: round.title,
    settings: { ...round.settings },
    items: round.items.filter((i) => !goneItems.has(i.id)).map((i) => ({ id: i.id, label: i.label })),
    anonymous: round.anonymous,
    voters: round.anonymous
      ? []
      : participants.filter((p) => entitled.has(p.id)).map((p) => ({ id: p.id, name: p.name })),
    entitledCount: round.entitled.length,
    closesAt: round.closesAt,
    language: lanLanguage(language),
  };
}

function lanLanguage(language: string): LanLanguage {
  return language.startsWith('en') ? 'en' : 'de';
}

/**
 * Who voted already, not through this session: at the laptop, or by phone in
 * a session that has ended. Their names are not offered to phones, and an
 * anonymous round takes that many fewer phones. Phones of the running session
 * are left out, or they could no longer change their own ballot.
 */
export function takenBy(voterIds: Iterable<string>, phoneVoters: ReadonlySet<string>): string[] {
  const taken = new Set<string>();
  for (const id of voterIds) if (!phoneVoters.has(id)) taken.add(id);
  return [...taken].sort();
}

/**
 * Ballots that count toward the turnout, as roundResult counts them: every
 * entitled participant, plus phones of an anonymous round up to the entitled number.
 */
export function countVoters(round: VotingRound, voterIds: Iterable<string>): number {
  const entitled = new Set<string>(round.entitled);
  let counted = 0;
  for (const id of new Set(voterIds)) {
    if (entitled.has(id) || (round.anonymous && DEVICE_VOTER.test(id))) counted += 1;
  }
  return Math.min(counted, round.entitled.length);
}

/** "K7M2QX" → "K7M 2QX": two groups of three are easier to read off a projector. */
export function groupJoinCode(code: string): string {
  return code.length > 4 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** "K 7 M 2 Q X": a screen reader reads each character instead of trying a word. */
export function spellJoinCode(code: string): string {
  return code.split('').join(' ');
}

// ---------------------------------------------------------------------------
// Ballot events come from phones, through the LAN server. The server checks
// them, but the renderer checks again before anything reaches the database:
// castBallot checks the meaning (items, budgets); this checks the shape, so a
// malformed event is refused instead of throwing somewhere inside the tally.
// ---------------------------------------------------------------------------

const MAX_ID = 100;
const MAX_VALUE = 100_000;
/** Item ids as the app makes them; never a key that means something to a JS object. */
const ITEM_KEY = /^[\w-]{1,100}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_VALUE;
}

function isItemKey(key: string): boolean {
  return ITEM_KEY.test(key) && !FORBIDDEN_KEYS.has(key);
}

/** A fresh copy with only item-id keys and checked values, or null when anything does not fit. */
function copyRecord<T>(value: unknown, check: (entry: unknown) => T | null): Record<string, T> | null {
  if (!isRecord(value)) return null;
  const entries = Object.entries(value);
  if (entries.length > VOTING_LIMITS_ROUND.maxItems) return null;
  const copy: Record<string, T> = {};
  for (const [key, entry] of entries) {
    const checked = isItemKey(key) ? check(entry) : null;
    if (checked === null) return null;
    copy[key] = checked;
  }
  return copy;
}

/** The ballot content in the renderer's own shape, or null when it is not one. */
export function parseLanBallotContent(value: unknown): BallotContent | null {
  if (!isRecord(value)) return null;
  switch (value.method) {
    case 'dots': {
      const dots = copyRecord(value.dots, (v) => (isCount(v) ? v : null));
      return dots && { method: 'dots', dots };
    }
    case 'points': {
      const points = copyRecord(value.points, (v) => (isCount(v) ? v : null));
      return points && { method: 'points', points };
    }
    case 'ranking': {
      const order = value.order;
      if (!Array.isArray(order) || order.length > VOTING_LIMITS_ROUND.maxItems) return null;
      if (!order.every((id): id is string => typeof id === 'string' && isItemKey(id))) return null;
      return { method: 'ranking', order: [...order] };
    }
    case 'impactEffort': {
      const ratings = copyRecord(value.ratings, (v) =>
        isRecord(v) && isCount(v.impact) && isCount(v.effort) ? { impact: v.impact, effort: v.effort } : null,
      );
      return ratings && { method: 'impactEffort', ratings };
    }
    default:
      return null;
  }
}

export interface CheckedBallotEvent {
  seq: number;
  participantId: ParticipantId;
  content: BallotContent;
  receivedAt: number;
}

/**
 * A ballot event of this round in a shape the domain can judge, or null. The
 * participant id is a string of the app's id alphabet; mayVote decides the rest.
 */
export function parseLanBallotEvent(value: unknown, roundId: string): CheckedBallotEvent | null {
  if (!isRecord(value)) return null;
  const { seq, participantId, receivedAt } = value;
  if (value.roundId !== roundId) return null;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return null;
  if (typeof participantId !== 'string' || participantId.length > MAX_ID || !isItemKey(participantId))
    return null;
  if (typeof receivedAt !== 'number' || !Number.isFinite(receivedAt)) return null;
  const content = parseLanBallotContent(value.content);
  if (!content) return null;
  return { seq, participantId: participantId as ParticipantId, content, receivedAt };
}

// The two content shapes must stay one: a change on either side fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
void (true satisfies Same<LanBallotContent, BallotContent>);
