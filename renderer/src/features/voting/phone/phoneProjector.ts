import { useSyncExternalStore } from 'react';

/**
 * Whether the projector shows the QR code and join code of the round open to
 * phones. Like the presented board (projector/presentation.ts) it travels
 * between the windows of this origin in localStorage: only a round id, the
 * projector asks the host for the session itself.
 */
const KEY = 'moderato.phoneProjector';

const sameWindow = new Set<() => void>();

function write(value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, value);
  } catch {
    // Without storage the projector keeps showing the board.
  }
  // The storage event reaches only the other windows.
  for (const listener of sameWindow) listener();
}

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key === KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', listener);
  sameWindow.add(onChange);
  return () => {
    window.removeEventListener('storage', listener);
    sameWindow.delete(onChange);
  };
}

export function showOnProjector(roundId: string): void {
  write(roundId);
}

/** Takes the join code off the projector; with a round id, only when it is that round's. */
export function hideFromProjector(roundId?: string): void {
  if (roundId === undefined || read() === roundId) write(null);
}

/** The round whose join code the projector shows, or null. */
export function useProjectedPhoneRound(): string | null {
  return useSyncExternalStore(subscribe, read);
}
