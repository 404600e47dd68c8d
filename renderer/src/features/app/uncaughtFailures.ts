import i18next from 'i18next';
import { DomainError } from '../../domain/errors';
import { useAppStore } from '../../state/store';
import { describeError } from './commands';
import { isQuotaError } from './writeQueue';

/** What the user is told about a failure no code caught. */
export function uncaughtMessage(error: unknown): string {
  // A refusal or a full disk (also wrapped by Dexie) has its own sentence; anything else did
  // not work, and saved nothing.
  if (error instanceof DomainError || isQuotaError(error)) return describeError(error);
  return i18next.t('errors.unexpected');
}

/** Not a failure: Chromium's note that a ResizeObserver's callback changed the layout again. */
function ignored(message: string): boolean {
  return /ResizeObserver loop/.test(message);
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
    if (ignored(message)) return;
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
