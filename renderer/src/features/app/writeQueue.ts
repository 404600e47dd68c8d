/**
 * Saves that failed because the disk or the browser quota is full are not
 * dropped: they wait here, in order, and are retried until they succeed. Every
 * later save queues behind them, so the database never sees the edits out of order.
 */
import type { ChangeSet } from '../../domain/changes';

/** A full disk reaches us as QuotaExceededError, often wrapped by Dexie (AbortError with `inner`). */
export function isQuotaError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if ((current as { name?: unknown }).name === 'QuotaExceededError') return true;
    current = (current as { inner?: unknown }).inner;
  }
  return false;
}

export type SubmitOutcome = 'written' | 'kept';

export interface WriteQueueHooks {
  /** The first save was kept back; the user should hear why. */
  onHeld(error: unknown): void;
  /** Everything that was held is written now. */
  onDrained(): void;
  /** Something was written (for the automatic snapshots). */
  onWritten(): void;
  schedule(run: () => void, ms: number): unknown;
}

export const RETRY_MS = 30_000;

export function createWriteQueue(write: (changes: ChangeSet) => Promise<void>, hooks: WriteQueueHooks) {
  const held: ChangeSet[] = [];
  let retrying = false;
  let flushing: Promise<void> | null = null;

  function scheduleRetry(): void {
    if (retrying) return;
    retrying = true;
    hooks.schedule(() => {
      retrying = false;
      void flush();
    }, RETRY_MS);
  }

  /** Writes the held saves in order; stops at the first that still fails. */
  function flush(): Promise<void> {
    flushing ??= (async () => {
      try {
        while (held.length > 0) {
          try {
            await write(held[0]!);
          } catch (error) {
            if (!isQuotaError(error)) console.error(error);
            scheduleRetry();
            return;
          }
          held.shift();
          hooks.onWritten();
        }
        hooks.onDrained();
      } finally {
        flushing = null;
      }
    })();
    return flushing;
  }

  return {
    /** Resolves 'written', or 'kept' when the save waits for space; rejects on any other failure. */
    async submit(changes: ChangeSet): Promise<SubmitOutcome> {
      if (held.length > 0) {
        held.push(changes);
        void flush();
        return 'kept';
      }
      try {
        await write(changes);
      } catch (error) {
        if (!isQuotaError(error)) throw error;
        held.push(changes);
        hooks.onHeld(error);
        scheduleRetry();
        return 'kept';
      }
      hooks.onWritten();
      return 'written';
    },
    /** "Erneut versuchen": try now instead of waiting for the timer. */
    retryNow: () => flush(),
    /** Kept-back saves, oldest first (an export applies them on top of the database). */
    held: (): readonly ChangeSet[] => held,
  };
}
