import i18next from 'i18next';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import { DomainError } from '../../domain/errors';
import type { Board, Participant, VotingRound } from '../../domain/types';
import { acceptsVotes, roundResult, VOTING_LIMITS_ROUND } from '../../domain/voting';
import { resultSentence } from '../../domain/votingRecord';
import { listBallotsOfRound } from '../../persistence/votingHooks';
import { describeError, reportFailure } from '../app/commands';
import { PaperTallyDialog } from './PaperTallyDialog';
import { PhoneOpenButton, PhonePanel } from './phone/PhonePanel';
import { ResultView } from './ResultView';
import { annulVotingRound, closeVotingRound, rerunVotingRound, revealVotingRound } from './votingActions';
import { methodLabel, recordWords } from './votingLabels';

interface RoundCardProps {
  round: VotingRound;
  board: Board | undefined;
  participants: readonly Participant[];
  /** Ballots cast so far (a count only: nothing about what they say). */
  cast: number;
  now: number;
  onOpenBallots: (round: VotingRound) => void;
}

type Ask = 'close' | 'annul' | 'paper' | null;

function formatTime(at: number): string {
  return new Intl.DateTimeFormat(i18next.language, { hour: '2-digit', minute: '2-digit' }).format(at);
}

/** The sentence read out when a result is revealed: "Ergebnis …: 1. A (12 Punkte), 2. B …". */
async function revealSummary(round: VotingRound): Promise<string> {
  const result = roundResult(round, await listBallotsOfRound(round.id));
  const sentence = resultSentence(
    round,
    result,
    result.rows.slice(0, 5).map((row) => row.itemId),
    recordWords(round, i18next.t('voting.announce.revealed', { title: round.title })),
  );
  return `${sentence}. ${i18next.t('voting.turnout', { cast: result.turnout.cast, entitled: result.turnout.entitled })}`;
}

