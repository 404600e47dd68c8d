import type { Change } from './changes';
import { DomainError } from './errors';
import { newId, type AgendaItemId, type BoardId, type SessionId } from './ids';
import { byRank, rankAt, rankAtEnd } from './ordering';
import type { AgendaItem, Decision, Workshop, WorkshopSession } from './types';
import {
  cleanIsoDate,
  cleanOptional,
  cleanTitle,
  collectErrors,
  LIMITS,
  type FieldError,
} from './validation';

export const MIN_PLANNED_MINUTES = 1;
export const MAX_PLANNED_MINUTES = 600;
const NOTES_MAX = 2000;

// ---- sessions ----

export interface SessionFields {
  title: string;
  date: string;
  startTime: string;
  place: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function cleanStartTime(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  if (!TIME.test(trimmed)) throw new DomainError('invalidTime', { field: 'startTime' });
  return trimmed;
}

const SESSION_CLEANERS: { [K in keyof SessionFields]: (value: string) => string } = {
  title: (v) => cleanTitle(v, 'sessionTitle', LIMITS.shortText),
  date: (v) => cleanIsoDate(v, 'date'),
  startTime: cleanStartTime,
  place: (v) => cleanOptional(v, 'place', LIMITS.shortText),
};

export function validateSessionFields(fields: SessionFields): FieldError[] {
  return collectErrors(
    (Object.keys(SESSION_CLEANERS) as Array<keyof SessionFields>).map(
      (key) => () => SESSION_CLEANERS[key](fields[key]),
    ),
  );
}

function cleanSession(fields: SessionFields): SessionFields {
  return {
    title: SESSION_CLEANERS.title(fields.title),
    date: SESSION_CLEANERS.date(fields.date),
    startTime: SESSION_CLEANERS.startTime(fields.startTime),
    place: SESSION_CLEANERS.place(fields.place),
  };
}

export function addSession(
  workshop: Workshop,
  sessions: readonly WorkshopSession[],
  fields: SessionFields,
): { session: WorkshopSession; changes: Change[] } {
  const session: WorkshopSession = {
    id: newId<SessionId>(),
    workshopId: workshop.id,
    ...cleanSession(fields),
    rank: rankAtEnd([...sessions].sort(byRank)),
  };
  return { session, changes: [{ table: 'sessions', after: session }] };
}

export function updateSession(session: WorkshopSession, fields: SessionFields): Change[] {
  return [{ table: 'sessions', before: session, after: { ...session, ...cleanSession(fields) } }];
}

/** Removes a session with its agenda items (undo brings all back). */
export function removeSession(
  session: WorkshopSession,
  items: readonly AgendaItem[],
  decisions: readonly Decision[],
): Change[] {
  return [
    ...items.filter((i) => i.sessionId === session.id).flatMap((item) => removeAgendaItem(item, decisions)),
    { table: 'sessions', before: session },
  ];
}

// ---- agenda items ----

export interface AgendaItemFields {
  title: string;
  boardId: BoardId | null;
  /** As typed: validated to a whole number of minutes. */
  plannedMinutes: string | number;
  facilitatorNotes: string;
}

export function cleanPlannedMinutes(value: string | number): number {
  const text = String(value).trim();
  if (!/^\d+$/.test(text)) throw new DomainError('minutesNotANumber', { field: 'plannedMinutes' });
  const minutes = Number(text);
  if (minutes < MIN_PLANNED_MINUTES || minutes > MAX_PLANNED_MINUTES) {
    throw new DomainError('minutesOutOfRange', {
      field: 'plannedMinutes',
      min: MIN_PLANNED_MINUTES,
      max: MAX_PLANNED_MINUTES,
    });
  }
  return minutes;
}

export function validateAgendaItemFields(fields: AgendaItemFields): FieldError[] {
  return collectErrors([
    () => cleanTitle(fields.title, 'agendaTitle', LIMITS.shortText),
    () => cleanPlannedMinutes(fields.plannedMinutes),
    () => cleanOptional(fields.facilitatorNotes, 'facilitatorNotes', NOTES_MAX),
  ]);
}

function cleanItem(fields: AgendaItemFields) {
  if (fields.facilitatorNotes.length > NOTES_MAX) {
    throw new DomainError('tooLong', {
      field: 'facilitatorNotes',
      max: NOTES_MAX,
      length: fields.facilitatorNotes.length,
    });
  }
  return {
    title: cleanTitle(fields.title, 'agendaTitle', LIMITS.shortText),
    boardId: fields.boardId,
    plannedMinutes: cleanPlannedMinutes(fields.plannedMinutes),
    // Notes keep their line breaks.
    facilitatorNotes: fields.facilitatorNotes.replace(/\r\n?/g, '\n').trim(),
  };
}

export function itemsOfSession(items: readonly AgendaItem[], sessionId: SessionId): AgendaItem[] {
  return items.filter((i) => i.sessionId === sessionId).sort(byRank);
}

export function addAgendaItem(
  session: WorkshopSession,
  items: readonly AgendaItem[],
  fields: AgendaItemFields,
): { item: AgendaItem; changes: Change[] } {
  const item: AgendaItem = {
    id: newId<AgendaItemId>(),
    workshopId: session.workshopId,
    sessionId: session.id,
    ...cleanItem(fields),
    rank: rankAtEnd(itemsOfSession(items, session.id)),
    elapsedMs: 0,
    runningSince: null,
    extraMinutes: 0,
  };
  return { item, changes: [{ table: 'agendaItems', after: item }] };
}

export function updateAgendaItem(item: AgendaItem, fields: AgendaItemFields): Change[] {
  return [{ table: 'agendaItems', before: item, after: { ...item, ...cleanItem(fields) } }];
}

/**
 * Removes an agenda item. Decisions recorded under it stay, without the link,
 * so no reference points nowhere (and undo puts the link back).
 */
export function removeAgendaItem(item: AgendaItem, decisions: readonly Decision[]): Change[] {
  return [
    ...decisions
      .filter((d) => d.agendaItemId === item.id)
      .map((before): Change => ({ table: 'decisions', before, after: { ...before, agendaItemId: null } })),
    { table: 'agendaItems', before: item },
  ];
}

/** Moves an item to `index` among the other items of its session; writes one row. */
export function moveAgendaItem(items: readonly AgendaItem[], itemId: AgendaItemId, index: number): Change[] {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw new DomainError('agendaItemMissing');
  const siblings = itemsOfSession(items, item.sessionId);
  const others = siblings.filter((i) => i.id !== itemId);
  const target = Math.max(0, Math.min(index, others.length));
  if (siblings.findIndex((i) => i.id === itemId) === target) return [];
  return [{ table: 'agendaItems', before: item, after: { ...item, rank: rankAt(others, target) } }];
}

// ---- schedule ----

export interface ScheduledItem {
  item: AgendaItem;
  /** Minutes after midnight, or null when the session has no start time. */
  start: number | null;
  end: number | null;
}

export interface Schedule {
  items: ScheduledItem[];
  totalMinutes: number;
  /** Planned end of the session (minutes after midnight; may pass 24:00), or null without a start time. */
  end: number | null;
}

/** The planned times of a session's agenda, one item after the other. */
export function planSchedule(session: WorkshopSession, items: readonly AgendaItem[]): Schedule {
  const ordered = itemsOfSession(items, session.id);
  const match = TIME.exec(session.startTime);
  let clock = match ? Number(match[1]) * 60 + Number(match[2]) : null;
  let total = 0;
  const scheduled = ordered.map((item) => {
    const minutes = item.plannedMinutes + item.extraMinutes;
    total += minutes;
    const start = clock;
    clock = clock === null ? null : clock + minutes;
    return { item, start, end: clock };
  });
  return { items: scheduled, totalMinutes: total, end: clock };
}

/** "09:30" for minutes after midnight (past midnight wraps, e.g. 25:00 → 01:00). */
export function formatClock(minutes: number): string {
  const wrapped = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`;
}
