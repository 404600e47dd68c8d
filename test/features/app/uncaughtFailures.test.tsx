// A failure no code caught is said in a toast, in the user's language, and not lost without a word.
import { act, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Toasts } from '../../../renderer/src/components/Toasts';
import { DomainError } from '../../../renderer/src/domain/errors';
import { watchUncaughtFailures } from '../../../renderer/src/features/app/uncaughtFailures';
import en from '../../../renderer/src/i18n/locales/en.json';
import { useAppStore } from '../../../renderer/src/state/store';

/** An unhandled rejection as the browser reports it (jsdom has no PromiseRejectionEvent). */
function rejection(reason: unknown): Event {
  return Object.assign(new Event('unhandledrejection'), { reason, promise: Promise.resolve() });
}

function uncaught(error: unknown, message = error instanceof Error ? error.message : String(error)): Event {
  return new ErrorEvent('error', { error, message });
}

let stop: () => void = () => undefined;
beforeEach(() => {
  useAppStore.setState({ toasts: [] });
  stop = watchUncaughtFailures(window);
});
afterEach(async () => {
  stop();
  await i18next.changeLanguage('de');
});

const messages = () => useAppStore.getState().toasts.map((t) => t.message);

describe('failures no code caught', () => {
  it('says in a toast that an action did not work and that what was saved is kept', () => {
    render(<Toasts />);
    act(() => void window.dispatchEvent(rejection(new TypeError('x is undefined'))));
    expect(
      screen.getByText(/Das hat nicht geklappt\. Alles bisher Gespeicherte ist erhalten\./),
    ).toBeTruthy();
    // An exception in an event handler (React's error boundary does not see those): the same.
    useAppStore.setState({ toasts: [] });
    act(() => void window.dispatchEvent(uncaught(new Error('boom'))));
    expect(messages()).toEqual([i18next.t('errors.unexpected')]);
  });

  it('gives a refusal its own message, and a full disk its own (also as Dexie wraps it)', () => {
    window.dispatchEvent(rejection(new DomainError('required', { field: 'title' })));
    window.dispatchEvent(rejection(new DOMException('full', 'QuotaExceededError')));
    expect(messages()).toEqual(['Bitte geben Sie einen Text für „Titel“ ein.', i18next.t('errors.quota')]);
    useAppStore.setState({ toasts: [] });
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: new DOMException('full', 'QuotaExceededError'),
    });
    window.dispatchEvent(rejection(wrapped));
    expect(messages()).toEqual([i18next.t('errors.quota')]);
    // An aborted transaction for another reason did not work either: said, not swallowed.
    window.dispatchEvent(rejection(Object.assign(new Error('Transaction aborted'), { name: 'AbortError' })));
    expect(messages()).toEqual([i18next.t('errors.quota'), i18next.t('errors.unexpected')]);
  });

  it('says nothing about Chromium’s ResizeObserver note', () => {
    window.dispatchEvent(
      uncaught(undefined, 'ResizeObserver loop completed with undelivered notifications.'),
    );
    expect(messages()).toEqual([]);
  });

  it('does not stack the same failure twice, and speaks the user’s language', async () => {
    window.dispatchEvent(rejection(new Error('a')));
    window.dispatchEvent(rejection(new Error('b')));
    expect(messages()).toHaveLength(1);
    i18next.addResourceBundle('en', 'translation', en, true, true);
    await i18next.changeLanguage('en');
    window.dispatchEvent(rejection(new Error('c')));
    expect(messages().at(-1)).toBe('That did not work. Everything saved before is kept. Please try again.');
  });

  it('stops listening when told to', () => {
    stop();
    window.dispatchEvent(rejection(new Error('late')));
    expect(messages()).toEqual([]);
  });
});
