import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveStaticPath } from '../../../electron/shared/appPath';

const ROOT = path.resolve('/srv/moderato/dist-renderer');

describe('resolveStaticPath', () => {
  it('maps "/" to index.html', () => {
    expect(resolveStaticPath(ROOT, '/')).toBe(path.join(ROOT, 'index.html'));
  });

  it('resolves normal files and folders below the root', () => {
    expect(resolveStaticPath(ROOT, '/index.html')).toBe(path.join(ROOT, 'index.html'));
    expect(resolveStaticPath(ROOT, '/assets/index-3f2a.js')).toBe(path.join(ROOT, 'assets', 'index-3f2a.js'));
    expect(resolveStaticPath(ROOT, '/fonts/')).toBe(path.join(ROOT, 'fonts', 'index.html'));
  });

  it('decodes ordinary percent-encoding once', () => {
    expect(resolveStaticPath(ROOT, '/assets/Gr%C3%BC%C3%9Fe%20Datei.txt')).toBe(
      path.join(ROOT, 'assets', 'Grüße Datei.txt'),
    );
    // Double encoding decodes to a literal "%2e%2e" file name, not to a parent folder.
    expect(resolveStaticPath(ROOT, '/%252e%252e/secret')).toBe(path.join(ROOT, '%2e%2e', 'secret'));
  });

  it.each([
    ['parent segments', '/../etc/passwd'],
    ['parent segments deeper', '/assets/../../etc/passwd'],
    ['encoded dots', '/%2e%2e/etc/passwd'],
    ['encoded dots and slash', '/%2e%2e%2fetc%2fpasswd'],
    ['encoded slash', '/assets%2F..%2F..%2Fsecret'],
    ['encoded backslash', '/..%5c..%5csecret'],
    ['an encoded slash even when harmless', '/assets%2Fapp.js'],
    ['an encoded backslash even when harmless', '/assets%5Capp.js'],
    ['parent segments that stay inside the root', '/assets/../index.html'],
    ['backslash', '/..\\..\\secret'],
    ['backslash inside a name', '/assets\\index.js'],
    ['NUL byte', '/index.html%00.png'],
    ['raw NUL byte', '/index.html\u0000'],
    ['control character', '/index%0a.html'],
    ['malformed percent-encoding', '/%E0%A4%A'],
    ['lone percent sign', '/100%'],
    ['absolute path via double slash', '//etc/passwd'],
    ['windows drive letter', '/C:/Windows/win.ini'],
    ['no leading slash', 'index.html'],
    ['empty string', ''],
  ])('refuses %s', (_label, pathname) => {
    expect(resolveStaticPath(ROOT, pathname)).toBeNull();
  });

  it('never returns a path outside the root', () => {
    const attempts = ['/./../x', '/a/./../../x', '/....//x', '/..;/x', '/.%2e/x', '/%2e./x'];
    for (const attempt of attempts) {
      const resolved = resolveStaticPath(ROOT, attempt);
      if (resolved !== null) expect(resolved.startsWith(ROOT + path.sep)).toBe(true);
    }
  });

  it('refuses a path that resolves to the root folder itself', () => {
    expect(resolveStaticPath(ROOT, '/.')).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['app.js', 'text/javascript; charset=utf-8'],
    ['worker.mjs', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['data.json', 'application/json; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['favicon.ico', 'image/x-icon'],
    ['font.woff2', 'font/woff2'],
    ['DejaVuSans.ttf', 'font/ttf'],
    ['app.js.map', 'application/json; charset=utf-8'],
    ['LICENSE.txt', 'text/plain; charset=utf-8'],
    ['manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['UPPER.HTML', 'text/html; charset=utf-8'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });

  it('serves unknown files as opaque bytes', () => {
    expect(mimeTypeFor('archive.exe')).toBe('application/octet-stream');
    expect(mimeTypeFor('noextension')).toBe('application/octet-stream');
  });
});
