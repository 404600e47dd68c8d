import { useEffect } from 'react';
import type { VotingRoundId, WorkshopId, WritingRoundId } from '../../../domain/ids';
import { useRound, useVoterIds } from '../../../persistence/lanHooks';
import { useAcceptedTexts, useWritingRound } from '../../../persistence/writingHooks';
import { closeWritingRound } from '../../writing/writingActions';
import { sendWritingUpdate, stopWritingSession, usePhoneWriting } from '../../writing/writingSession';
import { adoptRunningSession, runIntake, sendUpdate, stopPhoneVoting, usePhoneVoting } from './phoneVoting';

/** setTimeout takes at most this (about 24 days). */
const MAX_TIMEOUT = 2 ** 31 - 1;

const VOTING_SERVED = {
  stop: (id: VotingRoundId) => void stopPhoneVoting(id, { quiet: true }),
  timeUp: (id: VotingRoundId) => void stopPhoneVoting(id, { timeUp: true }),
};

const WRITING_SERVED = {
  // Closed elsewhere, undone or deleted with its board: stop serving, store what came in.
  stop: (id: WritingRoundId) => void stopWritingSession(id, { quiet: true }),
  timeUp: (id: WritingRoundId) => void closeWritingRound({ id }, { timeUp: true }),
};

/**
 * Takes in what phones send wherever the facilitator is in the workshop (not
 * only on the voting page or the board): ballots of a voting round, cards of
 * a writing round. Mounted once by the workshop screen, renders nothing. It
 * also keeps the host in step with the round: who voted at the laptop, the
 * closing time, the accepted cards phones may see, and it stops serving when
 * the round closes, is annulled or is deleted with its board. A writing round
 * closes by itself at its closing time.
 */
export function LanIntake({ workshopId }: { workshopId: WorkshopId }) {
  useEffect(() => {
    void adoptRunningSession(workshopId);
  }, [workshopId]);

  return (
    <>
      <VotingIntake workshopId={workshopId} />
      <WritingIntake workshopId={workshopId} />
    </>
  );
}

function VotingIntake({ workshopId }: { workshopId: WorkshopId }) {
  const voting = usePhoneVoting();
  const roundId = voting?.workshopId === workshopId ? voting.roundId : null;
  const synced = voting?.synced ?? false;
  const round = useRound(roundId);
  // One string, so an unchanged list of voters does not send an update.
  const voters = useVoterIds(roundId)?.join(' ');

  useEffect(() => (roundId === null ? undefined : runIntake(roundId)), [roundId]);

  const status = round === null ? 'gone' : round?.status;
  const closesAt = round?.closesAt ?? null;
  useServedUntilClosed(roundId, status, closesAt, VOTING_SERVED);

  useEffect(() => {
    if (roundId === null || !synced || voters === undefined || status !== 'open') return;
    sendUpdate(roundId, voters === '' ? [] : voters.split(' '), closesAt);
  }, [roundId, synced, voters, status, closesAt]);

  return null;
}

function WritingIntake({ workshopId }: { workshopId: WorkshopId }) {
  const writing = usePhoneWriting();
  const roundId = writing?.workshopId === workshopId ? writing.roundId : null;
  const round = useWritingRound(roundId);
  const shared = useAcceptedTexts(round);

  // The same loop as for ballots: it hands the cards to writingSession.storeNoteEvents.
  useEffect(() => (roundId === null ? undefined : runIntake(roundId)), [roundId]);

  const status = round === null ? 'gone' : round?.status;
  const closesAt = round?.closesAt ?? null;
  useServedUntilClosed(roundId, status, closesAt, WRITING_SERVED);

  // Texts as one value, so an unchanged list sends nothing.
  const sharedKey = shared === undefined ? undefined : JSON.stringify(shared);
  useEffect(() => {
    if (!round || round.status !== 'open' || sharedKey === undefined) return;
    sendWritingUpdate(round, JSON.parse(sharedKey) as string[]);
  }, [round, sharedKey]);

  return null;
}

/**
 * Keeps serving a round only while it is open: stops serving once it is closed,
 * annulled or gone ('gone' = deleted), and calls `timeUp` at its closing time.
 */
function useServedUntilClosed<Id extends string>(
  roundId: Id | null,
  status: string | undefined,
  closesAt: number | null,
  on: { stop: (id: Id) => void; timeUp: (id: Id) => void },
) {
  useEffect(() => {
    if (roundId === null || status === undefined) return;
    if (status !== 'open') {
      on.stop(roundId);
      return;
    }
    if (closesAt === null) return;
    const timer = setTimeout(
      () => on.timeUp(roundId),
      Math.min(MAX_TIMEOUT, Math.max(0, closesAt - Date.now())),
    );
    return () => clearTimeout(timer);
  }, [roundId, status, closesAt, on]);
}
