import { useSyncExternalStore } from 'react';
import type { BoardId, IdeaId, WorkshopId } from '../../domain/ids';
import { boardRoute, routeToHash } from '../app/router';

// One idea's canvas lives under its board's address: #/w/<workshop>/b/<board>/i/<idea>.
// The router reads the board part; the canvas board reads the rest, so an open
// canvas survives a reload without a route of its own.
const IDEA_SUFFIX = /\/i\/([A-Za-z0-9-]{1,64})\/?$/;

export function ideaHash(workshopId: WorkshopId, boardId: BoardId, ideaId: IdeaId): string {
  return `${routeToHash(boardRoute(workshopId, boardId))}/i/${ideaId}`;
}

export function openIdeaIdIn(hash: string): IdeaId | null {
  return (IDEA_SUFFIX.exec(hash)?.[1] as IdeaId | undefined) ?? null;
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The idea whose canvas is open on this board, from the address. */
export function useOpenIdeaId(): IdeaId | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return openIdeaIdIn(hash);
}

export function openIdea(workshopId: WorkshopId, boardId: BoardId, ideaId: IdeaId): void {
  window.location.hash = ideaHash(workshopId, boardId, ideaId);
}

export function closeIdea(workshopId: WorkshopId, boardId: BoardId): void {
  window.location.hash = routeToHash(boardRoute(workshopId, boardId));
}
