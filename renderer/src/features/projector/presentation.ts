import { useEffect, useSyncExternalStore } from 'react';
import type { BoardId, WorkshopId } from '../../domain/ids';

/**
 * What the facilitator shows, for the projector window to follow. Both windows
 * share the origin, so localStorage and its `storage` event carry it across
 * (also between Electron windows) without any network.
 */
const KEY = 'moderato.presentation';

interface Presentation {
  workshopId: string;
  boardId: string | null;
}

export function usePresentation(workshopId: WorkshopId, boardId: BoardId | null): void {
  useEffect(() => {
    try {
      localStorage.setItem(KEY, JSON.stringify({ workshopId, boardId } satisfies Presentation));
    } catch {
      // Without storage the projector simply keeps showing what it showed.
    }
  }, [workshopId, boardId]);
}

function subscribe(onChange: () => void) {
  const listener = (event: StorageEvent) => {
    if (event.key === KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The board the facilitator has open in this workshop, or null. */
export function usePresentedBoard(workshopId: WorkshopId): BoardId | null {
  const raw = useSyncExternalStore(subscribe, read);
  try {
    const value = raw ? (JSON.parse(raw) as Presentation) : null;
    return value?.workshopId === workshopId && typeof value.boardId === 'string'
      ? (value.boardId as BoardId)
      : null;
  } catch {
    return null;
  }
}
