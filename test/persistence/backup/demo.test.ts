import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModeratoDb } from '../../../renderer/src/persistence/db';
import { applyImport } from '../../../renderer/src/persistence/backup/importBackup';
import { checkBackup } from '../../../renderer/src/persistence/backup/validate';
import { buildDemoChanges } from '../../../scripts/demo/buildDemo';
import { freshDb } from '../dbHelpers';

const file = readFileSync(new URL('../../../assets/demo/ki-strategie-demo.moderato.json', import.meta.url));

let db: ModeratoDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('the demo workshop (assets/demo)', () => {
  it('is a valid backup that imports whole: four phases, notes, participants, agenda, decisions, tasks', async () => {
    const result = await checkBackup(new Uint8Array(file));
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    db = freshDb();
    const { workshopIds } = await applyImport(db, result.backup, 'new');
    expect(workshopIds).toHaveLength(1);
    const boards = await db.boards.toArray();
    expect(boards.map((b) => b.phase).sort()).toEqual(['focus', 'ideas', 'inventory', 'vision']);
    expect(await db.notes.count()).toBeGreaterThanOrEqual(20);
    const names = (await db.participants.toArray()).map((p) => p.name);
    expect(names).toContain('Łukasz Wróbel');
    expect(names).toContain('Şükrü Öztürk');
    expect(names).toContain('Zoë Martens');
    expect(await db.decisions.count()).toBe(2);
    expect(await db.actionItems.count()).toBe(3);
    expect((await db.agendaItems.toArray()).some((item) => item.elapsedMs > 0)).toBe(true);
  });

  it('is up to date with its builder (run `npm run demo` after changing scripts/demo/buildDemo.ts)', async () => {
    const result = await checkBackup(new Uint8Array(file));
    if (!result.ok) throw new Error('invalid demo');
    const { changes } = buildDemoChanges();
    const built = changes.filter((c) => c.table === 'notes').map((c) => (c.after as { text: string }).text);
    const shipped = (result.backup.tables.notes ?? []).map((n) => (n as unknown as { text: string }).text);
    expect(shipped.sort()).toEqual(built.sort());
    const tasks = (rows: unknown[] | undefined) =>
      (rows ?? []).map((row) => (row as { task: string }).task).sort();
    const builtTasks = changes.filter((c) => c.table === 'actionItems').map((c) => c.after);
    expect(tasks(result.backup.tables.actionItems)).toEqual(tasks(builtTasks));
  });
});
