/**
 * The same minutes as Markdown, for the intranet and e-mail: headings, pipe
 * tables and lists. User text is escaped, so a note can never become markup.
 */
import type {
  MinutesBoard,
  MinutesCard,
  MinutesIdea,
  MinutesModel,
  MinutesTrace,
  MinutesTraceIdea,
  MinutesVision,
} from '../../domain/minutes';
import type { MinutesVotingRound, MinutesWritingRound } from '../../domain/minutes';
import { parseVisionText, type VisionSpan } from '../../domain/visionText';
import { ballotText, hasTies, rankingTable, roundFacts, roundHeading, voterName } from './minutesVotingText';
import { writingFacts, writingHeading } from './minutesWritingText';
import {
  actualCell,
  attendanceLines,
  clusterTitle,
  columnTitle,
  factsLine,
  fieldLabel,
  fieldValue,
  focusAreaText,
  ideaFacts,
  originLine,
  sourceLine,
  visionSourcesLine,
  visionStatus,
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
  return (
    text
      .replace(/\s*\n\s*/g, ' ')
      .trim()
      .replace(/[\\`*_{}[\]<>|~]/g, (char) => `\\${char}`)
      .replace(/^[#+-]/, '\\$&')
      // A backslash escapes punctuation only: "24\." keeps a number from starting a list.
      .replace(/^(\d+)\./, '$1\\.')
  );
}

/** Escapes inside a line, keeping its spaces (for the styled pieces of the vision). */
function escapeInline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_{}[\]<>|~]/g, (char) => `\\${char}`);
}

/** A table whose cells are Markdown already (escaped user text, maybe with <br>). */
function rawTable(headers: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line), ''];
}

/** Inside a table cell a leading "2." or "-" is no list mark: only inline markup is escaped. */
function cellMarkdown(text: string): string {
  return escapeInline(text).trim();
}

function table(headers: string[], rows: string[][]): string[] {
  return rawTable(
    headers.map(cellMarkdown),
    rows.map((row) => row.map(cellMarkdown)),
  );
}

function cardItem(card: MinutesCard, t: Translate, language: string): string[] {
  const facts = factsLine(card.facts, t, language);
  const mark = card.inVision ? ` _${escapeMarkdown(t('minutes.inVisionMark'))}_` : '';
  // The facts on a line of their own (a hard break), in italics like every added note.
  return [
    `- ${escapeMarkdown(card.text)}${mark}${facts ? '  ' : ''}`,
    ...(facts ? [`  _${escapeMarkdown(facts)}_`] : []),
  ];
}

function cardList(cards: MinutesCard[], t: Translate, language: string): string[] {
  if (cards.length === 0) return [t('minutes.emptyColumn'), ''];
  return [...cards.flatMap((card) => cardItem(card, t, language)), ''];
}

/** The vision keeps its bold and italic here; every piece of text is escaped. */
function visionMarkdown(vision: MinutesVision, t: Translate, language: string): string[] {
  const span = (s: VisionSpan) => {
    const text = escapeInline(s.text);
    const core = text.trim();
    if (core === '' || (!s.bold && !s.italic)) return text;
    const mark = s.bold && s.italic ? '***' : s.bold ? '**' : '*';
    return text.replace(core, `${mark}${core}${mark}`);
  };
  const line = (spans: VisionSpan[]) =>
    spans
      .map(span)
      .join('')
      .replace(/^[#+-]/, '\\$&')
      .replace(/^(\d+)\./, '$1\\.');
  const out = [
    `#### ${t('minutes.vision')}`,
    '',
    `_${escapeMarkdown(visionStatus(vision, t, language))}_`,
    '',
  ];
  for (const block of parseVisionText(vision.text)) {
    if (block.kind === 'paragraph') out.push(block.lines.map(line).join('  \n'), '');
    else out.push(...block.items.map((item) => `- ${line(item)}`), '');
  }
  const sources = visionSourcesLine(vision, t);
  if (sources) out.push(`_${escapeMarkdown(sources)}_`, '');
  return out;
}

function ideaMarkdown(idea: MinutesIdea, t: Translate, language: string): string[] {
  const out = [`#### ${escapeMarkdown(idea.title)}`, ''];
  for (const [label, value] of ideaFacts(idea, t, language))
    // Mid-line, so a date like "24. März" is no list mark and stays unescaped.
    out.push(`- **${escapeMarkdown(label)}:** ${escapeInline(value)}`);
  out.push('');
  if (idea.fields.length === 0) out.push(t('minutes.noFields'), '');
  else
    out.push(
      ...table(
        [t('minutes.fieldColumns.field'), t('minutes.fieldColumns.value')],
        idea.fields.map((field) => [fieldLabel(field, language), fieldValue(field, t, language)]),
      ),
    );
  return out;
}

function boardMarkdown(board: MinutesBoard, t: Translate, language: string): string[] {
  const out = [`### ${escapeMarkdown(board.title)}`, ''];
  for (const vision of board.visions) out.push(...visionMarkdown(vision, t, language));
  switch (board.kind) {
    case 'columns':
      for (const column of board.columns)
        out.push(
          `#### ${escapeMarkdown(columnTitle(column, t))}`,
          '',
          ...cardList(column.notes, t, language),
        );
      break;
    case 'matrix': {
      const cell = (cards: MinutesCard[]) =>
        cards
          .map((card) => {
            const facts = factsLine(card.facts, t, language);
            const mark = card.inVision ? ` ${t('minutes.inVisionMark')}` : '';
            return cellMarkdown(`${card.text}${mark}`) + (facts ? ` _(${cellMarkdown(facts)})_` : '');
          })
          .join('<br>');
      if (board.rows.length > 0 && board.columns.length > 0)
        out.push(
          ...rawTable(
            [t('minutes.matrixRows'), ...board.columns].map(cellMarkdown),
            board.rows.map((row) => [cellMarkdown(row.title), ...row.cells.map(cell)]),
          ),
        );
      if (board.tray.length > 0)
        out.push(`#### ${escapeMarkdown(t('minutes.tray'))}`, '', ...cardList(board.tray, t, language));
      break;
    }
    case 'clusters':
      for (const cluster of board.clusters) {
        out.push(`#### ${escapeMarkdown(clusterTitle(cluster, t))}`, '');
        if (cluster.description) out.push(`_${escapeMarkdown(cluster.description)}_`, '');
        out.push(...cardList(cluster.cards, t, language));
      }
      if (board.pool.length > 0)
        out.push(`#### ${escapeMarkdown(t('minutes.pool'))}`, '', ...cardList(board.pool, t, language));
      break;
    case 'canvases':
      if (board.ideas.length === 0 && board.cards.length === 0) out.push(t('minutes.noIdeas'), '');
      for (const idea of board.ideas) out.push(...ideaMarkdown(idea, t, language));
      if (board.cards.length > 0)
        out.push(`#### ${escapeMarkdown(t('minutes.cards'))}`, '', ...cardList(board.cards, t, language));
      break;
  }
  return out;
}

/** A bar of block characters (eighths), 24 wide at the best score: readable as plain text, too. */
function textBar(score: number, max: number): string {
  if (max <= 0 || score <= 0) return '';
  const eighths = Math.max(1, Math.round((score / max) * 24 * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'][eighths % 8] ?? '');
}

function roundMarkdown(round: MinutesVotingRound, t: Translate, language: string): string[] {
  const out = [`### ${escapeMarkdown(roundHeading(round, t))}`, ''];
  for (const [label, value] of roundFacts(round, t, language))
    out.push(`- **${escapeMarkdown(label)}:** ${escapeInline(value)}`);
  out.push('');
  if (round.status === 'open') return [...out, t('minutes.voting.openNote'), ''];
  if (!round.rows) return [...out, t('minutes.voting.annulledNote'), ''];
  const ranking = rankingTable(round, t, language);
  if (round.settings.method === 'impactEffort') out.push(...table(ranking.headers, ranking.rows));
  else {
    const max = Math.max(0, ...round.rows.map((r) => r.score));
    out.push(
      ...rawTable(
        [...ranking.headers, t('minutes.voting.chartTitle')].map(cellMarkdown),
        ranking.rows.map((row, i) => [...row.map(cellMarkdown), textBar(round.rows![i]!.score, max)]),
      ),
    );
  }
  if (hasTies(round)) out.push(`_${escapeMarkdown(t('minutes.voting.tiesNote'))}_`, '');
  if (round.anonymous) out.push(`_${escapeMarkdown(t('minutes.voting.anonymousNote'))}_`, '');
  else if (round.ballots && round.ballots.length > 0)
    out.push(
      `**${escapeMarkdown(t('minutes.voting.ballotsHeading'))}**`,
      '',
      ...table(
        [t('minutes.voting.columns.voter'), t('minutes.voting.columns.votes')],
        round.ballots.map((ballot) => [voterName(ballot, t), ballotText(ballot, round, t)]),
      ),
    );
  return out;
}

/** A writing round: prompt, time, what became of the cards; names only when the round was named. */
function writingRoundMarkdown(round: MinutesWritingRound, t: Translate, language: string): string[] {
  return [
    `### ${escapeMarkdown(writingHeading(round, t))}`,
    '',
    ...writingFacts(round, t, language).map(
      ([label, value]) => `- **${escapeMarkdown(label)}:** ${escapeInline(value)}`,
    ),
    ...(round.anonymous ? ['', escapeMarkdown(t('minutes.writing.anonymousNote'))] : []),
    '',
  ];
}

function traceIdeas(ideas: MinutesTraceIdea[], t: Translate, language: string, withArea: boolean): string[] {
  return ideas.flatMap((idea) => [
    `- ${escapeMarkdown(withArea ? `${idea.title} – ${focusAreaText(idea.focusArea, t)}` : idea.title)}`,
    ...idea.sources.map((source) => `  - ${escapeMarkdown(sourceLine(source, t, language))}`),
  ]);
}

function traceMarkdown(trace: MinutesTrace, t: Translate, language: string): string[] {
  if (trace.focusAreas.length === 0 && trace.otherIdeas.length === 0) return [];
  const out = [`## ${t('minutes.trace')}`, '', escapeMarkdown(t('minutes.traceIntro')), ''];
  for (const area of trace.focusAreas) {
    out.push(`### ${escapeMarkdown(t('minutes.focusAreaTitle', { title: area.title }))}`, '');
    out.push(`**${escapeMarkdown(t('minutes.traceCards', { board: area.board }))}**`, '');
    if (area.cards.length === 0) out.push(t('minutes.emptyColumn'));
    for (const card of area.cards) {
      const origin = originLine(card, t);
      out.push(`- ${escapeMarkdown(card.text)}`, ...(origin ? [`  _${escapeMarkdown(origin)}_`] : []));
    }
    out.push('', `**${escapeMarkdown(t('minutes.traceIdeas'))}**`, '');
    if (area.ideas.length === 0) out.push(t('minutes.traceNoIdeas'));
    out.push(...traceIdeas(area.ideas, t, language, false), '');
  }
  if (trace.otherIdeas.length > 0)
    out.push(
      `### ${escapeMarkdown(t('minutes.traceOtherIdeas'))}`,
      '',
      ...traceIdeas(trace.otherIdeas, t, language, true),
      '',
    );
  return out;
}

export function renderMinutesMarkdown(model: MinutesModel, t: Translate, language: string): string {
  const out: string[] = [];
  out.push(`# ${t('minutes.documentTitle')}: ${escapeMarkdown(model.title)}`, '');
  for (const [label, value] of titleFacts(model, t, language))
    // Mid-line, so a date like "24. März" is no list mark and stays unescaped.
    out.push(`- **${escapeMarkdown(label)}:** ${escapeInline(value)}`);
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
  for (const line of attendanceLines(model, t)) out.push(escapeMarkdown(line), '');

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
    const writing = phase.writingRounds ?? [];
    if (phase.boards.length === 0 && phase.rounds.length === 0 && writing.length === 0)
      out.push(t('minutes.emptyPhase'), '');
    for (const board of phase.boards) out.push(...boardMarkdown(board, t, language));
    for (const round of writing) out.push(...writingRoundMarkdown(round, t, language));
    for (const round of phase.rounds) out.push(...roundMarkdown(round, t, language));
  }
  out.push(...traceMarkdown(model.trace, t, language));

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
