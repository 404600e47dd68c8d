// The phone page's texts (renderer/phone/locales, with the writing round's own
// write.*.json): German and English complete and alike, and every key the
// page's code names exists.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import deBase from '../../../renderer/phone/locales/de.json';
import enBase from '../../../renderer/phone/locales/en.json';
import writeDe from '../../../renderer/phone/locales/write.de.json';
import writeEn from '../../../renderer/phone/locales/write.en.json';
import { addTexts, translator } from '../../../renderer/phone/i18n';

const de = { ...deBase, ...writeDe };
const en = { ...enBase, ...writeEn };
addTexts({ de: writeDe, en: writeEn });

function flat(value: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (typeof child === 'string') out[prefix + key] = child;
    else Object.assign(out, flat(child, `${prefix}${key}.`));
  }
  return out;
}

const deFlat = flat(de);
const enFlat = flat(en);
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
const base = (key: string) => key.replace(/_(one|other)$/, '');

function sourceKeys(): Set<string> {
  // Vitest runs from the repository root (jsdom gives import.meta.url no file path).
  const dir = resolve('renderer/phone') + '/';
  const namespaces = Object.keys(de);
  const used = new Set<string>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    for (const match of readFileSync(dir + file, 'utf8').matchAll(/'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) {
      if (namespaces.includes(match[1]!.split('.')[0]!)) used.add(match[1]!);
    }
  }
  return used;
}

describe('phone page locales', () => {
  it('English has exactly the keys of German', () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(deFlat).sort());
  });

  it('have no empty texts and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(deFlat)) {
      expect(text.trim(), key).not.toBe('');
      expect(enFlat[key]!.trim(), key).not.toBe('');
      expect(placeholders(enFlat[key]!), key).toEqual(placeholders(text));
    }
  });

  it('plural keys come in pairs', () => {
    for (const key of Object.keys(deFlat)) {
      if (key.endsWith('_one')) expect(deFlat, key).toHaveProperty([base(key) + '_other']);
      if (key.endsWith('_other')) expect(deFlat, key).toHaveProperty([base(key) + '_one']);
    }
  });

  it('every key the page names exists, and every text is used', () => {
    const used = sourceKeys();
    const known = new Set(Object.keys(deFlat).map(base));
    expect([...used].filter((key) => !known.has(key))).toEqual([]);
    expect([...known].filter((key) => !used.has(key))).toEqual([]);
  });

  it('fills placeholders, picks the plural and formats numbers in the language', () => {
    const german = translator('de');
    const english = translator('en');
    expect(german.t('remaining.dots', { count: 1 })).toBe('Noch 1 Punkt');
    expect(german.t('remaining.dots', { count: 3 })).toBe('Noch 3 Punkte');
    expect(english.t('remaining.dots', { count: 3 })).toBe('3 dots left');
    expect(german.t('method.points', { count: 1000 })).toBe(
      'Verteilen Sie genau 1.000 Punkte auf die Einträge.',
    );
    expect(english.t('method.points', { count: 1000 })).toBe('Spread exactly 1,000 points over the items.');
    expect(german.t('name.votingAs', { name: '<b>Anna</b>' })).toBe('Sie stimmen ab als <b>Anna</b>.');
    expect(german.time(Date.UTC(2026, 10, 28, 13, 30))).toMatch(/^\d{1,2}:30$/);
  });

  it('the writing round brings its own texts, apart from the base files, and counts cards in both languages', () => {
    for (const key of Object.keys(writeDe)) expect(deBase).not.toHaveProperty(key);
    expect(translator('de').t('write.left', { count: 1 })).toBe('Noch 1 Karte');
    expect(translator('de').t('write.left', { count: 12 })).toBe('Noch 12 Karten');
    expect(translator('en').t('write.left', { count: 12 })).toBe('12 cards left');
    expect(translator('de').t('write.counter', { used: 123, max: 300 })).toBe('123/300');
  });
});
