/**
 * The boards of the minutes, one shape per board kind. Every card of a board
 * lands in exactly one place of its shape: a card whose column, row or cluster
 * is gone goes to the board's leftover place (a column "without column", the
 * tray, the pool), so nothing vanishes from the record.
 */
import type { CanvasField, CanvasFieldType, CanvasTemplate } from './canvas';
import { hasFacts } from './noteFacts';
import { byRank } from './ordering';
import type { LocalizedText } from './templates';
import type { Board, CanvasValue, Idea, Note, NoteFacts, Vision } from './types';
import type { WorkshopTree } from './purge';

export interface MinutesCard {
  text: string;
  /** Only when the card carries at least one fact. */
  facts: NoteFacts | null;
  /** Taken into a vision (Leitbild) written on this board. */
  inVision: boolean;
}

export interface MinutesColumn {
  /** null: cards whose column no longer exists. */
  title: string | null;
  notes: MinutesCard[];
}

export interface MinutesVision {
  text: string;
  agreedAt: number | null;
  /** Statements it was written from that still exist. */
  statements: number;
  /** Statements it was written from that were deleted since. */
  deletedStatements: number;
}

export interface MinutesMatrixRow {
  title: string;
  /** One list per column, in column order. */
  cells: MinutesCard[][];
}

export interface MinutesCluster {
  title: string;
  focusArea: boolean;
  description: string;
  cards: MinutesCard[];
}

export interface MinutesIdeaField {
  key: string;
  /** The template's label; null when the idea's template or the field is unknown. */
  label: LocalizedText | null;
  type: CanvasFieldType | null;
  value: string | number | boolean;
  /** Choices: the chosen option's label. */
  choice: LocalizedText | null;
  /** Numbers: the unit, e.g. "h/Jahr". */
  unit: LocalizedText | null;
}

export type MinutesFocusAreaLink =
  | { state: 'none' }
  /** Deleted since, or no longer a focus area. */
  | { state: 'gone' }
  | { state: 'linked'; title: string };

export interface MinutesIdea {
  title: string;
  /** The canvas template's name, or null when it is unknown. */
  template: LocalizedText | null;
  focusArea: MinutesFocusAreaLink;
  /** The EU AI Act risk tier: the option key (null: not classified yet) and its label. */
  aiActTier: { key: string | null; label: LocalizedText | null } | null;
  /** Filled fields in the template's order, then fields the template does not know. */
  fields: MinutesIdeaField[];
}

interface BoardBase {
  title: string;
  /** Cards printed for the board. */
  noteCount: number;
  visions: MinutesVision[];
}

export type MinutesBoard =
  | (BoardBase & { kind: 'columns'; columns: MinutesColumn[] })
  | (BoardBase & { kind: 'matrix'; columns: string[]; rows: MinutesMatrixRow[]; tray: MinutesCard[] })
  | (BoardBase & { kind: 'clusters'; clusters: MinutesCluster[]; pool: MinutesCard[] })
  | (BoardBase & { kind: 'canvases'; ideas: MinutesIdea[]; cards: MinutesCard[] });

/** The EU AI Act tier of a canvas is the choice field with this key (assets/canvases). */
export const AI_ACT_FIELD = 'riskTier';

export function buildBoard(
  board: Board,
  tree: WorkshopTree,
  templates: ReadonlyMap<string, CanvasTemplate>,
): MinutesBoard {
  const notes = tree.notes.filter((n) => n.boardId === board.id).sort(byRank);
  const visions = tree.visions
    .filter((v) => v.boardId === board.id)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  const inVision = new Set(visions.flatMap((v) => v.sourceNoteIds));
  const card = (note: Note): MinutesCard => ({
    text: note.text,
    facts: hasFacts(note.facts) ? note.facts : null,
    inVision: inVision.has(note.id),
  });
  const base: BoardBase = {
    title: board.title,
    noteCount: notes.length,
    visions: visions.map((v) => visionOf(v, tree.notes)),
  };
  const columns = tree.columns.filter((c) => c.boardId === board.id).sort(byRank);

  switch (board.kind) {
    case 'matrix': {
      const rows = tree.matrixRows.filter((r) => r.boardId === board.id).sort(byRank);
      const rowIds = new Set(rows.map((r) => r.id));
      const columnIds = new Set(columns.map((c) => c.id));
      const placed = (n: Note) =>
        n.rowId !== null && n.columnId !== null && rowIds.has(n.rowId) && columnIds.has(n.columnId);
      // One pass over the cards, in rank order, instead of one per cell (a matrix may have 50 × 50 cells).
      const cells = new Map<string, Note[]>();
      for (const note of notes.filter(placed)) {
        const key = `${note.rowId}|${note.columnId}`;
        cells.set(key, [...(cells.get(key) ?? []), note]);
      }
      return {
        ...base,
        kind: 'matrix',
        columns: columns.map((c) => c.title),
        rows: rows.map((row) => ({
          title: row.title,
          cells: columns.map((column) => (cells.get(`${row.id}|${column.id}`) ?? []).map(card)),
        })),
        tray: notes.filter((n) => !placed(n)).map(card),
      };
    }
    case 'clusters': {
      const clusters = tree.clusters.filter((c) => c.boardId === board.id).sort(byRank);
      const clusterIds = new Set(clusters.map((c) => c.id));
      // Focus areas first, in board order, then the other clusters.
      const ordered = [
        ...clusters.filter((c) => c.focusAreaAt !== null),
        ...clusters.filter((c) => c.focusAreaAt === null),
      ];
      return {
        ...base,
        kind: 'clusters',
        clusters: ordered.map((cluster) => ({
          title: cluster.title,
          focusArea: cluster.focusAreaAt !== null,
          description: cluster.focusAreaAt !== null ? cluster.description : '',
          cards: notes.filter((n) => n.clusterId === cluster.id).map(card),
        })),
        pool: notes.filter((n) => n.clusterId === null || !clusterIds.has(n.clusterId)).map(card),
      };
    }
    case 'canvases': {
      const ideas = tree.ideas.filter((i) => i.boardId === board.id).sort(byRank);
      return {
        ...base,
        kind: 'canvases',
        ideas: ideas.map((idea) => ideaOf(idea, tree, templates.get(idea.templateId) ?? null)),
        // A canvases board holds no cards; any that are there still get printed.
        cards: notes.map(card),
      };
    }
    case 'columns':
    default: {
      const columnIds = new Set(columns.map((c) => c.id));
      const result: MinutesColumn[] = columns.map((column) => ({
        title: column.title,
        notes: notes.filter((n) => n.columnId === column.id).map(card),
      }));
      const loose = notes.filter((n) => n.columnId === null || !columnIds.has(n.columnId));
      if (loose.length > 0) result.push({ title: null, notes: loose.map(card) });
      return { ...base, kind: 'columns', columns: result };
    }
  }
}

