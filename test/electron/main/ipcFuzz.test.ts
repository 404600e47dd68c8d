// Every IPC channel gets 1,000 random payloads: random values of any shape,
// values shaped like its zod schema, and such values with one part broken.
// Main must never crash and must never act (reach a dependency) on a payload its
// schema refuses. The channels come from the contract, so new ones are fuzzed too.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createIpcRouter,
  IpcRefusedError,
  registerIpcHandlers,
  type IpcDeps,
} from '../../../electron/main/ipc';
import { IPC_ARG_SCHEMAS } from '../../../electron/main/ipcSchemas';
import { API_CHANNELS, type IpcChannel } from '../../../electron/shared/contract';
import { arbitraryFor, hostile } from './zodArbitrary';

const APP = 'app://moderato/index.html';
const RUNS = 1_000;
// Fixed so a failure can be replayed; fast-check prints the failing payload and path.
const SEED = 20_260_409;

/** Thrown by every fake dependency: reaching one means main decided to act. */
class ActionReached extends Error {
  constructor(readonly dependency: string) {
    super(`reached ${dependency}`);
  }
}

/**
 * Dependencies that record each call and stop right there. A Proxy, so that
 * dependencies added to IpcDeps later are covered without touching this test.
 */
function recordingDeps(): { deps: IpcDeps; calls: string[] } {
  const calls: string[] = [];
  const deps = new Proxy(
    {},
    {
      get(_target, name) {
        if (typeof name !== 'string' || name === 'then') return undefined;
        return () => {
          calls.push(name);
          throw new ActionReached(name);
        };
      },
    },
  ) as IpcDeps;
  return { deps, calls };
}

const CHANNELS = Object.values(API_CHANNELS) as IpcChannel[];
const validRuns = new Map<IpcChannel, number>();

function payloads(channel: IpcChannel): fc.Arbitrary<unknown[]> {
  const schema = IPC_ARG_SCHEMAS[channel];
  return fc.oneof(
    // Anything at all, as a compromised renderer could send it.
    fc.array(hostile, { maxLength: 4 }),
    // Well-formed for the schema (refinements aside): reaches the action path.
    arbitraryFor(schema) as fc.Arbitrary<unknown[]>,
    // Well-formed with something broken somewhere inside.
    arbitraryFor(schema, true) as fc.Arbitrary<unknown[]>,
  ) as fc.Arbitrary<unknown[]>;
}

describe.each(CHANNELS)('IPC channel %s under 1,000 random payloads', (channel) => {
  it('refuses every payload its schema refuses, before any action, and never crashes', async () => {
    const { deps, calls } = recordingDeps();
    const router = createIpcRouter(deps);
    let valid = 0;
    await fc.assert(
      fc.asyncProperty(payloads(channel), async (args) => {
        calls.length = 0;
        const accepted = IPC_ARG_SCHEMAS[channel].safeParse(args).success;
        let outcome: unknown = 'resolved';
        try {
          await router.handle(channel, APP, args);
        } catch (error) {
          outcome = error;
        }
        if (!accepted) {
          expect(outcome).toBeInstanceOf(IpcRefusedError);
          expect((outcome as Error).message).toBe(`Invalid arguments for ${channel}`);
          expect(calls).toEqual([]);
          return;
        }
        valid += 1;
        // A valid payload may act; anything else than acting, refusing or returning is a crash.
        const acted = outcome instanceof ActionReached;
        expect(acted || outcome instanceof IpcRefusedError || outcome === 'resolved', String(outcome)).toBe(
          true,
        );
        if (acted) expect(calls).toHaveLength(1);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    validRuns.set(channel, valid);
    // Without valid payloads the test would only ever see the first check.
    // If this fails for a new channel, teach zodArbitrary.ts the schema feature that blocks it.
    expect(valid, `valid payloads generated for ${channel}`).toBeGreaterThanOrEqual(RUNS / 50);
  });
});

/**
 * The oracle, written from the WHATWG URL spec rather than from security.ts: our
 * origin exactly, no credentials, no port. (The URL parser trims surrounding
 * spaces, so " app://moderato/" is that origin too; Chromium never reports one.)
 */
function isAppOrigin(sender: unknown): boolean {
  if (typeof sender !== 'string') return false;
  try {
    const url = new URL(sender);
    return url.protocol === 'app:' && url.host === 'moderato' && !url.username && !url.password;
  } catch {
    return false;
  }
}

describe('IPC senders under 1,000 random origins', () => {
  const lookalikes = fc.constantFrom(
    'app://moderato.evil/index.html',
    'app://evil.moderato/index.html',
    'app://moderato@evil/index.html',
    'app://evil@moderato/index.html',
    'app://moderato:80/index.html',
    'APP://MODERATO/index.html',
    'app://moderato%2e/index.html',
    'app:/moderato/index.html',
    'app:moderato/index.html',
    'http://moderato/index.html',
    'https://moderato/index.html',
    'file:///app/moderato/index.html',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/index.html',
    'about:blank',
    'about:srcdoc',
    'data:text/html,<script>1</script>',
    'blob:app://moderato/123',
    'http://127.0.0.1:5180/',
    ' app://moderato/index.html',
    '',
  );
  const senders = fc.oneof(
    fc.webUrl({ withFragments: true, withQueryParameters: true }),
    fc.string(),
    lookalikes,
    fc.constantFrom(null, undefined),
  );

  it('refuses every sender that is not app://moderato on every channel, before validating or acting', async () => {
    const { deps, calls } = recordingDeps();
    const router = createIpcRouter(deps);
    await fc.assert(
      fc.asyncProperty(senders, fc.constantFrom(...CHANNELS), hostile, async (sender, channel, arg) => {
        calls.length = 0;
        const trusted = isAppOrigin(sender);
        const outcome = await router.handle(channel, sender, [arg]).then(
          () => 'resolved',
          (error: unknown) => error,
        );
        if (!trusted) {
          expect(outcome).toBeInstanceOf(IpcRefusedError);
          expect((outcome as Error).message).toBe('Untrusted sender');
          expect(calls).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('refuses random senders through the handlers registered on ipcMain too', async () => {
    const listeners = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const { deps, calls } = recordingDeps();
    registerIpcHandlers(
      { handle: (channel: string, listener) => listeners.set(channel, listener as never) },
      deps,
    );
    expect([...listeners.keys()].sort()).toEqual([...CHANNELS].sort());
    const events = fc.oneof(
      fc.record({ senderFrame: fc.record({ url: fc.oneof(fc.webUrl(), lookalikes) }) }),
      fc.constant({ senderFrame: null }),
      fc.constant({}),
    );
    await fc.assert(
      fc.asyncProperty(events, fc.constantFrom(...CHANNELS), async (event, channel) => {
        calls.length = 0;
        const outcome = await listeners
          .get(channel)?.(event)
          .then(
            () => 'resolved',
            (error: unknown) => error,
          );
        // " app://moderato/…" is our origin to the URL parser; with a channel that takes no
        // arguments it may act. Every other sender is refused before anything happens.
        if (isAppOrigin((event as { senderFrame?: { url?: unknown } | null }).senderFrame?.url)) return;
        expect(outcome).toBeInstanceOf(IpcRefusedError);
        expect(calls).toEqual([]);
      }),
      { numRuns: 200, seed: SEED },
    );
  });
});

afterAll(() => {
  // A payload like {"__proto__": {...}} must not have reached Object.prototype anywhere on the way.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  console.log(
    `IPC fuzz, valid payloads of ${RUNS} per channel: ${[...validRuns].map(([c, n]) => `${c} ${n}`).join(', ')}`,
  );
});
