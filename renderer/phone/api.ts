/**
 * The phone API of electron/shared/lanContract.ts as five calls. Every answer
 * is a result, never a throw: a LanErrorCode from the server, or "network"
 * when the laptop cannot be reached (or answers with something that is not the
 * API, e.g. a captive portal).
 */
import type {
  LanBallotRequest,
  LanErrorCode,
  LanJoinRequest,
  LanJoinResponse,
  LanNoteRequest,
  LanPhoneState,
  LanWithdrawRequest,
  LanWritingPhoneState,
} from '../../electron/shared/lanContract';
import { LAN_PATHS } from '../../electron/shared/lanContract';

export type ApiError = LanErrorCode | 'network';
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

const ERROR_CODES: readonly string[] = [
  'bad-host',
  'bad-origin',
  'bad-content-type',
  'too-large',
  'too-many-requests',
  'bad-request',
  'wrong-code',
  'no-token',
  'closed',
  'name-taken',
  'full',
  'invalid-ballot',
  'not-found',
  'invalid-note',
  'note-limit',
  'wrong-round',
] satisfies readonly LanErrorCode[];

/** What the server says about the round a phone joined: a vote or a writing round. */
export type AnyPhoneState = LanPhoneState | LanWritingPhoneState;

/** Phones on a busy WLAN can be slow, but a request that hangs must end. */
const TIMEOUT_MS = 15_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Enough of a LanPhoneState to draw the page without tripping over a wrong shape. */
export function isPhoneState(value: unknown): value is LanPhoneState {
  if (!isObject(value) || !isObject(value.round)) return false;
  const round = value.round;
  const settings = round.settings;
  const validList = (list: unknown, field: 'label' | 'name') =>
    Array.isArray(list) &&
    list.every(
      (entry) => isObject(entry) && typeof entry.id === 'string' && typeof entry[field] === 'string',
    );
  return (
    (value.status === 'open' || value.status === 'closed') &&
    typeof round.roundId === 'string' &&
    typeof round.title === 'string' &&
    typeof round.anonymous === 'boolean' &&
    isObject(settings) &&
    ['dots', 'points', 'ranking', 'impactEffort'].indexOf(settings.method as string) >= 0 &&
    validList(round.items, 'label') &&
    validList(round.voters, 'name') &&
    (value.ballot === null ||
      (isObject(value.ballot) &&
        typeof value.ballot.participantId === 'string' &&
        isObject(value.ballot.content) &&
        value.ballot.content.method === settings.method))
  );
}

const validVoters = (list: unknown) =>
  Array.isArray(list) &&
  list.every((entry) => isObject(entry) && typeof entry.id === 'string' && typeof entry.name === 'string');

/** Enough of a LanWritingPhoneState to draw the writing screen safely. */
export function isWritingState(value: unknown): value is LanWritingPhoneState {
  if (!isObject(value) || value.kind !== 'write' || !isObject(value.round)) return false;
  const round = value.round;
  const limit = round.maxNotesPerPerson;
  const closesAt = round.closesAt;
  return (
    (value.status === 'open' || value.status === 'closed') &&
    typeof round.roundId === 'string' &&
    typeof round.prompt === 'string' &&
    typeof round.boardTitle === 'string' &&
    typeof round.anonymous === 'boolean' &&
    (limit === null || (typeof limit === 'number' && limit >= 0)) &&
    (closesAt === null || typeof closesAt === 'number') &&
    validVoters(round.voters) &&
    (value.participantId === null || typeof value.participantId === 'string') &&
    Array.isArray(value.notes) &&
    value.notes.every(
      (note) => isObject(note) && typeof note.clientId === 'string' && typeof note.text === 'string',
    ) &&
    Array.isArray(value.shared) &&
    value.shared.every((text) => typeof text === 'string')
  );
}

const isAnyState = (value: unknown): value is AnyPhoneState => isWritingState(value) || isPhoneState(value);

export class PhoneApi {
  private token: string | null = null;

  constructor(private readonly fetchImpl: Fetch = (input, init) => window.fetch(input, init)) {}

  setToken(token: string | null): void {
    this.token = token;
  }

  async join(request: LanJoinRequest): Promise<ApiResult<LanJoinResponse>> {
    const result = await this.call('POST', LAN_PATHS.join, request);
    if (!result.ok) return result;
    const body = result.value;
    if (!isObject(body) || typeof body.token !== 'string' || !isAnyState(body.state))
      return { ok: false, error: 'network' };
    this.token = body.token;
    return { ok: true, value: { token: body.token, state: body.state } };
  }

  async state(): Promise<ApiResult<AnyPhoneState>> {
    return this.checked(await this.call('GET', LAN_PATHS.state), isAnyState);
  }

  async ballot(request: LanBallotRequest): Promise<ApiResult<LanPhoneState>> {
    return this.checked(await this.call('POST', LAN_PATHS.ballot, request), isPhoneState);
  }

  /** A new card or a changed one (the same clientId again); safe to repeat. */
  async note(request: LanNoteRequest): Promise<ApiResult<LanWritingPhoneState>> {
    return this.checked(await this.call('POST', LAN_PATHS.note, request), isWritingState);
  }

  async withdraw(request: LanWithdrawRequest): Promise<ApiResult<LanWritingPhoneState>> {
    return this.checked(await this.call('POST', LAN_PATHS.withdraw, request), isWritingState);
  }

  private checked<T>(result: ApiResult<unknown>, valid: (value: unknown) => value is T): ApiResult<T> {
    if (!result.ok) return result;
    return valid(result.value) ? { ok: true, value: result.value } : { ok: false, error: 'network' };
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResult<unknown>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token !== null) headers.Authorization = `Bearer ${this.token}`;
    const init: RequestInit = { method, headers, cache: 'no-store', credentials: 'omit' };
    if (body !== undefined) init.body = JSON.stringify(body);
    // AbortController arrived in Safari 12.1; older phones just stop waiting.
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    if (controller) init.signal = controller.signal;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        if (controller) controller.abort();
        resolve('timeout');
      }, TIMEOUT_MS);
    });
    try {
      const response = await Promise.race([this.fetchImpl(path, init), timeout]);
      if (response === 'timeout') return { ok: false, error: 'network' };
      let parsed: unknown;
      try {
        parsed = await response.json();
      } catch {
        return { ok: false, error: 'network' };
      }
      if (response.ok) return { ok: true, value: parsed };
      const code = isObject(parsed) ? parsed.error : undefined;
      if (typeof code === 'string' && ERROR_CODES.indexOf(code) >= 0)
        return { ok: false, error: code as LanErrorCode };
      return { ok: false, error: 'network' };
    } catch {
      return { ok: false, error: 'network' };
    } finally {
      clearTimeout(timer);
    }
  }
}
