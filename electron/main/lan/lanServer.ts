/**
 * The LAN server for phones: plain node:http, no electron import, so the unit
 * tests run it on 127.0.0.1 and `npm run web` drives the same compiled module.
 *
 * It knows exactly one round (what the renderer passed to open()): a voting
 * round (lanRound.ts) or a writing round (lanWriting.ts), and serves:
 *   GET  /, /j/<code>        the phone page (index.html of pageDir)
 *   GET  /assets/<file>      the page's hashed files, as listed at start
 *   POST /api/join           {code, token?} → {token, state}
 *   GET  /api/state          (Bearer token) → LanPhoneState | LanWritingPhoneState
 *   POST /api/ballot         (Bearer token) {participantId?, content} → LanPhoneState
 *   POST /api/note           (Bearer token) {clientId, text, participantId?} → LanWritingPhoneState
 *   POST /api/note/withdraw  (Bearer token) {clientId} → LanWritingPhoneState
 * Nothing else: no directory listing, no other file, no other data. A ballot
 * to a writing round, or a card to a voting round: 409 {error:'wrong-round'}.
 *
 * Every request: rate limit per client address (429), Host allowlist (403
 * bad-host, against DNS rebinding). Every POST: Origin of the server itself
 * (403 bad-origin), Content-Type application/json (415), body size (413), JSON
 * and schema (400). Wrong join codes have their own, lower limit (429). A
 * known path with another method: 405 {error:'not-found'} with Allow.
 * A closed round (close() or its closesAt passed) refuses ballots and cards
 * with 410 {error:'closed'}; stop() ends listening.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import {
  LAN_LIMITS,
  LAN_PATHS,
  type LanErrorCode,
  type LanEvents,
  type LanEventsRequest,
  type LanRound,
  type LanUpdateRequest,
  type LanWritingRound,
} from '../../shared/lanContract';
import { lanBallotRequestSchema } from './lanBallot';
import {
  clientKey,
  HttpError,
  listen,
  PHONE_HEADERS,
  readBody,
  readPageFiles,
  send,
  sendError,
} from './lanHttp';
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
import { lanNoteRequestSchema, lanWithdrawRequestSchema } from './lanSchemas';
import { createLanWritingRound, type LanWritingState } from './lanWriting';
import { createRateLimiter } from './rateLimiter';

/** The port in the QR code when it is free; otherwise the system picks one. */
export const LAN_DEFAULT_PORT = 8730;

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
  /**
   * Offers a round to phones, replacing any earlier one (new join code, no
   * tokens). `taken` applies to voting rounds only.
   */
  open(round: LanRound | LanWritingRound, taken: readonly string[]): { joinCode: string; joinUrl: string };
  /**
   * False when `roundId` is not the round offered. Voting rounds take `taken`
   * and `closesAt`; writing rounds `closesAt` and `shared` (when given).
   */
  update(request: LanUpdateRequest): boolean;
  /** Phones see the round as closed; ballots and cards are refused with 'closed'. */
  close(roundId: string): void;
  /** Voting rounds: ballots (no `notes`); writing rounds: notes (ballots []). */
  events(request: LanEventsRequest): Promise<LanEvents>;
  /** The round offered and not closed by close(), with its code. */
  current(): { roundId: string; kind: 'vote' | 'write'; joinCode: string; joinUrl: string } | null;
  stop(): Promise<void>;
}

const joinRequestSchema = z.strictObject({
  code: z.string().max(64),
  token: z.string().max(64).optional(),
});

export async function startLanServer(options: LanServerOptions): Promise<LanServer> {
  const limits: LanLimits = { ...LAN_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const pages = readPageFiles(options.pageDir);
  const requests = createRateLimiter(limits.rateLimit, limits.rateWindowMs, now);
  const wrongCodes = createRateLimiter(limits.wrongCodeLimit, limits.rateWindowMs, now);
  let allowed: string[] = [];
  let state: LanRoundState | LanWritingState | null = null;
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
      [LAN_PATHS.note]: 'POST',
      [LAN_PATHS.withdraw]: 'POST',
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

    if (pathname === LAN_PATHS.ballot) {
      const token = tokenOf(request);
      const body = lanBallotRequestSchema.safeParse(await jsonBody(request));
      if (!body.success) throw new HttpError('bad-request');
      const round = phoneRound(token);
      if (round.kind !== 'vote') throw new HttpError('wrong-round');
      const cast = round.ballot(token, body.data);
      if (!cast.ok) throw new HttpError(cast.error);
      send(response, 200, cast.value);
      return;
    }

    // LAN_PATHS.note or LAN_PATHS.withdraw
    const token = tokenOf(request);
    const raw = await jsonBody(request);
    if (pathname === LAN_PATHS.note) {
      const body = lanNoteRequestSchema.safeParse(raw);
      if (!body.success) throw new HttpError('bad-request');
      const round = phoneRound(token);
      if (round.kind !== 'write') throw new HttpError('wrong-round');
      const sent = round.note(token, body.data);
      if (!sent.ok) throw new HttpError(sent.error);
      send(response, 200, sent.value);
      return;
    }
    const body = lanWithdrawRequestSchema.safeParse(raw);
    if (!body.success) throw new HttpError('bad-request');
    const round = phoneRound(token);
    if (round.kind !== 'write') throw new HttpError('wrong-round');
    const withdrawn = round.withdraw(token, body.data);
    if (!withdrawn.ok) throw new HttpError(withdrawn.error);
    send(response, 200, withdrawn.value);
  }

  /** The round a phone's token belongs to; 'no-token' when none does. */
  function phoneRound(token: string): LanRoundState | LanWritingState {
    if (state === null || state.phoneState(token) === null) throw new HttpError('no-token');
    return state;
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
      state =
        round.kind === 'write'
          ? createLanWritingRound(round, { now, maxTokens: limits.maxTokens, limits })
          : createLanRound(round, taken, { now, maxTokens: limits.maxTokens });
      unsubscribe = state.onChange(wakeAll);
      wakeAll();
      return { joinCode: state.joinCode, joinUrl: joinUrlOf(state.joinCode) };
    },
    update(request) {
      if (state === null || state.round.roundId !== request.roundId || state.closedByHost()) return false;
      if (state.kind === 'write') state.update({ closesAt: request.closesAt, shared: request.shared });
      else state.update(request.taken, request.closesAt);
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
        const running = !stopped && !state.closedByHost();
        if (state.kind === 'write') {
          return {
            roundId: request.roundId,
            running,
            ballots: [],
            notes: state.eventsAfter(request.after),
            phones: state.phones(),
          };
        }
        return {
          roundId: request.roundId,
          running,
          ballots: state.eventsAfter(request.after),
          phones: state.phones(),
        };
      };
      const fresh = (events: LanEvents) => events.ballots.length > 0 || (events.notes?.length ?? 0) > 0;
      const first = read();
      const waitMs = Math.min(Math.max(0, request.waitMs), limits.maxWaitMs);
      if (fresh(first) || !first.running || waitMs === 0) return first;
      const phonesBefore = first.phones;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        // Wake on a ballot or card, a new phone, close or stop; not on a mere update of `taken` or `shared`.
        const check = () => {
          const next = read();
          if (fresh(next) || !next.running || next.phones !== phonesBefore) done();
        };
        const timer = setTimeout(done, waitMs);
        waiters.add(check);
      });
      return read();
    },
    current() {
      if (stopped || state === null || state.closedByHost()) return null;
      return {
        roundId: state.round.roundId,
        kind: state.kind,
        joinCode: state.joinCode,
        joinUrl: joinUrlOf(state.joinCode),
      };
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
