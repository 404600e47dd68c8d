import { describe, expect, it } from 'vitest';
import type { ColumnId, NoteId, RowId } from '../../../renderer/src/domain/ids';
import { TRAY_KEY } from '../../../renderer/src/domain/matrixCommands';
import {
  cellKey,
  containerOf,
  dropPlacement,
  matrixKeyboardTarget,
  moveAcross,
  type MatrixItems,
  type MatrixLayout,
} from '../../../renderer/src/features/matrix/matrixDnd';

const [r1, r2] = ['r1', 'r2'] as RowId[];
const [k1, k2, k3] = ['k1', 'k2', 'k3'] as ColumnId[];
const layout: MatrixLayout = { rowIds: [r1!, r2!], columnIds: [k1!, k2!, k3!] };
const n = (id: string) => id as NoteId;

/** Tray [a, b]; r1/k1 [c, d]; r1/k2 [e]; r2/k1 [f]; the rest empty. */
function items(): MatrixItems {
  return {
    [TRAY_KEY]: [n('a'), n('b')],
    [cellKey(r1!, k1!)]: [n('c'), n('d')],
    [cellKey(r1!, k2!)]: [n('e')],
    [cellKey(r1!, k3!)]: [],
    [cellKey(r2!, k1!)]: [n('f')],
    [cellKey(r2!, k2!)]: [],
    [cellKey(r2!, k3!)]: [],
  };
}

describe('matrix drag model', () => {
  it('finds the place of a card or a place key', () => {
    expect(containerOf(items(), 'a')).toBe(TRAY_KEY);
    expect(containerOf(items(), 'd')).toBe(cellKey(r1!, k1!));
    expect(containerOf(items(), cellKey(r2!, k3!))).toBe(cellKey(r2!, k3!));
    expect(containerOf(items(), 'zz')).toBeNull();
  });

  it('moves a card across places in the preview: before the card it is over, after it when below, at the end over the place', () => {
    const before = moveAcross(items(), n('a'), 'c', false)!;
    expect(before[TRAY_KEY]).toEqual(['b']);
    expect(before[cellKey(r1!, k1!)]).toEqual(['a', 'c', 'd']);
    expect(moveAcross(items(), n('a'), 'c', true)![cellKey(r1!, k1!)]).toEqual(['c', 'a', 'd']);
    expect(moveAcross(items(), n('e'), cellKey(r2!, k3!), false)![cellKey(r2!, k3!)]).toEqual(['e']);
    // Within one place nothing moves in the preview (the sortable list shows it).
    expect(moveAcross(items(), n('c'), 'd', false)).toBeNull();
  });

  it('drops within a place onto another card by taking its place', () => {
    expect(dropPlacement(items(), n('c'), 'd')).toEqual({ key: cellKey(r1!, k1!), index: 1 });
    expect(dropPlacement(items(), n('d'), 'c')).toEqual({ key: cellKey(r1!, k1!), index: 0 });
    expect(dropPlacement(items(), n('d'), cellKey(r1!, k1!))).toEqual({ key: cellKey(r1!, k1!), index: 1 });
    expect(dropPlacement(items(), n('d'), null)).toBeNull();
  });

  it('keyboard: up and down step through a cell and on into the cell above or below', () => {
    const all = items();
    expect(matrixKeyboardTarget(all, layout, n('c'), null, 'ArrowDown')).toEqual({ kind: 'note', id: 'd' });
    // From the last card of r1/k1 down into r2/k1, before its first card.
    expect(matrixKeyboardTarget(all, layout, n('d'), null, 'ArrowDown')).toEqual({ kind: 'note', id: 'f' });
    // From r2/k1 up into r1/k1, at its end.
    expect(matrixKeyboardTarget(all, layout, n('f'), null, 'ArrowUp')).toEqual({
      kind: 'place',
      key: cellKey(r1!, k1!),
    });
    // The top row has nothing above; the tray has no cell above or below.
    expect(matrixKeyboardTarget(all, layout, n('c'), null, 'ArrowUp')).toBeNull();
    expect(matrixKeyboardTarget(all, layout, n('b'), null, 'ArrowDown')).toBeNull();
    expect(matrixKeyboardTarget(all, layout, n('a'), null, 'ArrowDown')).toEqual({ kind: 'note', id: 'b' });
  });

  it('keyboard: left and right go to the neighbouring cell; left of the first column is the tray', () => {
    const all = items();
    expect(matrixKeyboardTarget(all, layout, n('d'), null, 'ArrowRight')).toEqual({
      kind: 'place',
      key: cellKey(r1!, k2!),
    });
    expect(matrixKeyboardTarget(all, layout, n('c'), null, 'ArrowRight')).toEqual({ kind: 'note', id: 'e' });
    expect(matrixKeyboardTarget(all, layout, n('c'), null, 'ArrowLeft')).toEqual({
      kind: 'place',
      key: TRAY_KEY,
    });
    expect(matrixKeyboardTarget(all, layout, n('e'), null, 'ArrowRight')).toEqual({
      kind: 'place',
      key: cellKey(r1!, k3!),
    });
    const last = { ...all, [cellKey(r1!, k3!)]: [n('x')] };
    expect(matrixKeyboardTarget(last, layout, n('x'), null, 'ArrowRight')).toBeNull();
    // Right of the tray is the first cell; left of it is nothing.
    expect(matrixKeyboardTarget(all, layout, n('a'), null, 'ArrowRight')).toEqual({ kind: 'note', id: 'c' });
    expect(matrixKeyboardTarget(all, layout, n('a'), null, 'ArrowLeft')).toBeNull();
  });

  it('keyboard: steps count from where the card would land now', () => {
    // Over d (the card would take d's place), one more down leaves the cell.
    expect(matrixKeyboardTarget(items(), layout, n('c'), 'd', 'ArrowDown')).toEqual({
      kind: 'note',
      id: 'f',
    });
    expect(matrixKeyboardTarget(items(), layout, n('c'), 'd', 'ArrowUp')).toEqual({ kind: 'note', id: 'c' });
  });

  it('keyboard: a matrix without cells only has the tray', () => {
    const empty: MatrixLayout = { rowIds: [], columnIds: [] };
    const trayOnly: MatrixItems = { [TRAY_KEY]: [n('a'), n('b')] };
    expect(matrixKeyboardTarget(trayOnly, empty, n('a'), null, 'ArrowRight')).toBeNull();
    expect(matrixKeyboardTarget(trayOnly, empty, n('b'), null, 'ArrowUp')).toEqual({ kind: 'note', id: 'a' });
  });
});
