import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatIsoDate } from '../../renderer/src/i18n';

const iso = (date: Date) => date.toISOString().slice(0, 10);
const intl = (language: string, date: Date) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);

describe('formatIsoDate', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes German dates as Intl does, for every day of four years (a leap year among them)', () => {
    const wrong: string[] = [];
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
      const date = new Date(day);
      const ours = formatIsoDate(iso(date), 'de');
      if (ours !== intl('de', date)) wrong.push(`${iso(date)}: ${ours} ≠ ${intl('de', date)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('writes the edge years and overflowing days as Intl does', () => {
    const cases: Array<[string, Date]> = [
      ['1000-01-01', new Date(Date.UTC(1000, 0, 1))],
      ['9999-12-31', new Date(Date.UTC(9999, 11, 31))],
      ['0999-12-31', new Date(Date.UTC(999, 11, 31))],
      // Date.UTC rolls day 31 of February over into March, for both ways of writing it.
      ['2026-02-31', new Date(Date.UTC(2026, 1, 31))],
    ];
    for (const [text, date] of cases) {
      expect(formatIsoDate(text, 'de')).toBe(intl('de', date));
      expect(formatIsoDate(text, 'en')).toBe(intl('en', date));
    }
    expect(formatIsoDate('2026-11-29', 'de')).toBe('29.11.2026');
    expect(formatIsoDate('2026-03-05', 'en')).toBe('Mar 5, 2026');
  });

  it('leaves an empty or broken date as it is', () => {
    expect(formatIsoDate('', 'de')).toBe('');
    expect(formatIsoDate('morgen', 'de')).toBe('morgen');
    expect(formatIsoDate('2026-00-10', 'de')).toBe('2026-00-10');
  });

  it('needs no Intl formatter for a German date (the first one of a renderer sets up ICU)', async () => {
    // A fresh module: no formatter kept from the tests before.
    vi.resetModules();
    const fresh = await import('../../renderer/src/i18n');
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    expect(fresh.formatIsoDate('2026-11-29', 'de')).toBe('29.11.2026');
    expect(fresh.formatIsoDate('2024-02-29', 'de')).toBe('29.02.2024');
    expect(made).not.toHaveBeenCalled();
  });
});
