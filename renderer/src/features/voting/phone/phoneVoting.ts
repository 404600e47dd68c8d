/**
 * The running phone session as the facilitator's window knows it, and the
 * intake of what phones send into the database: ballots of a voting round
 * (Handy-Abstimmung) or cards of a writing round (Schreibrunde, see
 * features/writing/writingSession.ts for its part).
 *
 * The host (LAN server) only collects; this window owns the data. It fetches
 * events with a long poll, checks each one again and stores it through the
 * domain exactly like a laptop action, as one write without an undo step
 * (ballots: storeBallot; cards: storeNoteEvent → receiveNote). One session at
 * a time: the server offers exactly one round, so a voting session and a
 * writing session exclude each other.
 */
import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import type {
  LanEvents,
  LanOpenRequest,
  LanOpenResult,
  LanSession,
  LanUpdateRequest,
} from '../../../../../electron/shared/lanContract';
import type { VotingRoundId, WorkshopId, WritingRoundId } from '../../../domain/ids';
import type { Participant, VotingRound } from '../../../domain/types';
import { acceptsVotes } from '../../../domain/voting';
import { findRound, findRoundAndWorkshop, listVoterIds } from '../../../persistence/lanHooks';
import { findWritingRound, findWritingRoundAndWorkshop } from '../../../persistence/writingHooks';
import { getPlatform } from '../../../platform';
import { useAppStore } from '../../../state/store';
import {
  phoneWritingOf,
  storeNoteEvents,
  writingEndedMessage,
  type PhoneWriting,
} from '../../writing/writingSession';
import { storeBallot } from '../votingActions';
import { countVoters, lanRoundOf, parseLanBallotEvent, takenBy } from './lanModel';
import { hideFromProjector } from './phoneProjector';

/** How long one long poll waits for a ballot before asking again. */
export const POLL_WAIT_MS = 20_000;
/** At most one announcement of arrivals ("Stimmzettel vom Handy", "neue Karten") this often, however many arrive. */
export const ANNOUNCE_EVERY_MS = 5_000;
const MAX_RETRY_MS = 10_000;
/** Failed polls in a row before the panel says the host does not answer. */
const UNREACHABLE_AFTER = 3;

export interface PhoneVoting {
  kind: 'vote';
  workshopId: WorkshopId;
  roundId: VotingRoundId;
  title: string;
  session: LanSession;
  /** Phones that joined with the code. */
  phones: number;
  /** Ballot events refused (malformed, or the domain said no); never stored. */
  rejected: number;
  /** The first events after a reload are stored: until then "taken" is not sent (see takenBy). */
  synced: boolean;
  /** The host has not answered a few times in a row (it is asked again and again). */
  unreachable: boolean;
}

/** The one session phones can reach: a voting round or a writing round. */
export type PhoneSession = PhoneVoting | PhoneWriting;
type RoundKey = VotingRoundId | WritingRoundId;

/** What the intake remembers beside the visible state. */
interface Intake {
  kind: PhoneSession['kind'];
  roundId: RoundKey;
  /** The last seq stored; 0 after a reload (storing a ballot again changes nothing). */
  after: number;
  /** Participants whose ballot came from a phone in this session. */
  phoneVoters: Set<string>;
  /** Batches are stored one after another, so two never race for the same ballot. */
  queue: Promise<void>;
  /** The last taken/closesAt sent to the host. */
  lastUpdate: string;
  /** Stopped from here: the loop leaves the ending to stopPhoneVoting. */
  stopping: boolean;
}

let current: PhoneSession | null = null;
let intake: Intake | null = null;
/** The round just opened from this window: its panel takes the focus from the closing dialog. */
let openedHere: RoundKey | null = null;
const listeners = new Set<() => void>();

function publish(next: PhoneSession | null): void {
  current = next;
  for (const listener of listeners) listener();
}

type Common = Pick<PhoneSession, 'phones' | 'rejected' | 'synced' | 'unreachable'>;

/** Changes the visible state of the running session (only when it is that round's). */
export function patchPhoneSession(roundId: RoundKey, change: Partial<Common> & { received?: number }): void {
  if (current?.roundId === roundId) publish({ ...current, ...change } as PhoneSession);
}
const patch = patchPhoneSession;

