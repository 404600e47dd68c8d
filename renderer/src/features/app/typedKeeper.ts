import type { IdeaId, NoteId } from '../../domain/ids';
import type { CanvasValue } from '../../domain/types';
import type { ModeratoDb } from '../../persistence/db';
import { applyChanges } from '../../persistence/repository';
import { KEPT_TEXT } from './keptText';

/**
 * Typing that is saved a moment after the last key (a card being edited, a field
 * of a project idea) is also kept in localStorage at once, and forgotten when its
 * save is through. A reload, a crash or closing the app in that moment loses
 * nothing: the next start writes what was kept (`writeKeptTyping`).
 */
export type KeptTyping =
  | { kind: 'noteText'; noteId: NoteId; text: string }
  | { kind: 'ideaField'; ideaId: IdeaId; key: string; value: CanvasValue };

/** Which card or field typing belongs to. */
export type TypingPlace =
  { kind: 'noteText'; noteId: NoteId } | { kind: 'ideaField'; ideaId: IdeaId; key: string };

const PREFIX = KEPT_TEXT.typed;

interface Stored {
  /** Which keeping this is: an older save must not forget newer typing. */
  version: number;
  /** When it was typed: a card or idea changed later (elsewhere) is not overwritten. */
  at?: number;
  typing: KeptTyping;
}

let versions = 0;

function keyOf(place: TypingPlace): string {
  return place.kind === 'noteText'
    ? `${PREFIX}note:${place.noteId}`
    : `${PREFIX}idea:${place.ideaId}:${place.key}`;
}

/** Keeps `typing` until `forget` is called with the returned token (or newer typing replaces it). */
export function keepTyping(typing: KeptTyping): { forget: () => void } {
  const key = keyOf(typing);
  versions += 1;
  const version = versions;
  try {
    localStorage.setItem(key, JSON.stringify({ version, at: Date.now(), typing } satisfies Stored));
  } catch {
    // Storage full or blocked: the typing is then only as safe as its save.
  }
  return {
    forget: () => {
      try {
        const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Stored | null;
        if (stored?.version === version) localStorage.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}

/** Forgets whatever is kept for this card or field (the edit was cancelled or made a step). */
export function forgetTyping(place: TypingPlace): void {
  try {
    localStorage.removeItem(keyOf(place));
  } catch {
    // As above.
  }
}

function isKeptTyping(value: unknown): value is KeptTyping {
  if (typeof value !== 'object' || value === null) return false;
  const typing = value as Record<string, unknown>;
  if (typing.kind === 'noteText') return typeof typing.noteId === 'string' && typeof typing.text === 'string';
  return (
    typing.kind === 'ideaField' &&
    typeof typing.ideaId === 'string' &&
    typeof typing.key === 'string' &&
    (typing.value === null || typeof typing.value === 'string' || typeof typing.value === 'number')
  );
}

/** What a reload interrupted, in the order it was typed. */
export function keptTyping(): KeptTyping[] {
  return keptEntries().map((stored) => stored.typing);
}

function keptEntries(): Stored[] {
  const found: Stored[] = [];
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) {
      try {
        const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as Stored | null;
        if (stored && isKeptTyping(stored.typing)) found.push(stored);
        else localStorage.removeItem(key);
      } catch {
        localStorage.removeItem(key);
      }
    }
  } catch {
    return [];
  }
  return found.sort((a, b) => a.version - b.version);
}

/**
 * At start (of the main window, never the projector's): writes the typing a
 * reload interrupted into the cards and ideas it belongs to (not as an undo
 * step: the history is gone with the page), then forgets it. A card or idea
 * deleted meanwhile, or changed after the typing (in another window), takes
 * nothing; one that fails is forgotten too, so it cannot come back at every
 * start. Resolves how many were written.
 */
export async function writeKeptTyping(db: ModeratoDb): Promise<number> {
  let written = 0;
  for (const { typing, at = 0 } of keptEntries()) {
    try {
      if (typing.kind === 'noteText') {
        const note = await db.notes.get(typing.noteId);
        if (note && note.updatedAt <= at && note.text !== typing.text) {
          await applyChanges(db, [
            { table: 'notes', before: note, after: { ...note, text: typing.text, updatedAt: Date.now() } },
          ]);
          written += 1;
        }
      } else {
        const idea = await db.ideas.get(typing.ideaId);
        if (idea && idea.updatedAt <= at && (idea.fields[typing.key] ?? null) !== typing.value) {
          await applyChanges(db, [
            {
              table: 'ideas',
              before: idea,
              after: {
                ...idea,
                fields: { ...idea.fields, [typing.key]: typing.value },
                updatedAt: Date.now(),
              },
            },
          ]);
          written += 1;
        }
      }
    } catch (error) {
      console.warn('Writing typing kept before a reload failed', error);
    } finally {
      forgetTyping(typing);
    }
  }
  return written;
}
