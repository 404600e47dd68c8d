// The keyboard sensor every board uses: keys pressed right after a card was picked up
// (before dnd-kit listens, or before it has measured) are kept and played in order.
import type { KeyboardCoordinateGetter, KeyboardSensorProps, SensorContext } from '@dnd-kit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from '@testing-library/react';
import {
  KeyboardSensor,
  MAX_WAIT_FRAMES,
  useEndKeyboardDragOnUnmount,
} from '../../../renderer/src/features/a11y/keyboardSensor';

const CARD = { top: 100, left: 50, width: 200, height: 80, bottom: 180, right: 250 };

function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) await frame();
}
/** dnd-kit adds its own listener after a timeout: this lets it. */
function timeout(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

function keydown(target: EventTarget, code: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { code, key: code, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

let handle: HTMLButtonElement | null = null;
afterEach(() => {
  // A sensor left over would hear the next test's keys.
  keydown(document, 'Escape');
  handle?.remove();
});

/**
 * A sensor as dnd-kit makes one: inside the keydown (Space) on the handle, while that
 * event is still on its way up to the document.
 */
function pickUp(options: { measured: boolean; board?: HTMLElement }) {
  const context = {
    current: {
      collisionRect: options.measured ? CARD : null,
      droppableRects: new Map(options.measured ? [['target', CARD]] : []),
      // The board's drop targets: in the page while the board is.
      droppableContainers: new Map(options.board ? [['target', { node: { current: options.board } }]] : []),
      scrollableAncestors: [],
    } as unknown as SensorContext,
  };
  // One column to the right for every arrow, from wherever dnd-kit has the card now.
  const coordinateGetter = vi.fn<KeyboardCoordinateGetter>((event, { currentCoordinates }) =>
    event.code === 'ArrowRight' ? { x: currentCoordinates.x + 300, y: currentCoordinates.y } : undefined,
  );
  const calls = { onStart: vi.fn(), onMove: vi.fn(), onEnd: vi.fn(), onCancel: vi.fn() };
  let sensor: KeyboardSensor | null = null;
  handle = document.createElement('button');
  document.body.append(handle);
  handle.addEventListener('keydown', (event) => {
    sensor = new KeyboardSensor({
      active: 'card',
      activeNode: { node: { current: null } },
      event,
      context,
      options: { coordinateGetter },
      onAbort: vi.fn(),
      onPending: vi.fn(),
      ...calls,
    } as unknown as KeyboardSensorProps);
  });
  const space = keydown(handle, 'Space');
  const measure = () => {
    context.current = {
      ...context.current,
      collisionRect: CARD,
      droppableRects: new Map([['target', CARD]]),
    };
  };
  return { ...calls, coordinateGetter, measure, space, sensor };
}

describe('KeyboardSensor', () => {
  it('does not take the key that picked the card up for a drop', async () => {
    const drag = pickUp({ measured: true });
    expect(drag.sensor).toBeInstanceOf(KeyboardSensor);
    expect(drag.onStart).toHaveBeenCalledOnce();
    await timeout();
    await frames(2);
    expect(drag.onEnd).not.toHaveBeenCalled();
    expect(drag.onCancel).not.toHaveBeenCalled();
  });

  it('keeps an arrow pressed before dnd-kit listens and has measured, and moves once it has', async () => {
    const drag = pickUp({ measured: false });
    const arrow = keydown(document.activeElement ?? document.body, 'ArrowRight');
    // Kept from the page (no scrolling), not yet handed on.
    expect(arrow.defaultPrevented).toBe(true);
    await timeout();
    await frames(3);
    expect(drag.coordinateGetter).not.toHaveBeenCalled();
    expect(drag.onMove).not.toHaveBeenCalled();

    drag.measure();
    await frames(2);
    expect(drag.onMove).toHaveBeenCalledOnce();
    expect(drag.onMove).toHaveBeenCalledWith({ x: 300, y: 0 });
  });

  it('plays waiting keys in their order, one per frame: the arrow moves before Space drops', async () => {
    const drag = pickUp({ measured: false });
    keydown(document.body, 'ArrowRight');
    keydown(document.body, 'Space');
    drag.measure();
    await frames(1);
    expect(drag.onMove).toHaveBeenCalledOnce();
    expect(drag.onEnd).not.toHaveBeenCalled();
    await frames(1);
    expect(drag.onEnd).toHaveBeenCalledOnce();
    expect(drag.onMove.mock.invocationCallOrder[0]).toBeLessThan(drag.onEnd.mock.invocationCallOrder[0]!);
  });

  it('forgets what waits behind an Escape, and hears nothing after it', async () => {
    const drag = pickUp({ measured: false });
    keydown(document.body, 'ArrowRight');
    keydown(document.body, 'Escape');
    keydown(document.body, 'ArrowRight');
    drag.measure();
    await frames(4);
    expect(drag.onMove).toHaveBeenCalledOnce();
    expect(drag.onCancel).toHaveBeenCalledOnce();
    await timeout();
    keydown(document.body, 'ArrowRight');
    keydown(document.body, 'Space');
    await frames(2);
    expect(drag.onMove).toHaveBeenCalledOnce();
    expect(drag.onEnd).not.toHaveBeenCalled();
  });

  it('hands a key on at once when nothing waits and all is measured, once', async () => {
    const drag = pickUp({ measured: true });
    await timeout();
    keydown(document.body, 'ArrowRight');
    expect(drag.onMove).toHaveBeenCalledOnce();
    keydown(document.body, 'Space');
    expect(drag.onEnd).toHaveBeenCalledOnce();
  });

  it('leaves other keys alone, and a modifier pressed before the measure does not skew later steps', async () => {
    const drag = pickUp({ measured: false });
    const letter = keydown(document.body, 'KeyA');
    expect(letter.defaultPrevented).toBe(false);
    keydown(document.body, 'ShiftLeft');
    await timeout();
    await frames(2);
    expect(drag.onMove).not.toHaveBeenCalled();
    expect(drag.onEnd).not.toHaveBeenCalled();
    drag.measure();
    keydown(document.body, 'ArrowRight');
    // One column on from where the card is, not from (0, 0).
    expect(drag.onMove).toHaveBeenCalledWith({ x: 300, y: 0 });
  });

  it('stops waiting after about half a second and hands the key on as dnd-kit would', async () => {
    const drag = pickUp({ measured: false });
    keydown(document.body, 'ArrowRight');
    await frames(MAX_WAIT_FRAMES - 2);
    expect(drag.coordinateGetter).not.toHaveBeenCalled();
    await frames(4);
    expect(drag.coordinateGetter).toHaveBeenCalledOnce();
  });

  it('cancels a drag whose board goes away, and the next screen keeps its keys', async () => {
    const board = renderHook(() => useEndKeyboardDragOnUnmount());
    const drag = pickUp({ measured: true });
    await timeout();
    keydown(document.body, 'ArrowRight');
    expect(drag.onMove).toHaveBeenCalledOnce();
    board.unmount();
    expect(drag.onCancel).toHaveBeenCalledOnce();
    for (const code of ['Escape', 'Space', 'Enter', 'Tab', 'ArrowRight']) {
      expect(keydown(document.body, code).defaultPrevented, code).toBe(false);
    }
    await frames(2);
    expect(drag.onMove).toHaveBeenCalledOnce();
    expect(drag.onEnd).not.toHaveBeenCalled();
    expect(drag.onCancel).toHaveBeenCalledOnce();
  });

  it('leaves a drag alone whose board is still in the page when another one goes away', async () => {
    const board = document.createElement('ol');
    document.body.append(board);
    const other = renderHook(() => useEndKeyboardDragOnUnmount());
    const drag = pickUp({ measured: true, board });
    await timeout();
    other.unmount();
    expect(drag.onCancel).not.toHaveBeenCalled();
    keydown(document.body, 'ArrowRight');
    expect(drag.onMove).toHaveBeenCalledOnce();
    board.remove();
  });

  it('leaves a finished drag alone when its board goes away later', async () => {
    const board = renderHook(() => useEndKeyboardDragOnUnmount());
    const drag = pickUp({ measured: true });
    await timeout();
    keydown(document.body, 'Space');
    expect(drag.onEnd).toHaveBeenCalledOnce();
    board.unmount();
    expect(drag.onCancel).not.toHaveBeenCalled();
  });
});
