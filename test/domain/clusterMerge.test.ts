import fc from 'fast-check';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import { composedRank } from '../../renderer/src/domain/clusterMerge';

/** Valid fractional indexes, sorted: keys made between random neighbours, as the boards make them. */
const sortedKeys = fc.array(fc.nat(), { minLength: 2, maxLength: 40 }).map((picks) => {
  const keys = generateNKeysBetween(null, null, 2);
  for (const pick of picks) {
    const i = pick % (keys.length + 1);
    keys.splice(i, 0, generateKeyBetween(keys[i - 1] ?? null, keys[i] ?? null));
  }
  return keys;
});

describe('composedRank', () => {
  it('keeps the order of the ranks, stays after its prefix and is a valid fractional index', () => {
    fc.assert(
      fc.property(
        sortedKeys,
        fc.array(fc.constantFrom('a0', 'a1', 'Zz', 'b10', 'a0V'), { minLength: 1, maxLength: 4 }),
        (keys, prefixes) => {
          const composed = keys.map((k) => composedRank(k, prefixes));
          for (let i = 0; i + 1 < keys.length; i += 1) {
            expect(composed[i]! < composed[i + 1]!).toBe(true);
            // Anything may be placed between two of them, or after the last.
            generateKeyBetween(composed[i]!, composed[i + 1]!);
          }
          const outer = prefixes.at(-1)!;
          for (const c of composed) {
            expect(c > outer).toBe(true);
            expect(c.startsWith(outer)).toBe(true);
            expect(c.endsWith('0')).toBe(false);
          }
          expect(generateKeyBetween(composed.at(-1)!, null) > composed.at(-1)!).toBe(true);
        },
      ),
    );
  });

  it('turns a rank ending in 0, and the digits y and z, into fraction digits', () => {
    expect(composedRank('a0', ['a1'])).toBe('a1b1');
    expect(composedRank('ay', ['a1'])).toBe('a1bz1');
    expect(composedRank('az', ['a1'])).toBe('a1bz2');
    expect(composedRank('a0', ['a1', 'a3'])).toBe(`a3${composedRank('a1b1', ['a3']).slice(2)}`);
  });
});
