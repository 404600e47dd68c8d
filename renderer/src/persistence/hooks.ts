import { useLiveQuery } from 'dexie-react-hooks';
import type { BoardId, WorkshopId } from '../domain/ids';
import { getDb } from './db';
import { getWorkshop, listBoards, listWorkshops, loadBoardContent } from './repository';

export function useWorkshops() {
  return useLiveQuery(() => listWorkshops(getDb()), []);
}

/** `null` while loading is told apart from `undefined` (not found) by the caller through `loaded`. */
export function useWorkshop(id: WorkshopId) {
  return useLiveQuery(async () => ({ workshop: await getWorkshop(getDb(), id) }), [id]);
}

export function useBoards(workshopId: WorkshopId) {
  return useLiveQuery(() => listBoards(getDb(), workshopId), [workshopId]);
}

export function useBoardContent(boardId: BoardId) {
  return useLiveQuery(async () => ({ content: await loadBoardContent(getDb(), boardId) }), [boardId]);
}
