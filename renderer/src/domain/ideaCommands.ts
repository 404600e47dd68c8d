import { findField, isTextField, type CanvasTemplate } from './canvas';
import type { Change } from './changes';
import { DomainError } from './errors';
import { newId, type BoardId, type ClusterId, type IdeaId, type NoteId, type WorkshopId } from './ids';
import { byRank, rankAt, rankAtEnd } from './ordering';
import type { Board, CanvasValue, Cluster, Idea, Note } from './types';
import { cleanTitle, LIMITS } from './validation';

/** Checks a focus area for an idea: a promoted cluster on a board of the same workshop. */
function checkFocusArea(
  focusAreaId: ClusterId | null,
  focusAreas: readonly Cluster[],
  boards: readonly Board[],
  workshopId: WorkshopId,
): void {
  if (focusAreaId === null) return;
  const cluster = focusAreas.find((c) => c.id === focusAreaId);
  const board = cluster && boards.find((b) => b.id === cluster.boardId);
  if (!cluster || cluster.focusAreaAt === null || !board || board.workshopId !== workshopId)
    throw new DomainError('ideaFocusAreaMissing');
}

export interface CreateIdeaArgs {
  board: Board;
  /** The ideas already on that board. */
  ideas: readonly Idea[];
  template: CanvasTemplate;
  title: string;
  focusAreaId: ClusterId | null;
  /** The workshop's focus areas and boards, to check focusAreaId. */
  focusAreas: readonly Cluster[];
  boards: readonly Board[];
  now: number;
}

/** A new project idea at the end of a canvases board, all fields empty. */
export function createIdea(args: CreateIdeaArgs): { idea: Idea; changes: Change[] } {
  if (args.board.kind !== 'canvases') throw new DomainError('ideaBoardMissing');
  checkFocusArea(args.focusAreaId, args.focusAreas, args.boards, args.board.workshopId);
  const idea: Idea = {
    id: newId<IdeaId>(),
    workshopId: args.board.workshopId,
    boardId: args.board.id,
    focusAreaId: args.focusAreaId,
    templateId: args.template.id,
    title: cleanTitle(args.title, 'title', LIMITS.ideaTitle),
    fields: Object.fromEntries(args.template.fields.map((f) => [f.key, null])),
    sources: [],
    rank: rankAtEnd([...args.ideas].filter((i) => i.boardId === args.board.id).sort(byRank)),
    createdAt: args.now,
    updatedAt: args.now,
  };
  return { idea, changes: [{ table: 'ideas', after: idea }] };
}

export interface StartIdeaArgs {
  workshopId: WorkshopId;
  /** All boards of the workshop. */
  boards: readonly Board[];
  /** All ideas of the workshop. */
  ideas: readonly Idea[];
  focusArea: Cluster;
  template: CanvasTemplate;
  /** Title of the canvases board made when the workshop has none ("Projektideen"). */
  newBoardTitle: string;
  now: number;
}

/**
 * A project idea for a focus area, titled after it, on the workshop's first
 * canvases board; that board is made (phase "ideas") when there is none.
 * One change set, so one undo step takes back both.
 */
export function startIdeaFromFocusArea(args: StartIdeaArgs): { idea: Idea; board: Board; changes: Change[] } {
  const sorted = [...args.boards].sort(byRank);
  const changes: Change[] = [];
  let board = sorted.find((b) => b.kind === 'canvases' && b.workshopId === args.workshopId);
  if (!board) {
    board = {
      id: newId<BoardId>(),
      workshopId: args.workshopId,
      title: cleanTitle(args.newBoardTitle, 'title', LIMITS.boardTitle),
      phase: 'ideas',
      kind: 'canvases',
      rank: rankAtEnd(sorted),
      createdAt: args.now,
    };
    changes.push({ table: 'boards', after: board });
  }
  const title = args.focusArea.title.trim().slice(0, LIMITS.ideaTitle) || args.newBoardTitle;
  const { idea, changes: created } = createIdea({
    board,
    ideas: args.ideas,
    template: args.template,
    title,
    focusAreaId: args.focusArea.id,
    focusAreas: [args.focusArea],
    boards: [...args.boards, board],
    now: args.now,
  });
  return { idea, board, changes: [...changes, ...created] };
}

