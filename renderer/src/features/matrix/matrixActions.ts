import i18next from 'i18next';
import type { ChangeSet } from '../../domain/changes';
import { DomainError } from '../../domain/errors';
import { useAppStore } from '../../state/store';
import { commit, describeError } from '../app/commands';

/**
 * The sentence for a refused matrix or facts command. Their error codes are
 * full keys in the matrix and facts namespaces ("matrix.errors.tooManyRows");
 * every other refusal reads as the app's usual errors.
 */
export function describeMatrixError(error: unknown): string {
  if (error instanceof DomainError && /^(matrix|facts)\.errors\./.test(error.code)) {
    return i18next.t(error.code, error.params);
  }
  return describeError(error);
}

export function showMatrixError(error: unknown): void {
  useAppStore.getState().showToast({ tone: 'error', message: describeMatrixError(error) });
}

/** Plans a command; a refusal becomes a message (and null) instead of an exception. */
export function planMatrix(command: () => ChangeSet): ChangeSet | null {
  try {
    return command();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    showMatrixError(error);
    return null;
  }
}

/** Plans and commits a matrix command as one undo step. */
export async function runMatrix(command: () => ChangeSet): Promise<boolean> {
  const changes = planMatrix(command);
  return changes !== null && commit(changes);
}
