/**
 * The phone page's controller: joins with the code, keeps the token, sends the
 * ballot, polls for the round closing, and redraws the screen from the model.
 * A writing round is handed to writingApp.ts once joined.
 */
import type { LanLanguage, LanPhoneState } from '../../electron/shared/lanContract';
import type { ApiError, ApiResult } from './api';
import { PhoneApi, isWritingState } from './api';
import type { Draft } from './ballotDraft';
import {
  ballotProblem,
  buildContent,
  draftFromBallot,
  remainingMessage,
  withParticipant,
} from './ballotDraft';
import { createChrome } from './chrome';
import { focusKey, focusedKey, setChildren } from './dom';
import type { Translator } from './i18n';
import { translator } from './i18n';
import { isJoinCode, joinCodeFromPath, joinPath, normalizeJoinCode } from './joinCode';
import type { Model } from './phoneModel';
import { applyPolledState, errorMessage, initialModel, openRound, screenFor, voterName } from './phoneModel';
import type { Handlers, ScreenParts } from './screens';
import { ballotScreen, closedScreen, codeScreen, joiningScreen, nameScreen, sentScreen } from './screens';
import * as storage from './storage';
import type { LanWritingPhoneState } from '../../electron/shared/lanContract';
import type * as writingModule from './writingApp';
import type { WritingController } from './writingApp';

export interface PhoneAppOptions {
  api?: PhoneApi;
  /** How often the open round is checked for closing, ms. */
  pollMs?: number;
  /** Writing rounds: the first pause before a card is sent again, ms (it doubles). */
  retryMs?: number;
}

export interface PhoneApp {
  /** Stops polling (tests). */
  stop(): void;
  /** For tests: what the model holds now. */
  model(): Model;
  /** For tests: the writing round's controller, once joined to one. */
  writing(): WritingController | null;
}

const POLL_MS = 4000;
const RETRY_MS = 1000;
/** Polls that may fail before the page says the connection is lost. */
const OFFLINE_AFTER = 2;