export function renameIdea(idea: Idea, title: string, now: number): Change[] {
  const clean = cleanTitle(title, 'title', LIMITS.ideaTitle);
  if (clean === idea.title) return [];
  return [{ table: 'ideas', before: idea, after: { ...idea, title: clean, updatedAt: now } }];
}

const sameValue = (a: CanvasValue | undefined, b: CanvasValue | undefined) => (a ?? null) === (b ?? null);

/**
 * Sets one field to an already cleaned value (see cleanFieldValue). `before`
 * is the idea as it was when the edit began, so typing that was saved along
 * the way becomes one undo step.
 */
export function editIdeaField(
  before: Idea,
  template: CanvasTemplate,
  key: string,
  value: CanvasValue,
  now: number,
): Change[] {
  findField(template, key);
  if (sameValue(before.fields[key], value)) return [];
  return [
    {
      table: 'ideas',
      before,
      after: { ...before, fields: { ...before.fields, [key]: value }, updatedAt: now },
    },
  ];
}

/** How a card's text is added to what a field already holds. */
export function appendCardText(field: 'text' | 'longtext', existing: CanvasValue, text: string): string {
  const current = typeof existing === 'string' ? existing.trim() : '';
  const addition = field === 'text' ? text.replace(/\s*[\r\n]+\s*/g, ' ').trim() : text.trim();
  if (current === '') return addition;
  return field === 'text' ? `${current}; ${addition}` : `${current}\n\n${addition}`;
}

/**
 * Takes a card into a text field: its text is appended and the link
 * {field, noteId} kept, so the idea can be traced back to the card.
 */
export function takeNoteIntoField(
  idea: Idea,
  template: CanvasTemplate,
  key: string,
  note: Note,
  now: number,
): Change[] {
  const field = findField(template, key);
  if (!isTextField(field)) throw new DomainError('canvasFieldNotText', { field: key });
  if (idea.sources.some((s) => s.field === key && s.noteId === note.id))
    throw new DomainError('canvasCardAlreadyTaken', { field: key });
  const text = appendCardText(field.type as 'text' | 'longtext', idea.fields[key] ?? null, note.text);
  if (text.length > LIMITS.canvasText)
    throw new DomainError('canvasTooLong', { field: key, max: LIMITS.canvasText, length: text.length });
  const after: Idea = {
    ...idea,
    fields: { ...idea.fields, [key]: text === '' ? null : text },
    sources: [...idea.sources, { field: key, noteId: note.id }],
    updatedAt: now,
  };
  return [{ table: 'ideas', before: idea, after }];
}

/** Removes a card's link from a field; the text taken over stays. */
export function unlinkSource(idea: Idea, key: string, noteId: NoteId, now: number): Change[] {
  const sources = idea.sources.filter((s) => !(s.field === key && s.noteId === noteId));
  if (sources.length === idea.sources.length) return [];
  return [{ table: 'ideas', before: idea, after: { ...idea, sources, updatedAt: now } }];
}

export function linkFocusArea(
  idea: Idea,
  focusAreaId: ClusterId | null,
  focusAreas: readonly Cluster[],
  boards: readonly Board[],
  now: number,
): Change[] {
  if (idea.focusAreaId === focusAreaId) return [];
  checkFocusArea(focusAreaId, focusAreas, boards, idea.workshopId);
  return [{ table: 'ideas', before: idea, after: { ...idea, focusAreaId, updatedAt: now } }];
}

export function deleteIdea(idea: Idea): Change[] {
  return [{ table: 'ideas', before: idea }];
}

/** Moves an idea to `index` among the other ideas of its board (0 = first). */
export function moveIdea(ideas: readonly Idea[], ideaId: IdeaId, index: number, now: number): Change[] {
  const idea = ideas.find((i) => i.id === ideaId);
  if (!idea) throw new DomainError('ideaMissing');
  const siblings = ideas.filter((i) => i.boardId === idea.boardId).sort(byRank);
  const current = siblings.findIndex((i) => i.id === ideaId);
  const others = siblings.filter((i) => i.id !== ideaId);
  const target = Math.max(0, Math.min(index, others.length));
  if (current === target) return [];
  return [{ table: 'ideas', before: idea, after: { ...idea, rank: rankAt(others, target), updatedAt: now } }];
}
