import { useCallback, useEffect, useRef } from 'react';

/**
 * Rows move when they are re-sorted or vanish when deleted, and a moved DOM
 * node loses focus. `refocusAfterUpdate(selector)` puts focus back onto that
 * element once the next data arrives, but only if focus was really lost.
 */
export function useRefocus<Container extends HTMLElement>(data: unknown) {
  const container = useRef<Container>(null);
  const pending = useRef<string[] | null>(null);

  useEffect(() => {
    const selectors = pending.current;
    if (!selectors) return;
    pending.current = null;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    for (const selector of selectors) {
      const element = container.current?.querySelector<HTMLElement>(selector);
      if (element) {
        element.focus();
        return;
      }
    }
  }, [data]);

  /** The first selector that matches after the update gets focus. */
  const refocusAfterUpdate = useCallback((...selectors: string[]) => {
    pending.current = selectors;
  }, []);

  return { container, refocusAfterUpdate };
}
