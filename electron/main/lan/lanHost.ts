/**
 * The host side of phone voting and writing rounds (LanControl) around one LAN
 * server: starts it on the interface the facilitator picked, offers the round
 * (a voting or a writing round), and stops listening a little after the round
 * is closed (phones that reload in that time still read that it has ended). Used by main's IPC handlers and by the control
 * API of `npm run web` (scripts/lanControl.mjs). Plain Node, no electron import.
 */
import {
  LAN_LIMITS,
  type LanControl,
  type LanEvents,
  type LanInterface,
  type LanOpenResult,
  type LanSession,
} from '../../shared/lanContract';
import { listLanInterfaces } from './lanNetwork';
import { LAN_DEFAULT_PORT, startLanServer, type LanServer, type LanServerOptions } from './lanServer';

/** How long phones can still see "closed" after the facilitator closed the round. */
export const LAN_CLOSE_GRACE_MS = 60_000;

/**
 * "Only this computer": every browser tab trying it out shares the one address
 * 127.0.0.1, so the per-address request limit is wider there (nobody else can
 * reach a loopback server anyway). Everything else stays as in LAN_LIMITS.
 */
export const LOOPBACK_LIMITS = { rateLimit: LAN_LIMITS.rateLimit * 10 };

export interface LanHostOptions {
  pageDir: string;
  port?: number;
  listInterfaces?: () => LanInterface[];
  startServer?: (options: LanServerOptions) => Promise<LanServer>;
  limits?: LanServerOptions['limits'];
  closeGraceMs?: number;
}

export interface LanHost extends LanControl {
  /** Ends listening at once (app quit). */
  stop(): Promise<void>;
}

export function createLanHost(options: LanHostOptions): LanHost {
  const listInterfaces = options.listInterfaces ?? (() => listLanInterfaces());
  const start = options.startServer ?? startLanServer;
  const graceMs = options.closeGraceMs ?? LAN_CLOSE_GRACE_MS;
  let server: LanServer | null = null;
  let label = '';
  let graceTimer: ReturnType<typeof setTimeout> | null = null;
  // open, close and stop run one after another, so two quick clicks cannot start two servers.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task, task);
    queue = result.catch(() => undefined);
    return result;
  };

  const cancelGrace = () => {
    if (graceTimer !== null) clearTimeout(graceTimer);
    graceTimer = null;
  };

  async function stopServer(): Promise<void> {
    cancelGrace();
    const running = server;
    server = null;
    if (running) await running.stop();
  }

  function session(): LanSession | null {
    const current = server?.current();
    if (!server || !current) return null;
    return {
      roundId: current.roundId,
      joinUrl: current.joinUrl,
      joinCode: current.joinCode,
      baseUrl: server.baseUrl,
      interfaceLabel: label,
    };
  }

  return {
    async interfaces() {
      return listInterfaces();
    },
    open(request) {
      return serial(async (): Promise<LanOpenResult> => {
        const picked = listInterfaces().find((i) => i.id === request.interfaceId);
        if (!picked) return { status: 'failed', reason: 'no-interface' };
        const running = session();
        const kind = request.round.kind === 'write' ? 'write' : 'vote';
        // The renderer asks again (after a reload): the same round keeps its code, tokens and cards.
        if (
          server &&
          running?.roundId === request.round.roundId &&
          server.current()?.kind === kind &&
          server.address === picked.address
        ) {
          server.update({
            roundId: request.round.roundId,
            taken: request.taken,
            closesAt: request.round.closesAt,
          });
          return { status: 'open', session: running };
        }
        cancelGrace();
        if (!server || server.address !== picked.address) {
          await stopServer();
          try {
            server = await start({
              address: picked.address,
              port: options.port ?? LAN_DEFAULT_PORT,
              pageDir: options.pageDir,
              limits: options.limits ?? (picked.loopback ? LOOPBACK_LIMITS : undefined),
            });
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            // No phone page built (e.g. a development checkout without `npm run build`).
            if (code === 'ENOENT') return { status: 'failed', reason: 'unsupported' };
            return { status: 'failed', reason: 'address-unavailable' };
          }
        }
        label = picked.label;
        server.open(request.round, request.taken);
        return { status: 'open', session: session()! };
      });
    },
    async update(request) {
      server?.update(request);
    },
    close(roundId) {
      return serial(async () => {
        if (!server || server.current()?.roundId !== roundId) return;
        server.close(roundId);
        cancelGrace();
        graceTimer = setTimeout(() => void serial(stopServer), graceMs);
        graceTimer.unref?.();
      });
    },
    async events(request): Promise<LanEvents> {
      if (!server) return { roundId: request.roundId, running: false, ballots: [], phones: 0 };
      return server.events(request);
    },
    async current() {
      return session();
    },
    stop() {
      return serial(stopServer);
    },
  };
}
