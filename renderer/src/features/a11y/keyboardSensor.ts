import {
  KeyboardCode,
  KeyboardSensor as DndKeyboardSensor,
  type KeyboardSensorProps,
  type SensorContext,
} from '@dnd-kit/core';
import { useEffect } from 'react';

/** dnd-kit's own defaults (not exported): keys that drop, cancel, and (ours) arrows that move. */
const DEFAULT_CODES = {
  cancel: [KeyboardCode.Esc] as string[],
  end: [KeyboardCode.Space, KeyboardCode.Enter, KeyboardCode.Tab] as string[],
};
const ARROWS: ReadonlySet<string> = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/** About half a second: past that a key is handed on as dnd-kit would have (and may do nothing). */
export const MAX_WAIT_FRAMES = 30;

/** What dnd-kit's sensor keeps private, and this one needs to wrap. */
interface Internals {
  handleKeyDown: (event: Event) => void;
  handleCancel: (event: Event) => void;
  detach: () => void;
}

/** The keyboard drags under way (one at most: the focus is in one place). */
interface Running {
  cancel: () => void;
  /** Whether its board is still in the page (any of its drop targets). */
  inPage: () => boolean;
}
const running = new Set<Running>();

/**
 * Cancels a keyboard drag whose board goes away, as Escape would: the card stays
 * where it was, and nothing is written. dnd-kit leaves its sensor listening when
 * its DndContext unmounts (a click on a link while a card is lifted): the next
 * screen's first Escape, Space, Enter or Tab went to the forgotten drag, so a
 * dialog did not close and a button did not press, and the drag's preview stayed
 * in the store for the board's return.
 */
export function useEndKeyboardDragOnUnmount(): void {
  useEffect(
    () => () => {
      // Only the drags of boards that went: React has detached their nodes by now.
      for (const drag of [...running]) if (!drag.inPage()) drag.cancel();
    },
    [],
  );
}

/** Whether a keyboard drag is under way. */
export function keyboardDragRunning(): boolean {
  return running.size > 0;
}

/** A keyboard drag can place the card only once dnd-kit has measured it and its targets. */
export function measured(context: SensorContext): boolean {
  return context.collisionRect !== null && context.droppableRects.size > 0;
}

/**
 * dnd-kit's KeyboardSensor, without losing keys pressed right after a pick-up.
 *
 * dnd-kit starts listening for keys only a timeout after Space picked the card up,
 * and until it has measured the card and the places it can go, its coordinate
 * getters have nothing to aim at. An arrow pressed in that moment (a quick
 * keyboard user, a screen reader's key echo, a busy laptop) was ignored: no move,
 * no announcement, and the next Space dropped the card where it was. Here every
 * key of the drag is heard from the start; drag keys that come too early wait,
 * in order, and are handed to dnd-kit one per frame once it has measured, so each
 * step sees where the one before it put the card.
 */
export class KeyboardSensor extends DndKeyboardSensor {
  constructor(props: KeyboardSensorProps) {
    // A step that leaves the screen scrolls at once, not smoothly: while a smooth scroll ran,
    // dnd-kit worked out the target from the places passed on the way, and a screen reader
    // heard the previous target or "outside every target" before the right one.
    super({ ...props, options: { scrollBehavior: 'instant', ...props.options } });
    const self = this as unknown as Internals;
    const handle = self.handleKeyDown;
    const detach = self.detach.bind(this);
    const codes = { ...DEFAULT_CODES, ...props.options.keyboardCodes };
    const isDragKey = (code: string) =>
      ARROWS.has(code) || codes.end.includes(code) || codes.cancel.includes(code);
    const target = props.event.target;
    const ownerDocument = (target instanceof Node ? target.ownerDocument : null) ?? document;
    const view = ownerDocument.defaultView ?? window;

    const waiting: KeyboardEvent[] = [];
    let ended = false;
    let frame = 0;
    let framesWaited = 0;

    const pump = () => {
      frame = 0;
      if (ended) return;
      if (!measured(props.context.current) && framesWaited < MAX_WAIT_FRAMES) {
        framesWaited += 1;
        frame = view.requestAnimationFrame(pump);
        return;
      }
      const next = waiting.shift();
      if (next) handle(next);
      if (waiting.length > 0 && !ended) frame = view.requestAnimationFrame(pump);
    };

    const onKeyDown = (event: Event) => {
      // The key that picked the card up is still on its way to the document: it starts, not drops.
      if (ended || event === props.event) return;
      if (!(event instanceof view.KeyboardEvent) || !isDragKey(event.code)) {
        // Other keys move nothing. Before the measure dnd-kit would take the card's place
        // as (0, 0) from them (its reference for every later step): only after it.
        if (measured(props.context.current)) handle(event);
        return;
      }
      if (waiting.length === 0 && measured(props.context.current)) {
        handle(event);
        return;
      }
      // Kept from the page now (a Space would scroll it, a Tab move the focus); dnd-kit acts on it later.
      event.preventDefault();
      waiting.push(event);
      if (frame === 0) frame = view.requestAnimationFrame(pump);
    };

    const drag: Running = {
      cancel: () => self.handleCancel(new view.KeyboardEvent('keydown', { code: KeyboardCode.Esc })),
      inPage: () =>
        [...props.context.current.droppableContainers.values()].some(
          (container) => container?.node.current?.isConnected === true,
        ),
    };
    running.add(drag);
    // dnd-kit adds this same function after its timeout: the browser keeps one of the two.
    self.handleKeyDown = onKeyDown;
    ownerDocument.addEventListener('keydown', onKeyDown);
    self.detach = () => {
      ended = true;
      running.delete(drag);
      waiting.length = 0;
      if (frame !== 0) view.cancelAnimationFrame(frame);
      ownerDocument.removeEventListener('keydown', onKeyDown);
      detach();
      // A drag over before dnd-kit's timeout: its late add comes after this; take it away then.
      view.setTimeout(() => ownerDocument.removeEventListener('keydown', onKeyDown));
    };
  }
}
