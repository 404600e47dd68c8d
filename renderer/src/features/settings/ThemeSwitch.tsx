import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isTheme, setTheme, storedTheme, THEMES, type Theme } from './theme';

/** Standard or high contrast, next to the language; remembered on this computer. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const id = useId();
  const [theme, setChosen] = useState<Theme>(storedTheme);
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t('theme.label')}</label>
      <select
        id={id}
        value={theme}
        onChange={(event) => {
          const value = event.target.value;
          if (!isTheme(value)) return;
          setTheme(value);
          setChosen(value);
        }}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(`theme.${value}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
