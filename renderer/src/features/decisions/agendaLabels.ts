import type { TFunction } from 'i18next';
import type { AgendaItemId } from '../../domain/ids';
import type { AgendaChoice } from '../../persistence/decisionHooks';

/** "TOP 3: Pause", or with the session in front when the workshop has more than one. */
export function agendaLabel(choice: AgendaChoice, withSession: boolean, t: TFunction): string {
  const top = t('decisions.agendaLabel', { number: choice.number, title: choice.item.title });
  return withSession && choice.session ? `${choice.session.title} · ${top}` : top;
}

export function hasSeveralSessions(choices: readonly AgendaChoice[]): boolean {
  return new Set(choices.map((c) => c.item.sessionId)).size > 1;
}

/** The label of a decision's TOP; a TOP deleted since says so instead of vanishing. */
export function agendaLabelOf(
  id: AgendaItemId | null,
  choices: readonly AgendaChoice[] | undefined,
  t: TFunction,
): string {
  if (id === null) return '';
  const choice = choices?.find((c) => c.item.id === id);
  if (!choice) return choices ? t('decisions.agendaItemGone') : '';
  return agendaLabel(choice, hasSeveralSessions(choices ?? []), t);
}
