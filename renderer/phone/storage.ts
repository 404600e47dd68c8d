/**
 * What the phone remembers. localStorage: the ballot token per join code (a
 * reload keeps the ballot and lets the person change it) and the chosen
 * language (writing rounds keep more, see writingStore.ts). sessionStorage:
 * the unsent selection, so a reload or a network blip loses nothing. Old
 * Safari in private mode throws on setItem: every access is guarded, and the
 * page works without storage, only forgetting more.
 */
import type { LanLanguage } from '../../electron/shared/lanContract';
import type { Draft } from './ballotDraft';
import { sanitizeDraft } from './ballotDraft';

const TOKENS = 'moderato.phone.tokens';
const LANGUAGE = 'moderato.phone.language';
const DRAFT = 'moderato.phone.draft.';
/** Writing rounds' outboxes, by round (see writingStore.ts). */
export const OUTBOX = 'moderato.phone.outbox.';
/** Tokens of older rounds are dropped beyond this many. */
const KEEP_TOKENS = 8;

export function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

export function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // Storage full or forbidden: the page keeps working, it only forgets on reload.
  }
}

export const local = () => window.localStorage;
export const session = () => window.sessionStorage;

function readTokens(): Array<[string, string]> {
  try {
    const parsed: unknown = JSON.parse(read(local, TOKENS) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is [string, string] =>
        Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string',
    );
  } catch {
    return [];
  }
}

export function loadToken(code: string): string | null {
  const found = readTokens().filter((entry) => entry[0] === code)[0];
  return found ? found[1] : null;
}

export function saveToken(code: string, token: string): void {
  const others = readTokens().filter((entry) => entry[0] !== code);
  const next = [[code, token] as [string, string]].concat(others).slice(0, KEEP_TOKENS);
  write(local, TOKENS, JSON.stringify(next));
}

export function forgetToken(code: string): void {
  write(local, TOKENS, JSON.stringify(readTokens().filter((entry) => entry[0] !== code)));
}

export function loadLanguage(): LanLanguage | null {
  const value = read(local, LANGUAGE);
  return value === 'de' || value === 'en' ? value : null;
}

export function saveLanguage(language: LanLanguage): void {
  write(local, LANGUAGE, language);
}

/** The unsent selection of one round. */
export function loadDraft(roundId: string): Draft | null {
  const raw = read(session, DRAFT + roundId);
  if (raw === null) return null;
  try {
    return sanitizeDraft(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function saveDraft(roundId: string, draft: Draft | null): void {
  write(session, DRAFT + roundId, draft === null ? null : JSON.stringify(draft));
}

/** Whether this phone keeps cards of a writing round joined with this code (see writingStore.ts). */
export function hasOutbox(code: string): boolean {
  try {
    const store = local();
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key === null || key.indexOf(OUTBOX) !== 0) continue;
      const box = JSON.parse(store.getItem(key) ?? 'null') as { code?: unknown } | null;
      if (box && box.code === code) return true;
    }
  } catch {
    // No storage, or damaged data: nothing kept.
  }
  return false;
}
