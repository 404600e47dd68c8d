/**
 * `npm run backup:check -- <file>`: checks a backup file with exactly the
 * validation the app uses and prints the same German message. Exit code 0 when
 * the app would import the file, 1 when it would refuse it, 2 on wrong usage.
 */
import { open } from 'node:fs/promises';
import { createTranslator } from '../renderer/src/i18n/translator';
import { BACKUP_LIMITS } from '../renderer/src/persistence/backup/limits';
import { describeBackupProblem } from '../renderer/src/persistence/backup/messages';
import { checkBackup, type BackupCheck } from '../renderer/src/persistence/backup/validate';

/** Checks the size before reading, so a wrong pick of 200 MB costs nothing. */
export async function readBackupFile(filePath: string): Promise<BackupCheck> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    if (size > BACKUP_LIMITS.maxBytes)
      return { ok: false, problem: { code: 'tooLarge', params: { bytes: size } } };
    return await checkBackup(new Uint8Array(await handle.readFile()));
  } finally {
    await handle.close();
  }
}

export async function runBackupCheck(
  args: readonly string[],
  print: (line: string) => void,
): Promise<number> {
  const t = createTranslator('de');
  const file = args.find((arg) => !arg.startsWith('-'));
  if (!file || args.length !== 1) {
    print('Aufruf: npm run backup:check -- <Datei.moderato.json>');
    return 2;
  }
  let result: BackupCheck;
  try {
    result = await readBackupFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    print(
      code === 'ENOENT'
        ? `Die Datei „${file}“ gibt es nicht.`
        : `Die Datei „${file}“ kann nicht gelesen werden (${code ?? String(error)}).`,
    );
    return 1;
  }
  if (!result.ok) {
    print(`${file}: ${describeBackupProblem(result.problem, t)}`);
    return 1;
  }
  const { summary, formatVersion } = result.backup;
  const titles = summary.workshops.map((w) => `„${w.title}“`).join(', ');
  print(
    `${file}: Die Sicherung ist in Ordnung (Format ${formatVersion}). ` +
      `${t('backup.content', { count: summary.workshops.length, titles })}; ${summary.rows} Einträge.`,
  );
  return 0;
}
