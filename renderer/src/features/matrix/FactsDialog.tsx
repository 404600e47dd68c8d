import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { DomainError } from '../../domain/errors';
import {
  factsToInput,
  hasFacts,
  setNoteFacts,
  validateFacts,
  type NoteFactsInput,
} from '../../domain/noteFacts';
import type { Note } from '../../domain/types';
import type { FieldError } from '../../domain/validation';
import { useAppStore } from '../../state/store';
import { shorten } from '../board/useNoteDnd';
import { describeMatrixError, runMatrix } from './matrixActions';

interface FactsDialogProps {
  note: Note;
  onClose: () => void;
}

/**
 * "Fakten": process, cases per year and pain point of an inventory card.
 * A refused value stays in its field with a message saying what to type.
 */
export function FactsDialog({ note, onClose }: FactsDialogProps) {
  const { t, i18n } = useTranslation();
  const [input, setInput] = useState<NoteFactsInput>(() => factsToInput(note.facts, i18n.language));
  const [errors, setErrors] = useState<FieldError[]>([]);

  const errorFor = (field: keyof NoteFactsInput) => {
    const error = errors.find((e) => e.field === field);
    return error ? describeMatrixError(new DomainError(error.code, error.params)) : undefined;
  };
  const field = (name: keyof NoteFactsInput) => ({
    value: input[name],
    onChange: (value: string) => {
      setInput((current) => ({ ...current, [name]: value }));
      setErrors((current) => current.filter((e) => e.field !== name));
    },
    error: errorFor(name),
  });

  async function save(values: NoteFactsInput) {
    const result = validateFacts(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    const ok = await runMatrix(() => setNoteFacts(note, values, Date.now()));
    if (!ok) return;
    useAppStore.getState().announce(t(result.facts ? 'facts.saved' : 'facts.removed'));
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(input);
  }

  return (
    <Dialog
      title={t('facts.title')}
      description={shorten(note.text, 80) || t('notes.empty')}
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('facts.process')}
          hint={t('facts.processHint')}
          data-autofocus
          {...field('process')}
        />
        <TextField
          label={t('facts.casesPerYear')}
          hint={t('facts.casesHint')}
          inputMode="numeric"
          autoComplete="off"
          {...field('casesPerYear')}
        />
        <TextField label={t('facts.painPoint')} hint={t('facts.painPointHint')} {...field('painPoint')} />
        {errors.length > 0 && (
          <p className="field-error" role="alert">
            {t('facts.notSaved')}
          </p>
        )}
        <div className="dialog-actions">
          {hasFacts(note.facts) && (
            <button
              type="button"
              className="button"
              onClick={() => void save({ process: '', casesPerYear: '', painPoint: '' })}
            >
              {t('facts.clear')}
            </button>
          )}
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
