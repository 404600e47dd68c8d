import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { ParticipantFields } from '../../domain/participants';
import type { Participant } from '../../domain/types';
import { saveParticipant, type FieldMessages } from './participantActions';
import { focusFirstInvalid, ParticipantInputs } from './ParticipantInputs';

interface EditParticipantDialogProps {
  participant: Participant;
  existing: readonly Participant[];
  onClose: () => void;
}

export function EditParticipantDialog({ participant, existing, onClose }: EditParticipantDialogProps) {
  const { t } = useTranslation();
  const formErrorId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [fields, setFields] = useState<ParticipantFields>({
    name: participant.name,
    unit: participant.unit,
    role: participant.role,
  });
  const [messages, setMessages] = useState<FieldMessages>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await saveParticipant(existing, participant, fields);
    setBusy(false);
    if (result.saved) {
      onClose();
      return;
    }
    setMessages(result.messages);
    focusFirstInvalid(formRef.current, result.messages);
  }

  return (
    <Dialog title={t('participants.editTitle')} onClose={onClose}>
      <form
        ref={formRef}
        onSubmit={submit}
        noValidate
        aria-describedby={messages.form ? formErrorId : undefined}
      >
        <ParticipantInputs fields={fields} messages={messages} onChange={setFields} autoFocus />
        {messages.form && (
          <p id={formErrorId} className="field-error" role="alert">
            {messages.form}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
