import { useLiveQuery } from 'dexie-react-hooks';
import type { WorkshopId } from '../domain/ids';
import type { Participant } from '../domain/types';
import { getDb, type ModeratoDb } from './db';

// Same order as a.name.localeCompare(b.name, 'de'), with one collator for a list of up to 1,000.
// Made at the first comparison: a process's first collator loads ICU's collation data (some
// 25 ms here), which a board that only looks names up by id need not wait for.
let german: Intl.Collator | undefined;

/** Sorted by name as a German reader expects (Ä with A, ß with ss), then unit, then age. */
export function byParticipantName(a: Participant, b: Participant): number {
  german ??= new Intl.Collator('de');
  return german.compare(a.name, b.name) || german.compare(a.unit, b.unit) || a.createdAt - b.createdAt;
}

/** The workshop's participants in the order they are stored. */
function readParticipants(db: ModeratoDb, workshopId: WorkshopId): Promise<Participant[]> {
  return db.participants.where('workshopId').equals(workshopId).toArray();
}

export async function listParticipants(db: ModeratoDb, workshopId: WorkshopId): Promise<Participant[]> {
  return (await readParticipants(db, workshopId)).sort(byParticipantName);
}

/** The workshop's participants, sorted by name; undefined while loading. */
export function useParticipants(workshopId: WorkshopId): Participant[] | undefined {
  return useLiveQuery(() => listParticipants(getDb(), workshopId), [workshopId]);
}

/** The workshop's participants in no particular order, to look them up by id; undefined while loading. */
export function useParticipantsUnordered(workshopId: WorkshopId): Participant[] | undefined {
  return useLiveQuery(() => readParticipants(getDb(), workshopId), [workshopId]);
}
