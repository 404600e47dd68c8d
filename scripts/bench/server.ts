/**
 * One static server on 127.0.0.1 for everything the benchmark opens, so all
 * of it shares one origin and one IndexedDB: the built app at /, the
 * everything-eager build of the app at /eager/, the comparison page at
 * /naive/. It is the app's own server (scripts/staticServer.mjs) with several
 * mounts: same path check and security headers (CSP included), taken from the
 * TypeScript sources, so the benchmark needs no `npm run build:electron`.
 */
import * as appPath from '../../electron/shared/appPath';
import * as csp from '../../electron/shared/csp';
import { startStaticServer } from '../staticServer.mjs';

export interface BenchServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** `mounts`: URL prefix ("/", "/naive/", …) → folder. */
export async function startBenchServer(mounts: Record<string, string>): Promise<BenchServer> {
  const server = await startStaticServer({
    mounts: Object.entries(mounts).map(([prefix, rootDir]) => ({ prefix, rootDir })),
    port: 0,
    modules: { ...appPath, ...csp },
  });
  return { baseUrl: server.baseUrl, close: () => server.close() };
}
