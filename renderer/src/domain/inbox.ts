/**
 * The facilitator's decisions on the inbox (Eingang) of a writing round, as
 * pure commands (see writing.ts for the rounds and the cards arriving): accept
 * cards onto a column, a matrix cell or the tray, a cluster or the pool; edit,
 * merge or reject them, one by one or all at once. Each command is one change
 * set (undoable).
 */
import { blankNote, notesInColumn } from './boardCommands';
import type { Change } from './changes';
import { cardsIn, findCluster } from './clusterCommands';
import { DomainError } from './errors';
import type { InboxNoteId } from './ids';
import { notesAt, type MatrixPlace } from './matrixCommands';
import { rankAfter } from './ordering';
import type { BoardContent, InboxNote, Note } from './types';
import { cleanNoteText } from './validation';
import type { InboxTarget } from './writing';

function pick(inbox: readonly InboxNote[], ids: readonly InboxNoteId[]): InboxNote[] {
  if (ids.length === 0) throw new DomainError('writing.noneChosen');
  if (new Set(ids).size !== ids.length) throw new DomainError('writing.chosenTwice');
  const byId = new Map(inbox.map((n) => [n.id, n]));
  return ids.map((id) => {
    const note = byId.get(id);
    if (!note) throw new DomainError('writing.inboxNoteMissing');
    return note;
  });
}

/** The cards already at the target, in order, and a check that the target fits the board. */
function cardsAtTarget(content: BoardContent, target: InboxTarget): { place: Partial<Note>; here: Note[] } {
  const kind = content.board.kind;
  switch (target.kind) {
    case 'column': {
      if (kind !== 'columns') throw new DomainError('writing.wrongTarget');
      if (!content.columns.some((c) => c.id === target.columnId)) throw new DomainError('columnMissing');
      return { place: { columnId: target.columnId }, here: notesInColumn(content, target.columnId) };
    }
    case 'cell': {
      if (kind !== 'matrix') throw new DomainError('writing.wrongTarget');
      if ((target.rowId === null) !== (target.columnId === null))
        throw new DomainError('writing.wrongTarget');
      let place: MatrixPlace = { kind: 'tray' };
      if (target.rowId !== null && target.columnId !== null) {
        if (!content.rows.some((r) => r.id === target.rowId))
          throw new DomainError('matrix.errors.rowMissing');
        if (!content.columns.some((c) => c.id === target.columnId)) throw new DomainError('columnMissing');
        place = { kind: 'cell', rowId: target.rowId, columnId: target.columnId };
      }
      return { place: { rowId: target.rowId, columnId: target.columnId }, here: notesAt(content, place) };
    }
    case 'cluster': {
      if (kind !== 'clusters') throw new DomainError('writing.wrongTarget');
      if (target.clusterId !== null) findCluster(content, target.clusterId);
      return { place: { clusterId: target.clusterId }, here: cardsIn(content, target.clusterId) };
    }
  }
}

/**
 * Accepts cards (pending, or rejected ones taken back) onto the board at the
 * target, in the given order after the cards already there, with their author
 * when named (and, when `known` is given, still in the workshop). Cards merged
 * into an accepted one point at the same board card.
 */
