import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { WritingRound } from '../../domain/types';
import { getPlatform } from '../../platform';
import { useAppStore } from '../../state/store';
import { PhoneJoinBody } from '../voting/phone/PhonePanel';
import { hideFromProjector, showOnProjector, useProjectedPhoneRound } from '../voting/phone/phoneProjector';
import { ServeAgainDialog } from './ServeAgainDialog';
import { endWriting, setSharing, useWritingSessionState } from './writingBridge';

export interface InboxCounts {
  /** Cards received (withdrawn ones not counted). */
  received: number;
  pending: number;
  accepted: number;
}

/** "14:30" */
export function clockTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/**
 * While a writing round is open on this board: the QR code and the join code,
 * the phones connected, the cards received, waiting and accepted (counts),
 * whether accepted cards are shown on the phones, the projector, and the way
 * to end the round.
 */
export function WritingPanel({
  round,
  counts,
  focusHeading = false,
  onFocused,
}: {
  round: WritingRound;
  counts: InboxCounts;
  /** Just started from the dialog: the heading takes the focus (once). */
  focusHeading?: boolean;
  onFocused?: () => void;
}) {
  const { t } = useTranslation();
  const state = useWritingSessionState(round);
  const projected = useProjectedPhoneRound();
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [ending, setEnding] = useState(false);
  const [serving, setServing] = useState(false);
  const session = state?.session ?? null;
  const onProjector = projected === round.id;
  const headingId = `writing-panel-${round.id}`;

  useEffect(() => {
    if (!focusHeading) return;
    heading.current?.focus();
    onFocused?.();
  }, [focusHeading, onFocused]);

  const figures = (
    <>
      <p className="phone-live">{t('writing.panel.phones', { count: state?.phones ?? 0 })}</p>
      <dl className="writing-counts">
        <div>
          <dt>{t('writing.panel.received')}</dt>
          <dd>{counts.received}</dd>
        </div>
        <div>
          <dt>{t('writing.panel.pending')}</dt>
          <dd>{counts.pending}</dd>
        </div>
        <div>
          <dt>{t('writing.panel.accepted')}</dt>
          <dd>{counts.accepted}</dd>
        </div>
      </dl>
      {state?.unreachable && (
        <p className="field-error" role="status">
          {t('voting.phone.unreachable')}
        </p>
      )}
      <label className="writing-check">
        <input
          type="checkbox"
          checked={round.showAccepted}
          onChange={(event) => void setSharing(round, event.target.checked)}
        />
        {t('writing.start.showAccepted')}
      </label>
      <div className="phone-actions">
        {session && (
          <button
            type="button"
            className="button"
            onClick={() => {
              if (onProjector) return hideFromProjector(round.id);
              showOnProjector(round.id);
              void getPlatform()
                .openProjector(round.workshopId)
                .then((opened) => {
                  if (!opened)
                    useAppStore.getState().showToast({ tone: 'error', message: t('projector.blocked') });
                });
            }}
          >
            {onProjector ? t('voting.phone.hideFromProjector') : t('voting.phone.showOnProjector')}
          </button>
        )}
        <button type="button" className="button" disabled={ending} onClick={() => setConfirming(true)}>
          {t('writing.panel.end')}
        </button>
      </div>
    </>
  );

  return (
    <section className="writing-panel phone-panel" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1} className="phone-panel-heading">
        {t('writing.panel.heading')}
      </h3>
      <p className="writing-prompt">{round.prompt}</p>
      <p className="writing-settings">
        {round.anonymous ? t('writing.panel.anonymous') : t('writing.panel.named')}
        {' · '}
        {round.maxNotesPerPerson === null
          ? t('writing.panel.noLimit')
          : t('writing.panel.limit', { count: round.maxNotesPerPerson })}
        {' · '}
        {round.closesAt === null
          ? t('writing.panel.untilEnded')
          : t('writing.panel.closesAt', { time: clockTime(round.closesAt) })}
      </p>
      {figures}
      {session ? (
        <details className="writing-join" open>
          <summary>{t('writing.panel.join')}</summary>
          <PhoneJoinBody session={session} qrLabel={t('writing.panel.qrLabel', { url: session.joinUrl })} />
        </details>
      ) : (
        <div className="writing-not-served">
          <p className="field-hint">{t('writing.panel.notServed')}</p>
          <button type="button" className="button button-small" onClick={() => setServing(true)}>
            {t('writing.panel.serveAgainOpen')}
          </button>
        </div>
      )}
      {serving && <ServeAgainDialog round={round} onClose={() => setServing(false)} />}
      {confirming && (
        <ConfirmDialog
          title={t('writing.panel.endTitle')}
          message={t('writing.panel.endMessage', { count: counts.pending })}
          confirmLabel={t('writing.panel.end')}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            setConfirming(false);
            setEnding(true);
            await endWriting(round);
            setEnding(false);
          }}
        />
      )}
    </section>
  );
}
