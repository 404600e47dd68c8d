import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyImport,
  findExisting,
  importBackupBytes,
  titledAsCopy,
} from '../../../renderer/src/persistence/backup/importBackup';
import { BackupRefusedError } from '../../../renderer/src/persistence/backup/problems';
import { readBackup } from '../../../renderer/src/persistence/backup/validate';
import type { ModeratoDb } from '../../../renderer/src/persistence/db';
import type { NoteId } from '../../../renderer/src/domain/ids';
import { freshDb } from '../dbHelpers';

const nid = (id: string) => id as NoteId;
import { dbHash, IDS, makeBytes, sampleTables } from './sample';

let db: ModeratoDb;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

async function seeded(): Promise<ModeratoDb> {
  db = freshDb();
  await importBackupBytes(db, await makeBytes(), 'replace');
  return db;
}

const OTHER = {
  id: 'ffffffff-1111-4111-8111-111111111111',
  title: 'Anderer Workshop',
  date: '',
  place: '',
  organisation: '',
  facilitators: '',
  minuteTaker: '',
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null,
};

describe('importing a backup', () => {
  it('replaces a workshop with the state in the file and leaves the others alone', async () => {
    await seeded();
    const file = await makeBytes();
    // Since the backup: a card was edited, one added, and another workshop created.
    await db.notes.update(nid('n1'), { text: 'geändert' });
    await db.notes.add({ ...(await db.notes.get(nid('n2')))!, id: 'n-neu' as never });
    await db.workshops.add(OTHER as never);
    const backup = await readBackup(file);
    expect((await findExisting(db, backup)).map((w) => w.title)).toEqual([
      'KI-Strategie – Auftakt',
      'Grünflächenamt 2030',
    ]);

    await importBackupBytes(db, file, 'replace');
    expect((await db.notes.get(nid('n1')))!.text).toBe('Anträge digital annehmen');
    expect(await db.notes.get(nid('n-neu'))).toBeUndefined();
    expect(await db.workshops.get(OTHER.id as never)).toEqual(OTHER);
    expect(await db.notes.count()).toBe(sampleTables().notes!.length);
  });

  it('imports as a copy beside the original, with fresh ids that hang together', async () => {
    await seeded();
    const { workshopIds } = await importBackupBytes(db, await makeBytes(), 'new');
    expect(workshopIds).toHaveLength(2);
    expect(workshopIds).not.toContain(IDS.W1);
    expect(await db.workshops.count()).toBe(4);
    const copyBoards = await db.boards.where('workshopId').anyOf(workshopIds).toArray();
    expect(copyBoards.map((b) => b.title).sort()).toEqual(['Bestand', 'Ideen', 'Pinnwand']);
    const copyNotes = await db.notes
      .where('boardId')
      .anyOf(copyBoards.map((b) => b.id))
      .toArray();
    expect(copyNotes).toHaveLength(4);
    for (const note of copyNotes) {
      const column = await db.columns.get(note.columnId!);
      expect(column?.boardId).toBe(note.boardId);
    }
  });

  it('marks the title of a copy of a workshop that is here already, within the title limit', async () => {
    await seeded();
    await db.workshops.delete(IDS.W1 as never);
    const backup = await readBackup(await makeBytes());
    const { workshopIds } = await applyImport(db, backup, 'new', undefined, ' (Kopie)');
    const copies = await db.workshops.bulkGet(workshopIds as never[]);
    // The first workshop was no longer here: its title stays; the second is a copy of one that is.
    expect(copies.map((w) => w!.title)).toEqual(['KI-Strategie – Auftakt', 'Grünflächenamt 2030 (Kopie)']);
    const long = titledAsCopy('Ä'.repeat(199) + '😀', ' (Kopie)');
    expect(long).toBe('Ä'.repeat(192) + ' (Kopie)');
    expect(long.length).toBeLessThanOrEqual(200);
  });

  it('refuses an id that belongs to another workshop here, and changes nothing', async () => {
    await seeded();
    // Another workshop whose board happens to carry an id the file also uses.
    const tables = sampleTables();
    const stolen = { ...(tables.boards![2] as object), workshopId: OTHER.id };
    await db.workshops.add(OTHER as never);
    await db.boards.put(stolen as never);
    const before = await dbHash(db);
    const error = await importBackupBytes(db, await makeBytes(), 'replace').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect((error as BackupRefusedError).problem).toEqual({
      code: 'idConflict',
      params: { table: 'boards', id: IDS.B3 },
    });
    expect(await dbHash(db)).toBe(before);
  });

  it('writes in one transaction: a failure on the last table leaves everything as it was', async () => {
    await seeded();
    await db.notes.update(nid('n1'), { text: 'jetziger Stand' });
    const before = await dbHash(db);
    const proto = Object.getPrototypeOf(db.notes) as { bulkAdd: (...args: unknown[]) => Promise<unknown> };
    const original = proto.bulkAdd;
    vi.spyOn(proto, 'bulkAdd').mockImplementation(function (this: { name: string }, ...args: unknown[]) {
      return this.name === 'notes'
        ? Promise.reject(new Error('Datenträger voll'))
        : original.apply(this, args);
    });
    await expect(importBackupBytes(db, await makeBytes(), 'replace')).rejects.toThrow('Datenträger voll');
    expect(await dbHash(db)).toBe(before);
    expect((await db.notes.get(nid('n1')))!.text).toBe('jetziger Stand');
  });
});
