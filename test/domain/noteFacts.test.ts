import { describe, expect, it } from 'vitest';
import { invertChanges } from '../../renderer/src/domain/changes';
import { DomainError } from '../../renderer/src/domain/errors';
import {
  factParts,
  factsToInput,
  formatCases,
  hasFacts,
  parseCasesPerYear,
  setNoteFacts,
  validateFacts,
} from '../../renderer/src/domain/noteFacts';
import type { Note } from '../../renderer/src/domain/types';
import { applyToContent, makeBoard } from './fixtures';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('case count per year', () => {
  it('reads plain and grouped whole numbers; empty means not known', () => {
    expect(parseCasesPerYear('')).toBeNull();
    expect(parseCasesPerYear('   ')).toBeNull();
    expect(parseCasesPerYear('0')).toBe(0);
    expect(parseCasesPerYear(' 12000 ')).toBe(12000);
    expect(parseCasesPerYear('12.000')).toBe(12000);
    expect(parseCasesPerYear('12,000')).toBe(12000);
    expect(parseCasesPerYear('1 200 000')).toBe(1_200_000);
    expect(parseCasesPerYear('1\u202f200')).toBe(1200);
  });

  it('refuses words like "viele" with a message that keeps the value', () => {
    try {
      parseCasesPerYear('viele');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('facts.errors.casesNotANumber');
      expect((error as DomainError).params).toMatchObject({ field: 'casesPerYear', value: 'viele' });
    }
    expect(codeOf(() => parseCasesPerYear('ca. 500'))).toBe('facts.errors.casesNotANumber');
    expect(codeOf(() => parseCasesPerYear('12.00'))).toBe('facts.errors.casesNotWhole');
  });

  it('refuses negative, fractional and huge numbers', () => {
    expect(codeOf(() => parseCasesPerYear('-5'))).toBe('facts.errors.casesNegative');
    expect(codeOf(() => parseCasesPerYear('−1.000'))).toBe('facts.errors.casesNegative');
    expect(codeOf(() => parseCasesPerYear('12,5'))).toBe('facts.errors.casesNotWhole');
    expect(codeOf(() => parseCasesPerYear('1000000001'))).toBe('facts.errors.casesTooLarge');
    expect(codeOf(() => parseCasesPerYear('9'.repeat(40)))).toBe('facts.errors.casesTooLarge');
    expect(parseCasesPerYear('1.000.000.000')).toBe(1_000_000_000);
  });
});

describe('facts form', () => {
  it('collects every field error at once', () => {
    const result = validateFacts({
      process: 'p'.repeat(201),
      casesPerYear: 'viele',
      painPoint: 'q'.repeat(300),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.code])).toEqual([
      ['process', 'facts.errors.processTooLong'],
      ['casesPerYear', 'facts.errors.casesNotANumber'],
      ['painPoint', 'facts.errors.painPointTooLong'],
    ]);
  });

  it('all empty means no facts; text is trimmed to one line', () => {
    expect(validateFacts({ process: ' ', casesPerYear: '', painPoint: '' })).toEqual({
      ok: true,
      facts: null,
    });
    expect(
      validateFacts({ process: ' Wohngeld\nantrag ', casesPerYear: '12.000', painPoint: 'Medienbrüche' }),
    ).toEqual({
      ok: true,
      facts: { process: 'Wohngeld antrag', casesPerYear: 12000, painPoint: 'Medienbrüche' },
    });
  });

  it('puts a card’s facts back into the form in the UI language', () => {
    const facts = { process: 'Wohngeldantrag', casesPerYear: 12000, painPoint: '' };
    expect(factsToInput(facts, 'de')).toEqual({
      process: 'Wohngeldantrag',
      casesPerYear: '12.000',
      painPoint: '',
    });
    expect(factsToInput(facts, 'en').casesPerYear).toBe('12,000');
    // What the form shows is read back as the same number.
    expect(parseCasesPerYear(factsToInput(facts, 'de').casesPerYear)).toBe(12000);
    expect(factsToInput(null, 'de')).toEqual({ process: '', casesPerYear: '', painPoint: '' });
  });
});

describe('setting facts on a card', () => {
  function card(): Note {
    const { content } = makeBoard({ Ideen: ['Wohngeld'] });
    return content.notes[0]!;
  }

  it('writes one change, undoable, and nothing when unchanged', () => {
    const note = card();
    const input = { process: 'Wohngeldantrag', casesPerYear: '12000', painPoint: 'Medienbrüche' };
    const changes = setNoteFacts(note, input, 50);
    expect(changes).toHaveLength(1);
    const after = changes[0]!.after as Note;
    expect(after.facts).toEqual({
      process: 'Wohngeldantrag',
      casesPerYear: 12000,
      painPoint: 'Medienbrüche',
    });
    expect(after.updatedAt).toBe(50);
    expect(setNoteFacts(after, { ...input, casesPerYear: '12.000' }, 60)).toEqual([]);

    const { content } = makeBoard({ Ideen: [] });
    const withNote = applyToContent(content, [{ table: 'notes', after: note }]);
    const changed = applyToContent(withNote, changes);
    expect(changed.notes[0]!.facts?.casesPerYear).toBe(12000);
    expect(applyToContent(changed, invertChanges(changes)).notes[0]).toEqual(note);
  });

  it('refuses invalid input without a change', () => {
    expect(codeOf(() => setNoteFacts(card(), { process: '', casesPerYear: 'viele', painPoint: '' }, 1))).toBe(
      'facts.errors.casesNotANumber',
    );
  });

  it('clearing every field removes the facts', () => {
    const note = { ...card(), facts: { process: 'X', casesPerYear: null, painPoint: '' } };
    const changes = setNoteFacts(note, { process: '', casesPerYear: '', painPoint: '' }, 2);
    expect((changes[0]!.after as Note).facts).toBeNull();
  });
});

describe('showing facts', () => {
  it('formats numbers per language and leaves out empty facts', () => {
    expect(formatCases(12000, 'de')).toBe('12.000');
    expect(formatCases(12000, 'en')).toBe('12,000');
    const facts = { process: 'Wohngeldantrag', casesPerYear: 12000, painPoint: 'Medienbrüche' };
    expect(factParts(facts, 'de')).toEqual([
      { kind: 'process', text: 'Wohngeldantrag' },
      { kind: 'cases', count: 12000, text: '12.000' },
      { kind: 'painPoint', text: 'Medienbrüche' },
    ]);
    expect(factParts({ process: '', casesPerYear: 0, painPoint: '' }, 'de')).toEqual([
      { kind: 'cases', count: 0, text: '0' },
    ]);
    expect(hasFacts(null)).toBe(false);
    expect(hasFacts({ process: '', casesPerYear: null, painPoint: '' })).toBe(false);
    expect(hasFacts({ process: '', casesPerYear: 0, painPoint: '' })).toBe(true);
  });
});
