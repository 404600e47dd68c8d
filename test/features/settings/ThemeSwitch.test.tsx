import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ThemeSwitch } from '../../../renderer/src/features/settings/ThemeSwitch';
import { applyTheme, storedTheme } from '../../../renderer/src/features/settings/theme';

afterEach(() => applyTheme('standard'));

describe('ThemeSwitch', () => {
  it('switches to high contrast on <html data-theme> and remembers it', async () => {
    const user = userEvent.setup();
    render(<ThemeSwitch />);
    const select = screen.getByRole('combobox', { name: 'Darstellung' }) as HTMLSelectElement;
    expect(select.value).toBe('standard');
    expect(document.documentElement.dataset.theme).toBeUndefined();

    await user.selectOptions(select, 'Hoher Kontrast');
    expect(document.documentElement.dataset.theme).toBe('contrast');
    expect(storedTheme()).toBe('contrast');

    await user.selectOptions(select, 'Standard');
    // Standard leaves the attribute off: then the OS setting (prefers-contrast) decides.
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(storedTheme()).toBe('standard');
  });

  it('starts with the stored choice and ignores unknown stored values', () => {
    localStorage.setItem('moderato.theme', 'contrast');
    render(<ThemeSwitch />);
    expect((screen.getByRole('combobox', { name: 'Darstellung' }) as HTMLSelectElement).value).toBe(
      'contrast',
    );
    localStorage.setItem('moderato.theme', 'neon');
    expect(storedTheme()).toBe('standard');
  });
});
