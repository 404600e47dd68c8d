import i18next from 'i18next';
import { DomainError } from '../../domain/errors';
import { useAppStore } from '../../state/store';
import { describeError } from './commands';

/** An error's name (a DOMException's too, which is not an Error everywhere). */
function nameOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
}

/** What the user is told about a failure no code caught. */
export function uncaughtMessage(error: unknown): string {
  // A refusal or a full disk has its own sentence; anything else did not work, and saved nothing.
  if (error instanceof DomainError) return describeError(error);
  if (nameOf(error) === 'QuotaExceededError') return i18next.t('errors.quota');
  return i18next.t('errors.unexpected');
}

/** Not a failure: a choice the user cancelled (a file dialog), or Chromium's note on a ResizeObserver. */
function ignored(error: unknown, message: string): boolean {
  return nameOf(error) === 'AbortError' || /ResizeObserver loop/.test(message);
}

/**
 * A failure that no code caught (a promise rejected without a handler, an
 * exception in an event handler, which React's error boundary does not see)
 * would pass unseen: a click, and nothing happens. A toast says it instead,
 * in the user's language. Saves report their own failures (reportFailure),
 * so this one says only that the action did not work and that what was saved
 * is kept. The events are left as they are: the console, and the end-to-end
 * tests' check for page errors, still see them.
 */
export function watchUncaughtFailures(target: Window = window): () => void {
  const say = (error: unknown, message = '') => {
    if (ignored(error, message)) return;
    const text = uncaughtMessage(error);
    const { toasts, showToast } = useAppStore.getState();
    // The same failure again (a repeated click) does not stack up the same toast.
    if (toasts.at(-1)?.message !== text) showToast({ tone: 'error', message: text });
  };
  const onRejection = (event: PromiseRejectionEvent) => say(event.reason);
  const onError = (event: ErrorEvent) => say(event.error, event.message);
  target.addEventListener('unhandledrejection', onRejection);
  target.addEventListener('error', onError);
  return () => {
    target.removeEventListener('unhandledrejection', onRejection);
    target.removeEventListener('error', onError);
  };
}
