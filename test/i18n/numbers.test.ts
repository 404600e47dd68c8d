import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatNumber, installNumberFormat } from '../../renderer/src/i18n/numbers';

const intl = (language: string, value: number, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(language, options).format(value);

describe('numbers in the texts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('groups whole numbers as Intl does, in German and English', () => {
    const values = [0, 1, -1, 7, 12, 999, 1_000, -1_000, 1_234, 9_999, 10_000, 123_456, -654_321, 1_000_000];
    for (let v = -20_000; v <= 20_000; v += 7) values.push(v);
    for (let i = 0; i < 200; i += 1) values.push(Math.round((Math.random() - 0.5) * Number.MAX_SAFE_INTEGER));
    values.push(Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
    const wrong: string[] = [];
    for (const language of ['de', 'en'])
      for (const value of values) {
        const ours = formatNumber(value, language);
        if (ours !== intl(language, value))
          wrong.push(`${language} ${value}: ${ours} ≠ ${intl(language, value)}`);
      }
    expect(wrong).toEqual([]);
    expect(formatNumber(1_234_567, 'de')).toBe('1.234.567');
    expect(formatNumber(1_234_567, 'en')).toBe('1,234,567');
  });

  it('leaves fractions, -0, huge numbers, options and other languages to Intl', () => {
    const cases: Array<[unknown, string, Record<string, unknown>]> = [
      [1234.5, 'de', {}],
      [-0, 'de', {}],
      [2 ** 60, 'en', {}],
      [0.5, 'de', { style: 'percent' }],
      [1234, 'de', { minimumFractionDigits: 2 }],
      [1234, 'fr', {}],
    ];
    for (const [value, language, options] of cases)
      expect(formatNumber(value, language, options)).toBe(intl(language, value as number, options));
  });

  it('keeps one Intl formatter per language and options, whatever else the text names', () => {
    const made = vi.spyOn(Intl, 'NumberFormat');
    for (let card = 0; card < 50; card += 1) formatNumber(1.5, 'de', { note: `Karte ${card}`, count: card });
    expect(made.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it("is i18next's number format, with the text's values beside the number", async () => {
    const texts = i18next.createInstance();
    await texts.init({
      resources: { de: { translation: { cards: '{{count, number}} Karten in „{{title}}“' } } },
      lng: 'de',
      interpolation: { escapeValue: false },
    });
    installNumberFormat(texts);
    const made = vi.spyOn(Intl, 'NumberFormat');
    expect(texts.t('cards', { count: 12_345, title: 'Antrag' })).toBe('12.345 Karten in „Antrag“');
    // No Intl for a whole number: the first formatter of a renderer sets up ICU.
    expect(made).not.toHaveBeenCalled();
  });
});
