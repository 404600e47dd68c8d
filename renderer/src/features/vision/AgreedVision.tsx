import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { BoardContent, Vision } from '../../domain/types';
import { formatDateTime, formatIsoDate } from '../../i18n';
import { useLinkedDecision } from '../../persistence/visionHooks';
import { routeToHash } from '../app/router';
import { revokeAgreed } from './visionActions';
import { VisionPreview } from './VisionPreview';
import { VisionSources } from './VisionSources';

/** The agreed vision: read-only, with its date and decision, until the agreement is revoked. */
export function AgreedVision({ vision, content }: { vision: Vision; content: BoardContent }) {
  const { t, i18n } = useTranslation();
  const linked = useLinkedDecision(vision.decisionId);
  const [confirm, setConfirm] = useState(false);
  const decision = linked?.decision;
  const agreedOn = decision?.date
    ? formatIsoDate(decision.date, i18n.language)
    : formatDateTime(vision.agreedAt ?? 0, i18n.language);
  const decisionsHref = routeToHash({
    name: 'workshop',
    workshopId: vision.workshopId,
    section: 'decisions',
    boardId: null,
  });

  return (
    <div className="vision-agreed">
      <p className="vision-agreed-on" tabIndex={-1} data-vision-focus>
        <strong>{t('vision.agreedOn', { date: agreedOn })}</strong>{' '}
        {linked !== undefined &&
          (decision ? (
            <>
              {t('vision.decisionRecorded')} <a href={decisionsHref}>{t('vision.toDecisions')}</a>
            </>
          ) : (
            <span className="vision-muted">{t('vision.decisionGone')}</span>
          ))}
      </p>
      <div className="vision-agreed-text" role="region" aria-label={t('vision.agreedText')} tabIndex={0}>
        <VisionPreview text={vision.text} />
      </div>
      <VisionSources vision={vision} content={content} editable={false} />
      <p className="field-hint">{t('vision.readOnlyHint')}</p>
      <div className="vision-actions">
        <button type="button" className="button" onClick={() => setConfirm(true)}>
          {t('vision.revoke')}
        </button>
      </div>
      {confirm && (
        <ConfirmDialog
          title={t('vision.revokeTitle')}
          message={decision ? t('vision.revokeMessage') : t('vision.revokeMessageNoDecision')}
          confirmLabel={t('vision.revoke')}
          danger
          onConfirm={() => {
            setConfirm(false);
            void revokeAgreed(vision.boardId);
          }}
          onCancel={() => setConfirm(false)}
        />
      )}
    </div>
  );
}
