/**
 * The running phone session (Handy-Abstimmung) as the facilitator's window
 * knows it, and the intake of phone ballots into the database.
 *
 * The host (LAN server) only collects ballots; this window owns the data. It
 * fetches ballot events with a long poll, checks each one again and stores it
 * through the domain exactly like a ballot cast at the laptop (storeBallot:
 * findBallot, castBallot, one write, no undo step). One session at a time:
 * the server offers exactly one round.
 */
import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import type { LanEvents, LanOpenResult, LanSession } from '../../../../../electron/shared/lanContract';
import type { VotingRoundId, WorkshopId } from '../../../domain/ids';
import type { Participant, VotingRound } from '../../../domain/types';
import { acceptsVotes } from '../../../domain/voting';
import { findRound, findRoundAndWorkshop, listVoterIds } from '../../../persistence/lanHooks';
import { getPlatform } from '../../../platform';
import { useAppStore } from '../../../state/store';
import { storeBallot } from '../votingActions';
import { countVoters, lanRoundOf, parseLanBallotEvent, takenBy } from './lanModel';
import { hideFromProjector } from './phoneProjector';

/** How long one long poll waits for a ballot before asking again. */
export const POLL_WAIT_MS = 20_000;
/** At most one "Stimmzettel vom Handy" announcement this often, however many arrive. */
export const ANNOUNCE_EVERY_MS = 5_000;
const MAX_RETRY_MS = 10_000;
/** Failed polls in a row before the panel says the host does not answer. */
const UNREACHABLE_AFTER = 3;

