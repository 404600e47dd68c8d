// Which screen the phone shows, what a poll changes, how errors are worded.
import { describe, expect, it } from 'vitest';
import { PhoneApi, isPhoneState } from '../../../renderer/phone/api';
import { emptyDraft, withParticipant } from '../../../renderer/phone/ballotDraft';
import { translator } from '../../../renderer/phone/i18n';
import { isJoinCode, joinCodeFromPath, normalizeJoinCode } from '../../../renderer/phone/joinCode';
import {
  applyPolledState,
  errorMessage,
  initialModel,
  openRound,
  screenFor,
} from '../../../renderer/phone/phoneModel';
import { CODE, FakeLanApi, namedDotsRound } from './fakeLanApi';

const de = translator('de');

describe('join codes', () => {
  it('accepts any case, spaces and dashes, and only the code alphabet', () => {
    expect(normalizeJoinCode(' k7m 2-qx ')).toBe('K7M2QX');
    expect(isJoinCode('K7M2QX')).toBe(true);
    expect(isJoinCode('K7M2Q')).toBe(false);
    expect(isJoinCode('K7M2Q0')).toBe(false); // 0 is left out: it looks like O
    expect(joinCodeFromPath('/j/k7m2qx')).toBe('K7M2QX');
    expect(joinCodeFromPath('/j/K7M2QX/')).toBe('K7M2QX');
    expect(joinCodeFromPath('/')).toBeNull();
    expect(joinCodeFromPath('/j/a/b')).toBeNull();
  });
});

describe('screens', () => {
  const api = new FakeLanApi(namedDotsRound(), CODE);
  const token = 'token-1';
  api.tokens.set(token, { deviceId: 'device-1' });

  it('named rounds ask for the name first, then show the ballot, then the confirmation', () => {
    const state = api.phoneState(token);
    expect(screenFor(state, emptyDraft(), false)).toBe('name');
    const named = withParticipant(emptyDraft(), 'p2');
    expect(screenFor(state, named, false)).toBe('ballot');
    expect(screenFor(state, named, false, true)).toBe('name');
    const voted = {
      ...state,
      ballot: { participantId: 'p2', content: { method: 'dots' as const, dots: { c1: 1 } }, updatedAt: 1 },
    };
    expect(screenFor(voted, named, false)).toBe('sent');
    expect(screenFor(voted, named, true)).toBe('ballot');
    expect(screenFor({ ...voted, status: 'closed' }, named, true)).toBe('closed');
  });

  it('an unsent selection survives a reload; a sent ballot becomes the selection to change', () => {
    const state = api.phoneState(token);
    const unsent = { ...withParticipant(emptyDraft(), 'p1'), dots: { c1: 2, gone: 1 } };
    expect(openRound(state, unsent)).toEqual({ draft: { ...unsent, dots: { c1: 2 } }, editing: false });
    const voted = {
      ...state,
      ballot: { participantId: 'p3', content: { method: 'dots' as const, dots: { c2: 1 } }, updatedAt: 1 },
    };
    expect(openRound(voted, null).draft).toMatchObject({ participantId: 'p3', dots: { c2: 1 } });
    expect(openRound(voted, unsent)).toMatchObject({
      editing: true,
      draft: { participantId: 'p3', dots: { c1: 2 } },
    });
  });

  it('a poll takes the phone back to the names when its name went to another phone, and to the end when closed', () => {
    const state = api.phoneState(token);
    const model = {
      ...initialModel('de', CODE),
      phone: state,
      draft: withParticipant(emptyDraft(), 'p1'),
      screen: 'ballot' as const,
    };
    api.taken.add('p1');
    const polled = applyPolledState(model, api.phoneState(token));
    expect(polled.model.screen).toBe('name');
    expect(de.say(polled.notice!)).toBe(
      '„Anna Schmidt“ wurde inzwischen auf einem anderen Gerät gewählt. Bitte wählen Sie Ihren Namen.',
    );
    api.close();
    expect(applyPolledState(polled.model, api.phoneState(token)).model.screen).toBe('closed');
  });
});

describe('errors in words', () => {
  it('says what happened and what to do', () => {
    expect(de.say(errorMessage('network', 'ballot'))).toBe(
      'Keine Verbindung zum Laptop – Ihre Auswahl bleibt erhalten, bitte erneut senden.',
    );
    expect(de.say(errorMessage('too-many-requests', 'ballot'))).toBe(
      'Bitte einen Moment warten und dann erneut versuchen.',
    );
    expect(de.say(errorMessage('wrong-code', 'join'))).toMatch(/^Diesen Code gibt es nicht/);
    expect(de.say(errorMessage('bad-origin', 'join'))).toBe(
      'Das hat nicht geklappt (Fehler „bad-origin“). Bitte laden Sie die Seite neu.',
    );
  });
});

describe('the API client', () => {
  it('joins, then sends the token with every call, and turns errors into codes', async () => {
    const fake = new FakeLanApi(namedDotsRound(), CODE);
    const api = new PhoneApi(fake.fetch);
    expect(await api.join({ code: 'WRONG1' })).toEqual({ ok: false, error: 'wrong-code' });
    const joined = await api.join({ code: CODE });
    expect(joined.ok).toBe(true);
    const token = joined.ok ? joined.value.token : '';
    expect((await api.state()).ok).toBe(true);
    expect(fake.log.at(-1)!.authorization).toBe(`Bearer ${token}`);
    fake.failures.push('network');
    expect(await api.state()).toEqual({ ok: false, error: 'network' });
    fake.failures.push('too-many-requests');
    expect(await api.ballot({ participantId: 'p1', content: { method: 'dots', dots: { c1: 1 } } })).toEqual({
      ok: false,
      error: 'too-many-requests',
    });
    const sent = await api.ballot({ participantId: 'p1', content: { method: 'dots', dots: { c1: 1 } } });
    expect(sent.ok && sent.value.ballot?.content).toEqual({ method: 'dots', dots: { c1: 1 } });
  });

  it('treats an answer that is not the API (a captive portal, a wrong shape) as no connection', async () => {
    const html = new PhoneApi(async () => new Response('<html>Login</html>', { status: 200 }));
    expect(await html.state()).toEqual({ ok: false, error: 'network' });
    const wrong = new PhoneApi(async () => new Response(JSON.stringify({ round: {} }), { status: 200 }));
    expect(await wrong.state()).toEqual({ ok: false, error: 'network' });
    expect(isPhoneState({ round: {}, status: 'open', ballot: null })).toBe(false);
  });
});