/** One voting round in the list: its facts, what can be done with it now, and its result once shown. */
export const RoundCard = memo(function RoundCard({
  round,
  board,
  participants,
  cast,
  now,
  onOpenBallots,
}: RoundCardProps) {
  const { t } = useTranslation();
  const [ask, setAsk] = useState<Ask>(null);
  // "Ergebnis zeigen" goes when the result comes: the focus moves to the result, not to the
  // round's first button ("Aufheben"). Before the effects of the commit, so FocusKeeper
  // finds the focus in place.
  const revealing = useRef(false);
  const resultRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!round.revealed || !revealing.current) return;
    revealing.current = false;
    resultRef.current?.focus();
  }, [round.revealed]);
  const open = round.status === 'open';
  const taking = acceptsVotes(round, now);
  const status = open
    ? taking
      ? t('voting.status.open')
      : t('voting.status.timeUp')
    : round.status === 'closed'
      ? round.revealed
        ? t('voting.status.revealed')
        : t('voting.status.closed')
      : t('voting.status.annulled');

  return (
    // data-round-id: closing moves the round to another list; the focus follows it (FocusKeeper).
    <li className={`voting-round voting-round-${round.status}`} data-round-id={round.id}>
      <article aria-labelledby={`round-${round.id}`}>
        <header className="voting-round-header">
          <h4 id={`round-${round.id}`}>{round.title}</h4>
          <span className="voting-status">{status}</span>
        </header>
        <dl className="voting-facts">
          <div>
            <dt>{t('voting.facts.method')}</dt>
            <dd>{methodLabel(round.settings)}</dd>
          </div>
          <div>
            <dt>{t('voting.facts.board')}</dt>
            <dd>
              {board?.title ?? t('voting.facts.boardGone')} · {t(`voting.target.${round.target}`)} (
              {round.items.length})
            </dd>
          </div>
          <div>
            <dt>{t('voting.facts.turnout')}</dt>
            <dd>{t('voting.turnout', { cast, entitled: round.entitled.length })}</dd>
          </div>
          <div>
            <dt>{t('voting.facts.secrecy')}</dt>
            <dd>{round.anonymous ? t('voting.start.anonymous') : t('voting.start.named')}</dd>
          </div>
          {open && (
            <div>
              <dt>{t('voting.facts.closing')}</dt>
              <dd>
                {round.closesAt === null
                  ? t('voting.start.untilClosed')
                  : t('voting.facts.closesAt', { time: formatTime(round.closesAt) })}
              </dd>
            </div>
          )}
          {round.status === 'annulled' && (
            <div>
              <dt>{t('voting.facts.annulReason')}</dt>
              <dd className="voting-annul-reason">{round.annulReason}</dd>
            </div>
          )}
        </dl>

        <div className="voting-actions">
          {open && taking && (
            <button type="button" className="button button-primary" onClick={() => onOpenBallots(round)}>
              {t('voting.actions.ballots')}
            </button>
          )}
          {open && taking && <PhoneOpenButton round={round} participants={participants} />}
          {open && taking && round.settings.method === 'dots' && (
            <button type="button" className="button" onClick={() => setAsk('paper')}>
              {t('voting.actions.paper')}
            </button>
          )}
          {open && (
            <button type="button" className="button" onClick={() => setAsk('close')}>
              {t('voting.actions.close')}
            </button>
          )}
          {round.status === 'closed' && !round.revealed && (
            <button
              type="button"
              className="button button-primary"
              onClick={async () => {
                revealing.current = true;
                let saved = false;
                try {
                  saved = await revealVotingRound(round, await revealSummary(round));
                } catch (error) {
                  reportFailure(error);
                } finally {
                  if (!saved) revealing.current = false;
                }
              }}
            >
              {t('voting.actions.reveal')}
            </button>
          )}
          {round.status !== 'annulled' && round.decisionId === null && (
            <button type="button" className="button button-danger-quiet" onClick={() => setAsk('annul')}>
              {t('voting.actions.annul')}
            </button>
          )}
          {round.status === 'annulled' && (
            <button type="button" className="button" onClick={() => void rerunVotingRound(round)}>
              {t('voting.actions.rerun')}
            </button>
          )}
        </div>

        {open && <PhonePanel round={round} cast={cast} />}

        {round.status === 'closed' && round.revealed && (
          <div
            ref={resultRef}
            className="voting-result-holder"
            tabIndex={-1}
            role="group"
            aria-label={t('voting.result.tableCaption', { title: round.title })}
          >
            <ResultView round={round} participants={participants} />
          </div>
        )}
      </article>

      {ask === 'close' && (
        <ConfirmDialog
          title={t('voting.confirmClose.title')}
          message={t('voting.confirmClose.message', {
            title: round.title,
            cast,
            entitled: round.entitled.length,
          })}
          confirmLabel={t('voting.actions.close')}
          onConfirm={() => {
            setAsk(null);
            void closeVotingRound(round);
          }}
          onCancel={() => setAsk(null)}
        />
      )}
      {ask === 'annul' && (
        <TextPromptDialog
          title={t('voting.annul.title', { title: round.title })}
          label={t('voting.annul.reason')}
          submitLabel={t('voting.actions.annul')}
          validate={(value) => {
            const clean = value.replace(/\s+/g, ' ').trim();
            if (clean === '') return describeError(new DomainError('voting.annulReasonRequired'));
            if (clean.length > VOTING_LIMITS_ROUND.annulReason)
              return describeError(
                new DomainError('voting.annulReasonTooLong', { max: VOTING_LIMITS_ROUND.annulReason }),
              );
            return null;
          }}
          onSubmit={(reason) => annulVotingRound(round, reason)}
          onClose={() => setAsk(null)}
        />
      )}
      {ask === 'paper' && <PaperTallyDialog round={round} onClose={() => setAsk(null)} />}
    </li>
  );
});
