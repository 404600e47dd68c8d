// useT: one translate function for the many cards of a board, remembering its texts.
import { act, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { changeLanguage } from '../../../renderer/src/i18n';
import { useT } from '../../../renderer/src/i18n/useT';

function Labels({ title, count }: { title: string; count: number }) {
  const t = useT();
  return (
    <p>
      <span>{t('notes.edit')}</span> · <span>{t('clusters.cardCount', { count })}</span> ·{' '}
      <span>{t('clusters.handle', { title })}</span>
    </p>
  );
}

beforeEach(async () => {
  await changeLanguage('de');
});
afterEach(() => {
  vi.restoreAllMocks();
});

it('gives the same texts as i18next, asking it once per key and options', async () => {
  const spy = vi.spyOn(i18next, 't');
  const { rerender } = render(<Labels title="Bürgerservice" count={3} />);
  const first = screen.getByRole('paragraph').textContent;
  expect(first).toContain(i18next.getFixedT('de')('notes.edit'));
  expect(first).toContain(i18next.getFixedT('de')('clusters.cardCount', { count: 3 }));
  const calls = spy.mock.calls.length;
  rerender(<Labels title="Bürgerservice" count={3} />);
  expect(screen.getByRole('paragraph').textContent).toBe(first);
  expect(spy.mock.calls.length).toBe(calls);
  // Other options are other texts.
  rerender(<Labels title="Verwaltung" count={1} />);
  expect(screen.getByRole('paragraph').textContent).toContain(
    i18next.getFixedT('de')('clusters.cardCount', { count: 1 }),
  );
  expect(screen.getByRole('paragraph').textContent).toContain('Verwaltung');
});

it('forgets its texts when the language changes', async () => {
  render(<Labels title="Bürgerservice" count={2} />);
  const german = screen.getByRole('paragraph').textContent;
  await act(() => changeLanguage('en'));
  const english = screen.getByRole('paragraph').textContent;
  expect(english).not.toBe(german);
  expect(english).toContain(i18next.getFixedT('en')('clusters.cardCount', { count: 2 }));
});
