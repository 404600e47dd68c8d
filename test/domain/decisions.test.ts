import { describe, expect, it } from 'vitest';
import { invertChanges } from '../../renderer/src/domain/changes';
import {
  addActionItem,
  addDecision,
  compareActionItems,
  compareDecisions,
  DECISION_LIMITS,
  EMPTY_ACTION_ITEM_FIELDS,
  isOverdue,
  localIsoDate,
  nextActionStatus,
  removeActionItem,
  removeDecision,
  restoreActionItem,
  restoreDecision,
  runningAgendaItem,
  setActionStatus,
  updateActionItem,
  updateDecision,
  validateActionItemFields,
  validateDecisionFields,
} from '../../renderer/src/domain/decisions';
import { DomainError } from '../../renderer/src/domain/errors';
import type { AgendaItemId, WorkshopId } from '../../renderer/src/domain/ids';
import type { ActionItem, ActionStatus, Decision } from '../../renderer/src/domain/types';

const W = 'workshop-1' as WorkshopId;
const OTHER = 'workshop-2' as WorkshopId;
const TOP1 = 'top-1' as AgendaItemId;
const TOP2 = 'top-2' as AgendaItemId;
const agenda = [
  { id: TOP1, workshopId: W },
  { id: TOP2, workshopId: W },
];

function refusal(command: () => unknown): DomainError {
  try {
    command();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, got none');
}

const decisionFields = (overrides: Partial<Parameters<typeof addDecision>[0]['fields']> = {}) => ({
  text: 'Wir führen die E-Akte bis 2028 ein.',
  date: '2027-03-24',
  agendaItemId: null,
  ...overrides,
});

function makeDecision(overrides: Partial<Decision> = {}): Decision {
  return { ...addDecision({ workshopId: W, fields: decisionFields(), now: 1 }).decision, ...overrides };
}

function makeAction(overrides: Partial<ActionItem> = {}): ActionItem {
  const { actionItem } = addActionItem({
    workshopId: W,
    fields: { owner: 'Frau Kowalczyk', task: 'Pilotbereich benennen', due: '2027-04-30', status: 'open' },
    now: 1,
  });
  return { ...actionItem, ...overrides };
}

describe('addDecision', () => {
  it('records text, date and TOP, trimmed, with an empty voting round for the voting issue to fill', () => {
    const { decision, changes } = addDecision({
      workshopId: W,
      fields: decisionFields({ text: '  Zeile eins\r\nZeile zwei  ', agendaItemId: TOP2 }),
      agendaItems: agenda,
      now: 42,
    });
    expect(decision).toMatchObject({
      workshopId: W,
      text: 'Zeile eins\nZeile zwei',
      date: '2027-03-24',
      agendaItemId: TOP2,
      votingRoundId: null,
      createdAt: 42,
      updatedAt: 42,
    });
    expect(changes).toEqual([{ table: 'decisions', after: decision }]);
  });

  it('takes no date and no TOP', () => {
    const { decision } = addDecision({
      workshopId: W,
      fields: decisionFields({ date: '', agendaItemId: null }),
      now: 1,
    });
    expect(decision).toMatchObject({ date: '', agendaItemId: null });
  });

  it('refuses an empty text, also one of only spaces and line breaks', () => {
    for (const text of ['', '   ', '\n\t\n']) {
      expect(
        refusal(() => addDecision({ workshopId: W, fields: decisionFields({ text }), now: 1 })),
      ).toMatchObject({ code: 'decisionTextRequired', params: { field: 'text' } });
    }
  });

  it('takes 2,000 characters and refuses 2,001, saying how many there are', () => {
    const max = 'ä'.repeat(DECISION_LIMITS.decisionText);
    expect(addDecision({ workshopId: W, fields: decisionFields({ text: max }), now: 1 }).decision.text).toBe(
      max,
    );
    expect(
      refusal(() => addDecision({ workshopId: W, fields: decisionFields({ text: `${max}!` }), now: 1 })),
    ).toMatchObject({ code: 'decisionTextTooLong', params: { max: 2000, length: 2001 } });
  });

  it('refuses impossible and malformed dates', () => {
    for (const date of ['2027-02-30', '2027-13-01', '24.03.2027', '2027-3-4', 'morgen', '1899-12-31']) {
      expect(
        refusal(() => addDecision({ workshopId: W, fields: decisionFields({ date }), now: 1 })).code,
        date,
      ).toBe('decisionDateInvalid');
    }
    expect(
      addDecision({ workshopId: W, fields: decisionFields({ date: '2028-02-29' }), now: 1 }).decision.date,
    ).toBe('2028-02-29');
  });

  it('refuses a TOP that is not on this workshop’s agenda', () => {
    const foreign = [{ id: 'top-x' as AgendaItemId, workshopId: OTHER }];
    for (const agendaItems of [agenda, foreign]) {
      expect(
        refusal(() =>
          addDecision({
            workshopId: W,
            fields: decisionFields({ agendaItemId: 'top-x' as AgendaItemId }),
            agendaItems,
            now: 1,
          }),
        ).code,
      ).toBe('decisionAgendaItemMissing');
    }
  });

  it('lists every bad field at once, in form order', () => {
    const errors = validateDecisionFields(
      { text: ' ', date: '2027-02-31', agendaItemId: 'gone' as AgendaItemId },
      W,
      agenda,
    );
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['text', 'decisionTextRequired'],
      ['date', 'decisionDateInvalid'],
      ['agendaItemId', 'decisionAgendaItemMissing'],
    ]);
    expect(validateDecisionFields(decisionFields(), W, agenda)).toEqual([]);
  });
});

