/**
 * An in-memory phone API after electron/shared/lanContract.ts, for the phone
 * page's tests: jsdom calls it as `fetch`, the e2e test puts it behind
 * node:http. It keeps the contract's rules (one phone per name, anonymous
 * rounds accept at most the entitled number, ballots checked like the laptop
 * checks them; writing rounds: cards stored once per phone and clientId, the
 * per-person limit, one phone per name), so the page is tested against what a
 * real server answers.
 */
import { randomBytes } from 'node:crypto';
import type {
  LanBallotContent,
  LanErrorCode,
  LanNoteEvent,
  LanPhoneState,
  LanRound,
  LanWritingPhoneState,
  LanWritingRound,
} from '../../../electron/shared/lanContract';
import { LAN_ERROR_STATUS, LAN_LIMITS, LAN_PATHS } from '../../../electron/shared/lanContract';
import { CLIENT_NOTE_ID } from '../../../renderer/src/domain/writing';
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

/** One card as the fake server keeps it. */
export interface StoredNote {
  token: string;
  deviceId: string;
  clientId: string;
  participantId: string | null;
  text: string;
  version: number;
  withdrawn: boolean;
  updatedAt: number;
}

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
  /**
   * The next requests fail this way, one entry each: 'network' = no answer at
   * all (nothing stored); 'lost-answer' = the request is handled, but its answer
   * never arrives (the phone cannot tell it from 'network').
   */
  readonly failures: Array<LanErrorCode | 'network' | 'lost-answer'> = [];
  /** While set, every request gets no answer (the WLAN is gone); nothing is logged or stored. */
  offline = false;
  /** Writing rounds: cards by phone token and clientId, in the order they came. */
  readonly notes: StoredNote[] = [];
  /** Writing rounds: every new, changed or withdrawn card, as the renderer would receive it. */
  readonly noteEvents: LanNoteEvent[] = [];
  /** Writing rounds: the texts the facilitator shares with the phones. */
  shared: string[] = [];
  /** Writing rounds: the name each phone writes as (fixed with its first card). */
  readonly writers = new Map<string, string>();
  now = () => Date.now();

  constructor(
    public round: LanRound | LanWritingRound,
    public code: string,
  ) {}

  /** The live (not withdrawn) cards' texts, oldest first. */
  liveTexts(): string[] {
    return this.notes.filter((note) => !note.withdrawn).map((note) => note.text);
  }

  writingState(token: string): LanWritingPhoneState {
    const round = this.round as LanWritingRound;
    const own = this.writers.get(token) ?? null;
    const takenByOthers = new Set(
      [...this.writers.entries()].filter(([other]) => other !== token).map(([, id]) => id),
    );
    return {
      kind: 'write',
      round: {
        ...round,
        voters: round.anonymous
          ? []
          : round.voters.filter((voter) => (own ? voter.id === own : !takenByOthers.has(voter.id))),
      },
      status: this.status,
      participantId: own,
      notes: this.notes
        .filter((note) => note.token === token && !note.withdrawn)
        .map((note) => ({
          clientId: note.clientId,
          text: note.text,
          version: note.version,
          updatedAt: note.updatedAt,
        })),
      shared: this.shared.slice(),
    };
  }

  private noteEvent(note: StoredNote): void {
    this.noteEvents.push({
      seq: this.noteEvents.length + 1,
      roundId: this.round.roundId,
      deviceId: note.deviceId,
      clientId: note.clientId,
      participantId: note.participantId,
      text: note.withdrawn ? '' : note.text,
      withdrawn: note.withdrawn,
      version: note.version,
      receivedAt: note.updatedAt,
    });
  }

  private writeNote(token: string, body: Record<string, unknown>): LanErrorCode | null {
    const round = this.round as LanWritingRound;
    if (typeof body.clientId !== 'string' || !CLIENT_NOTE_ID.test(body.clientId)) return 'bad-request';
    if (typeof body.text !== 'string') return 'bad-request';
    const text = body.text.trim();
    if (text.length === 0 || text.length > LAN_LIMITS.maxNoteChars) return 'invalid-note';
    let participantId: string | null = null;
    if (!round.anonymous) {
      if (typeof body.participantId !== 'string') return 'bad-request';
      participantId = body.participantId;
      if (!round.voters.some((voter) => voter.id === participantId)) return 'bad-request';
      const own = this.writers.get(token);
      if (own !== undefined && own !== participantId) return 'bad-request';
      for (const [other, id] of this.writers)
        if (other !== token && id === participantId) return 'name-taken';
    }
    const existing = this.notes.find((note) => note.token === token && note.clientId === body.clientId);
    if (existing) {
      // A repeat, or a late retry of a card withdrawn since: stored once, nothing changes.
      if (existing.withdrawn || existing.text === text) return null;
      existing.text = text;
      existing.version += 1;
      existing.updatedAt = this.now();
      this.noteEvent(existing);
      return null;
    }
    const live = this.notes.filter((note) => note.token === token && !note.withdrawn).length;
    const limit = Math.min(round.maxNotesPerPerson ?? Infinity, LAN_LIMITS.maxNotesPerPhone);
    if (live >= limit) return 'note-limit';
    if (participantId !== null) this.writers.set(token, participantId);
    const note: StoredNote = {
      token,
      deviceId: this.tokens.get(token)!.deviceId,
      clientId: body.clientId,
      participantId,
      text,
      version: 1,
      withdrawn: false,
      updatedAt: this.now(),
    };
    this.notes.push(note);
    this.noteEvent(note);
    return null;
  }

  private withdrawNote(token: string, body: Record<string, unknown>): LanErrorCode | null {
    if (typeof body.clientId !== 'string' || !CLIENT_NOTE_ID.test(body.clientId)) return 'bad-request';
    const existing = this.notes.find((note) => note.token === token && note.clientId === body.clientId);
    if (!existing || existing.withdrawn) return null; // nothing to do, again: fine
    existing.withdrawn = true;
    existing.version += 1;
    existing.updatedAt = this.now();
    this.noteEvent(existing);
    return null;
  }

  /** Like the facilitator closing the round. */
  close(): void {
    this.status = 'closed';
  }

  phoneState(token: string): LanPhoneState {
    const round = this.round;
    if (round.kind === 'write') throw new Error('phoneState is for voting rounds; use writingState');
    return this.votingState(round, token);
  }

  /** What a phone with this token sees, whatever the kind of round. */
  stateFor(token: string): LanPhoneState | LanWritingPhoneState {
    return this.round.kind === 'write' ? this.writingState(token) : this.phoneState(token);
  }

  private votingState(round: LanRound, token: string): LanPhoneState {
    const own = [...this.ballots.values()].find((stored) => stored.token === token) ?? null;
    const { entitledCount: _entitled, voters, ...rest } = round;
    return {
      round: {
        ...rest,
        voters: rest.anonymous
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
    if (this.offline) return 'network';
    this.log.push(request);
    const failure = this.failures.shift();
    if (failure === 'network') return 'network';
    if (failure === 'lost-answer') {
      this.answer(request);
      return 'network';
    }
    const error = (code: LanErrorCode): FakeResponse => ({
      status: LAN_ERROR_STATUS[code],
      body: { error: code },
    });
    if (failure) return error(failure);
    return this.answer(request);
  }

  private answer(request: FakeRequest): FakeResponse {
    const error = (code: LanErrorCode): FakeResponse => ({
      status: LAN_ERROR_STATUS[code],
      body: { error: code },
    });
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
      return { status: 200, body: { token: next, state: this.stateFor(next) } };
    }
    if (request.method === 'GET' && request.path === LAN_PATHS.state) {
      if (!known) return error('no-token');
      return { status: 200, body: this.stateFor(token) };
    }
    if (
      request.method === 'POST' &&
      (request.path === LAN_PATHS.note || request.path === LAN_PATHS.withdraw)
    ) {
      if (!known) return error('no-token');
      if (this.round.kind !== 'write') return error('wrong-round');
      if (this.status === 'closed') return error('closed');
      const refused =
        request.path === LAN_PATHS.note ? this.writeNote(token, body) : this.withdrawNote(token, body);
      return refused ? error(refused) : { status: 200, body: this.writingState(token) };
    }
    if (request.method === 'POST' && request.path === LAN_PATHS.ballot) {
      if (!known) return error('no-token');
      if (this.round.kind === 'write') return error('wrong-round');
      const round = this.round;
      if (this.status === 'closed') return error('closed');
      const own = [...this.ballots.values()].find((stored) => stored.token === token);
      let participantId: string;
      if (round.anonymous) {
        participantId = this.tokens.get(token)!.deviceId;
        const others = [...this.ballots.values()].filter((stored) => stored.token !== token).length;
        if (!own && others >= round.entitledCount - this.taken.size) return error('full');
      } else {
        if (typeof body.participantId !== 'string') return error('bad-request');
        participantId = body.participantId;
        if (!round.voters.some((voter) => voter.id === participantId)) return error('bad-request');
        const stored = this.ballots.get(participantId);
        if (this.taken.has(participantId) || (stored && stored.token !== token)) return error('name-taken');
        if (own && own.participantId !== participantId) return error('bad-request');
      }
      const content = body.content as LanBallotContent;
      try {
        checkBallot(
          round.settings,
          round.items.map((item) => item.id),
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

export function writingRound(overrides: Partial<LanWritingRound> = {}): LanWritingRound {
  return {
    kind: 'write',
    roundId: 'write-1',
    prompt: 'Welche Aufgaben sollten wir zuerst automatisieren?',
    boardTitle: 'Bestandsaufnahme',
    maxNotesPerPerson: 5,
    anonymous: false,
    voters: [
      { id: 'p1', name: 'Anna Schmidt' },
      { id: 'p2', name: 'Bernd Müller' },
    ],
    closesAt: null,
    language: 'de',
    ...overrides,
  };
}
