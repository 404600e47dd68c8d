import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStoredForm } from '../app/storedForm';
import { useFieldErrors } from '../app/useFieldErrors';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { LIMITS } from '../../domain/validation';
import { validateWorkshopFields, type WorkshopFields } from '../../domain/workshopCommands';
import { DEFAULT_TEMPLATE_ID, TEMPLATES } from './templates';

interface WorkshopFormDialogProps {
  mode: 'create' | 'edit';
  initial: WorkshopFields;
  /** The workshop edited (its typing is kept apart from a new one's). */
  workshopId?: string;
  /** Resolves true when saved; the dialog then closes. The template is chosen when creating. */
  onSubmit: (fields: WorkshopFields, templateId: string) => Promise<boolean>;
  onClose: () => void;
}

export function WorkshopFormDialog({
  mode,
  initial,
  workshopId,
  onSubmit,
  onClose,
}: WorkshopFormDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'de';
  // What is typed survives a reload until it is saved or cancelled.
  const form = useStoredForm(`workshop:${mode === 'create' ? 'new' : (workshopId ?? 'edit')}`, {
    title: initial.title,
    date: initial.date,
    place: initial.place,
    organisation: initial.organisation,
    facilitators: initial.facilitators,
    minuteTaker: initial.minuteTaker,
  });
  const fields = form.values;
  const [templateId, setTemplateId] = useState(DEFAULT_TEMPLATE_ID);
  const { setErrors, errorFor } = useFieldErrors();
  const [busy, setBusy] = useState(false);

  const set = (field: keyof WorkshopFields) => (value: string) => form.set(field, value);
  const cancel = () => {
    form.forget();
    onClose();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = validateWorkshopFields(fields);
    setErrors(found);
    if (found[0]) {
      document.querySelector<HTMLInputElement>(`[data-field="${found[0].field}"]`)?.focus();
      return;
    }
    setBusy(true);
    const saved = await onSubmit(fields, templateId);
    setBusy(false);
    if (!saved) return;
    form.forget();
    onClose();
  }

  return (
    <Dialog
      title={mode === 'create' ? t('workshops.createTitle') : t('workshops.editTitle')}
      onClose={cancel}
    >
      <form onSubmit={submit} noValidate>
        {form.restored && <p className="field-hint entry-restored">{t('common.draftRestored')}</p>}
        <TextField
          label={t('fields.title')}
          value={fields.title}
          onChange={set('title')}
          error={errorFor('title')}
          required
          data-autofocus
          data-field="title"
          hint={t('workshops.titleHint', { max: LIMITS.workshopTitle })}
        />
        <TextField
          label={t('fields.date')}
          type="date"
          value={fields.date}
          onChange={set('date')}
          error={errorFor('date')}
          data-field="date"
        />
        <TextField
          label={t('fields.place')}
          value={fields.place}
          onChange={set('place')}
          error={errorFor('place')}
          data-field="place"
        />
        <TextField
          label={t('fields.organisation')}
          value={fields.organisation}
          onChange={set('organisation')}
          error={errorFor('organisation')}
          data-field="organisation"
        />
        {mode === 'edit' ? (
          <>
            <TextField
              label={t('fields.facilitators')}
              value={fields.facilitators}
              onChange={set('facilitators')}
              error={errorFor('facilitators')}
              data-field="facilitators"
            />
            <TextField
              label={t('fields.minuteTaker')}
              value={fields.minuteTaker}
              onChange={set('minuteTaker')}
              error={errorFor('minuteTaker')}
              data-field="minuteTaker"
            />
          </>
        ) : (
          <fieldset className="field template-choice">
            <legend>{t('workshops.template')}</legend>
            {TEMPLATES.map((template) => (
              <label key={template.id} className="template-option">
                <input
                  type="radio"
                  name="template"
                  value={template.id}
                  checked={templateId === template.id}
                  onChange={() => setTemplateId(template.id)}
                />
                <span>
                  <strong>{template.name[language]}</strong>
                  <span className="field-hint">{template.description[language]}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {mode === 'create' ? t('workshops.create') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
