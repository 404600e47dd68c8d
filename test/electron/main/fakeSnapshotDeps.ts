// Recording fakes of the snapshot, byte-reading and LAN IPC dependencies (shared by the IPC tests).
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
    lanInterfaces: vi.fn<IpcDeps['lanInterfaces']>(overrides.lanInterfaces ?? (async () => [])),
    lanOpen: vi.fn<IpcDeps['lanOpen']>(
      overrides.lanOpen ?? (async () => ({ status: 'failed' as const, reason: 'no-interface' as const })),
    ),
    lanUpdate: vi.fn<IpcDeps['lanUpdate']>(overrides.lanUpdate ?? (async () => undefined)),
    lanClose: vi.fn<IpcDeps['lanClose']>(overrides.lanClose ?? (async () => undefined)),
    lanEvents: vi.fn<IpcDeps['lanEvents']>(
      overrides.lanEvents ??
        (async (request) => ({ roundId: request.roundId, running: false, ballots: [], phones: 0 })),
    ),
    lanCurrent: vi.fn<IpcDeps['lanCurrent']>(overrides.lanCurrent ?? (async () => null)),
  };
}
