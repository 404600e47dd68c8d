import type { Change } from './changes';
import { cardsIn } from './clusterCommands';
import { DomainError } from './errors';
import { newId, type NoteId } from './ids';
import { rankAfter } from './ordering';
import type { BoardContent, Note } from './types';

/** Bringing cards in from other boards of the workshop ("Karten übernehmen"). */

/** The ids of originals that already have a copy on this board (or are on it). */
export function copiedOriginals(content: BoardContent): Set<NoteId> {
  const ids = new Set<NoteId>();
  for (const note of content.notes) {
    ids.add(note.id);
    if (note.sourceNoteId) ids.add(note.sourceNoteId);
  }
  return ids;
}

/**
 * Copies cards of other boards into the pool: same text, colour and facts,
 * linked to the original by sourceNoteId. An original already copied to this
 * board is skipped; when every chosen card was, nothing is written.
 */
export function bringInCards(
  content: BoardContent,
  originals: readonly Note[],
  now: number,
): { changes: Change[]; added: number; skipped: number } {
  if (originals.length === 0) throw new DomainError('clusterCopyNone');
  const known = copiedOriginals(content);
  const changes: Change[] = [];
  let skipped = 0;
  let previous = cardsIn(content, null).at(-1)?.rank ?? null;
  for (const original of originals) {
    if (original.boardId === content.board.id || known.has(original.id)) {
      skipped += 1;
      continue;
    }
    known.add(original.id);
    const rank = rankAfter(previous);
    previous = rank;
    const copy: Note = {
      id: newId<NoteId>(),
      boardId: content.board.id,
      columnId: null,
      rowId: null,
      clusterId: null,
      text: original.text,
      color: original.color,
      rank,
      sourceNoteId: original.id,
      facts: original.facts ? { ...original.facts } : null,
      createdAt: now,
      updatedAt: now,
    };
    changes.push({ table: 'notes', after: copy });
  }
  if (changes.length === 0) throw new DomainError('clusterCopyAllDuplicates', { count: skipped });
  return { changes, added: changes.length, skipped };
}
