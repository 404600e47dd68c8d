import { describe, expect, it } from 'vitest';
import {
  addAgendaItem,
  addSession,
  cleanPlannedMinutes,
  formatClock,
  moveAgendaItem,
  planSchedule,
  removeSession,
  validateAgendaItemFields,
  validateSessionFields,
} from '../../renderer/src/domain/agenda';
import type { Change } from '../../renderer/src/domain/changes';
import { DomainError } from '../../renderer/src/domain/errors';
import type { AgendaItem, Decision, WorkshopSession } from '../../renderer/src/domain/types';
import { makeBoard } from './fixtures';

function setup(minutes: number[], startTime = '09:30') {
  const { workshop } = makeBoard({});
  const { session } = addSession(workshop, [], {
    title: 'Sitzung 1',
    date: '2027-03-24',
    startTime,
    place: '',
  });
  let items: AgendaItem[] = [];
  minutes.forEach((m, i) => {
    const { item } = addAgendaItem(session, items, {
      title: `TOP ${i + 1}`,
      boardId: null,
      plannedMinutes: String(m),
      facilitatorNotes: '',
    });
    items = [...items, item];
  });
  return { workshop, session, items };
}

const apply = (items: AgendaItem[], changes: Change[]) => {
  let next = [...items];
  for (const change of changes) {
    const row = (change.after ?? change.before) as AgendaItem;
    next = next.filter((i) => i.id !== row.id);
    if (change.after) next.push(change.after as AgendaItem);
  }
  return next;
};

const titles = (session: WorkshopSession, items: AgendaItem[]) =>
  planSchedule(session, items).items.map((s) => s.item.title);

describe('agenda schedule', () => {
  it('plans start and end times from the session start and shows the planned end', () => {
    const { session, items } = setup([15, 30, 45]);
    const schedule = planSchedule(session, items);
    expect(schedule.items.map((s) => [formatClock(s.start!), formatClock(s.end!)])).toEqual([
      ['09:30', '09:45'],
      ['09:45', '10:15'],
      ['10:15', '11:00'],
    ]);
    expect(schedule.totalMinutes).toBe(90);
    expect(formatClock(schedule.end!)).toBe('11:00');
  });

  it('counts extensions, gives only durations without a start time, and wraps past midnight', () => {
    const { session, items } = setup([60], '');
    const extended = items.map((i) => ({ ...i, extraMinutes: 5 }));
    expect(planSchedule(session, extended)).toMatchObject({ totalMinutes: 65, end: null });
    expect(formatClock(24 * 60 + 30)).toBe('00:30');
  });
});

describe('agenda items', () => {
  it('refuses 0, 10,000 and "viele" minutes with a message naming the range', () => {
    for (const bad of ['0', '10000', 'viele', '1.5', '-5', '']) {
      expect(() => cleanPlannedMinutes(bad)).toThrowError(DomainError);
    }
    expect(cleanPlannedMinutes(' 45 ')).toBe(45);
    const errors = validateAgendaItemFields({
      title: '',
      boardId: null,
      plannedMinutes: '10000',
      facilitatorNotes: '',
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['agendaTitle', 'required'],
      ['plannedMinutes', 'minutesOutOfRange'],
    ]);
    expect(errors[1]!.params).toMatchObject({ min: 1, max: 600 });
  });

  it('reorders with one written row per move, up and down', () => {
    const { session, items } = setup([10, 20, 30]);
    const third = items[2]!;
    const moved = moveAgendaItem(items, third.id, 0);
    expect(moved).toHaveLength(1);
    const after = apply(items, moved);
    expect(titles(session, after)).toEqual(['TOP 3', 'TOP 1', 'TOP 2']);
    expect(moveAgendaItem(after, third.id, 0)).toEqual([]);
    expect(titles(session, apply(after, moveAgendaItem(after, third.id, 2)))).toEqual([
      'TOP 1',
      'TOP 2',
      'TOP 3',
    ]);
  });

  it('removing a session takes its items, so undo can bring all back', () => {
    const { session, items } = setup([10, 20]);
    const changes = removeSession(session, items, []);
    expect(changes.map((c) => c.table)).toEqual(['agendaItems', 'agendaItems', 'sessions']);
    expect(changes.every((c) => c.after === undefined)).toBe(true);
  });

  it('removing an item keeps the decisions recorded under it, without the dangling link', () => {
    const { session, items } = setup([10]);
    const decision = { id: 'd1', agendaItemId: items[0]!.id, text: 'Beschluss' } as never as Decision;
    const other = { id: 'd2', agendaItemId: null, text: 'Anderer' } as never as Decision;
    const changes = removeSession(session, items, [decision, other]);
    expect(changes[0]).toEqual({
      table: 'decisions',
      before: decision,
      after: { ...decision, agendaItemId: null },
    });
    expect(changes.map((c) => c.table)).toEqual(['decisions', 'agendaItems', 'sessions']);
  });
});

describe('sessions', () => {
  it('checks date and time formats', () => {
    const base = { title: 'S', date: '', startTime: '', place: '' };
    expect(validateSessionFields(base)).toEqual([]);
    expect(validateSessionFields({ ...base, date: '31.02.2027' }).map((e) => e.code)).toEqual([
      'invalidDate',
    ]);
    expect(validateSessionFields({ ...base, startTime: '25:00' }).map((e) => e.code)).toEqual([
      'invalidTime',
    ]);
    expect(validateSessionFields({ ...base, startTime: '9:30' }).map((e) => e.code)).toEqual(['invalidTime']);
    expect(validateSessionFields({ ...base, title: '  ' }).map((e) => e.code)).toEqual(['required']);
  });
});
