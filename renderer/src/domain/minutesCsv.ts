/**
 * CSV exports beside the minutes: the cards, the votes and the action items,
 * for a spreadsheet. Excel in a German locale opens them by double click:
 * UTF-8 with a byte order mark, semicolons, CRLF, RFC 4180 quoting, German
 * dates and decimal commas. A cell that a spreadsheet would run as a formula
 * (= + - @, tab, CR at the start) gets a leading apostrophe.
 */
import { byRank } from './ordering';
import { buildRounds, type MinutesVotingRound } from './minutesVoting';
import type { WorkshopTree } from './purge';
import type { Board, Note } from './types';

/** The words of the headers and values (the app's translator). */
export type CsvWords = (key: string, options?: Record<string, unknown>) => string;

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula guard first, then quoted when it holds a separator, quote or line break. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : typeof value === 'number' ? germanNumber(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvDocument(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** "3,5" — a decimal comma, at most two decimals, no thousands separator (spreadsheets read it as a number). */
export function germanNumber(value: number): string {
  return new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

/** "24.03.2027" for "2027-03-24"; '' for no date. */
export function germanDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** "24.03.2027 14:05" in the computer's time zone. */
export function germanDateTime(timestamp: number): string {
  const d = new Date(timestamp);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Where a card sits on its board, in the board's words. */
function placeOf(note: Note, tree: WorkshopTree, board: Board, t: CsvWords): string {
  const title = <T extends { id: string; title: string }>(rows: readonly T[], id: string | null) =>
    id === null ? undefined : rows.find((r) => r.id === id)?.title;
  switch (board.kind) {
    case 'matrix': {
      const row = title(tree.matrixRows, note.rowId);
      const column = title(tree.columns, note.columnId);
      return row !== undefined && column !== undefined ? `${row} / ${column}` : t('minutes.tray');
    }
    case 'clusters':
      return title(tree.clusters, note.clusterId) ?? t('minutes.pool');
    case 'canvases':
      return '';
    case 'columns':
    default:
      return title(tree.columns, note.columnId) ?? t('minutes.noColumn');
  }
}

/** Every card of the workshop, board by board in board order, with its place, colour and facts. */
export function notesCsv(tree: WorkshopTree, t: CsvWords): string {
  const rows: Array<Array<string | number | null>> = [];
  for (const board of [...tree.boards].sort(byRank)) {
    for (const note of tree.notes.filter((n) => n.boardId === board.id).sort(byRank)) {
      rows.push([
        board.title,
        t(`phases.${board.phase ?? 'none'}`),
        placeOf(note, tree, board, t),
        note.text,
        t(`colors.${note.color}`),
        note.facts?.process ?? '',
        note.facts?.casesPerYear ?? null,
        note.facts?.painPoint ?? '',
        germanDateTime(note.createdAt),
      ]);
    }
  }
  const h = (key: string) => t(`minutes.csv.notes.${key}`);
  return csvDocument(
    [
      h('board'),
      h('phase'),
      h('place'),
      h('text'),
      h('color'),
      h('process'),
      h('cases'),
      h('painPoint'),
      h('created'),
    ],
    rows,
  );
}

function roundStatus(round: MinutesVotingRound, t: CsvWords): string {
  if (round.status === 'annulled') return t('minutes.csv.votes.annulled', { reason: round.annulReason });
  return t(`minutes.csv.votes.status.${round.status}`);
}

/**
 * One row per item and round (score, rank, supporters; empty while a round is
 * open or after it was annulled), then, for named rounds only, one row per
 * ballot and item. Anonymous rounds never get a ballot row.
 */
export function votesCsv(tree: WorkshopTree, t: CsvWords): string {
  const rows: Array<Array<string | number | null>> = [];
  const kind = (key: string) => t(`minutes.csv.votes.kind.${key}`);
  for (const round of buildRounds(tree.boards, tree)) {
    const status = roundStatus(round, t);
    const method = t(`minutes.voting.method.${round.settings.method}`);
    const common = [round.title, round.board, method, status] as const;
    if (round.rows) {
      for (const row of round.rows)
        rows.push([
          ...common,
          kind('result'),
          row.label,
          row.score,
          row.tied ? t('minutes.csv.votes.tiedRank', { rank: row.rank }) : String(row.rank),
          row.supporters,
          row.effort,
          null,
          null,
        ]);
    } else {
      for (const item of round.items)
        rows.push([...common, kind('result'), item, null, null, null, null, null, null]);
    }
    for (const ballot of round.ballots ?? [])
      for (const vote of ballot.votes)
        rows.push([
          ...common,
          kind('ballot'),
          vote.label,
          null,
          null,
          null,
          null,
          ballot.voter ?? t('minutes.voting.removedVoter'),
          vote.effort === undefined
            ? vote.value
            : t('minutes.voting.rating', { impact: vote.value, effort: vote.effort }),
        ]);
  }
  const h = (key: string) => t(`minutes.csv.votes.${key}`);
  return csvDocument(
    [
      h('round'),
      h('board'),
      h('method'),
      h('statusHeader'),
      h('kindHeader'),
      h('item'),
      h('score'),
      h('rank'),
      h('supporters'),
      h('effort'),
      h('voter'),
      h('vote'),
    ],
    rows,
  );
}

/** Wer, was, bis wann, Status — undated ones last, as in the minutes. */
export function actionItemsCsv(tree: WorkshopTree, t: CsvWords): string {
  const items = [...tree.actionItems].sort(
    (a, b) => (a.due || '9999').localeCompare(b.due || '9999') || a.createdAt - b.createdAt,
  );
  const h = (key: string) => t(`minutes.actionColumns.${key}`);
  return csvDocument(
    [h('owner'), h('task'), h('due'), h('status')],
    items.map((a) => [a.owner, a.task, germanDate(a.due), t(`actions.status.${a.status}`)]),
  );
}
