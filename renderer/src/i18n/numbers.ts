import type { i18n } from 'i18next';

/**
 * Numbers in the texts ("{{count, number}} Karten"), formatted for i18next.
 *
 * Whole numbers in German and English are grouped here without Intl: the first
 * Intl formatter of a renderer sets up ICU (20–55 ms), and a board's card counts
 * were the first ones when a board was opened by reloading the page. The test
 * holds them to Intl's output. Everything else goes to Intl.NumberFormat, one
 * kept per language and options: i18next's own "number" format keys its cache
 * by all of the text's values, so a text naming a card made a new formatter for
 * every card.
 */

/** Intl.NumberFormat's options; the others i18next hands over are the text's values. */
const NUMBER_OPTIONS = [
  'localeMatcher',
  'style',
  'currency',
  'currencyDisplay',
  'currencySign',
  'unit',
  'unitDisplay',
  'minimumIntegerDigits',
  'minimumFractionDigits',
  'maximumFractionDigits',
  'minimumSignificantDigits',
  'maximumSignificantDigits',
  'roundingPriority',
  'roundingIncrement',
  'roundingMode',
  'trailingZeroDisplay',
  'notation',
  'compactDisplay',
  'useGrouping',
  'signDisplay',
  'numberingSystem',
] as const;

/** The thousands separator of whole numbers, where Intl groups every three digits from 1,000 on. */
const SEPARATORS: Record<string, string> = { de: '.', en: ',' };

const formats = new Map<string, Intl.NumberFormat>();

function grouped(value: number, separator: string): string {
  const digits = String(Math.abs(value));
  let out = digits.slice(-3);
  for (let end = digits.length - 3; end > 0; end -= 3)
    out = `${digits.slice(Math.max(0, end - 3), end)}${separator}${out}`;
  return value < 0 ? `-${out}` : out;
}

export function formatNumber(
  value: unknown,
  language: string,
  options: Record<string, unknown> = {},
): string {
  const picked: Record<string, unknown> = {};
  for (const name of NUMBER_OPTIONS) if (options[name] !== undefined) picked[name] = options[name];
  const separator = SEPARATORS[language];
  const plain = Object.keys(picked).length === 0;
  // Not -0: Intl writes "-0".
  if (plain && separator && typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0))
    return grouped(value, separator);
  const key = `${language}|${JSON.stringify(picked)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, picked as Intl.NumberFormatOptions);
    formats.set(key, format);
  }
  return format.format(value as number);
}

/** Makes i18next's "number" format this one (after init, when its services are there). */
export function installNumberFormat(instance: i18n): void {
  instance.services.formatter?.add('number', (value, language, options) =>
    formatNumber(value, language ?? instance.language, (options ?? {}) as Record<string, unknown>),
  );
}