describe('updateDecision', () => {
  it('changes text, date and TOP in one undoable step', () => {
    const original = makeDecision();
    const changes = updateDecision(
      original,
      { text: 'Geändert', date: '2027-03-25', agendaItemId: TOP1 },
      9,
      agenda,
    );
    expect(changes).toEqual([
      {
        table: 'decisions',
        before: original,
        after: { ...original, text: 'Geändert', date: '2027-03-25', agendaItemId: TOP1, updatedAt: 9 },
      },
    ]);
    expect(invertChanges(changes)).toEqual([
      { table: 'decisions', before: changes[0]!.after, after: original },
    ]);
  });

  it('writes nothing when nothing changed (surrounding spaces do not count)', () => {
    const original = makeDecision();
    expect(updateDecision(original, { ...decisionFields(), text: ` ${original.text} ` }, 9, agenda)).toEqual(
      [],
    );
  });

  it('keeps a TOP that was deleted since, but refuses to choose a missing one', () => {
    const original = makeDecision({ agendaItemId: 'deleted-top' as AgendaItemId });
    const kept = updateDecision(
      original,
      { ...decisionFields(), text: 'Neu', agendaItemId: original.agendaItemId },
      9,
      agenda,
    );
    expect(kept[0]!.after).toMatchObject({ text: 'Neu', agendaItemId: 'deleted-top' });
    expect(
      refusal(() =>
        updateDecision(
          makeDecision(),
          { ...decisionFields(), agendaItemId: 'deleted-top' as AgendaItemId },
          9,
          agenda,
        ),
      ).code,
    ).toBe('decisionAgendaItemMissing');
  });

  it('refuses an emptied text and keeps the original untouched', () => {
    const original = makeDecision();
    const copy = structuredClone(original);
    expect(refusal(() => updateDecision(original, { ...decisionFields(), text: '' }, 9)).code).toBe(
      'decisionTextRequired',
    );
    expect(original).toEqual(copy);
  });
});

describe('removing and restoring', () => {
  it('removes a decision and restores it exactly', () => {
    const decision = makeDecision();
    expect(removeDecision(decision)).toEqual([{ table: 'decisions', before: decision }]);
    expect(restoreDecision(decision)).toEqual([{ table: 'decisions', after: decision }]);
    expect(invertChanges(removeDecision(decision))).toEqual(restoreDecision(decision));
  });

  it('removes an action item and restores it exactly', () => {
    const item = makeAction();
    expect(removeActionItem(item)).toEqual([{ table: 'actionItems', before: item }]);
    expect(invertChanges(removeActionItem(item))).toEqual(restoreActionItem(item));
  });
});

