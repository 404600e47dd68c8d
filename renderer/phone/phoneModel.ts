/**
 * What the phone shows, decided without the DOM: which screen follows from the
 * server's state and the person's selection, what a poll changes, and how each
 * error is worded.
 */
import type { LanLanguage, LanPhoneState } from '../../electron/shared/lanContract';
import type { ApiError } from './api';
import type { Draft } from './ballotDraft';
import { draftFromBallot, emptyDraft, fitDraft, withParticipant } from './ballotDraft';
import type { Message } from './i18n';

/** 'write': a writing round, drawn by writingApp.ts. */
export type Screen = 'code' | 'joining' | 'name' | 'ballot' | 'sent' | 'closed' | 'write';

export interface Model {
  language: LanLanguage;
  /** The join code, normalized; '' until known. */
  code: string;
  phone: LanPhoneState | null;
  draft: Draft;
  /** Changing a ballot that was already sent. */
  editing: boolean;
  /** Named rounds: on the name list, although a name may be picked already. */
  choosingName: boolean;
  screen: Screen;
  /** Shown as an alert on the current screen. */
  error: Message | null;
  sending: boolean;
  /** Polls fail: the laptop cannot be reached right now. */
  offline: boolean;
}

export function initialModel(language: LanLanguage, code: string | null): Model {
  return {
    language,
    code: code ?? '',
    phone: null,
    draft: emptyDraft(),
    editing: false,
    choosingName: false,
    screen: code ? 'joining' : 'code',
    error: null,
    sending: false,
    offline: false,
  };
}

function hasVoter(phone: LanPhoneState, participantId: string | null): boolean {
  return participantId !== null && phone.round.voters.some((voter) => voter.id === participantId);
}

export function voterName(phone: LanPhoneState, participantId: string | null): string | null {
  const voter = phone.round.voters.filter((candidate) => candidate.id === participantId)[0];
  return voter ? voter.name : null;
}

export function screenFor(
  phone: LanPhoneState,
  draft: Draft,
  editing: boolean,
  choosingName = false,
): Screen {
  if (phone.status === 'closed') return 'closed';
  if (phone.ballot && !editing) return 'sent';
  if (!phone.round.anonymous && (choosingName || !hasVoter(phone, draft.participantId))) return 'name';
  return 'ballot';
}

/**
 * The selection to start from after joining: an unsent one kept in the session
 * (a reload or a network blip), else the ballot already sent, else nothing.
 */
export function openRound(phone: LanPhoneState, unsent: Draft | null): { draft: Draft; editing: boolean } {
  const anonymous = phone.round.anonymous;
  const own = phone.ballot ? draftFromBallot(phone.ballot, anonymous) : null;
  let draft: Draft;
  let editing = false;
  if (unsent && phone.status === 'open') {
    draft = fitDraft(unsent, phone.round.items);
    if (anonymous) draft = withParticipant(draft, null);
    else if (own) draft = withParticipant(draft, own.participantId);
    editing = own !== null;
  } else {
    draft = own ?? emptyDraft();
  }
  if (!anonymous && !hasVoter(phone, draft.participantId)) draft = withParticipant(draft, null);
  return { draft, editing };
}

/** A fresh state from a poll: the round closed, or the picked name went to another phone. */
export function applyPolledState(
  model: Model,
  phone: LanPhoneState,
): { model: Model; notice: Message | null } {
  if (!model.phone || model.phone.round.roundId !== phone.round.roundId) {
    const opened = openRound(phone, null);
    return {
      model: {
        ...model,
        phone,
        ...opened,
        choosingName: false,
        screen: screenFor(phone, opened.draft, opened.editing),
        error: null,
      },
      notice: null,
    };
  }
  let draft = model.draft;
  let notice: Message | null = null;
  let error = model.error;
  if (
    !phone.round.anonymous &&
    phone.status === 'open' &&
    draft.participantId !== null &&
    !hasVoter(phone, draft.participantId)
  ) {
    const name = voterName(model.phone, draft.participantId);
    draft = withParticipant(draft, null);
    notice = name === null ? { key: 'errors.nameTaken' } : { key: 'name.taken', params: { name } };
    error = notice;
  }
  const screen = screenFor(phone, draft, model.editing, model.choosingName);
  if (screen === 'closed') error = null;
  return { model: { ...model, phone, draft, screen, error }, notice };
}

const API_ERRORS: Partial<Record<ApiError, string>> = {
  'too-many-requests': 'errors.tooManyRequests',
  'wrong-code': 'errors.wrongCode',
  'not-found': 'errors.wrongCode',
  'name-taken': 'errors.nameTaken',
  full: 'errors.full',
  'invalid-ballot': 'errors.invalidBallot',
  closed: 'closed.heading',
};

/** An API error in words; joining and sending word a lost connection differently. */
export function errorMessage(error: ApiError, during: 'join' | 'ballot'): Message {
  if (error === 'network') return { key: during === 'join' ? 'errors.networkJoin' : 'errors.network' };
  const key = API_ERRORS[error];
  return key ? { key } : { key: 'errors.other', params: { code: error } };
}
