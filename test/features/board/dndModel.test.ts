import { describe, expect, it } from 'vitest';
import type { ColumnId, NoteId } from '../../../renderer/src/domain/ids';
import {
  columnOf,
  dropPlacement,
  keyboardTarget,
  moveAcross,
} from '../../../renderer/src/features/board/dndModel';
import type { DragPreview } from '../../../renderer/src/state/dragSlice';

const A = 'A' as ColumnId;
const B = 'B' as ColumnId;
const C = 'C' as ColumnId;
const n = (id: string) => id as NoteId;
const items = (): DragPreview => ({ [A]: [n('a1'), n('a2'), n('a3')], [B]: [n('b1'), n('b2')], [C]: [] });

describe('drag preview model', () => {
  it('finds the column of a note or of a column id', () => {
    expect(columnOf(items(), 'a2')).toBe(A);
    expect(columnOf(items(), 'C')).toBe(C);
    expect(columnOf(items(), 'nope')).toBeNull();
  });

  it('moves a note into another column before or after the note it is over, or to the end', () => {
    expect(moveAcross(items(), n('a1'), 'b1', false)).toMatchObject({
      [A]: ['a2', 'a3'],
      [B]: ['a1', 'b1', 'b2'],
    });
    expect(moveAcross(items(), n('a1'), 'b1', true)).toMatchObject({ [B]: ['b1', 'a1', 'b2'] });
    expect(moveAcross(items(), n('a1'), 'C', false)).toMatchObject({ [C]: ['a1'] });
    expect(moveAcross(items(), n('a1'), 'a3', false)).toBeNull();
  });

  it('drops within a column at the place of the note it is over', () => {
    expect(dropPlacement(items(), n('a1'), 'a3')).toEqual({ columnId: A, index: 2 });
    expect(dropPlacement(items(), n('a3'), 'a1')).toEqual({ columnId: A, index: 0 });
    expect(dropPlacement(items(), n('a2'), 'a2')).toEqual({ columnId: A, index: 1 });
    expect(dropPlacement(items(), n('a2'), null)).toBeNull();
  });

  it('drops where the preview put a note that crossed columns', () => {
    const preview = moveAcross(items(), n('a1'), 'b2', false)!;
    expect(dropPlacement(preview, n('a1'), 'a1')).toEqual({ columnId: B, index: 1 });
  });
});

describe('keyboard targets', () => {
  const order = [A, B, C];
  it('steps up and down from where the note would land', () => {
    expect(keyboardTarget(items(), order, n('a1'), 'a1', 'ArrowDown')).toEqual({ kind: 'note', id: 'a2' });
    expect(keyboardTarget(items(), order, n('a1'), 'a2', 'ArrowDown')).toEqual({ kind: 'note', id: 'a3' });
    expect(keyboardTarget(items(), order, n('a1'), 'a3', 'ArrowDown')).toBeNull();
    expect(keyboardTarget(items(), order, n('a1'), 'a1', 'ArrowUp')).toBeNull();
  });

  it('jumps to the neighbouring column at the same position, or its end, or an empty column', () => {
    expect(keyboardTarget(items(), order, n('a1'), 'a1', 'ArrowRight')).toEqual({ kind: 'note', id: 'b1' });
    expect(keyboardTarget(items(), order, n('a3'), 'a3', 'ArrowRight')).toEqual({
      kind: 'columnEnd',
      columnId: B,
    });
    expect(keyboardTarget(items(), order, n('b1'), 'b1', 'ArrowRight')).toEqual({
      kind: 'columnEnd',
      columnId: C,
    });
    expect(keyboardTarget(items(), order, n('a1'), 'a1', 'ArrowLeft')).toBeNull();
  });
});
