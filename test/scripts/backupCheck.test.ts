import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBackupCheck } from '../../scripts/backupCheck';
import { makeBytes } from '../persistence/backup/sample';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BAD = path.join(ROOT, 'test/fixtures/backups/bad');

let dir = '';
let good = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'moderato-check-'));
  good = path.join(dir, 'gut.moderato.json');
  await writeFile(good, await makeBytes());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function check(...args: string[]) {
  const lines: string[] = [];
  const code = await runBackupCheck(args, (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

describe('npm run backup:check', () => {
  it('accepts a good backup and says what is in it', async () => {
    const { code, output } = await check(good);
    expect(code).toBe(0);
    expect(output).toContain(
      'Die Sicherung ist in Ordnung (Format 3). 2 Workshops: „KI-Strategie – Auftakt“',
    );
  });

  it('refuses a bad one with the app’s German message and exit code 1', async () => {
    const { code, output } = await check(path.join(BAD, 'newer-format.json'));
    expect(code).toBe(1);
    expect(output).toContain(
      'Die Sicherung stammt aus einer neueren Moderato-Version (Format 4, diese Version liest bis Format 3). Es wurde nichts geändert.',
    );
  });

  it('says when the file is missing, and how to call it', async () => {
    expect(await check(path.join(dir, 'fehlt.json'))).toMatchObject({
      code: 1,
      output: expect.stringContaining('gibt es nicht'),
    });
    expect(await check()).toMatchObject({
      code: 2,
      output: expect.stringContaining('Aufruf: npm run backup:check'),
    });
  });

  it('runs as an npm script with a non-zero exit when the file would be refused', () => {
    const bad = spawnSync(
      'npm',
      ['run', '--silent', 'backup:check', '--', path.join(BAD, 'proto-key-top.json')],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('unzulässigen Schlüssel „__proto__“');
    const ok = spawnSync('npm', ['run', '--silent', 'backup:check', '--', good], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
  }, 30_000);
});
