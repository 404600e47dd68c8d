import type { Change } from './changes';
import { DomainError } from './errors';
import { newId, type ActionItemId, type AgendaItemId, type DecisionId, type WorkshopId } from './ids';
import type { ActionItem, ActionStatus, AgendaItem, Decision, IsoDate } from './types';
import { ACTION_STATUSES } from './types';
import { cleanIsoDate, collectErrors, type FieldError } from './validation';

// Decisions (Beschlüsse) and action items (Aufgaben: wer, was, bis wann). Every
// refusal carries its own code ("decision…", "action…") so the message can say
// exactly which field of which kind of entry is wrong.

export const DECISION_LIMITS = {
  decisionText: 2000,
  actionTask: 500,
  actionOwner: 120,
} as const;

export interface DecisionFields {
  text: string;
  date: string;
  agendaItemId: AgendaItemId | null;
}

export interface ActionItemFields {
  owner: string;
  task: string;
  due: string;
  status: ActionStatus;
}

/** What a decision's TOP is checked against: the agenda items of its workshop. */
export type AgendaRef = Pick<AgendaItem, 'id' | 'workshopId'>;

// ---- cleaning ----

/** Keeps line breaks (a decision may have several sentences), drops surrounding space. */
function cleanMultiline(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

function cleanSingleLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}

function checkLength(text: string, max: number, code: string, field: string): string {
  if (text.length > max) throw new DomainError(code, { field, max, length: text.length });
  return text;
}

function dateOrThrow(value: string, code: string, field: string): IsoDate {
  try {
    return cleanIsoDate(value, field);
  } catch {
    throw new DomainError(code, { field, value: value.trim() });
  }
}

const DECISION_CLEANERS = {
  text: (value: string) => {
    const text = cleanMultiline(value);
    if (text === '') throw new DomainError('decisionTextRequired', { field: 'text' });
    return checkLength(text, DECISION_LIMITS.decisionText, 'decisionTextTooLong', 'text');
  },
  date: (value: string) => dateOrThrow(value, 'decisionDateInvalid', 'date'),
};

function cleanAgendaItemId(
  id: AgendaItemId | null,
  workshopId: WorkshopId,
  agendaItems: readonly AgendaRef[] | undefined,
): AgendaItemId | null {
  if (id === null) return null;
  // Without a list the caller vouches for the id (e.g. an edit that keeps it).
  if (agendaItems && !agendaItems.some((item) => item.id === id && item.workshopId === workshopId)) {
    throw new DomainError('decisionAgendaItemMissing', { field: 'agendaItemId' });
  }
  return id;
}

export function cleanDecisionFields(
  fields: DecisionFields,
  workshopId: WorkshopId,
  agendaItems?: readonly AgendaRef[],
): DecisionFields {
  return {
    text: DECISION_CLEANERS.text(fields.text),
    date: DECISION_CLEANERS.date(fields.date),
    agendaItemId: cleanAgendaItemId(fields.agendaItemId, workshopId, agendaItems),
  };
}

/** Every bad field at once, in form order. */
export function validateDecisionFields(
  fields: DecisionFields,
  workshopId: WorkshopId,
  agendaItems?: readonly AgendaRef[],
): FieldError[] {
  return collectErrors([
    () => DECISION_CLEANERS.text(fields.text),
    () => DECISION_CLEANERS.date(fields.date),
    () => cleanAgendaItemId(fields.agendaItemId, workshopId, agendaItems),
  ]);
}

function cleanStatus(status: string): ActionStatus {
  if (!(ACTION_STATUSES as readonly string[]).includes(status)) {
    throw new DomainError('actionStatusUnknown', { field: 'status' });
  }
  return status as ActionStatus;
}

const ACTION_CLEANERS = {
  owner: (value: string) =>
    checkLength(cleanSingleLine(value), DECISION_LIMITS.actionOwner, 'actionOwnerTooLong', 'owner'),
  task: (value: string) => {
    const task = cleanMultiline(value);
    if (task === '') throw new DomainError('actionTaskRequired', { field: 'task' });
    return checkLength(task, DECISION_LIMITS.actionTask, 'actionTaskTooLong', 'task');
  },
  due: (value: string) => dateOrThrow(value, 'actionDueInvalid', 'due'),
  status: cleanStatus,
};

export function cleanActionItemFields(fields: ActionItemFields): ActionItemFields {
  return {
    owner: ACTION_CLEANERS.owner(fields.owner),
    task: ACTION_CLEANERS.task(fields.task),
    due: ACTION_CLEANERS.due(fields.due),
    status: ACTION_CLEANERS.status(fields.status),
  };
}

/** Every bad field at once, in form order (wer, was, bis wann, Status). */
export function validateActionItemFields(fields: ActionItemFields): FieldError[] {
  return collectErrors([
    () => ACTION_CLEANERS.owner(fields.owner),
    () => ACTION_CLEANERS.task(fields.task),
    () => ACTION_CLEANERS.due(fields.due),
    () => ACTION_CLEANERS.status(fields.status),
  ]);
}

