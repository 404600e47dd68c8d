/**
 * The rank of the card last added to each list in this session (a column, a
 * matrix cell or the tray, the clusters' pool), by board and list. A composer
 * plans the next card from the board as last rendered; right after a card was
 * added, that may not show it yet (the board's live query is still reading,
 * on a big board for some 100 ms), and both cards would get the same rank.
 * Passed as `after` to the add commands (rankAtEnd), the new card goes after
 * the one added before in any case.
 */
const lastAdded = new Map<string, string>();

/** The rank of the card last added to `list` in this session, if any. */
export function lastAddedRank(list: string): string | null {
  return lastAdded.get(list) ?? null;
}

/** Notes the rank of a card being added to `list` (when it is planned, before it is written). */
export function rememberAdded(list: string, rank: string): void {
  lastAdded.set(list, rank);
}
