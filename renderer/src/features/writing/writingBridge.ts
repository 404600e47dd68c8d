/**
 * The inbox UI's side of the writing-round actions (writingActions.ts and
 * writingSession.ts, the data engineer's): each decision is one change set
 * (one undo step) there; here it is said aloud with the words the UI knows
 * ("2 Karten übernommen in „Ideen“"), and refusals are put where the
 * facilitator looks.
 */
import i18next from 'i18next';
import type { InboxNoteId } from '../../domain/ids';
import type { Board, WritingRound } from '../../domain/types';
import type { InboxTarget } from '../../domain/writing';
import { useAppStore } from '../../state/store';
import {
  acceptInbox,
  closeWritingRound,
  editInbox,
  mergeInbox,
  rejectInbox,
  reopenForPhones,
  setShowAccepted,
  startWritingRound,
} from './writingActions';
import { usePhoneWriting, type PhoneWriting } from './writingSession';

function announce(text: string): void {
  useAppStore.getState().announce(text);
}

/** Accepts cards onto the board at the target; true when done (a toast says why not). */
export async function acceptCards(
  round: WritingRound,
  ids: readonly InboxNoteId[],
  target: InboxTarget,
  targetLabel: string,
): Promise<boolean> {
  const notes = await acceptInbox(round, ids, target);
  if (notes === null) return false;
  announce(i18next.t('writing.announce.accepted', { count: notes.length, place: targetLabel }));
  return true;
}

/** Rejects waiting cards; true when done (a toast says why not). */
export async function rejectCards(round: WritingRound, ids: readonly InboxNoteId[]): Promise<boolean> {
  if (!(await rejectInbox(round, ids))) return false;
  announce(i18next.t('writing.announce.rejected', { count: ids.length }));
  return true;
}

/** Saves the facilitator's text of a card; null when saved, else the message (the text stays in the field). */
export async function editCard(id: InboxNoteId, text: string): Promise<string | null> {
  const refused = await editInbox(id, text);
  if (refused === null) announce(i18next.t('writing.announce.edited'));
  return refused;
}

/** Merges duplicates into the first; null when merged, else the message. */
export async function mergeCards(
  round: WritingRound,
  ids: readonly InboxNoteId[],
  text: string,
): Promise<string | null> {
  const refused = await mergeInbox(round, ids, text);
  if (refused === null) announce(i18next.t('writing.announce.merged', { count: ids.length }));
  return refused;
}

/** What the start dialog asks for. */
export interface StartWritingInput {
  board: Board;
  prompt: string;
  maxNotesPerPerson: number | null;
  anonymous: boolean;
  showAccepted: boolean;
  closesAt: number | null;
  interfaceId: string;
}

export type StartField = 'prompt' | 'limit' | 'minutes' | 'form';

export type StartOutcome = { ok: true } | { ok: false; field: StartField; message: string };

/** Which field of the start dialog a refusal belongs to (the domain's field names). */
const FIELD_OF: Record<string, StartField> = {
  prompt: 'prompt',
  maxNotesPerPerson: 'limit',
  closesAt: 'minutes',
};

/** Opens the round and serves it to phones; nothing is kept when the phones cannot reach it. */
export async function startWriting(input: StartWritingInput): Promise<StartOutcome> {
  const { interfaceId, ...args } = input;
  const outcome = await startWritingRound(args, interfaceId);
  if (!outcome.ok) return { ok: false, field: FIELD_OF[outcome.field] ?? 'form', message: outcome.message };
  return { ok: true };
}

/** Serves an open round to phones again (the host was restarted); null when done, else the message. */
export function serveAgain(round: WritingRound, interfaceId: string): Promise<string | null> {
  return reopenForPhones(round, interfaceId);
}

/** "Schreibrunde beenden": the cards sent until now are stored, then the round closes. */
export function endWriting(round: WritingRound): Promise<boolean> {
  return closeWritingRound(round);
}

/** "Angenommene Karten auf den Handys zeigen", switched during the round. */
export function setSharing(round: WritingRound, on: boolean): Promise<boolean> {
  return setShowAccepted(round, on);
}

/** The phone session of this round, or null when it is not served to phones. */
export function useWritingSessionState(round: Pick<WritingRound, 'id'>): PhoneWriting | null {
  const running = usePhoneWriting();
  return running?.roundId === round.id ? running : null;
}
