import type { BoardId, WorkshopId } from '../../domain/ids';

/** The parts of an open workshop, each with its own address. */
export const WORKSHOP_SECTIONS = [
  'overview',
  'agenda',
  'participants',
  'voting',
  'decisions',
  'board',
] as const;
export type WorkshopSection = (typeof WORKSHOP_SECTIONS)[number];

export type Route =
  | { name: 'workshops' }
  | { name: 'backups' }
  | { name: 'workshop'; workshopId: WorkshopId; section: WorkshopSection; boardId: BoardId | null }
  | { name: 'projector'; workshopId: WorkshopId };

const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;
const PAGE_SECTIONS = new Set<string>(['agenda', 'participants', 'voting', 'decisions']);

/**
 * Reads the hash: `#/`, `#/w/<id>` (overview), `#/w/<id>/b/<board>`,
 * `#/w/<id>/agenda|participants|voting|decisions`, `#/projector/<id>`, `#/backups`.
 * Anything else is the list.
 */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts.length === 1 && parts[0] === 'backups') return { name: 'backups' };
  const id = parts[1];
  if (!id || !SAFE_ID.test(id)) return { name: 'workshops' };
  const workshopId = id as WorkshopId;
  if (parts[0] === 'projector') return { name: 'projector', workshopId };
  if (parts[0] !== 'w') return { name: 'workshops' };
  if (parts[2] === 'b' && parts[3] && SAFE_ID.test(parts[3])) {
    return { name: 'workshop', workshopId, section: 'board', boardId: parts[3] as BoardId };
  }
  if (parts[2] && PAGE_SECTIONS.has(parts[2])) {
    return { name: 'workshop', workshopId, section: parts[2] as WorkshopSection, boardId: null };
  }
  return { name: 'workshop', workshopId, section: 'overview', boardId: null };
}

export function routeToHash(route: Route): string {
  if (route.name === 'workshops') return '#/';
  if (route.name === 'backups') return '#/backups';
  if (route.name === 'projector') return `#/projector/${route.workshopId}`;
  if (route.section === 'board' && route.boardId) return `#/w/${route.workshopId}/b/${route.boardId}`;
  if (route.section === 'overview' || route.section === 'board') return `#/w/${route.workshopId}`;
  return `#/w/${route.workshopId}/${route.section}`;
}

/** Shorthands for links and navigation. */
export const workshopRoute = (workshopId: WorkshopId, section: WorkshopSection = 'overview'): Route => ({
  name: 'workshop',
  workshopId,
  section,
  boardId: null,
});

export const boardRoute = (workshopId: WorkshopId, boardId: BoardId): Route => ({
  name: 'workshop',
  workshopId,
  section: 'board',
  boardId,
});
