import type { Change } from './changes';
import { absorbedAfterMerge, composedRank, MAX_COMPOSED_RANK } from './clusterMerge';
import { DomainError } from './errors';
import { newId, type ClusterId, type NoteId } from './ids';
import { byRank, rankAfter, rankAt, rankAtEnd } from './ordering';
import type { BoardContent, Cluster, Idea, Note, NoteColor } from './types';
import { cleanNoteText, cleanTitle, LIMITS } from './validation';

/**
 * Commands of a clusters board (affinity clustering): cards sit in the pool
 * (clusterId null, "Noch nicht gruppiert") or in a cluster; a cluster can be
 * promoted to a focus area (Handlungsschwerpunkt). Every command returns the
 * rows to write; the caller commits them as one undo step.
 */

/** Where a card sits on a clusters board: a cluster, or null for the pool. */
export type CardPlace = ClusterId | null;

export function findCluster(content: BoardContent, clusterId: ClusterId): Cluster {
  const cluster = content.clusters.find((c) => c.id === clusterId);
  if (!cluster) throw new DomainError('clusterMissing');
  return cluster;
}

function findCard(content: BoardContent, noteId: NoteId): Note {
  const note = content.notes.find((n) => n.id === noteId);
  if (!note) throw new DomainError('noteMissing');
  return note;
}

/** The cards of a cluster (or of the pool, for null), in display order. */
export function cardsIn(content: BoardContent, place: CardPlace): Note[] {
  return content.notes.filter((n) => n.clusterId === place).sort(byRank);
}

/** The clusters in display order. */
export function sortedClusters(content: BoardContent): Cluster[] {
  return [...content.clusters].sort(byRank);
}

/** A title for a new cluster: the first words of its first card, else "Cluster n". */
export function defaultClusterTitle(content: BoardContent, firstText: string): string {
  const words = firstText.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  let title = '';
  for (const word of words.slice(0, 5)) {
    const next = title ? `${title} ${word}` : word;
    if (next.length > 40) break;
    title = next;
  }
  if (!title && words[0]) title = `${words[0].slice(0, 39)}…`;
  if (title) return title;
  const taken = new Set(content.clusters.map((c) => c.title));
  let n = content.clusters.length + 1;
  while (taken.has(`Cluster ${n}`)) n += 1;
  return `Cluster ${n}`;
}

function newCluster(content: BoardContent, title: string, rank: string, now: number): Cluster {
  return {
    id: newId<ClusterId>(),
    boardId: content.board.id,
    title: cleanTitle(title, 'clusterTitle', LIMITS.clusterTitle),
    rank,
    collapsed: false,
    focusAreaAt: null,
    description: '',
    createdAt: now,
    updatedAt: now,
  };
}

// ---- cards ----

export interface AddCardArgs {
  text: string;
  color?: NoteColor;
  /** Where the card goes; default the pool. */
  clusterId?: ClusterId | null;
  now: number;
  /** A rank the new card must follow too (see rankAtEnd): the card added just before. */
  rankFloor?: string | null;
}

/** A new card at the end of the pool (or of a cluster). */
export function addCard(content: BoardContent, args: AddCardArgs): { note: Note; changes: Change[] } {
  const place = args.clusterId ?? null;
  if (place) findCluster(content, place);
  const note: Note = {
    id: newId<NoteId>(),
    boardId: content.board.id,
    columnId: null,
    rowId: null,
    clusterId: place,
    text: cleanNoteText(args.text),
    color: args.color ?? 'yellow',
    rank: rankAtEnd(cardsIn(content, place), args.rankFloor),
    sourceNoteId: null,
    facts: null,
    createdAt: args.now,
    updatedAt: args.now,
  };
  return { note, changes: [{ table: 'notes', after: note }] };
}

/**
 * Moves a card into a cluster (or the pool, for null) at `index` among the
 * other cards there. Reordering inside a cluster is the same move. Writes one row.
 */
export function moveCard(
  content: BoardContent,
  noteId: NoteId,
  place: CardPlace,
  index: number,
  now: number,
): Change[] {
  const note = findCard(content, noteId);
  if (place) findCluster(content, place);
  const all = cardsIn(content, place);
  const siblings = all.filter((n) => n.id !== noteId);
  const clamped = Math.max(0, Math.min(index, siblings.length));
  if (note.clusterId === place && all.findIndex((n) => n.id === noteId) === clamped) return [];
  const after: Note = { ...note, clusterId: place, rank: rankAt(siblings, clamped), updatedAt: now };
  return [{ table: 'notes', before: note, after }];
}

