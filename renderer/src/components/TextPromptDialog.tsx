import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { TextField } from './TextField';

interface TextPromptDialogProps {
  title: string;
  label: string;
  initial?: string;
  submitLabel: string;
  /** Returns an error message, or null when the value is fine. */
  validate: (value: string) => string | null;
  /** Resolves false when saving failed: the dialog then stays open with the text. */
  onSubmit: (value: string) => void | boolean | Promise<void | boolean>;
  onClose: () => void;
}

/** Asks for one line of text (a title, a name) with inline validation. */
export function TextPromptDialog({
  title,
  label,
  initial = '',
  submitLabel,
  validate,
  onSubmit,
  onClose,
}: TextPromptDialogProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = validate(value);
    setError(problem);
    if (problem) return;
    if ((await onSubmit(value)) !== false) onClose();
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={label}
          value={value}
          onChange={setValue}
          error={error ?? undefined}
          data-autofocus
          required
        />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
