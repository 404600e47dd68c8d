import type { Change } from './changes';
import type { Board, Column, Note, Workshop } from './types';

/** Deletes a workshop for good, with everything on its boards. */
export function purgeWorkshop(
  workshop: Workshop,
  boards: readonly Board[],
  columns: readonly Column[],
  notes: readonly Note[],
): Change[] {
  return [
    ...notes.map((before): Change => ({ table: 'notes', before })),
    ...columns.map((before): Change => ({ table: 'columns', before })),
    ...boards.map((before): Change => ({ table: 'boards', before })),
    { table: 'workshops', before: workshop },
  ];
}
