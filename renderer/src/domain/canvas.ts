import { DomainError } from './errors';
import type { LocalizedText } from './templates';
import type { CanvasValue } from './types';
import { LIMITS } from './validation';

/**
 * Canvas templates (assets/canvases/*.json) lay out the typed fields of a
 * project idea. They are data: a new canvas needs no code.
 */
export const CANVAS_FIELD_TYPES = ['text', 'longtext', 'number', 'choice', 'yesno'] as const;
export type CanvasFieldType = (typeof CANVAS_FIELD_TYPES)[number];

export interface CanvasOption {
  key: string;
  label: LocalizedText;
}

export interface CanvasField {
  /** Key in Idea.fields; also the field's grid area name. */
  key: string;
  type: CanvasFieldType;
  /** The grid area (in layout.areas) the field fills. */
  area: string;
  label: LocalizedText;
  help?: LocalizedText;
  /** Numbers: the unit shown after the input, e.g. "h/Jahr". */
  unit?: LocalizedText;
  min?: number;
  max?: number;
  /** Choices: the options, stored by key. */
  options?: CanvasOption[];
}

export interface CanvasTemplate {
  id: string;
  order: number;
  /** The template offered first when creating an idea. */
  default?: boolean;
  name: LocalizedText;
  description: LocalizedText;
  /** A choice field summarised on the idea's card in the list (e.g. the risk tier). */
  cardField?: string;
  /** CSS grid: `columns` tracks, `areas` one string per row naming field areas ("." = empty). */
  layout: { columns: number; areas: string[] };
  fields: CanvasField[];
}

/** Fields a card's text can be taken into. */
export function isTextField(field: CanvasField): boolean {
  return field.type === 'text' || field.type === 'longtext';
}

export function findField(template: CanvasTemplate, key: string): CanvasField {
  const field = template.fields.find((f) => f.key === key);
  if (!field) throw new DomainError('canvasFieldUnknown', { field: key });
  return field;
}

// ---------------------------------------------------------------- validation

const isText = (value: unknown): value is LocalizedText =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as LocalizedText).de === 'string' &&
  typeof (value as LocalizedText).en === 'string' &&
  (value as LocalizedText).de.trim() !== '' &&
  (value as LocalizedText).en.trim() !== '';

const KEY = /^[a-z][A-Za-z0-9]*$/;

/** Checks that every named area of a grid forms one rectangle, as CSS grid requires. */
function areaProblems(rows: string[][], names: Set<string>): string[] {
  const problems: string[] = [];
  const cells = new Map<string, Array<[number, number]>>();
  rows.forEach((row, r) =>
    row.forEach((name, c) => {
      if (name === '.') return;
      if (!names.has(name)) problems.push(`layout.areas: "${name}" is no field's area`);
      cells.set(name, [...(cells.get(name) ?? []), [r, c]]);
    }),
  );
  for (const [name, list] of cells) {
    const rs = list.map(([r]) => r);
    const cs = list.map(([, c]) => c);
    const height = Math.max(...rs) - Math.min(...rs) + 1;
    const width = Math.max(...cs) - Math.min(...cs) + 1;
    if (height * width !== list.length) problems.push(`layout.areas: "${name}" is not a rectangle`);
  }
  for (const name of names) if (!cells.has(name)) problems.push(`layout.areas: "${name}" is missing`);
  return problems;
}

/** Checks a canvas template file; returns what is wrong (empty when it is fine). */
export function validateCanvasTemplate(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not an object'];
  const t = value as Partial<CanvasTemplate>;
  const problems: string[] = [];
  if (typeof t.id !== 'string' || !/^[a-z0-9-]+$/.test(t.id)) problems.push('id');
  if (typeof t.order !== 'number') problems.push('order');
  if (t.default !== undefined && typeof t.default !== 'boolean') problems.push('default');
  if (!isText(t.name)) problems.push('name');
  if (!isText(t.description)) problems.push('description');
  if (!Array.isArray(t.fields) || t.fields.length === 0) return [...problems, 'fields'];
  const keys = new Set<string>();
  const areas = new Set<string>();
  t.fields.forEach((field: Partial<CanvasField>, i) => {
    const at = `fields[${i}]`;
    if (typeof field !== 'object' || field === null) {
      problems.push(at);
      return;
    }
    if (typeof field.key !== 'string' || !KEY.test(field.key) || keys.has(field.key))
      problems.push(`${at}.key`);
    else keys.add(field.key);
    if (!CANVAS_FIELD_TYPES.includes(field.type as CanvasFieldType)) problems.push(`${at}.type`);
    if (typeof field.area !== 'string' || !KEY.test(field.area) || areas.has(field.area))
      problems.push(`${at}.area`);
    else areas.add(field.area);
    if (!isText(field.label)) problems.push(`${at}.label`);
    if (field.help !== undefined && !isText(field.help)) problems.push(`${at}.help`);
    if (field.unit !== undefined && (field.type !== 'number' || !isText(field.unit)))
      problems.push(`${at}.unit`);
    for (const bound of ['min', 'max'] as const) {
      const b = field[bound];
      if (b !== undefined && (field.type !== 'number' || !Number.isFinite(b)))
        problems.push(`${at}.${bound}`);
    }
    if (field.type === 'choice') {
      const options = field.options;
      const optionKeys = new Set<string>();
      if (!Array.isArray(options) || options.length < 2) problems.push(`${at}.options`);
      else
        options.forEach((option, j) => {
          if (typeof option?.key !== 'string' || !KEY.test(option.key) || optionKeys.has(option.key))
            problems.push(`${at}.options[${j}].key`);
          else optionKeys.add(option.key);
          if (!isText(option?.label)) problems.push(`${at}.options[${j}].label`);
        });
    } else if (field.options !== undefined) problems.push(`${at}.options`);
  });
  if (t.cardField !== undefined) {
    const card = t.fields.find((f) => f?.key === t.cardField);
    if (!card || card.type !== 'choice') problems.push('cardField');
  }
  const layout = t.layout;
  if (
    typeof layout !== 'object' ||
    layout === null ||
    !Number.isInteger(layout.columns) ||
    layout.columns < 1 ||
    layout.columns > 6 ||
    !Array.isArray(layout.areas) ||
    layout.areas.length === 0
  )
    return [...problems, 'layout'];
  const rows = layout.areas.map((row) => (typeof row === 'string' ? row.trim().split(/\s+/) : []));
  rows.forEach((row, r) => {
    if (row.length !== layout.columns)
      problems.push(`layout.areas[${r}]: ${row.length} cells, not ${layout.columns}`);
  });
  return [...problems, ...areaProblems(rows, areas)];
}

