import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HelpButton } from '../help/HelpButton';
import { ThemeSwitch } from '../settings/ThemeSwitch';
import { LanguageSwitch } from './LanguageSwitch';

export function AppHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <a className="brand" href="#/">
        <span aria-hidden="true" className="brand-mark">
          M
        </span>
        <span>Moderato</span>
      </a>
      <div className="app-header-middle">{children}</div>
      <div className="app-header-tools">
        <HelpButton />
        <ThemeSwitch />
        <LanguageSwitch />
      </div>
    </header>
  );
}
