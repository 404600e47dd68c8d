/**
 * The phase boards in the minutes PDF, one layout per board kind, and the
 * traceability section. Every card the model holds is printed once.
 */
import type {
  MinutesBoard,
  MinutesCard,
  MinutesIdea,
  MinutesTrace,
  MinutesTraceIdea,
  MinutesVision,
} from '../../domain/minutes';
import { GREY, type MinutesWriter, type Steps } from './minutesPdfWriter';
import {
  clusterTitle,
  columnTitle,
  factsLine,
  factsParts,
  fieldLabel,
  fieldValue,
  focusAreaText,
  ideaFacts,
  originLine,
  sourceLine,
  visionPlainBlocks,
  visionSourcesLine,
  visionStatus,
  type Translate,
} from './minutesText';

/** A matrix wider than this is printed as a list per row: table cells would be too narrow to read. */
const MAX_TABLE_COLUMNS = 7;
/** From this many columns on, a matrix table gets a landscape page. */
const LANDSCAPE_COLUMNS = 4;

function matrixAsTable(board: Extract<MinutesBoard, { kind: 'matrix' }>): boolean {
  return board.rows.length > 0 && board.columns.length > 0 && board.columns.length <= MAX_TABLE_COLUMNS;
}

/** Whether a board is printed on landscape pages (a matrix table of many columns). */
export function wantsLandscape(board: MinutesBoard): boolean {
  return board.kind === 'matrix' && matrixAsTable(board) && board.columns.length >= LANDSCAPE_COLUMNS;
}
const SMALL = 8.5;

function drawCard(w: MinutesWriter, card: MinutesCard, t: Translate, language: string, indent = 0): void {
  const facts = factsLine(card.facts, t, language);
  const text = card.inVision ? `${card.text} ${t('minutes.inVisionMark')}` : card.text;
  w.bullet(text, { indent, gap: facts ? 0.3 : 1.5 });
  if (facts) w.paragraph(facts, { indent: indent + 5, grey: GREY, size: SMALL });
}

function* drawCards(
  w: MinutesWriter,
  cards: MinutesCard[],
  t: Translate,
  language: string,
  indent = 0,
): Steps {
  if (cards.length === 0) w.paragraph(t('minutes.emptyColumn'), { grey: GREY, indent: indent + 5 });
  for (const card of cards) {
    drawCard(w, card, t, language, indent);
    yield;
  }
  w.y += 1;
}

/** A table cell: each card a bullet, each of its facts on a line of its own, a blank line between cards. */
function cellText(cards: MinutesCard[], t: Translate, language: string): string {
  return cards
    .map((card) => {
      const text = card.inVision ? `${card.text} ${t('minutes.inVisionMark')}` : card.text;
      return [`• ${text}`, ...factsParts(card.facts, t, language).map((fact) => `– ${fact}`)].join('\n');
    })
    .join('\n\n');
}

function drawVision(w: MinutesWriter, vision: MinutesVision, t: Translate, language: string): void {
  w.label(t('minutes.vision'), { size: 11 });
  w.paragraph(visionStatus(vision, t, language), { grey: GREY, size: 9 });
  for (const block of visionPlainBlocks(vision.text)) {
    if (block.kind === 'bullet') w.bullet(block.text, { gap: 0.8 });
    else w.paragraph(block.text, { gap: 2 });
  }
  const sources = visionSourcesLine(vision, t);
  if (sources) w.paragraph(sources, { grey: GREY, size: 9 });
  w.y += 2;
}

function* drawIdea(w: MinutesWriter, idea: MinutesIdea, t: Translate, language: string): Steps {
  // The title and its facts stay with the first rows of the canvas.
  w.ensure(45);
  w.label(idea.title, { size: 11 });
  for (const [label, value] of ideaFacts(idea, t, language))
    w.paragraph(`${label}: ${value}`, { grey: GREY, size: 9, gap: 0.5 });
  w.y += 1.5;
  if (idea.fields.length === 0) w.paragraph(t('minutes.noFields'), { grey: GREY });
  else
    yield* w.tableSteps(
      [
        { header: t('minutes.fieldColumns.field'), width: 0.3 },
        { header: t('minutes.fieldColumns.value'), width: 0.7 },
      ],
      idea.fields.map((field) => [fieldLabel(field, language), fieldValue(field, t, language)]),
    );
}

