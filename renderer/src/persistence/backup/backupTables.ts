/**
 * The backup registry: every Dexie table with the zod schema of its rows
 * (rowSchemas.ts) and how its rows hang together. Export, import, the checks
 * and the CLI iterate over this list; nothing else in persistence/backup names
 * a table.
 *
 * Adding a table: give it a strict, flat row schema in rowSchemas.ts (and a
 * line in the type check at its end) and an entry here (`parent` ties it into
 * a workshop's tree, `refs` names every other id field). A unit test fails
 * while a Dexie table has no entry.
 */
import type { z } from './zod';
import type { VotingTarget } from '../../domain/types';
import type { BallotContent } from '../../domain/votingTally';
import {
  workshopRow,
  boardRow,
  columnRow,
  noteRow,
  matrixRowRow,
  clusterRow,
  ideaRow,
  visionRow,
  participantRow,
  sessionRow,
  agendaItemRow,
  decisionRow,
  actionItemRow,
  votingRoundRow,
  ballotRow,
  writingRoundRow,
  inboxNoteRow,
} from './rowSchemas';

/** A row as the import sees it: validated, with its id. */
export type BackupRow = { id: string } & Record<string, unknown>;

/** Looks a row up among everything the file brings along. */
export type FindRow = (table: string, id: string) => BackupRow | undefined;

export interface TableSpec {
  /** Strict: unknown fields are refused, not dropped. */
  schema: z.ZodType<BackupRow>;
  /** The field that ties a row into its workshop's tree; null for the workshops themselves. */
  parent: { field: string; table: string } | null;
  /** Every other id field and the table it points into (null allowed when nullable). */
  refs: ReadonlyArray<{ field: string; table: string; nullable?: boolean }>;
  /** A rule beyond "the reference exists", e.g. a note's column is on the note's board. */
  check?: (row: BackupRow, find: FindRow) => { field: string } | null;
  /**
   * Soft links: ids that may point at rows deleted since (the original of a
   * copied card, a focus area, a decision), also inside lists and maps. They
   * need not resolve; a copy on import maps them like every other id, through
   * `map`. Gets the row as in the file; returns only the link fields.
   */
  links?: (row: BackupRow, map: (table: string, id: string) => string, find: FindRow) => Partial<BackupRow>;
}

/** The table a voting round's items live in, by what it votes on. */
const VOTING_ITEM_TABLE: Record<VotingTarget, string> = {
  clusters: 'clusters',
  notes: 'notes',
  ideas: 'ideas',
};

function mapKeys<T>(record: Record<string, T>, map: (id: string) => string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [map(key), value]));
}

const mapNullable = (map: (table: string, id: string) => string, table: string, id: unknown) =>
  typeof id === 'string' ? map(table, id) : id;

