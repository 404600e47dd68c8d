import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrors } from '../app/useFieldErrors';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { MAX_PLANNED_MINUTES, validateAgendaItemFields, type AgendaItemFields } from '../../domain/agenda';
import type { BoardId } from '../../domain/ids';
import type { Board } from '../../domain/types';

interface AgendaItemDialogProps {
  mode: 'create' | 'edit';
  initial: AgendaItemFields;
  boards: Board[];
  onSubmit: (fields: AgendaItemFields) => Promise<boolean>;
  onClose: () => void;
}

export function AgendaItemDialog({ mode, initial, boards, onSubmit, onClose }: AgendaItemDialogProps) {
  const { t } = useTranslation();
  const boardFieldId = useId();
  const notesFieldId = useId();
  const [fields, setFields] = useState(initial);
  const { setErrors, errorFor } = useFieldErrors();
  const notesError = errorFor('facilitatorNotes');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateAgendaItemFields(fields);
    setErrors(found);
    if (found.length > 0) return;
    if (await onSubmit(fields)) onClose();
  }

  return (
    <Dialog title={mode === 'create' ? t('agenda.addItem') : t('agenda.editItem')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('fields.agendaTitle')}
          value={fields.title}
          onChange={(title) => setFields((f) => ({ ...f, title }))}
          error={errorFor('agendaTitle')}
          data-autofocus
        />
        <TextField
          label={t('fields.plannedMinutes')}
          inputMode="numeric"
          value={String(fields.plannedMinutes)}
          onChange={(plannedMinutes) => setFields((f) => ({ ...f, plannedMinutes }))}
          error={errorFor('plannedMinutes')}
          hint={t('agenda.minutesHint', { max: MAX_PLANNED_MINUTES })}
        />
        <div className="field">
          <label htmlFor={boardFieldId}>{t('fields.agendaBoard')}</label>
          <select
            id={boardFieldId}
            value={fields.boardId ?? ''}
            onChange={(event) =>
              setFields((f) => ({ ...f, boardId: (event.target.value || null) as BoardId | null }))
            }
          >
            <option value="">{t('agenda.noBoard')}</option>
            {boards.map((board) => (
              <option key={board.id} value={board.id}>
                {board.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={notesFieldId}>{t('fields.facilitatorNotes')}</label>
          <textarea
            id={notesFieldId}
            rows={3}
            value={fields.facilitatorNotes}
            onChange={(event) => setFields((f) => ({ ...f, facilitatorNotes: event.target.value }))}
            aria-invalid={notesError ? true : undefined}
            aria-describedby={`${notesFieldId}-hint`}
          />
          <p id={`${notesFieldId}-hint`} className={notesError ? 'field-error' : 'field-hint'}>
            {notesError ?? t('agenda.notesHint')}
          </p>
        </div>
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
