import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../app/useFieldErrors';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { validateSessionFields, type SessionFields } from '../../domain/agenda';

interface SessionDialogProps {
  mode: 'create' | 'edit';
  initial: SessionFields;
  onSubmit: (fields: SessionFields) => Promise<boolean>;
  onClose: () => void;
}

export function SessionDialog({ mode, initial, onSubmit, onClose }: SessionDialogProps) {
  const { t } = useTranslation();
  const [fields, setFields] = useState(initial);
  const { setErrors, errorFor } = useFieldErrors();
  const set = (field: keyof SessionFields) => (value: string) => setFields((f) => ({ ...f, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateSessionFields(fields);
    setErrors(found);
    if (found.length > 0) return;
    if (await onSubmit(fields)) onClose();
  }

  return (
    <Dialog title={mode === 'create' ? t('agenda.addSession') : t('agenda.editSession')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('fields.sessionTitle')}
          value={fields.title}
          onChange={set('title')}
          error={errorFor('sessionTitle')}
          data-autofocus
        />
        <TextField
          label={t('fields.date')}
          type="date"
          value={fields.date}
          onChange={set('date')}
          error={errorFor('date')}
        />
        <TextField
          label={t('fields.startTime')}
          type="time"
          value={fields.startTime}
          onChange={set('startTime')}
          error={errorFor('startTime')}
        />
        <TextField
          label={t('fields.place')}
          value={fields.place}
          onChange={set('place')}
          error={errorFor('place')}
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
