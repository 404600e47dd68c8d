/** Join codes as people type them: any case, with spaces or dashes, read off a projector. */
import { LAN_JOIN_CODE_ALPHABET, LAN_LIMITS, LAN_PATHS } from '../../electron/shared/lanContract';

/** Upper case without spaces, dashes and dots. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.]+/g, '');
}

/** Whether a normalized code can be a join code at all (the server decides whether it is the right one). */
export function isJoinCode(code: string): boolean {
  if (code.length !== LAN_LIMITS.joinCodeLength) return false;
  for (const char of code) if (LAN_JOIN_CODE_ALPHABET.indexOf(char) < 0) return false;
  return true;
}

/** The code in a `/j/<code>` path, normalized, or null. */
export function joinCodeFromPath(pathname: string): string | null {
  if (pathname.indexOf(LAN_PATHS.joinPage) !== 0) return null;
  const rest = pathname.slice(LAN_PATHS.joinPage.length).replace(/\/+$/, '');
  if (rest === '' || rest.indexOf('/') >= 0) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  const code = normalizeJoinCode(decoded);
  return code === '' ? null : code;
}

export function joinPath(code: string): string {
  return LAN_PATHS.joinPage + encodeURIComponent(code);
}