export function subscribePhoneSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const subscribe = subscribePhoneSession;

const votingOnly = () => (current?.kind === 'vote' ? current : null);

/** The running phone voting session, or null (also while a writing round is open to phones). */
export function usePhoneVoting(): PhoneVoting | null {
  return useSyncExternalStore(subscribe, votingOnly);
}

export function currentPhoneVoting(): PhoneVoting | null {
  return votingOnly();
}

/** The running session of either kind, or null. */
export function currentPhoneSession(): PhoneSession | null {
  return current;
}

/** Whether this round was just opened from here (asked once, by its panel as it appears). */
export function takeJustOpened(roundId: RoundKey): boolean {
  const opened = openedHere === roundId;
  if (opened) openedHere = null;
  return opened;
}

function startIntake(kind: Intake['kind'], roundId: RoundKey, lastUpdate: string): Intake {
  intake = {
    kind,
    roundId,
    after: 0,
    phoneVoters: new Set(),
    queue: Promise.resolve(),
    lastUpdate,
    stopping: false,
  };
  return intake;
}

function announce(text: string): void {
  useAppStore.getState().announce(text);
}

/** Why no second session can start while one runs; null when none runs. */
export function busyMessage(): string | null {
  if (!current) return null;
  return current.kind === 'write'
    ? i18next.t('errors.writing.lanBusyWriting', { prompt: current.prompt })
    : i18next.t('errors.writing.lanBusyVoting');
}

// ---------------------------------------------------------------- opening and stopping

export type OpenOutcome = { ok: true } | { ok: false; message: string };

function failureMessage(reason: Extract<LanOpenResult, { status: 'failed' }>['reason']): string {
  switch (reason) {
    case 'no-interface':
      return i18next.t('voting.phone.failed.noInterface');
    case 'address-unavailable':
      return i18next.t('voting.phone.failed.addressUnavailable');
    case 'unsupported':
      return i18next.t('voting.phone.unavailable');
  }
}

function updateKey(taken: readonly string[], closesAt: number | null, shared?: readonly string[]): string {
  return JSON.stringify(shared === undefined ? [taken, closesAt] : [taken, closesAt, shared]);
}

/**
 * Asks the host to serve a round (either kind) and, when it does, starts the
 * intake and shows the session. The caller has made sure no other session of
 * this window runs (see busyMessage) and says what happened.
 */
export async function openPhoneSession(
  request: LanOpenRequest,
  view: (session: LanSession) => PhoneSession,
  initial: { taken: readonly string[]; closesAt: number | null; shared?: readonly string[] },
): Promise<OpenOutcome> {
  const lan = getPlatform().lan;
  if (!lan) return { ok: false, message: i18next.t('voting.phone.unavailable') };
  const roundId = request.round.roundId as RoundKey;
  if (!current) await finishOtherSession(roundId);
  let result: LanOpenResult;
  try {
    result = await lan.open(request);
  } catch (error) {
    console.warn('The LAN server did not start', error);
    return { ok: false, message: i18next.t('voting.phone.failed.error') };
  }
  if (result.status !== 'open') return { ok: false, message: failureMessage(result.reason) };
  const shown = view(result.session);
  startIntake(shown.kind, roundId, updateKey(initial.taken, initial.closesAt, initial.shared));
  openedHere = roundId;
  publish(shown);
  return { ok: true };
}

/**
 * Starts serving a round to phones on the chosen network. Another round served
 * before is stopped first (its ballots are stored).
 */
export async function openForPhones(
  round: VotingRound,
  participants: readonly Participant[],
  goneItems: ReadonlySet<string>,
  interfaceId: string,
): Promise<OpenOutcome> {
  const lan = getPlatform().lan;
  if (!lan) return { ok: false, message: i18next.t('voting.phone.unavailable') };
  if (!acceptsVotes(round, Date.now())) return { ok: false, message: i18next.t('voting.ballot.closedText') };
  // A writing round open to phones is not stopped behind the facilitator's back.
  if (current?.kind === 'write') return { ok: false, message: busyMessage()! };
  if (current && current.roundId !== round.id) await stopPhoneVoting(current.roundId);
  const taken = takenBy(await listVoterIds(round.id), new Set());
  const outcome = await openPhoneSession(
    { round: lanRoundOf(round, participants, goneItems, i18next.language), interfaceId, taken },
    (session) => ({
      kind: 'vote',
      workshopId: round.workshopId,
      roundId: round.id,
      title: round.title,
      session,
      phones: 0,
      rejected: 0,
      synced: true,
      unreachable: false,
    }),
    { taken, closesAt: round.closesAt },
  );
  if (outcome.ok) announce(i18next.t('voting.phone.announce.opened', { title: round.title }));
  return outcome;
}

