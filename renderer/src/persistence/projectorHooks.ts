import { useLiveQuery } from 'dexie-react-hooks';
import type { BoardId } from '../domain/ids';
import { byRank } from '../domain/ordering';
import type { Cluster, Idea, Vision } from '../domain/types';
import { getDb } from './db';

/** What the projector shows beside a board's cards: its project ideas, their focus areas, its vision. */
export interface ProjectorExtras {
  ideas: Idea[];
  focusAreas: Map<string, Cluster>;
  vision: Vision | null;
}

export function useProjectorExtras(boardId: BoardId): ProjectorExtras | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    return db.transaction('r', [db.ideas, db.visions, db.clusters], async () => {
      const [ideas, visions] = await Promise.all([
        db.ideas.where('boardId').equals(boardId).toArray(),
        db.visions.where('boardId').equals(boardId).toArray(),
      ]);
      const focusIds = [...new Set(ideas.map((i) => i.focusAreaId).filter((id) => id !== null))];
      const clusters = (await db.clusters.bulkGet(focusIds)).filter((c) => c !== undefined);
      return {
        ideas: ideas.sort(byRank),
        focusAreas: new Map(clusters.map((c) => [c.id as string, c])),
        vision: visions[0] ?? null,
      };
    });
  }, [boardId]);
}
