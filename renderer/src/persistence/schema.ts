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
  {
    // The workshop process: participants, sessions with agendas, decisions and
    // action items; workshops gain facilitators and minute-taker, boards a phase.
    version: 2,
    stores: {
      participants: 'id, workshopId',
      sessions: 'id, workshopId',
      agendaItems: 'id, workshopId, sessionId',
      decisions: 'id, workshopId',
      actionItems: 'id, workshopId',
    },
    upgrade: async (tx) => {
      await tx
        .table('workshops')
        .toCollection()
        .modify((workshop: Record<string, unknown>) => {
          workshop.facilitators ??= '';
          workshop.minuteTaker ??= '';
        });
      await tx
        .table('boards')
        .toCollection()
        .modify((board: Record<string, unknown>) => {
          board.phase ??= null;
        });
    },
  },
  {
    // The phase boards: boards get a kind; matrix rows, clusters (focus areas),
    // project ideas (canvases) and visions; cards can sit in a matrix cell or a
    // cluster, carry facts and point at the card they were copied from.
    version: 3,
    stores: {
      notes: 'id, boardId, columnId, clusterId, sourceNoteId',
      matrixRows: 'id, boardId',
      clusters: 'id, boardId',
      ideas: 'id, workshopId, boardId, focusAreaId',
      visions: 'id, workshopId, boardId',
      votingRounds: 'id, workshopId, boardId',
      // One ballot per participant and round, enforced by the database itself.
      ballots: 'id, workshopId, roundId, &[roundId+participantId]',
    },
    upgrade: async (tx) => {
      await tx
        .table('boards')
        .toCollection()
        .modify((board: Record<string, unknown>) => {
          board.kind ??= 'columns';
        });
      await tx
        .table('notes')
        .toCollection()
        .modify((note: Record<string, unknown>) => {
          note.rowId ??= null;
          note.clusterId ??= null;
          note.sourceNoteId ??= null;
          note.facts ??= null;
        });
    },
  },
  {
    // Writing rounds from phones (Schreibrunden) and their inbox (Eingang). A
    // phone card is stored once however often it is sent: the compound index
    // (round, phone, the phone's card id) is unique. Cards gain an optional,
    // unindexed author, so no row needs changing.
    version: 4,
    stores: {
      writingRounds: 'id, workshopId, boardId',
      inboxNotes: 'id, workshopId, roundId, boardId, &[roundId+deviceId+clientId]',
    },
  },
  {
    // Cards keep only the index they are read by (their board). Nothing read them
    // by column, cluster or source card, yet every card written updated those three
    // indexes too: merging a 200-card cluster wrote 200 cards and their entries.
    // Dropping an index changes no row.
    version: 5,
    stores: {
      notes: 'id, boardId',
    },
  },
  {
    // Merged clusters (domain/clusterMerge.ts): a cluster may hold `absorbed`, and
    // cards may name a merged cluster that is gone. Same stores, no row changes;
    // the version is raised so that an older app, which would show those cards
    // nowhere, refuses the database instead (StartupFailure) of losing them.
    version: 6,
    stores: {},
  },
  {
    // A kept copy of a board's rows in one row (persistence/boardCache.ts), so that
    // opening a board of thousands of cards reads one value. Not data: a new table,
    // empty at first, no row changes; backups and dumps leave it out (DERIVED_TABLES).
    version: 7,
    stores: { boardCaches: 'id' },
  },
];

/** Tables that hold only what can be derived from the others: never in a backup or a dump. */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['boardCaches']);

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)!.version;

/**
 * The current schema as one version: every version's stores in turn, a table
 * set to null dropped.
 */
export function currentSchema(): SchemaVersion {
  const stores: Record<string, string> = {};
  for (const version of SCHEMA_VERSIONS) {
    for (const [table, spec] of Object.entries(version.stores)) {
      if (spec === null) delete stores[table];
      else stores[table] = spec;
    }
  }
  return { version: CURRENT_SCHEMA_VERSION, stores };
}

/**
 * The versions to declare for a database stored at schema version `installed`
 * (undefined: not known). One stored at the current version needs no upgrade,
 * so it gets the current schema in one step: Dexie parses every earlier
 * version again for each one declared, which took 10–20 ms of every start.
 * Any other (older, new, or not known) gets every version, so that each
 * upgrade it needs runs.
 */
export function versionsToDeclare(installed?: number | null): readonly SchemaVersion[] {
  return installed === CURRENT_SCHEMA_VERSION ? [currentSchema()] : SCHEMA_VERSIONS;
}
