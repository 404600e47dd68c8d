/**
 * Voting rounds as commands: start with fixed settings, cast and change
 * ballots while open, count paper dots, close, reveal, annul with a reason and
 * run again. Counting itself lives in votingTally.ts.
 */
import type { Change } from './changes';
import { DomainError } from './errors';
import {
  newId,
  type BallotId,
  type BoardId,
  type ParticipantId,
  type VotingRoundId,
  type WorkshopId,
} from './ids';
import { attendanceOf } from './minutesRecord';
import type { Ballot, Participant, VotingRound, VotingTarget } from './types';
import { cleanTitle, LIMITS } from './validation';
import {
  checkBallot,
  checkSettings,
  tally,
  type BallotContent,
  type TallyResult,
  type VotingSettings,
} from './votingTally';

export const VOTING_LIMITS_ROUND = {
  maxItems: 500,
  maxVoters: 500,
  /** Paper dots counted for one item. */
  maxPaperDots: 10_000,
  annulReason: 500,
} as const;

/**
 * Phones in an anonymous round vote without picking a name: their ballots carry
 * "device-" and 16 hex characters, one per phone (see electron/shared/lanContract.ts).
 */
export const DEVICE_VOTER = /^device-[0-9a-f]{16}$/;

/** Whether a ballot of this participant id may be cast and counted in the round. */
export function mayVote(round: VotingRound, participantId: string): boolean {
  return (
    round.entitled.includes(participantId as ParticipantId) ||
    (round.anonymous && DEVICE_VOTER.test(participantId))
  );
}

/**
 * Who is ticked as entitled when a round is set up: everyone present (or never
 * marked), not those marked excused or absent. The facilitator may still tick them.
 */
export function defaultEntitled(
  participants: ReadonlyArray<Pick<Participant, 'id' | 'attendance'>>,
): ParticipantId[] {
  return participants.filter((p) => attendanceOf(p) === 'present').map((p) => p.id);
}

/**
 * The result the voting screen puts on the projector: of the closed and revealed
 * rounds, the one worked on last (revealed, or its result adopted, most recently).
 */
export function latestRevealedRound(rounds: readonly VotingRound[]): VotingRound | null {
  let latest: VotingRound | null = null;
  for (const round of rounds) {
    if (round.status !== 'closed' || !round.revealed) continue;
    if (!latest || round.updatedAt > latest.updatedAt) latest = round;
  }
  return latest;
}

export interface StartRoundArgs {
  workshopId: WorkshopId;
  boardId: BoardId;
  title: string;
  target: VotingTarget;
  settings: VotingSettings;
  items: ReadonlyArray<{ id: string; label: string }>;
  entitled: readonly ParticipantId[];
  anonymous: boolean;
  closesAt: number | null;
  now: number;
}

export function startRound(args: StartRoundArgs): { round: VotingRound; changes: Change[] } {
  checkSettings(args.settings, args.items.length);
  if (args.items.length > VOTING_LIMITS_ROUND.maxItems)
    throw new DomainError('voting.tooManyItems', { max: VOTING_LIMITS_ROUND.maxItems });
  if (new Set(args.items.map((i) => i.id)).size !== args.items.length)
    throw new DomainError('voting.duplicateItem');
  if (args.entitled.length > VOTING_LIMITS_ROUND.maxVoters)
    throw new DomainError('voting.tooManyVoters', { max: VOTING_LIMITS_ROUND.maxVoters });
  if (args.closesAt !== null && args.closesAt <= args.now) throw new DomainError('voting.closesInPast');
  const round: VotingRound = {
    id: newId<VotingRoundId>(),
    workshopId: args.workshopId,
    boardId: args.boardId,
    title: cleanTitle(args.title, 'title', LIMITS.shortText),
    target: args.target,
    settings: { ...args.settings },
    items: args.items.map((item) => ({ id: item.id, label: item.label.slice(0, LIMITS.noteText) })),
    entitled: [...new Set(args.entitled)],
    anonymous: args.anonymous,
    closesAt: args.closesAt,
    status: 'open',
    revealed: false,
    paperTally: {},
    openedAt: args.now,
    closedAt: null,
    annulReason: '',
    decisionId: null,
    createdAt: args.now,
    updatedAt: args.now,
  };
  return { round, changes: [{ table: 'votingRounds', after: round }] };
}

/** Open and not past its closing time: ballots and paper dots are still taken. */
export function acceptsVotes(round: VotingRound, now: number): boolean {
  return round.status === 'open' && (round.closesAt === null || now < round.closesAt);
}

function requireOpen(round: VotingRound, now: number): void {
  if (round.status !== 'open') throw new DomainError('voting.roundNotOpen', { title: round.title });
  if (!acceptsVotes(round, now)) throw new DomainError('voting.roundTimeUp', { title: round.title });
}

/**
 * Casts a participant's ballot, or changes the one they cast before (there is
 * at most one per participant and round; the database enforces it as well).
 */
