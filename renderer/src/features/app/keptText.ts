/**
 * Text kept in localStorage until it is saved (see board/useDraft.ts,
 * app/typedKeeper.ts, app/storedForm.ts, decisions/entryDraft.ts). Its keys
 * name what it belongs to: a workshop, board, column, card, idea or entry.
 */
const PREFIXES = ['moderato.draft.', 'moderato.typed.', 'moderato.form.', 'moderato.entry.'] as const;

/**
 * After a workshop is deleted for good: everything typed for it and still kept
 * in localStorage goes too (names of people, decision texts, cards), so that
 * "endgültig gelöscht" holds. `ids` are the workshop's and all its parts'.
 * Resolves how many keys were removed.
 */
export function forgetKeptTextOf(ids: ReadonlySet<string>): number {
  let removed = 0;
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key && PREFIXES.some((prefix) => key.startsWith(prefix))) keys.push(key);
    }
    for (const key of keys) {
      if (key.split(/[:./]/).some((part) => ids.has(part))) {
        localStorage.removeItem(key);
        removed += 1;
      }
    }
  } catch {
    // Storage blocked: nothing was kept there either.
  }
  return removed;
}
