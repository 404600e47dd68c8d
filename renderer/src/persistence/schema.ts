import type { Transaction } from 'dexie';

/**
 * Every schema version the database has ever had, in order. A version with an
 * upgrade stays here forever, and test/persistence/migrations.test.ts opens a
 * fixture of the version before it for each upgrade.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      workshops: 'id, deletedAt, updatedAt',
      boards: 'id, workshopId',
      columns: 'id, boardId',
      notes: 'id, boardId, columnId',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)!.version;
