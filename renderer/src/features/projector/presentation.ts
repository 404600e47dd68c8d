import { useEffect, useSyncExternalStore } from 'react';
import type { BoardId, VotingRoundId, WorkshopId } from '../../domain/ids';

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
    store(KEY, { workshopId, boardId });
  }, [workshopId, boardId]);
}

/** The voting result the facilitator has on screen, if any. */
const ROUND_KEY = 'moderato.presentation.round';

interface PresentedRound {
  workshopId: string;
  roundId: string | null;
}

function store(key: string, value: Presentation | PresentedRound): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Without storage the projector simply keeps showing what it showed.
  }
}

function subscribe(onChange: () => void) {
  const listener = (event: StorageEvent) => {
    if (event.key === KEY || event.key === ROUND_KEY || event.key === null) onChange();
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

function readRound(): string | null {
  try {
    return localStorage.getItem(ROUND_KEY);
  } catch {
    return null;
  }
}

/**
 * The voting screen tells the projector which revealed result it shows (null:
 * none, e.g. while people vote on the laptop); leaving the screen takes it back.
 */
export function usePresentRound(workshopId: WorkshopId, roundId: VotingRoundId | null): void {
  useEffect(() => {
    store(ROUND_KEY, { workshopId, roundId });
    return () => store(ROUND_KEY, { workshopId, roundId: null });
  }, [workshopId, roundId]);
}

/**
 * At the start of the facilitator's window: no result is on screen yet (one left
 * over from a window that crashed on the voting screen must not show elsewhere).
 */
export function clearPresentedRound(): void {
  try {
    localStorage.removeItem(ROUND_KEY);
  } catch {
    // As above.
  }
}

/** The voting result the facilitator shows in this workshop, or null. */
export function usePresentedRound(workshopId: WorkshopId): VotingRoundId | null {
  const raw = useSyncExternalStore(subscribe, readRound);
  try {
    const value = raw ? (JSON.parse(raw) as PresentedRound) : null;
    return value?.workshopId === workshopId && typeof value.roundId === 'string'
      ? (value.roundId as VotingRoundId)
      : null;
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
