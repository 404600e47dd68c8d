/**
 * Formatting shared by the PDF and Markdown renderers of the minutes. Plain
 * functions of the model and a translator, so the CLI runs them in Node too.
 */
import type { MinutesAgendaRow, MinutesModel, MinutesPhase, MinutesSession } from '../../domain/minutes';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function formatDay(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

export function formatShortDay(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

export function sessionLine(session: MinutesSession, t: Translate, language: string): string {
  const time = session.startTime
    ? session.plannedEnd
      ? t('minutes.timeRange', { start: session.startTime, end: session.plannedEnd })
      : t('minutes.timeFrom', { start: session.startTime })
    : '';
  const when = [session.date ? formatDay(session.date, language) : '', time].filter(Boolean).join(', ');
  return [session.title, when, session.place].filter(Boolean).join(' · ');
}

export function plannedCell(row: MinutesAgendaRow, t: Translate): string {
  const minutes = t('minutes.minutes', { count: row.plannedMinutes });
  return row.plannedStart && row.plannedEnd ? `${row.plannedStart}–${row.plannedEnd} (${minutes})` : minutes;
}

export function actualCell(row: MinutesAgendaRow, t: Translate): string {
  return row.actualMinutes === null
    ? t('minutes.notStarted')
    : t('minutes.minutes', { count: row.actualMinutes });
}

export function phaseHeading(phase: MinutesPhase, t: Translate): string {
  return t('minutes.results', { phase: t(`phases.${phase.phase ?? 'none'}`) });
}

/** The facts of the title page, label and value, without empty ones. */
export function titleFacts(model: MinutesModel, t: Translate, language: string): Array<[string, string]> {
  const facts: Array<[string, string]> = [
    [t('minutes.organisation'), model.organisation],
    [t('minutes.date'), model.date ? formatDay(model.date, language) : ''],
    [t('minutes.place'), model.place],
    [t('minutes.facilitators'), model.facilitators],
    [t('minutes.minuteTaker'), model.minuteTaker],
    [t('minutes.status'), t(`minutes.statusValue.${model.status}`)],
  ];
  return facts.filter(([, value]) => value !== '');
}
