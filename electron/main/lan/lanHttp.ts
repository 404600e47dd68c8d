/**
 * The LAN server's HTTP side (lanServer.ts routes the requests): the phone
 * page's files, read once at start, the headers sent with every answer, JSON
 * answers with their status codes, request bodies read up to a limit.
 */
import type { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { PERMISSIONS_POLICY } from '../../shared/csp';
import { LAN_ERROR_STATUS, type LanErrorCode } from '../../shared/lanContract';

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

/** Sent with every answer, errors included. Nothing is cached: ballots, cards and states change. */
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

export interface PageFile {
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

export class HttpError extends Error {
  constructor(readonly code: LanErrorCode) {
    super(code);
  }
}

export function clientKey(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

export function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...PHONE_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

export function sendError(response: ServerResponse, code: LanErrorCode, extra: Record<string, string> = {}) {
  send(response, LAN_ERROR_STATUS[code], { error: code }, extra);
}

export function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
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

export function listen(
  server: ReturnType<typeof createServer>,
  port: number,
  address: string,
): Promise<void> {
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
