/**
 * Voting from phones over the room's local network (Handy-Abstimmung).
 *
 * Three parties share these types, and nothing else of each other:
 * - the renderer (facilitator's laptop), which owns the data and tells the host
 *   which round to offer (through the preload in the desktop app, or the
 *   control API of `npm run web` in the browser);
 * - the LAN server (electron/main/lan, plain Node), which offers exactly that
 *   round to phones and collects their ballots;
 * - the phone page (renderer/phone), which talks to the LAN server only.
 *
 * No electron, DOM or renderer import here: main compiles it as CommonJS.
 */

export type LanLanguage = 'de' | 'en';

/** A network interface the server can listen on, picked by the facilitator. */
export interface LanInterface {
  /** Stable within one run, e.g. "wlan0:192.168.1.20" or "loopback". */
  id: string;
  /** What the facilitator sees, e.g. "WLAN (wlan0) – 192.168.1.20". */
  label: string;
  /** IPv4 address the server binds to. */
  address: string;
  /** Only reachable from this computer (for trying it out). */
  loopback: boolean;
}

/** Same shape as the renderer's VotingSettings (domain/votingTally.ts); kept in step by a test. */
export type LanVotingSettings =
  | { method: 'dots'; dots: number; maxPerItem: number }
  | { method: 'points'; total: number }
  | { method: 'ranking'; topK: number }
  | { method: 'impactEffort' };

/** Same shape as the renderer's BallotContent. */
export type LanBallotContent =
  | { method: 'dots'; dots: Record<string, number> }
  | { method: 'points'; points: Record<string, number> }
  | { method: 'ranking'; order: string[] }
  | { method: 'impactEffort'; ratings: Record<string, { impact: number; effort: number }> };

/**
 * The open round as phones may see it. This is everything the server knows of
 * the workshop: no other board, card, name or result ever reaches it.
 */
export interface LanRound {
  /** A voting round (absent in older callers means the same). */
  kind?: 'vote';
  roundId: string;
  /** The round's title, e.g. "Priorisierung der Handlungsschwerpunkte". */
  title: string;
  settings: LanVotingSettings;
  /** The items voted on, with the labels fixed at the round's start. */
  items: Array<{ id: string; label: string }>;
  /** Anonymous rounds: phones pick no name. */
  anonymous: boolean;
  /** Named rounds: the entitled participants a phone picks from. Anonymous: []. */
  voters: Array<{ id: string; name: string }>;
  /** How many people are entitled to vote: an anonymous round accepts at most this many phones' ballots. */
  entitledCount: number;
  /** Closes by itself at this time (ms since epoch), or null. */
  closesAt: number | null;
  /** The phone page starts in this language (the laptop's UI language); phones can switch. */
  language: LanLanguage;
}

/**
 * A writing round (Schreibrunde) as phones may see it: the prompt, the limit,
 * and in named rounds the names to pick from. Nothing else of the workshop.
 */
export interface LanWritingRound {
  kind: 'write';
  roundId: string;
  /** The question, e.g. "Welche Aufgaben sollten wir zuerst automatisieren?" (≤ 300 characters). */
  prompt: string;
  /** The board's title, for orientation on the phone. */
  boardTitle: string;
  /** At most this many cards per person, withdrawn ones not counted; null = no limit (the server still caps at LAN_LIMITS.maxNotesPerPhone). */
  maxNotesPerPerson: number | null;
  anonymous: boolean;
  /** Named rounds: the workshop's participants a phone picks from (one phone per name). Anonymous: []. */
  voters: Array<{ id: string; name: string }>;
  closesAt: number | null;
  language: LanLanguage;
}

export interface LanOpenRequest {
  /** Writing rounds: `taken` is [] (any name can write, one phone per name). */
  round: LanRound | LanWritingRound;
  interfaceId: string;
  /**
   * Participants who already voted on the laptop: a phone cannot pick their name
   * (named), and an anonymous round accepts that many fewer phones' ballots.
   */
  taken: string[];
}

/** A running LAN session: what the facilitator shows (QR code, join code, address). */
export interface LanSession {
  roundId: string;
  /** Printed in the QR code, e.g. "http://192.168.1.20:8730/j/K7M2QX". */
  joinUrl: string;
  /** Short code for typing, six characters from LAN_JOIN_CODE_ALPHABET. */
  joinCode: string;
  /** "http://192.168.1.20:8730" – for typing the address by hand. */
  baseUrl: string;
  interfaceLabel: string;
}

