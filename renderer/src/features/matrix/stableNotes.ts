import { useState } from 'react';
import type { NoteId } from '../../domain/ids';
import type { Note, NoteFacts } from '../../domain/types';

function sameFacts(a: NoteFacts | null, b: NoteFacts | null): boolean {
  if (a === null || b === null) return a === b;
  return a.process === b.process && a.casesPerYear === b.casesPerYear && a.painPoint === b.painPoint;
}

/** Whether two reads of a card show the same thing (a live query returns fresh objects every time). */
export function sameNote(a: Note, b: Note): boolean {
  return (
    a.id === b.id &&
    a.boardId === b.boardId &&
    a.columnId === b.columnId &&
    a.rowId === b.rowId &&
    a.clusterId === b.clusterId &&
    a.text === b.text &&
    a.color === b.color &&
    a.rank === b.rank &&
    a.sourceNoteId === b.sourceNoteId &&
    a.createdAt === b.createdAt &&
    a.updatedAt === b.updatedAt &&
    sameFacts(a.facts, b.facts)
  );
}

/** The cards by id, keeping the previous object of every card that did not change. */
export function stabiliseNotes(
  previous: ReadonlyMap<NoteId, Note>,
  notes: readonly Note[],
): Map<NoteId, Note> {
  const next = new Map<NoteId, Note>();
  for (const note of notes) {
    const old = previous.get(note.id);
    next.set(note.id, old && sameNote(old, note) ? old : note);
  }
  return next;
}

/** Place key → its cards, keeping the previous array of every place whose cards did not change. */
export function stabiliseGroups(
  previous: Readonly<Record<string, readonly Note[]>>,
  items: Readonly<Record<string, readonly NoteId[]>>,
  notesById: ReadonlyMap<NoteId, Note>,
): Record<string, readonly Note[]> {
  const next: Record<string, readonly Note[]> = {};
  for (const [key, ids] of Object.entries(items)) {
    const notes = ids.map((id) => notesById.get(id)).filter((n): n is Note => n !== undefined);
    const old = previous[key];
    next[key] = old && old.length === notes.length && old.every((n, i) => n === notes[i]) ? old : notes;
  }
  return next;
}

/**
 * The cards of every place, stable across reads: a change to one card
 * re-renders only that card and its cell, not the whole board.
 */
export function useStableGroups(
  notes: readonly Note[],
  items: Readonly<Record<string, readonly NoteId[]>>,
): { notesById: ReadonlyMap<NoteId, Note>; groups: Record<string, readonly Note[]> } {
  const [state, setState] = useState(() => {
    const notesById = stabiliseNotes(new Map(), notes);
    return { notes, items, notesById, groups: stabiliseGroups({}, items, notesById) };
  });
  if (state.notes === notes && state.items === items) return state;
  // Derived from props during render (React's pattern for it): no extra commit, no effect.
  const notesById = state.notes === notes ? state.notesById : stabiliseNotes(state.notesById, notes);
  const next = { notes, items, notesById, groups: stabiliseGroups(state.groups, items, notesById) };
  setState(next);
  return next;
}
