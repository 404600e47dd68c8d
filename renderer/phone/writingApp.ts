/**
 * The writing round on the phone: the person writes cards, changes or
 * withdraws them, and sees what the facilitator shares. Every card goes
 * through the outbox (outbox.ts): kept in localStorage until the laptop
 * confirmed it, sent strictly in order, retried with growing pauses while the
 * laptop is out of reach, and again at once when the phone is back online.
 */
import type { LanLanguage, LanWritingPhoneState } from '../../electron/shared/lanContract';
import { LAN_LIMITS } from '../../electron/shared/lanContract';
import type { ApiError, ApiResult, AnyPhoneState, PhoneApi } from './api';
import { isWritingState } from './api';
import { focusKey, focusedKey, setChildren } from './dom';
import type { Message, Translator } from './i18n';
import { addTexts } from './i18n';
import writeDe from './locales/write.de.json';
import writeEn from './locales/write.en.json';
import type { NoteOp, Outbox } from './outbox';
import {
  cardsLeft,
  dropRefused,
  emptyOutbox,
  enqueue,
  markTried,
  myCards,
  newClientId,
  refusal,
  unsentTexts,
} from './outbox';
import * as storage from './storage';
import { findOutbox, loadNoteDraft, loadOutbox, saveNoteDraft, saveOutbox } from './writingStore';
import type { WritingHandlers, WritingParts, WritingScreen, WritingView } from './writingScreens';
import { namesKey, writeScreen, writingClosedScreen, writingNameScreen } from './writingScreens';

export interface WritingContext {
  root: HTMLElement;
  main: HTMLElement;
  api: PhoneApi;
  code: string;
  tr(): Translator;
  /** The round's language, used unless the person switched before. */
  useLanguage(language: LanLanguage): void;
  announce(text: string): void;
  /** Calls the API, joining again with the code when the laptop no longer knows the token. */
  withToken<T>(call: () => Promise<ApiResult<T>>): Promise<ApiResult<T>>;
  /** The laptop cannot be reached (or can again): the banner at the top. */
  setOffline(offline: boolean): void;
  /** The code is gone (the facilitator ended the session): back to entering a code. */
  leave(error: ApiError): void;
  pollMs: number;
  /** The first pause before sending again; it doubles up to RETRY_MAX_MS. */
  retryMs: number;
}

export interface WritingController {
  /** Draws the screen anew (language switch); `focus` moves to the heading of a new screen. */
  draw(focus?: boolean): void;
  pageTitle(): string;
  stop(): void;
  /** For tests: the outbox now. */
  outbox(): Outbox;
}

addTexts({ de: writeDe, en: writeEn });

const RETRY_MAX_MS = 30_000;
const MAX = LAN_LIMITS.maxNoteChars;
/** Polls that may fail before the banner says the connection is lost. */
const OFFLINE_AFTER = 2;

/**
 * Starts the writing round with the laptop's state, or, when it cannot be
 * reached or the round has `closed`, with the state kept on the phone; null
 * when the phone kept none.
 */
