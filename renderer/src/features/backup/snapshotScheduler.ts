/**
 * When the desktop app writes automatic snapshots: SETTLE_MS after the first
 * change (so a burst of edits becomes one snapshot), then at most every
 * THROTTLE_MS while changes go on, and once more when main asks on quit.
 * The browser has no automatic snapshots (see the backup reminder instead).
 */
import { getPlatform } from '../../platform';
import { loadBackupActions } from './backupClient';

export const SETTLE_MS = 30_000;
export const THROTTLE_MS = 3 * 60_000;

let dirty = false;
let lastWrite = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

async function flush(reason: 'change' | 'quit'): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  if (!dirty) return;
  dirty = false;
  try {
    await (await loadBackupActions()).writeSnapshot(reason);
    lastWrite = Date.now();
  } catch (error) {
    // The data is safe in the database; the next change tries again.
    dirty = true;
    console.warn('Automatic snapshot failed', error);
  }
}

/** Called after every successful save. */
export function markDataChanged(): void {
  if (getPlatform().snapshots.kind !== 'files') return;
  dirty = true;
  if (timer) return;
  const wait = Math.max(SETTLE_MS, lastWrite + THROTTLE_MS - Date.now());
  timer = setTimeout(() => void flush('change'), wait);
}

/** Desktop: answers main's request for a last snapshot on quit, for as long as the page lives. */
export async function listenForSnapshotRequests(): Promise<void> {
  for (;;) {
    const request = getPlatform().snapshots.nextRequest();
    if (!request) return;
    try {
      await request;
    } catch {
      return;
    }
    await flush('quit');
  }
}
