import { useLiveQuery, useObservable } from 'dexie-react-hooks';
import type { Route } from '../features/app/router';
import type { BoardId, WorkshopId } from '../domain/ids';
import { getDb } from './db';
import { getWorkshop, listBoards, listWorkshops, loadBoardContent } from './repository';
import { sharedLiveQuery } from './sharedLive';

export function useWorkshops() {
  return useLiveQuery(() => listWorkshops(getDb()), []);
}

const workshopQuery = sharedLiveQuery(
  (id: WorkshopId) => id,
  async (id: WorkshopId) => ({ workshop: await getWorkshop(getDb(), id) }),
);
const boardsQuery = sharedLiveQuery(
  (id: WorkshopId) => id,
  (id: WorkshopId) => listBoards(getDb(), id),
);
const boardContentQuery = sharedLiveQuery(
  (id: BoardId) => id,
  async (id: BoardId) => ({ content: await loadBoardContent(getDb(), id) }),
);

/** `null` while loading is told apart from `undefined` (not found) by the caller through `loaded`. */
export function useWorkshop(id: WorkshopId) {
  return useObservable(() => workshopQuery.observe(id), [id]);
}

export function useBoards(workshopId: WorkshopId) {
  return useObservable(() => boardsQuery.observe(workshopId), [workshopId]);
}

export function useBoardContent(boardId: BoardId) {
  return useObservable(() => boardContentQuery.observe(boardId), [boardId]);
}

/**
 * Starts reading what the first screen shows (main.tsx, once the database is
 * open), while that screen's code is still on its way.
 */
export function prefetchRoute(route: Route): void {
  if (route.name !== 'workshop' && route.name !== 'projector') return;
  workshopQuery.prefetch(route.workshopId);
  if (route.name !== 'workshop') return;
  boardsQuery.prefetch(route.workshopId);
  if (route.boardId) boardContentQuery.prefetch(route.boardId);
}
