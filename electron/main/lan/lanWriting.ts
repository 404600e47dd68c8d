/**
 * One writing round (Schreibrunde) offered to phones: join code, a token and a
 * device id per phone, the cards each phone wrote, and the event log the
 * renderer reads. Same shape as lanRound.ts: no HTTP (lanServer.ts does that)
 * and no clock of its own, so the rules are tested directly.
 *
 * Rules:
 * - A phone joins with the join code and gets a random token (kept on reload)
 *   and a random device id ("device-" and 16 hex characters), also in named
 *   rounds; events name the device, never the token.
 * - A card is (phone, clientId). Sending is idempotent, so a phone may retry
 *   whatever it is unsure of: a new clientId creates the card (version 1, one
 *   event); the same clientId with the same text is a repeat (no event, the
 *   state is returned); another text changes it (version + 1, one event).
 * - Withdrawing: an unknown or already withdrawn clientId is a no-op (state
 *   returned); else the card is withdrawn (version + 1, one event with text ''
 *   and withdrawn true). A withdrawn card stays withdrawn: a later note() for
 *   its clientId is a no-op too (state returned without the card), so a
 *   delayed retry of the original send cannot bring it back. A phone that
 *   wants the text again writes a new card (new clientId).
 * - Text: CR LF and CR become LF, then NFC, trimmed; 1..maxNoteChars UTF-16
 *   code units (what a textarea's maxlength counts, never more than the
 *   renderer's count); no control characters but line feed and tab, no lone
 *   surrogates: else 'invalid-note'.
 * - Limits: the round's maxNotesPerPerson and LAN_LIMITS.maxNotesPerPhone
 *   count cards not withdrawn ('note-limit'); every new, changed or withdrawn
 *   card is a send, at most maxNoteSendsPerPhone per phone
 *   ('too-many-requests'), which bounds the event log; at most maxTokens phones.
 * - Named rounds: a card names a participant of round.voters; the first card
 *   binds the name to the phone (one phone per name, 'name-taken'); the phone
 *   then sees only that name. Anonymous rounds: no participantId, events carry
 *   null. `taken` of the LanOpenRequest does not apply to writing rounds.
 * - Closed (close() or closesAt passed): no card is taken or withdrawn
 *   ('closed'); phones still read their state.
 */
import type {
  LanNoteEvent,
  LanNoteRequest,
  LanWithdrawRequest,
  LanWritingPhoneState,
  LanWritingRound,
} from '../../shared/lanContract';
import { LAN_LIMITS } from '../../shared/lanContract';
import { newDeviceId, newJoinCode } from './lanGuards';
import { joinPhone, type LanResult } from './lanRound';
import { LAN_CLIENT_NOTE_ID } from './lanSchemas';

/** Longest text shared back to phones (a board card holds at most 2,000 characters). */
export const LAN_MAX_SHARED_CHARS = 2000;

interface Card {
  clientId: string;
  text: string;
  version: number;
  updatedAt: number;
  withdrawn: boolean;
}

interface WritingPhone {
  deviceId: string;
  /** Named rounds: the participant this phone writes as, fixed with its first card. */
  participantId: string | null;
  /** clientId → card, in the order they were first sent. */
  cards: Map<string, Card>;
  /** New, changed and withdrawn cards so far. */
  sends: number;
}

export interface LanWritingLimits {
  maxNoteChars: number;
  maxNotesPerPhone: number;
  maxNoteSendsPerPhone: number;
  maxShared: number;
}

export interface LanWritingUpdate {
  closesAt: number | null;
  /** Texts phones may see besides their own; absent = unchanged. */
  shared?: readonly string[];
}

export interface LanWritingState {
  readonly kind: 'write';
  readonly round: LanWritingRound;
  readonly joinCode: string;
  status(): 'open' | 'closed';
  /** The closing time moved, or the shared texts changed. */
  update(update: LanWritingUpdate): void;
  /** Phones see the round as closed; no card is taken any more. */
  close(): void;
  /** Whether close() was called (a passed closesAt does not count). */
  closedByHost(): boolean;
  join(code: string, token: string | undefined): LanResult<{ token: string; state: LanWritingPhoneState }>;
  /** Null for an unknown token. */
  phoneState(token: string): LanWritingPhoneState | null;
  note(token: string, request: LanNoteRequest): LanResult<LanWritingPhoneState>;
  withdraw(token: string, request: LanWithdrawRequest): LanResult<LanWritingPhoneState>;
  eventsAfter(after: number): LanNoteEvent[];
  lastSeq(): number;
  phones(): number;
  /** Called after every new, changed or withdrawn card, new phone, update and close. */
  onChange(listener: () => void): () => void;
}

/** C0 and C1 control characters and DEL, except line feed and tab. */
function hasControlChar(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x09) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The text as stored, or null when it cannot be a card ('invalid-note'). */
export function cleanLanNoteText(input: string, maxChars: number = LAN_LIMITS.maxNoteChars): string | null {
  const text = input.replace(/\r\n?/g, '\n').normalize('NFC').trim();
  if (text.length === 0 || text.length > maxChars) return null;
  if (hasControlChar(text) || LONE_SURROGATE.test(text)) return null;
  return text;
}

