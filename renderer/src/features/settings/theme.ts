export const THEMES = ['standard', 'contrast'] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_KEY = 'moderato.theme';

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isTheme(value) ? value : 'standard';
  } catch {
    return 'standard';
  }
}

/**
 * The theme lives on <html data-theme>, so the CSS alone decides the colours.
 * "standard" still follows the OS (prefers-contrast, forced-colors) through media queries.
 */
export function applyTheme(theme: Theme): void {
  if (theme === 'standard') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export function setTheme(theme: Theme): void {
  applyTheme(theme);
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Private mode or full storage: the choice then lasts for this session only.
  }
}
