import { DomainError } from './errors';

export const LIMITS = {
  workshopTitle: 200,
  shortText: 200,
  columnTitle: 100,
  boardTitle: 100,
  noteText: 2000,
  rowTitle: 100,
  clusterTitle: 120,
  focusDescription: 1000,
  ideaTitle: 200,
  /** One text field of a project-idea canvas. */
  canvasText: 20000,
  visionText: 10000,
  /** A fact on an inventory card (process, pain point). */
  factText: 200,
  /** Case volume per year. */
  maxCases: 1_000_000_000,
} as const;

export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/** Trims and checks a required title; returns the clean value or throws. */
export function cleanTitle(value: string, field: string, max: number): string {
  const trimmed = normaliseLine(value);
  if (trimmed.length === 0) throw new DomainError('required', { field });
  if (trimmed.length > max) throw new DomainError('tooLong', { field, max, length: trimmed.length });
  return trimmed;
}

export function cleanOptional(value: string, field: string, max: number): string {
  const trimmed = normaliseLine(value);
  if (trimmed.length > max) throw new DomainError('tooLong', { field, max, length: trimmed.length });
  return trimmed;
}

/** Single-line fields: collapse line breaks and tabs, trim. */
function normaliseLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}

/** A note keeps its line breaks; only surrounding whitespace goes. */
export function cleanNoteText(value: string): string {
  const text = value.replace(/\r\n?/g, '\n').trim();
  if (text.length > LIMITS.noteText) {
    throw new DomainError('noteTooLong', { max: LIMITS.noteText, length: text.length });
  }
  return text;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '' (no date) or a real calendar date as yyyy-mm-dd. */
export function cleanIsoDate(value: string, field: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return '';
  const match = ISO_DATE.exec(trimmed);
  if (!match) throw new DomainError('invalidDate', { field });
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!real || year < 1900 || year > 2999) throw new DomainError('invalidDate', { field });
  return trimmed;
}

/** Runs each check and collects every field's error instead of stopping at the first. */
export function collectErrors(checks: Array<() => unknown>): FieldError[] {
  const errors: FieldError[] = [];
  for (const check of checks) {
    try {
      check();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      errors.push({ field: String(error.params.field ?? ''), code: error.code, params: error.params });
    }
  }
  return errors;
}
