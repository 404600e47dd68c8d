import i18next from 'i18next';
import type { ChangeSet } from '../../domain/changes';
import { localIsoDate } from '../../domain/decisions';
import { DomainError } from '../../domain/errors';
import type { ParticipantId } from '../../domain/ids';
import type { Cluster, VotingRound } from '../../domain/types';
import {
  annulRound,
  castBallot,
  closeRound,
  rerunRound,
  revealRound,
  setPaperTally,
  startRound,
  type RoundResult,
  type StartRoundArgs,
} from '../../domain/voting';
import { promoteWinners, recordShortlist } from '../../domain/votingRecord';
import type { BallotContent } from '../../domain/votingTally';
import { findBallot } from '../../persistence/votingHooks';
import { useAppStore } from '../../state/store';
import { describeError, run, writes } from '../app/commands';
import { stopPhoneVoting } from './phone/phoneVoting';
import { recordWords, roundHeading } from './votingLabels';

/** Dexie reports a second ballot of the same person in the same round as a ConstraintError. */
function isConstraintError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if ((current as { name?: unknown }).name === 'ConstraintError') return true;
    current = (current as { inner?: unknown }).inner;
  }
  return false;
}

function announce(text: string): void {
  useAppStore.getState().announce(text);
}

/** Starts a round: resolves true when saved, false when the save failed (a toast said so), or the refusal. */
export async function saveNewRound(args: StartRoundArgs): Promise<DomainError | boolean> {
  let changes: ChangeSet;
  try {
    changes = startRound(args).changes;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  const saved = await run(() => changes);
  if (saved) announce(i18next.t('voting.announce.started', { title: args.title.trim() }));
  return saved;
}

/**
 * Casts or changes a ballot. Not an undo step: in a pass-the-laptop vote the
 * next person's Strg+Z must not take back the previous person's ballot.
 * Resolves null when saved, or the message to show on the ballot screen.
 */
export function submitBallot(
  round: VotingRound,
  participantId: ParticipantId,
  content: BallotContent,
): Promise<string | null> {
  return storeBallot(round, participantId, content, Date.now());
}

/**
 * Stores a ballot as cast at `now`: the laptop's, or a phone's at the time the
 * LAN server received it (see phone/phoneVoting.ts). Not an undo step either.
 */
export async function storeBallot(
  round: VotingRound,
  participantId: ParticipantId,
  content: BallotContent,
  now: number,
): Promise<string | null> {
  try {
    const existing = await findBallot(round.id, participantId);
    const { changes } = castBallot(round, existing, participantId, content, now);
    await writes.submit(changes);
    return null;
  } catch (error) {
    if (isConstraintError(error)) return i18next.t('errors.voting.duplicateBallot');
    if (!(error instanceof DomainError)) console.error(error);
    return describeError(error);
  }
}

/** Saves the counted paper dots of several items as one change (one undo step). */
export async function savePaperTally(
  round: VotingRound,
  counts: Readonly<Record<string, number>>,
): Promise<boolean> {
  return run(() => {
    const now = Date.now();
    let current = round;
    for (const [itemId, dots] of Object.entries(counts)) {
      if ((round.paperTally[itemId] ?? 0) === dots) continue;
      const [change] = setPaperTally(current, itemId, dots, now);
      current = change!.after as VotingRound;
    }
    return current === round ? [] : [{ table: 'votingRounds', before: round, after: current }];
  });
}

export async function closeVotingRound(round: VotingRound): Promise<boolean> {
  // Phones first: ballots the LAN server took before the close are stored, then it stops.
  await stopPhoneVoting(round.id, { quiet: true });
  const saved = await run(() => closeRound(round, Date.now()));
  if (saved) announce(i18next.t('voting.announce.closed', { title: round.title }));
  return saved;
}

export async function revealVotingRound(round: VotingRound, summary: string): Promise<boolean> {
  const saved = await run(() => revealRound(round, Date.now()));
  if (saved) announce(summary);
  return saved;
}

export async function annulVotingRound(round: VotingRound, reason: string): Promise<boolean> {
  const saved = await run(() => annulRound(round, reason, Date.now()));
  if (saved) {
    announce(i18next.t('voting.announce.annulled', { title: round.title }));
    void stopPhoneVoting(round.id, { quiet: true });
  }
  return saved;
}

export async function rerunVotingRound(round: VotingRound): Promise<boolean> {
  const title = i18next.t('voting.rerunTitle', { title: round.title });
  const saved = await run(() => rerunRound(round, title.slice(0, 200), Date.now()).changes);
  if (saved) announce(i18next.t('voting.announce.started', { title }));
  return saved;
}

export async function promoteRoundWinners(
  round: VotingRound,
  result: RoundResult,
  clusters: readonly Cluster[],
  places: number,
): Promise<boolean> {
  let promoted: string[] = [];
  let already: string[] = [];
  const saved = await run(() => {
    const now = Date.now();
    const planned = promoteWinners({
      round,
      result,
      clusters,
      places,
      words: recordWords(round, roundHeading(round)),
      date: localIsoDate(new Date(now)),
      now,
    });
    promoted = planned.promoted;
    already = planned.already;
    return planned.changes;
  });
  if (saved) {
    // Counted are the clusters made focus areas now; those that were already are named.
    const title = new Map(clusters.map((c) => [c.id as string, c.title]));
    const before = already.map((id) => i18next.t('common.quoted', { text: title.get(id) ?? '' })).join(', ');
    const done = i18next.t('voting.promote.done', { count: promoted.length - already.length });
    announce(
      already.length > 0
        ? `${done} ${i18next.t('voting.promote.already', { count: already.length, titles: before })}`
        : done,
    );
  }
  return saved;
}

/** Records the shortlist of a round on cards or project ideas as a decision. */
export async function recordRoundShortlist(
  round: VotingRound,
  result: RoundResult,
  places: number,
): Promise<boolean> {
  let chosen: string[] = [];
  const saved = await run(() => {
    const now = Date.now();
    const planned = recordShortlist({
      round,
      result,
      places,
      words: recordWords(round, roundHeading(round)),
      date: localIsoDate(new Date(now)),
      now,
    });
    chosen = planned.chosen;
    return planned.changes;
  });
  if (saved) announce(i18next.t('voting.shortlist.done', { count: chosen.length }));
  return saved;
}