export function startPhoneApp(root: HTMLElement, options: PhoneAppOptions = {}): PhoneApp {
  const api = options.api ?? new PhoneApi();
  const pollMs = options.pollMs ?? POLL_MS;
  const codeInPath = joinCodeFromPath(window.location.pathname);
  let model: Model = initialModel(storage.loadLanguage() ?? 'de', codeInPath);
  let tr: Translator = translator(model.language);
  let parts: ScreenParts | null = null;
  let drawnScreen: string | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let failedPolls = 0;
  let stopped = false;
  let writing: WritingController | null = null;

  const chrome = createChrome(root, tr);
  const { main, languageButton, announce } = chrome;
  const drawChrome = () =>
    chrome.draw(
      tr,
      model.language,
      writing
        ? writing.pageTitle()
        : model.phone
          ? tr.t('app.pageTitle', { title: model.phone.round.title })
          : null,
      model.offline,
    );

  // ------------------------------------------------------------ drawing

  /** Redraws the current screen; a new screen takes the focus to its heading when `focus` is set. */
  function draw(focus = false): void {
    if (writing) {
      drawChrome();
      return writing.draw(focus);
    }
    const keep = focusedKey(root);
    // The code typed so far survives a redraw (e.g. switching the language).
    const codeField = main.querySelector<HTMLInputElement>('input[data-key="code"]');
    if (codeField && model.screen === 'code') model = { ...model, code: codeField.value };
    drawChrome();
    switch (model.screen) {
      case 'code':
        parts = codeScreen(tr, model, handlers);
        break;
      case 'joining':
        parts = joiningScreen(tr, model);
        break;
      case 'name':
        parts = nameScreen(tr, model, handlers);
        break;
      case 'ballot':
        parts = ballotScreen(tr, model, handlers, {
          draft: () => model.draft,
          change: changeDraft,
          announce,
        });
        break;
      case 'sent':
        parts = sentScreen(tr, model, handlers);
        break;
      case 'closed':
      case 'write':
        parts = closedScreen(tr, model);
        break;
    }
    setChildren(main, parts.nodes);
    const newScreen = drawnScreen !== model.screen;
    drawnScreen = model.screen;
    if (focus && newScreen) parts.heading.focus();
    else focusKey(root, keep);
  }

  function showError(message: Model['error']): void {
    model = { ...model, error: message };
    if (!parts) return;
    parts.alert.textContent = message ? tr.say(message) : '';
    parts.alert.hidden = !message;
  }

  function changeDraft(draft: Draft, announcement?: string): void {
    model = { ...model, draft };
    if (model.phone) storage.saveDraft(model.phone.round.roundId, draft);
    if (model.error) showError(null);
    if (parts && parts.ballot) parts.ballot.update();
    if (parts && parts.remaining && model.phone)
      parts.remaining.textContent = tr.say(
        remainingMessage(model.phone.round.settings, model.phone.round.items, draft),
      );
    if (announcement) announce(announcement);
  }

  // ------------------------------------------------------------ the round

  function enterRound(phone: LanPhoneState, unsent: Draft | null): void {
    const opened = openRound(phone, unsent);
    const language = storage.loadLanguage() ?? phone.round.language;
    if (language !== model.language) tr = translator(language);
    model = {
      ...model,
      language,
      phone,
      draft: opened.draft,
      editing: opened.editing,
      choosingName: false,
      screen: screenFor(phone, opened.draft, opened.editing),
      error: null,
      offline: false,
    };
    if (phone.status === 'closed') storage.saveDraft(phone.round.roundId, null);
  }

  async function join(code: string, focus: boolean): Promise<void> {
    model = { ...model, code, screen: 'joining', error: null };
    draw(focus);
    const token = storage.loadToken(code);
    const result = await api.join(token ? { code, token } : { code });
    if (stopped) return;
    // A writing round this phone wrote in: its cards stay visible (and go out later) without the laptop.
    if (
      !result.ok &&
      (result.error === 'network' || result.error === 'closed') &&
      storage.hasOutbox(code) &&
      (await enterWriting(code, null, result.error === 'closed', focus))
    )
      return;
    if (stopped) return;
    if (!result.ok) {
      if (result.error === 'closed') {
        model = { ...model, screen: 'closed', error: null };
        storage.forgetToken(code);
      } else {
        if (result.error === 'wrong-code' || result.error === 'not-found') storage.forgetToken(code);
        model = { ...model, screen: 'code', error: errorMessage(result.error, 'join') };
      }
      draw(true);
      return;
    }
    storage.saveToken(code, result.value.token);
    if (window.location.pathname !== joinPath(code)) {
      try {
        window.history.replaceState(null, '', joinPath(code));
      } catch {
        // Not fatal: a reload then asks for the code again.
      }
    }
    const phone = result.value.state;
    if (isWritingState(phone)) {
      await enterWriting(code, phone, false, focus);
      return;
    }
    enterRound(phone, storage.loadDraft(phone.round.roundId));
    draw(true);
    schedulePoll();
  }

  /**
   * Calls the API; when the token is no longer known (the laptop restarted the
   * session), joins again with the code and calls once more. A failed rejoin
   * answers with its own error (e.g. the code is gone).
   */
  async function withToken<T>(call: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
    const result = await call();
    if (result.ok || result.error !== 'no-token') return result;
    const token = storage.loadToken(model.code);
    const joined = await api.join(token ? { code: model.code, token } : { code: model.code });
    if (!joined.ok) return joined;
    storage.saveToken(model.code, joined.value.token);
    return call();
  }

  /**
   * Hands the page to the writing round. Its code is loaded only now (a phone
   * that votes never fetches it); the page came from the laptop a moment ago,
   * so the laptop serves this too. Without a state (the laptop cannot be
   * reached, or the round has closed) the cards kept on the phone are shown;
   * false when there are none.
   */
  async function enterWriting(
    code: string,
    state: LanWritingPhoneState | null,
    closed: boolean,
    focus: boolean,
  ): Promise<boolean> {
    clearTimeout(pollTimer);
    if (writing) writing.stop();
    writing = null;
    let loaded: typeof writingModule;
    try {
      loaded = await import('./writingApp');
    } catch {
      if (stopped) return true;
      model = { ...model, screen: 'code', error: errorMessage('network', 'join') };
      draw(true);
      return true;
    }
    if (stopped) return true;
    model = { ...model, code, phone: null, error: null, sending: false, offline: !state && !closed };
    writing = loaded.startWriting(
      {
        root,
        main,
        api,
        code,
        tr: () => tr,
        useLanguage(roundLanguage) {
          const language = storage.loadLanguage() ?? roundLanguage;
          if (language !== model.language) tr = translator(language);
          model = { ...model, language };
        },
        announce,
        withToken,
        setOffline,
        leave: (error) => handleFatal(error),
        pollMs,
        retryMs: options.retryMs ?? RETRY_MS,
      },
      state,
      closed,
      focus,
    );
    if (!writing) return false;
    model = { ...model, screen: 'write' };
    drawnScreen = 'write';
    drawChrome();
    return true;
  }

  function setOffline(offline: boolean): void {
    if (offline === model.offline) return;
    model = { ...model, offline };
    drawChrome();
    if (!offline) announce(tr.t('errors.connectionBack'));
  }

  function handleFatal(error: ApiError): void {
    if (writing && (error === 'wrong-code' || error === 'not-found')) {
      writing.stop();
      writing = null;
    }
    if (error === 'closed') {
      model = { ...model, screen: 'closed', error: null, sending: false };
      if (model.phone) model = { ...model, phone: { ...model.phone, status: 'closed' } };
    } else if (error === 'wrong-code' || error === 'not-found') {
      storage.forgetToken(model.code);
      model = { ...model, screen: 'code', phone: null, error: errorMessage(error, 'join'), sending: false };
    }
    draw(true);
  }

  // ------------------------------------------------------------ polling

  function schedulePoll(): void {
    clearTimeout(pollTimer);
    if (stopped || !model.phone || model.phone.status === 'closed') return;
    pollTimer = setTimeout(() => void poll(), pollMs);
  }

  async function poll(): Promise<void> {
    clearTimeout(pollTimer);
    if (stopped || !model.phone || model.screen === 'closed') return;
    if (document.visibilityState === 'hidden' || model.sending) return schedulePoll();
    const result = await withToken(() => api.state());
    if (stopped) return;
    if (!result.ok) {
      if (result.error === 'closed' || result.error === 'wrong-code' || result.error === 'not-found') {
        handleFatal(result.error);
        return;
      }
      failedPolls += 1;
      if (failedPolls >= OFFLINE_AFTER && !model.offline) {
        model = { ...model, offline: true };
        drawChrome();
      }
      return schedulePoll();
    }
    failedPolls = 0;
    setOffline(false);
    if (isWritingState(result.value)) {
      await enterWriting(model.code, result.value, false, true);
      return;
    }
    const before = signature();
    const applied = applyPolledState(model, result.value);
    model = applied.model;
    if (model.screen === 'closed') storage.saveDraft(result.value.round.roundId, null);
    if (signature() !== before) draw(true);
    schedulePoll();
  }

  /** What a poll may change on the screen; redrawn only when it differs. */
  function signature(): string {
    const phone = model.phone;
    if (!phone) return model.screen;
    return JSON.stringify([
      model.screen,
      phone.status,
      phone.round.title,
      phone.round.closesAt,
      model.screen === 'name' ? phone.round.voters : null,
      phone.ballot ? phone.ballot.updatedAt : null,
      model.error,
    ]);
  }

  function onVisible(): void {
    if (document.visibilityState === 'visible') void poll();
  }
  document.addEventListener('visibilitychange', onVisible);

  // ------------------------------------------------------------ actions

  const handlers: Handlers = {
    join(input) {
      const code = normalizeJoinCode(input);
      if (!isJoinCode(code)) {
        model = { ...model, code: input.trim() };
        showError({ key: 'join.invalidFormat' });
        const field = root.querySelector<HTMLElement>('[data-key="code"]');
        if (field) {
          field.setAttribute('aria-invalid', 'true');
          field.focus();
        }
        return;
      }
      void join(code, true);
    },
    pickName(participantId) {
      if (participantId === null) return showError({ key: 'name.required' });
      changeDraft(withParticipant(model.draft, participantId));
      model = { ...model, choosingName: false, error: null };
      model = { ...model, screen: screenFor(model.phone!, model.draft, model.editing) };
      draw(true);
    },
    selectName(participantId) {
      changeDraft(withParticipant(model.draft, participantId));
    },
    changeName() {
      model = { ...model, choosingName: true, screen: 'name', error: null };
      draw(true);
    },
    async submit() {
      const phone = model.phone;
      if (!phone || model.sending) return;
      const problem = ballotProblem(phone.round.settings, phone.round.items, model.draft);
      if (problem) return showError(problem);
      const request = {
        ...(phone.round.anonymous ? {} : { participantId: model.draft.participantId! }),
        content: buildContent(phone.round.settings, model.draft),
      };
      model = { ...model, sending: true, error: null };
      draw();
      const result = await withToken(() => api.ballot(request));
      if (stopped) return;
      model = { ...model, sending: false };
      if (result.ok) {
        const state = result.value;
        storage.saveDraft(state.round.roundId, null);
        const draft = state.ballot ? draftFromBallot(state.ballot, state.round.anonymous) : model.draft;
        model = {
          ...model,
          phone: state,
          draft,
          editing: false,
          choosingName: false,
          screen: screenFor(state, draft, false),
        };
        draw(true);
        announce(tr.t('sent.heading'));
        return schedulePoll();
      }
      const error = result.error;
      if (error === 'closed' || error === 'wrong-code' || error === 'not-found') return handleFatal(error);
      if (error === 'name-taken') {
        const name = voterName(phone, model.draft.participantId);
        const fresh = await api.state();
        if (stopped) return;
        const draft = withParticipant(model.draft, null);
        const next = fresh.ok && !isWritingState(fresh.value) ? fresh.value : phone;
        model = {
          ...model,
          phone: next,
          draft,
          choosingName: true,
          screen: screenFor(next, draft, model.editing, true),
          error: name ? { key: 'name.taken', params: { name } } : { key: 'errors.nameTaken' },
        };
        storage.saveDraft(next.round.roundId, draft);
        return draw(true);
      }
      model = { ...model, error: errorMessage(error, 'ballot') };
      draw();
    },
    changeBallot() {
      model = { ...model, editing: true, error: null };
      model = { ...model, screen: screenFor(model.phone!, model.draft, true) };
      draw(true);
    },
    cancelChange() {
      const phone = model.phone!;
      storage.saveDraft(phone.round.roundId, null);
      const draft = phone.ballot ? draftFromBallot(phone.ballot, phone.round.anonymous) : model.draft;
      model = { ...model, draft, editing: false, error: null, screen: screenFor(phone, draft, false) };
      draw(true);
    },
  };

  languageButton.addEventListener('click', () => {
    const language: LanLanguage = model.language === 'de' ? 'en' : 'de';
    storage.saveLanguage(language);
    tr = translator(language);
    model = { ...model, language };
    draw();
    announce(tr.t('language.now'));
  });

  if (codeInPath && isJoinCode(codeInPath)) void join(codeInPath, false);
  else {
    if (codeInPath)
      model = { ...model, screen: 'code', code: codeInPath, error: { key: 'join.invalidFormat' } };
    draw();
  }

  return {
    stop() {
      stopped = true;
      clearTimeout(pollTimer);
      if (writing) writing.stop();
      chrome.stop();
      document.removeEventListener('visibilitychange', onVisible);
    },
    model: () => model,
    writing: () => writing,
  };
}
