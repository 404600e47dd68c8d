// Merging clusters writes two cluster rows; every reader sees the cards where they show,
// and backups (export, raw dump) hold plain rows that pass the import checks.
import { afterEach, describe, expect, it } from 'vitest';
import { editNote } from '../../renderer/src/domain/boardCommands';
import { invertChanges } from '../../renderer/src/domain/changes';
import { addCard, cardsIn, clusterCards, mergeClusters } from '../../renderer/src/domain/clusterCommands';
import type { BoardContent, Cluster, Note } from '../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../renderer/src/domain/workshopCommands';
import { createBackup, exportBackupText } from '../../renderer/src/persistence/backup/exportBackup';
import { RAW_DUMP_KIND } from '../../renderer/src/persistence/backup/format';
import { importBackupBytes } from '../../renderer/src/persistence/backup/importBackup';
import { readBackup } from '../../renderer/src/persistence/backup/validate';
import type { ModeratoDb } from '../../renderer/src/persistence/db';
import { loadTraceData } from '../../renderer/src/persistence/ideaHooks';
import {
  applyChanges,
  dumpAll,
  listBoards,
  loadBoardContent,
  loadWorkshopTree,
} from '../../renderer/src/persistence/repository';
import { CURRENT_SCHEMA_VERSION } from '../../renderer/src/persistence/schema';
import { freshDb } from './dbHelpers';

const dbs: ModeratoDb[] = [];
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

/** A clusters board with "A" (A1, A2) and "B" (B1, B2), stored. */
async function seed() {
  const db = freshDb();
  dbs.push(db);
  const created = createWorkshop({
    fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'Cluster' },
    template: { boards: [{ title: 'Schwerpunkte', phase: null, columns: [], kind: 'clusters' }], agenda: [] },
    sessionTitle: 'Sitzung 1',
    now: 1,
  });
  await applyChanges(db, created.changes);
  const [board] = await listBoards(db, created.workshop.id);
  const read = async () => (await loadBoardContent(db, board!.id))!;
  for (const text of ['A1', 'A2', 'B1', 'B2'])
    await applyChanges(db, addCard(await read(), { text, now: 2 }).changes);
  const card = (content: BoardContent, text: string) => content.notes.find((n) => n.text === text)!;
  let content = await read();
  await applyChanges(
    db,
    clusterCards(content, card(content, 'A1').id, card(content, 'A2').id, 3, 'A').changes,
  );
  content = await read();
  await applyChanges(
    db,
    clusterCards(content, card(content, 'B1').id, card(content, 'B2').id, 3, 'B').changes,
  );
  return { db, workshopId: created.workshop.id, read, card };
}

const named = (clusters: readonly Cluster[], title: string) => clusters.find((c) => c.title === title)!;
const texts = (notes: readonly Note[]) => notes.map((n) => n.text);

describe('a merge as stored', () => {
  it('leaves the cards untouched, reads them in the target, and undoes by its two rows', async () => {
    const { db, workshopId, read, card } = await seed();
    let content = await read();
    const before = await db.notes.toArray();
    const merge = mergeClusters(
      content,
      named(content.clusters, 'B').id,
      named(content.clusters, 'A').id,
      [],
      4,
    );
    await applyChanges(db, merge);
    expect(await db.notes.toArray()).toEqual(before);
    content = await read();
    const a = named(content.clusters, 'A');
    expect(content.clusters.map((c) => c.title)).toEqual(['A']);
    expect(texts(cardsIn(content, a.id))).toEqual(['A1', 'A2', 'B1', 'B2']);
    const trace = await loadTraceData(db, workshopId);
    expect(trace.notes.filter((n) => n.clusterId === a.id)).toHaveLength(4);

    // An edit stores the card with its old cluster: undoing the merge takes it back.
    await applyChanges(db, editNote(card(content, 'B2'), 'B2 neu', 5));
    expect((await db.notes.get(card(content, 'B2').id))!.clusterId).toBe(
      named(
        merge.map((c) => c.before as Cluster),
        'B',
      ).id,
    );
    content = await read();
    expect(texts(cardsIn(content, a.id))).toEqual(['A1', 'A2', 'B1', 'B2 neu']);
    await applyChanges(db, invertChanges(merge));
    content = await read();
    expect(texts(cardsIn(content, named(content.clusters, 'B').id))).toEqual(['B1', 'B2 neu']);
    expect(texts(cardsIn(content, named(content.clusters, 'A').id))).toEqual(['A1', 'A2']);
  });

  it('exports plain rows that import again, as a backup and as the raw dump', async () => {
    const { db, workshopId, read } = await seed();
    const content = await read();
    await applyChanges(
      db,
      mergeClusters(content, named(content.clusters, 'B').id, named(content.clusters, 'A').id, [], 4),
    );
    const shown = texts(cardsIn(await read(), named(content.clusters, 'A').id));

    const tree = await loadWorkshopTree(db, workshopId);
    expect(tree.clusters.every((c) => !('absorbed' in c))).toBe(true);
    expect(tree.notes.every((n) => !('merged' in n) && n.clusterId === named(content.clusters, 'A').id)).toBe(
      true,
    );

    const backup = await createBackup(db, { workshopId, appVersion: 't', now: new Date(5) });
    expect(JSON.stringify(backup.tables)).not.toMatch(/absorbed|merged/);
    const raw = JSON.stringify({
      kind: RAW_DUMP_KIND,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      tables: await dumpAll(db),
    });
    expect(raw).toMatch(/absorbed/);
    for (const file of [await exportBackupText(db, { workshopId, appVersion: 't', now: new Date(5) }), raw]) {
      const restored = freshDb();
      dbs.push(restored);
      await readBackup(new TextEncoder().encode(file));
      const { workshopIds } = await importBackupBytes(restored, new TextEncoder().encode(file), 'new');
      const [board] = await listBoards(restored, workshopIds[0] as never);
      const copy = (await loadBoardContent(restored, board!.id))!;
      expect(copy.clusters.map((c) => c.title)).toEqual(['A']);
      expect(texts(cardsIn(copy, copy.clusters[0]!.id))).toEqual(shown);
    }
  });
});
