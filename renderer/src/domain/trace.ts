import type { BoardId, ClusterId, IdeaId, NoteId, VisionId } from './ids';
import { byRank } from './ordering';
import type { Board, Cluster, Idea, Note, Phase, Vision } from './types';

/**
 * Traceability across the phases: where each card went (copies on other
 * boards, project ideas, the vision), and for an idea, the chain back to the
 * vision and inventory cards it grew from. Links are soft: anything may have
 * been deleted since, which is reported, never thrown.
 */
export interface TraceData {
  boards: readonly Board[];
  notes: readonly Note[];
  clusters: readonly Cluster[];
  ideas: readonly Idea[];
  visions: readonly Vision[];
}

export type NoteDestination =
  | { kind: 'copy'; boardId: BoardId; boardTitle: string }
  | { kind: 'vision'; visionId: VisionId; boardId: BoardId; boardTitle: string }
  | { kind: 'idea'; ideaId: IdeaId; boardId: BoardId; title: string };

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

/** Every copy made from a card, and copies of copies, in a stable order. */
function copiesOf(noteId: NoteId, children: ReadonlyMap<NoteId, Note[]>): Note[] {
  const found: Note[] = [];
  const seen = new Set<NoteId>([noteId]);
  const queue = [noteId];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      found.push(child);
      queue.push(child.id);
    }
  }
  return found;
}

/**
 * Where each card went: the boards its copies are on, the vision written from
 * it (or from a copy), and the project ideas that took it (or a copy) into a
 * field or serve the focus area it (or a copy) sits in. Cards that went
 * nowhere are not in the map.
 */
export function noteDestinations(data: TraceData): Map<NoteId, NoteDestination[]> {
  const boards = byId(data.boards);
  const clusters = byId(data.clusters);
  const children = new Map<NoteId, Note[]>();
  for (const note of [...data.notes].sort((a, b) => a.createdAt - b.createdAt || byRank(a, b))) {
    if (note.sourceNoteId === null) continue;
    children.set(note.sourceNoteId, [...(children.get(note.sourceNoteId) ?? []), note]);
  }
  const ideasBySource = new Map<NoteId, Idea[]>();
  const ideasByFocusArea = new Map<ClusterId, Idea[]>();
  const sortedIdeas = [...data.ideas].sort(byRank);
  for (const idea of sortedIdeas) {
    for (const noteId of new Set(idea.sources.map((s) => s.noteId)))
      ideasBySource.set(noteId, [...(ideasBySource.get(noteId) ?? []), idea]);
    if (idea.focusAreaId !== null)
      ideasByFocusArea.set(idea.focusAreaId, [...(ideasByFocusArea.get(idea.focusAreaId) ?? []), idea]);
  }
  const visionsBySource = new Map<NoteId, Vision[]>();
  for (const vision of data.visions)
    for (const noteId of new Set(vision.sourceNoteIds))
      visionsBySource.set(noteId, [...(visionsBySource.get(noteId) ?? []), vision]);

  const result = new Map<NoteId, NoteDestination[]>();
  for (const note of data.notes) {
    const copies = copiesOf(note.id, children);
    const family = [note, ...copies];
    const entries: NoteDestination[] = [];
    const seenBoards = new Set<BoardId>([note.boardId]);
    for (const copy of copies) {
      const board = boards.get(copy.boardId);
      if (!board || seenBoards.has(board.id)) continue;
      seenBoards.add(board.id);
      entries.push({ kind: 'copy', boardId: board.id, boardTitle: board.title });
    }
    const seenVisions = new Set<VisionId>();
    for (const member of family)
      for (const vision of visionsBySource.get(member.id) ?? []) {
        if (seenVisions.has(vision.id)) continue;
        seenVisions.add(vision.id);
        entries.push({
          kind: 'vision',
          visionId: vision.id,
          boardId: vision.boardId,
          boardTitle: boards.get(vision.boardId)?.title ?? '',
        });
      }
    const seenIdeas = new Set<IdeaId>();
    const addIdea = (idea: Idea) => {
      if (seenIdeas.has(idea.id)) return;
      seenIdeas.add(idea.id);
      entries.push({ kind: 'idea', ideaId: idea.id, boardId: idea.boardId, title: idea.title });
    };
    for (const member of family) {
      for (const idea of ideasBySource.get(member.id) ?? []) addIdea(idea);
      const cluster = member.clusterId === null ? undefined : clusters.get(member.clusterId);
      if (cluster && cluster.focusAreaAt !== null)
        for (const idea of ideasByFocusArea.get(cluster.id) ?? []) addIdea(idea);
    }
    if (entries.length > 0) result.set(note.id, entries);
  }
  return result;
}

