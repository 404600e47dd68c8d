import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { promoteToFocusArea, validateFocusArea } from '../../domain/clusterFocusAreas';
import type { BoardContent, Cluster } from '../../domain/types';
import { LIMITS } from '../../domain/validation';
import { useAppStore } from '../../state/store';
import { run } from '../app/commands';
import { useFieldErrors } from '../app/useFieldErrors';

/** Promotes a cluster to a focus area (Handlungsschwerpunkt), or edits one: title and short description. */
export function FocusAreaDialog({
  content,
  cluster,
  onClose,
}: {
  content: BoardContent;
  cluster: Cluster;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const editing = cluster.focusAreaAt !== null;
  const [title, setTitle] = useState(cluster.title);
  const [description, setDescription] = useState(cluster.description);
  const { errors, setErrors, errorFor } = useFieldErrors();
  const descriptionError = errorFor('focusDescription');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateFocusArea({ title, description });
    setErrors(problems);
    if (problems.length > 0) return;
    const ok = await run(() => promoteToFocusArea(content, cluster.id, { title, description }, Date.now()));
    if (ok) {
      useAppStore
        .getState()
        .announce(t(editing ? 'clusters.focusSaved' : 'clusters.promoted', { title: title.trim() }));
      onClose();
    }
  }

  return (
    <Dialog
      title={editing ? t('clusters.editFocusTitle') : t('clusters.promoteTitle')}
      description={t('clusters.promoteHint')}
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('fields.focusTitle')}
          value={title}
          onChange={setTitle}
          error={errorFor('focusTitle')}
          required
          data-autofocus
        />
        <div className="field">
          <label htmlFor={id}>{t('fields.focusDescription')}</label>
          <textarea
            id={id}
            rows={4}
            value={description}
            aria-invalid={descriptionError ? true : undefined}
            aria-describedby={`${id}-help`}
            onChange={(event) => setDescription(event.target.value)}
          />
          <p id={`${id}-help`} className={descriptionError ? 'field-error' : 'field-hint'}>
            {descriptionError ??
              t('clusters.descriptionHint', {
                count: description.trim().length,
                max: LIMITS.focusDescription,
              })}
          </p>
        </div>
        {errors.length > 0 && (
          <p className="visually-hidden" role="alert">
            {errors.map((e) => errorFor(e.field)).join(' ')}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {editing ? t('common.save') : t('clusters.promoteSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
