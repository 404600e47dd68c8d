import { useLiveQuery } from 'dexie-react-hooks';
import type { BoardId, WorkshopId } from '../domain/ids';
import { getDb } from './db';

export interface WorkshopProgress {
  boards: Map<BoardId, { notes: number; columns: number }>;
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
      [db.boards, db.columns, db.notes, db.participants, db.decisions, db.actionItems, db.agendaItems],
      async () => {
        const boards = await db.boards.where('workshopId').equals(workshopId).toArray();
        const perBoard = new Map<BoardId, { notes: number; columns: number }>();
        await Promise.all(
          boards.map(async (board) => {
            const [notes, columns] = await Promise.all([
              db.notes.where('boardId').equals(board.id).count(),
              db.columns.where('boardId').equals(board.id).count(),
            ]);
            perBoard.set(board.id, { notes, columns });
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