/** A card on the way back from an idea: still there, or deleted since (note null). */
export interface ChainCard {
  noteId: NoteId;
  note: Note | null;
  board: Board | null;
}

export type FocusAreaLink =
  | { state: 'none' }
  | { state: 'deleted'; id: ClusterId }
  | { state: 'linked'; cluster: Cluster; board: Board | null };

export interface IdeaChain {
  focusArea: FocusAreaLink;
  /** The cards in the focus area. */
  focusCards: Note[];
  /** The cards taken into fields, with their field. */
  sources: Array<ChainCard & { field: string }>;
  /** Originals on vision and inventory boards the focus-area and field cards came from (or are). */
  vision: ChainCard[];
  inventory: ChainCard[];
  /** Originals that were deleted since: the chain breaks there. */
  deleted: number;
}

/** Resolves an idea's focus area, telling "none" from "deleted since" (or no longer a focus area). */
export function focusAreaOf(
  idea: Pick<Idea, 'focusAreaId'>,
  clusters: readonly Cluster[],
  boards: readonly Board[],
): FocusAreaLink {
  if (idea.focusAreaId === null) return { state: 'none' };
  const cluster = clusters.find((c) => c.id === idea.focusAreaId);
  if (!cluster || cluster.focusAreaAt === null) return { state: 'deleted', id: idea.focusAreaId };
  return { state: 'linked', cluster, board: boards.find((b) => b.id === cluster.boardId) ?? null };
}

/** The chain back from an idea: focus area → its cards → their originals on vision and inventory boards. */
export function ideaChain(data: TraceData, idea: Idea): IdeaChain {
  const boards = byId(data.boards);
  const notes = byId(data.notes);
  const focusArea = focusAreaOf(idea, data.clusters, data.boards);
  const focusCards =
    focusArea.state === 'linked'
      ? data.notes.filter((n) => n.clusterId === focusArea.cluster.id).sort(byRank)
      : [];
  const card = (noteId: NoteId): ChainCard => {
    const note = (notes.get(noteId) as Note | undefined) ?? null;
    return { noteId, note, board: note ? (boards.get(note.boardId) ?? null) : null };
  };
  const sources = idea.sources.map((s) => ({ ...card(s.noteId), field: s.field }));

  const byPhase: Record<'vision' | 'inventory', ChainCard[]> = { vision: [], inventory: [] };
  const seen = new Set<NoteId>();
  let deleted = 0;
  const walk = (start: NoteId) => {
    let id: NoteId | null = start;
    const path = new Set<NoteId>();
    while (id !== null && !path.has(id)) {
      path.add(id);
      const step = card(id);
      if (!step.note) {
        if (!seen.has(id)) deleted += 1;
        seen.add(id);
        return;
      }
      const phase: Phase | null = step.board?.phase ?? null;
      if ((phase === 'vision' || phase === 'inventory') && !seen.has(id)) byPhase[phase].push(step);
      seen.add(id);
      id = step.note.sourceNoteId;
    }
  };
  for (const note of focusCards) walk(note.id);
  for (const source of idea.sources) walk(source.noteId);
  return { focusArea, focusCards, sources, vision: byPhase.vision, inventory: byPhase.inventory, deleted };
}

/** The ideas serving a focus area, in board order. */
export function ideasOfFocusArea(ideas: readonly Idea[], focusAreaId: ClusterId): Idea[] {
  return ideas.filter((i) => i.focusAreaId === focusAreaId).sort(byRank);
}
