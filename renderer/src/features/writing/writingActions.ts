/**
 * The facilitator's actions on writing rounds (Schreibrunden) and their inbox
 * (Eingang), for the UI: each plans a pure domain command on fresh rows and
 * commits it as one change set (one undo step). Refusals come back as German
 * (or English) messages; the UI shows them where they belong.
 *
 * What the UI says aloud after a decision ("2 Karten übernommen …") is the
 * UI's: it knows the target's name. Arrivals from phones are announced by the
 * intake (phoneVoting.ts), at most one announcement every 5 seconds.
 */
import i18next from 'i18next';
import { invertChanges, type ChangeSet } from '../../domain/changes';
import { DomainError } from '../../domain/errors';
import type { InboxNoteId, WritingRoundId } from '../../domain/ids';
import type { Board, InboxNote, Note, Participant, WritingRound } from '../../domain/types';
import { acceptInboxNotes, editInboxNote, mergeInboxNotes, rejectInboxNotes } from '../../domain/inbox';
import {
  closeWritingRound as closeRoundCommand,
  openWritingRound,
  updateWritingRound,
  type InboxTarget,
} from '../../domain/writing';
import { getDb } from '../../persistence/db';
import { loadBoardContent } from '../../persistence/repository';
import {
  findWritingRound,
  listAcceptedTexts,
  listInboxNotes,
  listWorkshopWritingRounds,
} from '../../persistence/writingHooks';
import { getPlatform } from '../../platform';
import { useAppStore } from '../../state/store';
import { commit, describeError, plan, writes } from '../app/commands';
import { busyMessage } from '../voting/phone/phoneVoting';
import { openWritingSession, sendWritingUpdate, stopWritingSession } from './writingSession';

function announce(text: string): void {
  useAppStore.getState().announce(text);
}

async function participantsOf(workshopId: string): Promise<Participant[]> {
  return getDb().participants.where('workshopId').equals(workshopId).toArray();
}

async function knownParticipants(workshopId: string): Promise<Set<string>> {
  return new Set((await participantsOf(workshopId)).map((p) => p.id));
}

/** The round as stored now (the caller's copy may be a moment old), or a refusal. */
async function freshRound(round: Pick<WritingRound, 'id'>): Promise<WritingRound> {
  const fresh = await findWritingRound(round.id);
  if (!fresh) throw new DomainError('writing.roundNotOpen');
  return fresh;
}

// ---------------------------------------------------------------- start and close

export interface StartWritingArgs {
  board: Board;
  prompt: string;
  maxNotesPerPerson: number | null;
  anonymous: boolean;
  showAccepted: boolean;
  closesAt: number | null;
}

export type StartWritingOutcome =
  | { ok: true; round: WritingRound }
  /**
   * `field`: the domain's field name when the refusal belongs to one
   * ('prompt' | 'maxNotesPerPerson' | 'closesAt'), else 'form'. `message` does
   * not name the field (the field's label does).
   */
  | { ok: false; field: string; message: string };

function refusal(error: unknown): { ok: false; field: string; message: string } {
  if (error instanceof DomainError) {
    const { field, ...params } = error.params;
    return {
      ok: false,
      field: typeof field === 'string' ? field : 'form',
      message: describeError(new DomainError(error.code, params)),
    };
  }
  return { ok: false, field: 'form', message: describeError(error) };
}

/**
 * Opens a writing round on a board and serves it to phones on the chosen
 * network, as one undo step. When the phones cannot be reached (no network,
 * no LAN server, another session running) nothing is kept: a writing round
 * without phones would only confuse.
 */
export async function startWritingRound(
  args: StartWritingArgs,
  interfaceId: string,
): Promise<StartWritingOutcome> {
  const busy = busyMessage();
  if (busy) return { ok: false, field: 'form', message: busy };
  if (!getPlatform().lan)
    return { ok: false, field: 'form', message: i18next.t('writingSession.unavailable') };
  const db = getDb();
  const { board } = args;
  let round: WritingRound;
  let changes: ChangeSet;
  try {
    ({ round, changes } = openWritingRound(
      {
        workshopId: board.workshopId,
        boardId: board.id,
        prompt: args.prompt,
        maxNotesPerPerson: args.maxNotesPerPerson,
        anonymous: args.anonymous,
        showAccepted: args.showAccepted,
        closesAt: args.closesAt,
        now: Date.now(),
      },
      await listWorkshopWritingRounds(db, board.workshopId),
      board,
    ));
  } catch (error) {
    return refusal(error);
  }
  // Written first without an undo step: it only becomes one once the phones can reach it.
  if (!(await commit(changes, { undoable: false })))
    return { ok: false, field: 'form', message: i18next.t('errors.saveFailed') };
  const opened = await openWritingSession(
    round,
    board.title,
    await participantsOf(board.workshopId),
    interfaceId,
  );
  if (!opened.ok) {
    await writes.submit(invertChanges(changes)).catch((error: unknown) => console.error(error));
    return { ok: false, field: 'form', message: opened.message };
  }
  useAppStore.getState().recordChanges(changes);
  return { ok: true, round };
}

/**
 * Serves a round that is open but not reachable from phones (the host was
 * restarted, or the close was undone) to phones again.
 */
