/**
 * Why a backup was refused. `code` is a key under "backup.errors." in the
 * locale files; `params` fill its placeholders. The app and the CLI print the
 * same sentence from it.
 */
export type BackupProblemCode =
  | 'tooLarge'
  | 'empty'
  | 'notUtf8'
  | 'byteOrderMark'
  | 'notJson'
  | 'tooDeep'
  | 'forbiddenKey'
  | 'keyTooLong'
  | 'tooManyKeys'
  | 'stringTooLong'
  | 'tooManyRows'
  | 'notBackup'
  | 'badHeader'
  | 'newerFormat'
  | 'checksumMismatch'
  | 'unknownTable'
  | 'rowNotObject'
  | 'invalidRow'
  | 'duplicateId'
  | 'danglingReference'
  | 'foreignReference'
  | 'inconsistentRow'
  | 'noWorkshops'
  | 'idConflict';

export interface BackupProblem {
  code: BackupProblemCode;
  params?: Record<string, string | number>;
}

/** Thrown inside the import path; caught at its edge and shown as a message. */
export class BackupRefusedError extends Error {
  constructor(readonly problem: BackupProblem) {
    super(`backup refused: ${problem.code}`);
    this.name = 'BackupRefusedError';
  }
}

export function refuse(code: BackupProblemCode, params?: Record<string, string | number>): never {
  throw new BackupRefusedError(params ? { code, params } : { code });
}
