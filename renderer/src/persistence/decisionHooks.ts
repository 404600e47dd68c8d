import { useLiveQuery } from 'dexie-react-hooks';
import { compareActionItems, compareDecisions } from '../domain/decisions';
import type { WorkshopId } from '../domain/ids';
import { byRank } from '../domain/ordering';
import type { ActionItem, AgendaItem, Decision, WorkshopSession } from '../domain/types';
import { getDb, type ModeratoDb } from './db';

/** An agenda item as a TOP picker shows it: with its session and its number in that session (1-based). */
export interface AgendaChoice {
  item: AgendaItem;
  session: WorkshopSession | undefined;
  number: number;
}

export async function listDecisions(db: ModeratoDb, workshopId: WorkshopId): Promise<Decision[]> {
  const rows = await db.decisions.where('workshopId').equals(workshopId).toArray();
  return rows.sort(compareDecisions);
}

export async function listActionItems(db: ModeratoDb, workshopId: WorkshopId): Promise<ActionItem[]> {
  const rows = await db.actionItems.where('workshopId').equals(workshopId).toArray();
  return rows.sort(compareActionItems);
}

/** Every agenda item of a workshop, in session order and then agenda order. */
export async function listAgendaChoices(db: ModeratoDb, workshopId: WorkshopId): Promise<AgendaChoice[]> {
  return db.transaction('r', [db.sessions, db.agendaItems], async () => {
    const [sessions, items] = await Promise.all([
      db.sessions.where('workshopId').equals(workshopId).toArray(),
      db.agendaItems.where('workshopId').equals(workshopId).toArray(),
    ]);
    sessions.sort(byRank);
    const sessionIndex = new Map(sessions.map((session, index) => [session.id, index]));
    // Items of a session that is gone sort last rather than vanish.
    const indexOf = (item: AgendaItem) => sessionIndex.get(item.sessionId) ?? sessions.length;
    items.sort((a, b) => indexOf(a) - indexOf(b) || byRank(a, b));
    const counters = new Map<string, number>();
    return items.map((item) => {
      const number = (counters.get(item.sessionId) ?? 0) + 1;
      counters.set(item.sessionId, number);
      return { item, session: sessions[sessionIndex.get(item.sessionId) ?? -1], number };
    });
  });
}

/** Decisions by date (undated last), then in the order they were recorded. */
export function useDecisions(workshopId: WorkshopId) {
  return useLiveQuery(() => listDecisions(getDb(), workshopId), [workshopId]);
}

/** Action items: open, in progress, done; within each by due date (undated last). */
export function useActionItems(workshopId: WorkshopId) {
  return useLiveQuery(() => listActionItems(getDb(), workshopId), [workshopId]);
}

/** The workshop's agenda items for the TOP picker, by session rank then item rank. */
export function useAgendaItemsOfWorkshop(workshopId: WorkshopId) {
  return useLiveQuery(() => listAgendaChoices(getDb(), workshopId), [workshopId]);
}
