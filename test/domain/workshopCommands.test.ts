import { describe, expect, it } from 'vitest';
import { invertChanges } from '../../renderer/src/domain/changes';
import { DomainError } from '../../renderer/src/domain/errors';
import { purgeWorkshop } from '../../renderer/src/domain/purge';
import type { Board, Column } from '../../renderer/src/domain/types';
import {
  binWorkshop,
  createWorkshop,
  restoreWorkshop,
  updateWorkshop,
  validateWorkshopFields,
} from '../../renderer/src/domain/workshopCommands';

const oneBoard = (columns: string[]) => ({
  boards: [{ title: 'Pinnwand', phase: null, columns }],
  agenda: [{ title: 'Begrüßung', minutes: 15, boardIndex: null, notes: '' }],
});

const fields = {
  facilitators: '',
  minuteTaker: '',
  title: '  KI-Strategie für die Verwaltung ',
  date: '2027-03-24',
  place: 'Rathaus',
  organisation: 'Senatskanzlei',
};

describe('createWorkshop', () => {
  it('creates a workshop with a first board and its columns, trimmed', () => {
    const { workshop, changes } = createWorkshop({
      fields,
      template: oneBoard(['Ideen', 'Fragen']),
      sessionTitle: 'Sitzung 1',
      now: 10,
    });
    expect(workshop).toMatchObject({
      title: 'KI-Strategie für die Verwaltung',
      date: '2027-03-24',
      deletedAt: null,
      createdAt: 10,
    });
    const board = changes.find((c) => c.table === 'boards')!.after as Board;
    const columns = changes.filter((c) => c.table === 'columns').map((c) => c.after as Column);
    expect(board.workshopId).toBe(workshop.id);
    expect(columns.map((c) => c.title)).toEqual(['Ideen', 'Fragen']);
    expect(columns[0]!.rank < columns[1]!.rank).toBe(true);
  });

  it('refuses an empty title and a title of only spaces', () => {
    for (const title of ['', '    ', '\t\n']) {
      expect(() =>
        createWorkshop({ fields: { ...fields, title }, template: oneBoard([]), sessionTitle: 'S', now: 1 }),
      ).toThrowError(DomainError);
    }
  });

  it('gives unique ids', () => {
    const a = createWorkshop({ fields, template: oneBoard([]), sessionTitle: 'S', now: 1 });
    const b = createWorkshop({ fields, template: oneBoard([]), sessionTitle: 'S', now: 1 });
    expect(a.workshop.id).not.toBe(b.workshop.id);
  });
});

describe('validateWorkshopFields', () => {
  it('reports every bad field at once, in form order', () => {
    const errors = validateWorkshopFields({
      ...fields,
      title: ' ',
      date: '2027-02-30',
      place: 'x'.repeat(201),
      organisation: '',
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['title', 'required'],
      ['date', 'invalidDate'],
      ['place', 'tooLong'],
    ]);
  });

  it('accepts a missing date and real dates, refuses impossible formats', () => {
    const check = (date: string) => validateWorkshopFields({ ...fields, date }).map((e) => e.code);
    expect(check('')).toEqual([]);
    expect(check('2028-02-29')).toEqual([]);
    for (const bad of ['2027-13-01', '24.03.2027', '2027-3-4', 'morgen', '0000-01-01', '2027-02-29']) {
      expect(check(bad)).toEqual(['invalidDate']);
    }
  });
});

describe('bin and restore', () => {
  it('moves to the bin without deleting anything, and restores', () => {
    const { workshop } = createWorkshop({ fields, template: oneBoard([]), sessionTitle: 'S', now: 1 });
    const [binned] = binWorkshop(workshop, 5);
    expect(binned!.after).toMatchObject({ id: workshop.id, deletedAt: 5 });
    expect(() => binWorkshop(binned!.after as typeof workshop, 6)).toThrowError(DomainError);
    const [restored] = restoreWorkshop(binned!.after as typeof workshop, 7);
    expect(restored!.after).toMatchObject({ deletedAt: null, updatedAt: 7 });
  });

  it('updates the facts as one change that inverts cleanly', () => {
    const { workshop } = createWorkshop({ fields, template: oneBoard([]), sessionTitle: 'S', now: 1 });
    const changes = updateWorkshop(workshop, { ...fields, title: 'Neu' }, 2);
    expect(changes[0]!.after).toMatchObject({ title: 'Neu', updatedAt: 2 });
    expect(invertChanges(changes)[0]!.after).toEqual(workshop);
  });

  it('purging deletes the workshop with all boards, columns, notes, participants and agenda', () => {
    const { workshop, changes } = createWorkshop({
      fields,
      template: oneBoard(['A']),
      sessionTitle: 'S',
      now: 1,
    });
    const rows = (table: string) => changes.filter((c) => c.table === table).map((c) => c.after) as never[];
    const participant = { id: 'p1', workshopId: workshop.id, name: 'Zoë', unit: '', role: '', createdAt: 1 };
    const purge = purgeWorkshop(workshop, {
      boards: rows('boards'),
      columns: rows('columns'),
      notes: [],
      participants: [participant as never],
      sessions: rows('sessions'),
      agendaItems: rows('agendaItems'),
      decisions: [],
      actionItems: [],
      matrixRows: [],
      clusters: [],
      ideas: [],
      visions: [],
      votingRounds: [],
      ballots: [],
    });
    expect(purge.map((c) => c.table)).toEqual([
      'columns',
      'boards',
      'agendaItems',
      'sessions',
      'participants',
      'workshops',
    ]);
    expect(purge.every((c) => c.after === undefined)).toBe(true);
  });
});
