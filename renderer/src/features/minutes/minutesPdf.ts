/**
 * Draws a MinutesModel with jsPDF: A4, an embedded DejaVu Sans (so Ł, ş, ğ and
 * ë print), header and footer with "Seite X von Y", a table of contents and PDF
 * bookmarks. Loaded only when the user exports (dynamic import), and run by the
 * CLI in Node with the same code.
 */
import type { MinutesModel } from '../../domain/minutes';
import { drawBoard, drawTrace, wantsLandscape } from './minutesPdfBoards';
import { drawRound } from './minutesPdfVoting';
import { drawWritingRound } from './minutesPdfWriting';
import {
  BOTTOM,
  CONTENT_WIDTH,
  drain,
  GREY,
  MARGIN,
  MinutesWriter,
  printable,
  RULE,
  type MinutesFonts,
  type Steps,
} from './minutesPdfWriter';
import { xmpMetadata, type StructElem } from './minutesPdfTags';
import {
  actualCell,
  attendanceLines,
  formatDay,
  formatShortDay,
  phaseHeading,
  plannedCell,
  sessionLine,
  titleFacts,
  type Translate,
} from './minutesText';

export { printable, type MinutesFonts };

/** The whole PDF at once (the CLI, the benchmark, tests). */
export function renderMinutesPdf(
  model: MinutesModel,
  fonts: MinutesFonts,
  t: Translate,
  language: string,
): ArrayBuffer {
  return drain(minutesPdfSteps(model, fonts, t, language));
}

/**
 * A fresh task for the browser: a message to ourselves. Unlike setTimeout it is
 * not clamped or throttled to a second when the window is in the background.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The PDF in slices: drawing pauses after at most `sliceMs` and gives the
 * browser a task of its own, so typing, scrolling and the busy indicator go on.
 */
export async function renderMinutesPdfInSlices(
  model: MinutesModel,
  fonts: MinutesFonts,
  t: Translate,
  language: string,
  { sliceMs = 25, pause = nextTask }: { sliceMs?: number; pause?: () => Promise<void> } = {},
): Promise<ArrayBuffer> {
  const steps = minutesPdfSteps(model, fonts, t, language);
  let started = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - started >= sliceMs) {
      await pause();
      started = performance.now();
    }
  }
}

