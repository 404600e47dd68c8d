/**
 * A writing round (Schreibrunde) open to phones: what the LAN server is told,
 * how a card event from it is checked and stored, and the session's visible
 * state. The session itself (one at a time, voting or writing), the long-poll
 * loop, the drain on close and the throttled announcements are shared with
 * phone voting in features/voting/phone/phoneVoting.ts; this file is only the
 * part that differs.
 *
 * Cards from phones are stored like phone ballots: checked for shape here,
 * then by the domain (receiveNote: idempotent, newer versions only), written
 * as one change without an undo step (Strg+Z at the laptop never takes back a
 * participant's card).
 */
import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import {
  LAN_LIMITS,
  type LanLanguage,
  type LanSession,
  type LanWritingRound,
} from '../../../../electron/shared/lanContract';
import { DomainError } from '../../domain/errors';
import type { BoardId, WorkshopId, WritingRoundId } from '../../domain/ids';
import type { Participant, WritingRound } from '../../domain/types';
import { acceptsNotes, receiveNote, type ArrivingNote, type ReceiveContext } from '../../domain/writing';
import { getDb } from '../../persistence/db';
import { countInboxNotes, findInboxNote, findWritingRound } from '../../persistence/writingHooks';
import { useAppStore } from '../../state/store';
import { describeError, writes } from '../app/commands';
import {
  busyMessage,
  currentPhoneSession,
  openPhoneSession,
  stopPhoneSession,
  subscribePhoneSession,
  updateHost,
  type OpenOutcome,
} from '../voting/phone/phoneVoting';

export interface PhoneWriting {
  kind: 'write';
  workshopId: WorkshopId;
  roundId: WritingRoundId;
  boardId: BoardId;
  prompt: string;
  session: LanSession;
  /** Phones that joined with the code. */
  phones: number;
  /** New cards stored in this session (edits and withdrawals not counted). */
  received: number;
  /** Card events refused (malformed, or the domain said no); never stored. */
  rejected: number;
  /** After a reload: the first events are stored again before anything new is announced. */
  synced: boolean;
  /** The host has not answered a few times in a row (it is asked again and again). */
  unreachable: boolean;
}

/** The visible state of a writing session just opened or taken over. */
export function phoneWritingOf(round: WritingRound, session: LanSession, synced: boolean): PhoneWriting {
  return {
    kind: 'write',
    workshopId: round.workshopId,
    roundId: round.id,
    boardId: round.boardId,
    prompt: round.prompt,
    session,
    phones: 0,
    received: 0,
    rejected: 0,
    synced,
    unreachable: false,
  };
}

const writingOnly = (): PhoneWriting | null => {
  const running = currentPhoneSession();
  return running?.kind === 'write' ? running : null;
};

/** The writing round open to phones, or null (also while phone voting runs). */
export function usePhoneWriting(): PhoneWriting | null {
  return useSyncExternalStore(subscribePhoneSession, writingOnly);
}

export function currentPhoneWriting(): PhoneWriting | null {
  return writingOnly();
}

function announce(text: string): void {
  useAppStore.getState().announce(text);
}

// ---------------------------------------------------------------- what the host is told

function lanLanguage(language: string): LanLanguage {
  return language.startsWith('en') ? 'en' : 'de';
}

/**
 * The round as phones may see it: the prompt, the board's title, the limit,
 * and in named rounds the workshop's participants to pick from. Nothing else.
 */
export function lanWritingRoundOf(
  round: WritingRound,
  boardTitle: string,
  participants: readonly Participant[],
  language: string,
): LanWritingRound {
  return {
    kind: 'write',
    roundId: round.id,
    prompt: round.prompt,
    boardTitle,
    maxNotesPerPerson: round.maxNotesPerPerson,
    anonymous: round.anonymous,
    voters: round.anonymous
      ? []
      : [...participants]
          .sort((a, b) => a.name.localeCompare(b.name, 'de'))
          .map((p) => ({ id: p.id, name: p.name })),
    closesAt: round.closesAt,
    language: lanLanguage(language),
  };
}

/** Texts for LanUpdateRequest.shared: within the server's limits (count and length). */
export function sharedTextsOf(texts: readonly string[]): string[] {
  const max = LAN_LIMITS.maxNoteChars;
  return texts
    .slice(0, LAN_LIMITS.maxShared)
    .map((text) => (text.length > max ? `${text.slice(0, max - 1)}…` : text));
}

// ---------------------------------------------------------------- opening and stopping

/**
 * Serves an open writing round to phones on the chosen network. Refused while
 * another session (phone voting, or another writing round) runs.
 */
