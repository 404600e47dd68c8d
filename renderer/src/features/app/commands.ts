import i18next from 'i18next';
import { invertChanges, type ChangeSet } from '../../domain/changes';
import { DomainError } from '../../domain/errors';
import { getDb } from '../../persistence/db';
import { applyChanges } from '../../persistence/repository';
import { useAppStore } from '../../state/store';

/** The German (or English) sentence for a refused command or a failed save. */
export function describeError(error: unknown): string {
  if (error instanceof DomainError) {
    const field = error.params.field ? i18next.t(`fields.${String(error.params.field)}`) : '';
    return i18next.t(`errors.${error.code}`, { ...error.params, field });
  }
  if (error instanceof Error && error.name === 'QuotaExceededError') return i18next.t('errors.quota');
  return i18next.t('errors.saveFailed');
}

function reportFailure(error: unknown): void {
  console.error(error);
  useAppStore.getState().showToast({ tone: 'error', message: describeError(error) });
}

/**
 * Writes a command's changes and makes them one undo step.
 * Resolves false (and tells the user) when the write failed.
 */
export async function commit(changes: ChangeSet, options: { undoable?: boolean } = {}): Promise<boolean> {
  if (changes.length === 0) return true;
  try {
    await applyChanges(getDb(), changes);
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
  const store = useAppStore.getState();
  const step = store.popUndo();
  if (!step) return;
  try {
    await applyChanges(getDb(), invertChanges(step));
    store.pushRedo(step);
    store.announce(i18next.t('history.undone'));
  } catch (error) {
    store.pushUndo(step);
    reportFailure(error);
  }
}

export async function redo(): Promise<void> {
  const store = useAppStore.getState();
  const step = store.popRedo();
  if (!step) return;
  try {
    await applyChanges(getDb(), step);
    store.pushUndo(step);
    store.announce(i18next.t('history.redone'));
  } catch (error) {
    store.pushRedo(step);
    reportFailure(error);
  }
}
