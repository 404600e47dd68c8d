import type { Change } from './changes';
import { DomainError } from './errors';
import type { Note, NoteFacts } from './types';
import { collectErrors, LIMITS, type FieldError } from './validation';

/** The facts form as typed: the case count is still text, so nothing typed is lost. */
export interface NoteFactsInput {
  process: string;
  casesPerYear: string;
  painPoint: string;
}

export const EMPTY_FACTS_INPUT: NoteFactsInput = { process: '', casesPerYear: '', painPoint: '' };

/** The form's starting values for a card (its facts, or empty fields). */
export function factsToInput(facts: NoteFacts | null, language: string): NoteFactsInput {
  if (!facts) return EMPTY_FACTS_INPUT;
  return {
    process: facts.process,
    casesPerYear: facts.casesPerYear === null ? '' : formatCases(facts.casesPerYear, language),
    painPoint: facts.painPoint,
  };
}

// Thousands grouped by dot, comma, apostrophe or (narrow) space, e.g. "12.000", "1 200 000".
const GROUPED = /^\d{1,3}(?:([.,'\u2019 \u00a0\u202f])\d{3})(?:\1\d{3})*$/;
const PLAIN = /^\d+$/;
const DECIMAL = /^\d+[.,]\d+$/;

/**
 * Reads a case count per year: '' means "not known" (null). Accepts plain
 * digits and digits grouped by thousands in German or English style. Anything
 * else is refused with a message that says what to type instead.
 */
export function parseCasesPerYear(text: string): number | null {
  const value = text.trim();
  if (value === '') return null;
  const unsigned = value.replace(/^[-\u2212+]\s*/, '');
  const negative = /^[-\u2212]/.test(value);
  let digits: string | null = null;
  if (PLAIN.test(unsigned)) digits = unsigned;
  else if (GROUPED.test(unsigned)) digits = unsigned.replace(/\D/g, '');
  if (digits === null) {
    if (DECIMAL.test(unsigned))
      throw new DomainError('facts.errors.casesNotWhole', { field: 'casesPerYear' });
    throw new DomainError('facts.errors.casesNotANumber', { field: 'casesPerYear', value });
  }
  const number = Number(digits);
  if (negative && number !== 0)
    throw new DomainError('facts.errors.casesNegative', { field: 'casesPerYear' });
  if (!Number.isSafeInteger(number) || number > LIMITS.maxCases) {
    throw new DomainError('facts.errors.casesTooLarge', { field: 'casesPerYear', max: LIMITS.maxCases });
  }
  return number;
}

function cleanFactText(value: string, field: 'process' | 'painPoint'): string {
  const clean = value.replace(/[\r\n\t]+/g, ' ').trim();
  if (clean.length > LIMITS.factText) {
    throw new DomainError(`facts.errors.${field}TooLong`, {
      field,
      max: LIMITS.factText,
      length: clean.length,
    });
  }
  return clean;
}

/**
 * Checks every field of the facts form at once. All fields empty means the
 * card carries no facts (null).
 */
export function validateFacts(
  input: NoteFactsInput,
): { ok: true; facts: NoteFacts | null } | { ok: false; errors: FieldError[] } {
  const errors = collectErrors([
    () => cleanFactText(input.process, 'process'),
    () => parseCasesPerYear(input.casesPerYear),
    () => cleanFactText(input.painPoint, 'painPoint'),
  ]);
  if (errors.length > 0) return { ok: false, errors };
  const facts: NoteFacts = {
    process: cleanFactText(input.process, 'process'),
    casesPerYear: parseCasesPerYear(input.casesPerYear),
    painPoint: cleanFactText(input.painPoint, 'painPoint'),
  };
  const empty = facts.process === '' && facts.casesPerYear === null && facts.painPoint === '';
  return { ok: true, facts: empty ? null : facts };
}

function sameFacts(a: NoteFacts | null, b: NoteFacts | null): boolean {
  if (a === null || b === null) return a === b;
  return a.process === b.process && a.casesPerYear === b.casesPerYear && a.painPoint === b.painPoint;
}

/** Gives a card its facts (null removes them). One change, or none when nothing differs. */
export function setNoteFacts(original: Note, input: NoteFactsInput, now: number): Change[] {
  const result = validateFacts(input);
  if (!result.ok) {
    const first = result.errors[0]!;
    throw new DomainError(first.code, first.params);
  }
  if (sameFacts(original.facts, result.facts)) return [];
  return [{ table: 'notes', before: original, after: { ...original, facts: result.facts, updatedAt: now } }];
}

/** A whole number in the UI language's style, e.g. 12.000 (de) or 12,000 (en). */
export function formatCases(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

/** Whether a card has any fact worth showing. */
export function hasFacts(facts: NoteFacts | null): facts is NoteFacts {
  return facts !== null && (facts.process !== '' || facts.casesPerYear !== null || facts.painPoint !== '');
}

/**
 * The pieces of the compact facts line, in order, without labels: the UI adds
 * the words ("Fälle/Jahr") and joins them with " · ".
 */
export function factParts(
  facts: NoteFacts,
  language: string,
): Array<{ kind: 'process' | 'painPoint'; text: string } | { kind: 'cases'; count: number; text: string }> {
  const parts: ReturnType<typeof factParts> = [];
  if (facts.process) parts.push({ kind: 'process', text: facts.process });
  if (facts.casesPerYear !== null)
    parts.push({ kind: 'cases', count: facts.casesPerYear, text: formatCases(facts.casesPerYear, language) });
  if (facts.painPoint) parts.push({ kind: 'painPoint', text: facts.painPoint });
  return parts;
}
