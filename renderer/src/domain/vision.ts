import type { Change } from './changes';
import { addDecision, DECISION_LIMITS } from './decisions';
import { DomainError } from './errors';
import { newId, type AgendaItemId, type BoardId, type NoteId, type VisionId, type WorkshopId } from './ids';
import type { BoardContent, Decision, IsoDate, Note, Vision } from './types';
import { cleanIsoDate, LIMITS } from './validation';
import { visionPlainText } from './visionText';

// The agreed vision (Leitbild) of a vision board: a short formatted text, the
// statements (cards) it was written from, and, once agreed, the decision that
// records it for the minutes. An agreed vision is read-only until the
// agreement is revoked, so it never drifts away from its decision.

/** How many statements a vision can be linked to (a backup refuses more). */
export const MAX_SOURCE_STATEMENTS = 2000;

/** Line breaks normalised; surrounding blank lines go, indentation of the first line stays. */
export function cleanVisionText(value: string): string {
  const text = value
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
  if (text.length > LIMITS.visionText) {
    throw new DomainError('visionTooLong', { max: LIMITS.visionText, length: text.length });
  }
  return text;
}

/** The German (or English) reason a text cannot be saved, as a DomainError, or null. */
export function visionTextProblem(value: string): DomainError | null {
  try {
    cleanVisionText(value);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

function refuseIfAgreed(vision: Vision): void {
  if (vision.agreedAt !== null) throw new DomainError('visionAgreed');
}

export interface VisionPlace {
  workshopId: WorkshopId;
  boardId: BoardId;
}

function newVision(place: VisionPlace, text: string, sourceNoteIds: NoteId[], now: number): Vision {
  return {
    id: newId<VisionId>(),
    workshopId: place.workshopId,
    boardId: place.boardId,
    text,
    sourceNoteIds,
    agreedAt: null,
    decisionId: null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * Saves the text of a board's vision: creates the vision on the first words,
 * updates it afterwards. An unchanged text writes nothing.
 */
export function saveVisionText(
  existing: Vision | null,
  place: VisionPlace,
  text: string,
  now: number,
): { vision: Vision; changes: Change[] } {
  const clean = cleanVisionText(text);
  if (!existing) {
    if (clean === '') throw new DomainError('visionEmpty');
    const vision = newVision(place, clean, [], now);
    return { vision, changes: [{ table: 'visions', after: vision }] };
  }
  refuseIfAgreed(existing);
  if (clean === existing.text) return { vision: existing, changes: [] };
  const vision = { ...existing, text: clean, updatedAt: now };
  return { vision, changes: [{ table: 'visions', before: existing, after: vision }] };
}

/** A card's text as one list item: one line, no list marker of its own. */
export function statementLine(note: Pick<Note, 'text'>): string {
  const line = note.text.replace(/\s+/g, ' ').trim();
  return `- ${line.replace(/^-\s+/, '')}`;
}

/**
 * Starts (or extends) the vision from chosen statements: their texts go in as
 * a "- " list draft, appended after what is there, and their ids are recorded
 * so the link stays when the text is rewritten. Statements already linked are
 * not added twice.
 */
export function composeFromStatements(
  existing: Vision | null,
  place: VisionPlace,
  content: Pick<BoardContent, 'notes'>,
  noteIds: readonly NoteId[],
  now: number,
): { vision: Vision; changes: Change[] } {
  if (existing) refuseIfAgreed(existing);
  const linked = new Set(existing?.sourceNoteIds ?? []);
  const chosen = new Set(noteIds);
  // In board order, whatever order they were ticked in.
  const notes = content.notes.filter((note) => chosen.has(note.id) && !linked.has(note.id));
  if (notes.length === 0) throw new DomainError('visionNoStatements');
  const draft = notes.map(statementLine).join('\n');
  const before = existing?.text.trimEnd() ?? '';
  const text = cleanVisionText(before === '' ? draft : `${before}\n\n${draft}`);
  const sourceNoteIds = [...(existing?.sourceNoteIds ?? []), ...notes.map((note) => note.id)];
  if (sourceNoteIds.length > MAX_SOURCE_STATEMENTS) {
    throw new DomainError('visionTooManyStatements', { max: MAX_SOURCE_STATEMENTS });
  }
  if (!existing) {
    const vision = newVision(place, text, sourceNoteIds, now);
    return { vision, changes: [{ table: 'visions', after: vision }] };
  }
  const vision = { ...existing, text, sourceNoteIds, updatedAt: now };
  return { vision, changes: [{ table: 'visions', before: existing, after: vision }] };
}

/** Removes one statement's link (its words in the text stay as they are). */
export function unlinkStatement(vision: Vision, noteId: NoteId, now: number): Change[] {
  refuseIfAgreed(vision);
  if (!vision.sourceNoteIds.includes(noteId)) return [];
  const after = {
    ...vision,
    sourceNoteIds: vision.sourceNoteIds.filter((id) => id !== noteId),
    updatedAt: now,
  };
  return [{ table: 'visions', before: vision, after }];
}

/** Discards a draft: the text and its links. An agreed vision must be revoked first. */
export function discardVision(vision: Vision): Change[] {
  refuseIfAgreed(vision);
  return [{ table: 'visions', before: vision }];
}

/** One line or a few, at most `max` characters, ending in "…" when cut. */
export function shortenText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The decision's text: the prefix ("Leitbild beschlossen:") and the vision as plain text, within the limit. */
export function agreementText(prefix: string, visionText: string): string {
  const plain = visionPlainText(visionText);
  // A one-line vision follows the prefix; a longer one starts on its own line.
  const separator = plain.includes('\n') ? '\n' : ' ';
  return shortenText(`${prefix.trim()}${separator}${plain}`, DECISION_LIMITS.decisionText);
}

export interface AgreeArgs {
  /** The words the decision starts with, in the UI language ("Leitbild beschlossen:"). */
  prefix: string;
  /** The decision's date: the day it is taken (like a decision entered on the decisions page). */
  date: IsoDate;
  /** The running agenda item, if any: the decision is filed under it. */
  agendaItemId: AgendaItemId | null;
  now: number;
}

/**
 * Marks the vision as agreed and records a decision for the minutes, in one
 * change set (one undo step).
 */
export function agreeVision(vision: Vision, args: AgreeArgs): { decision: Decision; changes: Change[] } {
  refuseIfAgreed(vision);
  if (visionPlainText(vision.text) === '') throw new DomainError('visionEmpty');
  const { decision, changes } = addDecision({
    workshopId: vision.workshopId,
    fields: {
      text: agreementText(args.prefix, vision.text),
      date: cleanIsoDate(args.date, 'date'),
      agendaItemId: args.agendaItemId,
    },
    now: args.now,
  });
  const after: Vision = { ...vision, agreedAt: args.now, decisionId: decision.id, updatedAt: args.now };
  return { decision, changes: [{ table: 'visions', before: vision, after }, ...changes] };
}

/**
 * Revokes the agreement: the vision is a draft again and the decision it
 * created goes, in one change set. `decision` is undefined when it was deleted
 * on the decisions page meanwhile; then only the link goes.
 */
export function revokeAgreement(vision: Vision, decision: Decision | undefined, now: number): Change[] {
  if (vision.agreedAt === null) throw new DomainError('visionNotAgreed');
  const after: Vision = { ...vision, agreedAt: null, decisionId: null, updatedAt: now };
  const changes: Change[] = [{ table: 'visions', before: vision, after }];
  if (decision && decision.id === vision.decisionId) changes.push({ table: 'decisions', before: decision });
  return changes;
}