/**
 * A card dropped on another card of the pool: a new cluster with both, the
 * target card first. The new cluster comes last; its title is the first
 * words of the target card unless one is given.
 */
export function clusterCards(
  content: BoardContent,
  targetId: NoteId,
  droppedId: NoteId,
  now: number,
  title?: string,
): { cluster: Cluster; changes: Change[] } {
  if (targetId === droppedId) throw new DomainError('clusterSameCard');
  const target = findCard(content, targetId);
  const dropped = findCard(content, droppedId);
  const clusters = sortedClusters(content);
  const cluster = newCluster(
    content,
    title ?? defaultClusterTitle(content, target.text || dropped.text),
    rankAtEnd(clusters),
    now,
  );
  const first = rankAfter(null);
  const second = rankAfter(first);
  return {
    cluster,
    changes: [
      { table: 'clusters', after: cluster },
      {
        table: 'notes',
        before: target,
        after: { ...target, clusterId: cluster.id, rank: first, updatedAt: now },
      },
      {
        table: 'notes',
        before: dropped,
        after: { ...dropped, clusterId: cluster.id, rank: second, updatedAt: now },
      },
    ],
  };
}

/** An empty cluster at the end, e.g. to collect cards into by keyboard. */
export function addCluster(
  content: BoardContent,
  title: string,
  now: number,
): { cluster: Cluster; changes: Change[] } {
  const cluster = newCluster(content, title, rankAtEnd(sortedClusters(content)), now);
  return { cluster, changes: [{ table: 'clusters', after: cluster }] };
}

// ---- clusters ----

export function renameCluster(
  content: BoardContent,
  clusterId: ClusterId,
  title: string,
  now: number,
): Change[] {
  const cluster = findCluster(content, clusterId);
  const clean = cleanTitle(title, 'clusterTitle', LIMITS.clusterTitle);
  if (clean === cluster.title) return [];
  return [{ table: 'clusters', before: cluster, after: { ...cluster, title: clean, updatedAt: now } }];
}

export function setClusterCollapsed(
  content: BoardContent,
  clusterId: ClusterId,
  collapsed: boolean,
  now: number,
): Change[] {
  const cluster = findCluster(content, clusterId);
  if (cluster.collapsed === collapsed) return [];
  return [{ table: 'clusters', before: cluster, after: { ...cluster, collapsed, updatedAt: now } }];
}

/** Moves a cluster to `index` among the other clusters (0 = first). */
export function moveCluster(
  content: BoardContent,
  clusterId: ClusterId,
  index: number,
  now: number,
): Change[] {
  const cluster = findCluster(content, clusterId);
  const all = sortedClusters(content);
  const others = all.filter((c) => c.id !== clusterId);
  const clamped = Math.max(0, Math.min(index, others.length));
  if (all.findIndex((c) => c.id === clusterId) === clamped) return [];
  return [
    {
      table: 'clusters',
      before: cluster,
      after: { ...cluster, rank: rankAt(others, clamped), updatedAt: now },
    },
  ];
}

/** `cards` moved to the end of `place` (a cluster or the pool), in their order. */
export function appendCards(
  content: BoardContent,
  cards: readonly Note[],
  place: CardPlace,
  now: number,
): Change[] {
  let previous = cardsIn(content, place).at(-1)?.rank ?? null;
  return cards.map((note): Change => {
    const rank = rankAfter(previous);
    previous = rank;
    return { table: 'notes', before: note, after: { ...note, clusterId: place, rank, updatedAt: now } };
  });
}

/** Project ideas that hang off a cluster lose the link when it stops being a focus area. */
export function unlinkIdeas(ideas: readonly Idea[], clusterId: ClusterId, now: number): Change[] {
  return ideas
    .filter((idea) => idea.focusAreaId === clusterId)
    .map((idea): Change => ({
      table: 'ideas',
      before: idea,
      after: { ...idea, focusAreaId: null, updatedAt: now },
    }));
}

