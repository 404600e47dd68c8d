// A small static server for the built renderer, bound to 127.0.0.1 only. It uses
// the same path check and security headers as the desktop app's app:// protocol.
// With `lanControl` (scripts/lanControl.mjs) it also answers the phone-voting
// control API under /__lan/ and marks index.html with
// <meta name="moderato-lan" content="1">, so the page knows phones are offered.
// With `mounts` it serves several folders under one origin (the benchmark: the
// app at /, its eager build at /eager/, the comparison page at /naive/).
// Types: scripts/staticServer.d.mts.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The compiled path check and headers of the desktop app (`npm run build:electron`). */
function compiledModules() {
  return {
    ...require('../dist-electron/shared/appPath.js'),
    ...require('../dist-electron/shared/csp.js'),
  };
}

/**
 * @param {{
 *   rootDir?: string,
 *   mounts?: Array<{ prefix: string, rootDir: string }>,
 *   port: number,
 *   lanControl?: { handle(request: unknown, response: unknown): boolean, markIndex(html: string): string, stop(): Promise<void> } | null,
 *   modules?: { resolveStaticPath: Function, mimeTypeFor: Function, SECURITY_HEADERS: Record<string, string> },
 * }} options `rootDir` serves one folder at /; `mounts` several, each under its
 *   prefix (ending in "/"; the longest matching prefix wins). `modules` replaces
 *   the compiled path check and headers (the benchmark passes the TypeScript sources).
 */
/** A built script or style sheet, named after its content hash (Vite: `assets/name-Ab12_xY9.js`). */
const HASHED_ASSET = /\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css)$/;

export function startStaticServer({ rootDir, mounts, port, lanControl = null, modules = compiledModules() }) {
  const { resolveStaticPath, mimeTypeFor, SECURITY_HEADERS } = modules;
  // Longest prefix first: '/naive/' before '/'.
  const entries = [...(mounts ?? []), ...(rootDir === undefined ? [] : [{ prefix: '/', rootDir }])].sort(
    (a, b) => b.prefix.length - a.prefix.length,
  );
  if (entries.length === 0 || entries.some(({ prefix }) => !prefix.startsWith('/') || !prefix.endsWith('/')))
    throw new Error('startStaticServer: give rootDir or mounts with prefixes from "/" to "/"');
  const appRoot = entries.find(({ prefix }) => prefix === '/')?.rootDir;
  const appIndex = appRoot === undefined ? null : resolveStaticPath(appRoot, '/index.html');

  /** The file for a URL path, or null (no mount, malformed, outside its folder). */
  function fileFor(pathname) {
    const mount = entries.find(({ prefix }) => pathname.startsWith(prefix));
    return mount ? resolveStaticPath(mount.rootDir, `/${pathname.slice(mount.prefix.length)}`) : null;
  }

  const server = createServer((request, response) => {
    if (lanControl?.handle(request, response)) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const filePath = fileFor(pathname);
    let size = -1;
    try {
      if (filePath) {
        const stat = statSync(filePath);
        if (stat.isFile()) size = stat.size;
      }
    } catch {
      size = -1;
    }
    if (!filePath || size < 0) {
      response
        .writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
        .end('Not found');
      return;
    }
    if (lanControl && filePath === appIndex) {
      const html = Buffer.from(lanControl.markIndex(readFileSync(filePath, 'utf8')));
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': mimeTypeFor(filePath),
        'Content-Length': html.length,
        'Cache-Control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : html);
      return;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeTypeFor(filePath),
      'Content-Length': size,
      // Vite names every built asset after a hash of its content: such a file never changes
      // under its name, so the browser keeps it (and V8 its compiled code) until the next
      // build names another. The pages themselves are asked for afresh every time.
      'Cache-Control': HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(filePath).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const boundPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        port: boundPort,
        baseUrl: `http://127.0.0.1:${boundPort}/`,
        /** Stops listening (and phone voting); resolves once the server is closed. */
        close: () => {
          const stopped = Promise.resolve(lanControl?.stop());
          server.closeAllConnections?.();
          return new Promise((done) => server.close(() => done())).then(() => stopped);
        },
      });
    });
  });
}
