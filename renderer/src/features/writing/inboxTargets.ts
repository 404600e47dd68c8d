/**
 * Where accepted inbox cards go ("Ziel:"), as options of one select: the
 * columns of a columns board, the cells and the tray of a matrix, the
 * clusters and the pool of a clusters board. The last choice is remembered
 * per board for as long as the window is open.
 */
import i18next from 'i18next';
import type { BoardId } from '../../domain/ids';
import type { BoardContent } from '../../domain/types';
import type { InboxTarget } from '../../domain/writing';

export interface TargetOption {
  /** Stable key for the select, e.g. "column:<id>", "cell:<row>:<column>", "cluster:" (the pool). */
  key: string;
  /** What the facilitator reads, e.g. "Ideen" or "Verwaltung / Heute". */
  label: string;
  target: InboxTarget;
}

export function targetKey(target: InboxTarget): string {
  switch (target.kind) {
    case 'column':
      return `column:${target.columnId}`;
    case 'cell':
      return `cell:${target.rowId ?? ''}:${target.columnId ?? ''}`;
    case 'cluster':
      return `cluster:${target.clusterId ?? ''}`;
  }
}

/** Every place of the board a card can be accepted into, in the board's order. */
export function targetOptions(content: BoardContent): TargetOption[] {
  const option = (target: InboxTarget, label: string): TargetOption => ({
    key: targetKey(target),
    label,
    target,
  });
  switch (content.board.kind) {
    case 'columns':
      return content.columns.map((c) => option({ kind: 'column', columnId: c.id }, c.title));
    case 'matrix': {
      const cells: TargetOption[] = [
        option({ kind: 'cell', rowId: null, columnId: null }, i18next.t('matrix.trayTitle')),
      ];
      for (const row of content.rows)
        for (const column of content.columns)
          cells.push(
            option(
              { kind: 'cell', rowId: row.id, columnId: column.id },
              i18next.t('writing.target.cell', { row: row.title, column: column.title }),
            ),
          );
      return cells;
    }
    case 'clusters':
      return [
        option({ kind: 'cluster', clusterId: null }, i18next.t('clusters.pool')),
        ...content.clusters.map((c) => option({ kind: 'cluster', clusterId: c.id }, c.title)),
      ];
    default:
      return [];
  }
}

const remembered = new Map<BoardId, string>();

/** The chosen target if it still exists, else the remembered one, else the first place. */
export function pickTarget(
  options: readonly TargetOption[],
  boardId: BoardId,
  chosen: string | null,
): TargetOption | undefined {
  const find = (key: string | null | undefined) => (key ? options.find((o) => o.key === key) : undefined);
  return find(chosen) ?? find(remembered.get(boardId)) ?? options[0];
}

export function rememberTarget(boardId: BoardId, key: string): void {
  remembered.set(boardId, key);
}

/** For tests: a fresh window. */
export function forgetTargets(): void {
  remembered.clear();
}
