import { useCallback, useState } from 'react';

const PREFIX = 'moderato.draft.';

function read(key: string): string {
  try {
    return localStorage.getItem(PREFIX + key) ?? '';
  } catch {
    return '';
  }
}

/** Whether text is waiting under `key` (a composer with a draft opens by itself). */
export function hasDraft(key: string): boolean {
  return read(key).length > 0;
}

/** Text typed but not yet added, kept in localStorage so a reload loses nothing. */
export function useDraft(key: string): [string, (value: string) => void, () => void] {
  const [value, setValue] = useState(() => read(key));
  const update = useCallback(
    (next: string) => {
      setValue(next);
      try {
        if (next) localStorage.setItem(PREFIX + key, next);
        else localStorage.removeItem(PREFIX + key);
      } catch {
        // Storage full or blocked: the draft then lives in memory only.
      }
    },
    [key],
  );
  const clear = useCallback(() => update(''), [update]);
  return [value, update, clear];
}
