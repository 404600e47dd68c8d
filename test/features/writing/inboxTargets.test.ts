import { beforeEach, describe, expect, it } from 'vitest';
import type { BoardId, ClusterId, ColumnId, RowId, WorkshopId } from '../../../renderer/src/domain/ids';
import type { Board, BoardContent, Cluster, Column, MatrixRow } from '../../../renderer/src/domain/types';
import {
  forgetTargets,
  pickTarget,
  rememberTarget,
  targetOptions,
} from '../../../renderer/src/features/writing/inboxTargets';
import { changeLanguage } from '../../../renderer/src/i18n';

const board = (kind: Board['kind']): Board => ({
  id: `b-${kind}` as BoardId,
  workshopId: 'w1' as WorkshopId,
  title: kind,
  phase: null,
  kind,
  rank: 'a0',
  createdAt: 1,
});
const column = (id: string, title: string): Column =>
  ({ id: id as ColumnId, boardId: 'b' as BoardId, title, rank: id }) as Column;
const row = (id: string, title: string): MatrixRow =>
  ({ id: id as RowId, boardId: 'b' as BoardId, title, rank: id }) as MatrixRow;
const cluster = (id: string, title: string): Cluster =>
  ({ id: id as ClusterId, boardId: 'b' as BoardId, title, rank: id }) as Cluster;
const content = (kind: Board['kind'], parts: Partial<BoardContent>): BoardContent => ({
  board: board(kind),
  columns: [],
  rows: [],
  clusters: [],
  notes: [],
  ...parts,
});

beforeEach(async () => {
  await changeLanguage('de');
  forgetTargets();
});

describe('the accept target picker', () => {
  it('lists the columns of a columns board', () => {
    const options = targetOptions(
      content('columns', { columns: [column('c1', 'Ideen'), column('c2', 'Fragen')] }),
    );
    expect(options.map((o) => o.label)).toEqual(['Ideen', 'Fragen']);
    expect(options[1]!.target).toEqual({ kind: 'column', columnId: 'c2' });
  });

  it('lists the tray and every cell of a matrix, row by row', () => {
    const options = targetOptions(
      content('matrix', {
        rows: [row('r1', 'Personal'), row('r2', 'Technik')],
        columns: [column('c1', 'Heute'), column('c2', 'Morgen')],
      }),
    );
    expect(options.map((o) => o.label)).toEqual([
      'Noch nicht eingeordnet',
      'Personal / Heute',
      'Personal / Morgen',
      'Technik / Heute',
      'Technik / Morgen',
    ]);
    expect(options[0]!.target).toEqual({ kind: 'cell', rowId: null, columnId: null });
    expect(options[4]!.target).toEqual({ kind: 'cell', rowId: 'r2', columnId: 'c2' });
  });

  it('lists the pool and the clusters of a clusters board, and nothing for canvases', () => {
    const options = targetOptions(content('clusters', { clusters: [cluster('k1', 'E-Akte')] }));
    expect(options.map((o) => [o.label, o.target])).toEqual([
      ['Noch nicht gruppiert', { kind: 'cluster', clusterId: null }],
      ['E-Akte', { kind: 'cluster', clusterId: 'k1' }],
    ]);
    expect(targetOptions(content('canvases', {}))).toEqual([]);
  });

  it('remembers the choice per board and falls back when the place is gone', () => {
    const two = content('columns', { columns: [column('c1', 'Ideen'), column('c2', 'Fragen')] });
    const options = targetOptions(two);
    expect(pickTarget(options, two.board.id, null)?.label).toBe('Ideen');
    rememberTarget(two.board.id, options[1]!.key);
    expect(pickTarget(options, two.board.id, null)?.label).toBe('Fragen');
    // Another board does not share the choice.
    expect(pickTarget(options, 'other' as BoardId, null)?.label).toBe('Ideen');
    // The remembered column was deleted: the first one is taken.
    const fewer = targetOptions(content('columns', { columns: [column('c1', 'Ideen')] }));
    expect(pickTarget(fewer, two.board.id, null)?.label).toBe('Ideen');
  });
});
