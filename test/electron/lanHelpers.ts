// Shared by the LAN voting tests: a raw HTTP client (it must send wrong Host and
// Origin headers, which fetch would not let through), a phone page on disk, rounds.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { LanRound, LanWritingRound } from '../../electron/shared/lanContract';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in chunks without a Content-Length. */
  chunked?: boolean;
}

export const agent = new Agent({ keepAlive: false, maxSockets: Infinity });

/** Sends exactly the headers given (plus Host unless given, and Content-Length for a body). */
export function raw(port: number, options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `127.0.0.1:${port}`, ...options.headers };
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    if (body && !options.chunked) headers['content-length'] = String(body.length);
    const req = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body && options.chunked) {
      // A body sent in pieces without Content-Length: the server must count as it reads.
      const piece = 4096;
      for (let i = 0; i < body.length; i += piece) req.write(body.subarray(i, i + piece));
      req.end();
    } else {
      req.end(body);
    }
  });
}

/** A phone as the page would act: right Host, Origin and Content-Type. */
export function phone(port: number) {
  const origin = `http://127.0.0.1:${port}`;
  const post = (p: string, body: unknown, token?: string) =>
    raw(port, {
      method: 'POST',
      path: p,
      headers: {
        origin,
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  return {
    origin,
    join: (code: string, token?: string) => post('/api/join', token ? { code, token } : { code }),
    state: (token: string) =>
      raw(port, { path: '/api/state', headers: { authorization: `Bearer ${token}` } }),
    ballot: (token: string, body: unknown) => post('/api/ballot', body, token),
    note: (token: string, body: unknown) => post('/api/note', body, token),
    withdraw: (token: string, body: unknown) => post('/api/note/withdraw', body, token),
    post,
  };
}

export const PAGE_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/phone-abc123.js"></script></head><body></body></html>';
export const PAGE_JS = 'console.log("phone page");';

/** A built phone page, with traps next to it that must never be served. */
export function makePageDir(): { dir: string; cleanup(): void } {
  const base = mkdtempSync(path.join(tmpdir(), 'moderato-lan-'));
  const dir = path.join(base, 'dist-phone');
  mkdirSync(path.join(dir, 'assets', 'nested'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), PAGE_HTML);
  writeFileSync(path.join(dir, 'assets', 'phone-abc123.js'), PAGE_JS);
  writeFileSync(path.join(dir, 'assets', 'phone-abc123.css'), 'body{margin:0}');
  // Traps: files a crawler must never reach.
  writeFileSync(path.join(dir, 'secret.txt'), 'TRAP-SECRET-ROOT');
  writeFileSync(path.join(dir, 'assets', 'notes.txt'), 'TRAP-SECRET-TXT');
  writeFileSync(path.join(dir, 'assets', '.hidden.js'), 'TRAP-SECRET-HIDDEN');
  writeFileSync(path.join(dir, 'assets', 'nested', 'deep.js'), 'TRAP-SECRET-NESTED');
  writeFileSync(path.join(base, 'workshop.moderato.json'), 'TRAP-SECRET-OUTSIDE');
  return { dir, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

export function dotsRound(overrides: Partial<LanRound> = {}): LanRound {
  return {
    roundId: 'round-1',
    title: 'Priorisierung der Handlungsschwerpunkte',
    settings: { method: 'dots', dots: 3, maxPerItem: 2 },
    items: [
      { id: 'item-a', label: 'Digitale Bürgerdienste' },
      { id: 'item-b', label: 'Fachkräfte gewinnen' },
      { id: 'item-c', label: 'Klimaneutrale Verwaltung' },
    ],
    anonymous: true,
    voters: [],
    entitledCount: 10,
    closesAt: null,
    language: 'de',
    ...overrides,
  };
}

export function namedRound(overrides: Partial<LanRound> = {}): LanRound {
  return dotsRound({
    anonymous: false,
    voters: [
      { id: 'p-anna', name: 'Anna' },
      { id: 'p-ben', name: 'Ben' },
      { id: 'p-cem', name: 'Cem' },
    ],
    entitledCount: 3,
    ...overrides,
  });
}

export const dots = (values: Record<string, number>) => ({ content: { method: 'dots', dots: values } });

export function writingRound(overrides: Partial<LanWritingRound> = {}): LanWritingRound {
  return {
    kind: 'write',
    roundId: 'write-1',
    prompt: 'Welche Aufgaben sollten wir zuerst automatisieren?',
    boardTitle: 'Ideensammlung',
    maxNotesPerPerson: null,
    anonymous: true,
    voters: [],
    closesAt: null,
    language: 'de',
    ...overrides,
  };
}

export function namedWritingRound(overrides: Partial<LanWritingRound> = {}): LanWritingRound {
  return writingRound({
    anonymous: false,
    voters: [
      { id: 'p-anna', name: 'Anna' },
      { id: 'p-ben', name: 'Ben' },
      { id: 'p-cem', name: 'Cem' },
    ],
    ...overrides,
  });
}

/** A card id as the phone makes them (CLIENT_NOTE_ID). */
export const clientId = (n: number | string) => `card-${String(n).padStart(4, '0')}`;
