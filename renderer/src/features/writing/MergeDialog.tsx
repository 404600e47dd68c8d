import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { InboxNote } from '../../domain/types';
import { LIMITS } from '../../domain/validation';

/** The texts of the chosen cards, one per line, without repeating the same text. */
export function joinTexts(cards: readonly InboxNote[]): string {
  const texts: string[] = [];
  for (const card of cards) {
    const text = card.text.trim();
    if (text !== '' && !texts.includes(text)) texts.push(text);
  }
  return texts.join('\n');
}

/**
 * "Ausgewählte zusammenführen": duplicates become one card. The texts are
 * joined and can be edited; the first card keeps the result, the others are
 * recorded as merged into it. A refused text stays in the field.
 */
export function MergeDialog({
  cards,
  onMerge,
  onClose,
}: {
  cards: readonly InboxNote[];
  /** Resolves null when merged, or the message of a refusal. */
  onMerge: (text: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => joinTexts(cards));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (text.trim() === '') return setError(t('writing.inbox.errors.textRequired'));
    if (text.trim().length > LIMITS.noteText)
      return setError(t('writing.inbox.errors.textTooLong', { max: LIMITS.noteText }));
    setBusy(true);
    const refused = await onMerge(text);
    setBusy(false);
    if (refused !== null) setError(refused);
  }

  return (
    <Dialog
      title={t('writing.merge.title', { count: cards.length })}
      description={t('writing.merge.description')}
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate className="writing-merge">
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('writing.merge.text')}</label>
          <textarea
            id={`${id}-text`}
            data-autofocus
            rows={Math.min(10, Math.max(3, text.split('\n').length + 1))}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('writing.merge.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
