import { useObservable } from 'dexie-react-hooks';
import type { Route } from '../features/app/router';
import type { BoardId, WorkshopId } from '../domain/ids';
import { getDb } from './db';
import { boardTouched, getWorkshop, listBoards, listWorkshops, loadBoardContent } from './repository';
import { sharedLiveQuery } from './sharedLive';

const workshopsQuery = sharedLiveQuery(
  () => 'all',
  () => listWorkshops(getDb()),
);

/** All workshops, the last changed first (those in the bin too); undefined while loading. */
export function useWorkshops() {
  return useObservable(() => workshopsQuery.observe(undefined), []);
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
  // Thousands of cards: followed by what a write touches, not key by key.
  (id, { content }, parts) => boardTouched(getDb().name, id, content, parts),
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

/** How long the first render waits for its rows at most. */
const FIRST_SCREEN_WAIT_MS = 500;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Starts reading what the first screen shows (main.tsx, once the database is
 * open), while that screen's code is still on its way. Resolves when the
 * first render should wait no longer: the workshop list (a few rows) is read
 * by then, or a board with its workshop (read from the board's kept copy, see
 * boardCache.ts, some 50 ms), or half a second has passed. The screen then
 * shows with its rows at once, in one render, instead of "Lädt …" or an empty
 * frame first.
 */
export function prefetchRoute(route: Route): Promise<void> {
  // Not for long, though: a read stuck behind another window's long write shows "Lädt …" meanwhile.
  const atMost = (reads: Promise<unknown>) =>
    Promise.race([reads.then(() => undefined), delay(FIRST_SCREEN_WAIT_MS)]);
  if (route.name === 'workshops' || route.name === 'backups')
    return atMost(workshopsQuery.prefetch(undefined));
  const workshop = workshopQuery.prefetch(route.workshopId);
  if (route.name !== 'workshop') return Promise.resolve();
  const boards = boardsQuery.prefetch(route.workshopId);
  if (!route.boardId) return Promise.resolve();
  return atMost(Promise.all([workshop, boards, boardContentQuery.prefetch(route.boardId)]));
}