/** Draws page by page; yields between cards, rows and pages. */
export function* minutesPdfSteps(
  model: MinutesModel,
  fonts: MinutesFonts,
  t: Translate,
  language: string,
): Generator<undefined, ArrayBuffer, undefined> {
  const w = yield* MinutesWriter.open(fonts);
  yield;
  const { doc, tags } = w;
  const documentTitle = t('minutes.documentTitle');

  // Title page.
  w.y = 60;
  w.paragraph(documentTitle, { size: 13, grey: GREY });
  w.font(22, 'bold');
  const title = tags.open('H1');
  for (const line of w.split(model.title, CONTENT_WIDTH)) {
    w.y += w.lineHeight();
    tags.mark(() => doc.text(line, MARGIN.left, w.y));
  }
  tags.close(title);
  w.y += 10;
  // Each fact one paragraph: its label, then its value.
  for (const [label, value] of titleFacts(model, t, language)) {
    const fact = tags.open('P');
    w.font(10, 'bold');
    tags.mark(() => doc.text(printable(label), MARGIN.left, w.y + 4));
    w.font(10);
    const lines = w.split(value, CONTENT_WIDTH - 45);
    lines.forEach((line, i) =>
      tags.mark(() => doc.text(line, MARGIN.left + 45, w.y + 4 + i * w.lineHeight())),
    );
    tags.close(fact);
    w.y += Math.max(1, lines.length) * w.lineHeight() + 2;
  }
  if (model.sessions.length > 0) {
    w.y += 4;
    w.font(10, 'bold');
    tags.content('H2', () => doc.text(t('minutes.sessions'), MARGIN.left, w.y + 4));
    w.y += w.lineHeight() + 1;
    for (const session of model.sessions) w.paragraph(sessionLine(session, t, language), { indent: 0 });
  }
  w.y = BOTTOM - 6;
  w.paragraph(
    t('minutes.createdAt', {
      date: formatDay(new Date(model.createdAt).toISOString().slice(0, 10), language),
    }),
    {
      size: 9,
      grey: GREY,
    },
  );

  yield;
  // Page 2 is kept for the table of contents, filled in at the end: so is its place in the structure.
  w.endList();
  const heading = tags.add('H1');
  const list = tags.add('TOC');
  w.newPage();
  const contents = { page: w.page(), heading, list };
  w.newPage();

  w.heading(t('minutes.participants'), 0);
  if (model.participants.length === 0) w.paragraph(t('minutes.noParticipants'));
  else
    yield* w.tableSteps(
      [
        { header: t('minutes.participantColumns.name'), width: 0.32 },
        { header: t('minutes.participantColumns.unit'), width: 0.43 },
        { header: t('minutes.participantColumns.role'), width: 0.25 },
      ],
      model.participants.map((p) => [p.name, p.unit, p.role]),
    );
  for (const line of attendanceLines(model, t)) w.paragraph(line, { gap: 2 });

  w.heading(t('minutes.agenda'), 0);
  if (model.sessions.length === 0) w.paragraph(t('minutes.noSessions'));
  for (const session of model.sessions) {
    if (model.sessions.length > 1 || session.title)
      w.paragraph(sessionLine(session, t, language), { grey: GREY });
    if (session.agenda.length === 0) w.paragraph(t('minutes.noAgenda'));
    else
      yield* w.tableSteps(
        [
          { header: t('minutes.agendaColumns.number'), width: 0.08 },
          { header: t('minutes.agendaColumns.title'), width: 0.5 },
          { header: t('minutes.agendaColumns.planned'), width: 0.25 },
          { header: t('minutes.agendaColumns.actual'), width: 0.17 },
        ],
        session.agenda.map((row, i) => [String(i + 1), row.title, plannedCell(row, t), actualCell(row, t)]),
      );
  }

  for (const phase of model.phases) {
    // A phase that opens with a wide matrix starts on its landscape page.
    w.orientation(phase.boards[0] ? wantsLandscape(phase.boards[0]) : false);
    w.heading(phaseHeading(phase, t), 0);
    const writing = phase.writingRounds ?? [];
    if (phase.boards.length === 0 && phase.rounds.length === 0 && writing.length === 0)
      w.paragraph(t('minutes.emptyPhase'), { grey: GREY });
    for (const board of phase.boards) yield* drawBoard(w, board, t, language);
    // Writing rounds, then voting rounds (as in the Markdown), on portrait pages.
    if (writing.length > 0 || phase.rounds.length > 0) w.orientation(false);
    for (const round of writing) yield* drawWritingRound(w, round, t, language);
    for (const round of phase.rounds) yield* drawRound(w, round, t, language);
  }
  w.orientation(false);
  yield* drawTrace(w, model.trace, t, language);

  w.heading(t('minutes.decisions'), 0);
  if (model.decisions.length === 0) w.paragraph(t('minutes.noDecisions'));
  else
    yield* w.tableSteps(
      [
        { header: t('minutes.decisionColumns.date'), width: 0.17 },
        { header: t('minutes.decisionColumns.text'), width: 0.55 },
        { header: t('minutes.decisionColumns.agendaItem'), width: 0.28 },
      ],
      model.decisions.map((d) => [d.date ? formatShortDay(d.date, language) : '', d.text, d.agendaItem]),
    );

  w.heading(t('minutes.actionItems'), 0);
  if (model.actionItems.length === 0) w.paragraph(t('minutes.noActionItems'));
  else
    yield* w.tableSteps(
      [
        { header: t('minutes.actionColumns.owner'), width: 0.24 },
        { header: t('minutes.actionColumns.task'), width: 0.43 },
        { header: t('minutes.actionColumns.due'), width: 0.17 },
        { header: t('minutes.actionColumns.status'), width: 0.16 },
      ],
      model.actionItems.map((a) => [
        a.owner,
        a.task,
        a.due ? formatShortDay(a.due, language) : '',
        t(`actions.status.${a.status}`),
      ]),
    );

  yield;
  w.endList();
  drawContents(w, contents, t);
  yield* drawPageFrames(w, model, t, language);

  const properties = {
    title: `${documentTitle}: ${printable(model.title)}`,
    subject: t('minutes.subject', { title: printable(model.title) }),
    author: printable(model.minuteTaker || model.facilitators || model.organisation),
  };
  doc.setProperties({
    ...properties,
    creator: 'Moderato',
    keywords: [model.organisation, model.date].filter(Boolean).join(', '),
  });
  const lang = language === 'en' ? 'en-US' : 'de-DE';
  doc.setLanguage(lang);
  doc.setCreationDate(new Date(model.createdAt));
  doc.addMetadata(
    xmpMetadata({
      title: properties.title,
      description: properties.subject,
      author: properties.author,
      language: lang,
      created: new Date(model.createdAt),
    }),
    true,
  );
  // jsPDF writes the file in one go (font subsets, deflate): the one slice that
  // cannot be cut. Measured, so its length can be read in the browser's profile.
  const started = performance.now();
  const pdf = doc.output('arraybuffer');
  performance.measure('moderato:minutes-pdf-output', { start: started, end: performance.now() });
  return pdf;
}

