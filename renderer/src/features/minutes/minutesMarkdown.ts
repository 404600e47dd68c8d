/**
 * The same minutes as Markdown, for the intranet and e-mail: headings, pipe
 * tables and lists. User text is escaped, so a note can never become markup.
 */
import type { MinutesModel } from '../../domain/minutes';
import {
  actualCell,
  formatDay,
  formatShortDay,
  phaseHeading,
  plannedCell,
  sessionLine,
  titleFacts,
  type Translate,
} from './minutesText';

/**
 * Escapes what Markdown would act on (emphasis, links, HTML, table pipes, a
 * leading list or heading mark) but leaves ordinary dashes and dots readable;
 * line breaks become spaces so a note stays one list item or table cell.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]<>|~]/g, (char) => `\\${char}`)
    .replace(/^([#+-]|\d+\.)/, '\\$1');
}

function table(headers: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map((c) => escapeMarkdown(c) || ' ').join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line), ''];
}

export function renderMinutesMarkdown(model: MinutesModel, t: Translate, language: string): string {
  const out: string[] = [];
  out.push(`# ${t('minutes.documentTitle')}: ${escapeMarkdown(model.title)}`, '');
  for (const [label, value] of titleFacts(model, t, language))
    out.push(`- **${escapeMarkdown(label)}:** ${escapeMarkdown(value)}`);
  for (const session of model.sessions) out.push(`- ${escapeMarkdown(sessionLine(session, t, language))}`);
  out.push('');

  out.push(`## ${t('minutes.participants')}`, '');
  if (model.participants.length === 0) out.push(t('minutes.noParticipants'), '');
  else
    out.push(
      ...table(
        [
          t('minutes.participantColumns.name'),
          t('minutes.participantColumns.unit'),
          t('minutes.participantColumns.role'),
        ],
        model.participants.map((p) => [p.name, p.unit, p.role]),
      ),
    );

  out.push(`## ${t('minutes.agenda')}`, '');
  if (model.sessions.length === 0) out.push(t('minutes.noSessions'), '');
  for (const session of model.sessions) {
    if (model.sessions.length > 1) out.push(`### ${escapeMarkdown(sessionLine(session, t, language))}`, '');
    if (session.agenda.length === 0) out.push(t('minutes.noAgenda'), '');
    else
      out.push(
        ...table(
          [
            t('minutes.agendaColumns.number'),
            t('minutes.agendaColumns.title'),
            t('minutes.agendaColumns.planned'),
            t('minutes.agendaColumns.actual'),
          ],
          session.agenda.map((row, i) => [String(i + 1), row.title, plannedCell(row, t), actualCell(row, t)]),
        ),
      );
  }

  for (const phase of model.phases) {
    out.push(`## ${escapeMarkdown(phaseHeading(phase, t))}`, '');
    if (phase.boards.length === 0) out.push(t('minutes.emptyPhase'), '');
    for (const board of phase.boards) {
      out.push(`### ${escapeMarkdown(board.title)}`, '');
      for (const column of board.columns) {
        out.push(`#### ${escapeMarkdown(column.title)}`, '');
        if (column.notes.length === 0) out.push(t('minutes.emptyColumn'));
        for (const note of column.notes) out.push(`- ${escapeMarkdown(note)}`);
        out.push('');
      }
    }
  }

  out.push(`## ${t('minutes.decisions')}`, '');
  if (model.decisions.length === 0) out.push(t('minutes.noDecisions'), '');
  else
    out.push(
      ...table(
        [
          t('minutes.decisionColumns.date'),
          t('minutes.decisionColumns.text'),
          t('minutes.decisionColumns.agendaItem'),
        ],
        model.decisions.map((d) => [d.date ? formatShortDay(d.date, language) : '', d.text, d.agendaItem]),
      ),
    );

  out.push(`## ${t('minutes.actionItems')}`, '');
  if (model.actionItems.length === 0) out.push(t('minutes.noActionItems'), '');
  else
    out.push(
      ...table(
        [
          t('minutes.actionColumns.owner'),
          t('minutes.actionColumns.task'),
          t('minutes.actionColumns.due'),
          t('minutes.actionColumns.status'),
        ],
        model.actionItems.map((a) => [
          a.owner,
          a.task,
          a.due ? formatShortDay(a.due, language) : '',
          t(`actions.status.${a.status}`),
        ]),
      ),
    );

  out.push(
    `_${escapeMarkdown(t('minutes.createdAt', { date: formatDay(new Date(model.createdAt).toISOString().slice(0, 10), language) }))}_`,
    '',
  );
  return out.join('\n');
}
