import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanNoteText, LIMITS } from '../../domain/validation';
import { useAppStore } from '../../state/store';
import { describeError } from '../app/commands';
import { useDraft } from './useDraft';

interface CardComposerFormProps {
  /** Where the unsent text is kept (it survives a reload). */
  draftKey: string;
  /** The field's accessible name, e.g. "Neue Karte in „Ideen“". */
  label: string;
  className?: string;
  /** Writes the card; resolves whether it was saved. Gets only text that passes the card checks. */
  onAdd: (text: string) => Promise<boolean>;
  onClose: () => void;
  /** Escape in the field; closes by default. */
  onEscape?: (event: KeyboardEvent) => void;
  /** The message for a refused text (defaults to the shared one). */
  describe?: (problem: unknown) => string;
}

/**
 * Writes cards one after another on every board: Enter adds, Shift+Enter
 * starts a new line, Escape closes; a too-long text is refused with a
 * message and stays in the field.
 */
export function CardComposerForm({
  draftKey,
  label,
  className = 'note-composer',
  onAdd,
  onClose,
  onEscape,
  describe = describeError,
}: CardComposerFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const draft = useDraft(draftKey);
  const [error, setError] = useState<string | null>(null);
  // Enter on an empty field adds nothing, and says so instead of doing nothing.
  const [emptyTried, setEmptyTried] = useState(false);

  /**
   * Sends the card and frees the field at once: whoever types on while it is
   * written types the next card (waiting for the write cut its first letters
   * off, or wiped them). A card that is not written comes back into the field.
   */
  function add(text: string) {
    setEmptyTried(text.trim() === '');
    if (text.trim() === '') {
      useAppStore.getState().announce(t('notes.emptyNotAdded'));
      return;
    }
    try {
      cleanNoteText(text);
    } catch (problem) {
      setError(describe(problem));
      return;
    }
    setError(null);
    const sent = draft.send(text);
    onAdd(text).then(
      (written) => sent.settle(written),
      (problem: unknown) => {
        sent.settle(false);
        setError(describe(problem));
      },
    );
  }

  return (
    <form
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        add(draft.value);
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        value={draft.value}
        rows={2}
        autoFocus
        placeholder={t('notes.placeholder')}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(event) => {
          draft.set(event.target.value);
          if (error) setError(null);
          setEmptyTried(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            add(event.currentTarget.value);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            if (onEscape) onEscape(event);
            else onClose();
          }
        }}
      />
      <p
        id={`${id}-help`}
        className={error ? 'field-error' : 'field-hint'}
        role={error ? 'alert' : undefined}
      >
        {error ?? (emptyTried ? t('notes.emptyNotAdded') : t('notes.composerHint', { max: LIMITS.noteText }))}
      </p>
      <div className="composer-actions">
        <button type="submit" className="button button-small button-primary">
          {t('notes.addShort')}
        </button>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </form>
  );
}
