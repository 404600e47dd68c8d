import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import type { CanvasTemplate, NumberLocale } from '../../domain/canvas';
import type { ClusterId } from '../../domain/ids';
import type { Cluster } from '../../domain/types';
import { LIMITS } from '../../domain/validation';
import { titleValidator } from '../app/validators';
import { CANVAS_TEMPLATES, DEFAULT_CANVAS_TEMPLATE } from './canvasTemplates';

export interface NewIdeaInput {
  title: string;
  template: CanvasTemplate;
  focusAreaId: ClusterId | null;
}

interface NewIdeaDialogProps {
  focusAreas: readonly Cluster[];
  locale: NumberLocale;
  /** Resolves false when it could not be saved: the dialog stays open with the input. */
  onCreate: (input: NewIdeaInput) => Promise<boolean>;
  onClose: () => void;
}

/** "Projektidee anlegen": title, canvas template and focus area. */
export function NewIdeaDialog({ focusAreas, locale, onCreate, onClose }: NewIdeaDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState(DEFAULT_CANVAS_TEMPLATE.id);
  const [focusAreaId, setFocusAreaId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const validate = titleValidator('title', LIMITS.ideaTitle);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = validate(title);
    setError(problem);
    if (problem) return;
    const template = CANVAS_TEMPLATES.find((c) => c.id === templateId) ?? DEFAULT_CANVAS_TEMPLATE;
    const ok = await onCreate({ title, template, focusAreaId: (focusAreaId || null) as ClusterId | null });
    if (ok) onClose();
  }

  return (
    <Dialog title={t('ideas.createTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('fields.title')}
          value={title}
          onChange={setTitle}
          error={error ?? undefined}
          required
          data-autofocus
        />
        <fieldset className="field">
          <legend>{t('ideas.template')}</legend>
          {CANVAS_TEMPLATES.map((template) => (
            <div key={template.id} className="template-option">
              <label className="radio-row">
                <input
                  type="radio"
                  name={`${id}-template`}
                  value={template.id}
                  checked={templateId === template.id}
                  onChange={() => setTemplateId(template.id)}
                  aria-describedby={`${id}-${template.id}`}
                />
                {template.name[locale]}
              </label>
              <p id={`${id}-${template.id}`} className="field-hint">
                {template.description[locale]}
              </p>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-focus`}>{t('ideas.focusArea')}</label>
          <select id={`${id}-focus`} value={focusAreaId} onChange={(e) => setFocusAreaId(e.target.value)}>
            <option value="">{t('ideas.noFocusArea')}</option>
            {focusAreas.map((cluster) => (
              <option key={cluster.id} value={cluster.id}>
                {cluster.title}
              </option>
            ))}
          </select>
          {focusAreas.length === 0 && <p className="field-hint">{t('ideas.noFocusAreasYet')}</p>}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('ideas.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
