// Soft hyphens for the projector's large type. Chromium hyphenates (`hyphens: auto`)
// only with the dictionaries its component updater downloads; Electron has no
// component updater (electron/electron#33692), so in the desktop app long German
// compounds broke mid-word without a hyphen ("Vollständigkeitsprüfu|ng"). The
// TeX patterns of the `hyphen` package (de-1996: today's spelling; en-us) mark
// where a long word may break; the browser breaks there with a visible hyphen
// and shows nothing where it does not break. Screen readers, Playwright and
// find-in-page ignore soft hyphens. The patterns (de: 730 KB) load only with
// the projector; until they are there the text shows unhyphenated.

import type { HyphenationFunctionSync } from 'hyphen';
import { useEffect, useState } from 'react';

export const SOFT_HYPHEN = '\u00AD';

type Language = 'de' | 'en';
type PatternModule = { hyphenateSync: HyphenationFunctionSync };

/** The module namespace of a CommonJS package: its exports, or (in Node) under `default`. */
function apiOf(loaded: Partial<PatternModule> & { default?: PatternModule }): HyphenationFunctionSync {
  const hyphenateSync = loaded.hyphenateSync ?? loaded.default?.hyphenateSync;
  if (!hyphenateSync) throw new Error('hyphen: no hyphenateSync in the pattern module');
  return hyphenateSync;
}

const LOADERS: Record<Language, () => Promise<HyphenationFunctionSync>> = {
  de: async () => apiOf(await import('hyphen/de-1996')),
  en: async () => apiOf(await import('hyphen/en-us')),
};

/**
 * Web and e-mail addresses and file paths keep their characters: a hyphen in
 * them would read as part of them. A slash alone does not make an address
 * ("Mitarbeiter/innen", "Bund/Länder").
 */
const KEEP_WHOLE = /^[a-z][a-z0-9+.-]*:\/\/|^(?:www\.|mailto:)|@|\\|\.[a-z]{2,}\//i;

/**
 * Only long words get soft hyphens, and only where at least four letters stay
 * on either side. The browser breaks at every soft hyphen that lets a line hold
 * more (greedily), so hyphens in every word ("Zu-ordnung", "Be-scheid") made
 * the projector's short lines hard to read; the compounds that do not fit a
 * column are the long ones.
 */
export const LONG_WORD = 12;
const MIN_PART = 4;
const LONG_WORDS = new RegExp(`\\p{L}{${LONG_WORD},}`, 'gu');

/** A hyphenator: soft hyphens into the long words of a text, leaving spaces, addresses and numbers as they are. */
export type Hyphenate = (text: string) => string;

export function makeHyphenate(hyphenateSync: HyphenationFunctionSync): Hyphenate {
  const hyphenateWord = (word: string): string => {
    const parts = hyphenateSync(word, { hyphenChar: SOFT_HYPHEN }).split(SOFT_HYPHEN);
    let result = '';
    let before = 0;
    for (const part of parts) {
      if (before >= MIN_PART && word.length - before >= MIN_PART) result += SOFT_HYPHEN;
      result += part;
      before += part.length;
    }
    return result;
  };
  const cache = new Map<string, string>();
  return (text) => {
    let done = cache.get(text);
    if (done === undefined) {
      done = text.replace(/\S+/g, (token) =>
        KEEP_WHOLE.test(token) ? token : token.replace(LONG_WORDS, hyphenateWord),
      );
      // Texts of a board come and go while it is shown; the cache only spares re-renders the work.
      if (cache.size > 20_000) cache.clear();
      cache.set(text, done);
    }
    return done;
  };
}

const loaded = new Map<Language, Promise<Hyphenate>>();

/** The hyphenator of a UI language (the patterns load once); rejects if they cannot be loaded. */
export function loadHyphenate(language: string): Promise<Hyphenate> {
  const key: Language = language === 'en' ? 'en' : 'de';
  let pending = loaded.get(key);
  if (!pending) {
    pending = LOADERS[key]().then(makeHyphenate);
    pending.catch(() => loaded.delete(key));
    loaded.set(key, pending);
  }
  return pending;
}

const unchanged: Hyphenate = (text) => text;

/**
 * The hyphenator for the current language: the text as it is until the
 * patterns are loaded, then with soft hyphens (the view renders again once).
 * Patterns that fail to load leave the text unhyphenated: it still breaks,
 * only without hyphens.
 */
export function useHyphenate(language: string): Hyphenate {
  const [state, setState] = useState<{ language: string; hyphenate: Hyphenate } | null>(null);
  useEffect(() => {
    let live = true;
    void loadHyphenate(language).then(
      (hyphenate) => live && setState({ language, hyphenate }),
      (error: unknown) => console.warn('Hyphenation patterns could not be loaded', error),
    );
    return () => {
      live = false;
    };
  }, [language]);
  return state?.language === language ? state.hyphenate : unchanged;
}