// ---------------------------------------------------------------- field values

export type NumberLocale = 'de' | 'en';

const SPACES = /[\s\u00a0\u202f']/g;

/**
 * Reads a number as people type it: German "1.200" or "1200,5", English
 * "1,200" or "1200.5". A lone separator that cannot be a thousands group
 * is read as the decimal mark. '' is "not filled in" (null); anything else
 * that is no number is refused.
 */
export function parseLocaleNumber(input: string, locale: NumberLocale): number | null {
  const text = input.replace(SPACES, '');
  if (text === '') return null;
  const [group, decimal] = locale === 'de' ? ['.', ','] : [',', '.'];
  const g = `\\${group}`;
  const d = `\\${decimal}`;
  const grouped = new RegExp(`^-?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`);
  const plain = new RegExp(`^-?\\d+(${d}\\d+)?$`);
  const otherDecimal = new RegExp(`^-?\\d+${g}\\d+$`);
  let normal: string | null = null;
  if (grouped.test(text)) normal = text.split(group).join('').replace(decimal, '.');
  else if (plain.test(text)) normal = text.replace(decimal, '.');
  else if (otherDecimal.test(text)) normal = text.replace(group, '.');
  else if (/^-?[.,]\d+$/.test(text)) normal = text.replace(/[.,]/, '0.');
  if (normal === null) throw new DomainError('canvasNotANumber', { input: input.trim() });
  const value = Number(normal);
  if (!Number.isFinite(value)) throw new DomainError('canvasNotANumber', { input: input.trim() });
  return value;
}

/** What a field editor hands in: typed text, a choice key, yes/no, or nothing. */
export type RawFieldInput = string | boolean | null;

const MAX_NUMBER = 1e12;

/**
 * Turns what was typed or chosen into the value to store, or throws a
 * DomainError (params.field is the field key) the UI shows next to the field.
 */
export function cleanFieldValue(field: CanvasField, raw: RawFieldInput, locale: NumberLocale): CanvasValue {
  const params = { field: field.key };
  switch (field.type) {
    case 'text':
    case 'longtext': {
      if (raw === null) return null;
      if (typeof raw !== 'string') throw new DomainError('canvasWrongType', params);
      let text = raw.replace(/\r\n?/g, '\n');
      if (field.type === 'text') text = text.replace(/[\n\t]+/g, ' ');
      text = text.trim();
      if (text.length > LIMITS.canvasText)
        throw new DomainError('canvasTooLong', { ...params, max: LIMITS.canvasText, length: text.length });
      return text === '' ? null : text;
    }
    case 'number': {
      if (raw === null) return null;
      if (typeof raw !== 'string') throw new DomainError('canvasWrongType', params);
      let value: number | null;
      try {
        value = parseLocaleNumber(raw, locale);
      } catch (error) {
        if (error instanceof DomainError) throw new DomainError(error.code, { ...error.params, ...params });
        throw error;
      }
      if (value === null) return null;
      const min = field.min ?? -MAX_NUMBER;
      const max = field.max ?? MAX_NUMBER;
      if (value < min) throw new DomainError('canvasNumberTooSmall', { ...params, min });
      if (value > max) throw new DomainError('canvasNumberTooLarge', { ...params, max });
      return value;
    }
    case 'choice': {
      if (raw === null || raw === '') return null;
      if (typeof raw !== 'string' || !field.options?.some((o) => o.key === raw))
        throw new DomainError('canvasChoiceUnknown', params);
      return raw;
    }
    case 'yesno': {
      if (raw === null || raw === '') return null;
      if (typeof raw !== 'boolean') throw new DomainError('canvasWrongType', params);
      return raw;
    }
  }
}

/** Checks a stored value against its field (for values that come from elsewhere, e.g. an import). */
export function isValidFieldValue(field: CanvasField, value: CanvasValue): boolean {
  if (value === null) return true;
  switch (field.type) {
    case 'text':
    case 'longtext':
      return typeof value === 'string' && value.length <= LIMITS.canvasText;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'choice':
      return typeof value === 'string' && !!field.options?.some((o) => o.key === value);
    case 'yesno':
      return typeof value === 'boolean';
  }
}

/** The label of a choice value in a language, or null. */
export function choiceLabel(field: CanvasField, value: CanvasValue, language: NumberLocale): string | null {
  if (typeof value !== 'string') return null;
  return field.options?.find((o) => o.key === value)?.label[language] ?? null;
}

/** A stored number as the user's locale writes it ("1.200,5"). */
export function formatLocaleNumber(value: number, locale: NumberLocale): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 6 }).format(
    value,
  );
}
