import { BACKUP_LIMITS } from './limits';
import { refuse } from './problems';

/** Keys that could change an object's prototype once the data is copied around. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Bytes → text, strictly: a file that is not valid UTF-8 is refused instead of
 * having its bad bytes replaced by U+FFFD (which would silently change notes).
 */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.byteLength === 0) refuse('empty');
  if (bytes.byteLength > BACKUP_LIMITS.maxBytes) refuse('tooLarge', { bytes: bytes.byteLength });
  // A BOM is refused, not skipped: Moderato never writes one, so it means an
  // editor has touched the file (the checksum would tell the same, less clearly).
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) refuse('byteOrderMark');
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe)) refuse('notUtf8');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return refuse('notUtf8');
  }
}

/**
 * The deepest nesting of [ and { outside strings. Runs before JSON.parse, so a
 * 100,000-deep file is refused in one linear pass without recursion.
 */
export function nestingDepth(text: string, stopAbove: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (code === 0x7d || code === 0x5d) depth -= 1;
  }
  return deepest;
}

/**
 * JSON.parse with the limits of BACKUP_LIMITS and without prototype keys. The
 * reviver sees every key and value once, after its children: it counts rows
 * and measures strings before any schema runs.
 */
export function parseJsonSafely(text: string): unknown {
  if (text.trim() === '') refuse('empty');
  if (nestingDepth(text, BACKUP_LIMITS.maxDepth) > BACKUP_LIMITS.maxDepth) {
    refuse('tooDeep', { max: BACKUP_LIMITS.maxDepth });
  }
  let values = 0;
  // Rows are objects inside arrays; every value counts, so a flat array of a
  // million numbers is refused as well.
  const maxValues = BACKUP_LIMITS.maxRows * BACKUP_LIMITS.maxKeysPerObject;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, function reviver(this: unknown, key: string, value: unknown) {
      if (FORBIDDEN_KEYS.has(key)) refuse('forbiddenKey', { key });
      if (key.length > BACKUP_LIMITS.maxKeyChars) refuse('keyTooLong', { max: BACKUP_LIMITS.maxKeyChars });
      values += 1;
      if (values > maxValues) refuse('tooManyRows', { max: BACKUP_LIMITS.maxRows });
      if (typeof value === 'string' && value.length > BACKUP_LIMITS.maxStringChars) {
        refuse('stringTooLong', { length: value.length, max: BACKUP_LIMITS.maxStringChars });
      }
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        if (Object.keys(value).length > BACKUP_LIMITS.maxKeysPerObject) {
          refuse('tooManyKeys', { max: BACKUP_LIMITS.maxKeysPerObject });
        }
      }
      return value;
    });
  } catch (error) {
    if (error instanceof SyntaxError) refuse('notJson');
    throw error;
  }
  return parsed;
}

/** A plain object parsed from JSON (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
