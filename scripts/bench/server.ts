/**
 * One static server on 127.0.0.1 for everything the benchmark opens, so all
 * of it shares one origin and one IndexedDB: the built app at /, the
 * everything-eager build of the app at /eager/, the comparison page at
 * /naive/. Same path check and security headers (CSP included) as the app's
 * own server (scripts/staticServer.mjs).
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mimeTypeFor, resolveStaticPath } from '../../electron/shared/appPath';
import { SECURITY_HEADERS } from '../../electron/shared/csp';

export interface BenchServer {
  baseUrl: string;
  close(): Promise<void>;
}

export function startBenchServer(mounts: Record<string, string>): Promise<BenchServer> {
  // Longest prefix first: '/naive/' before '/'.
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const mount = entries.find(([prefix]) => pathname.startsWith(prefix));
    const filePath = mount && resolveStaticPath(mount[1], `/${pathname.slice(mount[0].length)}`);
    let size = -1;
    try {
      if (filePath && statSync(filePath).isFile()) size = statSync(filePath).size;
    } catch {
      size = -1;
    }
    if (!filePath || size < 0 || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, SECURITY_HEADERS).end();
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
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        baseUrl: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
