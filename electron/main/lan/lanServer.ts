/**
 * The LAN voting server: plain node:http, no electron import, so the unit tests
 * run it on 127.0.0.1 and `npm run web` drives the same compiled module.
 *
 * It knows exactly one round (what the renderer passed to open()) and serves:
 *   GET  /, /j/<code>        the phone page (index.html of pageDir)
 *   GET  /assets/<file>      the page's hashed files, as listed at start
 *   POST /api/join           {code, token?} → {token, state}
 *   GET  /api/state          (Bearer token) → LanPhoneState
 *   POST /api/ballot         (Bearer token) {participantId?, content} → LanPhoneState
 * Nothing else: no directory listing, no other file, no other data.
 *
 * Every request: rate limit per client address (429), Host allowlist (403
 * bad-host, against DNS rebinding). Every POST: Origin of the server itself
 * (403 bad-origin), Content-Type application/json (415), body size (413), JSON
 * and schema (400). Wrong join codes have their own, lower limit (429). A
 * known path with another method: 405 {error:'not-found'} with Allow.
 * A closed round (close() or its closesAt passed) refuses ballots with
 * 410 {error:'closed'}; stop() ends listening.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { PERMISSIONS_POLICY } from '../../shared/csp';
import {
  LAN_LIMITS,
  LAN_PATHS,
  type LanErrorCode,
  type LanEvents,
  type LanEventsRequest,
  type LanRound,
  type LanUpdateRequest,
} from '../../shared/lanContract';
import { lanBallotRequestSchema } from './lanBallot';
import {
  allowedHosts,
  bearerToken,
  hostAllowed,
  isJsonContentType,
  originAllowed,
  parseJson,
  TOKEN_PATTERN,
} from './lanGuards';
import { createLanRound, type LanRoundState } from './lanRound';
import { createRateLimiter } from './rateLimiter';

/** The port in the QR code when it is free; otherwise the system picks one. */
export const LAN_DEFAULT_PORT = 8730;

/**
 * What the phone page may load: its own script, style sheet and API, and
 * nothing else (no images, fonts or inline code, no frames, no forms posting
 * elsewhere). The page (renderer/phone) needs no more; test/e2e/phonePage.test.ts
 * fails on any CSP violation against the real server.
 */
export const PHONE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every answer, errors included. Nothing is cached: ballots and states change. */
export const PHONE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': PHONE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': PERMISSIONS_POLICY,
  'Cache-Control': 'no-store',
});

const STATUS: Record<LanErrorCode, number> = {
  'bad-host': 403,
  'bad-origin': 403,
  'bad-content-type': 415,
  'too-large': 413,
  'too-many-requests': 429,
  'bad-request': 400,
  'wrong-code': 403,
  'no-token': 401,
  closed: 410,
  'name-taken': 409,
  full: 409,
  'invalid-ballot': 422,
  'not-found': 404,
};

export type LanLimits = { -readonly [K in keyof typeof LAN_LIMITS]: number };

export interface LanServerOptions {
  /** IPv4 address to listen on (one interface, never 0.0.0.0). */
  address: string;
  /** Defaults to LAN_DEFAULT_PORT, falling back to a free port; 0 picks a free one at once. */
  port?: number;
  /** The built phone page (dist-phone): index.html and assets/. */
  pageDir: string;
  limits?: Partial<LanLimits>;
  /** The server's clock (closesAt, rate windows, receivedAt). */
  now?: () => number;
}

export interface LanServer {
  readonly address: string;
  readonly port: number;
  /** "http://192.168.1.20:8730" */
  readonly baseUrl: string;
  /** Offers a round to phones, replacing any earlier one (new join code, no tokens). */
  open(round: LanRound, taken: readonly string[]): { joinCode: string; joinUrl: string };
  /** False when `roundId` is not the round offered. */
  update(request: LanUpdateRequest): boolean;
  /** Phones see the round as closed; ballots are refused with 'closed'. */
  close(roundId: string): void;
  events(request: LanEventsRequest): Promise<LanEvents>;
  /** The round offered and not closed by close(), with its code. */
  current(): { roundId: string; joinCode: string; joinUrl: string } | null;
  stop(): Promise<void>;
}

interface PageFile {
  body: Buffer;
  type: string;
}

const ASSET_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const ASSET_NAME = /^[A-Za-z0-9_.-]{1,120}$/;

