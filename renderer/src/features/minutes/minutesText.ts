/**
 * Formatting shared by the PDF and Markdown renderers of the minutes. Plain
 * functions of the model and a translator, so the CLI runs them in Node too.
 */
import type {
  MinutesAgendaRow,
  MinutesCard,
  MinutesCluster,
  MinutesColumn,
  MinutesFocusAreaLink,
  MinutesIdea,
  MinutesIdeaField,
  MinutesModel,
  MinutesPhase,
  MinutesSession,
  MinutesTraceCard,
  MinutesTraceSource,
  MinutesVision,
} from '../../domain/minutes';
import type { LocalizedText } from '../../domain/templates';
import type { NoteFacts } from '../../domain/types';
import { parseVisionText, type VisionSpan } from '../../domain/visionText';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function formatDay(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

export function formatShortDay(isoDate: string, language: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

export function sessionLine(session: MinutesSession, t: Translate, language: string): string {
  const time = session.startTime
    ? session.plannedEnd
      ? t('minutes.timeRange', { start: session.startTime, end: session.plannedEnd })
      : t('minutes.timeFrom', { start: session.startTime })
    : '';
  const when = [session.date ? formatDay(session.date, language) : '', time].filter(Boolean).join(', ');
  return [session.title, when, session.place].filter(Boolean).join(' · ');
}

export function plannedCell(row: MinutesAgendaRow, t: Translate): string {
  const minutes = t('minutes.minutes', { count: row.plannedMinutes });
  return row.plannedStart && row.plannedEnd ? `${row.plannedStart}–${row.plannedEnd} (${minutes})` : minutes;
}

export function actualCell(row: MinutesAgendaRow, t: Translate): string {
  return row.actualMinutes === null
    ? t('minutes.notStarted')
    : t('minutes.minutes', { count: row.actualMinutes });
}

export function phaseHeading(phase: MinutesPhase, t: Translate): string {
  return t('minutes.results', { phase: t(`phases.${phase.phase ?? 'none'}`) });
}

/** The facts of the title page, label and value, without empty ones. */
export function titleFacts(model: MinutesModel, t: Translate, language: string): Array<[string, string]> {
  const facts: Array<[string, string]> = [
    [t('minutes.organisation'), model.organisation],
    [t('minutes.date'), model.date ? formatDay(model.date, language) : ''],
    [t('minutes.place'), model.place],
    [t('minutes.facilitators'), model.facilitators],
    [t('minutes.minuteTaker'), model.minuteTaker],
    [t('minutes.status'), t(`minutes.statusValue.${model.status}`)],
  ];
  return facts.filter(([, value]) => value !== '');
}

// ---- the phase boards

/** "Prozess: Wohngeld · 12.500 Fälle/Jahr · Schmerzpunkt: doppelte Erfassung", or '' without facts. */
export function factsLine(facts: NoteFacts | null, t: Translate, language: string): string {
  return factsParts(facts, t, language).join(' · ');
}

/** The facts of a card, each with its words, without empty ones. */
export function factsParts(facts: NoteFacts | null, t: Translate, language: string): string[] {
  if (!facts) return [];
  return [
    facts.process ? t('minutes.facts.process', { text: facts.process }) : '',
    facts.casesPerYear !== null
      ? t('minutes.facts.cases', {
          count: facts.casesPerYear,
          cases: new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(facts.casesPerYear),
        })
      : '',
    facts.painPoint ? t('minutes.facts.painPoint', { text: facts.painPoint }) : '',
  ].filter(Boolean);
}

/** A card as one line of text, with its facts and the vision mark. */
export function cardLine(card: MinutesCard, t: Translate, language: string): string {
  const facts = factsLine(card.facts, t, language);
  return [card.text, facts ? `(${facts})` : '', card.inVision ? t('minutes.inVisionMark') : '']
    .filter(Boolean)
    .join(' ');
}

export function columnTitle(column: MinutesColumn, t: Translate): string {
  return column.title ?? t('minutes.noColumn');
}

export function clusterTitle(cluster: MinutesCluster, t: Translate): string {
  return cluster.focusArea ? t('minutes.focusAreaTitle', { title: cluster.title }) : cluster.title;
}

/** "Leitbild – vereinbart am 24. März 2027" or "Leitbild – Entwurf, noch nicht vereinbart". */
export function visionStatus(vision: MinutesVision, t: Translate, language: string): string {
  return vision.agreedAt === null
    ? t('minutes.visionDraft')
    : t('minutes.visionAgreed', { date: formatDay(isoDay(vision.agreedAt), language) });
}

export function visionSourcesLine(vision: MinutesVision, t: Translate): string {
  return [
    vision.statements > 0 ? t('minutes.visionSources', { count: vision.statements }) : '',
    vision.deletedStatements > 0
      ? t('minutes.visionSourcesDeleted', { count: vision.deletedStatements })
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The vision as plain paragraphs and bullets: bold and italic markers are dropped. */
export function visionPlainBlocks(text: string): Array<{ kind: 'paragraph' | 'bullet'; text: string }> {
  const plain = (line: VisionSpan[]) => line.map((span) => span.text).join('');
  return parseVisionText(text).flatMap((block): Array<{ kind: 'paragraph' | 'bullet'; text: string }> =>
    block.kind === 'paragraph'
      ? [{ kind: 'paragraph' as const, text: block.lines.map(plain).join('\n') }]
      : block.items.map((item) => ({ kind: 'bullet' as const, text: plain(item) })),
  );
}

export function isoDay(timestamp: number): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

const pick = (text: LocalizedText, language: string) => (language === 'en' ? text.en : text.de);

export function fieldLabel(field: { key: string; label: LocalizedText | null }, language: string): string {
  return field.label ? pick(field.label, language) : field.key;
}

/** A field's value as the canvas shows it: numbers in the language's style with their unit, yes/no, the option's label. */
export function fieldValue(field: MinutesIdeaField, t: Translate, language: string): string {
  const { value } = field;
  if (typeof value === 'boolean') return t(value ? 'minutes.yes' : 'minutes.no');
  if (typeof value === 'number') {
    const number = new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(value);
    return field.unit ? `${number} ${pick(field.unit, language)}` : number;
  }
  return field.choice ? pick(field.choice, language) : value;
}

export function focusAreaText(link: MinutesFocusAreaLink, t: Translate): string {
  return link.state === 'linked'
    ? link.title
    : t(link.state === 'none' ? 'minutes.noFocusArea' : 'minutes.focusAreaGone');
}

const TIERS = ['prohibited', 'high', 'transparency', 'minimal', 'unclassified'];

export function aiActTierText(
  tier: NonNullable<MinutesIdea['aiActTier']>,
  t: Translate,
  language: string,
): string {
  if (tier.label) return pick(tier.label, language);
  if (tier.key === null) return t('minutes.aiActTiers.unclassified');
  return TIERS.includes(tier.key) ? t(`minutes.aiActTiers.${tier.key}`) : tier.key;
}

/** The facts line under an idea's title: focus area, EU AI Act tier, canvas. */
export function ideaFacts(idea: MinutesIdea, t: Translate, language: string): Array<[string, string]> {
  const facts: Array<[string, string]> = [[t('minutes.focusArea'), focusAreaText(idea.focusArea, t)]];
  if (idea.aiActTier) facts.push([t('minutes.aiAct'), aiActTierText(idea.aiActTier, t, language)]);
  if (idea.template) facts.push([t('minutes.canvas'), pick(idea.template, language)]);
  return facts;
}

/** "aus „Bestandsaufnahme“" or, when the copy was edited, "aus „Bestandsaufnahme“: „original text“". */
export function originLine(card: MinutesTraceCard, t: Translate): string {
  const parts = card.origins.map((origin) =>
    origin.text === card.text
      ? t('minutes.traceFrom', { board: origin.board })
      : t('minutes.traceFromText', { board: origin.board, text: origin.text }),
  );
  if (card.originDeleted) parts.push(t('minutes.traceOriginDeleted'));
  return parts.join(' ← ');
}

export function sourceLine(source: MinutesTraceSource, t: Translate, language: string): string {
  const field = fieldLabel({ key: source.key, label: source.field }, language);
  return source.card
    ? t('minutes.traceSource', { field, text: source.card.text, board: source.card.board })
    : t('minutes.traceSourceDeleted', { field });
}

/** "Entschuldigt: Anna Berg (Bürgeramt), Jonas Weber" and the absent ones, when there are any. */
export function attendanceLines(model: Pick<MinutesModel, 'excused' | 'absent'>, t: Translate): string[] {
  const names = (people: MinutesModel['excused']) =>
    people.map((p) => (p.unit ? `${p.name} (${p.unit})` : p.name)).join(', ');
  return [
    model.excused.length > 0 ? t('minutes.excused', { names: names(model.excused) }) : '',
    model.absent.length > 0 ? t('minutes.absent', { names: names(model.absent) }) : '',
  ].filter(Boolean);
}
