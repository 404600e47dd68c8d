import { useLiveQuery } from 'dexie-react-hooks';
import type { BoardId, ClusterId, NoteId, WorkshopId } from '../domain/ids';
import { byRank } from '../domain/ordering';
import type { Board, Idea, Note } from '../domain/types';
import { getDb } from './db';
import { rowsWhereAnyOf } from './queries';

const NO_IDEAS: Idea[] = [];

/** The project ideas that hang off the given clusters (focus areas), for merging, dissolving or deleting them. */
export function useIdeasOfClusters(clusterIds: readonly ClusterId[]): Idea[] {
  const key = [...clusterIds].sort().join('|');
  const ideas = useLiveQuery(
    () => (key === '' ? NO_IDEAS : getDb().ideas.where('focusAreaId').anyOf(key.split('|')).toArray()),
    [key],
  );
  return ideas ?? NO_IDEAS;
}

/** A board of the same workshop with its cards, to bring cards in from. */
export interface SourceBoard {
  board: Board;
  notes: Note[];
}

/** The other boards of a workshop that hold cards (vision, inventory …), in board order, with their cards. */
export function useSourceBoards(workshopId: WorkshopId, exceptBoardId: BoardId): SourceBoard[] | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const boards = (await db.boards.where('workshopId').equals(workshopId).toArray())
      .filter((b) => b.id !== exceptBoardId && b.kind !== 'canvases')
      .sort(byRank);
    const notes = await rowsWhereAnyOf(
      db.notes,
      'boardId',
      boards.map((b) => b.id),
    );
    return boards
      .map((board) => ({ board, notes: notes.filter((n) => n.boardId === board.id).sort(byRank) }))
      .filter((entry) => entry.notes.length > 0);
  }, [workshopId, exceptBoardId]);
}

const NO_ORIGINS: ReadonlyMap<NoteId, string> = new Map();

/** Original card id → the title of the board it is on, for the "übernommen aus" hint of copies. */
export function useCardOrigins(sourceNoteIds: readonly NoteId[]): ReadonlyMap<NoteId, string> {
  const key = [...new Set(sourceNoteIds)].sort().join('|');
  const origins = useLiveQuery(async () => {
    if (key === '') return NO_ORIGINS;
    const db = getDb();
    const originals = (await db.notes.bulkGet(key.split('|') as NoteId[])).filter((n): n is Note => !!n);
    const boards = await db.boards.bulkGet([...new Set(originals.map((n) => n.boardId))]);
    const titles = new Map(boards.filter((b): b is Board => !!b).map((b) => [b.id, b.title]));
    return new Map(originals.map((n) => [n.id, titles.get(n.boardId) ?? '']));
  }, [key]);
  return origins ?? NO_ORIGINS;
}
