import { useDeferredValue, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { parseParticipantList } from '../../domain/participants';
import type { Participant, Workshop } from '../../domain/types';
import { describeError } from '../app/commands';
import { importList } from './participantActions';
import { PastePreview } from './PastePreview';

interface PasteListDialogProps {
  workshop: Workshop;
  existing: readonly Participant[];
  onClose: () => void;
}

/**
 * "Liste einfügen": a text field for rows copied from a spreadsheet and a live
 * preview of what "Übernehmen" would add. A refusal keeps the text as it is.
 */
export function PasteListDialog({ workshop, existing, onClose }: PasteListDialogProps) {
  const { t } = useTranslation();
  const fieldId = useId();
  const hintId = useId();
  const messageId = useId();
  const problemsId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [submitError, setSubmitError] = useState<string | null>(null);
  // Counted anew on each refused attempt, so the alert is read out again.
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  // A 5,000-row paste must not make typing sluggish: the preview may lag a little.
  const deferredText = useDeferredValue(text);
  const preview = useMemo(() => parseParticipantList(deferredText, existing), [deferredText, existing]);

  const message = submitError ?? (preview.refusal ? describeError(preview.refusal) : null);
  const describedBy = [hintId, message ? messageId : null, preview.problems.length > 0 ? problemsId : null]
    .filter(Boolean)
    .join(' ');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    // The text as it is now, not the deferred preview: nothing typed is skipped.
    const refused = await importList(workshop, existing, text);
    setBusy(false);
    if (refused === null) {
      onClose();
      return;
    }
    setSubmitError(refused);
    setAttempt((n) => n + 1);
    fieldRef.current?.focus();
  }

  return (
    <Dialog title={t('participants.pasteTitle')} onClose={onClose}>
      <form className="paste-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={fieldId}>{t('participants.pasteLabel')}</label>
          <p id={hintId} className="field-hint">
            {t('participants.pasteHint')}
          </p>
          <textarea
            id={fieldId}
            ref={fieldRef}
            className="paste-text"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setSubmitError(null);
            }}
            rows={10}
            wrap="off"
            spellCheck={false}
            data-autofocus
            aria-invalid={message ? true : undefined}
            aria-describedby={describedBy}
          />
          {message && (
            <p key={attempt} id={messageId} className="field-error" role="alert">
              {message}
            </p>
          )}
        </div>
        <PastePreview preview={preview} empty={deferredText.trim() === ''} problemsId={problemsId} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('participants.accept')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
