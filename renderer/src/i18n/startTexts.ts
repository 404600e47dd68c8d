/**
 * The top-level namespaces of the German texts that the first screens (the
 * workshop list, its dialogs, the error and recovery screens) use. Only these
 * are in the start bundle (`de.json?start`); the rest (`de.json?rest`) loads
 * right after the first screen shows, and before any other screen opens
 * (see main.tsx). vite.config.ts splits the file along this list. A text of
 * another namespace on a first screen would show its key for a moment: keep
 * this list in step with what those screens use.
 */
export const START_NAMESPACES: readonly string[] = [
  'a11y',
  'app',
  'backup',
  'colors',
  'common',
  'crash',
  'defaults',
  'errors',
  'fields',
  'help',
  'history',
  'language',
  'nav',
  'phases',
  'startup',
  'theme',
  'workshops',
];

/** The namespaces of `texts` that are (or, with `start` false, are not) start texts. */
export function pickTexts(texts: Record<string, unknown>, start: boolean): Record<string, unknown> {
  const names = new Set(START_NAMESPACES);
  return Object.fromEntries(Object.entries(texts).filter(([namespace]) => names.has(namespace) === start));
}
