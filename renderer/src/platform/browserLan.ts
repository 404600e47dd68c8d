/**
 * Phone voting in the browser version: a client of the control API that
 * `npm run web` (scripts/lanControl.mjs) offers under /__lan/ on the page's own
 * origin. The server marks index.html with <meta name="moderato-lan">; without
 * it (e.g. `npm run dev`, or any other static host) there is no LAN control.
 */
import type {
  LanControl,
  LanEvents,
  LanInterface,
  LanOpenResult,
  LanSession,
} from '../../../electron/shared/lanContract';

const PREFIX = '/__lan/';

/** Whether the page was served by `npm run web` with the control API. */
export function browserLanOffered(doc: Document = document): boolean {
  return doc.querySelector('meta[name="moderato-lan"][content="1"]') !== null;
}

async function call<T>(name: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const response = await fetch(new URL(`${PREFIX}${name}`, window.location.origin), {
    method: body === undefined ? 'GET' : 'POST',
    // The custom header makes any cross-site call a preflighted one, which the server never allows.
    headers:
      body === undefined
        ? { 'X-Moderato-Lan': '1' }
        : { 'X-Moderato-Lan': '1', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'omit',
    signal,
  });
  if (!response.ok) throw new Error(`LAN control ${name}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export function createBrowserLan(): LanControl {
  return {
    interfaces: () => call<LanInterface[]>('interfaces'),
    async open(request) {
      try {
        return await call<LanOpenResult>('open', request);
      } catch {
        return { status: 'failed', reason: 'unsupported' };
      }
    },
    async update(request) {
      await call<null>('update', request);
    },
    async close(roundId) {
      await call<null>('close', { roundId });
    },
    events: (request) => call<LanEvents>('events', request),
    current: () => call<LanSession | null>('current'),
  };
}
