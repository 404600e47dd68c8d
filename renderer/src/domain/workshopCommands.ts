import type { Change } from './changes';
import { DomainError } from './errors';
import { newId, type BoardId, type WorkshopId } from './ids';
import { rankAtEnd } from './ordering';
import type { Board, Column, Workshop } from './types';
import {
  cleanIsoDate,
  cleanOptional,
  cleanTitle,
  collectErrors,
  LIMITS,
  type FieldError,
} from './validation';

export interface WorkshopFields {
  title: string;
  date: string;
  place: string;
  organisation: string;
}

const FIELD_CLEANERS: { [K in keyof WorkshopFields]: (value: string) => string } = {
  title: (v) => cleanTitle(v, 'title', LIMITS.workshopTitle),
  date: (v) => cleanIsoDate(v, 'date'),
  place: (v) => cleanOptional(v, 'place', LIMITS.shortText),
  organisation: (v) => cleanOptional(v, 'organisation', LIMITS.shortText),
};

/** Throws a DomainError for the first bad field. */
export function cleanWorkshopFields(fields: WorkshopFields): WorkshopFields {
  return {
    title: FIELD_CLEANERS.title(fields.title),
    date: FIELD_CLEANERS.date(fields.date),
    place: FIELD_CLEANERS.place(fields.place),
    organisation: FIELD_CLEANERS.organisation(fields.organisation),
  };
}

/** Every bad field at once, in form order, for the form to show. */
export function validateWorkshopFields(fields: WorkshopFields): FieldError[] {
  return collectErrors(
    (Object.keys(FIELD_CLEANERS) as Array<keyof WorkshopFields>).map(
      (key) => () => FIELD_CLEANERS[key](fields[key]),
    ),
  );
}

export interface NewWorkshopOptions {
  fields: WorkshopFields;
  /** Title of the first board and its columns, in the UI language. */
  boardTitle: string;
  columnTitles: readonly string[];
  now: number;
}

/** A new workshop comes with one board, so the facilitator can start at once. */
export function createWorkshop(options: NewWorkshopOptions): { workshop: Workshop; changes: Change[] } {
  const workshop: Workshop = {
    id: newId<WorkshopId>(),
    ...cleanWorkshopFields(options.fields),
    createdAt: options.now,
    updatedAt: options.now,
    deletedAt: null,
  };
  const board: Board = {
    id: newId<BoardId>(),
    workshopId: workshop.id,
    title: cleanTitle(options.boardTitle, 'title', LIMITS.boardTitle),
    rank: rankAtEnd([]),
    createdAt: options.now,
  };
  const columns: Column[] = [];
  for (const title of options.columnTitles) {
    columns.push({ id: newId(), boardId: board.id, title, rank: rankAtEnd(columns) });
  }
  return {
    workshop,
    changes: [
      { table: 'workshops', after: workshop },
      { table: 'boards', after: board },
      ...columns.map((column) => ({ table: 'columns' as const, after: column })),
    ],
  };
}

export function updateWorkshop(workshop: Workshop, fields: WorkshopFields, now: number): Change[] {
  const after: Workshop = { ...workshop, ...cleanWorkshopFields(fields), updatedAt: now };
  return [{ table: 'workshops', before: workshop, after }];
}

/** Moves a workshop to the bin; nothing of it is deleted yet. */
export function binWorkshop(workshop: Workshop, now: number): Change[] {
  if (workshop.deletedAt !== null) throw new DomainError('alreadyDeleted');
  return [{ table: 'workshops', before: workshop, after: { ...workshop, deletedAt: now, updatedAt: now } }];
}

export function restoreWorkshop(workshop: Workshop, now: number): Change[] {
  return [{ table: 'workshops', before: workshop, after: { ...workshop, deletedAt: null, updatedAt: now } }];
}
