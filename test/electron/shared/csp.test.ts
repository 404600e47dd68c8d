import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY, SECURITY_HEADERS } from '../../../electron/shared/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('Content-Security-Policy', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('allows no inline code, eval or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe|\*|https?:/,
    );
    const parsed = directives(CONTENT_SECURITY_POLICY);
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('connect-src')).toEqual(["'self'"]);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
  });

  it('is sent with the other security headers', () => {
    expect(SECURITY_HEADERS).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Permissions-Policy': PERMISSIONS_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    expect(Object.isFrozen(SECURITY_HEADERS)).toBe(true);
  });

  it('switches off the powerful features a workshop tool never needs', () => {
    const features = PERMISSIONS_POLICY.split(', ');
    for (const feature of [
      'camera',
      'microphone',
      'geolocation',
      'display-capture',
      'clipboard-read',
      'usb',
    ]) {
      expect(features).toContain(`${feature}=()`);
    }
    // Every entry denies, for every origin: "()" is the empty allowlist.
    expect(features.every((entry) => /^[a-z-]+=\(\)$/.test(entry))).toBe(true);
  });
});
