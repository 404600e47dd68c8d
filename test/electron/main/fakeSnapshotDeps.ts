// Recording fakes of the snapshot and byte-reading IPC dependencies (shared by the IPC tests).
import { vi } from 'vitest';
import type { IpcDeps } from '../../../electron/main/ipc';

export const SNAPSHOT_ID = 'snapshot-20270324T120000000Z-change.moderato.json';

export function fakeSnapshotDeps(overrides: Partial<IpcDeps> = {}) {
  const info = {
    id: SNAPSHOT_ID,
    createdAt: Date.UTC(2027, 2, 24, 12),
    reason: 'change' as const,
    bytes: 2,
    summary: { workshops: 1, titles: ['A'], rows: 3 },
  };
  return {
    readFileBytes: vi.fn<IpcDeps['readFileBytes']>(
      overrides.readFileBytes ?? (async () => new Uint8Array([123, 125])),
    ),
    writeSnapshot: vi.fn<IpcDeps['writeSnapshot']>(overrides.writeSnapshot ?? (async () => info)),
    listSnapshots: vi.fn<IpcDeps['listSnapshots']>(overrides.listSnapshots ?? (async () => [info])),
    readSnapshot: vi.fn<IpcDeps['readSnapshot']>(
      overrides.readSnapshot ?? (async () => new Uint8Array([123, 125])),
    ),
    snapshotLocation: vi.fn<IpcDeps['snapshotLocation']>(
      overrides.snapshotLocation ??
        (() => ({ dataDir: '/home/a/.config/Moderato', snapshotDir: '/home/a/.config/Moderato/snapshots' })),
    ),
    nextSnapshotRequest: vi.fn<IpcDeps['nextSnapshotRequest']>(
      overrides.nextSnapshotRequest ?? (async () => ({ reason: 'quit' as const })),
    ),
  };
}
