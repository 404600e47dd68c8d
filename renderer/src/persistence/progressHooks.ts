import { useLiveQuery } from 'dexie-react-hooks';
import type { BoardId, WorkshopId } from '../domain/ids';
import type { BoardKind } from '../domain/types';
import { getDb } from './db';

/** What a board holds, by its kind: cards, and columns, rows, clusters, focus areas or project ideas. */
export interface BoardProgress {
  kind: BoardKind;
  notes: number;
  columns: number;
  rows: number;
  clusters: number;
  focusAreas: number;
  ideas: number;
}

export interface WorkshopProgress {
  boards: Map<BoardId, BoardProgress>;
  participants: number;
  decisions: number;
  openActions: number;
  agendaItems: number;
  agendaStarted: number;
}

/** Counts for the phase overview; one read transaction over the workshop's tables. */
export function useWorkshopProgress(workshopId: WorkshopId): WorkshopProgress | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    return db.transaction(
      'r',
      [
        db.boards,
        db.columns,
        db.matrixRows,
        db.clusters,
        db.ideas,
        db.notes,
        db.participants,
        db.decisions,
        db.actionItems,
        db.agendaItems,
      ],
      async () => {
        const boards = await db.boards.where('workshopId').equals(workshopId).toArray();
        const perBoard = new Map<BoardId, BoardProgress>();
        await Promise.all(
          boards.map(async (board) => {
            const [notes, columns, rows, clusters, ideas] = await Promise.all([
              db.notes.where('boardId').equals(board.id).count(),
              db.columns.where('boardId').equals(board.id).count(),
              db.matrixRows.where('boardId').equals(board.id).count(),
              db.clusters.where('boardId').equals(board.id).toArray(),
              db.ideas.where('boardId').equals(board.id).count(),
            ]);
            perBoard.set(board.id, {
              kind: board.kind,
              notes,
              columns,
              rows,
              clusters: clusters.length,
              focusAreas: clusters.filter((c) => c.focusAreaAt !== null).length,
              ideas,
            });
          }),
        );
        const [participants, decisions, actions, agenda] = await Promise.all([
          db.participants.where('workshopId').equals(workshopId).count(),
          db.decisions.where('workshopId').equals(workshopId).count(),
          db.actionItems.where('workshopId').equals(workshopId).toArray(),
          db.agendaItems.where('workshopId').equals(workshopId).toArray(),
        ]);
        return {
          boards: perBoard,
          participants,
          decisions,
          openActions: actions.filter((a) => a.status !== 'done').length,
          agendaItems: agenda.length,
          agendaStarted: agenda.filter((i) => i.elapsedMs > 0 || i.runningSince !== null).length,
        };
      },
    );
  }, [workshopId]);
}
