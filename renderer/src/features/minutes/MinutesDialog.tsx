import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { MinutesStatus } from '../../domain/minutes';
import { PHASES, type Phase, type Workshop } from '../../domain/types';
import { useSessions } from '../../persistence/agendaHooks';
import { useBoards } from '../../persistence/hooks';
import { useAppStore } from '../../state/store';
import { saveMinutes, type MinutesFormat } from './minutesActions';

const STATUSES: readonly MinutesStatus[] = ['draft', 'approved'];
const ALL_PHASES: ReadonlyArray<Phase | null> = [...PHASES, null];

/** Picks status, sessions and phases, then saves the minutes as PDF or Markdown. */
export function MinutesDialog({ workshop, onClose }: { workshop: Workshop; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const sessions = useSessions(workshop.id);
  const boards = useBoards(workshop.id);
  // "Weitere Boards" only when some board belongs to no phase.
  const offered = ALL_PHASES.filter((phase) => phase !== null || boards?.some((b) => b.phase === null));
  const [status, setStatus] = useState<MinutesStatus>('draft');
  const [phases, setPhases] = useState<ReadonlyArray<Phase | null>>(ALL_PHASES);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);

  async function save(format: MinutesFormat): Promise<void> {
    setBusy(true);
    useAppStore.getState().announce(t('minutes.working'));
    try {
      const sessionIds = sessions?.filter((s) => !skipped.has(s.id)).map((s) => s.id);
      const file = await saveMinutes(workshop, format, { status, phases, sessionIds }, t, i18n.language);
      if (file !== null) {
        useAppStore.getState().showToast({ tone: 'info', message: t('minutes.saved', { file }) });
        onClose();
      }
    } catch {
      useAppStore.getState().showToast({ tone: 'error', message: t('minutes.failed') });
    } finally {
      setBusy(false);
    }
  }

  const toggle = <T,>(list: ReadonlyArray<T>, value: T, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

  return (
    <Dialog title={t('minutes.dialogTitle')} description={t('minutes.dialogHint')} onClose={onClose}>
      <div className="entry-form minutes-form" aria-busy={busy || undefined}>
        <fieldset className="field entry-kind">
          <legend>{t('minutes.status')}</legend>
          {STATUSES.map((value) => (
            <label key={value} className="entry-kind-option">
              <input
                type="radio"
                name={`${id}-status`}
                value={value}
                checked={status === value}
                data-autofocus={status === value ? true : undefined}
                onChange={() => setStatus(value)}
              />
              {t(`minutes.statusValue.${value}`)}
            </label>
          ))}
        </fieldset>
        {sessions && sessions.length > 1 && (
          <fieldset className="field entry-kind">
            <legend>{t('minutes.sessionsLegend')}</legend>
            {sessions.map((session) => (
              <label key={session.id} className="entry-kind-option">
                <input
                  type="checkbox"
                  checked={!skipped.has(session.id)}
                  onChange={(event) => {
                    const next = new Set(skipped);
                    if (event.target.checked) next.delete(session.id);
                    else next.add(session.id);
                    setSkipped(next);
                  }}
                />
                {session.title}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className="field entry-kind">
          <legend>{t('minutes.phasesLegend')}</legend>
          {offered.map((phase) => (
            <label key={phase ?? 'none'} className="entry-kind-option">
              <input
                type="checkbox"
                checked={phases.includes(phase)}
                onChange={(event) => setPhases(toggle(phases, phase, event.target.checked))}
              />
              {t(`phases.${phase ?? 'none'}`)}
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void save('markdown')}>
            {t('minutes.markdownButton')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => void save('pdf')}
          >
            {busy ? t('minutes.working') : t('minutes.button')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
