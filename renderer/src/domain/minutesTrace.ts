/**
 * "Nachvollziehbarkeit" in the minutes: each focus area with its cards, where
 * those cards were copied from (board and text), and the project ideas that
 * serve it with the cards taken into their fields. Links are soft: a card or
 * focus area deleted since is reported as such, never dropped without a word.
 */
import type { CanvasTemplate } from './canvas';
import { focusAreaLink, type MinutesFocusAreaLink } from './minutesBoards';
import { byRank } from './ordering';
import type { WorkshopTree } from './purge';
import type { LocalizedText } from './templates';
import type { Board, Idea, Note } from './types';

export interface MinutesTraceOrigin {
  board: string;
  text: string;
}

export interface MinutesTraceCard {
  text: string;
  /** The cards it was copied from, nearest first (empty: written on this board). */
  origins: MinutesTraceOrigin[];
  /** The chain breaks: a card it was copied from was deleted since. */
  originDeleted: boolean;
}

export interface MinutesTraceSource {
  key: string;
  /** The field's label from the canvas template, or null (then the key is printed). */
  field: LocalizedText | null;
  /** null: the card was deleted since. */
  card: MinutesTraceOrigin | null;
}

export interface MinutesTraceIdea {
  title: string;
  focusArea: MinutesFocusAreaLink;
  sources: MinutesTraceSource[];
}

export interface MinutesTraceFocusArea {
  title: string;
  description: string;
  board: string;
  cards: MinutesTraceCard[];
  ideas: MinutesTraceIdea[];
}

export interface MinutesTrace {
  focusAreas: MinutesTraceFocusArea[];
  /** Ideas without a focus area, or whose focus area is gone. */
  otherIdeas: MinutesTraceIdea[];
}

export function buildTrace(
  boards: readonly Board[],
  tree: WorkshopTree,
  templates: ReadonlyMap<string, CanvasTemplate>,
): MinutesTrace {
  const included = new Set(boards.map((b) => b.id));
  const boardTitle = new Map(tree.boards.map((b) => [b.id, b.title]));
  const notes = new Map(tree.notes.map((n) => [n.id, n]));
  const origin = (note: Note): MinutesTraceOrigin => ({
    board: boardTitle.get(note.boardId) ?? '',
    text: note.text,
  });

  const traceCard = (note: Note): MinutesTraceCard => {
    const origins: MinutesTraceOrigin[] = [];
    const seen = new Set([note.id]);
    let next = note.sourceNoteId;
    while (next !== null && !seen.has(next)) {
      seen.add(next);
      const source = notes.get(next);
      if (!source) return { text: note.text, origins, originDeleted: true };
      origins.push(origin(source));
      next = source.sourceNoteId;
    }
    return { text: note.text, origins, originDeleted: false };
  };

  const traceIdea = (idea: Idea): MinutesTraceIdea => {
    const fields = templates.get(idea.templateId)?.fields ?? [];
    return {
      title: idea.title,
      focusArea: focusAreaLink(idea, tree),
      sources: idea.sources.map(({ field, noteId }) => {
        const note = notes.get(noteId);
        return {
          key: field,
          field: fields.find((f) => f.key === field)?.label ?? null,
          card: note ? origin(note) : null,
        };
      }),
    };
  };

  const ideas = tree.ideas.filter((i) => included.has(i.boardId)).sort(byRank);
  const orderedBoards = [...boards].sort(byRank);
  const focusAreas = orderedBoards.flatMap((board) =>
    tree.clusters
      .filter((c) => c.boardId === board.id && c.focusAreaAt !== null)
      .sort(byRank)
      .map((cluster): MinutesTraceFocusArea => ({
        title: cluster.title,
        description: cluster.description,
        board: board.title,
        cards: tree.notes
          .filter((n) => n.boardId === board.id && n.clusterId === cluster.id)
          .sort(byRank)
          .map(traceCard),
        ideas: ideas.filter((i) => i.focusAreaId === cluster.id).map(traceIdea),
      })),
  );
  const served = new Set(
    tree.clusters.filter((c) => included.has(c.boardId) && c.focusAreaAt !== null).map((c) => c.id),
  );
  return {
    focusAreas,
    otherIdeas: ideas.filter((i) => i.focusAreaId === null || !served.has(i.focusAreaId)).map(traceIdea),
  };
}
