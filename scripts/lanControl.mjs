// The control API of phone voting and writing rounds for the browser version
// (`npm run web`): the same LanControl as the desktop app's IPC handlers, over
// HTTP on 127.0.0.1, driving the same compiled LAN server (dist-electron/main/lan).
// A voting or a writing round is opened alike; the schemas tell them apart.
//
//   GET  /__lan/interfaces   GET /__lan/current
//   POST /__lan/open | /__lan/update | /__lan/close | /__lan/events   (JSON bodies)
//
// Only the app's own page may call it: the Host must be 127.0.0.1:<port> (DNS
// rebinding), every request needs the header "X-Moderato-Lan: 1" (a cross-site
// page cannot send it without a CORS preflight, which is never answered), POSTs
// need the app's own Origin and Content-Type application/json, and every body
// is checked with the zod schemas main's IPC router uses.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { z } = require('zod');

/** The compiled modules of the desktop app's main process (`npm run build:electron`). */
function compiledModules() {
  return {
    ...require('../dist-electron/main/lan/lanHost.js'),
    ...require('../dist-electron/main/lan/lanSchemas.js'),
    ...require('../dist-electron/shared/csp.js'),
  };
}

export const LAN_CONTROL_PREFIX = '/__lan/';
const LAN_META = '<meta name="moderato-lan" content="1" />';

/**
 * index.html with the mark that tells the page phone voting is offered
 * (platform/browserLan.ts), last in <head>: the CSP meta tag stays the first.
 */
export function withLanMeta(html) {
  return html.replace('</head>', `  ${LAN_META}\n  </head>`);
}
export const LAN_CONTROL_HEADER = 'x-moderato-lan';
/** A round of 500 items with long labels fits, and 500 shared texts of a writing round. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

function sendWith(headers, response, status, body) {
  const text = body === undefined ? '' : JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Cache-Control': 'no-store',
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

function readJson(request) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk) => {
      if (done) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done = true;
        resolve({ ok: false, status: 413 });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      try {
        resolve({ ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      } catch {
        resolve({ ok: false, status: 400 });
      }
    });
    request.on('error', () => {
      if (!done) resolve({ ok: false, status: 400 });
      done = true;
    });
  });
}

/**
 * @param {{ pageDir: string, getPort: () => number, hostOptions?: object, modules?: object }} options
 *   `modules` replaces the compiled ones (tests pass the TypeScript sources).
 * @returns {{ handle(request, response): boolean, markIndex(html: string): string, stop(): Promise<void> }}
 */
export function createLanControl({ pageDir, getPort, hostOptions = {}, modules = compiledModules() }) {
  const {
    createLanHost,
    lanOpenRequestSchema,
    lanUpdateRequestSchema,
    lanEventsRequestSchema,
    lanRoundIdSchema,
    SECURITY_HEADERS,
  } = modules;
  const host = createLanHost({ pageDir, ...hostOptions });
  const closeSchema = z.strictObject({ roundId: lanRoundIdSchema });
  const send = (response, status, body) => sendWith(SECURITY_HEADERS, response, status, body);

  const routes = {
    interfaces: { method: 'GET', run: () => host.interfaces() },
    current: { method: 'GET', run: () => host.current() },
    open: { method: 'POST', schema: lanOpenRequestSchema, run: (body) => host.open(body) },
    update: { method: 'POST', schema: lanUpdateRequestSchema, run: (body) => host.update(body) },
    close: { method: 'POST', schema: closeSchema, run: (body) => host.close(body.roundId) },
    events: { method: 'POST', schema: lanEventsRequestSchema, run: (body) => host.events(body) },
  };

  async function serve(request, response, name) {
    const port = getPort();
    const origin = `http://127.0.0.1:${port}`;
    if (request.headers.host !== `127.0.0.1:${port}`) return send(response, 403, { error: 'bad-host' });
    if (request.headers[LAN_CONTROL_HEADER] !== '1') return send(response, 403, { error: 'bad-origin' });
    // Browsers send Origin with every POST; a GET from the page itself may omit it.
    const sentOrigin = request.headers.origin;
    if (sentOrigin !== undefined && sentOrigin !== origin)
      return send(response, 403, { error: 'bad-origin' });
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin')
      return send(response, 403, { error: 'bad-origin' });
    const route = Object.hasOwn(routes, name) ? routes[name] : undefined;
    if (!route) return send(response, 404, { error: 'not-found' });
    if (request.method !== route.method) {
      response.setHeader('Allow', route.method);
      return send(response, 405, { error: 'not-found' });
    }
    if (route.method === 'GET') return send(response, 200, (await route.run()) ?? null);
    if (sentOrigin !== origin) return send(response, 403, { error: 'bad-origin' });
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return send(response, 415, { error: 'bad-content-type' });
    const body = await readJson(request);
    if (!body.ok)
      return send(response, body.status, { error: body.status === 413 ? 'too-large' : 'bad-request' });
    const parsed = route.schema.safeParse(body.value);
    if (!parsed.success) return send(response, 400, { error: 'bad-request' });
    return send(response, 200, (await route.run(parsed.data)) ?? null);
  }

  return {
    handle(request, response) {
      const pathname = (request.url ?? '').split(/[?#]/, 1)[0];
      if (!pathname.startsWith(LAN_CONTROL_PREFIX)) return false;
      serve(request, response, pathname.slice(LAN_CONTROL_PREFIX.length)).catch((error) => {
        console.error('LAN control failed', error);
        if (!response.headersSent) send(response, 500, { error: 'bad-request' });
        else response.end();
      });
      return true;
    },
    markIndex: withLanMeta,
    stop: () => host.stop(),
  };
}