function* drawMatrix(
  w: MinutesWriter,
  board: Extract<MinutesBoard, { kind: 'matrix' }>,
  t: Translate,
  language: string,
): Steps {
  if (matrixAsTable(board)) {
    const rest = 0.84 / board.columns.length;
    yield* w.tableSteps(
      [
        { header: t('minutes.matrixRows'), width: 0.16 },
        ...board.columns.map((header) => ({ header, width: rest })),
      ],
      board.rows.map((row) => [row.title, ...row.cells.map((cards) => cellText(cards, t, language))]),
      // A department's row stays on one page unless it is very long.
      { size: 8, keepLines: 24 },
    );
  } else {
    for (const row of board.rows) {
      w.label(row.title);
      const cells = board.columns.flatMap((column, i) => {
        const cards = row.cells[i] ?? [];
        return cards.length > 0 ? [{ column, cards }] : [];
      });
      if (cells.length === 0) w.paragraph(t('minutes.emptyColumn'), { grey: GREY, indent: 5 });
      for (const { column, cards } of cells) {
        w.label(column, { size: 9.5, indent: 5 });
        yield* drawCards(w, cards, t, language, 5);
      }
    }
  }
  if (board.tray.length > 0) {
    w.label(t('minutes.tray'));
    yield* drawCards(w, board.tray, t, language);
  }
}

export function* drawBoard(w: MinutesWriter, board: MinutesBoard, t: Translate, language: string): Steps {
  w.orientation(wantsLandscape(board));
  w.heading(board.title, 1);
  for (const vision of board.visions) drawVision(w, vision, t, language);
  switch (board.kind) {
    case 'columns':
      for (const column of board.columns) {
        w.label(columnTitle(column, t));
        yield* drawCards(w, column.notes, t, language);
      }
      break;
    case 'matrix':
      yield* drawMatrix(w, board, t, language);
      break;
    case 'clusters':
      for (const cluster of board.clusters) {
        w.label(clusterTitle(cluster, t));
        if (cluster.description) w.paragraph(cluster.description, { grey: GREY, size: 9 });
        yield* drawCards(w, cluster.cards, t, language);
      }
      if (board.pool.length > 0) {
        w.label(t('minutes.pool'));
        yield* drawCards(w, board.pool, t, language);
      }
      break;
    case 'canvases':
      if (board.ideas.length === 0 && board.cards.length === 0)
        w.paragraph(t('minutes.noIdeas'), { grey: GREY });
      for (const idea of board.ideas) yield* drawIdea(w, idea, t, language);
      if (board.cards.length > 0) {
        w.label(t('minutes.cards'));
        yield* drawCards(w, board.cards, t, language);
      }
      break;
  }
}

function* drawTraceIdeas(w: MinutesWriter, ideas: MinutesTraceIdea[], t: Translate, language: string): Steps {
  for (const idea of ideas) {
    yield;
    w.bullet(idea.title, { gap: idea.sources.length > 0 ? 0.3 : 1.5 });
    for (const source of idea.sources)
      w.paragraph(sourceLine(source, t, language), { indent: 5, grey: GREY, size: SMALL, gap: 0.5 });
    if (idea.sources.length > 0) w.y += 1;
  }
}

export function* drawTrace(w: MinutesWriter, trace: MinutesTrace, t: Translate, language: string): Steps {
  if (trace.focusAreas.length === 0 && trace.otherIdeas.length === 0) return;
  w.heading(t('minutes.trace'), 0);
  w.paragraph(t('minutes.traceIntro'), { grey: GREY });
  for (const area of trace.focusAreas) {
    w.heading(t('minutes.focusAreaTitle', { title: area.title }), 1);
    w.label(t('minutes.traceCards', { board: area.board }));
    if (area.cards.length === 0) w.paragraph(t('minutes.emptyColumn'), { grey: GREY, indent: 5 });
    for (const card of area.cards) {
      yield;
      const origin = originLine(card, t);
      w.bullet(card.text, { gap: origin ? 0.3 : 1.5 });
      if (origin) w.paragraph(origin, { indent: 5, grey: GREY, size: SMALL });
    }
    w.y += 1;
    w.label(t('minutes.traceIdeas'));
    if (area.ideas.length === 0) w.paragraph(t('minutes.traceNoIdeas'), { grey: GREY, indent: 5 });
    yield* drawTraceIdeas(w, area.ideas, t, language);
  }
  if (trace.otherIdeas.length > 0) {
    w.heading(t('minutes.traceOtherIdeas'), 1);
    yield* drawTraceIdeas(
      w,
      trace.otherIdeas.map((idea) => ({
        ...idea,
        title: `${idea.title} – ${focusAreaText(idea.focusArea, t)}`,
      })),
      t,
      language,
    );
  }
}
