import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { editNote } from '../../../renderer/src/domain/boardCommands';
import type { ChangeSet } from '../../../renderer/src/domain/changes';
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
  /** One change, as a move writes. */
  const move = () => editNote(content.notes[0]!, 'Akte verschoben', 2);
  return { onClose, content, hook, move };
}

/** The board's `run`: plans, then reports whether the commit worked (`ok`). */
function runner(ok = true) {
  const calls: ChangeSet[] = [];
  const run = vi.fn(async (command: () => ChangeSet) => {
    calls.push(command());
    return ok;
  });
  return { run, calls };
}

describe('a move dialog closing once the board shows the move', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useAppStore.getState().announce('');
  });
  afterEach(() => vi.useRealTimers());

  it('waits for the board read after the write, then closes and says what moved', async () => {
    const { onClose, content, hook, move } = setUp();
    const { run } = runner();
    await act(async () => {
      const first = hook.result.current.submit(run, move, () => 'Karte verschoben');
      // A second submit while the first is on its way does nothing.
      const second = hook.result.current.submit(run, move, () => 'noch einmal');
      await Promise.all([first, second]);
    });
    expect(run).toHaveBeenCalledOnce();
    expect(hook.result.current.waiting).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
    // The same board re-rendered (another reason) is not the move.
    hook.rerender({ board: content });
    expect(onClose).not.toHaveBeenCalled();
    hook.rerender({ board: { ...content } });
    expect(onClose).toHaveBeenCalledOnce();
    expect(said()).toBe('Karte verschoben');
  });

  it('closes at once when nothing was written (the card stays where it was)', async () => {
    const { onClose, hook } = setUp();
    await act(() =>
      hook.result.current.submit(
        runner().run,
        () => [],
        () => 'Karte verschoben',
      ),
    );
    expect(onClose).toHaveBeenCalledOnce();
    expect(said()).toBe('Karte verschoben');
  });

  it('asks for the announcement after the plan, which may name what it made', async () => {
    const { hook, move } = setUp();
    let title = '';
    await act(() =>
      hook.result.current.submit(
        runner().run,
        () => {
          title = 'Neuer Cluster';
          return move();
        },
        () => `Cluster „${title}“ angelegt`,
      ),
    );
    act(() => hook.result.current.close());
    expect(said()).toBe('Cluster „Neuer Cluster“ angelegt');
  });

  it('closes after two seconds should no new read come, with a fixed deadline', async () => {
    const { onClose, content, hook, move } = setUp();
    await act(() => hook.result.current.submit(runner().run, move, () => 'Karte verschoben'));
    act(() => vi.advanceTimersByTime(1_500));
    // A new onClose from the parent (every render) does not restart the wait.
    hook.rerender({ board: content });
    act(() => vi.advanceTimersByTime(600));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('stays open, ready again, when the write failed; Cancel after a write still says what moved', async () => {
    const { onClose, hook, move } = setUp();
    await act(() => hook.result.current.submit(runner(false).run, move, () => 'Karte verschoben'));
    expect(onClose).not.toHaveBeenCalled();
    expect(hook.result.current.waiting).toBe(false);
    expect(said()).toBe('');
    const again = runner();
    await act(() => hook.result.current.submit(again.run, move, () => 'Karte verschoben'));
    expect(again.run).toHaveBeenCalledOnce();
    act(() => hook.result.current.close());
    expect(onClose).toHaveBeenCalledOnce();
    expect(said()).toBe('Karte verschoben');
  });

  it('still says what moved when the dialog was closed while the move was being written, and closes once', async () => {
    const { onClose, hook, move } = setUp();
    let finish: (ok: boolean) => void = () => undefined;
    const slow = async (command: () => ChangeSet) => {
      command();
      return new Promise<boolean>((resolve) => (finish = resolve));
    };
    let submitting: Promise<void> = Promise.resolve();
    act(() => {
      submitting = hook.result.current.submit(slow, move, () => 'Karte verschoben');
    });
    act(() => hook.result.current.close());
    expect(onClose).toHaveBeenCalledOnce();
    expect(said()).toBe('');
    await act(async () => {
      finish(true);
      await submitting;
    });
    expect(said()).toBe('Karte verschoben');
    expect(hook.result.current.waiting).toBe(false);
    // Closed is closed: neither the deadline nor another submit closes it again.
    act(() => vi.advanceTimersByTime(3_000));
    await act(() => hook.result.current.submit(runner().run, move, () => 'noch einmal'));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('stays ready for another try when the write threw', async () => {
    const { onClose, hook, move } = setUp();
    const broken = async () => {
      throw new Error('kaputt');
    };
    await act(() =>
      expect(hook.result.current.submit(broken, move, () => 'Karte verschoben')).rejects.toThrow('kaputt'),
    );
    const again = runner();
    await act(() => hook.result.current.submit(again.run, move, () => 'Karte verschoben'));
    expect(again.run).toHaveBeenCalledOnce();
    expect(hook.result.current.waiting).toBe(true);
    expect(onClose).not.toHaveBeenCalled();
  });
});
