/**
 * Builds fast-check arbitraries from the zod schemas main validates IPC with, so
 * the fuzz test reaches past the first type check and also covers channels that
 * are added later without anyone writing generators for them. Refinements are
 * not solved: values that miss one are simply invalid payloads, which is fine.
 * Reads zod 4's `_zod.def`; an unknown node falls back to "anything".
 */
import fc, { type Arbitrary } from 'fast-check';

/** Values that broke validators elsewhere: prototype keys, traversal, huge, odd numbers, odd objects. */
export const NASTY_VALUES: readonly unknown[] = [
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
  '..\\..\\Windows\\System32\\drivers\\etc\\hosts',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\x',
  'a\u0000b',
  '\u202eexe.json',
  'x'.repeat(10_000),
  '',
  ' ',
  -1,
  0,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  null,
  undefined,
  true,
  {},
  [],
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  Object.create(null) as unknown,
  { toString: 'x', valueOf: 1 },
  new Date(0),
  new Uint8Array([0, 255]),
  new Map([['a', 1]]),
  new Set(['a']),
];

const anything: Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withMap: true,
  withSet: true,
  withBoxedValues: true,
  withObjectString: true,
  withUnicodeString: true,
});

/** A random value of any shape, often one of the nasty ones. */
export const hostile: Arbitrary<unknown> = fc.oneof(anything, fc.constantFrom(...NASTY_VALUES));

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Record<string, unknown> } }>;
  [key: string]: unknown;
}

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function checks(def: Def): Array<Record<string, unknown>> {
  return (def.checks ?? []).map((check) => check._zod.def);
}

// Strings stay short: the fuzz is about shapes and characters, not the 60 MB limit.
const MAX_GENERATED_LENGTH = 80;

function stringArbitrary(def: Def): Arbitrary<string> {
  let min = 0;
  let max = MAX_GENERATED_LENGTH;
  let pattern: RegExp | undefined;
  for (const check of checks(def)) {
    if (check.check === 'min_length') min = Number(check.minimum);
    if (check.check === 'max_length') max = Math.min(max, Number(check.maximum));
    if (check.check === 'string_format' && check.pattern instanceof RegExp) pattern = check.pattern;
  }
  if (pattern) {
    // stringMatching refuses flags; without "i" it still yields strings the original accepts.
    return fc
      .stringMatching(new RegExp(pattern.source))
      .filter((s) => s.length >= min && s.length <= Math.max(max, min));
  }
  return fc.string({ minLength: min, maxLength: Math.max(max, min), unit: 'grapheme-composite' });
}

function arrayArbitrary(def: Def, mutate: boolean): Arbitrary<unknown[]> {
  let min = 0;
  let max = 5;
  for (const check of checks(def)) {
    if (check.check === 'min_length') min = Number(check.minimum);
    if (check.check === 'max_length') max = Math.min(Number(check.maximum), 12);
  }
  return fc.array(arbitraryFor(def.element, mutate), { minLength: min, maxLength: Math.max(max, min) });
}

/** Numbers within the schema's bounds (int, min, max), or any number when it has none. */
function numberArbitrary(def: Def): Arbitrary<number> {
  let min: number | undefined;
  let max: number | undefined;
  let integer = false;
  for (const check of checks(def)) {
    if (check.check === 'greater_than') min = Number(check.value);
    if (check.check === 'less_than') max = Number(check.value);
    if (check.check === 'number_format' && String(check.format).includes('int')) integer = true;
  }
  if (min === undefined && max === undefined && !integer) return fc.oneof(fc.integer(), fc.double());
  if (integer) {
    return fc.integer({
      min: Math.max(Math.ceil(min ?? Number.MIN_SAFE_INTEGER), Number.MIN_SAFE_INTEGER),
      max: Math.min(Math.floor(max ?? Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER),
    });
  }
  return fc.double({ min: min ?? -Number.MAX_VALUE, max: max ?? Number.MAX_VALUE, noNaN: true });
}

function shaped(schema: unknown, mutate: boolean): Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'optional':
      return fc.option(arbitraryFor(def.innerType, mutate), { nil: undefined });
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType, mutate), { nil: null });
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => arbitraryFor(option, mutate)));
    case 'array':
      return arrayArbitrary(def, mutate);
    case 'tuple': {
      const items = (def.items as unknown[]).map((item) => arbitraryFor(item, mutate));
      const base = fc.tuple(...items) as Arbitrary<unknown[]>;
      if (!mutate) return base;
      // A compromised renderer can also send too few or too many arguments.
      return fc.oneof(
        { arbitrary: base, weight: 6 },
        {
          arbitrary: fc
            .tuple(base, fc.array(hostile, { minLength: 1, maxLength: 3 }))
            .map(([a, b]) => [...a, ...b]),
          weight: 1,
        },
        { arbitrary: base.map((a) => a.slice(0, -1)), weight: 1 },
      );
    }
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const record = fc.record(
        Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, arbitraryFor(value, mutate)])),
      ) as Arbitrary<Record<string, unknown>>;
      if (!mutate) return record;
      return fc.oneof(
        { arbitrary: record, weight: 6 },
        // An extra key: strict objects must refuse it, whatever it is called.
        {
          arbitrary: fc
            .tuple(
              record,
              fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'path')),
              hostile,
            )
            .map(([r, key, value]) => ({ ...r, [key]: value })),
          weight: 1,
        },
        // A missing key.
        {
          arbitrary: fc.tuple(record, fc.nat()).map(([r, n]) => {
            const keys = Object.keys(r);
            const copy = { ...r };
            if (keys.length > 0) delete copy[keys[n % keys.length] as string];
            return copy;
          }),
          weight: 1,
        },
      );
    }
    case 'pipe':
      return arbitraryFor(def.in, mutate);
    default:
      return anything;
  }
}

/**
 * Values of the schema's shape; with `mutate`, any node may instead be hostile,
 * objects gain or lose keys and argument lists grow or shrink.
 */
export function arbitraryFor(schema: unknown, mutate = false): Arbitrary<unknown> {
  const base = shaped(schema, mutate);
  return mutate ? fc.oneof({ arbitrary: base, weight: 9 }, { arbitrary: hostile, weight: 1 }) : base;
}
