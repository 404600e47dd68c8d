import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import de from '../../renderer/src/i18n/locales/de.json';
import { pickTexts, START_TEXTS } from '../../renderer/src/i18n/startTexts';

type Texts = Record<string, unknown>;

/** Every text as its dotted key. */
function leaves(texts: Texts, prefix = ''): string[] {
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? leaves(value as Texts, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

describe('the start texts and the rest', () => {
  const start = pickTexts(de, true);
  const rest = pickTexts(de, false);

  it('split de.json in two: every text in exactly one part, with its value', () => {
    const all = leaves(de).sort();
    const both = [...leaves(start), ...leaves(rest)].sort();
    expect(both).toEqual(all);
    // Merged back the way i18next adds the rest (deep), they are de.json again.
    const merge = (a: Texts, b: Texts): Texts => {
      const out: Texts = { ...a };
      for (const [key, value] of Object.entries(b))
        out[key] =
          typeof value === 'object' && value !== null && typeof out[key] === 'object'
            ? merge(out[key] as Texts, value as Texts)
            : value;
      return out;
    };
    expect(merge(start, rest)).toEqual(de);
  });

  it('names only texts that exist (a renamed text would silently leave the start bundle)', () => {
    const keys = new Set(leaves(de).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')));
    for (const path of START_TEXTS)
      expect(
        [...keys].some((key) => key === path || key.startsWith(`${path}.`)),
        path,
      ).toBe(true);
  });

  it('takes a whole namespace, a group of one, or a single text with its plural forms', () => {
    expect(start.workshops).toEqual(de.workshops);
    expect(rest.workshops).toBeUndefined();
    const backup = start.backup as Texts;
    expect(backup.recovery).toEqual(de.backup.recovery);
    expect(Object.keys(backup)).toEqual(expect.arrayContaining(['content_one', 'content_other', 'nav']));
    expect(backup.intro).toBeUndefined();
    expect((rest.backup as Texts).intro).toBe(de.backup.intro);
    expect((rest.backup as Texts).recovery).toBeUndefined();
    // The rest of a namespace whose texts are all start texts is left out, not an empty group.
    expect(rest.crash).toBeUndefined();
  });

  // What the first screens' files name, also what no test renders (a full disk's toasts, the
  // desktop's snapshot offer, a backup file's problems): each a start text. A key built at run
  // time (`backup.errors.${code}`) needs its group among the start texts.
  it('has every text the first screens’ files name', () => {
    const files = [
      'components/ConfirmDialog.tsx',
      'components/Dialog.tsx',
      'components/ErrorBoundary.tsx',
      'components/Toasts.tsx',
      'features/app/App.tsx',
      'features/app/AppHeader.tsx',
      'features/app/commands.ts',
      'features/app/LanguageSwitch.tsx',
      'features/app/RecoveryPanel.tsx',
      'features/app/StartupFailure.tsx',
      'features/app/uncaughtFailures.ts',
      'features/backup/backupActions.ts',
      'features/backup/BackupReminder.tsx',
      'features/help/HelpButton.tsx',
      'features/help/HelpDialog.tsx',
      'features/settings/ThemeSwitch.tsx',
      'features/workshops/demoWorkshop.ts',
      'features/workshops/WorkshopFormDialog.tsx',
      'features/workshops/WorkshopListScreen.tsx',
      'persistence/backup/messages.ts',
    ];
    const find = (path: string): unknown =>
      path.split('.').reduce<unknown>((node, key) => (node as Texts | undefined)?.[key], start);
    const exists = (key: string) =>
      typeof find(key) === 'string' ||
      typeof find(`${key}_one`) === 'string' ||
      typeof find(`${key}_other`) === 'string';
    const named: string[] = [];
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(join(process.cwd(), 'renderer/src', file), 'utf8');
      for (const [, key] of source.matchAll(/\bt\(\s*['`]([\w.]+)['`]/g)) {
        named.push(key!);
        if (!exists(key!)) missing.push(`${file}: ${key}`);
      }
      for (const [, group] of source.matchAll(/\bt\(\s*`([\w.]+)\.\$\{/g)) {
        named.push(`${group}.*`);
        if (typeof find(group!) !== 'object') missing.push(`${file}: ${group}.*`);
      }
    }
    // The scan finds the texts (a changed way of calling t would find none).
    expect(named.length).toBeGreaterThan(60);
    expect(named).toEqual(
      expect.arrayContaining(['backup.quotaKept', 'backup.recovery.snapshotOffer', 'backup.errors.*']),
    );
    expect(missing).toEqual([]);
  });
});
