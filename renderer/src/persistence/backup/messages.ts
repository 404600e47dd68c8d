import type { BackupProblem } from './problems';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The sentence for a refused backup, the same in the app and in the CLI. Table
 * names and row issues are translated too, so the user reads "Karten", not "notes".
 */
export function describeBackupProblem(problem: BackupProblem, t: Translate): string {
  const params: Record<string, unknown> = { ...problem.params };
  if (typeof params.table === 'string') {
    params.table = t(`backup.tables.${params.table}`, { defaultValue: params.table });
  }
  if (typeof params.issue === 'string') params.issue = t(`backup.issues.${params.issue}`);
  if (typeof params.bytes === 'number') params.size = formatMegabytes(params.bytes);
  return t(`backup.errors.${problem.code}`, params);
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`;
}
