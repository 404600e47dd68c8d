import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChangeSet } from '../../domain/changes';
import type { BoardContent } from '../../domain/types';
import { useAppStore } from '../../state/store';

/** How long a move dialog waits for the board to show the move before it closes anyway. */
const SHOWN_WAIT_MS = 2_000;

export interface CloseWhenShown {
  /** Closes the dialog, saying what was moved if a move was written (Cancel and Escape too). */
  close: () => void;
  /**
   * Plans the move and commits it through `runner` (the board's `run`), once: a second
   * submit while one is on its way does nothing. `announcement` is asked after the plan
   * (it may name what the plan made, e.g. a new cluster's title) and said on closing.
   * A refused or failed move leaves the dialog open; a move written after the dialog was
   * closed (Cancel during the write) is still announced.
   */
  submit: (
    runner: (command: () => ChangeSet) => Promise<boolean>,
    plan: () => ChangeSet,
    announcement: () => string,
  ) => Promise<void>;
  /** The move is written and the dialog waits for the board to show it. */
  waiting: boolean;
}

/**
 * For the dialogs that move a card ("Verschieben nach …"): the dialog closes
 * once the board has rendered the move (a new read of the board), so that it
 * gives the focus back to the card's button in its new place (see Dialog).
 * Closed at once, it gave it to the button in the old place, which the move
 * then removed; the focus fell to the page, and a screen reader heard the old
 * place first. With nothing written (the card's own place chosen) it closes at
 * once; should no new read come, after a while.
 */
export function useCloseWhenShown(content: BoardContent, onClose: () => void): CloseWhenShown {
  const [waiting, setWaiting] = useState(false);
  const submitted = useRef<BoardContent | null>(null);
  const toSay = useRef<string | null>(null);
  const closed = useRef(false);
  const onCloseRef = useRef(onClose);
  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  const close = useCallback(() => {
    if (closed.current) return;
    closed.current = true;
    const text = toSay.current;
    toSay.current = null;
    if (text) useAppStore.getState().announce(text);
    onCloseRef.current();
  }, []);

  useEffect(() => {
    if (!waiting) return;
    if (content !== submitted.current) {
      close();
      return;
    }
    const timer = setTimeout(close, SHOWN_WAIT_MS);
    return () => clearTimeout(timer);
  }, [waiting, content, close]);

  const submit = async (
    runner: (command: () => ChangeSet) => Promise<boolean>,
    plan: () => ChangeSet,
    announcement: () => string,
  ) => {
    if (submitted.current || closed.current) return;
    submitted.current = content;
    // Nothing to write (the card's own place chosen): no new read will come.
    let wrote = false;
    let ok = false;
    try {
      ok = await runner(() => {
        const changes = plan();
        wrote = changes.length > 0;
        return changes;
      });
    } finally {
      // Refused, failed or thrown: the dialog stays, ready for another try.
      if (!ok) submitted.current = null;
    }
    if (!ok) return;
    const text = announcement();
    if (closed.current) {
      // Closed (Cancel, Escape) while the move was being written: it is written all the same.
      useAppStore.getState().announce(text);
      return;
    }
    toSay.current = text;
    if (wrote) setWaiting(true);
    else close();
  };

  return { close, submit, waiting };
}
