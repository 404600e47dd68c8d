/**
 * The phone's outbox of a writing round, without the DOM: every new card,
 * change and withdrawal is an operation kept (in localStorage, see storage.ts)
 * until the laptop confirmed it, sent one at a time in the order written. The
 * server stores a card once per clientId, so sending an operation again after
 * a lost answer is harmless.
 */
import type { LanErrorCode, LanWritingPhoneState } from '../../electron/shared/lanContract';
import { LAN_LIMITS } from '../../electron/shared/lanContract';
import type { Message } from './i18n';

export interface NoteOp {
  /** The card, fixed for its life (see CLIENT_NOTE_ID in renderer/src/domain/writing.ts). */
  clientId: string;
  /** The card's new text: a new card or a change. Absent for a withdrawal. */
  text?: string;
  withdraw?: true;
  /** Named rounds: the name the card is written as. */
  participantId?: string;
  /** Sent at least once: the laptop may have it, so it is never merged or dropped unsent. */
  tried?: true;
}

export interface Outbox {
  code: string;
  roundId: string;
  /** The phone's token when the operations were written (kept with them, see storage.ts). */
  token: string;
  /** Named rounds: the name picked on this phone, until the first card fixes it. */
  participantId: string | null;
  ops: NoteOp[];
  /** The last state the laptop sent: the cards stay visible while it is out of reach. */
  state: LanWritingPhoneState | null;
  savedAt: number;
}

export type CardStatus = 'sent' | 'sending' | 'unsent' | 'stopped';

export interface MyCard {
  clientId: string;
  text: string;
  status: CardStatus;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 22 random base64url characters (132 bits) from the browser's random source. */
export function newClientId(): string {
  const bytes = new Uint8Array(22);
  window.crypto.getRandomValues(bytes);
  let id = '';
  for (let i = 0; i < bytes.length; i++) id += BASE64URL.charAt(bytes[i]! & 63);
  return id;
}

export function emptyOutbox(code: string, roundId: string, token: string): Outbox {
  return { code, roundId, token, participantId: null, ops: [], state: null, savedAt: 0 };
}

/**
 * Adds an operation. Operations never sent yet are folded together: a second
 * change of a card only replaces the text waiting to go, and a card withdrawn
 * before the laptop ever saw it is simply forgotten.
 */
export function enqueue(ops: readonly NoteOp[], op: NoteOp, knownToServer: boolean): NoteOp[] {
  const mine = ops.filter((queued) => queued.clientId === op.clientId);
  if (op.withdraw) {
    const everSent = knownToServer || mine.some((queued) => queued.tried);
    const rest = ops.filter((queued) => queued.clientId !== op.clientId || queued.tried);
    return everSent ? rest.concat(op) : rest;
  }
  const last = mine[mine.length - 1];
  if (last && !last.tried && !last.withdraw) {
    return ops.map((queued) => (queued === last ? { ...queued, text: op.text } : queued));
  }
  return ops.concat(op);
}

/** The head was sent (and maybe stored): it must not be folded or dropped unsent any more. */
export function markTried(ops: readonly NoteOp[]): NoteOp[] {
  return ops.map((op, index) => (index === 0 && !op.tried ? { ...op, tried: true } : op));
}

/**
 * The laptop refused the head: it and the card's later unsent operations go,
 * and the newest text of them comes back so nothing typed is lost.
 */
export function dropRefused(ops: readonly NoteOp[]): { ops: NoteOp[]; text: string | null } {
  const head = ops[0];
  if (!head) return { ops: [], text: null };
  if (head.withdraw) return { ops: ops.slice(1), text: null };
  let text: string | null = null;
  const rest = ops.filter((op, index) => {
    if (index > 0 && (op.clientId !== head.clientId || op.withdraw)) return true;
    if (op.text !== undefined) text = op.text;
    return false;
  });
  return { ops: rest, text };
}

/** The newest text of each card still waiting, in the order written (the name was taken: back to the field). */
export function unsentTexts(ops: readonly NoteOp[]): string[] {
  const latest: Record<string, string> = {};
  const order: string[] = [];
  for (const op of ops) {
    if (op.withdraw || op.text === undefined) continue;
    if (!(op.clientId in latest)) order.push(op.clientId);
    latest[op.clientId] = op.text;
  }
  return order.map((clientId) => latest[clientId]!);
}

/** Why the laptop refused an operation, in words. */
export function refusal(code: LanErrorCode, op: NoteOp, limit: number | null): Message {
  if (code === 'note-limit')
    return { key: 'write.noteLimit', params: { count: limit ?? LAN_LIMITS.maxNotesPerPhone } };
  if (code === 'invalid-note') return { key: 'write.invalidNote', params: { max: LAN_LIMITS.maxNoteChars } };
  return { key: op.withdraw ? 'write.withdrawRefused' : 'write.noteRefused', params: { code } };
}

/** This phone's cards as the person sees them: the laptop's, with what is still on its way. */
export function myCards(
  notes: LanWritingPhoneState['notes'],
  ops: readonly NoteOp[],
  pending: Exclude<CardStatus, 'sent'>,
): MyCard[] {
  const cards: MyCard[] = notes.map((note) => ({ clientId: note.clientId, text: note.text, status: 'sent' }));
  for (const op of ops) {
    const index = indexOf(cards, op.clientId);
    if (op.withdraw) {
      if (index >= 0) cards.splice(index, 1);
    } else if (index >= 0) cards[index] = { clientId: op.clientId, text: op.text ?? '', status: pending };
    else cards.push({ clientId: op.clientId, text: op.text ?? '', status: pending });
  }
  return cards;
}

function indexOf(cards: readonly MyCard[], clientId: string): number {
  for (let i = 0; i < cards.length; i++) if (cards[i]!.clientId === clientId) return i;
  return -1;
}

/** Cards the person may still write (null: the round sets no limit). */
export function cardsLeft(limit: number | null, cards: readonly MyCard[]): number | null {
  return limit === null ? null : Math.max(0, limit - cards.length);
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** An outbox read back from storage, or null when it is not one (old or damaged data). */
export function sanitizeOutbox(raw: unknown, isState: (value: unknown) => boolean): Outbox | null {
  if (!raw || typeof raw !== 'object') return null;
  const box = raw as Record<string, unknown>;
  if (!isString(box.code) || !isString(box.roundId) || !isString(box.token) || !Array.isArray(box.ops))
    return null;
  const ops: NoteOp[] = [];
  for (const entry of box.ops as unknown[]) {
    if (!entry || typeof entry !== 'object') return null;
    const op = entry as Record<string, unknown>;
    if (!isString(op.clientId) || (op.withdraw !== true && !isString(op.text))) return null;
    const clean: NoteOp = { clientId: op.clientId };
    if (op.withdraw === true) clean.withdraw = true;
    else clean.text = op.text as string;
    if (isString(op.participantId)) clean.participantId = op.participantId;
    if (op.tried === true) clean.tried = true;
    ops.push(clean);
  }
  return {
    code: box.code,
    roundId: box.roundId,
    token: box.token,
    participantId: isString(box.participantId) ? box.participantId : null,
    ops,
    state: isState(box.state) ? (box.state as LanWritingPhoneState) : null,
    savedAt: typeof box.savedAt === 'number' ? box.savedAt : 0,
  };
}
