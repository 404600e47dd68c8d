import { useEffect } from 'react';
import { recordOf, rescueTarget, type FocusRecord } from './focusRescue';

/** A drag by keyboard rebuilds the card in its new place; dnd-kit gives the focus back itself. */
const dragging = () => document.querySelector('[data-drag-handle][aria-pressed="true"]') !== null;

/**
 * Keeps the keyboard focus from falling to <body> when the element holding it
 * is removed (see focusRescue.ts). It watches the DOM cheaply: each change
 * only compares two references; the search runs only when focus was lost.
 * The app's own focus handling (dialogs returning focus, composers) runs first:
 * the rescue waits a frame and acts only if the focus is still lost.
 */
export function FocusKeeper() {
  useEffect(() => {
    let last: FocusRecord | null = null;
    // The element focused before the focus went into the open dialog: the dialog returns there.
    let opener: FocusRecord | null = null;
    let scheduled = false;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    function onFocusIn(event: FocusEvent) {
      const element = event.target;
      if (!(element instanceof HTMLElement)) return;
      const inDialog = element.closest('dialog') !== null;
      if (inDialog && last && last.element.closest('dialog') === null) opener = last;
      if (!inDialog && !document.querySelector('dialog[open]')) opener = null;
      last = recordOf(element);
    }

    function lost(): FocusRecord | null {
      if (document.activeElement !== document.body && document.activeElement !== null) return null;
      if (!last || last.element.isConnected) return null;
      return last.element.closest('dialog') === null && last.path.every((p) => p.tagName !== 'DIALOG')
        ? last
        : (opener ?? last);
    }

    function rescue() {
      scheduled = false;
      const record = lost();
      if (!record || dragging()) return;
      const target = rescueTarget(record);
      target?.focus();
    }

    const observer = new MutationObserver(() => {
      if (scheduled || !lost()) return;
      scheduled = true;
      frame = requestAnimationFrame(() => {
        timer = setTimeout(rescue);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
    };
  }, []);
  return null;
}