export type LanOpenResult =
  | { status: 'open'; session: LanSession }
  | { status: 'failed'; reason: 'no-interface' | 'address-unavailable' | 'unsupported' };

/** Changes while a round is open: a laptop ballot was cast, the closing time moved. */
export interface LanUpdateRequest {
  roundId: string;
  taken: string[];
  closesAt: number | null;
  /**
   * Writing rounds: the texts phones may see besides their own (the cards the
   * facilitator accepted, when "Angenommene Karten auf den Handys zeigen" is
   * on); [] hides them again. Absent = unchanged. Never who wrote them.
   */
  shared?: string[];
}

/**
 * One ballot from a phone. The same participantId comes again when the phone
 * changes its ballot: the renderer stores it over the previous one.
 */
export interface LanBallotEvent {
  /** Increases by one per received or changed ballot, from 1. */
  seq: number;
  roundId: string;
  /**
   * Named rounds: the participant the phone picked (one phone per name).
   * Anonymous rounds: "device-" and 16 random hex characters, one per phone
   * (never the secret ballot token).
   */
  participantId: string;
  content: LanBallotContent;
  receivedAt: number;
}

/**
 * One card from a phone in a writing round: new, edited or withdrawn. The
 * renderer stores (roundId, deviceId, clientId) once and ignores versions it
 * already has, so a card sent twice (retry after a lost answer) is stored once.
 */
export interface LanNoteEvent {
  /** Shares the counter with ballots: increases by one per event, from 1. */
  seq: number;
  roundId: string;
  /** The phone: "device-" and 16 random hex characters (also in named rounds; never the token). */
  deviceId: string;
  /** The phone's own id for the card (CLIENT_NOTE_ID pattern), fixed for its life. */
  clientId: string;
  /** Named rounds: the participant the phone writes as; anonymous: null. */
  participantId: string | null;
  /** The card's text (≤ LAN_LIMITS.maxNoteChars); '' when withdrawn. */
  text: string;
  withdrawn: boolean;
  /** 1 for the first send, +1 per change or withdrawal of this card. */
  version: number;
  receivedAt: number;
}

export interface LanEventsRequest {
  roundId: string;
  /** The last seq the renderer has stored; 0 at first. */
  after: number;
  /** Wait up to this long for something new (long poll), at most LAN_LIMITS.maxWaitMs. */
  waitMs: number;
}

/** Ballots newer than `after`, and the live figures for the facilitator. */
export interface LanEvents {
  roundId: string;
  /** False when the session ended (stopped, closed, or the host restarted). */
  running: boolean;
  ballots: LanBallotEvent[];
  /** Writing rounds: cards newer than `after` (absent or [] for voting rounds). */
  notes?: LanNoteEvent[];
  /** Phones that joined with the code (opened the page), for "7 Handys verbunden". */
  phones: number;
}

/** The host side of phone voting, as the renderer's platform layer sees it. */
export interface LanControl {
  interfaces(): Promise<LanInterface[]>;
  open(request: LanOpenRequest): Promise<LanOpenResult>;
  update(request: LanUpdateRequest): Promise<void>;
  /** Stops serving the round; phones see "Die Abstimmung ist beendet". */
  close(roundId: string): Promise<void>;
  events(request: LanEventsRequest): Promise<LanEvents>;
  /** The running session, if any (after a reload of the renderer). */
  current(): Promise<LanSession | null>;
}

// ---------------------------------------------------------------------------
// The phone API (HTTP, JSON). Paths are relative to the session's baseUrl.
// Every POST needs Content-Type application/json and an Origin equal to the
// baseUrl; every call after joining sends `Authorization: Bearer <token>`.
// ---------------------------------------------------------------------------

export const LAN_PATHS = {
  /** The page; `/j/<joinCode>` opens it with the code filled in. */
  page: '/',
  joinPage: '/j/',
  /** POST {code} → LanJoinResponse. */
  join: '/api/join',
  /** GET → LanPhoneState. */
  state: '/api/state',
  /** POST LanBallotRequest → LanPhoneState. */
  ballot: '/api/ballot',
  /** Writing rounds: POST LanNoteRequest → LanWritingPhoneState (create or change; idempotent). */
  note: '/api/note',
  /** Writing rounds: POST LanWithdrawRequest → LanWritingPhoneState (idempotent). */
  withdraw: '/api/note/withdraw',
} as const;

export interface LanJoinRequest {
  code: string;
  /** A token this phone got before (reload): kept when still valid for this round. */
  token?: string;
}

