import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { KEPT_TEXT } from '../app/keptText';

const PREFIX = KEPT_TEXT.draft;
/** Texts sent to be added and not yet confirmed written, per draft key. */
const PENDING = '.pending';

function read(key: string, fallback = ''): string {
  try {
    return localStorage.getItem(PREFIX + key) ?? '';
  } catch {
    return fallback;
  }
}

function write(key: string, value: string): void {
  try {
    if (value) localStorage.setItem(PREFIX + key, value);
    else localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage full or blocked: the text then lives in memory only.
  }
}

function readPending(key: string): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(PREFIX + key + PENDING) ?? '[]');
    return Array.isArray(stored) ? stored.filter((text): text is string => typeof text === 'string') : [];
  } catch {
    return [];
  }
}

function writePending(key: string, texts: readonly string[]): void {
  try {
    if (texts.length > 0) localStorage.setItem(PREFIX + key + PENDING, JSON.stringify(texts));
    else localStorage.removeItem(PREFIX + key + PENDING);
  } catch {
    // As above.
  }
}

/**
 * What the field shows at first: texts whose writing a reload interrupted come
 * back into it (the card may or may not have been written: seen twice beats
 * never), ahead of what was being typed.
 */
function initial(key: string): string {
  const pending = readPending(key);
  if (pending.length === 0) return read(key);
  const value = [...pending, read(key)].filter((text) => text !== '').join('\n');
  write(key, value);
  writePending(key, []);
  return value;
}

/** Whether text is waiting under `key` (a composer with a draft opens by itself). */
export function hasDraft(key: string): boolean {
  return read(key).length > 0 || readPending(key).length > 0;
}

export interface Draft {
  value: string;
  set: (value: string) => void;
  /**
   * Empties the field for the next card and keeps `text` stored until `settle`
   * says whether it was written; a text that was not comes back into the field,
   * ahead of what was typed since.
   */
  send: (text: string) => { settle: (written: boolean) => void };
}

/**
 * Text typed but not yet added, kept in localStorage so a reload loses nothing;
 * also while a sent card is being written, when the field already takes the next.
 */
export function useDraft(key: string): Draft {
  const [value, setValue] = useState(() => initial(key));
  // The latest text in the field.
  const latest = useRef(value);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const set = useCallback(
    (next: string) => {
      latest.current = next;
      setValue(next);
      write(key, next);
    },
    [key],
  );
  const send = useCallback(
    (text: string) => {
      writePending(key, [...readPending(key), text]);
      set('');
      let settled = false;
      return {
        settle: (written: boolean) => {
          if (settled) return;
          settled = true;
          const pending = readPending(key);
          const index = pending.indexOf(text);
          if (index >= 0) pending.splice(index, 1);
          writePending(key, pending);
          if (written) return;
          // What the field holds now; once it is gone (closed), what is stored for it.
          const now = mounted.current ? latest.current : read(key, latest.current);
          set(now ? `${text}\n${now}` : text);
        },
      };
    },
    [key, set],
  );
  return useMemo(() => ({ value, set, send }), [value, set, send]);
}
