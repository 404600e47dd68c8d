/**
 * A voting round in the minutes PDF: its facts, the ranking table (ties shown
 * as shared places), a bar chart, or for impact/effort a 2×2 placement — both
 * drawn as vectors (rectangles, lines, text), so they stay sharp, searchable
 * and small. Named rounds list the ballots; anonymous rounds never do.
 */
import type { MinutesVotingRound, MinutesVotingRow } from '../../domain/minutes';
import { GREY, MARGIN, RULE, type MinutesWriter, type Steps } from './minutesPdfWriter';
import type { Translate } from './minutesText';
import {
  ballotText,
  hasTies,
  rankingTable,
  roundFacts,
  roundHeading,
  scoreCell,
  voterName,
} from './minutesVotingText';

/** Bars drawn at most; the table lists every item. */
const MAX_BARS = 30;
const BAR = { height: 4.2, gap: 1.6, label: 62, value: 26 };
const BAR_FILL: [number, number, number] = [62, 106, 168];
const LABEL_WIDTH = 42;
/** The impact/effort square's side, in mm. */
const MATRIX_SIZE = 90;

/** Label and value pairs side by side (also used by the writing rounds). */
export function drawFacts(w: MinutesWriter, facts: Array<[string, string]>): void {
  const { doc, tags } = w;
  w.endList();
  // Each fact one paragraph: its label, then its value.
  for (const [label, value] of facts) {
    w.font(9);
    const lines = w.split(value, w.width - LABEL_WIDTH);
    w.ensure(lines.length * w.lineHeight() + 1);
    w.font(9, 'bold');
    const labelLines = w.split(label, LABEL_WIDTH - 2);
    const fact = tags.open('P');
    labelLines.forEach((line, i) =>
      tags.mark(() => doc.text(line, MARGIN.left, w.y + (i + 0.8) * w.lineHeight())),
    );
    w.font(9);
    lines.forEach((line, i) =>
      tags.mark(() => doc.text(line, MARGIN.left + LABEL_WIDTH, w.y + (i + 0.8) * w.lineHeight())),
    );
    tags.close(fact);
    w.y += Math.max(lines.length, labelLines.length) * w.lineHeight() + 0.8;
  }
  w.y += 2;
  w.font(10);
}

/** Horizontal bars, best first, each labelled with its place, item and score. */
function drawBars(
  w: MinutesWriter,
  round: MinutesVotingRound,
  rows: MinutesVotingRow[],
  t: Translate,
  language: string,
): void {
  const { doc } = w;
  const shown = rows.slice(0, MAX_BARS);
  const max = Math.max(...shown.map((r) => r.score), 0);
  if (max <= 0) return;
  const step = BAR.height + BAR.gap;
  const barWidth = w.width - BAR.label - BAR.value;
  // The title and the chart stay on one page when they fit one; a long chart breaks between bars.
  w.ensure(Math.min(shown.length * step + 12, w.bottom - MARGIN.top - 10));
  w.label(t('minutes.voting.chartTitle'), { size: 9.5 });
  // For a screen reader a figure: what it shows is in the table above, read in full there.
  const { tags } = w;
  const figure = tags.open('Figure', t('minutes.voting.chartAlt'));
  const x0 = MARGIN.left + BAR.label;
  let top = w.y;
  doc.setLineWidth(0.2);
  for (const row of shown) {
    if (w.y + step > w.bottom) {
      tags.mark(() => {
        doc.setDrawColor(RULE);
        doc.line(x0, top, x0, w.y);
      });
      w.newPage();
      top = w.y;
    }
    w.font(8);
    const label = `${row.tied ? '=' : ''}${t('minutes.voting.rank', { rank: row.rank })} ${row.label}`;
    const line = w.split(label, BAR.label - 3)[0] ?? '';
    const shortened = line.length < label.length ? `${line.replace(/.$/u, '')}…` : line;
    const length = (row.score / max) * barWidth;
    tags.mark(() => {
      doc.text(shortened, MARGIN.left, w.y + BAR.height * 0.75);
      if (length > 0) {
        doc.setFillColor(...BAR_FILL);
        doc.rect(x0, w.y, length, BAR.height, 'F');
      }
      doc.text(scoreCell(row, t, language), x0 + length + 1.5, w.y + BAR.height * 0.75);
    });
    w.y += step;
  }
  tags.mark(() => {
    doc.setDrawColor(RULE);
    doc.line(x0, top, x0, w.y - BAR.gap);
  });
  tags.close(figure);
  if (rows.length > shown.length) {
    w.y += 1;
    w.paragraph(t('minutes.voting.moreBars', { count: shown.length, total: rows.length }), {
      size: 8,
      grey: GREY,
    });
  }
  w.y += 3;
  w.font(10);
}

