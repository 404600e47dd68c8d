/**
 * One round offered to phones: join code, ballot tokens, ballots per token and
 * the event log the renderer reads. No HTTP here (lanServer.ts does that) and
 * no clock of its own, so the rules are tested directly.
 *
 * Rules:
 * - A phone joins with the join code and gets a random token (kept on reload).
 * - Named rounds: a phone picks a free name; the first ballot binds the name to
 *   that phone for the rest of the round (no other phone, and no name already
 *   voted on the laptop, `taken`).
 * - Anonymous rounds: each phone votes as its own random device id; at most
 *   entitledCount − (laptop ballots) phones' ballots are taken, then 'full'.
 * - A phone may change its ballot until the round closes (close() or closesAt).
 */
import type {
  LanBallotContent,
  LanBallotEvent,
  LanBallotRequest,
  LanErrorCode,
  LanPhoneState,
  LanRound,
} from '../../shared/lanContract';
import { checkLanBallot } from './lanBallot';
import { newDeviceId, newJoinCode, newToken, normalizeJoinCode, sameSecret } from './lanGuards';

/** A phone may change its ballot this often; keeps the event log bounded (maxTokens × this). */
export const LAN_MAX_BALLOTS_PER_PHONE = 50;

interface Phone {
  /** Anonymous rounds: the phone's voter id; named rounds: null. */
  deviceId: string | null;
  /** The participant this phone voted as (fixed with its first ballot). */
  participantId: string | null;
  ballot: { participantId: string; content: LanBallotContent; updatedAt: number } | null;
  /** Ballots this phone has cast or changed. */
  casts: number;
}

export type LanResult<T> = { ok: true; value: T } | { ok: false; error: LanErrorCode };

/**
 * The join rules both kinds of round share: the code must match; a phone that
 * joined before keeps its token (also after closing, to read its state); a new
 * phone needs an open round and room, then `register` makes its record.
 */
export function joinPhone<Phone, State>(
  code: string,
  token: string | undefined,
  round: {
    joinCode: string;
    phones: Map<string, Phone>;
    open: boolean;
    maxTokens: number;
    register: () => Phone;
    stateOf: (token: string) => State;
    notify: () => void;
  },
): LanResult<{ token: string; state: State }> {
  const normalized = normalizeJoinCode(code);
  if (normalized === null || !sameSecret(normalized, round.joinCode))
    return { ok: false, error: 'wrong-code' };
  if (token !== undefined && round.phones.has(token)) {
    return { ok: true, value: { token, state: round.stateOf(token) } };
  }
  if (!round.open) return { ok: false, error: 'closed' };
  if (round.phones.size >= round.maxTokens) return { ok: false, error: 'full' };
  const fresh = newToken();
  round.phones.set(fresh, round.register());
  round.notify();
  return { ok: true, value: { token: fresh, state: round.stateOf(fresh) } };
}

export interface LanRoundState {
  readonly kind: 'vote';
  readonly round: LanRound;
  readonly joinCode: string;
  status(): 'open' | 'closed';
  /** A laptop ballot was cast, or the closing time moved. */
  update(taken: readonly string[], closesAt: number | null): void;
  /** Phones see the round as closed; no ballot is taken any more. */
  close(): void;
  /** Whether close() was called (a passed closesAt does not count). */
  closedByHost(): boolean;
  join(code: string, token: string | undefined): LanResult<{ token: string; state: LanPhoneState }>;
  /** Null for an unknown token. */
  phoneState(token: string): LanPhoneState | null;
  ballot(token: string, request: LanBallotRequest): LanResult<LanPhoneState>;
  eventsAfter(after: number): LanBallotEvent[];
  lastSeq(): number;
  phones(): number;
  /** Called after every new ballot or phone. */
  onChange(listener: () => void): () => void;
}

