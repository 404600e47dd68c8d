import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LanSession } from '../../../../../electron/shared/lanContract';
import { useTranslation } from 'react-i18next';
import type { Participant, VotingRound } from '../../../domain/types';
import { getPlatform } from '../../../platform';
import { useAppStore } from '../../../state/store';
import { groupJoinCode, spellJoinCode } from './lanModel';
import { PhoneOpenDialog } from './PhoneOpenDialog';
import { hideFromProjector, showOnProjector, useProjectedPhoneRound } from './phoneProjector';
import { stopPhoneVoting, takeJustOpened, usePhoneVoting } from './phoneVoting';
import { QrCode } from './QrCode';
import './phone.css';

/** "Für Handys öffnen …" on an open round; nothing while that round is already served. */
export function PhoneOpenButton({
  round,
  participants,
}: {
  round: VotingRound;
  participants: readonly Participant[];
}) {
  const { t } = useTranslation();
  const voting = usePhoneVoting();
  const [asking, setAsking] = useState(false);
  if (voting?.roundId === round.id) return null;
  return (
    <>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        {t('voting.phone.open')}
      </button>
      {asking && (
        <PhoneOpenDialog
          round={round}
          participants={participants}
          onOpened={() => setAsking(false)}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
}

/**
 * While a round is served to phones: the QR code, the join code in large
 * letters, the address to type, how many phones joined and how many people
 * voted (a count only: no running result), and the way to stop.
 */
export function PhonePanel({ round, cast }: { round: VotingRound; cast: number }) {
  const { t } = useTranslation();
  const voting = usePhoneVoting();
  const projected = useProjectedPhoneRound();
  const heading = useRef<HTMLHeadingElement>(null);
  const [stopping, setStopping] = useState(false);
  const served = voting?.roundId === round.id;

  useEffect(() => {
    if (served && takeJustOpened(round.id)) heading.current?.focus();
  }, [served, round.id]);

  if (!voting || !served) return null;
  const { session } = voting;
  const onProjector = projected === round.id;
  const headingId = `phone-panel-${round.id}`;

  return (
    <section className="phone-panel" aria-labelledby={headingId}>
      <h5 id={headingId} ref={heading} tabIndex={-1} className="phone-panel-heading">
        {t('voting.phone.panelHeading')}
      </h5>
      <PhoneJoinBody session={session} qrLabel={t('voting.phone.qrLabel', { url: session.joinUrl })}>
        <p className="phone-live">
          <span>{t('voting.phone.phones', { count: voting.phones })}</span>
          <span aria-hidden="true"> · </span>
          <strong>{t('voting.phone.turnout', { cast, entitled: round.entitled.length })}</strong>
        </p>
        {voting.unreachable && (
          <p className="field-error" role="status">
            {t('voting.phone.unreachable')}
          </p>
        )}
        {voting.rejected > 0 && (
          <p className="phone-rejected">{t('voting.phone.rejected', { count: voting.rejected })}</p>
        )}
        <div className="phone-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              if (onProjector) {
                hideFromProjector(round.id);
                return;
              }
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
          <button
            type="button"
            className="button"
            disabled={stopping}
            onClick={async () => {
              setStopping(true);
              await stopPhoneVoting(round.id);
              setStopping(false);
            }}
          >
            {t('voting.phone.stop')}
          </button>
        </div>
        <p className="field-hint">{t('voting.phone.stopHint')}</p>
      </PhoneJoinBody>
    </section>
  );
}

/**
 * The QR code, the address, the join code in large letters and the direct
 * link of a running session; `children` follow the facts (live figures, the
 * actions). Shared by phone voting and writing rounds (Schreibrunde).
 */
export function PhoneJoinBody({
  session,
  qrLabel,
  children,
}: {
  session: LanSession;
  qrLabel: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="phone-panel-body">
      <QrCode className="phone-panel-qr" text={session.joinUrl} label={qrLabel} />
      <div className="phone-panel-facts">
        <p className="phone-step">{t('voting.phone.howToJoin')}</p>
        <dl className="phone-join">
          <div>
            <dt>{t('voting.phone.address')}</dt>
            <dd className="phone-address">{session.baseUrl}</dd>
          </div>
          <div>
            <dt>{t('voting.phone.code')}</dt>
            <dd className="phone-code">
              <span aria-hidden="true">{groupJoinCode(session.joinCode)}</span>
              <span className="visually-hidden">{spellJoinCode(session.joinCode)}</span>
            </dd>
          </div>
        </dl>
        <p className="phone-meta">
          {t('voting.phone.link')}: <span className="phone-link">{session.joinUrl}</span>
          <br />
          {t('voting.phone.networkUsed', { label: session.interfaceLabel })}
        </p>
        {children}
      </div>
    </div>
  );
}
