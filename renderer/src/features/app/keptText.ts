/**
 * Text kept in localStorage until it is saved, one prefix per kind. Its keys
 * name what it belongs to: a workshop, board, column, card, idea or entry.
 * A new kind takes its prefix from here, so that a purge cannot miss it.
 */
export const KEPT_TEXT = {
  /** Card composers (board/useDraft.ts). */
  draft: 'moderato.draft.',
  /** Edits saved after a pause (app/typedKeeper.ts). */
  typed: 'moderato.typed.',
  /** Dialogs and forms (app/storedForm.ts). */
  form: 'moderato.form.',
} as const;

/** Decision and action dialogs kept their own until 29.11.2026 (now `form`); still purged. */
const OLD_PREFIXES = ['moderato.entry.'];

const PREFIXES = [...Object.values(KEPT_TEXT), ...OLD_PREFIXES];

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
