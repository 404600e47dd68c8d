/**
 * The words of a writing round (Schreibrunde) in the minutes, shared by the
 * PDF, the Markdown and the preview: its heading and its facts. Anonymous
 * rounds never name anybody.
 */
import type { MinutesWritingRound } from '../../domain/minutes';
import type { Translate } from './minutesText';
import { formatMoment } from './minutesVotingText';

export function writingHeading(round: MinutesWritingRound, t: Translate): string {
  return t('writingSession.minutes.heading', { prompt: round.prompt });
}

/** "6 erhalten · 2 übernommen · …" */
export function writingCounts(round: MinutesWritingRound, t: Translate): string {
  return t('writingSession.minutes.counts', { ...round.counts });
}

/** Label and value of each fact of a writing round, in print order, without empty ones. */
export function writingFacts(
  round: MinutesWritingRound,
  t: Translate,
  language: string,
): Array<[string, string]> {
  const f = (key: string) => t(`writingSession.minutes.${key}`);
  const closed =
    round.closedAt !== null
      ? formatMoment(round.closedAt, language)
      : round.closesAt !== null
        ? t('writingSession.minutes.closesAt', { when: formatMoment(round.closesAt, language) })
        : f('notClosed');
  const facts: Array<[string, string]> = [
    [f('board'), round.board],
    [f('secrecy'), f(round.anonymous ? 'anonymous' : 'named')],
    [f('opened'), formatMoment(round.openedAt, language)],
    [f('closed'), closed],
    [f('cards'), writingCounts(round, t)],
    // Never a name in an anonymous round, whatever the model holds.
    [f('writers'), round.anonymous ? '' : round.writers.join(', ')],
  ];
  return facts.filter(([, value]) => value !== '');
}
