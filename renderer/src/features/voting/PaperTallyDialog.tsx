import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { VotingRound } from '../../domain/types';
import { VOTING_LIMITS_ROUND } from '../../domain/voting';
import { savePaperTally } from './votingActions';

/** "Klebepunkte zählen": the facilitator types the dots counted on the paper wall, per item. */
export function PaperTallyDialog({ round, onClose }: { round: VotingRound; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [counts, setCounts] = useState<Record<string, string>>(() =>
    Object.fromEntries(round.items.map((item) => [item.id, String(round.paperTally[item.id] ?? 0)])),
  );
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed: Record<string, number> = {};
    for (const item of round.items) {
      const raw = (counts[item.id] ?? '').trim();
      const value = raw === '' ? 0 : Number(raw);
      if (!Number.isInteger(value) || value < 0 || value > VOTING_LIMITS_ROUND.maxPaperDots) {
        setInvalid(item.id);
        document.getElementById(`${id}-${round.items.indexOf(item)}`)?.focus();
        return;
      }
      parsed[item.id] = value;
    }
    setInvalid(null);
    setBusy(true);
    const saved = await savePaperTally(round, parsed);
    setBusy(false);
    if (saved) onClose();
  }

  return (
    <Dialog title={t('voting.paper.title')} description={t('voting.paper.description')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="voting-paper">
        <ul className="ballot-items">
          {round.items.map((item, index) => (
            <li key={item.id} className="ballot-item">
              <label className="ballot-item-label" htmlFor={`${id}-${index}`}>
                {item.label}
              </label>
              <input
                id={`${id}-${index}`}
                className="ballot-number"
                type="number"
                inputMode="numeric"
                min={0}
                max={VOTING_LIMITS_ROUND.maxPaperDots}
                step={1}
                value={counts[item.id] ?? ''}
                data-autofocus={index === 0 ? true : undefined}
                aria-invalid={invalid === item.id || undefined}
                aria-describedby={invalid === item.id ? `${id}-error` : undefined}
                onChange={(event) => setCounts({ ...counts, [item.id]: event.target.value })}
              />
            </li>
          ))}
        </ul>
        {invalid && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {t('errors.voting.paperRange', { max: VOTING_LIMITS_ROUND.maxPaperDots })}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
