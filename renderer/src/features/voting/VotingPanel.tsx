import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantId, VotingRoundId } from '../../domain/ids';
import type { Board, VotingRound, Workshop } from '../../domain/types';
import { latestRevealedRound } from '../../domain/voting';
import type { BallotContent } from '../../domain/votingTally';
import { useParticipants } from '../../persistence/participantHooks';
import { useVotersByRound, useVotingRounds } from '../../persistence/votingHooks';
import { usePresentRound } from '../projector/presentation';
import { BallotScreen } from './BallotScreen';
import { countVoters } from './phone/lanModel';
import { RoundCard } from './RoundCard';
import { StartRoundDialog } from './StartRoundDialog';
import { submitBallot } from './votingActions';
import './voting.css';

const NOBODY: ReadonlySet<ParticipantId> = new Set();

/** The clock, re-read every few seconds, so a round with a closing time stops taking votes on time. */
function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * "Abstimmungen": the voting rounds of a workshop (open, closed, annulled), a
 * dialog to start one, and the pass-the-laptop ballot screen. Results appear
 * only after the facilitator closes a round and reveals it.
 */
export function VotingPanel({ workshop, boards }: { workshop: Workshop; boards: Board[] }) {
  const { t } = useTranslation();
  const rounds = useVotingRounds(workshop.id);
  const voters = useVotersByRound(workshop.id);
  const participants = useParticipants(workshop.id);
  const now = useNow(5000);
  const [starting, setStarting] = useState(false);
  const [ballotRoundId, setBallotRoundId] = useState<VotingRoundId | null>(null);
  const openBallots = useCallback((round: VotingRound) => setBallotRoundId(round.id), []);
  // The projector shows the result revealed last; not while people cast their votes here.
  usePresentRound(
    workshop.id,
    ballotRoundId === null ? (latestRevealedRound(rounds ?? [])?.id ?? null) : null,
  );

  if (!rounds || !voters || !participants) return <p>{t('common.loading')}</p>;

  const ballotRound = rounds.find((r) => r.id === ballotRoundId);
  if (ballotRound) {
    return (
      <BallotScreen
        round={ballotRound}
        participants={participants}
        voted={voters.get(ballotRound.id) ?? NOBODY}
        now={now}
        submit={(participantId, content: BallotContent) => submitBallot(ballotRound, participantId, content)}
        onExit={() => setBallotRoundId(null)}
      />
    );
  }

  const groups: Array<{ key: string; heading: string; rounds: VotingRound[] }> = [
    { key: 'open', heading: t('voting.groups.open'), rounds: rounds.filter((r) => r.status === 'open') },
    {
      key: 'closed',
      heading: t('voting.groups.closed'),
      rounds: rounds.filter((r) => r.status === 'closed'),
    },
    {
      key: 'annulled',
      heading: t('voting.groups.annulled'),
      rounds: rounds.filter((r) => r.status === 'annulled'),
    },
  ];
  const boardById = new Map(boards.map((b) => [b.id, b]));

  return (
    <section className="voting-panel" aria-labelledby="voting-heading">
      <div className="page-heading">
        <h2 id="voting-heading">{t('voting.heading')}</h2>
        <button
          type="button"
          className="button button-primary"
          onClick={() => setStarting(true)}
          disabled={boards.length === 0}
        >
          {t('voting.start.open')}
        </button>
      </div>
      <p className="voting-intro">{t('voting.intro')}</p>
      {rounds.length === 0 && <p className="empty">{t('voting.none')}</p>}
      {groups
        .filter((group) => group.rounds.length > 0)
        .map((group) => (
          <section key={group.key} className="voting-group" aria-labelledby={`voting-group-${group.key}`}>
            <h3 id={`voting-group-${group.key}`} className="voting-group-heading">
              {group.heading} ({group.rounds.length})
            </h3>
            <ul className="voting-rounds">
              {group.rounds.map((round) => (
                <RoundCard
                  key={round.id}
                  round={round}
                  board={boardById.get(round.boardId)}
                  participants={participants}
                  cast={countCast(round, voters.get(round.id))}
                  now={now}
                  onOpenBallots={openBallots}
                />
              ))}
            </ul>
          </section>
        ))}
      {starting && (
        <StartRoundDialog
          workshop={workshop}
          boards={boards}
          participants={participants}
          onClose={() => setStarting(false)}
        />
      )}
    </section>
  );
}

function countCast(round: VotingRound, voted: ReadonlySet<ParticipantId> | undefined): number {
  // Phones of an anonymous round count too, as in the result (up to the entitled number).
  return voted ? countVoters(round, voted) : 0;
}