export interface PhoneVoting {
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

/** What the intake remembers beside the visible state. */
interface Intake {
  roundId: VotingRoundId;
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

let current: PhoneVoting | null = null;
let intake: Intake | null = null;
/** The round just opened from this window: its panel takes the focus from the closing dialog. */
let openedHere: VotingRoundId | null = null;
const listeners = new Set<() => void>();

function publish(next: PhoneVoting | null): void {
  current = next;
  for (const listener of listeners) listener();
}

function patch(roundId: VotingRoundId, change: Partial<PhoneVoting>): void {
  if (current?.roundId === roundId) publish({ ...current, ...change });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The running phone session, or null. */
export function usePhoneVoting(): PhoneVoting | null {
  return useSyncExternalStore(subscribe, () => current);
}

export function currentPhoneVoting(): PhoneVoting | null {
  return current;
}

/** Whether this round was just opened from here (asked once, by its panel as it appears). */
export function takeJustOpened(roundId: VotingRoundId): boolean {
  const opened = openedHere === roundId;
  if (opened) openedHere = null;
  return opened;
}

function startIntake(roundId: VotingRoundId, lastUpdate: string): Intake {
  intake = {
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

function updateKey(taken: readonly string[], closesAt: number | null): string {
  return JSON.stringify([taken, closesAt]);
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
  if (current && current.roundId !== round.id) await stopPhoneVoting(current.roundId);
  else if (!current) await finishOtherSession(round.id);
  const taken = takenBy(await listVoterIds(round.id), new Set());
  let result: LanOpenResult;
  try {
    result = await lan.open({
      round: lanRoundOf(round, participants, goneItems, i18next.language),
      interfaceId,
      taken,
    });
  } catch (error) {
    console.warn('The LAN server did not start', error);
    return { ok: false, message: i18next.t('voting.phone.failed.error') };
  }
  if (result.status !== 'open') return { ok: false, message: failureMessage(result.reason) };
  startIntake(round.id, updateKey(taken, round.closesAt));
  openedHere = round.id;
  publish({
    workshopId: round.workshopId,
    roundId: round.id,
    title: round.title,
    session: result.session,
    phones: 0,
    rejected: 0,
    synced: true,
    unreachable: false,
  });
  announce(i18next.t('voting.phone.announce.opened', { title: round.title }));
  return { ok: true };
}

/** Fetches what the server has not handed over yet, without waiting, and stores it. */
async function drain(roundId: VotingRoundId): Promise<void> {
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
  const lan = getPlatform().lan;
  if (!lan || current?.roundId !== roundId) return;
  const title = current.title;
  if (intake?.roundId === roundId) intake.stopping = true;
  await drain(roundId);
  try {
    await lan.close(roundId);
  } catch (error) {
    console.warn('The LAN server did not stop cleanly', error);
  }
  // A ballot may have come in between the first look and the close.
  await drain(roundId);
  if (current?.roundId !== roundId) return;
  end(roundId);
  if (options.timeUp) announce(i18next.t('voting.phone.announce.timeUp', { title }));
  else if (!options.quiet) announce(i18next.t('voting.phone.announce.closed', { title }));
}

/**
 * A session the host still runs for another round that this window has not
 * taken over (e.g. opened in another workshop before a reload): its ballots
 * are stored in their round before the host is given the new one.
 */
async function finishOtherSession(roundId: VotingRoundId): Promise<void> {
  const lan = getPlatform().lan;
  const running = lan ? await lan.current().catch(() => null) : null;
  if (!lan || !running || running.roundId === roundId || current || intake) return;
  const other = running.roundId as VotingRoundId;
  const state = startIntake(other, '');
  state.stopping = true;
  await drain(other);
  await lan.close(other).catch(() => undefined);
  await drain(other);
  if (intake === state) intake = null;
}

function end(roundId: VotingRoundId): void {
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
  if (!round || round.status !== 'open' || !workshop || workshop.deletedAt !== null) {
    await lan.close(roundId).catch(() => undefined);
    return;
  }
  if (round.workshopId !== workshopId || current) return;
  startIntake(round.id, '');
  publish({
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

// ---------------------------------------------------------------- the intake

/**
 * Stores ballot events in order; each is checked for shape and then by the
 * domain (open round, entitled voter, valid ballot). Refused ones are counted.
 */
export function storeEvents(roundId: VotingRoundId, events: LanEvents): Promise<void> {
  const state = intake;
  if (!state || state.roundId !== roundId) return Promise.resolve();
  const task = async () => {
    if (intake !== state) return;
    const phones = typeof events.phones === 'number' && Number.isFinite(events.phones) ? events.phones : 0;
    if (current?.roundId === roundId && current.phones !== phones) patch(roundId, { phones });
    const raw: unknown[] = Array.isArray(events.ballots) ? events.ballots : [];
    const seqOf = (event: unknown) =>
      typeof (event as { seq?: unknown })?.seq === 'number' ? (event as { seq: number }).seq : NaN;
    const fresh = raw.filter((event) => !(seqOf(event) <= state.after)).sort((a, b) => seqOf(a) - seqOf(b));
    if (fresh.length === 0) return;
    const round = await findRound(roundId);
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
      queueAnnouncement(round, stored);
  };
  state.queue = state.queue.then(task, task);
  return state.queue;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The long-poll loop of one session: runs while the workshop is open in this
 * window (LanIntake), and returns a function that ends it.
 */
export function runIntake(roundId: VotingRoundId): () => void {
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
        const title = current?.title ?? '';
        end(roundId);
        useAppStore
          .getState()
          .showToast({ tone: 'info', message: i18next.t('voting.phone.ended', { title }) });
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
  const lan = getPlatform().lan;
  if (!lan || !intake || intake.roundId !== roundId || !current?.synced) return;
  const taken = takenBy(voterIds, intake.phoneVoters);
  const key = updateKey(taken, closesAt);
  if (key === intake.lastUpdate) return;
  intake.lastUpdate = key;
  lan.update({ roundId, taken, closesAt }).catch((error: unknown) => {
    console.warn('The LAN server did not take the update', error);
    if (intake?.roundId === roundId && intake.lastUpdate === key) intake.lastUpdate = '';
  });
}

// ---------------------------------------------------------------- announcements

let pending: { round: VotingRound; count: number } | null = null;
let lastAnnounced = 0;
let timer: ReturnType<typeof setTimeout> | null = null;

/** Thirty ballots at once are one announcement, not thirty. */
function queueAnnouncement(round: VotingRound, count: number): void {
  pending = { round, count: (pending?.count ?? 0) + count };
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
  void listVoterIds(due.round.id).then((ids) =>
    announce(
      i18next.t('voting.phone.announce.ballots', {
        count: due.count,
        cast: countVoters(due.round, ids),
        entitled: due.round.entitled.length,
      }),
    ),
  );
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
