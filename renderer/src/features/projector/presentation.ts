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

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

// Stable snapshot functions for useSyncExternalStore.
const readBoard = () => read(KEY);
const readRound = () => read(ROUND_KEY);

/** The id under `field` in what the facilitator's window stored (`raw`), if it is of this workshop. */
function presentedId(
  raw: string | null,
  workshopId: WorkshopId,
  field: 'boardId' | 'roundId',
): string | null {
  try {
    const value = raw ? (JSON.parse(raw) as Record<string, unknown> | null) : null;
    const id = value?.workshopId === workshopId ? value[field] : null;
    return typeof id === 'string' ? id : null;
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
  return presentedId(
    useSyncExternalStore(subscribe, readRound),
    workshopId,
    'roundId',
  ) as VotingRoundId | null;
}

/** The board the facilitator has open in this workshop, or null. */
export function usePresentedBoard(workshopId: WorkshopId): BoardId | null {
  return presentedId(useSyncExternalStore(subscribe, readBoard), workshopId, 'boardId') as BoardId | null;
}