/** Fetches what the server has not handed over yet, without waiting, and stores it. */
async function drain(roundId: RoundKey): Promise<void> {
  const lan = getPlatform().lan;
  if (!lan || intake?.roundId !== roundId) return;
  try {
    await storeEvents(roundId, await lan.events({ roundId, after: intake.after, waitMs: 0 }));
  } catch {
    // The server is gone already: what it handed over before is stored.
  }
}

/**
 * Stops serving a round to phones ("Für Handys schließen", the round closed or
 * annulled). Ballots the server took until then are stored first; the round
 * itself stays as it is. Does nothing when the round is not being served.
 */
export async function stopPhoneVoting(
  roundId: VotingRoundId,
  options: { quiet?: boolean; timeUp?: boolean } = {},
): Promise<void> {
  if (current?.kind !== 'vote' || current.roundId !== roundId) return;
  const title = current.title;
  if (!(await stopPhoneSession(roundId))) return;
  if (options.timeUp) announce(i18next.t('voting.phone.announce.timeUp', { title }));
  else if (!options.quiet) announce(i18next.t('voting.phone.announce.closed', { title }));
}

/**
 * Stops serving the running session of either kind: stores what the server
 * took until now, closes it, stores what came in meanwhile. True when it was
 * running and has ended here; the caller says so.
 */
export async function stopPhoneSession(roundId: RoundKey): Promise<boolean> {
  const lan = getPlatform().lan;
  if (!lan || current?.roundId !== roundId) return false;
  if (intake?.roundId === roundId) intake.stopping = true;
  await drain(roundId);
  try {
    await lan.close(roundId);
  } catch (error) {
    console.warn('The LAN server did not stop cleanly', error);
  }
  // A ballot or card may have come in between the first look and the close.
  await drain(roundId);
  if (current?.roundId !== roundId) return false;
  end(roundId);
  return true;
}

/**
 * A session the host still runs for another round that this window has not
 * taken over (e.g. opened in another workshop before a reload): its ballots
 * are stored in their round before the host is given the new one.
 */
async function finishOtherSession(roundId: RoundKey): Promise<void> {
  const lan = getPlatform().lan;
  const running = lan ? await lan.current().catch(() => null) : null;
  if (!lan || !running || running.roundId === roundId || current || intake) return;
  const other = running.roundId as RoundKey;
  const kind = (await findWritingRound(other as WritingRoundId)) ? 'write' : 'vote';
  const state = startIntake(kind, other, '');
  state.stopping = true;
  await drain(other);
  await lan.close(other).catch(() => undefined);
  await drain(other);
  if (intake === state) intake = null;
}

function end(roundId: RoundKey): void {
  if (intake?.roundId === roundId) intake = null;
  // What is said now is that the session ended; a count of ballots would talk over it.
  if (timer !== null) clearTimeout(timer);
  timer = null;
  pending = null;
  hideFromProjector(roundId);
  publish(null);
}

/**
 * After a reload of this window: takes over a session the host still runs for
 * a round of this workshop. A session whose round is gone, closed, or in a
 * deleted workshop is stopped.
 */
export async function adoptRunningSession(workshopId: WorkshopId): Promise<void> {
  const lan = getPlatform().lan;
  if (!lan || current) return;
  let session: LanSession | null;
  try {
    session = await lan.current();
  } catch {
    return;
  }
  if (!session || current) return;
  const roundId = session.roundId as VotingRoundId;
  const { round, workshop } = await findRoundAndWorkshop(roundId);
  if (!round) {
    await adoptWritingSession(workshopId, session);
    return;
  }
  if (round.status !== 'open' || !workshop || workshop.deletedAt !== null) {
    await lan.close(roundId).catch(() => undefined);
    return;
  }
  if (round.workshopId !== workshopId || current) return;
  startIntake('vote', round.id, '');
  publish({
    kind: 'vote',
    workshopId,
    roundId: round.id,
    title: round.title,
    session,
    phones: 0,
    rejected: 0,
    synced: false,
    unreachable: false,
  });
}

