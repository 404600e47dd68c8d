// Every bad backup in test/fixtures/backups/bad (plus the big ones made here)
// is refused with its own German message, leaves the database exactly as it
// was, and pollutes no prototype.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_LIMITS } from '../../../renderer/src/persistence/backup/limits';
import { describeBackupProblem } from '../../../renderer/src/persistence/backup/messages';
import { importBackupBytes } from '../../../renderer/src/persistence/backup/importBackup';
import { readBackupFile } from '../../../scripts/backupCheck';
import { BackupRefusedError, type BackupProblem } from '../../../renderer/src/persistence/backup/problems';
import { checkBackup } from '../../../renderer/src/persistence/backup/validate';
import type { ModeratoDb } from '../../../renderer/src/persistence/db';
import { createTranslator } from '../../../renderer/src/i18n/translator';
import { freshDb } from '../dbHelpers';
import { dbHash, makeBytes, sampleTables, utf8 } from './sample';

const BAD_DIR = new URL('../../fixtures/backups/bad/', import.meta.url);
const manifest = JSON.parse(
  readFileSync(new URL('../../fixtures/backups/bad-manifest.json', import.meta.url), 'utf8'),
) as Record<string, { code: string; message: string }>;
const t = createTranslator('de');

let db: ModeratoDb;
let hashBefore = '';
beforeAll(async () => {
  db = freshDb();
  await db.open();
  // Something to lose: a restore of the sample, under the same ids a bad file uses.
  await importBackupBytes(db, await makeBytes(), 'replace');
  hashBefore = await dbHash(db);
});
afterAll(async () => {
  await db.delete();
});

const prototypeKeys = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
});
const cleanPrototypes = prototypeKeys();

/** Refused by the check and by a real import attempt, with nothing changed. */
async function expectRefused(bytes: Uint8Array): Promise<BackupProblem> {
  const checked = await checkBackup(bytes);
  expect(checked.ok).toBe(false);
  const problem = (checked as { problem: BackupProblem }).problem;
  for (const mode of ['replace', 'new'] as const) {
    const error = await importBackupBytes(db, bytes, mode).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect((error as BackupRefusedError).problem).toEqual(problem);
  }
  expect(await dbHash(db)).toBe(hashBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(prototypeKeys()).toEqual(cleanPrototypes);
  return problem;
}

function germanMessage(problem: BackupProblem): string {
  const message = describeBackupProblem(problem, t);
  // A missing key would come back as the key itself.
  expect(message).not.toMatch(/^backup\./);
  expect(message).not.toMatch(/{{|undefined/);
  return message;
}

describe('the corpus of bad backup files', () => {
  const files = readdirSync(BAD_DIR).sort();

  it('has at least 40 files, each listed in the manifest', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(manifest).sort()).toEqual(files);
  });

  it.each(files)('%s is refused with its own German message, and nothing changes', async (name) => {
    const problem = await expectRefused(new Uint8Array(readFileSync(new URL(name, BAD_DIR))));
    expect(problem.code).toBe(manifest[name]!.code);
    expect(germanMessage(problem)).toBe(manifest[name]!.message);
  });

  it('says "nothing was changed" in every message', () => {
    for (const { message } of Object.values(manifest)) expect(message).toContain('Es wurde nichts geändert.');
  });
});

describe('big bad files, made at test time', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'moderato-backup-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a 200 MB file by its size, without reading it', async () => {
    const file = path.join(dir, 'riesig.moderato.json');
    const handle = await open(file, 'w');
    // Sparse: the file claims 200 MB but takes no disk space and no time.
    await handle.truncate(200 * 1024 * 1024);
    await handle.close();
    const started = Date.now();
    const result = await readBackupFile(file);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(result).toEqual({
      ok: false,
      problem: { code: 'tooLarge', params: { bytes: 200 * 1024 * 1024 } },
    });
    expect(germanMessage((result as { problem: BackupProblem }).problem)).toBe(
      'Die Datei ist zu groß (200 MB). Eine Moderato-Sicherung hat höchstens 50 MB. Es wurde nichts geändert.',
    );
  });

  it('refuses bytes over the limit even when handed over in memory', async () => {
    const problem = await expectRefused(new Uint8Array(BACKUP_LIMITS.maxBytes + 1));
    expect(problem.code).toBe('tooLarge');
  });

  it('refuses 100,000-deep nesting in one pass', async () => {
    const problem = await expectRefused(utf8(`${'['.repeat(100_000)}${']'.repeat(100_000)}`));
    expect(germanMessage(problem)).toBe(
      'Die Datei ist tiefer als 8 Ebenen verschachtelt und damit keine Moderato-Sicherung. Es wurde nichts geändert.',
    );
  });

  it('refuses 100,000-deep nesting inside a string-looking object too', async () => {
    const problem = await expectRefused(
      utf8(`{"format":"moderato-backup","x":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`),
    );
    expect(problem.code).toBe('tooDeep');
  });

  it('refuses a huge string', async () => {
    const tables = sampleTables();
    (tables.notes![0] as { text: string }).text = 'ä'.repeat(1_000_000);
    const problem = await expectRefused(await makeBytes(tables));
    expect(germanMessage(problem)).toBe(
      'Die Datei enthält einen Text mit 1.000.000 Zeichen; erlaubt sind höchstens 20.000. Es wurde nichts geändert.',
    );
  });

  it('refuses more rows than allowed before any schema runs', async () => {
    const text = `{"format":"moderato-backup","formatVersion":1,"tables":{"notes":[${'0,'.repeat(BACKUP_LIMITS.maxRows)}0]}}`;
    const problem = await expectRefused(utf8(text));
    expect(problem.code).toBe('tooManyRows');
  });
});
