import Dexie, { type EntityTable } from 'dexie';
import type {
  ActionItem,
  AgendaItem,
  Ballot,
  Board,
  Cluster,
  Column,
  Decision,
  Idea,
  InboxNote,
  MatrixRow,
  Note,
  Participant,
  Vision,
  VotingRound,
  Workshop,
  WorkshopSession,
  WritingRound,
} from '../domain/types';
import { activeDatabaseName } from './activeDb';
import { boardCacheGuard, type BoardCacheEntry } from './boardCache';
import { CURRENT_SCHEMA_VERSION, versionsToDeclare } from './schema';

export const DB_NAME = 'moderato';

export class ModeratoDb extends Dexie {
  workshops!: EntityTable<Workshop, 'id'>;
  boards!: EntityTable<Board, 'id'>;
  columns!: EntityTable<Column, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  participants!: EntityTable<Participant, 'id'>;
  sessions!: EntityTable<WorkshopSession, 'id'>;
  agendaItems!: EntityTable<AgendaItem, 'id'>;
  decisions!: EntityTable<Decision, 'id'>;
  actionItems!: EntityTable<ActionItem, 'id'>;
  matrixRows!: EntityTable<MatrixRow, 'id'>;
  clusters!: EntityTable<Cluster, 'id'>;
  ideas!: EntityTable<Idea, 'id'>;
  visions!: EntityTable<Vision, 'id'>;
  votingRounds!: EntityTable<VotingRound, 'id'>;
  ballots!: EntityTable<Ballot, 'id'>;
  writingRounds!: EntityTable<WritingRound, 'id'>;
  inboxNotes!: EntityTable<InboxNote, 'id'>;
  /** Kept copies of boards' rows, not data (see boardCache.ts). */
  boardCaches!: EntityTable<BoardCacheEntry, 'id'>;

  /** `installed`: the schema version the database is stored at, when known (see versionsToDeclare). */
  constructor(name = DB_NAME, installed?: number | null) {
    super(name);
    for (const { version, stores, upgrade } of versionsToDeclare(installed)) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(boardCacheGuard);
  }
}

let instance: ModeratoDb | null = null;

/**
 * The app's database. Tests make their own with `new ModeratoDb(name)`. The
 * first call makes it: main.tsx passes the stored schema version it asked the
 * browser for at start (see versionsToDeclare).
 */
export function getDb(installed?: number | null): ModeratoDb {
  instance ??= new ModeratoDb(activeDatabaseName(), installed);
  return instance;
}

/** The data was written by a newer Moderato; this one must not touch it. */
export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
}

/**
 * Opens the database. Dexie 4 would open a database of a newer schema as if it
 * were ours; refuse that instead, so an older app never writes over newer data.
 */
export async function openDatabase(db: ModeratoDb): Promise<void> {
  await db.open();
  // Dexie stores version n as IndexedDB version n * 10.
  const installed = Math.floor(db.backendDB().version / 10);
  if (installed > CURRENT_SCHEMA_VERSION) {
    db.close();
    throw new DatabaseTooNewError(`schema ${installed} > ${CURRENT_SCHEMA_VERSION}`);
  }
}
