import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanSession } from '../../../../../electron/shared/lanContract';
import type { VotingRoundId, WorkshopId } from '../../../domain/ids';
import { useRound, useVoterIds } from '../../../persistence/lanHooks';
import { getPlatform } from '../../../platform';
import { countVoters, groupJoinCode, spellJoinCode } from './lanModel';
import { useProjectedPhoneRound } from './phoneProjector';
import { QrCode } from './QrCode';
import './phone.css';

/**
 * The QR code and the join code as big as the projector allows, with the
 * address and a hint; `children` follow (a count: turnout, cards received).
 * Shared by phone voting and writing rounds.
 */
export function ProjectorJoinBody({
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
    <div className="projector-phone-body">
      <QrCode className="projector-phone-qr" text={session.joinUrl} label={qrLabel} />
      <div className="projector-phone-facts">
        <p>{t('voting.phone.projectorScan')}</p>
        <p className="projector-phone-address">{session.baseUrl}</p>
        <p>{t('voting.phone.projectorCode')}</p>
        <p className="projector-phone-code">
          <span aria-hidden="true">{groupJoinCode(session.joinCode)}</span>
          <span className="visually-hidden">{spellJoinCode(session.joinCode)}</span>
        </p>
        <p className="projector-phone-hint">{t('voting.phone.projectorNetwork')}</p>
        {children}
      </div>
    </div>
  );
}

/** How often the projector asks the host whether the session still runs. */
const CHECK_EVERY_MS = 3_000;

/** The session the host runs now, re-read every few seconds while the join code is to be shown. */
export function useHostSession(enabled: boolean): LanSession | null {
  const [session, setSession] = useState<LanSession | null>(null);
  useEffect(() => {
    const lan = getPlatform().lan;
    if (!enabled || !lan) return;
    let live = true;
    const check = () =>
      lan.current().then(
        (found) => live && setSession(found),
        () => live && setSession(null),
      );
    void check();
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [enabled]);
  return enabled ? session : null;
}

/**
 * On the projector, while the facilitator shows it: the QR code and the join
 * code of the round open to phones, big enough to read from the back of the
 * room, with the turnout as a count. Otherwise what the projector shows anyway.
 */
export function ProjectorPhoneJoin({
  workshopId,
  children,
}: {
  workshopId: WorkshopId;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const projected = useProjectedPhoneRound() as VotingRoundId | null;
  const session = useHostSession(projected !== null);
  const round = useRound(projected);
  const voterIds = useVoterIds(projected);
  const shown =
    session !== null &&
    round &&
    session.roundId === round.id &&
    round.workshopId === workshopId &&
    round.status === 'open';
  if (!shown) return <>{children}</>;

  return (
    <section className="projector-phone" aria-labelledby="projector-phone-title">
      <h2 id="projector-phone-title">{t('voting.phone.projectorHeading', { title: round.title })}</h2>
      <ProjectorJoinBody session={session} qrLabel={t('voting.phone.qrLabel', { url: session.joinUrl })}>
        {voterIds && (
          <p className="projector-phone-turnout">
            {t('voting.phone.turnout', {
              cast: countVoters(round, voterIds),
              entitled: round.entitled.length,
            })}
          </p>
        )}
      </ProjectorJoinBody>
    </section>
  );
}
