import { useEffect } from 'react';
import type { WorkshopId } from '../../../domain/ids';
import { useRound, useVoterIds } from '../../../persistence/lanHooks';
import { adoptRunningSession, runIntake, sendUpdate, stopPhoneVoting, usePhoneVoting } from './phoneVoting';

/**
 * Takes phone ballots in wherever the facilitator is in the workshop (not only
 * on the voting page): mounted once by the workshop screen, renders nothing.
 * It also keeps the host in step with the round: who voted at the laptop, the
 * closing time, and it stops serving when the round closes, is annulled or is
 * deleted with its board.
 */
export function LanIntake({ workshopId }: { workshopId: WorkshopId }) {
  const voting = usePhoneVoting();
  const roundId = voting?.workshopId === workshopId ? voting.roundId : null;
  const synced = voting?.synced ?? false;
  const round = useRound(roundId);
  // One string, so an unchanged list of voters does not send an update.
  const voters = useVoterIds(roundId)?.join(' ');

  useEffect(() => {
    void adoptRunningSession(workshopId);
  }, [workshopId]);

  useEffect(() => (roundId === null ? undefined : runIntake(roundId)), [roundId]);

  const status = round === null ? 'gone' : round?.status;
  const closesAt = round?.closesAt ?? null;
  useEffect(() => {
    if (roundId === null || status === undefined) return;
    if (status !== 'open') {
      void stopPhoneVoting(roundId, { quiet: true });
      return;
    }
    if (closesAt === null) return;
    const timer = setTimeout(
      () => void stopPhoneVoting(roundId, { timeUp: true }),
      Math.min(2 ** 31 - 1, Math.max(0, closesAt - Date.now())),
    );
    return () => clearTimeout(timer);
  }, [roundId, status, closesAt]);

  useEffect(() => {
    if (roundId === null || !synced || voters === undefined || status !== 'open') return;
    sendUpdate(roundId, voters === '' ? [] : voters.split(' '), closesAt);
  }, [roundId, synced, voters, status, closesAt]);

  return null;
}