/**
 * Merges `sourceId` into `targetId`: the source's cards follow the target's,
 * the source goes. The target keeps its title; when only the source was a
 * focus area, the target becomes one with the source's description. Project
 * ideas of the source then belong to the target. The cards are not written:
 * the target absorbs the source (see clusterMerge.ts).
 */
export function mergeClusters(
  content: BoardContent,
  sourceId: ClusterId,
  targetId: ClusterId,
  ideas: readonly Idea[],
  now: number,
): Change[] {
  if (sourceId === targetId) throw new DomainError('clusterMergeSelf');
  const source = findCluster(content, sourceId);
  const target = findCluster(content, targetId);
  const prefix = rankAfter(cardsIn(content, targetId).at(-1)?.rank ?? null);
  const cards = cardsIn(content, sourceId);
  // Absorbed, unless a card's rank would grow too long (many merges deep): then the cards are written.
  const absorb = cards.every((note) => composedRank(note.rank, [prefix]).length <= MAX_COMPOSED_RANK);
  const changes: Change[] = absorb ? [] : appendCards(content, cards, targetId, now);
  const focus =
    source.focusAreaAt !== null && target.focusAreaAt === null
      ? { focusAreaAt: source.focusAreaAt, description: source.description }
      : {};
  if (absorb || 'focusAreaAt' in focus) {
    const absorbed = absorb ? { absorbed: absorbedAfterMerge(target, source, prefix) } : {};
    changes.push({
      table: 'clusters',
      before: target,
      after: { ...target, ...focus, ...absorbed, updatedAt: now },
    });
  }
  const keepsFocus = source.focusAreaAt !== null || target.focusAreaAt !== null;
  for (const idea of ideas.filter((i) => i.focusAreaId === sourceId)) {
    changes.push({
      table: 'ideas',
      before: idea,
      after: { ...idea, focusAreaId: keepsFocus ? targetId : null, updatedAt: now },
    });
  }
  changes.push({ table: 'clusters', before: source });
  return changes;
}

/**
 * Splits the chosen cards off into a new cluster placed right after the
 * original, in their order. At least one card has to go, and one has to stay.
 */
export function splitCluster(
  content: BoardContent,
  clusterId: ClusterId,
  noteIds: readonly NoteId[],
  title: string,
  now: number,
): { cluster: Cluster; changes: Change[] } {
  const source = findCluster(content, clusterId);
  const cards = cardsIn(content, clusterId);
  const chosen = new Set(noteIds);
  const moving = cards.filter((n) => chosen.has(n.id));
  if (moving.length === 0) throw new DomainError('clusterSplitNone');
  if (moving.length === cards.length) throw new DomainError('clusterSplitAll');
  if (moving.length !== chosen.size) throw new DomainError('noteMissing');
  const all = sortedClusters(content);
  const index = all.findIndex((c) => c.id === source.id);
  const cluster = newCluster(content, title, rankAt(all, index + 1), now);
  const changes: Change[] = [{ table: 'clusters', after: cluster }];
  let previous: string | null = null;
  for (const note of moving) {
    const rank = rankAfter(previous);
    changes.push({
      table: 'notes',
      before: note,
      after: { ...note, clusterId: cluster.id, rank, updatedAt: now },
    });
    previous = rank;
  }
  return { cluster, changes };
}

/** Dissolves a cluster: its cards go back to the end of the pool, the cluster goes. */
export function dissolveCluster(
  content: BoardContent,
  clusterId: ClusterId,
  ideas: readonly Idea[],
  now: number,
): Change[] {
  const cluster = findCluster(content, clusterId);
  const changes = appendCards(content, cardsIn(content, clusterId), null, now);
  changes.push(...unlinkIdeas(ideas, clusterId, now));
  changes.push({ table: 'clusters', before: cluster });
  return changes;
}

/** Deletes a cluster with its cards (undo brings all back). */
export function deleteCluster(
  content: BoardContent,
  clusterId: ClusterId,
  ideas: readonly Idea[],
  now: number,
): Change[] {
  const cluster = findCluster(content, clusterId);
  return [
    ...cardsIn(content, clusterId).map((note): Change => ({ table: 'notes', before: note })),
    ...unlinkIdeas(ideas, clusterId, now),
    { table: 'clusters', before: cluster },
  ];
}
