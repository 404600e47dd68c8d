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
});