export function acceptInboxNotes(
  content: BoardContent,
  inbox: readonly InboxNote[],
  ids: readonly InboxNoteId[],
  target: InboxTarget,
  now: number,
  known?: ReadonlySet<string>,
): { notes: Note[]; changes: Change[] } {
  const chosen = pick(inbox, ids);
  const { place, here } = cardsAtTarget(content, target);
  const notes: Note[] = [];
  const noteChanges: Change[] = [];
  const inboxChanges: Change[] = [];
  let previous: string | null = here.at(-1)?.rank ?? null;
  for (const item of chosen) {
    if (item.boardId !== content.board.id) throw new DomainError('writing.otherBoard');
    if (item.status !== 'pending' && item.status !== 'rejected')
      throw new DomainError('writing.alreadyDecided');
    const rank = rankAfter(previous);
    previous = rank;
    const note: Note = {
      ...blankNote(content.board.id, now),
      ...place,
      text: cleanNoteText(item.text),
      rank,
    };
    if (note.text.length === 0) throw new DomainError('writing.textRequired');
    if (item.authorId !== null && (!known || known.has(item.authorId))) note.authorId = item.authorId;
    notes.push(note);
    noteChanges.push({ table: 'notes', after: note });
    inboxChanges.push({
      table: 'inboxNotes',
      before: item,
      after: { ...item, status: 'accepted', noteId: note.id, changedAfterDecision: false, updatedAt: now },
    });
    for (const merged of inbox)
      if (merged.status === 'merged' && merged.mergedInto === item.id && merged.noteId !== note.id)
        inboxChanges.push({
          table: 'inboxNotes',
          before: merged,
          after: { ...merged, noteId: note.id, updatedAt: now },
        });
  }
  return { notes, changes: [...noteChanges, ...inboxChanges] };
}

/** Rejects waiting cards (ones rejected already stay as they are). */
export function rejectInboxNotes(
  inbox: readonly InboxNote[],
  ids: readonly InboxNoteId[],
  now: number,
): Change[] {
  const changes: Change[] = [];
  for (const item of pick(inbox, ids)) {
    if (item.status === 'rejected') continue;
    if (item.status !== 'pending') throw new DomainError('writing.alreadyDecided');
    changes.push({
      table: 'inboxNotes',
      before: item,
      after: { ...item, status: 'rejected', changedAfterDecision: false, updatedAt: now },
    });
  }
  return changes;
}

function cleanInboxText(text: string): string {
  const clean = cleanNoteText(text);
  if (clean.length === 0) throw new DomainError('writing.textRequired', { field: 'text' });
  return clean;
}

/** The facilitator's edit of a waiting (or rejected) card's text (the phone's text stays in sentText). */
export function editInboxNote(note: InboxNote, text: string, now: number): Change[] {
  if (note.status !== 'pending' && note.status !== 'rejected')
    throw new DomainError('writing.alreadyDecided');
  const clean = cleanInboxText(text);
  if (clean === note.text) return [];
  return [{ table: 'inboxNotes', before: note, after: { ...note, text: clean, updatedAt: now } }];
}

/**
 * Merges duplicates: the first id survives with `text` (e.g. the texts joined
 * by the facilitator), the others become merged into it. Authors: the survivor
 * keeps its own; the others stay recorded on the merged rows. Cards merged
 * into one of the others before now point at the survivor, so one level holds.
 */
export function mergeInboxNotes(
  inbox: readonly InboxNote[],
  ids: readonly InboxNoteId[],
  text: string,
  now: number,
): Change[] {
  const chosen = pick(inbox, ids);
  if (chosen.length < 2) throw new DomainError('writing.mergeNeedsTwo');
  for (const item of chosen) if (item.status !== 'pending') throw new DomainError('writing.mergeOnlyPending');
  const [survivor, ...others] = chosen as [InboxNote, ...InboxNote[]];
  const clean = cleanInboxText(text);
  const folded = new Set<string>(others.map((o) => o.id));
  const changes: Change[] = [];
  if (clean !== survivor.text)
    changes.push({
      table: 'inboxNotes',
      before: survivor,
      after: { ...survivor, text: clean, updatedAt: now },
    });
  for (const other of others)
    changes.push({
      table: 'inboxNotes',
      before: other,
      after: {
        ...other,
        status: 'merged',
        mergedInto: survivor.id,
        changedAfterDecision: false,
        updatedAt: now,
      },
    });
  for (const earlier of inbox)
    if (earlier.status === 'merged' && earlier.mergedInto !== null && folded.has(earlier.mergedInto))
      changes.push({
        table: 'inboxNotes',
        before: earlier,
        after: { ...earlier, mergedInto: survivor.id, updatedAt: now },
      });
  return changes;
}
