import { afterEach, describe, expect, it } from 'vitest';
import { invertChanges } from '../../renderer/src/domain/changes';
import { addActionItem, addDecision, removeDecision } from '../../renderer/src/domain/decisions';
import type { SessionId } from '../../renderer/src/domain/ids';
import { rankAfter } from '../../renderer/src/domain/ordering';
import type { AgendaItem, WorkshopSession } from '../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../renderer/src/domain/workshopCommands';
import type { ModeratoDb } from '../../renderer/src/persistence/db';
import {
  listActionItems,
  listAgendaChoices,
  listDecisions,
} from '../../renderer/src/persistence/decisionHooks';
import { applyChanges } from '../../renderer/src/persistence/repository';
import { freshDb } from './dbHelpers';

let db: ModeratoDb;
afterEach(async () => {
  await db?.delete();
});

async function seed(title = 'KI-Strategie') {
  const created = createWorkshop({
    fields: { ...EMPTY_WORKSHOP_FIELDS, title },
    template: {
      boards: [],
      agenda: [
        { title: 'Begrüßung', minutes: 15, boardIndex: null, notes: '' },
        { title: 'Vision', minutes: 30, boardIndex: null, notes: '' },
      ],
    },
    sessionTitle: 'Sitzung 1',
    now: 1,
  });
  await applyChanges(db, created.changes);
  return created.workshop;
}

describe('decision queries', () => {
  it('lists only this workshop’s decisions, by date (undated last), and an undone delete brings one back', async () => {
    db = freshDb();
    const workshop = await seed();
    const other = await seed('Anderer Workshop');
    const add = (text: string, date: string, now: number, workshopId = workshop.id) =>
      addDecision({ workshopId, fields: { text, date, agendaItemId: null }, now });
    const late = add('Später', '2027-05-01', 1);
    const undated = add('Ohne Datum', '', 2);
    const early = add('Früher', '2027-03-24', 3);
    await applyChanges(db, [
      ...late.changes,
      ...undated.changes,
      ...early.changes,
      ...add('Fremd', '2027-01-01', 4, other.id).changes,
    ]);
    expect((await listDecisions(db, workshop.id)).map((d) => d.text)).toEqual([
      'Früher',
      'Später',
      'Ohne Datum',
    ]);

    const removal = removeDecision(early.decision);
    await applyChanges(db, removal);
    expect((await listDecisions(db, workshop.id)).map((d) => d.text)).toEqual(['Später', 'Ohne Datum']);
    await applyChanges(db, invertChanges(removal));
    expect(await listDecisions(db, workshop.id)).toContainEqual(early.decision);
  });

  it('lists action items open first, each status by due date', async () => {
    db = freshDb();
    const workshop = await seed();
    const add = (task: string, due: string, status: 'open' | 'doing' | 'done') =>
      addActionItem({ workshopId: workshop.id, fields: { owner: '', task, due, status }, now: 1 }).changes;
    await applyChanges(db, [
      ...add('Fertig', '2027-01-01', 'done'),
      ...add('Läuft', '2027-01-01', 'doing'),
      ...add('Offen spät', '2027-09-01', 'open'),
      ...add('Offen früh', '2027-02-01', 'open'),
    ]);
    expect((await listActionItems(db, workshop.id)).map((a) => a.task)).toEqual([
      'Offen früh',
      'Offen spät',
      'Läuft',
      'Fertig',
    ]);
  });

  it('lists agenda items by session rank, then item rank, numbered per session', async () => {
    db = freshDb();
    const workshop = await seed();
    const [first] = await db.sessions.where('workshopId').equals(workshop.id).toArray();
    const second: WorkshopSession = {
      ...first!,
      id: 'session-2' as SessionId,
      title: 'Sitzung 2',
      rank: rankAfter(first!.rank),
    };
    const items = await db.agendaItems.where('workshopId').equals(workshop.id).toArray();
    const inSecond: AgendaItem = {
      ...items[0]!,
      id: 'top-s2' as never,
      sessionId: second.id,
      title: 'Rückblick',
    };
    // Written out of order on purpose: the query sorts.
    await applyChanges(db, [
      { table: 'agendaItems', after: inSecond },
      { table: 'sessions', after: second },
    ]);
    const choices = await listAgendaChoices(db, workshop.id);
    expect(choices.map((c) => [c.session?.title, c.number, c.item.title])).toEqual([
      ['Sitzung 1', 1, 'Begrüßung'],
      ['Sitzung 1', 2, 'Vision'],
      ['Sitzung 2', 1, 'Rückblick'],
    ]);
  });
});
