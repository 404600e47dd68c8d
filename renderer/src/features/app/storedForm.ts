import { useCallback, useRef, useState } from 'react';
import { KEPT_TEXT } from './keptText';

const PREFIX = KEPT_TEXT.form;

function readStored<T extends { [K in keyof T]: string }>(key: string, initial: T): T | null {
  try {
    const stored = JSON.parse(localStorage.getItem(PREFIX + key) ?? 'null') as unknown;
    if (typeof stored !== 'object' || stored === null) return null;
    const values = { ...initial };
    let differs = false;
    for (const field of Object.keys(initial) as Array<keyof T>) {
      const value = (stored as Record<string, unknown>)[field as string];
      if (typeof value === 'string' && value !== initial[field]) {
        values[field] = value as T[keyof T];
        differs = true;
      }
    }
    return differs ? values : null;
  } catch {
    return null;
  }
}

/**
 * A dialog's text fields, kept in localStorage at every keystroke until the
 * dialog is saved or cancelled: a reload (or a crash) with the dialog open
 * loses nothing, and the next time it opens it shows what was typed.
 * `restored` says so, for a line that tells the user.
 */
export function useStoredForm<T extends { [K in keyof T]: string }>(
  key: string,
  initial: T,
  /**
   * Fields kept with whatever was typed even when untouched: a choice whose
   * start depends on something a reload resets (the kind "Festhalten" last used).
   */
  keepWithTyped: readonly (keyof T & string)[] = [],
) {
  const [restoredValues] = useState(() => readStored(key, initial));
  const [values, setValues] = useState<T>(restoredValues ?? initial);
  const latest = useRef(values);
  const [start] = useState(initial);
  const setAll = useCallback(
    (next: T) => {
      latest.current = next;
      setValues(next);
      // Only what was typed: an untouched default (today's date) is not brought back tomorrow.
      const changed = (Object.keys(start) as Array<keyof T & string>).filter(
        (field) => next[field] !== start[field],
      );
      const kept = changed.length > 0 ? [...new Set([...changed, ...keepWithTyped])] : [];
      const typed = Object.fromEntries(kept.map((field) => [field, next[field]]));
      try {
        if (Object.keys(typed).length > 0) localStorage.setItem(PREFIX + key, JSON.stringify(typed));
        else localStorage.removeItem(PREFIX + key);
      } catch {
        // Storage full or blocked: the text then lives in the dialog only.
      }
    },
    // keepWithTyped is fixed for a dialog's life, as are key and start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, start],
  );
  const set = useCallback(
    (field: keyof T, value: string) => setAll({ ...latest.current, [field]: value } as T),
    [setAll],
  );
  /** Saved or cancelled: nothing is kept to come back. */
  const forget = useCallback(() => {
    try {
      localStorage.removeItem(PREFIX + key);
    } catch {
      // As above.
    }
  }, [key]);
  return { values, set, setAll, forget, restored: restoredValues !== null };
}
