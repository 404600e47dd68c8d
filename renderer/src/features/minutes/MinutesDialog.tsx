import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import type { MinutesModel, MinutesStatus } from '../../domain/minutes';
import { minutesStatusOf } from '../../domain/minutesRecord';
import { PHASES, type Phase, type Workshop } from '../../domain/types';
import { useSessions } from '../../persistence/agendaHooks';
import { useBoards } from '../../persistence/hooks';
import { useAppStore } from '../../state/store';
import { loadMinutesModel, saveCsv, saveMinutes, type CsvExport, type MinutesFormat } from './minutesActions';
import { MinutesPreview } from './MinutesPreview';
import './minutes.css';

const STATUSES: readonly MinutesStatus[] = ['draft', 'approved'];
const ALL_PHASES: ReadonlyArray<Phase | null> = [...PHASES, null];
const CSV_EXPORTS: readonly CsvExport[] = ['notes', 'votes', 'actions'];

/**
 * Picks status, sessions and phases, shows the first pages, then saves the
 * minutes as PDF or Markdown; the cards, votes and tasks also go out as CSV.
 */
export function MinutesDialog({ workshop, onClose }: { workshop: Workshop; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const sessions = useSessions(workshop.id);
  const boards = useBoards(workshop.id);
  // "Weitere Boards" only when some board belongs to no phase.
  const offered = ALL_PHASES.filter((phase) => phase !== null || boards?.some((b) => b.phase === null));
  const [status, setStatus] = useState<MinutesStatus>(() => minutesStatusOf(workshop));
  const [phases, setPhases] = useState<ReadonlyArray<Phase | null>>(ALL_PHASES);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<MinutesModel | null>(null);
  const sessionIds = sessions?.filter((s) => !skipped.has(s.id)).map((s) => s.id);
  const choiceKey = JSON.stringify([status, phases, sessionIds]);

  useEffect(() => {
    if (sessions === undefined) return;
    let live = true;
    const [chosenStatus, chosenPhases, chosenSessions] = JSON.parse(choiceKey) as [
      MinutesStatus,
      Array<Phase | null>,
      string[],
    ];
    void loadMinutesModel(workshop, {
      status: chosenStatus,
      phases: chosenPhases,
      sessionIds: chosenSessions,
    }).then(
      (model) => {
        if (live) setPreview(model);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [workshop, sessions, choiceKey]);

  async function save(format: MinutesFormat): Promise<void> {
    setBusy(true);
    useAppStore.getState().announce(t('minutes.working'));
    try {
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

  async function exportCsv(kind: CsvExport): Promise<void> {
    setBusy(true);
    try {
      const file = await saveCsv(workshop, kind, t);
      if (file !== null)
        useAppStore.getState().showToast({ tone: 'info', message: t('minutes.saved', { file }) });
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
      <div className="minutes-dialog-layout">
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
          <fieldset className="field entry-kind">
            <legend>{t('minutes.csv.legend')}</legend>
            <div className="minutes-csv">
              {CSV_EXPORTS.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className="button button-small"
                  disabled={busy}
                  onClick={() => void exportCsv(kind)}
                >
                  {t(`minutes.csv.${kind}Button`)}
                </button>
              ))}
            </div>
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
        <MinutesPreview model={preview} />
      </div>
    </Dialog>
  );
}
