// A LanControl in memory, standing in for the desktop app's LAN server (or the
// control API of `npm run web`) in component tests.
import type {
  LanBallotContent,
  LanBallotEvent,
  LanControl,
  LanEventsRequest,
  LanInterface,
  LanNoteEvent,
  LanOpenRequest,
  LanOpenResult,
  LanSession,
  LanUpdateRequest,
} from '../../../../electron/shared/lanContract';
import { getPlatform } from '../../../../renderer/src/platform';

export const WLAN: LanInterface = {
  id: 'wlan0:192.168.1.20',
  label: 'WLAN (wlan0) – 192.168.1.20',
  address: '192.168.1.20',
  loopback: false,
};
export const LOOPBACK: LanInterface = {
  id: 'loopback',
  label: 'Loopback – 127.0.0.1',
  address: '127.0.0.1',
  loopback: true,
};

export interface FakeLan {
  lan: LanControl;
  opened: LanOpenRequest[];
  updates: LanUpdateRequest[];
  closed: string[];
  polls: LanEventsRequest[];
  /** A phone casts or changes a ballot (content as sent, possibly malformed). */
  phoneVotes(participantId: string, content: LanBallotContent | unknown, receivedAt?: number): void;
  /**
   * A phone writes, changes or withdraws a card in a writing round (defaults:
   * version 1, not withdrawn, anonymous, received now). The same event may be
   * sent again to model a retry. Returns the event as the host hands it over.
   */
  phoneWrites(
    note: Partial<Omit<LanNoteEvent, 'seq' | 'roundId'>> & { deviceId: string; clientId: string },
  ): LanNoteEvent;
  /** Hands over anything as a card event (malformed ones too). */
  rawNoteEvent(event: Record<string, unknown>): void;
  setPhones(count: number): void;
  /** The next open() answers this instead of opening. */
  failNextOpen(reason: Extract<LanOpenResult, { status: 'failed' }>['reason']): void;
  /** The host ends the session by itself (e.g. restarted). */
  stopByHost(): void;
  /** events() rejects (the host does not answer) until set back. */
  failEvents(failing: boolean): void;
  session(): LanSession | null;
}

export function createFakeLan(interfaces: LanInterface[] = [WLAN, LOOPBACK]): FakeLan {
  const opened: LanOpenRequest[] = [];
  const updates: LanUpdateRequest[] = [];
  const closed: string[] = [];
  const polls: LanEventsRequest[] = [];
  let events: LanBallotEvent[] = [];
  let notes: Array<{ seq: number; roundId: unknown }> = [];
  // Ballots and cards share one counter, as on the real host.
  let seq = 0;
  let session: LanSession | null = null;
  let running = false;
  let phones = 0;
  let failure: Extract<LanOpenResult, { status: 'failed' }>['reason'] | null = null;
  let eventsFail = false;
  const waiting = new Set<() => void>();
  const wake = () => {
    for (const resolve of [...waiting]) resolve();
    waiting.clear();
  };

  const lan: LanControl = {
    interfaces: () => Promise.resolve(interfaces),
    open(request) {
      opened.push(request);
      if (failure) {
        const reason = failure;
        failure = null;
        return Promise.resolve({ status: 'failed', reason });
      }
      const address = interfaces.find((i) => i.id === request.interfaceId)!.address;
      session = {
        roundId: request.round.roundId,
        joinCode: 'K7M2QX',
        joinUrl: `http://${address}:8730/j/K7M2QX`,
        baseUrl: `http://${address}:8730`,
        interfaceLabel: interfaces.find((i) => i.id === request.interfaceId)!.label,
      };
      events = [];
      notes = [];
      running = true;
      return Promise.resolve({ status: 'open', session });
    },
    update(request) {
      updates.push(request);
      return Promise.resolve();
    },
    close(roundId) {
      closed.push(roundId);
      if (session?.roundId === roundId) {
        running = false;
        session = null;
        wake();
      }
      return Promise.resolve();
    },
    async events(request) {
      polls.push(request);
      if (eventsFail) throw new Error('LAN control events: HTTP 502');
      const read = () => ({
        roundId: request.roundId,
        running,
        ballots: events.filter((e) => e.roundId === request.roundId && e.seq > request.after),
        notes: notes.filter((e) => e.roundId === request.roundId && e.seq > request.after) as LanNoteEvent[],
        phones,
      });
      const first = read();
      if (first.ballots.length + first.notes.length > 0 || !first.running || request.waitMs === 0)
        return first;
      // A short long poll: the tests do not wait 20 seconds.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 50);
        waiting.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      return read();
    },
    current: () => Promise.resolve(session),
  };

  return {
    lan,
    opened,
    updates,
    closed,
    polls,
    phoneVotes(participantId, content, receivedAt = Date.now()) {
      events.push({
        seq: (seq += 1),
        roundId: session!.roundId,
        participantId,
        content: content as LanBallotContent,
        receivedAt,
      });
      wake();
    },
    phoneWrites(note) {
      const event: LanNoteEvent = {
        seq: (seq += 1),
        roundId: session!.roundId,
        participantId: null,
        text: '',
        withdrawn: false,
        version: 1,
        receivedAt: Date.now(),
        ...note,
      };
      notes.push(event);
      wake();
      return event;
    },
    rawNoteEvent(event) {
      notes.push({ roundId: session!.roundId, ...event, seq: (seq += 1) });
      wake();
    },
    setPhones(count) {
      phones = count;
      wake();
    },
    failNextOpen(reason) {
      failure = reason;
    },
    stopByHost() {
      running = false;
      session = null;
      wake();
    },
    failEvents(failing) {
      eventsFail = failing;
    },
    session: () => session,
  };
}

/** Puts a LAN control (or none) into the app's platform, as the desktop app or `npm run web` would. */
export function installLan(lan: LanControl | null): void {
  (getPlatform() as { lan: LanControl | null }).lan = lan;
}
