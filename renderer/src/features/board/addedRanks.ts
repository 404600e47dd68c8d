import type { Change } from '../../domain/changes';
import type { Note } from '../../domain/types';

/**
 * The rank of the card last added to each list in this session (a column, a
 * matrix cell or the tray, the clusters' pool), by board and list. A composer
 * plans the next card from the board as last rendered; right after a card was
 * added, that may not show it yet (the board's live query is still reading,
 * on a big board for some 100 ms), and both cards would get the same rank.
 * Passed as `rankFloor` to the add commands (rankAtEnd), the new card goes
 * after the one added before in any case.
 */
const lastAdded = new Map<string, string>();

/**
 * Plans adding a card to `list` ("<board id>:<list>") with the rank floor of
 * the card added there before, and notes the new card's rank (when planned,
 * before it is written: a second add may be planned before the first is saved).
 */
export function planAdd(
  list: string,
  add: (rankFloor: string | null) => { note: Note; changes: Change[] },
): Change[] {
  const { note, changes } = add(lastAdded.get(list) ?? null);
  lastAdded.set(list, note.rank);
  return changes;
}
