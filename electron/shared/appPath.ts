/**
 * Maps a URL path to a file below a root folder. Shared by the app:// protocol
 * handler and the plain web server (scripts/web.mjs, which loads the compiled
 * CommonJS), so: no electron or DOM import, named exports only.
 */
import * as path from 'node:path';

function hasControlChar(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Returns the absolute file path for `urlPathname` (as in `new URL(...).pathname`),
 * or null when it is malformed or would leave `rootDir`. Refuses rather than
 * repairs: a request that needs repair is not one our own UI makes.
 */
export function resolveStaticPath(rootDir: string, urlPathname: string): string | null {
  if (typeof urlPathname !== 'string' || !urlPathname.startsWith('/')) return null;
  // Encoded separators would survive decoding as real ones and change the segments.
  if (urlPathname.includes('\\') || /%2f|%5c/i.test(urlPathname)) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\\') || hasControlChar(decoded)) return null;

  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..')) return null;

  let relative = decoded.slice(1);
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  // "//etc/passwd" or a drive letter would make path.resolve ignore rootDir.
  if (path.isAbsolute(relative) || path.win32.isAbsolute(relative) || /^[a-z]:/i.test(relative)) return null;

  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, relative);
  const fromRoot = path.relative(root, resolved);
  const escapes = fromRoot === '..' || fromRoot.startsWith(`..${path.sep}`) || path.isAbsolute(fromRoot);
  if (fromRoot === '' || escapes) return null;
  return resolved;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** The Content-Type for a file; unknown types are served as opaque bytes (with nosniff). */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
