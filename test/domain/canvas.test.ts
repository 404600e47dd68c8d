import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cleanFieldValue,
  formatLocaleNumber,
  parseLocaleNumber,
  validateCanvasTemplate,
  type CanvasField,
  type CanvasTemplate,
} from '../../renderer/src/domain/canvas';
import { DomainError } from '../../renderer/src/domain/errors';
import { LIMITS } from '../../renderer/src/domain/validation';

const DIR = new URL('../../assets/canvases/', import.meta.url);
const shipped: Array<[string, CanvasTemplate]> = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as CanvasTemplate]);
const ki = shipped.find(([, t]) => t.id === 'ki-projektsteckbrief')![1];
const field = (key: string) => ki.fields.find((f) => f.key === key)!;

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('canvas templates', () => {
  it('every shipped template is valid', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(2);
    for (const [file, template] of shipped) expect(validateCanvasTemplate(template), file).toEqual([]);
  });

  it('the KI-Projektsteckbrief is the default and has the typed fields a facilitator expects', () => {
    expect(shipped.filter(([, t]) => t.default)).toHaveLength(1);
    expect(ki.default).toBe(true);
    expect(ki.name.de).toBe('KI-Projektsteckbrief');
    expect(field('hoursSaved')).toMatchObject({ type: 'number', unit: { de: 'h/Jahr' } });
    expect(field('daysSaved')).toMatchObject({ type: 'number', unit: { de: 'Tage' } });
    expect(field('cost')).toMatchObject({ type: 'number', unit: { de: '€' } });
    expect(field('problem').type).toBe('longtext');
    expect(field('personalData').type).toBe('yesno');
    expect(field('dpia').options!.map((o) => o.label.de)).toEqual(['ja', 'nein', 'zu prüfen']);
    expect(field('riskTier').options!.map((o) => o.label.de)).toEqual([
      'verboten (Art. 5)',
      'hohes Risiko (Anhang III)',
      'Transparenzpflichten (Art. 50)',
      'minimales Risiko',
      'noch nicht eingestuft',
    ]);
    expect(field('riskArea').type).toBe('text');
  });

  it('refuses broken templates and says why', () => {
    const broken = structuredClone(ki) as unknown as Record<string, unknown> & CanvasTemplate;
    broken.id = 'Bad Id';
    broken.fields[0]!.type = 'date' as never;
    broken.fields[1]!.key = broken.fields[0]!.key;
    broken.fields[2]!.label = { de: 'Nur deutsch', en: '' };
    broken.fields.find((f) => f.key === 'riskTier')!.options = [{ key: 'one', label: { de: 'a', en: 'a' } }];
    broken.cardField = 'problem';
    const problems = validateCanvasTemplate(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'id',
        'fields[0].type',
        'fields[1].key',
        'fields[2].label',
        expect.stringMatching(/^fields\[\d+\]\.options$/),
        'cardField',
      ]),
    );
    expect(validateCanvasTemplate(null)).toEqual(['not an object']);
    expect(validateCanvasTemplate({ ...ki, fields: [] })).toContain('fields');
  });

  it('refuses layouts that are not a grid of rectangles covering every field', () => {
    const short = {
      ...ki,
      layout: { columns: 4, areas: [...ki.layout.areas.slice(0, -1), 'nextSteps success'] },
    };
    expect(validateCanvasTemplate(short).some((p) => p.includes('2 cells, not 4'))).toBe(true);
    const lShaped = {
      ...ki,
      layout: {
        columns: 4,
        areas: ki.layout.areas.map((row, i) => (i === 0 ? 'problem approach problem approach' : row)),
      },
    };
    expect(validateCanvasTemplate(lShaped)).toEqual(
      expect.arrayContaining([expect.stringContaining('"problem" is not a rectangle')]),
    );
    const missing = {
      ...ki,
      layout: { columns: 4, areas: ki.layout.areas.map((r) => r.replace(/\bowner\b/, '.')) },
    };
    expect(validateCanvasTemplate(missing)).toContain('layout.areas: "owner" is missing');
    const stranger = {
      ...ki,
      layout: { columns: 4, areas: ki.layout.areas.map((r) => r.replace(/\bowner\b/, 'ghost')) },
    };
    expect(validateCanvasTemplate(stranger)).toContain('layout.areas: "ghost" is no field\'s area');
  });
});

