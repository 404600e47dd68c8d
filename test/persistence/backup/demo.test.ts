import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModeratoDb } from '../../../renderer/src/persistence/db';
import { applyImport } from '../../../renderer/src/persistence/backup/importBackup';
import { checkBackup } from '../../../renderer/src/persistence/backup/validate';
import { buildDemoChanges } from '../../../scripts/demo/buildDemo';
import canvas from '../../../assets/canvases/ki-projektsteckbrief.json';
import {
  isValidFieldValue,
  validateCanvasTemplate,
  type CanvasTemplate,
} from '../../../renderer/src/domain/canvas';
import type { Idea } from '../../../renderer/src/domain/types';
import { freshDb } from '../dbHelpers';

const file = readFileSync(new URL('../../../assets/demo/ki-strategie-demo.moderato.json', import.meta.url));

let db: ModeratoDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('the demo workshop (assets/demo)', () => {
  it('is a valid backup that imports whole: four phase boards filled, participants, agenda, decisions, tasks', async () => {
    const result = await checkBackup(new Uint8Array(file));
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    db = freshDb();
    const { workshopIds } = await applyImport(db, result.backup, 'new');
    expect(workshopIds).toHaveLength(1);
    const boards = await db.boards.toArray();
    expect(boards.map((b) => `${b.phase}:${b.kind}`).sort()).toEqual([
      'focus:clusters',
      'ideas:canvases',
      'inventory:matrix',
      'vision:clusters',
    ]);
    const boardOf = (phase: string) => boards.find((b) => b.phase === phase)!.id;
    const notes = await db.notes.toArray();
    const on = (phase: string) => notes.filter((n) => n.boardId === boardOf(phase));
    expect(on('vision').length).toBeGreaterThanOrEqual(8);
    // Inventory: cards in cells carry facts; a few wait in the tray.
    const placed = on('inventory').filter((n) => n.rowId !== null && n.columnId !== null);
    expect(placed.length).toBeGreaterThanOrEqual(10);
    expect(placed.filter((n) => n.facts !== null).length).toBeGreaterThanOrEqual(10);
    expect(on('inventory').filter((n) => n.rowId === null && n.columnId === null)).toHaveLength(2);
    // Focus: copies keep their original's text; three clusters are focus areas with a description.
    const byId = new Map(notes.map((n) => [n.id, n]));
    const copies = on('focus').filter((n) => n.sourceNoteId !== null);
    expect(copies.length).toBeGreaterThanOrEqual(8);
    for (const copy of copies) expect(byId.get(copy.sourceNoteId!)?.text).toBe(copy.text);
    const clusters = await db.clusters.toArray();
    const focusAreas = clusters.filter((c) => c.focusAreaAt !== null);
    expect(focusAreas).toHaveLength(3);
    expect(focusAreas.every((c) => c.boardId === boardOf('focus') && c.description !== '')).toBe(true);
    expect(clusters.filter((c) => c.boardId === boardOf('vision'))).toHaveLength(3);
    // Ideas serve the focus areas and link cards that exist.
    const ideas = await db.ideas.toArray();
    expect(ideas).toHaveLength(3);
    for (const idea of ideas) {
      expect(focusAreas.map((c) => c.id)).toContain(idea.focusAreaId);
      expect(idea.sources.length).toBeGreaterThan(0);
      for (const source of idea.sources) expect(byId.has(source.noteId)).toBe(true);
    }
    // The agreed vision with its decision.
    const [vision] = await db.visions.toArray();
    expect(vision?.agreedAt).not.toBeNull();
    expect((await db.decisions.get(vision!.decisionId!))?.text).toMatch(/^Leitbild:/);
    expect(vision?.sourceNoteIds.every((id) => byId.get(id)?.boardId === boardOf('vision'))).toBe(true);

    const names = (await db.participants.toArray()).map((p) => p.name);
    expect(names).toContain('Łukasz Wróbel');
    expect(names).toContain('Şükrü Öztürk');
    expect(names).toContain('Zoë Martens');
    // The agreed vision, the inventory follow-up, and the adopted dot vote.
    expect(await db.decisions.count()).toBe(3);
    const [round] = await db.votingRounds.toArray();
    expect(round).toMatchObject({ status: 'closed', revealed: true, target: 'clusters' });
    const ballots = await db.ballots.toArray();
    expect(ballots.length).toBe(round!.entitled.length - 1);
    // Every ballot's dots sit on clusters of the round (ids fixed consistently).
    const items = new Set(round!.items.map((i) => i.id));
    for (const ballot of ballots)
      for (const id of Object.keys((ballot.content as { dots: object }).dots))
        expect(items.has(id)).toBe(true);
    const decision = await db.decisions.get(round!.decisionId!);
    expect(decision?.text).toMatch(/^Abstimmung „Punktabfrage zu den Handlungsschwerpunkten“/);
    const focus = (await db.clusters.toArray()).filter((c) => c.focusAreaAt !== null).map((c) => c.title);
    for (const title of focus) expect(decision?.text).toContain(title);
    expect(await db.actionItems.count()).toBe(3);
    expect((await db.agendaItems.toArray()).some((item) => item.elapsedMs > 0)).toBe(true);
  });

  it('is up to date with its builder (run `npm run demo` after changing scripts/demo/)', async () => {
    const result = await checkBackup(new Uint8Array(file));
    if (!result.ok) throw new Error('invalid demo');
    const { changes } = buildDemoChanges();
    const byId = (rows: readonly unknown[]) =>
      [...rows].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1));
    // The builder's ids are fixed, so the shipped rows must equal the built ones exactly.
    for (const table of [
      'notes',
      'clusters',
      'matrixRows',
      'ideas',
      'visions',
      'decisions',
      'actionItems',
    ] as const) {
      const built = changes.filter((c) => c.table === table && c.after).map((c) => c.after);
      expect(byId(result.backup.tables[table] ?? []), table).toEqual(byId(built));
    }
  });

  it('fills the project ideas with values their canvas template accepts', () => {
    const template = canvas as unknown as CanvasTemplate;
    expect(validateCanvasTemplate(template)).toEqual([]);
    const ideas = buildDemoChanges()
      .changes.filter((c) => c.table === 'ideas')
      .map((c) => c.after as Idea);
    expect(ideas).toHaveLength(3);
    for (const idea of ideas) {
      expect(idea.templateId).toBe(template.id);
      for (const [key, value] of Object.entries(idea.fields)) {
        const field = template.fields.find((f) => f.key === key);
        expect(field, `${idea.title}: ${key}`).toBeDefined();
        expect(isValidFieldValue(field!, value), `${idea.title}: ${key}`).toBe(true);
      }
      for (const source of idea.sources) expect(template.fields.map((f) => f.key)).toContain(source.field);
      expect(idea.fields.riskTier).toBeTypeOf('string');
    }
  });

  it('builds the same rows every time', () => {
    expect(JSON.stringify(buildDemoChanges())).toBe(JSON.stringify(buildDemoChanges()));
  });
});
