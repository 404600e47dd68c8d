import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardContent } from '../../../renderer/src/domain/types';
import { useCloseWhenShown } from '../../../renderer/src/features/board/useCloseWhenShown';
import { useAppStore } from '../../../renderer/src/state/store';
import { makeBoard } from '../../domain/fixtures';

const said = () => useAppStore.getState().announcement.text;

function setUp() {
  const onClose = vi.fn();
  const { content } = makeBoard({ Ideen: ['Akte'] });
  // A new onClose at every render, as the boards pass it.
  const hook = renderHook(({ board }: { board: BoardContent }) => useCloseWhenShown(board, () => onClose()), {
    initialProps: { board: content },
  });
  return { onClose, content, hook };
}

describe('a move dialog closing once the board shows the move', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useAppStore.getState().announce('');
  });
  afterEach(() => vi.useRealTimers());

  it('waits for the board read after the write, then closes and says what moved', () => {
    const { onClose, content, hook } = setUp();
    expect(hook.result.current.begin()).toBe(true);
    // A second submit while the first is on its way does nothing.
    expect(hook.result.current.begin()).toBe(false);
    act(() => hook.result.current.written(true, true, 'Karte verschoben'));
    expect(hook.result.current.waiting).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
    // The same board re-rendered (another reason) is not the move.
    hook.rerender({ board: content });
    expect(onClose).not.toHaveBeenCalled();
    hook.rerender({ board: { ...content } });
    expect(onClose).toHaveBeenCalledOnce();
    expect(said()).toBe('Karte verschoben');
  });

  it('closes at once when nothing was written (the card stays where it was)', () => {
    const { onClose, hook } = setUp();
    hook.result.current.begin();
    act(() => hook.result.current.written(true, false, 'Karte verschoben'));
    expect(onClose).toHaveBeenCalledOnce();
    expect(said()).toBe('Karte verschoben');
  });

  it('closes after two seconds should no new read come, with a fixed deadline', () => {
    const { onClose, content, hook } = setUp();
    hook.result.current.begin();
    act(() => hook.result.current.written(true, true, 'Karte verschoben'));
    act(() => vi.advanceTimersByTime(1_500));
    // A new onClose from the parent (every render) does not restart the wait.
    hook.rerender({ board: content });
    act(() => vi.advanceTimersByTime(600));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('stays open, ready again, when the write failed; Cancel after a write still says what moved', () => {
    const { onClose, hook } = setUp();
    hook.result.current.begin();
    act(() => hook.result.current.written(false, false, 'Karte verschoben'));
    expect(onClose).not.toHaveBeenCalled();
    expect(hook.result.current.waiting).toBe(false);
    expect(hook.result.current.begin()).toBe(true);
    act(() => hook.result.current.written(true, true, 'Karte verschoben'));
    act(() => hook.result.current.close());
    expect(onClose).toHaveBeenCalledOnce();
    expect(said()).toBe('Karte verschoben');
  });
});
