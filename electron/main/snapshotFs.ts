/** The real file system behind the snapshot service (kept apart so tests can use temp folders). */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { writeFileAtomic } from './atomicWrite';
import type { SnapshotFs } from './snapshots';

export const nodeSnapshotFs: SnapshotFs = {
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true });
  },
  readdir: (dir) => readdir(dir),
  size: async (file) => (await stat(file)).size,
  readFile: async (file) => new Uint8Array(await readFile(file)),
  readText: (file) => readFile(file, 'utf8'),
  writeFileAtomic: (file, data) => writeFileAtomic(file, data),
  remove: (file) => rm(file, { force: true }),
};