/** adoptRunningSession for a writing round (or a round that is gone: then the session is stopped). */
async function adoptWritingSession(workshopId: WorkshopId, session: LanSession): Promise<void> {
  const lan = getPlatform().lan;
  const roundId = session.roundId as WritingRoundId;
  const { round, workshop } = await findWritingRoundAndWorkshop(roundId);
  if (!lan) return;
  if (!round || round.status !== 'open' || !workshop || workshop.deletedAt !== null) {
    await lan.close(roundId).catch(() => undefined);
    return;
  }
  if (round.workshopId !== workshopId || current) return;
  startIntake('write', round.id, '');
  publish(phoneWritingOf(round, session, false));
}

// ---------------------------------------------------------------- the intake

const seqOf = (event: unknown) =>
  typeof (event as { seq?: unknown })?.seq === 'number' ? (event as { seq: number }).seq : NaN;

/**
 * Stores events in order (ballots and cards share one seq counter); each is
 * checked for shape and then by the domain. Refused ones are counted; events
 * of the other kind of round (a card in a voting round) are refused too.
 */
export function storeEvents(roundId: RoundKey, events: LanEvents): Promise<void> {
  const state = intake;
  if (!state || state.roundId !== roundId) return Promise.resolve();
  const task = async () => {
    if (intake !== state) return;
    const phones = typeof events.phones === 'number' && Number.isFinite(events.phones) ? events.phones : 0;
    if (current?.roundId === roundId && current.phones !== phones) patch(roundId, { phones });
    const ballots: unknown[] = Array.isArray(events.ballots) ? events.ballots : [];
    const notes: unknown[] = Array.isArray(events.notes) ? events.notes : [];
    const isFresh = (event: unknown) => !(seqOf(event) <= state.after);
    const wanted = (state.kind === 'write' ? notes : ballots).filter(isFresh);
    const foreign = (state.kind === 'write' ? ballots : notes).filter(isFresh);
    for (const event of foreign) {
      const seq = seqOf(event);
      if (Number.isSafeInteger(seq)) state.after = Math.max(state.after, seq);
    }
    if (foreign.length > 0 && current?.roundId === roundId)
      patch(roundId, { rejected: current.rejected + foreign.length });
    const fresh = wanted.sort((a, b) => seqOf(a) - seqOf(b));
    if (fresh.length === 0) return;
    if (state.kind === 'write') {
      await storeWritingBatch(roundId as WritingRoundId, state, fresh);
      return;
    }
    const round = await findRound(roundId as VotingRoundId);
    let stored = 0;
    let rejected = 0;
    for (const event of fresh) {
      const seq = seqOf(event);
      if (Number.isSafeInteger(seq)) state.after = Math.max(state.after, seq);
      const checked = parseLanBallotEvent(event, roundId);
      if (!checked || !round) {
        rejected += 1;
        continue;
      }
      // Known as a phone's before the write: the live "taken" list must never offer it as the laptop's.
      const known = state.phoneVoters.has(checked.participantId);
      state.phoneVoters.add(checked.participantId);
      // Cast when the server took it (ballots sent just before the closing time count), never in the future.
      const now = Math.min(Date.now(), Math.max(round.openedAt, checked.receivedAt));
      const message = await storeBallot(round, checked.participantId, checked.content, now);
      if (message === null) {
        stored += 1;
      } else {
        rejected += 1;
        if (!known) state.phoneVoters.delete(checked.participantId);
      }
    }
    if (rejected > 0 && current?.roundId === roundId)
      patch(roundId, { rejected: current.rejected + rejected });
    // After a reload the first batch stores again what was stored before: nothing new to say.
    if (stored > 0 && round && current?.roundId === roundId && current.synced)
      queueAnnouncement(stored, (count) =>
        listVoterIds(round.id).then((ids) =>
          i18next.t('voting.phone.announce.ballots', {
            count,
            cast: countVoters(round, ids),
            entitled: round.entitled.length,
          }),
        ),
      );
  };
  state.queue = state.queue.then(task, task);
  return state.queue;
}

