import i18next from 'i18next';
import { invertChanges, type ChangeSet } from '../../domain/changes';
import { DomainError } from '../../domain/errors';
import { getDb } from '../../persistence/db';
import { applyChanges } from '../../persistence/repository';
import { useAppStore } from '../../state/store';
import { markDataChanged } from '../backup/snapshotScheduler';
import { createWriteQueue, isQuotaError } from './writeQueue';

/**
 * Where the message of a refused command is looked up, in order: the shared
 * errors, then the features that keep their own (the code may also be a full key).
 */
const ERROR_NAMESPACES = ['errors.', '', 'vision.errors.', 'ideas.errors.', 'clusters.errors.'] as const;

export function errorKey(code: string): string | null {
  for (const prefix of ERROR_NAMESPACES) {
    const key = `${prefix}${code}`;
    // Plural messages exist only as key_one, key_other.
    if (i18next.exists(key) || i18next.exists(key, { count: 2 })) return key;
  }
  return null;
}

/** The German (or English) sentence for a refused command or a failed save. */
export function describeError(error: unknown): string {
  if (error instanceof DomainError) {
    const field = error.params.field ? i18next.t(`fields.${String(error.params.field)}`) : '';
    const key = errorKey(error.code);
    if (key) return i18next.t(key, { ...error.params, field });
    console.error(`No message for the refusal "${error.code}"`);
    return i18next.t('errors.refused');
  }
  if (isQuotaError(error)) return i18next.t('errors.quota');
  return i18next.t('errors.saveFailed');
}

export function reportFailure(error: unknown): void {
  console.error(error);
  useAppStore.getState().showToast({ tone: 'error', message: describeError(error) });
}

/**
 * All saves go through one queue: when the disk is full, an edit is kept in
 * memory and retried, and later edits wait behind it (see writeQueue.ts).
 */
export const writes = createWriteQueue((changes) => applyChanges(getDb(), changes), {
  onHeld: () =>
    useAppStore.getState().showToast({
      tone: 'error',
      message: i18next.t('backup.quotaKept'),
      action: { label: i18next.t('backup.quotaRetry'), run: () => void writes.retryNow() },
    }),
  onDrained: () =>
    useAppStore.getState().showToast({ tone: 'info', message: i18next.t('backup.quotaDrained') }),
  onWritten: markDataChanged,
  schedule: (run, ms) => setTimeout(run, ms),
});

/** Saves still on their way to the undo stack; undo and redo wait for them. */
const inFlight = new Set<Promise<unknown>>();

/**
 * Registers a save that will end in an undo step (commit does this itself;
 * editors that write while typing and record the step on leaving a field call
 * it for that last write), so an undo clicked meanwhile takes back that step
 * and not the one before it.
 */
export function trackSave<T>(save: Promise<T>): Promise<T> {
  inFlight.add(save);
  const forget = () => inFlight.delete(save);
  save.then(forget, forget);
  return save;
}

async function settle(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/**
 * Writes a command's changes and makes them one undo step.
 * Resolves false (and tells the user) when the write failed; an edit kept back
 * for a full disk counts as done, since it is written as soon as there is room.
 */
export function commit(changes: ChangeSet, options: { undoable?: boolean } = {}): Promise<boolean> {
  return trackSave(commitNow(changes, options));
}

async function commitNow(changes: ChangeSet, options: { undoable?: boolean }): Promise<boolean> {
  if (changes.length === 0) return true;
  try {
    await writes.submit(changes);
  } catch (error) {
    reportFailure(error);
    return false;
  }
  if (options.undoable !== false) useAppStore.getState().recordChanges(changes);
  return true;
}

/** Plans a domain command; a refusal becomes a message (and null) instead of an exception. */
export function plan(command: () => ChangeSet): ChangeSet | null {
  try {
    return command();
  } catch (error) {
    reportFailure(error);
    return null;
  }
}

/** Plans and commits a domain command. */
export async function run(command: () => ChangeSet, options?: { undoable?: boolean }): Promise<boolean> {
  const changes = plan(command);
  return changes !== null && commit(changes, options);
}

export async function undo(): Promise<void> {
  if (useAppStore.getState().historyLocked) return;
  await settle();
  const store = useAppStore.getState();
  const step = store.popUndo();
  if (!step) return;
  try {
    await writes.submit(invertChanges(step));
    store.pushRedo(step);
    store.announce(i18next.t('history.undone'));
  } catch (error) {
    store.pushUndo(step);
    reportFailure(error);
  }
}

export async function redo(): Promise<void> {
  if (useAppStore.getState().historyLocked) return;
  await settle();
  const store = useAppStore.getState();
  const step = store.popRedo();
  if (!step) return;
  try {
    await writes.submit(step);
    store.pushUndo(step);
    store.announce(i18next.t('history.redone'));
  } catch (error) {
    store.pushRedo(step);
    reportFailure(error);
  }
}