/** In dependency order: a table comes after every table it points into. */
export const BACKUP_TABLES: ReadonlyArray<readonly [name: string, spec: TableSpec]> = [
  ['workshops', { schema: workshopRow, parent: null, refs: [] }],
  ['boards', { schema: boardRow, parent: { field: 'workshopId', table: 'workshops' }, refs: [] }],
  ['columns', { schema: columnRow, parent: { field: 'boardId', table: 'boards' }, refs: [] }],
  ['matrixRows', { schema: matrixRowRow, parent: { field: 'boardId', table: 'boards' }, refs: [] }],
  ['clusters', { schema: clusterRow, parent: { field: 'boardId', table: 'boards' }, refs: [] }],
  [
    'notes',
    {
      schema: noteRow,
      parent: { field: 'boardId', table: 'boards' },
      refs: [
        { field: 'columnId', table: 'columns', nullable: true },
        { field: 'rowId', table: 'matrixRows', nullable: true },
        { field: 'clusterId', table: 'clusters', nullable: true },
      ],
      // The author may have been removed from the workshop since.
      links: (row, map) => ({
        sourceNoteId: mapNullable(map, 'notes', row.sourceNoteId),
        ...(row.authorId === undefined ? {} : { authorId: map('participants', String(row.authorId)) }),
      }),
      check: (row, find) => {
        for (const [field, table] of [
          ['columnId', 'columns'],
          ['rowId', 'matrixRows'],
          ['clusterId', 'clusters'],
        ] as const) {
          if (row[field] !== null && find(table, String(row[field]))?.boardId !== row.boardId)
            return { field };
        }
        // A matrix cell needs both its row and its column; a tray card has neither.
        if (row.rowId !== null && row.columnId === null) return { field: 'columnId' };
        return null;
      },
    },
  ],
  ['participants', { schema: participantRow, parent: { field: 'workshopId', table: 'workshops' }, refs: [] }],
  ['sessions', { schema: sessionRow, parent: { field: 'workshopId', table: 'workshops' }, refs: [] }],
  [
    'agendaItems',
    {
      schema: agendaItemRow,
      parent: { field: 'sessionId', table: 'sessions' },
      refs: [
        { field: 'workshopId', table: 'workshops' },
        { field: 'boardId', table: 'boards', nullable: true },
      ],
    },
  ],
  [
    'decisions',
    {
      schema: decisionRow,
      parent: { field: 'workshopId', table: 'workshops' },
      refs: [{ field: 'agendaItemId', table: 'agendaItems', nullable: true }],
    },
  ],
  ['actionItems', { schema: actionItemRow, parent: { field: 'workshopId', table: 'workshops' }, refs: [] }],
  [
    'ideas',
    {
      schema: ideaRow,
      parent: { field: 'boardId', table: 'boards' },
      refs: [{ field: 'workshopId', table: 'workshops' }],
      links: (row, map) => ({
        focusAreaId: mapNullable(map, 'clusters', row.focusAreaId),
        sources: (row.sources as Array<{ field: string; noteId: string }>).map((source) => ({
          ...source,
          noteId: map('notes', source.noteId),
        })),
      }),
    },
  ],
  [
    'votingRounds',
    {
      schema: votingRoundRow,
      parent: { field: 'boardId', table: 'boards' },
      refs: [{ field: 'workshopId', table: 'workshops' }],
      // Entitled participants may have been removed since, items deleted, the decision too.
      links: (row, map) => {
        const item = (id: string) => map(VOTING_ITEM_TABLE[row.target as VotingTarget], id);
        return {
          entitled: (row.entitled as string[]).map((id) => map('participants', id)),
          decisionId: mapNullable(map, 'decisions', row.decisionId),
          items: (row.items as Array<{ id: string; label: string }>).map((i) => ({ ...i, id: item(i.id) })),
          paperTally: mapKeys(row.paperTally as Record<string, number>, item),
        };
      },
    },
  ],
  [
    'ballots',
    {
      schema: ballotRow,
      parent: { field: 'roundId', table: 'votingRounds' },
      // The participant may have been removed from the workshop since casting it.
      refs: [{ field: 'workshopId', table: 'workshops' }],
      links: (row, map, find) => {
        const round = find('votingRounds', String(row.roundId));
        const table = VOTING_ITEM_TABLE[(round?.target ?? 'clusters') as VotingTarget];
        const item = (id: string) => map(table, id);
        const content = row.content as BallotContent;
        const participantId = map('participants', String(row.participantId));
        switch (content.method) {
          case 'dots':
            return { participantId, content: { ...content, dots: mapKeys(content.dots, item) } };
          case 'points':
            return { participantId, content: { ...content, points: mapKeys(content.points, item) } };
          case 'ranking':
            return { participantId, content: { ...content, order: content.order.map(item) } };
          case 'impactEffort':
            return { participantId, content: { ...content, ratings: mapKeys(content.ratings, item) } };
        }
      },
    },
  ],
  [
    'visions',
    {
      schema: visionRow,
      parent: { field: 'boardId', table: 'boards' },
      refs: [{ field: 'workshopId', table: 'workshops' }],
      links: (row, map) => ({
        decisionId: mapNullable(map, 'decisions', row.decisionId),
        sourceNoteIds: (row.sourceNoteIds as string[]).map((id) => map('notes', id)),
      }),
    },
  ],
  [
    'writingRounds',
    {
      schema: writingRoundRow,
      parent: { field: 'boardId', table: 'boards' },
      refs: [{ field: 'workshopId', table: 'workshops' }],
    },
  ],
  [
    'inboxNotes',
    {
      schema: inboxNoteRow,
      parent: { field: 'roundId', table: 'writingRounds' },
      refs: [
        { field: 'workshopId', table: 'workshops' },
        { field: 'boardId', table: 'boards' },
      ],
      check: (row, find) =>
        find('writingRounds', String(row.roundId))?.boardId !== row.boardId ? { field: 'boardId' } : null,
      // The card made from it, the card it was merged into and its author may be gone since.
      links: (row, map) => ({
        noteId: mapNullable(map, 'notes', row.noteId),
        mergedInto: mapNullable(map, 'inboxNotes', row.mergedInto),
        authorId: mapNullable(map, 'participants', row.authorId),
      }),
    },
  ],
];

export const BACKUP_TABLE_NAMES: readonly string[] = BACKUP_TABLES.map(([name]) => name);

export function tableSpec(name: string): TableSpec | undefined {
  return BACKUP_TABLES.find(([table]) => table === name)?.[1];
}