export async function openWritingSession(
  round: WritingRound,
  boardTitle: string,
  participants: readonly Participant[],
  interfaceId: string,
): Promise<OpenOutcome> {
  const running = currentPhoneSession();
  if (running?.roundId === round.id) return { ok: true };
  if (running) return { ok: false, message: busyMessage()! };
  if (!acceptsNotes(round, Date.now()))
    return { ok: false, message: i18next.t('writingSession.notOpen', { prompt: round.prompt }) };
  const outcome = await openPhoneSession(
    {
      round: lanWritingRoundOf(round, boardTitle, participants, i18next.language),
      interfaceId,
      taken: [],
    },
    (session) => phoneWritingOf(round, session, true),
    // The host starts sharing nothing; LanIntake sends the accepted texts when they are to be shown.
    { taken: [], closesAt: round.closesAt, shared: [] },
  );
  if (outcome.ok) announce(i18next.t('writingSession.announce.opened', { prompt: round.prompt }));
  return outcome;
}

/**
 * Stops serving a writing round to phones. The cards the server took until
 * then are stored first; the round itself stays as it is.
 */
export async function stopWritingSession(
  roundId: WritingRoundId,
  options: { quiet?: boolean; timeUp?: boolean } = {},
): Promise<void> {
  const running = currentPhoneWriting();
  if (running?.roundId !== roundId) return;
  if (!(await stopPhoneSession(roundId))) return;
  if (options.timeUp) announce(i18next.t('writingSession.announce.timeUp', { prompt: running.prompt }));
  else if (!options.quiet) announce(i18next.t('writingSession.announce.closed', { prompt: running.prompt }));
}

/** The message when the host ended the session by itself. */
export function writingEndedMessage(running: PhoneWriting): string {
  return i18next.t('writingSession.ended', { prompt: running.prompt });
}

/** Tells the host the closing time and the texts phones may see (unchanged ones are not sent again). */
export function sendWritingUpdate(round: WritingRound, shared: readonly string[]): void {
  if (currentPhoneWriting()?.roundId !== round.id) return;
  updateHost({
    roundId: round.id,
    taken: [],
    closesAt: round.closesAt,
    shared: round.showAccepted ? sharedTextsOf(shared) : [],
  });
}

// ---------------------------------------------------------------- the intake

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Far above any real card; the domain checks the real limits. */
const MAX_FIELD = 2_000;

/**
 * A card event of this round in a shape the domain can judge, or null. The
 * domain (receiveNote) checks ids, text length and version numbers.
 */
export function parseLanNoteEvent(value: unknown, roundId: string): ArrivingNote | null {
  if (!isRecord(value) || value.roundId !== roundId) return null;
  const { seq, deviceId, clientId, participantId, text, withdrawn, version, receivedAt } = value;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return null;
  if (typeof deviceId !== 'string' || deviceId.length > 100) return null;
  if (typeof clientId !== 'string' || clientId.length > 100) return null;
  if (participantId !== null && (typeof participantId !== 'string' || participantId.length > 100))
    return null;
  if (typeof text !== 'string' || text.length > MAX_FIELD) return null;
  if (typeof withdrawn !== 'boolean') return null;
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) return null;
  if (typeof receivedAt !== 'number' || !Number.isFinite(receivedAt)) return null;
  return { deviceId, clientId, participantId, text, withdrawn, version, receivedAt };
}

export type StoredNote = 'added' | 'changed' | 'same';

/**
 * Stores one card from a phone as the domain says (new, newer version, or
 * nothing for a repeat). Not an undo step. Resolves what happened, or the
 * refusal's message.
 */
export async function storeNote(
  round: WritingRound,
  arriving: ArrivingNote,
  context: ReceiveContext = {},
): Promise<StoredNote | { refused: string }> {
  try {
    const existing = await findInboxNote(round.id, arriving.deviceId, arriving.clientId);
    const changes = receiveNote(round, existing, arriving, Date.now(), context);
    if (changes.length === 0) return 'same';
    await writes.submit(changes);
    return existing ? 'changed' : 'added';
  } catch (error) {
    if (!(error instanceof DomainError)) console.error(error);
    return { refused: describeError(error) };
  }
}

/**
 * Stores a batch of card events (in seq order) in their round: the intake of
 * phoneVoting.ts hands them over. Counts new cards and refused events.
 */
export async function storeNoteEvents(
  roundId: WritingRoundId,
  events: readonly unknown[],
): Promise<{ added: number; rejected: number }> {
  const round = await findWritingRound(roundId);
  if (!round) return { added: 0, rejected: events.length };
  const people = await getDb().participants.where('workshopId').equals(round.workshopId).toArray();
  const known = new Set<string>(people.map((p) => p.id));
  let inboxSize = await countInboxNotes(roundId);
  let added = 0;
  let rejected = 0;
  for (const event of events) {
    const arriving = parseLanNoteEvent(event, roundId);
    if (!arriving) {
      rejected += 1;
      continue;
    }
    const result = await storeNote(round, arriving, { known, inboxSize });
    if (result === 'added') {
      added += 1;
      inboxSize += 1;
    } else if (typeof result === 'object') rejected += 1;
  }
  return { added, rejected };
}
