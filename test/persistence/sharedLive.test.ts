// The shared, prefetchable live query behind useWorkshop, useBoards and useBoardContent.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkshopId } from '../../renderer/src/domain/ids';
import type { ModeratoDb } from '../../renderer/src/persistence/db';
import { sharedLiveQuery, type SharedLiveQuery } from '../../renderer/src/persistence/sharedLive';
import { freshDb } from './dbHelpers';

let db: ModeratoDb;
beforeEach(async () => {
  db = freshDb();
  await db.open();
});
afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await db.delete();
});

function titles() {
  const calls: string[] = [];
  const query = sharedLiveQuery(
    (id: WorkshopId) => id,
    async (id: WorkshopId) => {
      calls.push(id);
      return (await db.workshops.get(id))?.title ?? null;
    },
  );
  return { query, calls };
}

async function putWorkshop(id: string, title: string) {
  await db.workshops.put({ id, title } as never);
}

/** Subscribes to `key` and collects the errors its readers are told. */
function errorsOf(query: SharedLiveQuery<WorkshopId, unknown>, key: WorkshopId) {
  const errors: unknown[] = [];
  const subscription = query.observe(key).subscribe(
    () => undefined,
    (error) => errors.push(error),
  );
  return { errors, subscription };
}

const A = 'a' as WorkshopId;
const B = 'b' as WorkshopId;

describe('sharedLiveQuery', () => {
  it('has no value before the query ran, then the value without a subscriber asking first (prefetch)', async () => {
    await putWorkshop('a', 'Vision');
    const { query, calls } = titles();
    const observable = query.observe(A);
    expect(observable.hasValue()).toBe(false);
    expect(observable.getValue()).toBeUndefined();
    query.prefetch(A);
    await vi.waitFor(() => expect(observable.hasValue()).toBe(true));
    expect(observable.getValue()).toBe('Vision');
    // A subscriber that comes later gets the value at once, and the query did not run again.
    const seen: unknown[] = [];
    const subscription = observable.subscribe((value) => seen.push(value));
    expect(seen).toEqual(['Vision']);
    expect(calls).toEqual(['a']);
    subscription.unsubscribe();
  });

  it('runs one query for all subscribers of a key and tells each of them every change', async () => {
    await putWorkshop('a', 'Vision');
    const { query, calls } = titles();
    const first: unknown[] = [];
    const second: unknown[] = [];
    const s1 = query.observe(A).subscribe({ next: (v) => first.push(v) });
    const s2 = query.observe(A).subscribe((v) => second.push(v));
    await vi.waitFor(() => expect(second).toEqual(['Vision']));
    expect(first).toEqual(['Vision']);
    await putWorkshop('a', 'Leitbild');
    await vi.waitFor(() => expect(first).toEqual(['Vision', 'Leitbild']));
    await vi.waitFor(() => expect(second).toEqual(['Vision', 'Leitbild']));
    expect(calls.every((id) => id === 'a')).toBe(true);
    expect(calls.length).toBe(2);
    s1.unsubscribe();
    s2.unsubscribe();
  });

  it('keeps keys apart', async () => {
    await putWorkshop('a', 'Vision');
    await putWorkshop('b', 'Bestandsaufnahme');
    const { query } = titles();
    const seen: Record<string, unknown[]> = { a: [], b: [] };
    const sa = query.observe(A).subscribe((v) => seen.a!.push(v));
    const sb = query.observe(B).subscribe((v) => seen.b!.push(v));
    await vi.waitFor(() => expect(seen).toEqual({ a: ['Vision'], b: ['Bestandsaufnahme'] }));
    sa.unsubscribe();
    sb.unsubscribe();
  });

  it('passes a failing query on as an error, and runs it afresh for whoever asks next', async () => {
    let fail = true;
    const query = sharedLiveQuery(
      (id: WorkshopId) => id,
      async (id: WorkshopId) => {
        if (fail) throw new Error('kaputt');
        return (await db.workshops.get(id))?.title ?? null;
      },
    );
    await putWorkshop('a', 'Vision');
    const { errors, subscription } = errorsOf(query, A);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect((errors[0] as Error).message).toBe('kaputt');
    expect(query.observe(A).hasValue()).toBe(false);
    // The next reader (the board opened again after the error screen) does not inherit the error.
    fail = false;
    const seen: unknown[] = [];
    const late: unknown[] = [];
    const again = query.observe(A).subscribe(
      (value) => seen.push(value),
      (error) => late.push(error),
    );
    await vi.waitFor(() => expect(seen).toEqual(['Vision']));
    expect(late).toEqual([]);
    subscription.unsubscribe();
    again.unsubscribe();
  });

  it('stops the query a moment after its last subscriber left, and starts afresh when asked again', async () => {
    await putWorkshop('a', 'Vision');
    const { query, calls } = titles();
    const subscription = query.observe(A).subscribe(() => undefined);
    await vi.waitFor(() => expect(query.observe(A).hasValue()).toBe(true));
    subscription.unsubscribe();
    // Still there right after (a remount finds it) …
    expect(query.observe(A).getValue()).toBe('Vision');
    // … gone after the grace time: no value, and a change runs no query.
    await vi.waitFor(() => expect(query.observe(A).hasValue()).toBe(false), { timeout: 3000 });
    const before = calls.length;
    await putWorkshop('a', 'Leitbild');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls.length).toBe(before);
    const seen: unknown[] = [];
    const again = query.observe(A).subscribe((v) => seen.push(v));
    await vi.waitFor(() => expect(seen).toEqual(['Leitbild']));
    again.unsubscribe();
  });

  it('tells the prefetcher when the first result is there (main.tsx waits for the workshop list)', async () => {
    await putWorkshop('a', 'Vision');
    const { query, calls } = titles();
    const ready = query.prefetch(A);
    expect(query.observe(A).hasValue()).toBe(false);
    await ready;
    expect(query.observe(A).getValue()).toBe('Vision');
    // A second prefetch of the same key starts nothing and is ready at once.
    await query.prefetch(A);
    expect(calls).toEqual(['a']);
  });

  it('tells the prefetcher also when the query failed, without rejecting', async () => {
    const query = sharedLiveQuery(
      (id: WorkshopId) => id,
      async (): Promise<string> => {
        throw new Error('kaputt');
      },
    );
    await expect(query.prefetch(A)).resolves.toBeUndefined();
    // The error is for the reader to show (the error boundary): the reader asks afresh and gets it.
    const { errors, subscription } = errorsOf(query, A);
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect((errors[0] as Error).message).toBe('kaputt');
    subscription.unsubscribe();
  });

  it('does not keep the prefetcher waiting when the prefetch is dropped before its first result', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const query = sharedLiveQuery(
      (id: WorkshopId) => id,
      () => new Promise<string>(() => undefined),
    );
    let ready = false;
    void query.prefetch(A).then(() => (ready = true));
    await Promise.resolve();
    expect(ready).toBe(false);
    vi.advanceTimersByTime(11_000);
    await vi.waitFor(() => expect(ready).toBe(true));
  });

  it('lets a prefetch that nobody reads go after a while', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await putWorkshop('a', 'Vision');
    const { query } = titles();
    void query.prefetch(A);
    await vi.waitFor(() => expect(query.observe(A).hasValue()).toBe(true));
    vi.advanceTimersByTime(5_000);
    expect(query.observe(A).hasValue()).toBe(true);
    vi.advanceTimersByTime(6_000);
    expect(query.observe(A).hasValue()).toBe(false);
  });
});
