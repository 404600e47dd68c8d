import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { runningAgendaItem } from '../../domain/decisions';
import type { BoardContent, Vision } from '../../domain/types';
import { visionPlainText } from '../../domain/visionText';
import { useAgendaItemsOfWorkshop } from '../../persistence/decisionHooks';
import { useVisionText } from './useVisionText';
import { discard, markAgreed, type VisionTarget } from './visionActions';
import { VisionEditor } from './VisionEditor';
import { VisionSources } from './VisionSources';

interface DraftVisionProps {
  target: VisionTarget;
  vision: Vision | null;
  content: BoardContent;
  /** Focus the text on opening ("Leitbild schreiben"). */
  autoFocus: boolean;
  onCompose: () => void;
  onDiscarded: () => void;
}

/** The vision while it is a draft: editable, then "Als beschlossen markieren". */
export function DraftVision({
  target,
  vision,
  content,
  autoFocus,
  onCompose,
  onDiscarded,
}: DraftVisionProps) {
  const { t } = useTranslation();
  const editor = useVisionText(target.workshopId, target.boardId, vision);
  const choices = useAgendaItemsOfWorkshop(target.workshopId);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const empty = visionPlainText(editor.text) === '';

  useEffect(() => {
    if (autoFocus) root.current?.querySelector('textarea')?.focus();
  }, [autoFocus]);

  async function agree() {
    setBusy(true);
    try {
      await editor.flush();
      const running = runningAgendaItem((choices ?? []).map((choice) => choice.item));
      await markAgreed(target.boardId, running?.id ?? null);
    } finally {
      setBusy(false);
    }
  }

  async function discardDraft() {
    setConfirmDiscard(false);
    await editor.flush();
    if (await discard(target.boardId)) onDiscarded();
  }

  return (
    <div ref={root} className="vision-draft">
      <VisionEditor editor={editor} onCompose={onCompose} />
      {vision && <VisionSources vision={vision} content={content} editable />}
      <div className="vision-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={() => void agree()}
          disabled={busy || empty || editor.error !== null}
          title={empty ? t('vision.agreeNeedsText') : undefined}
        >
          {t('vision.agree')}
        </button>
        {vision && (
          <button
            type="button"
            className="button button-danger-quiet"
            onClick={() => setConfirmDiscard(true)}
          >
            {t('vision.discard')}
          </button>
        )}
      </div>
      {confirmDiscard && (
        <ConfirmDialog
          title={t('vision.discardTitle')}
          message={t('vision.discardMessage')}
          confirmLabel={t('vision.discard')}
          danger
          onConfirm={() => void discardDraft()}
          onCancel={() => setConfirmDiscard(false)}
        />
      )}
    </div>
  );
}
