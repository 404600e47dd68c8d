/**
 * What stays on every screen: the top bar with the language switch, the
 * connection banner, the <main> the screens are drawn into, and the polite
 * live region for announcements.
 */
import { h, setChildren } from './dom';
import type { LanLanguage } from '../../electron/shared/lanContract';
import type { Translator } from './i18n';

export interface Chrome {
  main: HTMLElement;
  languageButton: HTMLButtonElement;
  announce(text: string): void;
  /** `pageTitle` null: the page's own title (before joining). */
  draw(tr: Translator, language: LanLanguage, pageTitle: string | null, offline: boolean): void;
  stop(): void;
}

export function createChrome(root: HTMLElement, tr: Translator): Chrome {
  const languageButton = h('button', { type: 'button', class: 'link-button lang', 'data-key': 'language' });
  const banner = h('p', { role: 'status', class: 'banner' });
  const announcer = h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const main = h('main', { id: 'main', class: 'content' });
  setChildren(
    root,
    h('header', { class: 'topbar' }, h('span', { class: 'brand' }, tr.t('app.name')), languageButton),
    banner,
    main,
    announcer,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    main,
    languageButton,
    announce(text) {
      // Emptied first, so the same sentence twice is read twice.
      announcer.textContent = '';
      clearTimeout(timer);
      timer = setTimeout(() => (announcer.textContent = text), 60);
    },
    draw(tr, language, pageTitle, offline) {
      document.documentElement.lang = language;
      languageButton.textContent = tr.t('language.switchTo');
      languageButton.setAttribute('lang', tr.t('language.switchToCode'));
      languageButton.setAttribute('aria-label', tr.t('language.switchLabel'));
      document.title = pageTitle ?? tr.t('app.title');
      banner.textContent = offline ? tr.t('errors.connectionLost') : '';
      banner.hidden = !offline;
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
