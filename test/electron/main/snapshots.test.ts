import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_ARG_SCHEMAS } from '../../../electron/main/ipcSchemas';
import { nodeSnapshotFs } from '../../../electron/main/snapshotFs';
import {
  createQuitSnapshotCoordinator,
  createSnapshotService,
  parseSnapshotName,
  selectSnapshotsToKeep,
  snapshotFileName,
} from '../../../electron/main/snapshots';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2027, 2, 24, 12, 0, 0);
const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const summary = { workshops: 1, titles: ['Grünflächen'], rows: 12 };

describe('retention: the last 10, plus one a day for 14 days', () => {
  const at = (...times: number[]) => times.map((createdAt, i) => ({ id: `s${i}`, createdAt }));

  it('keeps everything while there are ten or fewer', () => {
    const snapshots = at(...Array.from({ length: 10 }, (_, i) => NOW - i * 400 * DAY));
    expect(selectSnapshotsToKeep(snapshots, NOW, utcDay).size).toBe(10);
  });

  it('keeps the ten newest of a busy day and drops the older ones of that day', () => {
    const snapshots = at(...Array.from({ length: 25 }, (_, i) => NOW - i * 5 * 60 * 1000));
    const keep = selectSnapshotsToKeep(snapshots, NOW, utcDay);
    expect([...keep].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `s${i}`).sort());
  });

  it('keeps the newest of each of the last 14 days, and nothing older beyond the ten newest', () => {
    // Thirty days, three snapshots a day (morning, noon, evening).
    const times: number[] = [];
    for (let day = 0; day < 30; day += 1)
      for (const hour of [-3, -1, -5]) times.push(NOW - day * DAY + hour * HOUR);
    const snapshots = at(...times);
    const keep = selectSnapshotsToKeep(snapshots, NOW, utcDay);
    const kept = snapshots.filter((s) => keep.has(s.id));
    const days = new Set(kept.map((s) => utcDay(s.createdAt)));
    // 14 days with their newest, and the ten newest overall (which fall into the first four days).
    expect(days.size).toBe(14);
    for (const day of days) {
      const newestOfDay = Math.max(
        ...snapshots.filter((s) => utcDay(s.createdAt) === day).map((s) => s.createdAt),
      );
      expect(kept.some((s) => s.createdAt === newestOfDay)).toBe(true);
    }
    expect(kept.every((s) => NOW - s.createdAt < 14 * DAY)).toBe(true);
    expect(kept.length).toBe(10 + 14 - 4);
  });
});

describe('snapshot names', () => {
  it('round-trip time and reason, and refuse anything else', () => {
    const name = snapshotFileName(NOW + 7, 'before-import');
    expect(name).toBe('snapshot-20270324T120000007Z-before-import.moderato.json');
    expect(parseSnapshotName(name)).toEqual({ createdAt: NOW + 7, reason: 'before-import' });
    for (const bad of [
      '../snapshot-20270324T120000007Z-quit.moderato.json',
      'Local State',
      'snapshot-x-quit.moderato.json',
    ]) {
      expect(parseSnapshotName(bad)).toBeNull();
      expect(IPC_ARG_SCHEMAS['snapshot:read'].safeParse([bad]).success).toBe(false);
    }
    expect(IPC_ARG_SCHEMAS['snapshot:read'].safeParse([name]).success).toBe(true);
  });
});

describe('the snapshot service on a real folder', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'moderato-snapshots-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes atomically into userData/snapshots, lists newest first with size and summary, reads back', async () => {
    let now = NOW;
    const service = createSnapshotService(dir, nodeSnapshotFs, () => now);
    const first = await service.write({ content: '{"a":"ä"}', reason: 'change', summary });
    now += HOUR;
    await service.write({ content: '{"b":2}', reason: 'quit', summary });
    expect(service.location()).toEqual({ dataDir: dir, snapshotDir: path.join(dir, 'snapshots') });
    const files = await readdir(path.join(dir, 'snapshots'));
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const list = await service.list();
    expect(list.map((s) => s.reason)).toEqual(['quit', 'change']);
    expect(list[1]).toEqual({ ...first, bytes: 10 });
    expect(new TextDecoder().decode(await service.read(first.id))).toBe('{"a":"ä"}');
  });

  it('prunes by the retention rule after each write, side files included', async () => {
    let now = NOW;
    const service = createSnapshotService(dir, nodeSnapshotFs, () => now);
    for (let i = 0; i < 13; i += 1) {
      now = NOW + i * 60_000;
      await service.write({ content: `{"n":${i}}`, reason: 'change', summary });
    }
    const list = await service.list();
    expect(list).toHaveLength(10);
    expect((await readdir(path.join(dir, 'snapshots'))).length).toBe(20);
  });

  it('lists a snapshot whose side file is missing or broken, without a summary', async () => {
    const service = createSnapshotService(dir, nodeSnapshotFs, () => NOW);
    const info = await service.write({ content: '{}', reason: 'manual', summary });
    await writeFile(path.join(dir, 'snapshots', info.id.replace('.moderato.json', '.meta.json')), '{kaputt');
    await writeFile(path.join(dir, 'snapshots', 'fremd.txt'), 'nicht von uns');
    expect(await service.list()).toEqual([{ ...info, summary: null }]);
  });

  it('reads only its own snapshot names', async () => {
    const service = createSnapshotService(dir, nodeSnapshotFs, () => NOW);
    await writeFile(path.join(dir, 'Local State'), 'geheim');
    await expect(service.read('../Local State')).rejects.toThrow('Not a snapshot name');
    expect(await service.list()).toEqual([]);
    expect(await readFile(path.join(dir, 'Local State'), 'utf8')).toBe('geheim');
  });
});

describe('the last snapshot on quit', () => {
  it('asks the listening renderer and waits until it has written', async () => {
    const coordinator = createQuitSnapshotCoordinator(5_000, () => undefined);
    const request = coordinator.nextRequest();
    let closed = false;
    const quit = coordinator.beforeQuit().then(() => (closed = true));
    expect(await request).toEqual({ reason: 'quit' });
    await Promise.resolve();
    expect(closed).toBe(false);
    coordinator.snapshotWritten('quit');
    await quit;
    expect(closed).toBe(true);
  });

  it('goes on when the renderer comes back without writing (nothing changed)', async () => {
    const coordinator = createQuitSnapshotCoordinator(5_000, () => undefined);
    void coordinator.nextRequest();
    const quit = coordinator.beforeQuit();
    void coordinator.nextRequest();
    await expect(quit).resolves.toBeUndefined();
  });

  it('quits at once when no renderer listens, and after the timeout when it does not answer', async () => {
    const timers: Array<() => void> = [];
    const coordinator = createQuitSnapshotCoordinator(5_000, (run) => timers.push(run));
    await expect(coordinator.beforeQuit()).resolves.toBeUndefined();
    void coordinator.nextRequest();
    const quit = coordinator.beforeQuit();
    expect(timers).toHaveLength(1);
    timers[0]!();
    await expect(quit).resolves.toBeUndefined();
  });

  it('ignores snapshots written for other reasons', async () => {
    const coordinator = createQuitSnapshotCoordinator(5_000, () => undefined);
    void coordinator.nextRequest();
    const settled = vi.fn();
    void coordinator.beforeQuit().then(settled);
    coordinator.snapshotWritten('change');
    await Promise.resolve();
    expect(settled).not.toHaveBeenCalled();
  });
});
