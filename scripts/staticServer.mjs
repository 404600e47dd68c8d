// A small static server for the built renderer, bound to 127.0.0.1 only. It uses
// the same path check and security headers as the desktop app's app:// protocol.
// With `lanControl` (scripts/lanControl.mjs) it also answers the phone-voting
// control API under /__lan/ and marks index.html with
// <meta name="moderato-lan" content="1">, so the page knows phones are offered.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { resolveStaticPath, mimeTypeFor } = require('../dist-electron/shared/appPath.js');
const { SECURITY_HEADERS } = require('../dist-electron/shared/csp.js');

export function startStaticServer({ rootDir, port, lanControl = null }) {
  const server = createServer((request, response) => {
    if (lanControl?.handle(request, response)) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const filePath = resolveStaticPath(rootDir, pathname);
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
    if (lanControl && filePath === resolveStaticPath(rootDir, '/index.html')) {
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
      'Cache-Control': 'no-cache',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(filePath).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () => {
          void lanControl?.stop();
          server.close();
        },
      });
    });
  });
}
