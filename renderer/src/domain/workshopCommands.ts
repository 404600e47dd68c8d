import type { Change } from './changes';
import { DomainError } from './errors';
import {
  newId,
  type AgendaItemId,
  type BoardId,
  type ClusterId,
  type ColumnId,
  type RowId,
  type SessionId,
  type WorkshopId,
} from './ids';
import { rankAtEnd } from './ordering';
import type { ResolvedTemplate } from './templates';
import type { AgendaItem, Board, Cluster, Column, MatrixRow, Workshop, WorkshopSession } from './types';
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
  facilitators: string;
  minuteTaker: string;
}

export const EMPTY_WORKSHOP_FIELDS: WorkshopFields = {
  title: '',
  date: '',
  place: '',
  organisation: '',
  facilitators: '',
  minuteTaker: '',
};

const FIELD_CLEANERS: { [K in keyof WorkshopFields]: (value: string) => string } = {
  title: (v) => cleanTitle(v, 'title', LIMITS.workshopTitle),
  date: (v) => cleanIsoDate(v, 'date'),
  place: (v) => cleanOptional(v, 'place', LIMITS.shortText),
  organisation: (v) => cleanOptional(v, 'organisation', LIMITS.shortText),
  facilitators: (v) => cleanOptional(v, 'facilitators', LIMITS.shortText),
  minuteTaker: (v) => cleanOptional(v, 'minuteTaker', LIMITS.shortText),
};

/** Throws a DomainError for the first bad field. */
export function cleanWorkshopFields(fields: WorkshopFields): WorkshopFields {
  return {
    title: FIELD_CLEANERS.title(fields.title),
    date: FIELD_CLEANERS.date(fields.date),
    place: FIELD_CLEANERS.place(fields.place),
    organisation: FIELD_CLEANERS.organisation(fields.organisation),
    facilitators: FIELD_CLEANERS.facilitators(fields.facilitators),
    minuteTaker: FIELD_CLEANERS.minuteTaker(fields.minuteTaker),
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
  /** The template in the UI language: boards with columns, and a first agenda. */
  template: ResolvedTemplate;
  /** Title of the first session, in the UI language. */
  sessionTitle: string;
  now: number;
}

/**
 * A new workshop from a template: its boards (with phases) and columns, and a
 * first session whose agenda items point at those boards.
 */
export function createWorkshop(options: NewWorkshopOptions): { workshop: Workshop; changes: Change[] } {
  const { template, now } = options;
  const workshop: Workshop = {
    id: newId<WorkshopId>(),
    ...cleanWorkshopFields(options.fields),
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  const changes: Change[] = [{ table: 'workshops', after: workshop }];
  const boards: Board[] = [];
  for (const spec of template.boards) {
    const board: Board = {
      id: newId<BoardId>(),
      workshopId: workshop.id,
      title: cleanTitle(spec.title, 'boardTitle', LIMITS.boardTitle),
      phase: spec.phase,
      kind: spec.kind ?? 'columns',
      rank: rankAtEnd(boards),
      createdAt: now,
    };
    boards.push(board);
    changes.push({ table: 'boards', after: board });
    const columns: Column[] = [];
    for (const title of spec.columns) {
      const column: Column = {
        id: newId<ColumnId>(),
        boardId: board.id,
        title: cleanTitle(title, 'columnTitle', LIMITS.columnTitle),
        rank: rankAtEnd(columns),
      };
      columns.push(column);
      changes.push({ table: 'columns', after: column });
    }
    const rows: MatrixRow[] = [];
    for (const title of spec.rows ?? []) {
      const row: MatrixRow = {
        id: newId<RowId>(),
        boardId: board.id,
        title: cleanTitle(title, 'rowTitle', LIMITS.rowTitle),
        rank: rankAtEnd(rows),
      };
      rows.push(row);
      changes.push({ table: 'matrixRows', after: row });
    }
    const clusters: Cluster[] = [];
    for (const title of spec.clusters ?? []) {
      const cluster: Cluster = {
        id: newId<ClusterId>(),
        boardId: board.id,
        title: cleanTitle(title, 'clusterTitle', LIMITS.clusterTitle),
        rank: rankAtEnd(clusters),
        collapsed: false,
        focusAreaAt: null,
        description: '',
        createdAt: now,
        updatedAt: now,
      };
      clusters.push(cluster);
      changes.push({ table: 'clusters', after: cluster });
    }
  }
  const session: WorkshopSession = {
    id: newId<SessionId>(),
    workshopId: workshop.id,
    title: cleanTitle(options.sessionTitle, 'sessionTitle', LIMITS.shortText),
    date: workshop.date,
    startTime: '',
    place: workshop.place,
    rank: rankAtEnd([]),
  };
  changes.push({ table: 'sessions', after: session });
  const items: AgendaItem[] = [];
  for (const spec of template.agenda) {
    const item: AgendaItem = {
      id: newId<AgendaItemId>(),
      workshopId: workshop.id,
      sessionId: session.id,
      title: spec.title,
      boardId: spec.boardIndex === null ? null : (boards[spec.boardIndex]?.id ?? null),
      plannedMinutes: spec.minutes,
      facilitatorNotes: spec.notes,
      rank: rankAtEnd(items),
      elapsedMs: 0,
      runningSince: null,
      extraMinutes: 0,
    };
    items.push(item);
    changes.push({ table: 'agendaItems', after: item });
  }
  return { workshop, changes };
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
