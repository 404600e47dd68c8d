// Writing rounds and their inbox travel in backups (format 3): restored
// exactly, and as a copy under fresh ids whose links (the card on the board,
// the card merged into, the authors) point at the copy's own rows.
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkshopId } from '../../../renderer/src/domain/ids';
import { createBackup } from '../../../renderer/src/persistence/backup/exportBackup';
import { importBackupBytes } from '../../../renderer/src/persistence/backup/importBackup';
import type { ModeratoDb } from '../../../renderer/src/persistence/db';
import { dumpAll } from '../../../renderer/src/persistence/repository';
import { freshDb } from '../dbHelpers';
import { IDS, makeBytes, WRITING_IDS, writingTables } from './sample';

let db: ModeratoDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const options = { appVersion: '0.1.0', now: new Date('2027-03-24T16:00:00Z') };
type Row = Record<string, unknown> & { id: string };

describe('writing rounds in backups', () => {
  it('a restore brings back the round, every inbox card and the card authors exactly', async () => {
    db = freshDb();
    const tables = writingTables();
    await importBackupBytes(db, await makeBytes(tables), 'replace');
    const all = await dumpAll(db);
    const sorted = (rows: unknown[]) => [...(rows as Row[])].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const name of ['writingRounds', 'inboxNotes', 'participants', 'notes'])
      expect(sorted(all[name]!)).toEqual(sorted(tables[name]!));
    // Exported again, the file holds the same rows.
    const again = await createBackup(db, { ...options, workshopId: IDS.W1 });
    expect(sorted(again.tables.inboxNotes!)).toEqual(sorted(tables.inboxNotes!));
    expect(sorted(again.tables.writingRounds!)).toEqual(sorted(tables.writingRounds!));
  });

  it('"import as copy" gives the round and its inbox fresh ids and links them to the copy', async () => {
    db = freshDb();
    const bytes = await makeBytes(writingTables());
    await importBackupBytes(db, bytes, 'replace');
    const { workshopIds } = await importBackupBytes(db, bytes, 'new');
    // The copy of W1 (the file also holds W2, copied too).
    const copies = await db.workshops.bulkGet(workshopIds as WorkshopId[]);
    const copyW1 = copies.find((w) => w?.title === 'KI-Strategie – Auftakt')!.id;
    const copy = await createBackup(db, { ...options, workshopId: copyW1 });
    const { writingRounds, inboxNotes, notes, participants, boards } = copy.tables as Record<string, Row[]>;
    expect(copy.tables.workshops!.map((w) => w.id)).toEqual([copyW1]);
    expect(copyW1).not.toBe(IDS.W1);

    const [round] = writingRounds!;
    expect(round!.id).not.toBe(WRITING_IDS.R1);
    expect(round).toMatchObject({
      workshopId: copyW1,
      prompt: 'Welche Aufgaben sollten wir zuerst automatisieren?',
    });
    expect(boards!.map((b) => b.id)).toContain(round!.boardId);
    expect(round!.boardId).not.toBe(IDS.B1);

    const byClient = new Map(inboxNotes!.map((n) => [n.clientId as string, n]));
    const accepted = byClient.get('card-0001')!;
    const merged = byClient.get('card-0002')!;
    const boardCard = notes!.find((n) => n.id === accepted.noteId)!;
    // The accepted card points at the copy's board card, which carries the copy's participant.
    expect(boardCard).toMatchObject({ text: 'E-Akte für alle Ämter', boardId: round!.boardId });
    const anna = participants!.find((p) => p.name === 'Anna Schmidt')!;
    const ben = participants!.find((p) => p.name === 'Ben Öztürk')!;
    expect(anna.id).not.toBe(WRITING_IDS.P1);
    expect(boardCard.authorId).toBe(anna.id);
    expect(accepted).toMatchObject({ authorId: anna.id, roundId: round!.id, boardId: round!.boardId });
    // The merged card points at the copy's survivor and the same board card; its author is the copy's Ben.
    expect(merged).toMatchObject({ mergedInto: accepted.id, noteId: boardCard.id, authorId: ben.id });
    expect(byClient.get('card-0004')!.authorId).toBeNull();
    expect(inboxNotes!.every((n) => n.workshopId === copyW1 && n.roundId === round!.id)).toBe(true);
    expect(new Set(inboxNotes!.map((n) => n.id)).size).toBe(5);
    for (const n of inboxNotes!) expect(['i1', 'i2', 'i3', 'i4', 'i5']).not.toContain(n.id);

    // The original is untouched.
    const original = await createBackup(db, { ...options, workshopId: IDS.W1 });
    expect(original.tables.inboxNotes!.find((n) => n.id === 'i2')).toMatchObject({
      mergedInto: 'i1',
      noteId: 'n5',
      authorId: WRITING_IDS.P2,
    });
  });

  it('refuses an inbox card whose board is not its round’s board', async () => {
    db = freshDb();
    const tables = writingTables();
    (tables.inboxNotes![0] as Row).boardId = IDS.B2;
    await expect(importBackupBytes(db, await makeBytes(tables), 'replace')).rejects.toMatchObject({
      problem: { params: { table: 'inboxNotes', field: 'boardId' } },
    });
    expect(await db.inboxNotes.count()).toBe(0);
  });
});
