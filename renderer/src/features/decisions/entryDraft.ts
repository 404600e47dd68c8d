import type { EntryKind } from './EntryDialog';

/** What is typed into the decision/action dialog, kept until it is saved or cancelled. */
export interface EntryDraft {
  kind: EntryKind;
  text: string;
  owner: string;
  due: string;
}

const PREFIX = 'moderato.entry.';

/** A new entry's draft per workshop (and kind, where the dialog has one); an edit's per entry. */
export function entryDraftKey(target: {
  workshopId: string;
  entryId: string | null;
  kind: EntryKind | null;
}): string {
  if (target.entryId !== null) return `${PREFIX}${target.entryId}`;
  return `${PREFIX}new${target.kind ? `-${target.kind}` : ''}:${target.workshopId}`;
}

export function readEntryDraft(key: string): EntryDraft | null {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<EntryDraft> | null;
    if (
      stored &&
      (stored.kind === 'decision' || stored.kind === 'action') &&
      typeof stored.text === 'string' &&
      typeof stored.owner === 'string' &&
      typeof stored.due === 'string'
    )
      return stored as EntryDraft;
  } catch {
    // Unreadable: as if nothing was kept.
  }
  return null;
}

/** Kept at every keystroke: a reload with the dialog open loses nothing. */
export function writeEntryDraft(key: string, draft: EntryDraft): void {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the text then lives in the dialog only.
  }
}

export function clearEntryDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // As above.
  }
}
