/**
 * The checks every phone request passes before the LAN server looks at it, and
 * the secrets it hands out. Pure apart from the random source (node:crypto).
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { LAN_JOIN_CODE_ALPHABET, LAN_LIMITS } from '../../shared/lanContract';

/** Six characters from the look-alike-free alphabet, uniformly random. */
export function newJoinCode(length: number = LAN_LIMITS.joinCodeLength): string {
  let code = '';
  for (let i = 0; i < length; i += 1)
    code += LAN_JOIN_CODE_ALPHABET[randomInt(LAN_JOIN_CODE_ALPHABET.length)];
  return code;
}

/** A code as typed on a phone: spaces and dashes dropped, upper case. Null when it cannot be one. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length === 0 || code.length > 32) return null;
  for (const char of code) if (!LAN_JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** Constant-time comparison of two codes or tokens (lengths may differ). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits, base64url: 43 characters. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Anonymous rounds: one id per phone, random and unrelated to its secret token. */
export function newDeviceId(): string {
  return `device-${randomBytes(8).toString('hex')}`;
}

export const DEVICE_ID_PATTERN = /^device-[0-9a-f]{16}$/;

/**
 * The Host headers the server answers: its own address and port (phones use
 * the address from the QR code), and "localhost" when it listens on loopback.
 * Anything else is a DNS-rebinding attempt or a wrong address.
 */
export function allowedHosts(address: string, port: number): string[] {
  const hosts = [`${address}:${port}`];
  if (address === '127.0.0.1') hosts.push(`localhost:${port}`);
  return hosts;
}

export function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (typeof host !== 'string') return false;
  return allowed.includes(host.toLowerCase());
}

/** POSTs must come from the page the server itself served: Origin "http://<allowed host>". */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (typeof origin !== 'string') return false;
  return allowed.some((host) => origin.toLowerCase() === `http://${host}`);
}

/** application/json, optionally with a charset of UTF-8. */
export function isJsonContentType(value: string | undefined): boolean {
  if (typeof value !== 'string') return false;
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => param === '' || param === 'charset=utf-8');
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(header.trim());
  return match?.[1] ?? null;
}

/**
 * JSON.parse that refuses "__proto__" keys: a schema would drop them silently,
 * so the server would see a different object than the phone sent.
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  let poisoned = false;
  try {
    const value: unknown = JSON.parse(text, (key, val: unknown) => {
      if (key === '__proto__') poisoned = true;
      return val;
    });
    return poisoned ? { ok: false } : { ok: true, value };
  } catch {
    return { ok: false };
  }
}