export function startWriting(
  ctx: WritingContext,
  first: LanWritingPhoneState | null,
  closed: boolean,
  focus: boolean,
): WritingController | null {
  const { api, root, main } = ctx;
  const found = first ? loadOutbox(first.round.roundId) : findOutbox(ctx.code);
  const kept = found && found.state;
  if (!first && !kept) return null;
  let state: LanWritingPhoneState = first ?? { ...kept!, status: closed ? 'closed' : kept!.status };
  const roundId = state.round.roundId;
  if (!first) api.setToken(found!.token);
  const token = storage.loadToken(ctx.code) ?? (found ? found.token : '');
  let box: Outbox = found && found.roundId === roundId ? found : emptyOutbox(ctx.code, roundId, token);
  // Cards written under an earlier token (the laptop restarted the session) still go out, under this one.
  box = { ...box, code: ctx.code, token };
  ctx.useLanguage(state.round.language);
  const draft = loadNoteDraft(roundId);
  let composer = draft ? draft.text : '';
  let editing = draft ? draft.editing : null;
  let confirming: string | null = null;
  let choosingName = false;
  let error: Message | null = null;
  let notice: Message | null = null;
  let inFlight = false;
  let failing = false;
  let attempt = 0;
  /** Increases with every confirmed operation: a poll answer older than that is stale. */
  let generation = 0;
  let failedPolls = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let parts: WritingParts | null = null;
  let drawnScreen: WritingScreen | null = null;

  // ------------------------------------------------------------ what is shown

  const isClosed = () => state.status === 'closed';

  function cards() {
    const pending = state.status === 'closed' ? 'stopped' : failing ? 'unsent' : 'sending';
    return myCards(state.notes, box.ops, pending);
  }

  function nameId(): string | null {
    if (state.round.anonymous) return null;
    return state.participantId ?? box.participantId;
  }

  function voterName(id: string | null): string | null {
    const voter = state.round.voters.filter((candidate) => candidate.id === id)[0];
    return voter ? voter.name : null;
  }

  function view(): WritingView {
    const list = cards();
    const id = nameId();
    const nameFixed = state.participantId !== null || list.length > 0;
    let screen: WritingScreen = 'write';
    if (state.status === 'closed') screen = 'closed';
    else if (!state.round.anonymous && !nameFixed && (choosingName || voterName(id) === null))
      screen = 'name';
    return {
      state,
      screen,
      cards: list,
      left: cardsLeft(state.round.maxNotesPerPerson, list),
      name: voterName(id) ?? (id !== null && nameFixed ? '' : null),
      nameFixed,
      picked: box.participantId,
      composer,
      editing,
      confirming,
      error,
      notice,
    };
  }

  /**
   * Brings the screen up to date. A new screen is built (and with `focus`, its
   * heading takes the focus); otherwise only the parts that changed are
   * redrawn. The focus goes to `focusTo`, or stays where it was (found again
   * by data-key when its element was redrawn, with the caret kept).
   */
  function render(focus = false, focusTo: string | null = null): void {
    const tr = ctx.tr();
    const next = view();
    const keep = focusedKey(root);
    const active = document.activeElement;
    const selection =
      active instanceof HTMLTextAreaElement ? [active.selectionStart, active.selectionEnd] : null;
    if (!parts || next.screen !== drawnScreen || parts.key !== namesKey(next)) {
      const newScreen = next.screen !== drawnScreen;
      parts =
        next.screen === 'write'
          ? writeScreen(tr, next, handlers)
          : next.screen === 'name'
            ? writingNameScreen(tr, next, handlers)
            : writingClosedScreen(tr, next);
      setChildren(main, parts.nodes);
      drawnScreen = next.screen;
      if (focus && newScreen) return parts.heading.focus();
    } else parts.update(next);
    if (focusTo === null && (keep === null || document.activeElement === active)) return;
    if (!focusKey(root, focusTo ?? keep)) return;
    const field = document.activeElement;
    if (field instanceof HTMLTextAreaElement) {
      const kept = focusTo === null && selection;
      const end = field.value.length;
      field.setSelectionRange(kept ? selection[0]! : end, kept ? selection[1]! : end);
    }
  }

  function save(): void {
    box = { ...box, state, savedAt: Date.now() };
    saveOutbox(box);
  }

  function saveDraft(): void {
    saveNoteDraft(roundId, { text: composer, editing });
  }

  function say(key: string, params?: Record<string, string | number>): void {
    ctx.announce(ctx.tr().t(key, params));
  }

  /** A fresh state from the laptop. */
  function apply(next: LanWritingPhoneState): void {
    if (next.round.roundId !== roundId) return;
    const picked = box.participantId;
    state = next;
    if (next.participantId !== null) box = { ...box, participantId: next.participantId };
    else if (!next.round.anonymous && picked !== null && box.ops.length === 0 && voterName(picked) === null) {
      // The picked name went to another phone before this one wrote a card.
      box = { ...box, participantId: null };
      error = { key: 'errors.nameTaken' };
    }
    if (next.status === 'closed') {
      editing = null;
      confirming = null;
      clearTimeout(retryTimer);
      clearTimeout(pollTimer);
    }
  }

  // ------------------------------------------------------------ the outbox

  function request(op: NoteOp): Promise<ApiResult<LanWritingPhoneState>> {
    if (op.withdraw) return api.withdraw({ clientId: op.clientId });
    return api.note({
      clientId: op.clientId,
      text: op.text ?? '',
      ...(op.participantId !== undefined ? { participantId: op.participantId } : {}),
    });
  }

  function retryLater(ms: number): void {
    clearTimeout(retryTimer);
    const pause = Math.min(ms * Math.pow(2, attempt), RETRY_MAX_MS) * (0.8 + Math.random() * 0.4);
    attempt += 1;
    retryTimer = setTimeout(() => void pump(), pause);
  }

  async function pump(): Promise<void> {
    if (inFlight || stopped || state.status === 'closed') return;
    clearTimeout(retryTimer);
    const op = box.ops[0];
    if (!op) {
      failing = false;
      return;
    }
    inFlight = true;
    box = { ...box, ops: markTried(box.ops) };
    save();
    const result = await ctx.withToken(() => request(op));
    inFlight = false;
    if (stopped) return;
    box = { ...box, token: storage.loadToken(ctx.code) ?? box.token };
    if (result.ok || (op.withdraw && result.error === 'not-found')) {
      const changed = state.notes.some((note) => note.clientId === op.clientId);
      generation += 1;
      attempt = 0;
      failing = false;
      notice = null;
      box = { ...box, ops: box.ops.slice(1) };
      if (result.ok) apply(result.value);
      save();
      render();
      ctx.setOffline(false);
      // A backlog sent after the network came back is announced once, by its last card.
      if (box.ops.length === 0)
        say(op.withdraw ? 'write.withdrawn' : changed ? 'write.changeSent' : 'write.sentAnnouncement');
      return pump();
    }
    refused(op, result.error);
  }

  function refused(op: NoteOp, code: ApiError): void {
    const tr = ctx.tr();
    switch (code) {
      case 'network':
        if (!failing) say('write.queued');
        failing = true;
        ctx.setOffline(true);
        render();
        return retryLater(ctx.retryMs);
      case 'too-many-requests':
        notice = { key: 'write.busy' };
        render();
        return retryLater(ctx.retryMs * 5);
      case 'closed':
        apply({ ...state, status: 'closed' });
        save();
        return render(true);
      case 'wrong-code':
      case 'not-found':
        save();
        return ctx.leave(code);
      case 'name-taken': {
        const name = voterName(op.participantId ?? null);
        const texts = unsentTexts(box.ops);
        box = { ...box, ops: [], participantId: null };
        restore(texts);
        error = name ? { key: 'name.taken', params: { name } } : { key: 'errors.nameTaken' };
        choosingName = true;
        save();
        render(true);
        void refreshVoters();
        return;
      }
    }
    const dropped = dropRefused(box.ops);
    box = { ...box, ops: dropped.ops };
    if (dropped.text !== null) restore([dropped.text]);
    error = refusal(code, op, state.round.maxNotesPerPerson);
    save();
    render();
    ctx.announce(tr.say(error));
    void pump();
  }

  /** Texts the laptop refused go back into the field, after what is typed there now. */
  function restore(texts: string[]): void {
    const all = [composer].concat(texts).filter((text) => text.trim() !== '');
    composer = all.join('\n\n');
    saveDraft();
  }

  async function refreshVoters(): Promise<void> {
    const fresh = await ctx.withToken(() => api.state());
    if (stopped || !fresh.ok || !isWritingState(fresh.value)) return;
    const keepError = error;
    apply(fresh.value);
    error = keepError;
    render();
  }

  // ------------------------------------------------------------ polling

  function schedulePoll(): void {
    clearTimeout(pollTimer);
    if (stopped || state.status === 'closed') return;
    pollTimer = setTimeout(() => void poll(), ctx.pollMs);
  }

  async function poll(): Promise<void> {
    clearTimeout(pollTimer);
    if (stopped || state.status === 'closed') return;
    if (document.visibilityState === 'hidden' || inFlight) return schedulePoll();
    const before = generation;
    const result: ApiResult<AnyPhoneState> = await ctx.withToken(() => api.state());
    if (stopped) return;
    if (!result.ok) {
      if (result.error === 'closed') {
        apply({ ...state, status: 'closed' });
        save();
        return render(true);
      }
      if (result.error === 'wrong-code' || result.error === 'not-found') return ctx.leave(result.error);
      failedPolls += 1;
      if (failedPolls >= OFFLINE_AFTER) ctx.setOffline(true);
      return schedulePoll();
    }
    failedPolls = 0;
    if (!failing) ctx.setOffline(false);
    if (isWritingState(result.value) && before === generation && !inFlight) {
      apply(result.value);
      save();
      // Closing moves the focus to "Die Schreibrunde ist beendet".
      render(isClosed());
    }
    // The laptop answers again: what waits in the outbox goes now, not after the pause.
    if (failing && !inFlight) {
      attempt = 0;
      void pump();
    }
    schedulePoll();
  }

  function wake(): void {
    if (stopped) return;
    attempt = 0;
    void pump();
    void poll();
  }

  function onVisible(): void {
    if (document.visibilityState === 'visible') wake();
  }

  // ------------------------------------------------------------ actions

  const handlers: WritingHandlers = {
    selectName(participantId) {
      box = { ...box, participantId };
      save();
    },
    pickName(participantId) {
      if (participantId === null) {
        error = { key: 'name.required' };
        return render();
      }
      box = { ...box, participantId };
      choosingName = false;
      error = null;
      save();
      render(true);
    },
    changeName() {
      choosingName = true;
      error = null;
      render(true);
    },
    type(text) {
      composer = text;
      saveDraft();
      if (error) {
        error = null;
        render();
      }
    },
    send() {
      const text = composer.trim();
      const current = view();
      if (current.screen !== 'write') return;
      if (text === '') error = { key: 'write.empty' };
      else if (text.length > MAX) error = { key: 'write.tooLong', params: { used: text.length, max: MAX } };
      else if (current.left === 0)
        error = { key: 'write.limitReached', params: { count: state.round.maxNotesPerPerson ?? 0 } };
      else error = null;
      if (error) {
        render(false, 'note');
        return ctx.announce(ctx.tr().say(error));
      }
      const op: NoteOp = { clientId: newClientId(), text };
      const id = nameId();
      if (id !== null) op.participantId = id;
      box = { ...box, ops: enqueue(box.ops, op, false) };
      composer = '';
      save();
      saveDraft();
      render(false, 'note');
      if (failing) say('write.queued');
      void pump();
    },
    startEdit(clientId) {
      const card = cards().filter((candidate) => candidate.clientId === clientId)[0];
      if (!card) return;
      editing = { clientId, text: card.text };
      confirming = null;
      saveDraft();
      render(false, `edit:${clientId}`);
    },
    typeEdit(text) {
      if (!editing) return;
      editing = { clientId: editing.clientId, text };
      saveDraft();
    },
    saveEdit() {
      if (!editing) return;
      const { clientId } = editing;
      const text = editing.text.trim();
      const card = cards().filter((candidate) => candidate.clientId === clientId)[0];
      if (text === '' || text.length > MAX) {
        error =
          text === ''
            ? { key: 'write.editEmpty' }
            : { key: 'write.tooLong', params: { used: text.length, max: MAX } };
        render(false, `edit:${clientId}`);
        return ctx.announce(ctx.tr().say(error));
      }
      editing = null;
      error = null;
      if (card && card.text !== text) {
        const op: NoteOp = { clientId, text };
        const id = nameId();
        if (id !== null) op.participantId = id;
        box = { ...box, ops: enqueue(box.ops, op, true) };
        save();
      }
      saveDraft();
      render(false, `edit:${clientId}:button`);
      void pump();
    },
    cancelEdit() {
      if (!editing) return;
      const { clientId } = editing;
      editing = null;
      saveDraft();
      render(false, `edit:${clientId}:button`);
    },
    askWithdraw(clientId) {
      confirming = clientId;
      editing = null;
      render(false, `keep:${clientId}`);
    },
    confirmWithdraw() {
      const clientId = confirming;
      if (clientId === null) return;
      const list = cards();
      const index = list.map((card) => card.clientId).indexOf(clientId);
      const known = state.notes.some((note) => note.clientId === clientId);
      box = { ...box, ops: enqueue(box.ops, { clientId, withdraw: true }, known) };
      confirming = null;
      save();
      const neighbour = list[index + 1] ?? list[index - 1];
      render(false, neighbour ? `edit:${neighbour.clientId}:button` : 'note');
      if (!box.ops.some((op) => op.clientId === clientId)) say('write.withdrawn');
      void pump();
    },
    cancelWithdraw() {
      const clientId = confirming;
      confirming = null;
      render(false, clientId ? `withdraw:${clientId}` : null);
    },
  };

  window.addEventListener('online', wake);
  document.addEventListener('visibilitychange', onVisible);
  save();
  render(focus);
  void pump();
  schedulePoll();

  return {
    draw(focusHeading = false) {
      parts = null;
      render(focusHeading);
    },
    pageTitle: () => ctx.tr().t('write.pageTitle', { title: state.round.boardTitle }),
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(pollTimer);
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', onVisible);
    },
    outbox: () => box,
  };
}
