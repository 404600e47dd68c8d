import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import de from '../../renderer/src/i18n/locales/de.json';
import en from '../../renderer/src/i18n/locales/en.json';
import { plainTexts } from '../../renderer/src/i18n/plainTexts';

/** Every text of a locale file by its key ("notes.editNamed"). */
function texts(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => texts(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

const names = (text: string) => [...text.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1]!.split(',')[0]!.trim());

beforeAll(async () => {
  // As the app sets it up (i18n/index.ts): German the fallback, values not escaped.
  await i18next.init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: 'de',
    fallbackLng: 'de',
    interpolation: { escapeValue: false },
  });
});

describe('plain texts (filled in without i18next)', () => {
  it('give what i18next gives, for every text of both languages, or leave it to i18next', async () => {
    const wrong: string[] = [];
    let filled = 0;
    for (const language of ['de', 'en'] as const) {
      await i18next.changeLanguage(language);
      const plain = plainTexts();
      for (const [key, text] of texts(language === 'de' ? de : en)) {
        const tricky = ['„Ämter & <Fristen>“', '{{note}}', '$t(common.loading)', 12_345, 0, ''];
        for (const value of tricky) {
          const options = Object.fromEntries(names(text).map((name) => [name, value]));
          const ours = plain(key, names(text).length > 0 ? options : undefined);
          if (ours === null) continue;
          filled += 1;
          const theirs = i18next.t(key, names(text).length > 0 ? options : undefined);
          if (ours !== theirs) wrong.push(`${language} ${key} (${String(value)}): ${ours} ≠ ${theirs}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // Most texts are plain: the comparison above is not an empty one.
    expect(filled).toBeGreaterThan(2_000);
  });

  it('fills the card labels a board asks for, in the current language', async () => {
    await i18next.changeLanguage('de');
    expect(plainTexts()('notes.editNamed', { note: 'Akte' })).toBe(
      i18next.t('notes.editNamed', { note: 'Akte' }),
    );
    await i18next.changeLanguage('en');
    expect(plainTexts()('notes.editNamed', { note: 'Akte' })).toBe(
      i18next.t('notes.editNamed', { note: 'Akte' }),
    );
    expect(plainTexts()('notes.editNamed', { note: 'Akte' })).not.toBeNull();
  });

  it('leaves plurals, formats, missing values, other options and unknown keys to i18next', async () => {
    await i18next.changeLanguage('de');
    const plain = plainTexts();
    expect(i18next.exists('errors.participantListProblems', { count: 2 })).toBe(true);
    expect(plain('errors.participantListProblems', { count: 2 })).toBeNull();
    expect(i18next.exists('errors.tooLong')).toBe(true);
    expect(plain('errors.tooLong', { field: 'Titel', max: 200, length: 250 })).toBeNull();
    expect(plain('notes.editNamed', {})).toBeNull();
    expect(plain('notes.editNamed', { note: 'Akte', defaultValue: 'x' })).toBeNull();
    expect(plain('notes.editNamed', { note: 'Akte', unused: 'x' })).toBeNull();
    expect(plain('notes.noSuchText', undefined)).toBeNull();
    expect(plain('translation:notes.edit', undefined)).toBeNull();
  });

  it('falls back to German for a text English lacks, as i18next does', async () => {
    i18next.addResource('de', 'translation', 'onlyGerman.text', 'Nur „{{x}}“ auf Deutsch');
    await i18next.changeLanguage('en');
    expect(plainTexts()('onlyGerman.text', { x: 'hier' })).toBe(i18next.t('onlyGerman.text', { x: 'hier' }));
    expect(plainTexts()('onlyGerman.text', { x: 'hier' })).toBe('Nur „hier“ auf Deutsch');
  });
});
