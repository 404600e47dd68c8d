import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { HelpButton } from '../../../renderer/src/features/help/HelpButton';
import { SHORTCUTS } from '../../../renderer/src/features/help/HelpDialog';
import de from '../../../renderer/src/i18n/locales/de.json';
import en from '../../../renderer/src/i18n/locales/en.json';

function renderHelp() {
  return render(
    <>
      <textarea aria-label="Neue Karte" />
      <HelpButton />
    </>,
  );
}

describe('HelpButton', () => {
  it('opens "Tastaturkürzel" from the "Hilfe" button with every shortcut listed, focus on "Schließen"', async () => {
    const user = userEvent.setup();
    renderHelp();
    await user.click(screen.getByRole('button', { name: 'Hilfe' }));
    const dialog = screen.getByRole('dialog', { name: 'Tastaturkürzel' });
    const keys = within(dialog)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent);
    expect(keys).toEqual([
      'F1 oder ?',
      'Tab / Umschalt+Tab',
      'Strg+Z',
      'Strg+Umschalt+Z oder Strg+Y',
      'Strg+Umschalt+E',
      'Strg+F',
      'Leertaste',
      'Pfeiltasten',
      'Escape',
      'Eingabetaste',
      'Umschalt+Eingabetaste',
      'Strg+B, Strg+I, Strg+Umschalt+L',
      'Escape',
    ]);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Schließen' }));
    await user.click(within(dialog).getByRole('button', { name: 'Schließen' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens with F1 and with "?", but "?" typed into a field stays text', async () => {
    const user = userEvent.setup();
    renderHelp();
    await user.keyboard('{F1}');
    expect(screen.getByRole('dialog', { name: 'Tastaturkürzel' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Schließen' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(screen.getByRole('textbox', { name: 'Neue Karte' }));
    await user.keyboard('Wer?');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Neue Karte' }) as HTMLTextAreaElement).value).toBe('Wer?');

    (document.activeElement as HTMLElement).blur();
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Tastaturkürzel' })).toBeTruthy();
  });

  it('lets "?" be turned off in the dialog (WCAG 2.1.4), F1 still works, and remembers the choice', async () => {
    const user = userEvent.setup();
    const { unmount } = renderHelp();
    await user.keyboard('{F1}');
    const toggle = screen.getByRole('checkbox', { name: /^„\?“ öffnet diese Übersicht/ });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Schließen' }));
    unmount();

    renderHelp();
    await user.keyboard('?');
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{F1}');
    const again = screen.getByRole('checkbox', { name: /^„\?“ öffnet diese Übersicht/ });
    expect((again as HTMLInputElement).checked).toBe(false);
    await user.click(again);
    await user.click(screen.getByRole('button', { name: 'Schließen' }));
    await user.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Tastaturkürzel' })).toBeTruthy();
  });

  it('does not stack on top of another open dialog', async () => {
    const user = userEvent.setup();
    render(
      <>
        <dialog open aria-label="Anderer Dialog" />
        <HelpButton />
      </>,
    );
    await user.keyboard('{F1}');
    expect(screen.queryByRole('dialog', { name: 'Tastaturkürzel' })).toBeNull();
  });

  it('has every shortcut in German and English', () => {
    for (const id of SHORTCUTS) {
      expect(de.help.rows[id].keys).not.toBe('');
      expect(en.help.rows[id].action).not.toBe('');
    }
  });
});
