import { useLiveQuery } from 'dexie-react-hooks';
import type { WorkshopId } from '../domain/ids';
import { byRank } from '../domain/ordering';
import { getDb } from './db';

export function useSessions(workshopId: WorkshopId) {
  return useLiveQuery(
    async () => (await getDb().sessions.where('workshopId').equals(workshopId).toArray()).sort(byRank),
    [workshopId],
  );
}

/** All agenda items of a workshop (every session), in rank order. */
export function useAgendaItems(workshopId: WorkshopId) {
  return useLiveQuery(
    async () => (await getDb().agendaItems.where('workshopId').equals(workshopId).toArray()).sort(byRank),
    [workshopId],
  );
}