export function castBallot(
  round: VotingRound,
  existing: Ballot | undefined,
  participantId: ParticipantId,
  content: BallotContent,
  now: number,
): { ballot: Ballot; changes: Change[] } {
  requireOpen(round, now);
  if (!mayVote(round, participantId)) throw new DomainError('voting.notEntitled');
  checkBallot(
    round.settings,
    round.items.map((i) => i.id),
    content,
  );
  if (existing && (existing.roundId !== round.id || existing.participantId !== participantId))
    throw new DomainError('voting.wrongBallot');
  const ballot: Ballot = existing
    ? { ...existing, content, updatedAt: now }
    : {
        id: newId<BallotId>(),
        workshopId: round.workshopId,
        roundId: round.id,
        participantId,
        content,
        castAt: now,
        updatedAt: now,
      };
  return { ballot, changes: [{ table: 'ballots', before: existing, after: ballot }] };
}

/** The facilitator's count of paper dots on one item (when the room used sticky dots). */
export function setPaperTally(round: VotingRound, itemId: string, dots: number, now: number): Change[] {
  requireOpen(round, now);
  if (!round.items.some((i) => i.id === itemId)) throw new DomainError('voting.unknownItem');
  if (!Number.isInteger(dots) || dots < 0 || dots > VOTING_LIMITS_ROUND.maxPaperDots)
    throw new DomainError('voting.paperRange', { max: VOTING_LIMITS_ROUND.maxPaperDots });
  const paperTally = { ...round.paperTally };
  if (dots === 0) delete paperTally[itemId];
  else paperTally[itemId] = dots;
  return [{ table: 'votingRounds', before: round, after: { ...round, paperTally, updatedAt: now } }];
}

export function closeRound(round: VotingRound, now: number): Change[] {
  if (round.status !== 'open') throw new DomainError('voting.roundNotOpen', { title: round.title });
  return [
    {
      table: 'votingRounds',
      before: round,
      after: { ...round, status: 'closed', closedAt: now, updatedAt: now },
    },
  ];
}

/** Shows the result to the room; only a closed round can be revealed. */
export function revealRound(round: VotingRound, now: number): Change[] {
  if (round.status !== 'closed') throw new DomainError('voting.notClosed');
  if (round.revealed) return [];
  return [{ table: 'votingRounds', before: round, after: { ...round, revealed: true, updatedAt: now } }];
}

/** Annuls a round with a reason; it stays in the record, its result no longer counts. */
export function annulRound(round: VotingRound, reason: string, now: number): Change[] {
  if (round.status === 'annulled') throw new DomainError('voting.alreadyAnnulled');
  const clean = reason.replace(/\s+/g, ' ').trim();
  if (clean === '') throw new DomainError('voting.annulReasonRequired');
  if (clean.length > VOTING_LIMITS_ROUND.annulReason)
    throw new DomainError('voting.annulReasonTooLong', { max: VOTING_LIMITS_ROUND.annulReason });
  return [
    {
      table: 'votingRounds',
      before: round,
      after: {
        ...round,
        status: 'annulled',
        annulReason: clean,
        closedAt: round.closedAt ?? now,
        updatedAt: now,
      },
    },
  ];
}

/** A new round with the settings, items and voters of an annulled one. */
export function rerunRound(
  round: VotingRound,
  title: string,
  now: number,
): { round: VotingRound; changes: Change[] } {
  if (round.status !== 'annulled') throw new DomainError('voting.rerunNeedsAnnulled');
  return startRound({
    workshopId: round.workshopId,
    boardId: round.boardId,
    title,
    target: round.target,
    settings: round.settings,
    items: round.items,
    entitled: round.entitled,
    anonymous: round.anonymous,
    closesAt: null,
    now,
  });
}

export interface RoundResult extends TallyResult {
  /** Ballots cast by entitled participants / entitled participants. */
  turnout: { cast: number; entitled: number };
}

/**
 * The result of a round from its ballots: one per participant counts (the
 * latest, should a file ever hold two), only from entitled participants.
 */
export function roundResult(round: VotingRound, ballots: readonly Ballot[]): RoundResult {
  const latest = new Map<string, Ballot>();
  for (const ballot of ballots) {
    if (ballot.roundId !== round.id || !mayVote(round, ballot.participantId)) continue;
    const seen = latest.get(ballot.participantId);
    if (!seen || seen.updatedAt < ballot.updatedAt) latest.set(ballot.participantId, ballot);
  }
  // Never more ballots than people entitled: should phones of an anonymous round
  // ever exceed that, the ones cast last do not count.
  const named = [...latest.values()].filter((b) => !DEVICE_VOTER.test(b.participantId));
  const devices = [...latest.values()]
    .filter((b) => DEVICE_VOTER.test(b.participantId))
    .sort((a, b) => a.castAt - b.castAt || (a.id < b.id ? -1 : 1))
    .slice(0, Math.max(0, round.entitled.length - named.length));
  const counted = [...named, ...devices];
  const result = tally(
    round.settings,
    round.items.map((i) => i.id),
    counted.map((b) => b.content),
    round.paperTally,
  );
  return { ...result, turnout: { cast: counted.length, entitled: round.entitled.length } };
}
