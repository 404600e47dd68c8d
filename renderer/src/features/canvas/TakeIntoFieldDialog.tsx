import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { isTextField, type CanvasTemplate, type NumberLocale } from '../../domain/canvas';
import type { Note } from '../../domain/types';
import { shorten } from '../board/useNoteDnd';

interface TakeIntoFieldDialogProps {
  note: Note;
  template: CanvasTemplate;
  locale: NumberLocale;
  onTake: (fieldKey: string) => Promise<boolean>;
  onClose: () => void;
}

/** "In Feld übernehmen …": the keyboard way to take a card into a canvas field. */
export function TakeIntoFieldDialog({ note, template, locale, onTake, onClose }: TakeIntoFieldDialogProps) {
  const { t } = useTranslation();
  const name = useId();
  const fields = template.fields.filter(isTextField);
  const [chosen, setChosen] = useState(fields[0]?.key ?? '');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen && (await onTake(chosen))) onClose();
  }

  return (
    <Dialog
      title={t('canvas.takeTitle')}
      description={t('canvas.takeDescription', { note: shorten(note.text, 80) })}
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <fieldset className="field take-field-list">
          <legend>{t('canvas.takeField')}</legend>
          {fields.map((field, i) => (
            <label key={field.key} className="radio-row">
              <input
                type="radio"
                name={name}
                value={field.key}
                checked={chosen === field.key}
                onChange={() => setChosen(field.key)}
                data-autofocus={i === 0 ? true : undefined}
              />
              {field.label[locale]}
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('canvas.takeSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
