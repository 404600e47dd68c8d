import i18next from 'i18next';
import de from './locales/de.json';
import en from './locales/en.json';

/**
 * A translator outside React, for the command line (`backup:check`) and tests:
 * the same texts and formatting as the app, without touching the app's i18next.
 */
export function createTranslator(language: 'de' | 'en' = 'de') {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { de: { translation: de }, en: { translation: en } },
    lng: language,
    fallbackLng: 'de',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.t.bind(instance) as (key: string, options?: Record<string, unknown>) => string;
}
