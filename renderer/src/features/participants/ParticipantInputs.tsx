import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField';
import { PARTICIPANT_LIMITS, type ParticipantFields } from '../../domain/participants';
import type { FieldMessages } from './participantActions';

interface ParticipantInputsProps {
  fields: ParticipantFields;
  messages: FieldMessages;
  onChange: (fields: ParticipantFields) => void;
  autoFocus?: boolean;
}

/** Name, unit and role: the same three fields in the add form and the edit dialog. */
export function ParticipantInputs({ fields, messages, onChange, autoFocus }: ParticipantInputsProps) {
  const { t } = useTranslation();
  const set = (field: keyof ParticipantFields) => (value: string) => onChange({ ...fields, [field]: value });
  return (
    <>
      <TextField
        label={t('participants.name')}
        value={fields.name}
        onChange={set('name')}
        error={messages.name}
        hint={t('participants.nameHint', { max: PARTICIPANT_LIMITS.name })}
        required
        autoComplete="off"
        autoFocus={autoFocus}
        data-autofocus={autoFocus || undefined}
        data-field="name"
      />
      <TextField
        label={t('participants.unit')}
        value={fields.unit}
        onChange={set('unit')}
        error={messages.unit}
        hint={t('participants.optionalHint', { max: PARTICIPANT_LIMITS.unit })}
        autoComplete="off"
        data-field="unit"
      />
      <TextField
        label={t('participants.role')}
        value={fields.role}
        onChange={set('role')}
        error={messages.role}
        hint={t('participants.optionalHint', { max: PARTICIPANT_LIMITS.role })}
        autoComplete="off"
        data-field="role"
      />
    </>
  );
}

/** Puts the cursor into the first field with a message, so keyboard users land on the problem. */
export function focusFirstInvalid(form: HTMLElement | null, messages: FieldMessages): void {
  const field = (['name', 'unit', 'role'] as const).find((f) => messages[f]);
  if (field) form?.querySelector<HTMLInputElement>(`[data-field="${field}"]`)?.focus();
}
