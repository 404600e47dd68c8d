import type { BoardId, WorkshopId } from '../../domain/ids';

export type Route =
  { name: 'workshops' } | { name: 'workshop'; workshopId: WorkshopId; boardId: BoardId | null };

const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Reads the hash: `#/`, `#/w/<id>` or `#/w/<id>/b/<id>`. Anything else is the list. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'w' && parts[1] && SAFE_ID.test(parts[1])) {
    const boardId = parts[2] === 'b' && parts[3] && SAFE_ID.test(parts[3]) ? (parts[3] as BoardId) : null;
    return { name: 'workshop', workshopId: parts[1] as WorkshopId, boardId };
  }
  return { name: 'workshops' };
}

export function routeToHash(route: Route): string {
  if (route.name === 'workshops') return '#/';
  return route.boardId ? `#/w/${route.workshopId}/b/${route.boardId}` : `#/w/${route.workshopId}`;
}
