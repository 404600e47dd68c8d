// A small, valid set of backup tables and the tools the backup tests share.
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  canonicalJson,
  serializeBackup,
  sha256Hex,
  tablesChecksum,
  type BackupDocument,
  type BackupTables,
} from '../../../renderer/src/persistence/backup/format';
import type { ModeratoDb } from '../../../renderer/src/persistence/db';
import { dumpAll } from '../../../renderer/src/persistence/repository';

const W1 = '0b7f1d5e-8a43-4c1e-9c61-2f7e0a1d3b11';
const W2 = '7c3e9a10-2b4d-4e8f-9a1b-3c5d7e9f1a22';
const B1 = '5d0c8e2a-1f5b-4f7a-8a0e-6b2d9c4e7f21';
const B2 = '9e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a52';
const B3 = '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c63';

export const IDS = { W1, W2, B1, B2, B3 } as const;

export function sampleTables(): BackupTables {
  return {
    workshops: [
      {
        id: W1,
        title: 'KI-Strategie – Auftakt',
        date: '2027-03-24',
        place: 'Rathaus Köln-Mülheim',
        organisation: 'Senatskanzlei',
        facilitators: 'Jörg Straßer',
        minuteTaker: 'Ağrı Łukasz',
        createdAt: 1790000000000,
        updatedAt: 1790000500000,
        deletedAt: null,
      },
      {
        id: W2,
        title: 'Grünflächenamt 2030',
        date: '',
        place: '',
        organisation: '',
        facilitators: '',
        minuteTaker: '',
        createdAt: 1790000000001,
        updatedAt: 1790000000001,
        deletedAt: 1790000900000,
      },
    ],
    boards: [
      {
        id: B1,
        workshopId: W1,
        title: 'Pinnwand',
        phase: 'vision',
        kind: 'columns',
        rank: 'a0',
        createdAt: 1790000000000,
      },
      {
        id: B2,
        workshopId: W1,
        title: 'Bestand',
        phase: null,
        kind: 'columns',
        rank: 'a1',
        createdAt: 1790000000002,
      },
      {
        id: B3,
        workshopId: W2,
        title: 'Ideen',
        phase: 'ideas',
        kind: 'columns',
        rank: 'a0',
        createdAt: 1790000000003,
      },
    ],
    columns: [
      { id: 'c1', boardId: B1, title: 'Ideen', rank: 'a0' },
      { id: 'c2', boardId: B1, title: 'Fragen', rank: 'a1' },
      { id: 'c3', boardId: B2, title: 'Stärken', rank: 'a0' },
      { id: 'c4', boardId: B3, title: 'Neu', rank: 'a0' },
    ],
    notes: [
      note('n1', B1, 'c1', 'Anträge digital annehmen', 'yellow', 'a0'),
      note('n2', B1, 'c1', 'Łódź und Ağrı: Namen mit Sonderzeichen\nzweite Zeile „Zitat“ €', 'pink', 'a1'),
      note('n3', B1, 'c2', '<img src=x onerror=alert(1)>', 'blue', 'a0'),
      note('n4', B3, 'c4', 'Bäume zählen 🌳', 'green', 'a0'),
    ],
  };
}

function note(id: string, boardId: string, columnId: string, text: string, color: string, rank: string) {
  return {
    id,
    boardId,
    columnId,
    rowId: null,
    clusterId: null,
    text,
    color,
    rank,
    sourceNoteId: null,
    facts: null,
    createdAt: 1790000000100,
    updatedAt: 1790000000200,
  };
}

/** A document for `tables`, with the right checksum unless `checksum` is given. */
export async function makeDocument(
  tables: BackupTables = sampleTables(),
  overrides: Partial<BackupDocument> = {},
): Promise<BackupDocument> {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: '0.1.0',
    schemaVersion: 3,
    exportedAt: '2027-03-24T16:00:00.000Z',
    scope: 'all',
    checksum: await tablesChecksum(tables),
    tables,
    ...overrides,
  };
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

export async function makeBytes(
  tables?: BackupTables,
  overrides?: Partial<BackupDocument>,
): Promise<Uint8Array> {
  return utf8(serializeBackup(await makeDocument(tables, overrides)));
}

/** A fingerprint of everything in the database, to prove a refused import changed nothing. */
export async function dbHash(db: ModeratoDb): Promise<string> {
  const all = await dumpAll(db);
  const sorted = Object.fromEntries(
    Object.entries(all).map(([name, rows]) => [
      name,
      [...(rows as Array<{ id: string }>)].sort((a, b) => (a.id < b.id ? -1 : 1)),
    ]),
  );
  return sha256Hex(canonicalJson(sorted));
}

const R1 = '3f4e5d6c-7b8a-4c9d-8e0f-1a2b3c4d5e71';
const P1 = '6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c91';
const P2 = '8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e12';

export const WRITING_IDS = { R1, P1, P2 } as const;

/**
 * The sample with a writing round on board B1: participants, a card on the
 * board accepted from the inbox (with its author), and inbox cards in every
 * status — one merged into the accepted one, so every link of the inbox is used.
 */
export function writingTables(): BackupTables {
  const tables = sampleTables();
  const inbox = (
    id: string,
    clientId: string,
    status: string,
    extra: Record<string, unknown> = {},
  ): Record<string, unknown> => ({
    id,
    workshopId: W1,
    roundId: R1,
    boardId: B1,
    deviceId: 'device-0123456789abcdef',
    clientId,
    authorId: P1,
    text: `Karte ${clientId}`,
    sentText: `Karte ${clientId}`,
    version: 1,
    status,
    noteId: null,
    mergedInto: null,
    changedAfterDecision: false,
    receivedAt: 1790000001000,
    updatedAt: 1790000002000,
    ...extra,
  });
  return {
    ...tables,
    participants: [
      { id: P1, workshopId: W1, name: 'Anna Schmidt', unit: 'Bürgeramt', role: '', createdAt: 1790000000000 },
      { id: P2, workshopId: W1, name: 'Ben Öztürk', unit: '', role: '', createdAt: 1790000000000 },
    ],
    notes: [
      ...tables.notes!,
      {
        ...note('n5', B1, 'c1', 'E-Akte für alle Ämter', 'yellow', 'a2'),
        authorId: P1,
      },
    ],
    writingRounds: [
      {
        id: R1,
        workshopId: W1,
        boardId: B1,
        prompt: 'Welche Aufgaben sollten wir zuerst automatisieren?',
        maxNotesPerPerson: 5,
        anonymous: false,
        showAccepted: true,
        closesAt: 1790000900000,
        status: 'closed',
        openedAt: 1790000000500,
        closedAt: 1790000800000,
        createdAt: 1790000000500,
        updatedAt: 1790000800000,
      },
    ],
    inboxNotes: [
      inbox('i1', 'card-0001', 'accepted', {
        noteId: 'n5',
        text: 'E-Akte für alle Ämter',
        sentText: 'E-Akte',
      }),
      inbox('i2', 'card-0002', 'merged', { noteId: 'n5', mergedInto: 'i1', authorId: P2 }),
      inbox('i3', 'card-0003', 'rejected', { changedAfterDecision: true, sentText: 'anders', version: 2 }),
      inbox('i4', 'card-0004', 'withdrawn', { text: '', sentText: '', version: 2, authorId: null }),
      inbox('i5', 'card-0005', 'pending'),
    ],
  };
}
