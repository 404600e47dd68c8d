import { useLiveQuery } from 'dexie-react-hooks';
import type { BoardId, DecisionId } from '../domain/ids';
import type { Decision, Vision } from '../domain/types';
import { getDb, type ModeratoDb } from './db';

/** The vision of a board (at most one; should two ever exist, the oldest counts), or null. */
export async function findBoardVision(db: ModeratoDb, boardId: BoardId): Promise<Vision | null> {
  const rows = await db.visions.where('boardId').equals(boardId).toArray();
  rows.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows[0] ?? null;
}

export async function findDecision(db: ModeratoDb, id: DecisionId | null): Promise<Decision | undefined> {
  return id === null ? undefined : db.decisions.get(id);
}

/** `undefined` while loading; then `{ vision }` with null when the board has none yet. */
export function useBoardVision(boardId: BoardId): { vision: Vision | null } | undefined {
  return useLiveQuery(async () => ({ vision: await findBoardVision(getDb(), boardId) }), [boardId]);
}

/** The decision an agreed vision recorded: `{ decision: undefined }` when it is gone or there is none. */
export function useLinkedDecision(id: DecisionId | null): { decision: Decision | undefined } | undefined {
  return useLiveQuery(async () => ({ decision: await findDecision(getDb(), id) }), [id]);
}
