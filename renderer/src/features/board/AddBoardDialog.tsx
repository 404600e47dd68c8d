import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { BOARD_KINDS, type BoardKind } from '../../domain/types';

interface AddBoardDialogProps {
  /** Returns an error message, or null when the title is fine. */
  validate: (title: string) => string | null;
  /** Resolves false when saving failed: the dialog then stays open. */
  onSubmit: (title: string, kind: BoardKind) => Promise<boolean>;
  onClose: () => void;
}

/** A new board: its title and what it is laid out as (columns, matrix, clusters, project ideas). */
export function AddBoardDialog({ validate, onSubmit, onClose }: AddBoardDialogProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<BoardKind>('columns');
  const [error, setError] = useState<string | null>(null);
  const legendId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = validate(title);
    setError(problem);
    if (problem) return;
    if (await onSubmit(title, kind)) onClose();
  }

  return (
    <Dialog title={t('boards.addTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('fields.boardTitle')}
          value={title}
          onChange={setTitle}
          error={error ?? undefined}
          data-autofocus
          required
        />
        <fieldset className="field board-kind-choice" aria-describedby={legendId}>
          <legend>{t('boards.kind')}</legend>
          <p id={legendId} className="field-hint">
            {t('boards.kindHint')}
          </p>
          {BOARD_KINDS.map((option) => (
            <label key={option} className="radio-option">
              <input
                type="radio"
                name="board-kind"
                value={option}
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              <span>
                <strong>{t(`boards.kinds.${option}`)}</strong>
                <br />
                <span className="field-hint">{t(`boards.kindDescriptions.${option}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary">
            {t('boards.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