/** index.html and the files of assets/ with a known type, read once: nothing else is ever served. */
export function readPageFiles(pageDir: string): Map<string, PageFile> {
  const files = new Map<string, PageFile>();
  files.set('/index.html', {
    body: readFileSync(path.join(pageDir, 'index.html')),
    type: 'text/html; charset=utf-8',
  });
  const assetsDir = path.join(pageDir, 'assets');
  let names: string[];
  try {
    names = readdirSync(assetsDir);
  } catch {
    names = [];
  }
  for (const name of names) {
    const type = ASSET_TYPES[path.extname(name).toLowerCase()];
    if (!type || !ASSET_NAME.test(name) || name.startsWith('.')) continue;
    const file = path.join(assetsDir, name);
    if (!statSync(file).isFile()) continue;
    files.set(`/assets/${name}`, { body: readFileSync(file), type });
  }
  return files;
}

const joinRequestSchema = z.strictObject({
  code: z.string().max(64),
  token: z.string().max(64).optional(),
});

class HttpError extends Error {
  constructor(readonly code: LanErrorCode) {
    super(code);
  }
}

function clientKey(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function send(response: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...PHONE_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

function sendError(response: ServerResponse, code: LanErrorCode, extra: Record<string, string> = {}) {
  send(response, STATUS[code], { error: code }, extra);
}

function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    request.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        reject(new HttpError('too-large'));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (failed) return;
      failed = true;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    // An error, or a client that went away before the end: nothing waits forever.
    const abort = () => {
      if (failed) return;
      failed = true;
      reject(new HttpError('bad-request'));
    };
    request.on('error', abort);
    request.on('close', abort);
  });
}

function listen(server: ReturnType<typeof createServer>, port: number, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, address);
  });
}

