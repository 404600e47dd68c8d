import type { ColumnId, NoteId, RowId } from '../../domain/ids';
import { placeKey, TRAY_KEY } from '../../domain/matrixCommands';

/** Place key ("tray" or a cell) → note ids in display order; the drag preview. */
export type MatrixItems = Record<string, NoteId[]>;

export function cellKey(rowId: RowId, columnId: ColumnId): string {
  return placeKey({ kind: 'cell', rowId, columnId });
}

/** The place a note is in (or `id` itself when it names a place). */
export function containerOf(items: MatrixItems, id: string): string | null {
  if (id in items) return id;
  for (const [key, noteIds] of Object.entries(items)) {
    if (noteIds.includes(id as NoteId)) return key;
  }
  return null;
}

/**
 * While dragging over another place, the note moves into it in the preview:
 * before the note it is over (after it when `below`), or at the end when over
 * the place itself. Returns null when nothing changes.
 */
export function moveAcross(
  items: MatrixItems,
  activeId: NoteId,
  overId: string,
  below: boolean,
): MatrixItems | null {
  const from = containerOf(items, activeId);
  const to = containerOf(items, overId);
  if (!from || !to || from === to) return null;
  const target = items[to]!.filter((id) => id !== activeId);
  const overIndex = target.indexOf(overId as NoteId);
  const index = overIndex < 0 ? target.length : overIndex + (below ? 1 : 0);
  target.splice(index, 0, activeId);
  return { ...items, [from]: items[from]!.filter((id) => id !== activeId), [to]: target };
}

/**
 * Where a dropped note lands: its place and its index among the other notes
 * there. Within one place the drop takes the place of the note it is over.
 */
export function dropPlacement(
  items: MatrixItems,
  activeId: NoteId,
  overId: string | null,
): { key: string; index: number } | null {
  const key = containerOf(items, activeId);
  if (!key || overId === null) return null;
  const list = [...items[key]!];
  const activeIndex = list.indexOf(activeId);
  if (overId !== key && containerOf(items, overId) === key) {
    const overIndex = list.indexOf(overId as NoteId);
    if (overIndex >= 0 && overIndex !== activeIndex) {
      list.splice(activeIndex, 1);
      list.splice(overIndex, 0, activeId);
    }
  }
  return { key, index: list.indexOf(activeId) };
}

export interface MatrixLayout {
  rowIds: readonly RowId[];
  columnIds: readonly ColumnId[];
}

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/** A keyboard move's target: a note (take its place) or a place (go to its end). */
export type MatrixKeyboardTarget = { kind: 'note'; id: NoteId } | { kind: 'place'; key: string };

function gridPosition(layout: MatrixLayout, key: string): { row: number; column: number } | null {
  for (let row = 0; row < layout.rowIds.length; row += 1) {
    for (let column = 0; column < layout.columnIds.length; column += 1) {
      if (cellKey(layout.rowIds[row]!, layout.columnIds[column]!) === key) return { row, column };
    }
  }
  return null;
}

function into(
  items: MatrixItems,
  activeId: NoteId,
  key: string,
  index: number | 'end',
): MatrixKeyboardTarget {
  const list = (items[key] ?? []).filter((id) => id !== activeId);
  if (index !== 'end' && index < list.length) return { kind: 'note', id: list[index]! };
  return { kind: 'place', key };
}

/**
 * Where a keyboard move goes. Up/down step through the cell (from where the
 * note would land now) and past its ends into the cell above or below;
 * left/right go to the neighbouring cell of the row, at the same position
 * where it has one. Left of the first column is the tray "Noch nicht
 * eingeordnet"; right of the tray is the first cell.
 */
export function matrixKeyboardTarget(
  items: MatrixItems,
  layout: MatrixLayout,
  activeId: NoteId,
  overId: string | null,
  key: ArrowKey,
): MatrixKeyboardTarget | null {
  const current = containerOf(items, activeId);
  if (!current) return null;
  const list = items[current]!;
  const overHere = overId !== null && overId !== current && list.includes(overId as NoteId);
  const landing = list.indexOf(overHere ? (overId as NoteId) : activeId);
  const position = current === TRAY_KEY ? null : gridPosition(layout, current);

  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const next = landing + (key === 'ArrowDown' ? 1 : -1);
    if (next >= 0 && next < list.length) return { kind: 'note', id: list[next]! };
    if (!position) return null;
    const row = layout.rowIds[position.row + (key === 'ArrowDown' ? 1 : -1)];
    if (!row) return null;
    const target = cellKey(row, layout.columnIds[position.column]!);
    return into(items, activeId, target, key === 'ArrowDown' ? 0 : 'end');
  }

  if (current === TRAY_KEY) {
    if (key === 'ArrowLeft') return null;
    const [row, column] = [layout.rowIds[0], layout.columnIds[0]];
    return row && column ? into(items, activeId, cellKey(row, column), landing) : null;
  }
  if (!position) return null;
  const columnIndex = position.column + (key === 'ArrowRight' ? 1 : -1);
  if (columnIndex < 0) return into(items, activeId, TRAY_KEY, 'end');
  const column = layout.columnIds[columnIndex];
  if (!column) return null;
  return into(items, activeId, cellKey(layout.rowIds[position.row]!, column), landing);
}
