/**
 * An in-memory phone API after electron/shared/lanContract.ts, for the phone
 * page's tests: jsdom calls it as `fetch`, the e2e test puts it behind
 * node:http. It keeps the contract's rules (one phone per name, anonymous
 * rounds accept at most the entitled number, ballots checked like the laptop
 * checks them), so the page is tested against what a real server answers.
 */
import { randomBytes } from 'node:crypto';
import type {
  LanBallotContent,
  LanErrorCode,
  LanPhoneState,
  LanRound,
} from '../../../electron/shared/lanContract';
import { LAN_PATHS } from '../../../electron/shared/lanContract';
import { checkBallot } from '../../../renderer/src/domain/votingTally';

export interface FakeRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: string;
}

export interface FakeResponse {
  status: number;
  body: unknown;
}

const STATUS: Record<LanErrorCode, number> = {
  'bad-host': 403,
  'bad-origin': 403,
  'bad-content-type': 415,
  'too-large': 413,
  'too-many-requests': 429,
  'bad-request': 422,
  'wrong-code': 403,
  'no-token': 403,
  closed: 410,
  'name-taken': 409,
  full: 409,
  'invalid-ballot': 422,
  'not-found': 404,
};

interface Stored {
  token: string;
  participantId: string;
  content: LanBallotContent;
  updatedAt: number;
}

export class FakeLanApi {
  status: 'open' | 'closed' = 'open';
  /** Participants who voted on the laptop. */
  readonly taken = new Set<string>();
  readonly tokens = new Map<string, { deviceId: string }>();
  readonly ballots = new Map<string, Stored>();
  readonly log: FakeRequest[] = [];
  /** The next requests fail this way ('network': no answer at all), one entry each. */
  readonly failures: Array<LanErrorCode | 'network'> = [];
  now = () => Date.now();

  constructor(
    public round: LanRound,
    public code: string,
  ) {}

  /** Like the facilitator closing the round. */
  close(): void {
    this.status = 'closed';
  }

  phoneState(token: string): LanPhoneState {
    const own = [...this.ballots.values()].find((stored) => stored.token === token) ?? null;
    const { entitledCount: _entitled, voters, ...round } = this.round;
    return {
      round: {
        ...round,
        voters: round.anonymous
          ? []
          : voters.filter((voter) => {
              if (own && own.participantId === voter.id) return true;
              if (this.taken.has(voter.id)) return false;
              const stored = this.ballots.get(voter.id);
              return !stored || stored.token === token;
            }),
      },
      status: this.status,
      ballot: own
        ? { participantId: own.participantId, content: own.content, updatedAt: own.updatedAt }
        : null,
    };
  }

  handle(request: FakeRequest): FakeResponse | 'network' {
    this.log.push(request);
    const failure = this.failures.shift();
    if (failure === 'network') return 'network';
    const error = (code: LanErrorCode): FakeResponse => ({ status: STATUS[code], body: { error: code } });
    if (failure) return error(failure);
    const token = /^Bearer (\S+)$/.exec(request.authorization ?? '')?.[1];
    const known = token !== undefined && this.tokens.has(token);
    let body: Record<string, unknown> = {};
    if (request.method === 'POST') {
      try {
        body = JSON.parse(request.body) as Record<string, unknown>;
      } catch {
        return error('bad-request');
      }
    }
    if (request.method === 'POST' && request.path === LAN_PATHS.join) {
      if (body.code !== this.code) return error('wrong-code');
      if (this.status === 'closed') return error('closed');
      let next = typeof body.token === 'string' && this.tokens.has(body.token) ? body.token : null;
      if (next === null) {
        next = randomBytes(32).toString('base64url');
        this.tokens.set(next, { deviceId: `device-${randomBytes(8).toString('hex')}` });
      }
      return { status: 200, body: { token: next, state: this.phoneState(next) } };
    }
    if (request.method === 'GET' && request.path === LAN_PATHS.state) {
      if (!known) return error('no-token');
      return { status: 200, body: this.phoneState(token) };
    }
    if (request.method === 'POST' && request.path === LAN_PATHS.ballot) {
      if (!known) return error('no-token');
      if (this.status === 'closed') return error('closed');
      const own = [...this.ballots.values()].find((stored) => stored.token === token);
      let participantId: string;
      if (this.round.anonymous) {
        participantId = this.tokens.get(token)!.deviceId;
        const others = [...this.ballots.values()].filter((stored) => stored.token !== token).length;
        if (!own && others >= this.round.entitledCount - this.taken.size) return error('full');
      } else {
        if (typeof body.participantId !== 'string') return error('bad-request');
        participantId = body.participantId;
        if (!this.round.voters.some((voter) => voter.id === participantId)) return error('bad-request');
        const stored = this.ballots.get(participantId);
        if (this.taken.has(participantId) || (stored && stored.token !== token)) return error('name-taken');
        if (own && own.participantId !== participantId) return error('bad-request');
      }
      const content = body.content as LanBallotContent;
      try {
        checkBallot(
          this.round.settings,
          this.round.items.map((item) => item.id),
          content,
        );
      } catch {
        return error('invalid-ballot');
      }
      this.ballots.set(participantId, { token, participantId, content, updatedAt: this.now() });
      return { status: 200, body: this.phoneState(token) };
    }
    return error('not-found');
  }

  /** The API as `fetch`, for jsdom. */
  readonly fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const answer = this.handle({
      method: init.method ?? 'GET',
      path: input,
      authorization: headers.Authorization,
      body: typeof init.body === 'string' ? init.body : '',
    });
    if (answer === 'network') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
}

export const CODE = 'K7M2QX';

export function namedDotsRound(overrides: Partial<LanRound> = {}): LanRound {
  return {
    roundId: 'round-1',
    title: 'Priorisierung der Handlungsschwerpunkte',
    settings: { method: 'dots', dots: 5, maxPerItem: 2 },
    items: [
      { id: 'c1', label: 'Digitale Antragsverfahren' },
      { id: 'c2', label: 'KI-Assistenz im Bürgerservice' },
      { id: 'c3', label: 'Datenkompetenz der Mitarbeitenden' },
      { id: 'c4', label: 'Offene Daten <img src=x onerror="window.__xss=1">' },
    ],
    anonymous: false,
    voters: [
      { id: 'p1', name: 'Anna Schmidt' },
      { id: 'p2', name: 'Bernd Müller' },
      { id: 'p3', name: 'Canan Yılmaz' },
    ],
    entitledCount: 3,
    closesAt: null,
    language: 'de',
    ...overrides,
  };
}
