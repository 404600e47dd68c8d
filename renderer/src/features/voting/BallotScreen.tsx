import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantId } from '../../domain/ids';
import type { Participant, VotingRound } from '../../domain/types';
import { acceptsVotes } from '../../domain/voting';
import type { BallotContent } from '../../domain/votingTally';
import { useAppStore } from '../../state/store';
import { useGoneItems } from '../../persistence/votingHooks';
import { BallotForm } from './BallotForm';
import { methodLabel } from './votingLabels';
import { countVoters } from './phone/lanModel';

/** How long the thank-you stays before the screen clears for the next person. */
export const THANKS_MS = 4000;

interface BallotScreenProps {
  round: VotingRound;
  participants: readonly Participant[];
  /** Who has voted so far (ids only). */
  voted: ReadonlySet<ParticipantId>;
  now: number;
  submit: (participantId: ParticipantId, content: BallotContent) => Promise<string | null>;
  onExit: () => void;
}

type Step =
  { name: 'choose' } | { name: 'vote'; participant: Participant; changing: boolean } | { name: 'thanks' };

/**
 * Pass the laptop: each person picks their name, votes, sees "Danke" and the
 * screen clears for the next. Nothing here shows a result or anyone's ballot;
 * changing a ballot starts from an empty one.
 */
export function BallotScreen({ round, participants, voted, now, submit, onExit }: BallotScreenProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [step.name]);

  // Strg+Z here would take back the facilitator's last edit (even the start of this round):
  // the people at the laptop must not, so the shortcut is held back while the ballots are open.
  useEffect(() => {
    function holdBackUndo(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      const target = event.target as HTMLElement | null;
      if (target?.matches?.('input, textarea, select')) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    window.addEventListener('keydown', holdBackUndo, true);
    // The header's undo and redo buttons are held back too.
    useAppStore.getState().setHistoryLocked(true);
    return () => {
      window.removeEventListener('keydown', holdBackUndo, true);
      useAppStore.getState().setHistoryLocked(false);
    };
  }, []);

  useEffect(() => {
    if (step.name !== 'thanks') return;
    const timer = setTimeout(() => setStep({ name: 'choose' }), THANKS_MS);
    return () => clearTimeout(timer);
  }, [step.name]);

  const entitled = participants.filter((p) => round.entitled.includes(p.id));
  // Removed from the workshop during the round: they can no longer vote here.
  const removedVoters = round.entitled.length - entitled.length;
  const gone = useGoneItems(round);
  // Items deleted during the round are not offered; what was cast for them stays counted.
  const votable =
    gone && gone.size > 0 ? { ...round, items: round.items.filter((i) => !gone.has(i.id)) } : round;
  const waiting = entitled.filter((p) => !voted.has(p.id));
  const done = entitled.filter((p) => voted.has(p.id));
  const open = acceptsVotes(round, now);

  return (
    <section className="ballot-screen" aria-labelledby="ballot-heading">
      <div className="ballot-top">
        <p className="ballot-round">
          {round.title} · {methodLabel(round.settings)}
        </p>
        <button type="button" className="button button-small" onClick={onExit}>
          {t('voting.ballot.exit')}
        </button>
      </div>

      {step.name === 'thanks' ? (
        <div className="ballot-thanks">
          <h2 id="ballot-heading" ref={heading} tabIndex={-1}>
            {t('voting.ballot.thanks')}
          </h2>
          <p>{t('voting.ballot.thanksNext')}</p>
          <button type="button" className="button button-primary" onClick={() => setStep({ name: 'choose' })}>
            {t('voting.ballot.next')}
          </button>
        </div>
      ) : !open ? (
        <div>
          <h2 id="ballot-heading" ref={heading} tabIndex={-1}>
            {t('voting.ballot.closedHeading')}
          </h2>
          <p>{t('voting.ballot.closedText')}</p>
        </div>
      ) : step.name === 'vote' ? (
        <>
          <h2 id="ballot-heading" ref={heading} tabIndex={-1}>
            {t('voting.ballot.heading', { name: step.participant.name })}
          </h2>
          {gone && gone.size > 0 && (
            <p className="ballot-note" role="note">
              {t('voting.ballot.itemsGone', { count: gone.size })}
            </p>
          )}
          <BallotForm
            round={votable}
            voterName={step.participant.name}
            changing={step.changing}
            onSubmit={async (content) => {
              const message = await submit(step.participant.id, content);
              if (message === null) setStep({ name: 'thanks' });
              return message;
            }}
            onCancel={() => setStep({ name: 'choose' })}
          />
        </>
      ) : (
        <>
          <h2 id="ballot-heading" ref={heading} tabIndex={-1}>
            {t('voting.ballot.chooseName')}
          </h2>
          <p className="ballot-progress">
            {t('voting.turnout', { cast: countVoters(round, voted), entitled: round.entitled.length })}
          </p>
          {removedVoters > 0 && (
            <p className="ballot-note" role="note">
              {t('voting.ballot.votersRemoved', { count: removedVoters })}
            </p>
          )}
          {waiting.length > 0 ? (
            <ul className="ballot-names">
              {waiting.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="button ballot-name"
                    onClick={() => setStep({ name: 'vote', participant: p, changing: false })}
                  >
                    {p.name}
                    {p.unit && <span className="ballot-name-unit"> · {p.unit}</span>}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="ballot-all-done">{t('voting.ballot.allVoted')}</p>
          )}
          {done.length > 0 && (
            <details className="ballot-change">
              <summary>{t('voting.ballot.changeHeading', { count: done.length })}</summary>
              <p className="field-hint">{t('voting.ballot.changeHint')}</p>
              <ul className="ballot-names">
                {done.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={t('voting.ballot.changeFor', { name: p.name })}
                      onClick={() => setStep({ name: 'vote', participant: p, changing: true })}
                    >
                      {p.name}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
