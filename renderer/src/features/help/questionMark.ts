// WCAG 2.1.4: a shortcut of one printable key ("?") must be possible to turn off,
// e.g. for people using speech input, where a spoken word can type a "?".
const STORAGE_KEY = 'moderato.help.questionMark';

/** Whether "?" opens the help (on unless turned off in the help dialog). */
export function questionMarkEnabled(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setQuestionMarkEnabled(enabled: boolean): void {
  try {
    if (enabled) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, 'off');
  } catch {
    // Private mode without storage: the choice lasts until the window closes.
  }
}
