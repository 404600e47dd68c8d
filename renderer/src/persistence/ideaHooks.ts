import type { ObservabilitySet } from 'dexie';
import { useLiveQuery, useObservable } from 'dexie-react-hooks';
import type { ClusterId, IdeaId, WorkshopId } from '../domain/ids';
import { resolveMerges } from '../domain/clusterMerge';
import { byRank } from '../domain/ordering';
import type { TraceData } from '../domain/trace';
import type { Board, Idea } from '../domain/types';
import { getDb, type ModeratoDb } from './db';
import { rowsWhereAnyOf } from './queries';
import { readsTouched, watchedQuery, type IndexRead } from './watchedQuery';

/** Everything of a workshop that project ideas and traceability look at, boards and ideas sorted by rank. */
export async function loadTraceData(db: ModeratoDb, workshopId: WorkshopId): Promise<TraceData> {
  return db.transaction('r', [db.boards, db.notes, db.clusters, db.ideas, db.visions], async () => {
    const [boards, ideas, visions] = await Promise.all([
      db.boards.where('workshopId').equals(workshopId).toArray(),
      db.ideas.where('workshopId').equals(workshopId).toArray(),
      db.visions.where('workshopId').equals(workshopId).toArray(),
    ]);
    const boardIds = boards.map((b) => b.id);
    const [notes, clusters] = await Promise.all([
      rowsWhereAnyOf(db.notes, 'boardId', boardIds),
      rowsWhereAnyOf(db.clusters, 'boardId', boardIds),
    ]);
    return {
      boards: boards.sort(byRank),
      notes: resolveMerges(clusters, notes).sort(byRank),
      clusters: clusters.sort(byRank),
      ideas: ideas.sort(byRank),
      visions,
    };
  });
}

/** The workshop's boards, cards, clusters, ideas and visions, live. Undefined while loading. */
export function useTraceData(workshopId: WorkshopId): TraceData | undefined {
  return useObservable(() => watchedTraceData(workshopId), [workshopId]);
}

/**
 * What loadTraceData reads for `workshopId` (and returned: `data`), for
 * traceTouched. A test compares it with the requests loadTraceData makes.
 */
export function traceReads(workshopId: WorkshopId, data: TraceData): IndexRead[] {
  const boardIds = data.boards.map((b) => b.id);
  return [
    { table: 'boards', index: 'workshopId', keys: [workshopId], rows: data.boards },
    { table: 'ideas', index: 'workshopId', keys: [workshopId], rows: data.ideas },
    { table: 'visions', index: 'workshopId', keys: [workshopId], rows: data.visions },
    { table: 'notes', index: 'boardId', keys: boardIds, rows: data.notes },
    { table: 'clusters', index: 'boardId', keys: boardIds, rows: data.clusters },
  ];
}

/** Whether a write may change what loadTraceData read for `workshopId` (see traceReads). */
export function traceTouched(
  dbName: string,
  workshopId: WorkshopId,
  data: TraceData,
  parts: ObservabilitySet,
): boolean {
  return readsTouched(dbName, parts, traceReads(workshopId, data));
}

/** loadTraceData, live: followed by what writes touch (a workshop's thousands of cards: see watchedQuery). */
function watchedTraceData(workshopId: WorkshopId) {
  return watchedQuery(
    () => loadTraceData(getDb(), workshopId),
    (data, parts) => traceTouched(getDb().name, workshopId, data, parts),
  );
}

/**
 * The same data for a store shared by many components (one query for all the
 * cards of a board). Returns the unsubscribe function.
 */
export function subscribeTraceData(workshopId: WorkshopId, onData: (data: TraceData) => void): () => void {
  const subscription = watchedTraceData(workshopId).subscribe({
    next: onData,
    error: (error: unknown) => console.error(error),
  });
  return () => subscription.unsubscribe();
}

/** The ideas that serve a focus area, in board order, with the titles of their boards. */
export function useIdeasOfFocusArea(
  focusAreaId: ClusterId,
): Array<{ idea: Idea; board: Board | undefined }> | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    const ideas = (await db.ideas.where('focusAreaId').equals(focusAreaId).toArray()).sort(byRank);
    const boards = await db.boards.bulkGet([...new Set(ideas.map((i) => i.boardId))]);
    return ideas.map((idea) => ({ idea, board: boards.find((b) => b?.id === idea.boardId) }));
  }, [focusAreaId]);
}

/** The boards and ideas of a workshop, read once, for a command that starts an idea. */
export async function loadIdeaContext(workshopId: WorkshopId): Promise<{ boards: Board[]; ideas: Idea[] }> {
  const db = getDb();
  return db.transaction('r', [db.boards, db.ideas], async () => ({
    boards: (await db.boards.where('workshopId').equals(workshopId).toArray()).sort(byRank),
    ideas: (await db.ideas.where('workshopId').equals(workshopId).toArray()).sort(byRank),
  }));
}

/** One idea as stored now, for a command that must start from the freshest row. */
export async function loadIdea(ideaId: IdeaId): Promise<Idea | undefined> {
  return getDb().ideas.get(ideaId);
}
