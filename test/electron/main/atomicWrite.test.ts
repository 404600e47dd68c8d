import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../electron/main/atomicWrite';

describe('writeFileAtomic', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'moderato-write-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes text and leaves no temp file behind', async () => {
    const target = path.join(dir, 'Workshop.moderato.json');
    await writeFileAtomic(target, '{"titel":"Grünflächen"}');
    expect(await readFile(target, 'utf8')).toBe('{"titel":"Grünflächen"}');
    expect(await readdir(dir)).toEqual(['Workshop.moderato.json']);
  });

  it('replaces an existing file completely', async () => {
    const target = path.join(dir, 'Protokoll.pdf');
    await writeFile(target, 'old content that is longer than the new one');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['Protokoll.pdf']);
  });

  it('keeps the old file and cleans up when the write fails', async () => {
    const target = path.join(dir, 'missing-folder', 'a.json');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});