describe('numbers as people type them', () => {
  it('reads German input', () => {
    expect(parseLocaleNumber('1.200', 'de')).toBe(1200);
    expect(parseLocaleNumber('1200,5', 'de')).toBe(1200.5);
    expect(parseLocaleNumber('1.200.000,25', 'de')).toBe(1200000.25);
    expect(parseLocaleNumber(' 1 200 ', 'de')).toBe(1200);
    expect(parseLocaleNumber('2.5', 'de')).toBe(2.5);
    expect(parseLocaleNumber('', 'de')).toBeNull();
  });

  it('reads English input', () => {
    expect(parseLocaleNumber('1,200', 'en')).toBe(1200);
    expect(parseLocaleNumber('1200.5', 'en')).toBe(1200.5);
    expect(parseLocaleNumber('1,200,000.25', 'en')).toBe(1200000.25);
  });

  it('refuses words and garbage', () => {
    for (const input of ['viele', '12 Stunden', '1,2,3', '--1', '1e5', 'NaN', '∞'])
      expect(
        codeOf(() => parseLocaleNumber(input, 'de')),
        input,
      ).toBe('canvasNotANumber');
  });

  it('formats back so that the text reads in again', () => {
    expect(formatLocaleNumber(1200.5, 'de')).toBe('1.200,5');
    expect(parseLocaleNumber(formatLocaleNumber(1234567.25, 'de'), 'de')).toBe(1234567.25);
    expect(parseLocaleNumber(formatLocaleNumber(1234567.25, 'en'), 'en')).toBe(1234567.25);
  });
});

describe('cleaning field values', () => {
  it('keeps numbers, refuses "viele" with the field and input named, and checks bounds', () => {
    expect(cleanFieldValue(field('hoursSaved'), '1.200', 'de')).toBe(1200);
    expect(cleanFieldValue(field('hoursSaved'), '', 'de')).toBeNull();
    try {
      cleanFieldValue(field('hoursSaved'), 'viele', 'de');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).params).toMatchObject({ field: 'hoursSaved', input: 'viele' });
    }
    expect(codeOf(() => cleanFieldValue(field('cost'), '-5', 'de'))).toBe('canvasNumberTooSmall');
  });

  it('keeps 20,000 characters of long text intact, refuses one more', () => {
    const text = 'Ä'.repeat(LIMITS.canvasText - 2) + '\nß';
    expect(text).toHaveLength(LIMITS.canvasText);
    expect(cleanFieldValue(field('problem'), text, 'de')).toBe(text);
    expect(codeOf(() => cleanFieldValue(field('problem'), text + 'x', 'de'))).toBe('canvasTooLong');
  });

  it('single-line text loses line breaks; empty text is "not filled in"', () => {
    expect(cleanFieldValue(field('beneficiaries'), ' Bürger\r\nUnternehmen ', 'de')).toBe(
      'Bürger Unternehmen',
    );
    expect(cleanFieldValue(field('beneficiaries'), '   ', 'de')).toBeNull();
    expect(cleanFieldValue(field('problem'), 'a\r\nb', 'de')).toBe('a\nb');
  });

  it('choices and yes/no accept only their values', () => {
    expect(cleanFieldValue(field('riskTier'), 'high', 'de')).toBe('high');
    expect(cleanFieldValue(field('riskTier'), '', 'de')).toBeNull();
    expect(codeOf(() => cleanFieldValue(field('riskTier'), 'medium', 'de'))).toBe('canvasChoiceUnknown');
    expect(cleanFieldValue(field('personalData'), true, 'de')).toBe(true);
    expect(cleanFieldValue(field('personalData'), null, 'de')).toBeNull();
    expect(codeOf(() => cleanFieldValue(field('personalData'), 'ja', 'de'))).toBe('canvasWrongType');
    const text: CanvasField = field('problem');
    expect(codeOf(() => cleanFieldValue(text, true, 'de'))).toBe('canvasWrongType');
  });
});
