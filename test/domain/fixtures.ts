import { addColumn, addNote } from '../../renderer/src/domain/boardCommands';
import type { Change } from '../../renderer/src/domain/changes';
import type { ColumnId } from '../../renderer/src/domain/ids';
import type { BoardContent, Board, Column, Note, Workshop } from '../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../renderer/src/domain/workshopCommands';

/** Applies changes to an in-memory board, as the repository does to Dexie. */
export function applyToContent(content: BoardContent, changes: readonly Change[]): BoardContent {
  let { board, columns, notes } = content;
  for (const change of changes) {
    const row = change.after ?? change.before!;
    if (change.table === 'boards') board = (change.after as Board | undefined) ?? board;
    if (change.table === 'columns') {
      columns = columns.filter((c) => c.id !== row.id);
      if (change.after) columns.push(change.after as Column);
    }
    if (change.table === 'notes') {
      notes = notes.filter((n) => n.id !== row.id);
      if (change.after) notes.push(change.after as Note);
    }
  }
  const byRank = (a: { rank: string }, b: { rank: string }) =>
    a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0;
  return { board, columns: [...columns].sort(byRank), notes: [...notes].sort(byRank) };
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
  let content: BoardContent = { board, columns: [], notes: [] };
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
