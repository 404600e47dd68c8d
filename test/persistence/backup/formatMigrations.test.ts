// Files written by an older Moderato still import: each format step of
// renderer/src/persistence/backup/migrations.ts is exercised from a file of
// the version before it.
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT_VERSION } from '../../../renderer/src/persistence/backup/format';
import { importBackupBytes } from '../../../renderer/src/persistence/backup/importBackup';
import { MIGRATIONS } from '../../../renderer/src/persistence/backup/migrations';
import type { ModeratoDb } from '../../../renderer/src/persistence/db';
import { loadBoardContent } from '../../../renderer/src/persistence/repository';
import { freshDb } from '../dbHelpers';
import { IDS, makeBytes, sampleTables } from './sample';

let db: ModeratoDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

/** The sample as format 1 wrote it: boards without a kind, cards only in columns. */
function formatOneTables() {
  const tables = sampleTables();
  return {
    ...tables,
    boards: tables.boards!.map(({ kind: _kind, ...board }) => board),
    notes: tables.notes!.map(({ rowId: _r, clusterId: _c, sourceNoteId: _s, facts: _f, ...note }) => note),
  };
}

describe('backup format migrations', () => {
  it('has one step per older format', () => {
    expect(MIGRATIONS).toHaveLength(BACKUP_FORMAT_VERSION);
  });

  it('imports a format-1 file: boards become columns boards, cards keep their column', async () => {
    db = freshDb();
    const bytes = await makeBytes(formatOneTables(), { formatVersion: 1, schemaVersion: 2 });
    await importBackupBytes(db, bytes, 'replace');
    const content = await loadBoardContent(db, IDS.B1 as never);
    expect(content!.board.kind).toBe('columns');
    expect(content!.notes.map((n) => [n.text.slice(0, 12), n.columnId, n.rowId, n.clusterId])).toEqual([
      ['Anträge digi', 'c1', null, null],
      ['<img src=x o', 'c2', null, null],
      ['Łódź und Ağr', 'c1', null, null],
    ]);
    expect(content!.notes.every((n) => n.sourceNoteId === null && n.facts === null)).toBe(true);
    expect(await db.notes.count()).toBe(4);
  });

  it('refuses a format-1 file whose card already has a field of format 2 it must not have yet', async () => {
    db = freshDb();
    const tables = formatOneTables();
    (tables.notes[0] as Record<string, unknown>).facts = 'viel';
    const bytes = await makeBytes(tables, { formatVersion: 1, schemaVersion: 2 });
    await expect(importBackupBytes(db, bytes, 'replace')).rejects.toMatchObject({
      problem: { code: 'invalidRow', params: { table: 'notes', field: 'facts' } },
    });
    expect(await db.notes.count()).toBe(0);
  });

  it('imports a format-2 file: no writing rounds, no inbox, cards without authors', async () => {
    db = freshDb();
    // Format 2 knew neither table; its cards had no author.
    const { writingRounds: _w, inboxNotes: _i, ...tables } = sampleTables();
    const bytes = await makeBytes(tables, { formatVersion: 2, schemaVersion: 3 });
    await importBackupBytes(db, bytes, 'replace');
    expect(await db.writingRounds.count()).toBe(0);
    expect(await db.inboxNotes.count()).toBe(0);
    expect(await db.notes.count()).toBe(4);
    expect((await db.notes.toArray()).every((n) => !('authorId' in n))).toBe(true);
    const content = await loadBoardContent(db, IDS.B1 as never);
    expect(content!.notes.map((n) => n.text.slice(0, 12))).toEqual([
      'Anträge digi',
      '<img src=x o',
      'Łódź und Ağr',
    ]);
  });
});
