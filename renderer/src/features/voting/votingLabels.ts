import i18next from 'i18next';
import type { VotingRound } from '../../domain/types';
import type { RecordWords } from '../../domain/votingRecord';
import type { TallyRow, VotingSettings } from '../../domain/votingTally';

// The German (or English) words for rounds, methods and scores, in one place so
// the list, the ballot screen, the result and the decision text say the same.

/** "Punktabfrage, 3 Punkte p. P., höchstens 2 je Eintrag" */
export function methodLabel(settings: VotingSettings): string {
  switch (settings.method) {
    case 'dots':
      return i18next.t('voting.methodSummary.dots', {
        count: settings.dots,
        max: settings.maxPerItem,
      });
    case 'points':
      return i18next.t('voting.methodSummary.points', { total: settings.total });
    case 'ranking':
      return i18next.t('voting.methodSummary.ranking', { topK: settings.topK });
    case 'impactEffort':
      return i18next.t('voting.methodSummary.impactEffort');
  }
}

/** 'Abstimmung „Schwerpunkte“ (Punktabfrage, 3 Punkte p. P.)' */
export function roundHeading(round: VotingRound): string {
  return i18next.t('voting.record.heading', { title: round.title, method: methodLabel(round.settings) });
}

/** A row's score in words: "12 Punkte", "Ø Nutzen 4,2 · Aufwand 2,0". */
export function scoreText(settings: VotingSettings, row: TallyRow): string {
  if (settings.method === 'impactEffort') {
    if (typeof row.impact !== 'number' || typeof row.effort !== 'number')
      return i18next.t('voting.result.notRated');
    return i18next.t('voting.result.ratingScore', {
      impact: formatMean(row.impact),
      effort: formatMean(row.effort),
    });
  }
  return i18next.t('voting.result.points', { count: row.score });
}

export function formatMean(value: number): string {
  return new Intl.NumberFormat(i18next.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

export function recordWords(round: VotingRound, heading: string): RecordWords {
  return { heading, score: (row) => scoreText(round.settings, row) };
}

/** One line, at most `max` characters, for labels and messages. */
export function shorten(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
