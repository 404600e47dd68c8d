// Every refusal a domain command can throw has a message, in German and in
// English: a code without one would show the user nothing useful.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../renderer/src/domain/errors';
import { describeError, errorKey } from '../../../renderer/src/features/app/commands';
import en from '../../../renderer/src/i18n/locales/en.json';

// jsdom replaces URL, so the path is taken from the working directory (the repository).
const domainDir = join(process.cwd(), 'renderer/src/domain');

/** Every literal code in `new DomainError('code'` across the domain. */
function thrownCodes(): string[] {
  const codes = new Set<string>();
  for (const file of readdirSync(domainDir).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(join(domainDir, file), 'utf8');
    for (const match of source.matchAll(/new DomainError\(\s*'([^']+)'/g)) codes.add(match[1]!);
  }
  return [...codes].sort();
}

describe('messages for refused commands', () => {
  afterAll(() => i18next.changeLanguage('de'));

  it('finds the domain’s refusals (the scan works)', () => {
    const codes = thrownCodes();
    expect(codes.length).toBeGreaterThan(50);
    expect(codes).toContain('voting.overBudget');
  });

  it('has a German and an English message for every code', async () => {
    i18next.addResourceBundle('en', 'translation', en, true, true);
    for (const language of ['de', 'en']) {
      await i18next.changeLanguage(language);
      const missing = thrownCodes().filter((code) => errorKey(code) === null);
      expect(missing, language).toEqual([]);
    }
  });

  it('fills in the parameters and never shows a raw key', async () => {
    await i18next.changeLanguage('de');
    expect(describeError(new DomainError('voting.stacking', { max: 2 }))).toBe(
      'Auf einen Eintrag dürfen höchstens 2 Punkte.',
    );
    expect(describeError(new DomainError('no-such-code'))).toBe('Das ging nicht. Es wurde nichts geändert.');
  });
});