/** At most `max` UTF-16 code units, never half a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

export function createLanWritingRound(
  round: LanWritingRound,
  options: { now: () => number; maxTokens: number; limits?: Partial<LanWritingLimits> },
): LanWritingState {
  const limits: LanWritingLimits = {
    maxNoteChars: LAN_LIMITS.maxNoteChars,
    maxNotesPerPhone: LAN_LIMITS.maxNotesPerPhone,
    maxNoteSendsPerPhone: LAN_LIMITS.maxNoteSendsPerPhone,
    maxShared: LAN_LIMITS.maxShared,
    ...options.limits,
  };
  const joinCode = newJoinCode();
  const phones = new Map<string, WritingPhone>();
  /** Named rounds: participant id → the token that writes as it. */
  const claims = new Map<string, string>();
  const events: LanNoteEvent[] = [];
  const listeners = new Set<() => void>();
  const voterIds = new Set(round.voters.map((v) => v.id));
  const maxActive = Math.min(round.maxNotesPerPerson ?? Infinity, limits.maxNotesPerPhone);
  let closesAt = round.closesAt;
  let closed = false;
  let shared: string[] = [];

  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  function status(): 'open' | 'closed' {
    return closed || (closesAt !== null && options.now() >= closesAt) ? 'closed' : 'open';
  }

  function phoneState(token: string): LanWritingPhoneState | null {
    const phone = phones.get(token);
    if (!phone) return null;
    const { voters: _voters, ...visible } = round;
    const owner = (id: string) => claims.get(id);
    return {
      kind: 'write',
      round: {
        ...visible,
        closesAt,
        // Once a phone wrote, its name is fixed: it sees only that one.
        voters: round.anonymous
          ? []
          : round.voters.filter((v) =>
              phone.participantId !== null
                ? v.id === phone.participantId
                : owner(v.id) === undefined || owner(v.id) === token,
            ),
      },
      status: status(),
      participantId: phone.participantId,
      notes: [...phone.cards.values()]
        .filter((card) => !card.withdrawn)
        .map(({ clientId, text, version, updatedAt }) => ({ clientId, text, version, updatedAt })),
      shared: [...shared],
    };
  }

  function record(phone: WritingPhone, card: Card): void {
    phone.sends += 1;
    events.push({
      seq: events.length + 1,
      roundId: round.roundId,
      deviceId: phone.deviceId,
      clientId: card.clientId,
      participantId: phone.participantId,
      text: card.text,
      withdrawn: card.withdrawn,
      version: card.version,
      receivedAt: card.updatedAt,
    });
    notify();
  }

  /** Who the phone writes as, checked against the round; the name is bound by the caller. */
  function writer(
    phone: WritingPhone,
    token: string,
    participantId: string | undefined,
  ): LanResult<string | null> {
    if (round.anonymous) {
      return participantId === undefined ? { ok: true, value: null } : { ok: false, error: 'bad-request' };
    }
    if (participantId === undefined || !voterIds.has(participantId))
      return { ok: false, error: 'bad-request' };
    if (phone.participantId !== null && phone.participantId !== participantId) {
      return { ok: false, error: 'name-taken' };
    }
    const owner = claims.get(participantId);
    if (owner !== undefined && owner !== token) return { ok: false, error: 'name-taken' };
    return { ok: true, value: participantId };
  }

  return {
    kind: 'write',
    round,
    joinCode,
    status,
    update(next) {
      closesAt = next.closesAt;
      if (next.shared !== undefined) {
        shared = next.shared.slice(0, limits.maxShared).map((text) => cut(text, LAN_MAX_SHARED_CHARS));
      }
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
        register: () => ({ deviceId: newDeviceId(), participantId: null, cards: new Map(), sends: 0 }),
        stateOf: (known) => phoneState(known)!,
        notify,
      });
    },
    phoneState,
    note(token, request) {
      const phone = phones.get(token);
      if (!phone) return { ok: false, error: 'no-token' };
      if (status() === 'closed') return { ok: false, error: 'closed' };
      if (!LAN_CLIENT_NOTE_ID.test(request.clientId)) return { ok: false, error: 'bad-request' };
      const who = writer(phone, token, request.participantId);
      if (!who.ok) return who;
      const text = cleanLanNoteText(request.text, limits.maxNoteChars);
      if (text === null) return { ok: false, error: 'invalid-note' };
      const existing = phone.cards.get(request.clientId);
      // A repeat, or a late retry of a card the phone has withdrawn since: nothing changes.
      if (existing && (existing.withdrawn || existing.text === text)) {
        return { ok: true, value: phoneState(token)! };
      }
      if (!existing) {
        const active = [...phone.cards.values()].filter((card) => !card.withdrawn).length;
        if (active >= maxActive) return { ok: false, error: 'note-limit' };
      }
      if (phone.sends >= limits.maxNoteSendsPerPhone) return { ok: false, error: 'too-many-requests' };
      const now = options.now();
      if (who.value !== null) {
        phone.participantId = who.value;
        claims.set(who.value, token);
      }
      const card: Card = existing
        ? { ...existing, text, version: existing.version + 1, updatedAt: now }
        : { clientId: request.clientId, text, version: 1, updatedAt: now, withdrawn: false };
      phone.cards.set(card.clientId, card);
      record(phone, card);
      return { ok: true, value: phoneState(token)! };
    },
    withdraw(token, request) {
      const phone = phones.get(token);
      if (!phone) return { ok: false, error: 'no-token' };
      if (status() === 'closed') return { ok: false, error: 'closed' };
      if (!LAN_CLIENT_NOTE_ID.test(request.clientId)) return { ok: false, error: 'bad-request' };
      const existing = phone.cards.get(request.clientId);
      if (!existing || existing.withdrawn) return { ok: true, value: phoneState(token)! };
      if (phone.sends >= limits.maxNoteSendsPerPhone) return { ok: false, error: 'too-many-requests' };
      const card: Card = {
        ...existing,
        text: '',
        version: existing.version + 1,
        updatedAt: options.now(),
        withdrawn: true,
      };
      phone.cards.set(card.clientId, card);
      record(phone, card);
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
