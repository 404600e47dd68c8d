import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopId } from '../../domain/ids';
import { useInboxCounts, useOpenWritingRound } from '../../persistence/writingHooks';
import { ProjectorJoinBody, useHostSession } from '../voting/phone/ProjectorPhoneJoin';
import { useProjectedPhoneRound } from '../voting/phone/phoneProjector';
import './writing.css';

/**
 * On the projector, while the facilitator shows it: the question of the open
 * writing round, the QR code and the join code, and how many cards came in —
 * a count only, never a card's text or who wrote it. Otherwise what the
 * projector shows anyway.
 */
export function ProjectorWriting({ workshopId, children }: { workshopId: WorkshopId; children: ReactNode }) {
  const { t } = useTranslation();
  const projected = useProjectedPhoneRound();
  const round = useOpenWritingRound(workshopId);
  const ours = round && projected === round.id ? round : null;
  const session = useHostSession(ours !== null);
  const counts = useInboxCounts(ours?.id ?? null);
  if (!ours || !session || session.roundId !== ours.id) return <>{children}</>;
  const received = counts ? counts.total - counts.withdrawn : null;

  return (
    <section className="projector-phone projector-writing" aria-labelledby="projector-writing-title">
      <h2 id="projector-writing-title">{t('writing.projector.heading')}</h2>
      <p className="projector-writing-prompt">{ours.prompt}</p>
      <ProjectorJoinBody session={session} qrLabel={t('writing.panel.qrLabel', { url: session.joinUrl })}>
        {received !== null && (
          <p className="projector-phone-turnout" role="status">
            {t('writing.projector.received', { count: received })}
          </p>
        )}
      </ProjectorJoinBody>
    </section>
  );
}
