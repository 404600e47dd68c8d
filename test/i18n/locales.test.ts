import { describe, expect, it } from 'vitest';
import de from '../../renderer/src/i18n/locales/de.json';
import en from '../../renderer/src/i18n/locales/en.json';

function keys(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [];
}

describe('locale files', () => {
  it('English has exactly the keys of German (the default)', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it('have no empty texts and the same placeholders in both languages', () => {
    for (const text of [...leaves(de), ...leaves(en)]) expect(text.trim()).not.toBe('');
    const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();
    const flat = (obj: unknown, prefix = ''): Record<string, string> =>
      Object.fromEntries(
        Object.entries(obj as object).flatMap(([k, v]) =>
          typeof v === 'string'
            ? [[`${prefix}${k}`, v]]
            : Array.isArray(v)
              ? []
              : Object.entries(flat(v, `${prefix}${k}.`)),
        ),
      );
    const deFlat = flat(de);
    const enFlat = flat(en);
    for (const [key, text] of Object.entries(deFlat)) {
      expect(placeholders(enFlat[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('every key the source uses exists', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = `${dir}/${entry}`;
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(path)) files.push(path);
      }
    };
    walk(new URL('../../renderer/src', import.meta.url).pathname);
    const known = new Set(keys(de).map((k) => k.replace(/_(one|other)$/, '').replace(/\[\d+\]$/, '')));
    const missing: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) {
        if (!known.has(match[1]!)) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
