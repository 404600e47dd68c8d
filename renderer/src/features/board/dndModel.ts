import type { ColumnId, NoteId } from '../../domain/ids';
import type { BoardContent } from '../../domain/types';
import type { DragPreview } from '../../state/dragSlice';

/** Column → note ids in display order, from the saved board. */
export function groupNotes(content: BoardContent): DragPreview {
  const groups: DragPreview = {};
  for (const column of content.columns) groups[column.id] = [];
  for (const note of content.notes) if (note.columnId !== null) groups[note.columnId]?.push(note.id);
  return groups;
}

export function columnOf(items: DragPreview, id: string): ColumnId | null {
  if (id in items) return id as ColumnId;
  for (const [columnId, noteIds] of Object.entries(items)) {
    if (noteIds.includes(id as NoteId)) return columnId as ColumnId;
  }
  return null;
}

/**
 * While dragging over another column, the note moves into it in the preview:
 * before the note it is over (after it when `below`), or at the end when over
 * the column itself. Returns null when nothing changes.
 */
export function moveAcross(
  items: DragPreview,
  activeId: NoteId,
  overId: string,
  below: boolean,
): DragPreview | null {
  const from = columnOf(items, activeId);
  const to = columnOf(items, overId);
  if (!from || !to || from === to) return null;
  const target = items[to]!.filter((id) => id !== activeId);
  const overIndex = target.indexOf(overId as NoteId);
  const index = overIndex < 0 ? target.length : overIndex + (below ? 1 : 0);
  target.splice(index, 0, activeId);
  return { ...items, [from]: items[from]!.filter((id) => id !== activeId), [to]: target };
}

/**
 * Where a dropped note lands: its column and its index among the other notes
 * of that column. Within one column the drop takes the place of the note it is over.
 */
export function dropPlacement(
  items: DragPreview,
  activeId: NoteId,
  overId: string | null,
): { columnId: ColumnId; index: number } | null {
  const columnId = columnOf(items, activeId);
  if (!columnId || overId === null) return null;
  const list = [...items[columnId]!];
  const activeIndex = list.indexOf(activeId);
  if (columnOf(items, overId) === columnId && overId !== columnId) {
    const overIndex = list.indexOf(overId as NoteId);
    if (overIndex >= 0 && overIndex !== activeIndex) {
      list.splice(activeIndex, 1);
      list.splice(overIndex, 0, activeId);
    }
  }
  return { columnId, index: list.indexOf(activeId) };
}

export type KeyboardTarget = { kind: 'note'; id: NoteId } | { kind: 'columnEnd'; columnId: ColumnId };

/**
 * Where a keyboard move should go. Up/down step through the column (from where
 * the note would land now); left/right jump to the neighbouring column at the
 * same position where it has one, else to its end.
 */
export function keyboardTarget(
  items: DragPreview,
  columnOrder: readonly ColumnId[],
  activeId: NoteId,
  overId: string | null,
  key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight',
): KeyboardTarget | null {
  const columnId = columnOf(items, activeId);
  if (!columnId) return null;
  const list = items[columnId]!;
  const overInColumn = overId !== null && overId !== columnId && list.includes(overId as NoteId);
  const landing = list.indexOf(overInColumn ? (overId as NoteId) : activeId);

  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const next = landing + (key === 'ArrowDown' ? 1 : -1);
    return next >= 0 && next < list.length ? { kind: 'note', id: list[next]! } : null;
  }
  const columnIndex = columnOrder.indexOf(columnId);
  const neighbour = columnOrder[columnIndex + (key === 'ArrowRight' ? 1 : -1)];
  if (!neighbour) return null;
  const targetList = items[neighbour] ?? [];
  return landing < targetList.length
    ? { kind: 'note', id: targetList[landing]! }
    : { kind: 'columnEnd', columnId: neighbour };
}
