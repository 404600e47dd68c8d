/**
 * A writing round (Schreibrunde) in the minutes PDF: heading (with bookmark
 * and contents entry like every round), then board, kind, times, what became
 * of the cards and, in named rounds only, who wrote. Anonymous rounds say that
 * the minutes name nobody.
 */
import type { MinutesWritingRound } from '../../domain/minutes';
import { drawFacts } from './minutesPdfVoting';
import { GREY, type MinutesWriter, type Steps } from './minutesPdfWriter';
import type { Translate } from './minutesText';
import { writingFacts, writingHeading } from './minutesWritingText';

export function* drawWritingRound(
  w: MinutesWriter,
  round: MinutesWritingRound,
  t: Translate,
  language: string,
): Steps {
  // The heading and the facts of a round stay on one page.
  w.ensure(45);
  w.heading(writingHeading(round, t), 1);
  drawFacts(w, writingFacts(round, t, language));
  if (round.anonymous) w.paragraph(t('minutes.writing.anonymousNote'), { grey: GREY, size: 8.5 });
  yield;
}