function visionOf(vision: Vision, notes: readonly Note[]): MinutesVision {
  const ids = new Set(notes.map((n) => n.id));
  const sources = [...new Set(vision.sourceNoteIds)];
  const living = sources.filter((id) => ids.has(id)).length;
  return {
    text: vision.text,
    agreedAt: vision.agreedAt,
    statements: living,
    deletedStatements: sources.length - living,
  };
}

export function focusAreaLink(idea: Pick<Idea, 'focusAreaId'>, tree: WorkshopTree): MinutesFocusAreaLink {
  if (idea.focusAreaId === null) return { state: 'none' };
  const cluster = tree.clusters.find((c) => c.id === idea.focusAreaId);
  if (!cluster || cluster.focusAreaAt === null) return { state: 'gone' };
  return { state: 'linked', title: cluster.title };
}

const filled = (value: CanvasValue): value is string | number | boolean =>
  value !== null && value !== undefined && value !== '';

function fieldOf(
  key: string,
  value: string | number | boolean,
  field: CanvasField | undefined,
): MinutesIdeaField {
  return {
    key,
    label: field?.label ?? null,
    type: field?.type ?? null,
    value,
    choice: field?.type === 'choice' ? (field.options?.find((o) => o.key === value)?.label ?? null) : null,
    unit: field?.type === 'number' ? (field.unit ?? null) : null,
  };
}

function ideaOf(idea: Idea, tree: WorkshopTree, template: CanvasTemplate | null): MinutesIdea {
  const templateFields = template?.fields ?? [];
  const tierField = templateFields.find((f) => f.key === AI_ACT_FIELD && f.type === 'choice');
  const tierKey = tierField?.key ?? (AI_ACT_FIELD in idea.fields ? AI_ACT_FIELD : null);
  const tierValue = tierKey === null ? null : (idea.fields[tierKey] ?? null);
  const known = new Set(templateFields.map((f) => f.key));
  const fields: MinutesIdeaField[] = [
    ...templateFields
      .filter((f) => f.key !== tierKey)
      .flatMap((f) => {
        const value = idea.fields[f.key] ?? null;
        return filled(value) ? [fieldOf(f.key, value, f)] : [];
      }),
    // Values the template does not (or no longer) know are printed under their key.
    ...Object.keys(idea.fields)
      .filter((key) => !known.has(key) && key !== tierKey)
      .sort()
      .flatMap((key) => {
        const value = idea.fields[key] ?? null;
        return filled(value) ? [fieldOf(key, value, undefined)] : [];
      }),
  ];
  return {
    title: idea.title,
    template: template?.name ?? null,
    focusArea: focusAreaLink(idea, tree),
    aiActTier:
      tierKey === null
        ? null
        : {
            key: typeof tierValue === 'string' && tierValue !== '' ? tierValue : null,
            label:
              typeof tierValue === 'string'
                ? (tierField?.options?.find((o) => o.key === tierValue)?.label ?? null)
                : null,
          },
    fields,
  };
}

/** Whether a board adds anything to the record: cards, a vision, project ideas or a focus area. */
export function boardHasResults(board: MinutesBoard): boolean {
  if (board.noteCount > 0 || board.visions.length > 0) return true;
  if (board.kind === 'canvases') return board.ideas.length > 0;
  if (board.kind === 'clusters') return board.clusters.some((c) => c.focusArea);
  return false;
}
