/**
 * Serves the built renderer from app://moderato. That origin owns the IndexedDB
 * data, so the scheme, host and privileges here must never change.
 */
import type { CustomScheme, Protocol } from 'electron';
import { readFile as fsReadFile } from 'node:fs/promises';
import { mimeTypeFor, resolveStaticPath } from '../shared/appPath';
import { APP_HOST, APP_SCHEME } from '../shared/contract';
import { SECURITY_HEADERS } from '../shared/csp';

/** Passed to protocol.registerSchemesAsPrivileged before the app is ready. */
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  // codeCache: V8 keeps the compiled start bundle between launches (it needs standard: true).
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: false,
    stream: true,
    codeCache: true,
  },
};

export interface AppResponsePlan {
  status: 200 | 404 | 405;
  /** Set only for 200: the file to send. */
  filePath?: string;
  headers: Record<string, string>;
}

const TEXT_PLAIN = 'text/plain; charset=utf-8';

/** Decides what a request to the app protocol gets, without touching the disk. */
export function planAppResponse(requestUrl: string, rootDir: string, method = 'GET'): AppResponsePlan {
  const notFound: AppResponsePlan = {
    status: 404,
    headers: { ...SECURITY_HEADERS, 'Content-Type': TEXT_PLAIN },
  };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return notFound;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) {
    return notFound;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, headers: { ...SECURITY_HEADERS, 'Content-Type': TEXT_PLAIN, Allow: 'GET, HEAD' } };
  }
  const filePath = resolveStaticPath(rootDir, url.pathname);
  if (filePath === null) return notFound;
  return { status: 200, filePath, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(filePath) } };
}

type ReadFile = (filePath: string) => Promise<Uint8Array<ArrayBuffer>>;

// fs.readFile always returns a fresh, unshared buffer; the DOM typing of Response wants that spelled out.
const readWholeFile: ReadFile = (filePath) => fsReadFile(filePath) as Promise<Uint8Array<ArrayBuffer>>;

const MISSING_FILE_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Turns a plan into a Response; the only part that reads files. */
export async function serveAppRequest(
  request: { url: string; method: string },
  rootDir: string,
  readFile: ReadFile = readWholeFile,
): Promise<Response> {
  const plan = planAppResponse(request.url, rootDir, request.method);
  if (plan.status !== 200 || plan.filePath === undefined) {
    const text = plan.status === 405 ? 'Method Not Allowed' : 'Not Found';
    return new Response(text, { status: plan.status, headers: plan.headers });
  }
  try {
    const body = await readFile(plan.filePath);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: plan.headers,
    });
  } catch (error) {
    const missing = MISSING_FILE_CODES.has(errorCode(error) ?? '');
    const headers = { ...SECURITY_HEADERS, 'Content-Type': TEXT_PLAIN };
    return new Response(missing ? 'Not Found' : 'Internal Error', { status: missing ? 404 : 500, headers });
  }
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rootDir));
}
