// The two optional fields of the minutes (Participant.attendance, Workshop.minutesStatus):
// older databases and backups read fine without them, and a backup carries them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkshopId } from '../../../renderer/src/domain/ids';
import { buildMinutes } from '../../../renderer/src/domain/minutes';
import { setAttendance, setMinutesStatus } from '../../../renderer/src/domain/minutesRecord';
import { exportBackupText } from '../../../renderer/src/persistence/backup/exportBackup';
import { importBackupBytes } from '../../../renderer/src/persistence/backup/importBackup';
import { ModeratoDb, openDatabase } from '../../../renderer/src/persistence/db';
import { applyChanges, loadWorkshopTree } from '../../../renderer/src/persistence/repository';
import { writeFixtureAtVersion } from '../../persistence/dbHelpers';

// Read by path: in the features project Vite rewrites `new URL(…, import.meta.url)` into an asset URL.
const fixture = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/db-v2.json'), 'utf8')) as {
  version: number;
  tables: Record<string, Array<{ id: string }>>;
};
const workshopId = fixture.tables.workshops![0]!.id as WorkshopId;

const opened: ModeratoDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function fixtureDb(): Promise<ModeratoDb> {
  const name = `attendance-v2-${Date.now()}-${Math.random()}`;
  await writeFixtureAtVersion(name, fixture);
  const db = new ModeratoDb(name);
  opened.push(db);
  await openDatabase(db);
  return db;
}

describe('attendance and minutes status in stored data', () => {
  it('reads a version-2 database: everyone is present, the minutes are a draft', async () => {
    const db = await fixtureDb();
    const tree = await loadWorkshopTree(db, workshopId);
    expect(tree.participants.map((p) => [p.name, p.attendance])).toEqual([['Jonas Weber', undefined]]);
    const workshop = (await db.workshops.get(workshopId))!;
    expect(workshop.minutesStatus).toBeUndefined();
    const model = buildMinutes(workshop, tree, { now: 0, status: workshop.minutesStatus ?? 'draft' });
    expect(model.participants.map((p) => p.name)).toEqual(['Jonas Weber']);
    expect(model.excused).toEqual([]);
    expect(model.status).toBe('draft');
  });

  it('exports and imports a backup of it: without the fields, and with them once set', async () => {
    const db = await fixtureDb();
    const plain = await exportBackupText(db, { workshopId, appVersion: 'test', now: new Date(0) });
    const target = new ModeratoDb(`attendance-import-${Date.now()}`);
    opened.push(target);
    await openDatabase(target);
    const first = await importBackupBytes(target, new TextEncoder().encode(plain), 'new');
    const [imported] = await target.participants.toArray();
    expect(imported).toMatchObject({ name: 'Jonas Weber' });
    expect(imported?.attendance ?? 'present').toBe('present');

    const [jonas] = await db.participants.toArray();
    const workshop = (await db.workshops.get(workshopId))!;
    await applyChanges(db, [
      ...setAttendance(jonas!, 'excused'),
      ...setMinutesStatus(workshop, 'approved', 5),
    ]);
    const marked = await exportBackupText(db, { workshopId, appVersion: 'test', now: new Date(0) });
    const second = await importBackupBytes(target, new TextEncoder().encode(marked), 'new');
    const newId = second.workshopIds.find((id) => !first.workshopIds.includes(id))!;
    const tree = await loadWorkshopTree(target, newId as WorkshopId);
    expect(tree.participants.map((p) => p.attendance)).toEqual(['excused']);
    expect((await target.workshops.get(newId as WorkshopId))?.minutesStatus).toBe('approved');
  });
});