export async function startLanServer(options: LanServerOptions): Promise<LanServer> {
  const limits: LanLimits = { ...LAN_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const pages = readPageFiles(options.pageDir);
  const requests = createRateLimiter(limits.rateLimit, limits.rateWindowMs, now);
  const wrongCodes = createRateLimiter(limits.wrongCodeLimit, limits.rateWindowMs, now);
  let allowed: string[] = [];
  let state: LanRoundState | null = null;
  let stopped = false;
  const waiters = new Set<() => void>();

  const wakeAll = () => {
    for (const wake of [...waiters]) wake();
  };

  function tokenOf(request: IncomingMessage): string {
    const token = bearerToken(request.headers.authorization);
    if (token === null) throw new HttpError('no-token');
    return token;
  }

  /** Before anything else of a POST is looked at, the token included. */
  function checkPost(request: IncomingMessage): void {
    if (!originAllowed(request.headers.origin, allowed)) throw new HttpError('bad-origin');
    if (!isJsonContentType(request.headers['content-type'])) throw new HttpError('bad-content-type');
  }

  async function jsonBody(request: IncomingMessage): Promise<unknown> {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (!Number.isFinite(declared) || declared > limits.maxBodyBytes) throw new HttpError('too-large');
    const parsed = parseJson(await readBody(request, limits.maxBodyBytes));
    if (!parsed.ok) throw new HttpError('bad-request');
    return parsed.value;
  }

  async function route(request: IncomingMessage, response: ServerResponse, client: string): Promise<void> {
    const method = request.method ?? '';
    const rawUrl = request.url ?? '';
    if (!rawUrl.startsWith('/') || rawUrl.startsWith('//')) throw new HttpError('not-found');
    const pathname = rawUrl.split(/[?#]/, 1)[0] ?? '';

    const page =
      pathname === LAN_PATHS.page ||
      (pathname.startsWith(LAN_PATHS.joinPage) &&
        /^[A-Za-z0-9-]{1,32}$/.test(pathname.slice(LAN_PATHS.joinPage.length)))
        ? pages.get('/index.html')
        : pathname.startsWith('/assets/')
          ? pages.get(pathname)
          : undefined;
    if (page) {
      if (method !== 'GET' && method !== 'HEAD') {
        send(response, 405, { error: 'not-found' }, { Allow: 'GET, HEAD' });
        return;
      }
      response.writeHead(200, {
        ...PHONE_HEADERS,
        'Content-Type': page.type,
        'Content-Length': page.body.length,
      });
      response.end(method === 'HEAD' ? undefined : page.body);
      return;
    }

    const api: Record<string, string> = {
      [LAN_PATHS.join]: 'POST',
      [LAN_PATHS.state]: 'GET',
      [LAN_PATHS.ballot]: 'POST',
    };
    if (!Object.hasOwn(api, pathname)) throw new HttpError('not-found');
    if (api[pathname] !== method) {
      send(response, 405, { error: 'not-found' }, { Allow: api[pathname]! });
      return;
    }
    if (method === 'POST') checkPost(request);

    if (pathname === LAN_PATHS.state) {
      const token = tokenOf(request);
      const phone = state?.phoneState(token) ?? null;
      if (phone === null) throw new HttpError('no-token');
      send(response, 200, phone);
      return;
    }

    if (pathname === LAN_PATHS.join) {
      const body = joinRequestSchema.safeParse(await jsonBody(request));
      if (!body.success) throw new HttpError('bad-request');
      if (!wrongCodes.allows(client)) throw new HttpError('too-many-requests');
      if (state === null) {
        wrongCodes.hit(client);
        throw new HttpError('wrong-code');
      }
      const token =
        body.data.token !== undefined && TOKEN_PATTERN.test(body.data.token) ? body.data.token : undefined;
      const joined = state.join(body.data.code, token);
      if (!joined.ok) {
        if (joined.error === 'wrong-code') wrongCodes.hit(client);
        throw new HttpError(joined.error);
      }
      send(response, 200, joined.value);
      return;
    }

    // LAN_PATHS.ballot
    const token = tokenOf(request);
    const body = lanBallotRequestSchema.safeParse(await jsonBody(request));
    if (!body.success) throw new HttpError('bad-request');
    if (state === null) throw new HttpError('no-token');
    const cast = state.ballot(token, body.data);
    if (!cast.ok) throw new HttpError(cast.error);
    send(response, 200, cast.value);
  }

  const server = createServer((request, response) => {
    const client = clientKey(request);
    if (!requests.hit(client)) {
      sendError(response, 'too-many-requests', {
        'Retry-After': String(Math.ceil(limits.rateWindowMs / 1000)),
      });
      request.resume();
      return;
    }
    if (!hostAllowed(request.headers.host, allowed)) {
      sendError(response, 'bad-host');
      request.resume();
      return;
    }
    // Whatever the route, a declared body over the limit is not read at all.
    if (!(Number(request.headers['content-length'] ?? 0) <= limits.maxBodyBytes)) {
      sendError(response, 'too-large', { Connection: 'close' });
      return;
    }
    route(request, response, client).catch((error: unknown) => {
      const code: LanErrorCode = error instanceof HttpError ? error.code : 'bad-request';
      if (!response.headersSent) {
        // A refused body is not read further; the connection closes after the answer.
        sendError(response, code, code === 'too-large' ? { Connection: 'close' } : {});
      }
      request.resume();
    });
  });
  // Slow or stuck clients cannot keep connections open for long.
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 50;
  // A room holds a few hundred phones at most; more sockets only cost file handles.
  server.maxConnections = 1000;

  const wanted = options.port ?? LAN_DEFAULT_PORT;
  try {
    await listen(server, wanted, options.address);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (wanted === 0 || (code !== 'EADDRINUSE' && code !== 'EACCES')) throw error;
    await listen(server, 0, options.address);
  }
  const bound = server.address();
  const port = typeof bound === 'object' && bound ? bound.port : wanted;
  allowed = allowedHosts(options.address, port);
  const baseUrl = `http://${options.address}:${port}`;
  let unsubscribe: () => void = () => undefined;

  const joinUrlOf = (code: string) => `${baseUrl}${LAN_PATHS.joinPage}${code}`;

  return {
    address: options.address,
    port,
    baseUrl,
    open(round, taken) {
      unsubscribe();
      state?.close();
      state = createLanRound(round, taken, { now, maxTokens: limits.maxTokens });
      unsubscribe = state.onChange(wakeAll);
      wakeAll();
      return { joinCode: state.joinCode, joinUrl: joinUrlOf(state.joinCode) };
    },
    update(request) {
      if (state === null || state.round.roundId !== request.roundId || state.closedByHost()) return false;
      state.update(request.taken, request.closesAt);
      return true;
    },
    close(roundId) {
      if (state !== null && state.round.roundId === roundId) state.close();
    },
    async events(request) {
      const read = (): LanEvents => {
        if (state === null || state.round.roundId !== request.roundId) {
          return { roundId: request.roundId, running: false, ballots: [], phones: 0 };
        }
        return {
          roundId: request.roundId,
          running: !stopped && !state.closedByHost(),
          ballots: state.eventsAfter(request.after),
          phones: state.phones(),
        };
      };
      const first = read();
      const waitMs = Math.min(Math.max(0, request.waitMs), limits.maxWaitMs);
      if (first.ballots.length > 0 || !first.running || waitMs === 0) return first;
      const phonesBefore = first.phones;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        // Wake on a ballot, a new phone, close or stop; not on a mere update of `taken`.
        const check = () => {
          const next = read();
          if (next.ballots.length > 0 || !next.running || next.phones !== phonesBefore) done();
        };
        const timer = setTimeout(done, waitMs);
        waiters.add(check);
      });
      return read();
    },
    current() {
      if (stopped || state === null || state.closedByHost()) return null;
      return { roundId: state.round.roundId, joinCode: state.joinCode, joinUrl: joinUrlOf(state.joinCode) };
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      state?.close();
      wakeAll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