describe('action items', () => {
  it('records wer, was, bis wann and status, single-line owner', () => {
    const { actionItem, changes } = addActionItem({
      workshopId: W,
      fields: { owner: ' Ağrı\tYılmaz \n', task: ' Datenschutz prüfen ', due: '2027-05-02', status: 'open' },
      now: 5,
    });
    expect(actionItem).toMatchObject({
      workshopId: W,
      owner: 'Ağrı Yılmaz',
      task: 'Datenschutz prüfen',
      due: '2027-05-02',
      status: 'open',
      createdAt: 5,
    });
    expect(changes).toEqual([{ table: 'actionItems', after: actionItem }]);
  });

  it('needs only the task', () => {
    const { actionItem } = addActionItem({
      workshopId: W,
      fields: { ...EMPTY_ACTION_ITEM_FIELDS, task: 'Termin finden' },
      now: 1,
    });
    expect(actionItem).toMatchObject({ owner: '', due: '', status: 'open' });
  });

  it('checks every field and lists all problems in form order', () => {
    const errors = validateActionItemFields({
      owner: 'x'.repeat(121),
      task: '',
      due: '2027-04-31',
      status: 'later' as ActionStatus,
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['owner', 'actionOwnerTooLong'],
      ['task', 'actionTaskRequired'],
      ['due', 'actionDueInvalid'],
      ['status', 'actionStatusUnknown'],
    ]);
    expect(errors[0]!.params).toMatchObject({ max: 120, length: 121 });
    expect(
      validateActionItemFields({ owner: 'x'.repeat(120), task: 'y'.repeat(500), due: '', status: 'done' }),
    ).toEqual([]);
    expect(validateActionItemFields({ ...EMPTY_ACTION_ITEM_FIELDS, task: 'y'.repeat(501) })[0]).toMatchObject(
      {
        code: 'actionTaskTooLong',
        params: { max: 500, length: 501 },
      },
    );
  });

  it('edits all fields at once, and writes nothing without a change', () => {
    const item = makeAction();
    const fields = { owner: 'Herr Şahin', task: 'Pilot starten', due: '', status: 'doing' as const };
    expect(updateActionItem(item, fields, 7)).toEqual([
      { table: 'actionItems', before: item, after: { ...item, ...fields, updatedAt: 7 } },
    ]);
    expect(
      updateActionItem(item, { owner: item.owner, task: item.task, due: item.due, status: item.status }, 7),
    ).toEqual([]);
  });

  it('moves the status on in one step: open → doing → done → open', () => {
    expect(nextActionStatus('open')).toBe('doing');
    expect(nextActionStatus('doing')).toBe('done');
    expect(nextActionStatus('done')).toBe('open');
    const item = makeAction();
    const changes = setActionStatus(item, nextActionStatus(item.status), 3);
    expect(changes).toEqual([
      { table: 'actionItems', before: item, after: { ...item, status: 'doing', updatedAt: 3 } },
    ]);
    expect(setActionStatus(item, 'open', 3)).toEqual([]);
    expect(refusal(() => setActionStatus(item, 'paused' as ActionStatus, 3)).code).toBe(
      'actionStatusUnknown',
    );
  });
});

describe('queries', () => {
  it('calls an action item overdue only when it is not done and its date has passed', () => {
    expect(isOverdue(makeAction({ due: '2027-03-23' }), '2027-03-24')).toBe(true);
    expect(isOverdue(makeAction({ due: '2027-03-24' }), '2027-03-24')).toBe(false);
    expect(isOverdue(makeAction({ due: '' }), '2027-03-24')).toBe(false);
    expect(isOverdue(makeAction({ due: '2027-03-23', status: 'doing' }), '2027-03-24')).toBe(true);
    expect(isOverdue(makeAction({ due: '2027-03-23', status: 'done' }), '2027-03-24')).toBe(false);
  });

  it('takes today from the local calendar', () => {
    expect(localIsoDate(new Date(2027, 0, 5, 0, 30))).toBe('2027-01-05');
    expect(localIsoDate(new Date(2027, 11, 31, 23, 59))).toBe('2027-12-31');
  });

  it('sorts decisions by date, undated last, then as recorded', () => {
    const rows = [
      makeDecision({ id: 'a' as never, date: '', createdAt: 1 }),
      makeDecision({ id: 'b' as never, date: '2027-03-25', createdAt: 2 }),
      makeDecision({ id: 'c' as never, date: '2027-03-24', createdAt: 5 }),
      makeDecision({ id: 'd' as never, date: '2027-03-24', createdAt: 3 }),
    ];
    expect([...rows].sort(compareDecisions).map((d) => d.id)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('sorts action items open, doing, done; then by due date, undated last', () => {
    const rows = [
      makeAction({ id: 'done' as never, status: 'done', due: '2027-01-01' }),
      makeAction({ id: 'open-undated' as never, status: 'open', due: '' }),
      makeAction({ id: 'doing' as never, status: 'doing', due: '2027-01-01' }),
      makeAction({ id: 'open-late' as never, status: 'open', due: '2027-06-01' }),
      makeAction({ id: 'open-soon' as never, status: 'open', due: '2027-02-01' }),
    ];
    expect([...rows].sort(compareActionItems).map((a) => a.id)).toEqual([
      'open-soon',
      'open-late',
      'open-undated',
      'doing',
      'done',
    ]);
  });

  it('finds the running agenda item', () => {
    expect(runningAgendaItem([{ runningSince: null }, { runningSince: 5 }])).toEqual({ runningSince: 5 });
    expect(runningAgendaItem([{ runningSince: null }])).toBeUndefined();
  });
});