export function createLanRound(
  round: LanRound,
  initialTaken: readonly string[],
  options: { now: () => number; maxTokens: number },
): LanRoundState {
  const joinCode = newJoinCode();
  const phones = new Map<string, Phone>();
  /** Named rounds: participant id → the token that voted as it. */
  const claims = new Map<string, string>();
  const events: LanBallotEvent[] = [];
  const listeners = new Set<() => void>();
  const voterIds = new Set(round.voters.map((v) => v.id));
  const itemIds = round.items.map((i) => i.id);
  let taken = new Set(initialTaken);
  let closesAt = round.closesAt;
  let closed = false;

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  function status(): 'open' | 'closed' {
    return closed || (closesAt !== null && options.now() >= closesAt) ? 'closed' : 'open';
  }

  /** Names a phone may not pick: voted on the laptop or by another phone. */
  function nameFree(participantId: string, token: string): boolean {
    const owner = claims.get(participantId);
    if (owner !== undefined) return owner === token;
    return !taken.has(participantId);
  }

  /** Anonymous rounds: laptop ballots are the taken ids that are none of our devices. */
  function phoneBallotCapacity(): number {
    const deviceIds = new Set([...phones.values()].map((p) => p.deviceId));
    const laptop = [...taken].filter((id) => !deviceIds.has(id)).length;
    return Math.max(0, round.entitledCount - laptop);
  }

  function phoneState(token: string): LanPhoneState | null {
    const phone = phones.get(token);
    if (!phone) return null;
    const { voters: _voters, entitledCount: _entitled, ...visible } = round;
    return {
      kind: 'vote',
      round: {
        ...visible,
        closesAt,
        // Once a phone voted, its name is fixed: it sees only that one.
        voters: round.anonymous
          ? []
          : round.voters.filter((v) =>
              phone.participantId !== null ? v.id === phone.participantId : nameFree(v.id, token),
            ),
      },
      status: status(),
      ballot: phone.ballot,
    };
  }

  return {
    kind: 'vote',
    round,
    joinCode,
    status,
    update(nextTaken, nextClosesAt) {
      taken = new Set(nextTaken);
      closesAt = nextClosesAt;
      notify();
    },
    close() {
      closed = true;
      notify();
    },
    closedByHost: () => closed,
    join(code, token) {
      return joinPhone(code, token, {
        joinCode,
        phones,
        open: status() === 'open',
        maxTokens: options.maxTokens,
        register: () => ({
          deviceId: round.anonymous ? newDeviceId() : null,
          participantId: null,
          ballot: null,
          casts: 0,
        }),
        stateOf: (known) => phoneState(known)!,
        notify,
      });
    },
    phoneState,
    ballot(token, request) {
      const phone = phones.get(token);
      if (!phone) return { ok: false, error: 'no-token' };
      if (status() === 'closed') return { ok: false, error: 'closed' };
      let participantId: string;
      if (round.anonymous) {
        if (request.participantId !== undefined && request.participantId !== phone.deviceId) {
          return { ok: false, error: 'bad-request' };
        }
        participantId = phone.deviceId!;
      } else {
        if (request.participantId === undefined || !voterIds.has(request.participantId)) {
          return { ok: false, error: 'bad-request' };
        }
        participantId = request.participantId;
        if (phone.participantId !== null && phone.participantId !== participantId) {
          return { ok: false, error: 'name-taken' };
        }
        if (!nameFree(participantId, token)) return { ok: false, error: 'name-taken' };
      }
      if (checkLanBallot(round.settings, itemIds, request.content) !== null) {
        return { ok: false, error: 'invalid-ballot' };
      }
      if (round.anonymous && phone.ballot === null) {
        const voted = [...phones.values()].filter((p) => p.ballot !== null).length;
        if (voted >= phoneBallotCapacity()) return { ok: false, error: 'full' };
      }
      if (phone.casts >= LAN_MAX_BALLOTS_PER_PHONE) return { ok: false, error: 'too-many-requests' };
      const now = options.now();
      phone.casts += 1;
      phone.participantId = participantId;
      phone.ballot = { participantId, content: request.content, updatedAt: now };
      if (!round.anonymous) claims.set(participantId, token);
      events.push({
        seq: events.length + 1,
        roundId: round.roundId,
        participantId,
        content: request.content,
        receivedAt: now,
      });
      notify();
      return { ok: true, value: phoneState(token)! };
    },
    eventsAfter(after) {
      return events.slice(Math.max(0, Math.floor(after)));
    },
    lastSeq: () => events.length,
    phones: () => phones.size,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