// ---- decisions ----

export interface AddDecisionArgs {
  workshopId: WorkshopId;
  fields: DecisionFields;
  /** The workshop's agenda items; the chosen TOP must be one of them. */
  agendaItems?: readonly AgendaRef[];
  now: number;
}

export function addDecision(args: AddDecisionArgs): { decision: Decision; changes: Change[] } {
  const decision: Decision = {
    id: newId<DecisionId>(),
    workshopId: args.workshopId,
    ...cleanDecisionFields(args.fields, args.workshopId, args.agendaItems),
    // Filled by the voting issue, when a decision is taken from a voting round.
    votingRoundId: null,
    createdAt: args.now,
    updatedAt: args.now,
  };
  return { decision, changes: [{ table: 'decisions', after: decision }] };
}

/** `original` is the decision as it was when editing began; an edit without a change writes nothing. */
export function updateDecision(
  original: Decision,
  fields: DecisionFields,
  now: number,
  agendaItems?: readonly AgendaRef[],
): Change[] {
  // A TOP deleted since the decision was taken may stay as it is.
  const keepsTop = fields.agendaItemId !== null && fields.agendaItemId === original.agendaItemId;
  const clean = cleanDecisionFields(fields, original.workshopId, keepsTop ? undefined : agendaItems);
  if (
    clean.text === original.text &&
    clean.date === original.date &&
    clean.agendaItemId === original.agendaItemId
  ) {
    return [];
  }
  return [{ table: 'decisions', before: original, after: { ...original, ...clean, updatedAt: now } }];
}

export function removeDecision(decision: Decision): Change[] {
  return [{ table: 'decisions', before: decision }];
}

/** Puts a deleted decision back exactly as it was (the "Rückgängig" of the toast). */
export function restoreDecision(decision: Decision): Change[] {
  return [{ table: 'decisions', after: decision }];
}

// ---- action items ----

export const EMPTY_ACTION_ITEM_FIELDS: ActionItemFields = { owner: '', task: '', due: '', status: 'open' };

export function addActionItem(args: { workshopId: WorkshopId; fields: ActionItemFields; now: number }): {
  actionItem: ActionItem;
  changes: Change[];
} {
  const actionItem: ActionItem = {
    id: newId<ActionItemId>(),
    workshopId: args.workshopId,
    ...cleanActionItemFields(args.fields),
    createdAt: args.now,
    updatedAt: args.now,
  };
  return { actionItem, changes: [{ table: 'actionItems', after: actionItem }] };
}

export function updateActionItem(original: ActionItem, fields: ActionItemFields, now: number): Change[] {
  const clean = cleanActionItemFields(fields);
  if (
    clean.owner === original.owner &&
    clean.task === original.task &&
    clean.due === original.due &&
    clean.status === original.status
  ) {
    return [];
  }
  return [{ table: 'actionItems', before: original, after: { ...original, ...clean, updatedAt: now } }];
}

/** open → doing → done → open: one click moves an action item on. */
export function nextActionStatus(status: ActionStatus): ActionStatus {
  const index = ACTION_STATUSES.indexOf(status);
  return ACTION_STATUSES[(index + 1) % ACTION_STATUSES.length]!;
}

export function setActionStatus(item: ActionItem, status: ActionStatus, now: number): Change[] {
  const clean = cleanStatus(status);
  if (clean === item.status) return [];
  return [{ table: 'actionItems', before: item, after: { ...item, status: clean, updatedAt: now } }];
}

export function removeActionItem(item: ActionItem): Change[] {
  return [{ table: 'actionItems', before: item }];
}

export function restoreActionItem(item: ActionItem): Change[] {
  return [{ table: 'actionItems', after: item }];
}

// ---- queries ----

/** Overdue: not done, with a due date before today. Both dates are yyyy-mm-dd, so text order is date order. */
export function isOverdue(item: ActionItem, today: IsoDate): boolean {
  return item.status !== 'done' && item.due !== '' && item.due < today;
}

/** Today in the local calendar (not UTC: a workshop at 00:30 is still on its own day). */
export function localIsoDate(date: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Dated ones first, oldest first (the order of the minutes); undated at the end; then as recorded. */
export function compareDecisions(a: Decision, b: Decision): number {
  if (a.date !== b.date) {
    if (a.date === '') return 1;
    if (b.date === '') return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Open, then in progress, then done; within each the nearest due date first, undated last. */
export function compareActionItems(a: ActionItem, b: ActionItem): number {
  const byStatus = ACTION_STATUSES.indexOf(a.status) - ACTION_STATUSES.indexOf(b.status);
  if (byStatus !== 0) return byStatus;
  if (a.due !== b.due) {
    if (a.due === '') return 1;
    if (b.due === '') return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The running agenda item (its timer is on), if any: the default TOP of a new decision. */
export function runningAgendaItem<T extends Pick<AgendaItem, 'runningSince'>>(
  items: readonly T[],
): T | undefined {
  return items.find((item) => item.runningSince !== null);
}