export async function reopenForPhones(round: WritingRound, interfaceId: string): Promise<string | null> {
  const fresh = await findWritingRound(round.id);
  if (!fresh || fresh.status !== 'open') return i18next.t('errors.writing.roundNotOpen');
  const board = await getDb().boards.get(fresh.boardId);
  const opened = await openWritingSession(
    fresh,
    board?.title ?? '',
    await participantsOf(fresh.workshopId),
    interfaceId,
  );
  return opened.ok ? null : opened.message;
}

/**
 * Closes a round: cards the LAN server took until now are stored first, then
 * it stops serving, then the round is closed (one undo step; at the closing
 * time, when it closes by itself, none). Resolves true when closed.
 */
export async function closeWritingRound(
  round: Pick<WritingRound, 'id'>,
  options: { timeUp?: boolean } = {},
): Promise<boolean> {
  // Phones first: nothing sent before the close is lost, nothing after it is taken.
  await stopWritingSession(round.id, { quiet: true });
  const fresh = await findWritingRound(round.id);
  if (!fresh) return false;
  // Closed already (from another path a moment ago): nothing to do or to say.
  if (fresh.status !== 'open') return true;
  const changes = plan(() => closeRoundCommand(fresh, Date.now()));
  if (changes === null) return false;
  if (!(await commit(changes, { undoable: !options.timeUp }))) return false;
  announce(
    i18next.t(options.timeUp ? 'writingSession.announce.timeUp' : 'writingSession.announce.roundClosed', {
      prompt: fresh.prompt,
    }),
  );
  return true;
}

/**
 * "Angenommene Karten auf den Handys zeigen": one undo step; the host gets the
 * accepted cards' texts now (and LanIntake keeps them in step from then on).
 */
export async function setShowAccepted(round: Pick<WritingRound, 'id'>, on: boolean): Promise<boolean> {
  try {
    const fresh = await freshRound(round);
    const changes = updateWritingRound(fresh, { showAccepted: on }, Date.now());
    if (!(await commit(changes))) return false;
    const updated = { ...fresh, showAccepted: on };
    sendWritingUpdate(updated, on ? await listAcceptedTexts(getDb(), fresh.id) : []);
    return true;
  } catch (error) {
    useAppStore.getState().showToast({ tone: 'error', message: describeError(error) });
    return false;
  }
}

/** Moves (or clears) the closing time of an open round; null when saved, else the message. */
export async function setWritingClosesAt(
  round: Pick<WritingRound, 'id'>,
  closesAt: number | null,
): Promise<string | null> {
  try {
    const fresh = await freshRound(round);
    return (await commit(updateWritingRound(fresh, { closesAt }, Date.now())))
      ? null
      : i18next.t('errors.saveFailed');
  } catch (error) {
    return describeError(error);
  }
}

// ---------------------------------------------------------------- the inbox

/** Runs a decision on the round's fresh inbox; null when saved, else the message (also shown as a toast when `toast`). */
async function decide(
  roundId: WritingRoundId,
  command: (inbox: InboxNote[]) => ChangeSet,
  toast: boolean,
): Promise<string | null> {
  let message: string;
  try {
    const changes = command(await listInboxNotes(getDb(), roundId));
    // A failed save has told the user already.
    return (await commit(changes)) ? null : i18next.t('errors.saveFailed');
  } catch (error) {
    message = describeError(error);
  }
  if (toast) useAppStore.getState().showToast({ tone: 'error', message });
  return message;
}

/**
 * Accepts inbox cards onto the board at the target, in the given order, with
 * their authors when named; one undo step. Resolves the new board cards
 * (in order), or null when refused (a toast said why).
 */
export async function acceptInbox(
  round: Pick<WritingRound, 'id' | 'boardId' | 'workshopId'>,
  ids: readonly InboxNoteId[],
  target: InboxTarget,
): Promise<Note[] | null> {
  try {
    const [content, inbox, known] = await Promise.all([
      loadBoardContent(getDb(), round.boardId),
      listInboxNotes(getDb(), round.id),
      knownParticipants(round.workshopId),
    ]);
    if (!content) throw new DomainError('writing.boardMissing');
    const { notes, changes } = acceptInboxNotes(content, inbox, ids, target, Date.now(), known);
    return (await commit(changes)) ? notes : null;
  } catch (error) {
    useAppStore.getState().showToast({ tone: 'error', message: describeError(error) });
    return null;
  }
}

/** Rejects waiting cards; one undo step. True when saved (a toast says why not). */
export async function rejectInbox(
  round: Pick<WritingRound, 'id'>,
  ids: readonly InboxNoteId[],
): Promise<boolean> {
  return (await decide(round.id, (inbox) => rejectInboxNotes(inbox, ids, Date.now()), true)) === null;
}

/** The facilitator's text for a card; null when saved, else the message (the text stays in the field). */
export async function editInbox(id: InboxNoteId, text: string): Promise<string | null> {
  try {
    const note = await getDb().inboxNotes.get(id);
    if (!note) throw new DomainError('writing.inboxNoteMissing');
    return (await commit(editInboxNote(note, text, Date.now()))) ? null : i18next.t('errors.saveFailed');
  } catch (error) {
    return describeError(error);
  }
}

/** Merges duplicates into the first card, which gets `text`; null when saved, else the message. */
export async function mergeInbox(
  round: Pick<WritingRound, 'id'>,
  ids: readonly InboxNoteId[],
  text: string,
): Promise<string | null> {
  return decide(round.id, (inbox) => mergeInboxNotes(inbox, ids, text, Date.now()), false);
}
