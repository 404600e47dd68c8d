// Types for scripts/staticServer.mjs (plain Node, loaded by `npm run web` without a build step of its own).
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface StaticMount {
  /** The URL path it is served under, from "/" to "/" (e.g. "/naive/"). */
  prefix: string;
  rootDir: string;
}

export interface StaticServerOptions {
  /** One folder at "/"; may be combined with `mounts`. */
  rootDir?: string;
  /** Several folders under one origin; the longest matching prefix wins. */
  mounts?: StaticMount[];
  /** 0 picks a free one. */
  port: number;
  /** The phone-voting control API of scripts/lanControl.mjs. */
  lanControl?: {
    handle(request: IncomingMessage, response: ServerResponse): boolean;
    markIndex(html: string): string;
    stop(): Promise<void>;
  } | null;
  /** Replaces the compiled path check and headers from dist-electron (e.g. with the TypeScript sources). */
  modules?: {
    resolveStaticPath(rootDir: string, urlPathname: string): string | null;
    mimeTypeFor(filePath: string): string;
    SECURITY_HEADERS: Readonly<Record<string, string>>;
  };
}

export interface StaticServer {
  port: number;
  /** http://127.0.0.1:<port>/ */
  baseUrl: string;
  /** Stops listening (and phone voting); resolves once the server is closed. */
  close(): Promise<void>;
}

export declare function startStaticServer(options: StaticServerOptions): Promise<StaticServer>;
