/**
 * What the phone keeps of a writing round (loaded with the writing round's
 * code): in localStorage per round the outbox (cards not yet confirmed, with
 * the token they were written under, the picked name and the last state
 * seen); in sessionStorage the card being typed and the change being made.
 */
import { isWritingState } from './api';
import type { Outbox } from './outbox';
import { sanitizeOutbox } from './outbox';
import { OUTBOX, local, read, session, write } from './storage';

const NOTE_DRAFT = 'moderato.phone.note.';
/** Outboxes of older rounds with nothing left to send are dropped beyond this many. */
const KEEP_OUTBOXES = 4;

function parse(raw: string | null): Outbox | null {
  if (raw === null) return null;
  try {
    return sanitizeOutbox(JSON.parse(raw), isWritingState);
  } catch {
    return null;
  }
}

function allOutboxes(): Outbox[] {
  const boxes: Outbox[] = [];
  try {
    const store = local();
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key === null || key.indexOf(OUTBOX) !== 0) continue;
      const box = parse(store.getItem(key));
      if (box) boxes.push(box);
    }
  } catch {
    // No storage: nothing kept.
  }
  return boxes;
}

export function loadOutbox(roundId: string): Outbox | null {
  return parse(read(local, OUTBOX + roundId));
}

/** The newest outbox of the round joined with this code (for showing the cards without the laptop). */
export function findOutbox(code: string): Outbox | null {
  let found: Outbox | null = null;
  for (const box of allOutboxes())
    if (box.code === code && (!found || box.savedAt > found.savedAt)) found = box;
  return found;
}

export function saveOutbox(box: Outbox): void {
  write(local, OUTBOX + box.roundId, JSON.stringify(box));
  // Old rounds' outboxes with nothing left to send go; one with unsent cards stays.
  const idle = allOutboxes()
    .filter((other) => other.roundId !== box.roundId && other.ops.length === 0)
    .sort((a, b) => b.savedAt - a.savedAt);
  for (const old of idle.slice(KEEP_OUTBOXES - 1)) write(local, OUTBOX + old.roundId, null);
}

/** The card being typed and the change being made, kept over a reload. */
export interface NoteDraft {
  text: string;
  editing: { clientId: string; text: string } | null;
}

export function loadNoteDraft(roundId: string): NoteDraft | null {
  const raw = read(session, NOTE_DRAFT + roundId);
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<NoteDraft> | null;
    if (!parsed || typeof parsed.text !== 'string') return null;
    const editing = parsed.editing;
    const valid = !!editing && typeof editing.clientId === 'string' && typeof editing.text === 'string';
    return { text: parsed.text, editing: valid ? { clientId: editing.clientId, text: editing.text } : null };
  } catch {
    return null;
  }
}

export function saveNoteDraft(roundId: string, draft: NoteDraft | null): void {
  const empty = !draft || (draft.text === '' && draft.editing === null);
  write(session, NOTE_DRAFT + roundId, empty ? null : JSON.stringify(draft));
}
