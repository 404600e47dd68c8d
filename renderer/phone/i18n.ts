/**
 * The phone page's own small translator: no i18next, to keep the page light.
 * Texts live in locales/de.json and en.json; `{{name}}` placeholders; a `count`
 * parameter picks `key_one` / `key_other` (German and English both use "one"
 * for exactly 1, and Intl.PluralRules is missing on Safari 12).
 */
import de from './locales/de.json';
import en from './locales/en.json';
import type { LanLanguage } from '../../electron/shared/lanContract';

export type Params = Record<string, string | number>;
/** A translatable message: a key and its parameters, worded only when shown. */
export interface Message {
  key: string;
  params?: Params;
}

const CATALOGS: Record<LanLanguage, Record<string, unknown>> = { de, en };

/**
 * Adds the texts of a part loaded later (the writing round brings its own,
 * locales/write.*.json, so a phone that votes does not download them).
 */
export function addTexts(texts: Record<LanLanguage, Record<string, unknown>>): void {
  CATALOGS.de = { ...CATALOGS.de, ...texts.de };
  CATALOGS.en = { ...CATALOGS.en, ...texts.en };
}

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export interface Translator {
  readonly language: LanLanguage;
  t(key: string, params?: Params): string;
  /** A message as text. */
  say(message: Message): string;
  number(value: number): string;
  /** Hours and minutes in the language's style, e.g. "14:30" / "2:30 PM". */
  time(ms: number): string;
}

export function translator(language: LanLanguage): Translator {
  const numbers = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB');
  const times = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-US', {
    hour: 'numeric',
    minute: '2-digit',
  });
  const t = (key: string, params: Params = {}): string => {
    const count = params.count;
    const catalog = CATALOGS[language];
    const plural =
      typeof count === 'number' ? lookup(catalog, `${key}_${count === 1 ? 'one' : 'other'}`) : undefined;
    const text = plural ?? lookup(catalog, key) ?? key;
    return text.replace(/{{\s*(\w+)\s*}}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
  return {
    language,
    t,
    say: (message) => t(message.key, message.params),
    number: (value) => numbers.format(value),
    time: (ms) => times.format(new Date(ms)),
  };
}
