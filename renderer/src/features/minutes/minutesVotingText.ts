/**
 * The words of a voting round in the minutes, shared by the PDF, the Markdown
 * and the preview: its facts, the ranking table and the named ballots.
 */
import type { MinutesBallot, MinutesVotingRound, MinutesVotingRow } from '../../domain/minutes';
import { formatShortDay, type Translate } from './minutesText';

export function roundHeading(round: MinutesVotingRound, t: Translate): string {
  return t('minutes.voting.heading', { title: round.title });
}

/** "24. März 2027, 13:00 Uhr" in the computer's time zone. */
export function formatMoment(timestamp: number, language: string): string {
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(timestamp);
  const day = new Date(timestamp);
  const local = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
  return language === 'en'
    ? `${formatShortDay(local, language)}, ${time}`
    : `${formatShortDay(local, language)}, ${time} Uhr`;
}

export function settingsLine(round: MinutesVotingRound, t: Translate): string {
  const s = round.settings;
  switch (s.method) {
    case 'dots':
      return t('minutes.voting.settings.dots', { count: s.dots, max: s.maxPerItem });
    case 'points':
      return t('minutes.voting.settings.points', { total: s.total });
    case 'ranking':
      return t('minutes.voting.settings.ranking', { topK: s.topK });
    case 'impactEffort':
      return t('minutes.voting.settings.impactEffort');
  }
}

export function statusLine(round: MinutesVotingRound, t: Translate): string {
  if (round.status === 'closed' && !round.revealed) return t('minutes.voting.status.closedHidden');
  return t(`minutes.voting.status.${round.status}`);
}

export function turnoutLine(round: MinutesVotingRound, t: Translate, language: string): string {
  const { cast, entitled } = round.turnout;
  if (entitled === 0) return t('minutes.voting.turnoutPaperOnly');
  const percent = new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(
    (100 * cast) / entitled,
  );
  return t('minutes.voting.turnoutValue', { cast, entitled, percent });
}

/** Label and value of each fact of a round, in print order, without empty ones. */
export function roundFacts(
  round: MinutesVotingRound,
  t: Translate,
  language: string,
): Array<[string, string]> {
  const f = (key: string) => t(`minutes.voting.facts.${key}`);
  const facts: Array<[string, string]> = [
    [f('status'), statusLine(round, t)],
    [f('board'), round.board ? `${round.board} (${t(`minutes.voting.target.${round.target}`)})` : ''],
    [f('method'), `${t(`minutes.voting.method.${round.settings.method}`)} – ${settingsLine(round, t)}`],
    [f('secrecy'), t(round.anonymous ? 'minutes.voting.anonymous' : 'minutes.voting.named')],
    [f('entitled'), t('minutes.voting.people', { count: round.entitled })],
    [f('opened'), formatMoment(round.openedAt, language)],
    [
      f('closed'),
      round.closedAt !== null
        ? formatMoment(round.closedAt, language)
        : round.closesAt !== null
          ? t('minutes.voting.closesAt', { when: formatMoment(round.closesAt, language) })
          : t('minutes.voting.notClosed'),
    ],
    [f('turnout'), turnoutLine(round, t, language)],
    [f('paper'), round.paperDots > 0 ? t('minutes.voting.paperValue', { count: round.paperDots }) : ''],
    [f('annulReason'), round.status === 'annulled' ? round.annulReason : ''],
    [f('decision'), round.decision ?? ''],
  ];
  return facts.filter(([, value]) => value !== '');
}

const decimal = (value: number | null, language: string) =>
  value === null
    ? '–'
    : new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

export function rankCell(row: MinutesVotingRow, t: Translate): string {
  return row.tied
    ? t('minutes.voting.tiedRank', { rank: row.rank })
    : t('minutes.voting.rank', { rank: row.rank });
}

export function scoreCell(row: MinutesVotingRow, t: Translate, language: string): string {
  const score = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(row.score);
  return row.paper > 0 ? `${score} (${t('minutes.voting.paperShare', { count: row.paper })})` : score;
}

/** The ranking as a table: headers and rows of text, the same in every format. */
export function rankingTable(
  round: MinutesVotingRound,
  t: Translate,
  language: string,
): { headers: string[]; rows: string[][]; widths: number[] } {
  const c = (key: string) => t(`minutes.voting.columns.${key}`);
  const rows = round.rows ?? [];
  if (round.settings.method === 'impactEffort')
    return {
      headers: [c('rank'), c('number'), c('item'), c('impact'), c('effort'), c('quadrant'), c('supporters')],
      widths: [0.12, 0.06, 0.27, 0.12, 0.12, 0.16, 0.15],
      rows: rows.map((row) => [
        rankCell(row, t),
        String(row.number),
        row.label,
        decimal(row.impact, language),
        decimal(row.effort, language),
        t(`minutes.voting.quadrant.${row.quadrant ?? 'unrated'}`),
        String(row.supporters),
      ]),
    };
  return {
    headers: [c('rank'), c('item'), c(`score.${round.settings.method}`), c('supporters')],
    widths: [0.15, 0.55, 0.15, 0.15],
    rows: rows.map((row) => [
      rankCell(row, t),
      row.label,
      scoreCell(row, t, language),
      String(row.supporters),
    ]),
  };
}

/** Whether a round has rows with any ties (the table then explains the shared places). */
export function hasTies(round: MinutesVotingRound): boolean {
  return (round.rows ?? []).some((row) => row.tied);
}

/** One named ballot as text: "Cluster A: 2 · Cluster B: 1", "1. A · 2. B", "A: Nutzen 4, Aufwand 2". */
export function ballotText(ballot: MinutesBallot, round: MinutesVotingRound, t: Translate): string {
  return ballot.votes
    .map((vote) => {
      if (vote.effort !== undefined)
        return `${vote.label}: ${t('minutes.voting.rating', { impact: vote.value, effort: vote.effort })}`;
      if (round.settings.method === 'ranking') return `${vote.value}. ${vote.label}`;
      return `${vote.label}: ${vote.value}`;
    })
    .join(' · ');
}

export function voterName(ballot: MinutesBallot, t: Translate): string {
  return ballot.voter ?? t('minutes.voting.removedVoter');
}
