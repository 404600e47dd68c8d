/**
 * Automatic snapshots in userData/snapshots, outside the browser profile: if
 * IndexedDB is lost or corrupt, these files still hold the workshops. Main only
 * stores what the renderer hands over (a complete backup file) and decides the
 * names and the retention; every effect goes through SnapshotFs, so tests run
 * on a temp folder without Electron.
 */
import * as path from 'node:path';
import {
  SNAPSHOT_REASONS,
  type SnapshotInfo,
  type SnapshotLocation,
  type SnapshotReason,
  type SnapshotSummary,
  type SnapshotWriteRequest,
} from '../shared/contract';
import { selectSnapshotsToKeep } from '../shared/snapshotRetention';

export { KEEP_DAYS, KEEP_LATEST, selectSnapshotsToKeep } from '../shared/snapshotRetention';

export interface SnapshotFs {
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  size(file: string): Promise<number>;
  readFile(file: string): Promise<Uint8Array>;
  readText(file: string): Promise<string>;
  writeFileAtomic(file: string, data: string): Promise<void>;
  remove(file: string): Promise<void>;
}

export const SNAPSHOT_NAME =
  /^snapshot-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(change|quit|before-import|before-migration|manual)\.moderato\.json$/;

export function snapshotFileName(createdAt: number, reason: SnapshotReason): string {
  const stamp = new Date(createdAt).toISOString().replace(/[-:.]/g, '');
  return `snapshot-${stamp}-${reason}.moderato.json`;
}

export function parseSnapshotName(name: string): { createdAt: number; reason: SnapshotReason } | null {
  const match = SNAPSHOT_NAME.exec(name);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms, reason] = match;
  const createdAt = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
    Number(ms),
  );
  return Number.isNaN(createdAt) ? null : { createdAt, reason: reason as SnapshotReason };
}

const metaName = (name: string) => name.replace(/\.moderato\.json$/, '.meta.json');

function readSummary(text: string): SnapshotSummary | null {
  try {
    const meta = JSON.parse(text) as { summary?: SnapshotSummary };
    const summary = meta.summary;
    if (
      summary &&
      Number.isInteger(summary.workshops) &&
      Number.isInteger(summary.rows) &&
      Array.isArray(summary.titles) &&
      summary.titles.every((title) => typeof title === 'string')
    ) {
      return { workshops: summary.workshops, rows: summary.rows, titles: summary.titles.slice(0, 10) };
    }
  } catch {
    // A missing or broken side file only costs the summary; the snapshot itself is intact.
  }
  return null;
}

export interface SnapshotService {
  write(request: SnapshotWriteRequest): Promise<SnapshotInfo>;
  list(): Promise<SnapshotInfo[]>;
  read(id: string): Promise<Uint8Array>;
  location(): SnapshotLocation;
}

export function createSnapshotService(
  dataDir: string,
  fs: SnapshotFs,
  now: () => number = Date.now,
): SnapshotService {
  const dir = path.join(dataDir, 'snapshots');

  async function list(): Promise<SnapshotInfo[]> {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return [];
    }
    const infos: SnapshotInfo[] = [];
    for (const name of names) {
      const parsed = parseSnapshotName(name);
      if (!parsed) continue;
      const bytes = await fs.size(path.join(dir, name)).catch(() => -1);
      if (bytes < 0) continue;
      const summary = await fs.readText(path.join(dir, metaName(name))).then(readSummary, () => null);
      infos.push({ id: name, ...parsed, bytes, summary });
    }
    return infos.sort((a, b) => b.createdAt - a.createdAt);
  }

  async function prune(): Promise<void> {
    const all = await list();
    const keep = selectSnapshotsToKeep(all, now());
    for (const snapshot of all) {
      if (keep.has(snapshot.id)) continue;
      await fs.remove(path.join(dir, snapshot.id));
      await fs.remove(path.join(dir, metaName(snapshot.id)));
    }
  }

  return {
    async write(request) {
      await fs.mkdir(dir);
      const createdAt = now();
      const name = snapshotFileName(createdAt, request.reason);
      // The snapshot first: a crash between the two writes leaves a snapshot without summary, never the reverse.
      await fs.writeFileAtomic(path.join(dir, name), request.content);
      await fs.writeFileAtomic(
        path.join(dir, metaName(name)),
        JSON.stringify({ createdAt, reason: request.reason, summary: request.summary }),
      );
      await prune();
      return {
        id: name,
        createdAt,
        reason: request.reason,
        bytes: Buffer.byteLength(request.content, 'utf8'),
        summary: request.summary,
      };
    },
    list,
    async read(id) {
      // The IPC schema checks the name too; this keeps the rule where the path is built.
      if (!parseSnapshotName(id) || path.basename(id) !== id) throw new Error('Not a snapshot name');
      return fs.readFile(path.join(dir, id));
    },
    location: () => ({ dataDir, snapshotDir: dir }),
  };
}

/**
 * On quit, main asks the renderer for a last snapshot and waits for it, at
 * most `timeoutMs`. The renderer keeps one request open ("snapshot:next-request");
 * its next request, or a snapshot written for 'quit', says it is done.
 */
export function createQuitSnapshotCoordinator(
  timeoutMs: number,
  setTimer: (run: () => void, ms: number) => unknown = setTimeout,
) {
  let waiting: ((request: { reason: 'quit' }) => void) | null = null;
  let finish: (() => void) | null = null;
  const done = () => {
    finish?.();
    finish = null;
  };
  return {
    nextRequest(): Promise<{ reason: 'quit' }> {
      done();
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    snapshotWritten(reason: SnapshotReason): void {
      if (reason === 'quit') done();
    },
    /** Resolves once the renderer has answered, or at once when no renderer listens. */
    beforeQuit(): Promise<void> {
      const ask = waiting;
      waiting = null;
      if (!ask) return Promise.resolve();
      return new Promise((resolve) => {
        finish = resolve;
        setTimer(done, timeoutMs);
        ask({ reason: 'quit' });
      });
    },
  };
}

export const isSnapshotReason = (value: string): value is SnapshotReason =>
  (SNAPSHOT_REASONS as readonly string[]).includes(value);

/** The IPC dependencies of the snapshot channels, from the service and the quit coordinator. */
export function snapshotIpcDeps(
  service: SnapshotService,
  quit: Pick<ReturnType<typeof createQuitSnapshotCoordinator>, 'nextRequest' | 'snapshotWritten'>,
) {
  return {
    async writeSnapshot(request: SnapshotWriteRequest): Promise<SnapshotInfo> {
      const info = await service.write(request);
      quit.snapshotWritten(request.reason);
      return info;
    },
    listSnapshots: () => service.list(),
    readSnapshot: (id: string) => service.read(id),
    snapshotLocation: () => service.location(),
    nextSnapshotRequest: () => quit.nextRequest(),
  };
}