/** The 2×2 of impact (up) and effort (right), 1 to 5; each rated item a numbered point. */
function drawMatrix(w: MinutesWriter, rows: MinutesVotingRow[], t: Translate): void {
  const rated = rows.filter((r) => r.impact !== null && r.effort !== null);
  if (rated.length === 0) return;
  w.ensure(MATRIX_SIZE + 26);
  w.label(t('minutes.voting.matrixTitle'), { size: 9.5 });
  // One page, one piece of content; for a screen reader a figure whose values the table above gives.
  const { tags } = w;
  const figure = tags.open('Figure', t('minutes.voting.matrixAlt'));
  tags.mark(() => drawMatrixShape(w, rated, t));
  tags.close(figure);
}

function drawMatrixShape(w: MinutesWriter, rated: MinutesVotingRow[], t: Translate): void {
  const { doc } = w;
  const size = MATRIX_SIZE;
  const left = MARGIN.left + 14;
  const top = w.y + 2;
  const x = (effort: number) => left + ((effort - 1) / 4) * size;
  const y = (impact: number) => top + size - ((impact - 1) / 4) * size;
  // Quadrants: the high-impact, low-effort one is tinted (the quick wins).
  doc.setFillColor(228, 238, 250);
  doc.rect(left, top, size / 2, size / 2, 'F');
  doc.setDrawColor(RULE);
  doc.setLineWidth(0.3);
  doc.rect(left, top, size, size, 'S');
  doc.line(x(3), top, x(3), top + size);
  doc.line(left, y(3), left + size, y(3));
  w.font(7.5, 'normal', GREY);
  const q = (key: string) => t(`minutes.voting.quadrant.${key}`);
  doc.text(q('quickWin'), left + 2, top + 4);
  doc.text(q('majorProject'), left + size - 2, top + 4, { align: 'right' });
  doc.text(q('fillIn'), left + 2, top + size - 2);
  doc.text(q('thankless'), left + size - 2, top + size - 2, { align: 'right' });
  // Axis words and the scale.
  w.font(8, 'bold');
  doc.text(t('minutes.voting.axis.effort'), left + size / 2, top + size + 9, { align: 'center' });
  const impact = t('minutes.voting.axis.impact');
  // Rotated text runs upwards from its start: start half its length below the middle.
  doc.text(impact, left - 8, top + size / 2 + doc.getTextWidth(impact) / 2, { angle: 90 });
  w.font(7, 'normal', GREY);
  for (let v = 1; v <= 5; v++) {
    doc.text(String(v), x(v), top + size + 4, { align: 'center' });
    doc.text(String(v), left - 2.5, y(v) + 1, { align: 'right' });
  }
  // Points; items on the same spot get their numbers side by side.
  const spots = new Map<string, number>();
  w.font(7.5, 'bold');
  for (const row of rated) {
    const key = `${row.effort!.toFixed(2)}|${row.impact!.toFixed(2)}`;
    const nth = spots.get(key) ?? 0;
    spots.set(key, nth + 1);
    const px = x(row.effort!);
    const py = y(row.impact!);
    doc.setFillColor(...BAR_FILL);
    doc.circle(px, py, 1.2, 'F');
    doc.setTextColor(0);
    doc.text(String(row.number), px + 1.8 + nth * 4, py - 1.2);
  }
  w.y = top + size + 14;
  w.font(10);
}

export function* drawRound(
  w: MinutesWriter,
  round: MinutesVotingRound,
  t: Translate,
  language: string,
): Steps {
  // The heading and the facts of a round stay on one page.
  w.ensure(70);
  w.heading(roundHeading(round, t), 1);
  drawFacts(w, roundFacts(round, t, language));
  yield;
  if (round.status === 'open') {
    w.paragraph(t('minutes.voting.openNote'), { grey: GREY, size: 9 });
    return;
  }
  if (!round.rows) {
    // Annulled: the reason is in the facts; the numbers do not count and are not printed.
    w.paragraph(t('minutes.voting.annulledNote'), { grey: GREY, size: 9 });
    return;
  }
  const table = rankingTable(round, t, language);
  yield* w.tableSteps(
    table.headers.map((header, i) => ({ header, width: table.widths[i] ?? 0.1 })),
    table.rows,
    { size: 8.5 },
  );
  if (hasTies(round)) w.paragraph(t('minutes.voting.tiesNote'), { grey: GREY, size: 8.5 });
  if (round.settings.method === 'impactEffort') drawMatrix(w, round.rows, t);
  else drawBars(w, round, round.rows, t, language);
  yield;
  if (round.anonymous) {
    w.paragraph(t('minutes.voting.anonymousNote'), { grey: GREY, size: 8.5 });
  } else if (round.ballots && round.ballots.length > 0) {
    w.label(t('minutes.voting.ballotsHeading'), { size: 9.5 });
    yield* w.tableSteps(
      [
        { header: t('minutes.voting.columns.voter'), width: 0.3 },
        { header: t('minutes.voting.columns.votes'), width: 0.7 },
      ],
      round.ballots.map((ballot) => [voterName(ballot, t), ballotText(ballot, round, t)]),
      { size: 8.5 },
    );
  }
}
