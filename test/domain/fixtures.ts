import { addColumn, addNote } from '../../renderer/src/domain/boardCommands';
import type { Change } from '../../renderer/src/domain/changes';
import { resolveMerges, storedNote } from '../../renderer/src/domain/clusterMerge';
import type { ColumnId } from '../../renderer/src/domain/ids';
import type {
  BoardContent,
  Board,
  Cluster,
  Column,
  MatrixRow,
  Note,
  Workshop,
} from '../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../renderer/src/domain/workshopCommands';

/** Applies changes to an in-memory board, as the repository does to Dexie. */
export function applyToContent(content: BoardContent, changes: readonly Change[]): BoardContent {
  let { board } = content;
  const lists = {
    columns: [...content.columns] as Array<{ id: string; rank: string }>,
    matrixRows: [...content.rows] as Array<{ id: string; rank: string }>,
    clusters: [...content.clusters] as Array<{ id: string; rank: string }>,
    // Stored as the repository stores them: cards of merged clusters with their old place.
    notes: content.notes.map(storedNote) as Array<{ id: string; rank: string }>,
  };
  for (const change of changes) {
    const row = change.after ?? change.before!;
    if (change.table === 'boards') board = (change.after as Board | undefined) ?? board;
    if (change.table in lists) {
      const key = change.table as keyof typeof lists;
      lists[key] = lists[key].filter((r) => r.id !== row.id);
      if (change.after)
        lists[key].push(
          (change.table === 'notes' ? storedNote(change.after as Note) : change.after) as {
            id: string;
            rank: string;
          },
        );
    }
  }
  const byRank = (a: { rank: string }, b: { rank: string }) =>
    a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0;
  return {
    board,
    columns: (lists.columns as Column[]).sort(byRank),
    rows: (lists.matrixRows as MatrixRow[]).sort(byRank),
    clusters: (lists.clusters as Cluster[]).sort(byRank),
    notes: resolveMerges(lists.clusters as Cluster[], lists.notes as Note[]).sort(byRank),
  };
}

/** A workshop with one board of the given columns, each holding the given note texts. */
export function makeBoard(layout: Record<string, string[]>): { workshop: Workshop; content: BoardContent } {
  const created = createWorkshop({
    fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'Test' },
    template: { boards: [{ title: 'Pinnwand', phase: null, columns: [] }], agenda: [] },
    sessionTitle: 'Sitzung 1',
    now: 1,
  });
  const board = created.changes.find((c) => c.table === 'boards')!.after as Board;
  let content: BoardContent = { board, columns: [], rows: [], clusters: [], notes: [] };
  for (const [title, texts] of Object.entries(layout)) {
    const { column, changes } = addColumn(content, title);
    content = applyToContent(content, changes);
    for (const text of texts)
      content = applyToContent(content, addNote(content, { columnId: column.id, text, now: 2 }).changes);
  }
  return { workshop: created.workshop, content };
}

export function columnId(content: BoardContent, title: string): ColumnId {
  return content.columns.find((c) => c.title === title)!.id;
}

/** Note texts per column title, in display order. */
export function layoutOf(content: BoardContent): Record<string, string[]> {
  return Object.fromEntries(
    content.columns.map((c) => [
      c.title,
      content.notes.filter((n) => n.columnId === c.id).map((n) => n.text),
    ]),
  );
}

export function noteByText(content: BoardContent, text: string): Note {
  return content.notes.find((n) => n.text === text)!;
}
