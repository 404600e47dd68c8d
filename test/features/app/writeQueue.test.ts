import { describe, expect, it, vi } from 'vitest';
import type { ChangeSet } from '../../../renderer/src/domain/changes';
import { createWriteQueue, isQuotaError, RETRY_MS } from '../../../renderer/src/features/app/writeQueue';

const quota = () => Object.assign(new Error('full'), { name: 'QuotaExceededError' });
/** Dexie reports a full disk as an aborted transaction with the quota error inside. */
const wrappedQuota = () => Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota() });
const edit = (id: string) => [{ table: 'notes', after: { id } }] as unknown as ChangeSet;

function setup(failures: Array<Error | null>) {
  const written: string[] = [];
  const timers: Array<() => void> = [];
  const hooks = {
    onHeld: vi.fn(),
    onDrained: vi.fn(),
    onWritten: vi.fn(),
    schedule: vi.fn((run: () => void) => timers.push(run)),
  };
  const queue = createWriteQueue(async (changes) => {
    const failure = failures.shift();
    if (failure) throw failure;
    written.push((changes[0]!.after as { id: string }).id);
  }, hooks);
  return { queue, written, timers, hooks };
}

describe('saves when the disk is full', () => {
  it('recognises the quota error, also wrapped by Dexie', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(wrappedQuota())).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('keeps the edit, tells the user once, retries every 30 s and writes it when there is room', async () => {
    const { queue, written, timers, hooks } = setup([wrappedQuota(), quota()]);
    expect(await queue.submit(edit('a'))).toBe('kept');
    expect(hooks.onHeld).toHaveBeenCalledOnce();
    expect(hooks.schedule).toHaveBeenCalledWith(expect.any(Function), RETRY_MS);
    expect(queue.held()).toHaveLength(1);

    timers.shift()!(); // the first retry fails again
    await vi.waitFor(() => expect(timers).toHaveLength(1));
    expect(written).toEqual([]);

    timers.shift()!(); // now there is room
    await vi.waitFor(() => expect(hooks.onDrained).toHaveBeenCalledOnce());
    expect(written).toEqual(['a']);
    expect(queue.held()).toEqual([]);
    expect(hooks.onHeld).toHaveBeenCalledOnce();
  });

  it('queues later edits behind a held one, so they are written in order', async () => {
    const { queue, written } = setup([quota(), quota()]);
    expect(await queue.submit(edit('a'))).toBe('kept');
    expect(await queue.submit(edit('b'))).toBe('kept');
    expect(written).toEqual([]);
    await queue.retryNow(); // "Erneut versuchen"
    expect(written).toEqual(['a', 'b']);
    expect(await queue.submit(edit('c'))).toBe('written');
    expect(written).toEqual(['a', 'b', 'c']);
  });

  it('passes any other failure on, keeping nothing', async () => {
    const { queue, hooks } = setup([new Error('kaputt')]);
    await expect(queue.submit(edit('a'))).rejects.toThrow('kaputt');
    expect(queue.held()).toEqual([]);
    expect(hooks.onHeld).not.toHaveBeenCalled();
  });
});