/** Cards of a writing round: stored by writingSession, counted and announced here like ballots. */
async function storeWritingBatch(roundId: WritingRoundId, state: Intake, fresh: unknown[]): Promise<void> {
  for (const event of fresh) {
    const seq = seqOf(event);
    if (Number.isSafeInteger(seq)) state.after = Math.max(state.after, seq);
  }
  const { added, rejected } = await storeNoteEvents(roundId, fresh);
  if (current?.roundId !== roundId) return;
  if (rejected > 0 || added > 0)
    patch(roundId, {
      rejected: current.rejected + rejected,
      received: (current.kind === 'write' ? current.received : 0) + added,
    });
  if (added > 0 && current.synced)
    queueAnnouncement(added, (count) => i18next.t('writingSession.announce.arrived', { count }));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The long-poll loop of one session: runs while the workshop is open in this
 * window (LanIntake), and returns a function that ends it.
 */
export function runIntake(roundId: RoundKey): () => void {
  let stopped = false;
  void (async () => {
    let failures = 0;
    while (!stopped) {
      const lan = getPlatform().lan;
      const state = intake;
      if (!lan || !state || state.roundId !== roundId) return;
      let events: LanEvents;
      try {
        events = await lan.events({ roundId, after: state.after, waitMs: POLL_WAIT_MS });
        failures = 0;
        if (current?.roundId === roundId && current.unreachable) patch(roundId, { unreachable: false });
      } catch {
        failures += 1;
        if (failures >= UNREACHABLE_AFTER && current?.roundId === roundId && !current.unreachable)
          patch(roundId, { unreachable: true });
        await sleep(Math.min(MAX_RETRY_MS, 250 * 2 ** failures));
        continue;
      }
      // Stored even when the loop was stopped meanwhile: these ballots were handed over.
      await storeEvents(roundId, events);
      if (current?.roundId === roundId && !current.synced) patch(roundId, { synced: true });
      if (events.running === false && state.stopping) return;
      if (events.running === false && intake === state && !state.stopping) {
        const message =
          current?.kind === 'write'
            ? writingEndedMessage(current)
            : i18next.t('voting.phone.ended', { title: current?.title ?? '' });
        end(roundId);
        useAppStore.getState().showToast({ tone: 'info', message });
        return;
      }
    }
  })();
  return () => {
    stopped = true;
  };
}

/** Tells the host who voted on the laptop and when the round closes, when that changed. */
export function sendUpdate(
  roundId: VotingRoundId,
  voterIds: readonly string[],
  closesAt: number | null,
): void {
  if (!intake || intake.roundId !== roundId || !current?.synced) return;
  updateHost({ roundId, taken: takenBy(voterIds, intake.phoneVoters), closesAt });
}

/** Sends an update of the running session to the host, unless it is the same as the last one sent. */
export function updateHost(request: LanUpdateRequest): void {
  const lan = getPlatform().lan;
  const { roundId } = request;
  if (!lan || !intake || intake.roundId !== roundId) return;
  const key = updateKey(request.taken, request.closesAt, request.shared);
  if (key === intake.lastUpdate) return;
  intake.lastUpdate = key;
  lan.update(request).catch((error: unknown) => {
    console.warn('The LAN server did not take the update', error);
    if (intake?.roundId === roundId && intake.lastUpdate === key) intake.lastUpdate = '';
  });
}

// ---------------------------------------------------------------- announcements

type Words = (count: number) => string | Promise<string>;
let pending: { words: Words; count: number } | null = null;
let lastAnnounced = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Thirty ballots (or cards) at once are one announcement, not thirty. */
function queueAnnouncement(count: number, words: Words): void {
  pending = { words, count: (pending?.count ?? 0) + count };
  if (timer !== null) return;
  const wait = Math.max(0, lastAnnounced + ANNOUNCE_EVERY_MS - Date.now());
  timer = setTimeout(flushAnnouncement, wait);
}

function flushAnnouncement(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const due = pending;
  pending = null;
  if (!due) return;
  lastAnnounced = Date.now();
  void Promise.resolve(due.words(due.count)).then(announce);
}

/** For tests: forget everything (a fresh window). */
export function resetPhoneVoting(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  pending = null;
  lastAnnounced = 0;
  intake = null;
  openedHere = null;
  publish(null);
}