function drawContents(
  w: MinutesWriter,
  contents: { page: number; heading: StructElem; list: StructElem },
  t: Translate,
): void {
  const { doc, tags } = w;
  doc.setPage(contents.page);
  w.y = MARGIN.top;
  w.font(15, 'bold');
  w.y += w.lineHeight();
  tags.mark(() => doc.text(t('minutes.contents'), MARGIN.left, w.y), contents.heading);
  w.y += 6;
  tags.reopen(contents.list);
  let parent: unknown = null;
  for (const entry of w.toc) {
    const outline = doc.outline.add(entry.level === 0 ? null : parent, entry.title, {
      pageNumber: entry.page,
    });
    if (entry.level === 0) parent = outline;
    if (w.y > BOTTOM - 5) continue; // the bookmarks still list everything
    w.font(entry.level === 0 ? 10.5 : 9.5, entry.level === 0 ? 'bold' : 'normal');
    const indent = entry.level === 0 ? 0 : 6;
    const title = w.split(entry.title, CONTENT_WIDTH - indent - 15)[0] ?? '';
    w.y += w.lineHeight() + (entry.level === 0 ? 1 : 0);
    // An entry: a reference made of the link (its title) and the page number.
    const item = tags.open('TOCI');
    tags.open('Reference');
    const x = MARGIN.left + indent;
    const height = w.lineHeight();
    tags.link(
      () => doc.text(title, x, w.y),
      { x, y: w.y - height * 0.8, w: doc.getTextWidth(title), h: height },
      entry.page,
      t('minutes.contentsLink', { title: entry.title, page: entry.page }),
    );
    tags.mark(() => doc.text(String(entry.page), MARGIN.left + CONTENT_WIDTH, w.y, { align: 'right' }));
    tags.close(item);
  }
  tags.close(contents.list);
}

function* drawPageFrames(w: MinutesWriter, model: MinutesModel, t: Translate, language: string): Steps {
  const { doc } = w;
  const pages = doc.getNumberOfPages();
  const date = model.date ? formatShortDay(model.date, language) : '';
  const status = t(`minutes.statusValue.${model.status}`);
  for (let page = 1; page <= pages; page++) {
    if (page % 20 === 0) yield;
    doc.setPage(page);
    // Wide tables sit on landscape pages.
    const width = doc.internal.pageSize.getWidth();
    const height = doc.internal.pageSize.getHeight();
    const contentWidth = width - MARGIN.left - MARGIN.right;
    w.font(8, 'normal', GREY);
    // Running header and footer: artifacts, so a screen reader does not read them on every page.
    w.tags.artifact(() => {
      if (page > 1) {
        const title = w.split(model.title, contentWidth - 35)[0] ?? '';
        doc.text(title, MARGIN.left, 14);
        doc.text(date, MARGIN.left + contentWidth, 14, { align: 'right' });
        doc.setDrawColor(RULE);
        doc.setLineWidth(0.2);
        doc.line(MARGIN.left, 16, MARGIN.left + contentWidth, 16);
      }
      doc.text(t('minutes.page', { page, pages }), width / 2, height - 10, { align: 'center' });
      // Entwurf or abgestimmt, on every page, so a printed page says what it is.
      doc.text(status, MARGIN.left, height - 10);
    }, 'Pagination');
  }
}
