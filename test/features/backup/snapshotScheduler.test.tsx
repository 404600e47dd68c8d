// Desktop: snapshots follow changes at a calm pace, and one more is written when main asks on quit.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ModeratoApi, SnapshotWriteRequest } from '../../../electron/shared/contract';
import {
  listenForSnapshotRequests,
  markDataChanged,
  SETTLE_MS,
  THROTTLE_MS,
} from '../../../renderer/src/features/backup/snapshotScheduler';
import { importBackupBytes } from '../../../renderer/src/persistence/backup/importBackup';
import { checkBackup } from '../../../renderer/src/persistence/backup/validate';
import { getDb } from '../../../renderer/src/persistence/db';
import { makeBytes } from '../../persistence/backup/sample';

const written: SnapshotWriteRequest[] = [];
let askForQuitSnapshot: (value: { reason: 'quit' }) => void = () => undefined;
let nextRequests = 0;

beforeAll(async () => {
  window.moderato = {
    appVersion: async () => '0.1.0',
    writeSnapshot: vi.fn(async (request: SnapshotWriteRequest) => {
      written.push(request);
      return { id: 'x', createdAt: Date.now(), reason: request.reason, bytes: 1, summary: request.summary };
    }),
    nextSnapshotRequest: vi.fn(() => {
      nextRequests += 1;
      return new Promise((resolve) => (askForQuitSnapshot = resolve));
    }),
  } as unknown as ModeratoApi;
  await importBackupBytes(getDb(), await makeBytes(), 'replace');
});
afterAll(async () => {
  vi.useRealTimers();
  delete window.moderato;
  await getDb().delete();
});

describe('automatic snapshots on the desktop', () => {
  it('waits for a burst of changes to settle, then writes one snapshot of everything', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    markDataChanged();
    markDataChanged();
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1_000);
    expect(written).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(written).toHaveLength(1));
    expect(written[0]).toMatchObject({ reason: 'change', summary: { workshops: 2, rows: 13 } });
    // What was written is a complete, valid backup.
    expect((await checkBackup(new TextEncoder().encode(written[0]!.content))).ok).toBe(true);
  });

  it('writes at most every few minutes while changes go on', async () => {
    markDataChanged();
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(written).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(THROTTLE_MS - SETTLE_MS);
    await vi.waitFor(() => expect(written).toHaveLength(2));
    vi.useRealTimers();
  });

  it('answers main on quit: a last snapshot when something changed, none when nothing did', async () => {
    void listenForSnapshotRequests();
    await vi.waitFor(() => expect(nextRequests).toBe(1));
    askForQuitSnapshot({ reason: 'quit' });
    // Nothing changed since the last snapshot: it just comes back for the next request.
    await vi.waitFor(() => expect(nextRequests).toBe(2));
    expect(written).toHaveLength(2);

    markDataChanged();
    askForQuitSnapshot({ reason: 'quit' });
    await vi.waitFor(() => expect(written.at(-1)?.reason).toBe('quit'));
    await vi.waitFor(() => expect(nextRequests).toBe(3));
  });
});
