import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './deStart';
import { installNumberFormat } from './numbers';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'de';

const STORAGE_KEY = 'moderato.language';

// Only the German texts of the first screens are in the start bundle (see startTexts.ts);
// the rest of German, and English, load when needed.
export const resources = { de: { translation: de } } as const;

let germanRest: Promise<void> | null = null;

/** The German texts beyond the first screens (German is also every language's fallback). */
export function loadGermanRest(): Promise<void> {
  germanRest ??= import('./deRest').then(({ default: texts }) => {
    i18next.addResourceBundle(DEFAULT_LANGUAGE, 'translation', texts, true, true);
  });
  return germanRest;
}

/** Makes a language's texts available, all of them; resolves at once when they are there already. */
export async function loadLanguage(language: Language): Promise<void> {
  await loadGermanRest();
  if (language === DEFAULT_LANGUAGE || i18next.hasResourceBundle(language, 'translation')) return;
  const texts = (await import('./locales/en.json')).default;
  i18next.addResourceBundle(language, 'translation', texts, true, true);
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function initI18n(language: Language = storedLanguage()) {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    initAsync: false,
    interpolation: { escapeValue: false },
    // Texts added later (the rest of German) re-render what already shows.
    react: { bindI18nStore: 'added' },
  });
  installNumberFormat(i18next);
  document.documentElement.lang = language;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or full storage: the choice then lasts for this session only.
  }
}

// Making an Intl.DateTimeFormat costs far more than using one (the first one of a renderer
// 20–55 ms, for ICU; see germanMediumDate): one per language and kind, kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: string, kind: 'date' | 'dateTime'): Intl.DateTimeFormat {
  const key = `${language}|${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      language,
      kind === 'date'
        ? { dateStyle: 'medium', timeZone: 'UTC' }
        : { dateStyle: 'medium', timeStyle: 'short' },
    );
    dateFormats.set(key, format);
  }
  return format;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * A date in German as Intl's medium style writes it ("05.03.2026"), without
 * Intl: the first Intl formatter of a renderer sets up ICU, 20–55 ms, and the
 * workshop list's dates were the first ones at every start. Only four-digit
 * years (Intl writes others differently); null for anything else. The test
 * holds it to Intl's output, day by day.
 */
function germanMediumDate(date: Date): string | null {
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return null;
  return `${twoDigits(date.getUTCDate())}.${twoDigits(date.getUTCMonth() + 1)}.${year}`;
}

/** Formats an ISO date (yyyy-mm-dd) for the current UI language; '' stays ''. */
export function formatIsoDate(isoDate: string, language: string): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  const date = new Date(Date.UTC(year, month - 1, day));
  return (language === 'de' ? germanMediumDate(date) : null) ?? dateFormat(language, 'date').format(date);
}

export function formatDateTime(epochMs: number, language: string): string {
  return dateFormat(language, 'dateTime').format(epochMs);
}
