import i18next from 'i18next';

/**
 * Texts with plain placeholders ("Karte „{{note}}“ bearbeiten"), filled in
 * without i18next's t. A board asks for some 400 texts that name a card when it
 * opens (five per card: the handle and the card's buttons), each one different,
 * so useT's memory does not help; in a new renderer i18next's translate, resolve
 * and interpolate took some 15 ms for them. Here a text is looked up and split
 * at its placeholders once, then each call joins the parts.
 *
 * Only where the result is the one i18next gives (the test compares every text
 * of both languages): the key found as it is in the languages i18next would
 * look in, no namespace in the key, no nesting ($t), no formats ({{x, number}})
 * or unescaped placeholders ({{- x}}), and options that are all placeholders
 * of the text, with string or number values (no count, context or other
 * option of i18next's). i18next does not escape values (escapeValue: false).
 * Anything else returns null, and i18next's t answers.
 */
export type PlainTexts = (key: string, options: Record<string, unknown> | undefined) => string | null;

const PLACEHOLDER = /\{\{(.+?)\}\}/g;

/** The text split at its placeholders: text, name, text, name, …, text; null: not a plain text. */
function split(text: string): string[] | null {
  if (text.includes('$t(')) return null;
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!.trim();
    if (name === '' || name.startsWith('-') || name.includes(',')) return null;
    parts.push(text.slice(last, match.index), name);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

function lookUp(key: string): string | undefined {
  for (const language of i18next.languages ?? []) {
    const found: unknown = i18next.getResource(language, 'translation', key);
    if (found !== undefined) return typeof found === 'string' ? found : undefined;
  }
  return undefined;
}

/** i18next's own options: given one, i18next's t must answer (a count picks a plural form). */
const RESERVED = new Set([
  'count',
  'context',
  'ordinal',
  'defaultValue',
  'lng',
  'lngs',
  'ns',
  'replace',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'keyPrefix',
  'fallbackLng',
  'nsSeparator',
  'keySeparator',
  'formatParams',
]);

interface Split {
  parts: string[];
  names: Set<string>;
}

/** A fresh memory of split texts; make a new one when the language changes or texts are added. */
export function plainTexts(): PlainTexts {
  const known = new Map<string, Split | null>();
  return (key, options) => {
    if (key.includes(':')) return null;
    let found = known.get(key);
    if (found === undefined) {
      const text = lookUp(key);
      const parts = text ? split(text) : null;
      found = parts && { parts, names: new Set(parts.filter((_, i) => i % 2 === 1)) };
      known.set(key, found);
    }
    if (found === null) return null;
    // Every option a placeholder of the text, none of them one of i18next's own.
    for (const name of options ? Object.keys(options) : [])
      if (RESERVED.has(name) || !found.names.has(name)) return null;
    const { parts } = found;
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const value = options?.[parts[i]!];
      if (typeof value !== 'string' && typeof value !== 'number') return null;
      out += String(value) + parts[i + 1]!;
    }
    return out;
  };
}