export interface LanJoinResponse {
  /** Random, 43 base64url characters; the phone keeps it in localStorage. */
  token: string;
  state: LanPhoneState | LanWritingPhoneState;
}

/** What one phone sees: the round, which names are still free, and its own ballot. */
export interface LanPhoneState {
  /** A voting round (older servers: absent). */
  kind?: 'vote';
  round: Omit<LanRound, 'voters' | 'entitledCount'> & {
    /** Named rounds: the names still free, plus this phone's own. */
    voters: Array<{ id: string; name: string }>;
  };
  status: 'open' | 'closed';
  /** This phone's ballot as stored, or null before its first vote. */
  ballot: { participantId: string; content: LanBallotContent; updatedAt: number } | null;
}

export interface LanBallotRequest {
  /** Named rounds: the picked participant; anonymous rounds: omitted. */
  participantId?: string;
  content: LanBallotContent;
}

/** What one phone sees of a writing round: the prompt, its own cards, and what the facilitator shares. */
export interface LanWritingPhoneState {
  kind: 'write';
  round: Omit<LanWritingRound, 'voters'> & {
    /** Named rounds: the names still free, plus this phone's own (once it wrote, only that one). */
    voters: Array<{ id: string; name: string }>;
  };
  status: 'open' | 'closed';
  /** Named rounds: the name this phone writes as, fixed with its first card; else null. */
  participantId: string | null;
  /** This phone's cards as stored, oldest first, withdrawn ones left out. */
  notes: Array<{ clientId: string; text: string; version: number; updatedAt: number }>;
  /** Texts the facilitator shares (accepted cards), or [] when not shared. */
  shared: string[];
}

export interface LanNoteRequest {
  /** The phone's id for the card; the same id again changes the card (or is a repeat). */
  clientId: string;
  /** 1–LAN_LIMITS.maxNoteChars characters after trimming. */
  text: string;
  /** Named rounds: the picked participant; anonymous rounds: omitted. */
  participantId?: string;
}

export interface LanWithdrawRequest {
  clientId: string;
}

/** Error bodies: `{ error: LanErrorCode }`; the phone page words them in its language. */
export type LanErrorCode =
  | 'bad-host'
  | 'bad-origin'
  | 'bad-content-type'
  | 'too-large'
  | 'too-many-requests'
  | 'bad-request'
  | 'wrong-code'
  | 'no-token'
  | 'closed'
  | 'name-taken'
  | 'full'
  | 'invalid-ballot'
  | 'not-found'
  /** Writing: the text is empty or longer than LAN_LIMITS.maxNoteChars. */
  | 'invalid-note'
  /** Writing: this person has as many cards as the round allows. */
  | 'note-limit'
  /** The request is for the other kind of round (a card to a voting round, a ballot to a writing round). */
  | 'wrong-round';

/** The HTTP status the server answers each error with. */
export const LAN_ERROR_STATUS: Readonly<Record<LanErrorCode, number>> = {
  'bad-host': 403,
  'bad-origin': 403,
  'bad-content-type': 415,
  'too-large': 413,
  'too-many-requests': 429,
  'bad-request': 400,
  'wrong-code': 403,
  'no-token': 401,
  closed: 410,
  'name-taken': 409,
  full: 409,
  'invalid-ballot': 422,
  'not-found': 404,
  'invalid-note': 422,
  'note-limit': 409,
  'wrong-round': 409,
};

export const LAN_LIMITS = {
  /** Largest request body, bytes (a ballot of 200 items fits easily). */
  maxBodyBytes: 16 * 1024,
  /** Requests per client address per window. */
  rateLimit: 60,
  rateWindowMs: 10_000,
  /** Wrong join codes per client address per window, before 429. */
  wrongCodeLimit: 10,
  /** Longest long poll of the renderer. */
  maxWaitMs: 25_000,
  /** Phones (tokens) per round. */
  maxTokens: 500,
  joinCodeLength: 6,
  /** Longest card text from a phone, characters. */
  maxNoteChars: 300,
  /** Cards one phone may hold in a round, whatever the facilitator's limit. */
  maxNotesPerPhone: 50,
  /** Sends (new, changed, withdrawn) one phone may make in a round; keeps the event log bounded. */
  maxNoteSendsPerPhone: 300,
  /** Texts shared back to phones at most. */
  maxShared: 500,
} as const;

/** Join codes avoid look-alikes (0/O, 1/I/L) so they can be read off a projector. */
export const LAN_JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
