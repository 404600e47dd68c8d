import { useId, useRef, useState, type FormEvent } from 'react';
import { useStoredForm } from '../app/storedForm';
import { useTranslation } from 'react-i18next';
import { EMPTY_PARTICIPANT_FIELDS, type ParticipantFields } from '../../domain/participants';
import type { Participant, Workshop } from '../../domain/types';
import { saveNewParticipant, type FieldMessages } from './participantActions';
import { focusFirstInvalid, ParticipantInputs } from './ParticipantInputs';

interface AddParticipantFormProps {
  workshop: Workshop;
  existing: readonly Participant[];
}

/** Adds one person; on a refusal the typed values stay and the message sits next to the field. */
export function AddParticipantForm({ workshop, existing }: AddParticipantFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const formErrorId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  // What is typed survives a reload until the person is added.
  const form = useStoredForm<ParticipantFields>(`participant:new:${workshop.id}`, EMPTY_PARTICIPANT_FIELDS);
  const fields = form.values;
  const [messages, setMessages] = useState<FieldMessages>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await saveNewParticipant(workshop, existing, fields);
    setBusy(false);
    setMessages(result.messages);
    if (result.saved) {
      form.setAll(EMPTY_PARTICIPANT_FIELDS);
      form.forget();
      // Ready for the next person.
      formRef.current?.querySelector<HTMLInputElement>('[data-field="name"]')?.focus();
    } else {
      focusFirstInvalid(formRef.current, result.messages);
    }
  }

  return (
    <form
      ref={formRef}
      className="participant-add"
      aria-labelledby={headingId}
      aria-describedby={messages.form ? formErrorId : undefined}
      onSubmit={submit}
      noValidate
    >
      <h3 id={headingId} className="participant-add-heading">
        {t('participants.addHeading')}
      </h3>
      <div className="participant-add-fields">
        <ParticipantInputs fields={fields} messages={messages} onChange={form.setAll} />
        <button type="submit" className="button button-primary participant-add-submit" disabled={busy}>
          {t('participants.add')}
        </button>
      </div>
      {messages.form && (
        <p id={formErrorId} className="field-error" role="alert">
          {messages.form}
        </p>
      )}
    </form>
  );
}
