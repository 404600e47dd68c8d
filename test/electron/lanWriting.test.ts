// Writing rounds (Schreibrunden) on the LAN server: phones write cards, run in
// Node on 127.0.0.1 and driven over real HTTP like a phone (or a curious device
// on the same network) would. Every guard of the voting round applies here too.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLanServer, type LanLimits, type LanServer } from '../../electron/main/lan/lanServer';
import { LAN_CLIENT_NOTE_ID, lanNoteRequestSchema } from '../../electron/main/lan/lanSchemas';
import {
  cleanLanNoteText,
  createLanWritingRound,
  LAN_MAX_SHARED_CHARS,
} from '../../electron/main/lan/lanWriting';
import {
  LAN_LIMITS,
  type LanNoteEvent,
  type LanPhoneState,
  type LanWritingPhoneState,
} from '../../electron/shared/lanContract';
import { CLIENT_NOTE_ID } from '../../renderer/src/domain/writing';
import {
  clientId,
  dots,
  dotsRound,
  makePageDir,
  namedWritingRound,
  phone,
  raw,
  writingRound,
} from './lanHelpers';

let page: ReturnType<typeof makePageDir>;
let server: LanServer | null = null;
let time = Date.UTC(2026, 10, 28, 9, 0);

beforeEach(() => {
  page = makePageDir();
  time = Date.UTC(2026, 10, 28, 9, 0);
});

afterEach(async () => {
  await server?.stop();
  server = null;
  page.cleanup();
});

async function start(limits: Partial<LanLimits> = {}): Promise<LanServer> {
  server = await startLanServer({
    address: '127.0.0.1',
    port: 0,
    pageDir: page.dir,
    limits: { rateLimit: 10_000, ...limits },
    now: () => time,
  });
  return server;
}

async function joined(s: LanServer, code: string) {
  const res = await phone(s.port).join(code);
  expect(res.status).toBe(200);
  return res.json as { token: string; state: LanWritingPhoneState };
}

async function notes(s: LanServer, roundId = 'write-1'): Promise<LanNoteEvent[]> {
  const events = await s.events({ roundId, after: 0, waitMs: 0 });
  expect(events.ballots).toEqual([]);
  return events.notes ?? [];
}

const write = (n: number | string, text: string, extra: Record<string, unknown> = {}) => ({
  clientId: clientId(n),
  text,
  ...extra,
});

describe('the card id and text rules', () => {
  it('accepts exactly the card ids the renderer accepts (CLIENT_NOTE_ID)', () => {
    expect(LAN_CLIENT_NOTE_ID.source).toBe(CLIENT_NOTE_ID.source);
    expect(LAN_CLIENT_NOTE_ID.flags).toBe(CLIENT_NOTE_ID.flags);
    const id = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'abcXYZ019_-'), minLength: 0, maxLength: 45 }),
      fc.string({ minLength: 0, maxLength: 45 }),
      fc.string({ unit: 'grapheme', maxLength: 45 }),
    );
    fc.assert(
      fc.property(id, (value) => {
        const server = lanNoteRequestSchema.safeParse({ clientId: value, text: 'x' }).success;
        expect(server).toBe(CLIENT_NOTE_ID.test(value));
      }),
      { seed: 20_261_128, numRuns: 2000 },
    );
    for (const value of ['abcdefgh', 'A'.repeat(40), 'a_b-c123'])
      expect(LAN_CLIENT_NOTE_ID.test(value)).toBe(true);
    for (const value of ['abcdefg', 'A'.repeat(41), 'abc/defgh', 'abcdefgh\n', 'äbcdefgh']) {
      expect(LAN_CLIENT_NOTE_ID.test(value), value).toBe(false);
    }
  });

  it('normalises (NFC, trimmed, CR LF → LF) and refuses empty, too long and control characters', () => {
    expect(cleanLanNoteText('  Akten digital führen \n')).toBe('Akten digital führen');
    expect(cleanLanNoteText('Cafe\u0301')).toBe('Café');
    expect(cleanLanNoteText('Zeile 1\r\nZeile 2\rZeile 3')).toBe('Zeile 1\nZeile 2\nZeile 3');
    expect(cleanLanNoteText('Spalte\tWert')).toBe('Spalte\tWert');
    expect(cleanLanNoteText('x'.repeat(LAN_LIMITS.maxNoteChars))).toHaveLength(LAN_LIMITS.maxNoteChars);
    // Counted in UTF-16 code units, as a textarea's maxlength counts them.
    expect(cleanLanNoteText('😀'.repeat(150))).toHaveLength(300);
    expect(cleanLanNoteText('😀'.repeat(151))).toBeNull();
    for (const bad of [
      '',
      '   \n\t ',
      'x'.repeat(LAN_LIMITS.maxNoteChars + 1),
      'Null\u0000Byte',
      'Glocke\u0007',
      'Escape \u001b[31mrot',
      'Rück\bschritt',
      'Zeilen\u000bTab',
      'Seiten\fvorschub',
      'DEL\u007f',
      'C1\u0085Zeichen',
      'Halbes \ud83d Paar',
      'Halbes \ude00 Paar',
    ]) {
      expect(cleanLanNoteText(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('allows as many sends per phone as LAN_LIMITS says, then answers too-many-requests', () => {
    const round = createLanWritingRound(writingRound(), { now: () => time, maxTokens: 10 });
    const joined = round.join(round.joinCode, undefined);
    if (!joined.ok) throw new Error(joined.error);
    const { token } = joined.value;
    for (let i = 0; i < LAN_LIMITS.maxNoteSendsPerPhone; i += 1) {
      expect(round.note(token, { clientId: clientId(1), text: `Fassung ${i}` }).ok).toBe(true);
    }
    expect(round.note(token, { clientId: clientId(1), text: 'noch eine' })).toEqual({
      ok: false,
      error: 'too-many-requests',
    });
    expect(round.withdraw(token, { clientId: clientId(1) })).toEqual({
      ok: false,
      error: 'too-many-requests',
    });
    // A repeat of what is stored is still answered.
    expect(
      round.note(token, { clientId: clientId(1), text: `Fassung ${LAN_LIMITS.maxNoteSendsPerPhone - 1}` }).ok,
    ).toBe(true);
    expect(round.eventsAfter(0)).toHaveLength(LAN_LIMITS.maxNoteSendsPerPhone);
    expect(round.eventsAfter(0).at(-1)?.version).toBe(LAN_LIMITS.maxNoteSendsPerPhone);
  });
});

describe('writing cards', () => {
  it('shows a joined phone the prompt, no names, no cards, nothing shared', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound({ maxNotesPerPerson: 3 }), ['p-ignored']);
    const { token, state } = await joined(s, joinCode);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(state).toEqual({
      kind: 'write',
      round: {
        kind: 'write',
        roundId: 'write-1',
        prompt: 'Welche Aufgaben sollten wir zuerst automatisieren?',
        boardTitle: 'Ideensammlung',
        maxNotesPerPerson: 3,
        anonymous: true,
        voters: [],
        closesAt: null,
        language: 'de',
      },
      status: 'open',
      participantId: null,
      notes: [],
      shared: [],
    });
    expect((await phone(s.port).state(token)).json).toEqual(state);
    expect(s.current()).toMatchObject({ roundId: 'write-1', kind: 'write', joinCode });
  });

  it('stores a new card once with one event, and a card sent twice only once', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    const first = await p.note(token, write(1, '  E-Akte einführen '));
    expect(first.status).toBe(200);
    expect((first.json as LanWritingPhoneState).notes).toEqual([
      { clientId: clientId(1), text: 'E-Akte einführen', version: 1, updatedAt: time },
    ]);
    // The answer got lost; the phone sends again (also with whitespace or another Unicode form).
    const again = await p.note(token, write(1, 'E-Akte einführen'));
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect((await p.note(token, write(1, 'E-Akte einfu\u0308hren\n'))).status).toBe(200);

    const events = await notes(s);
    expect(events).toEqual([
      {
        seq: 1,
        roundId: 'write-1',
        deviceId: expect.stringMatching(/^device-[0-9a-f]{16}$/),
        clientId: clientId(1),
        participantId: null,
        text: 'E-Akte einführen',
        withdrawn: false,
        version: 1,
        receivedAt: time,
      },
    ]);
    expect(token).not.toContain(events[0]!.deviceId.slice(7));
    expect(Buffer.from(token, 'base64url').toString('hex')).not.toContain(events[0]!.deviceId.slice(7));
  });

  it('changes a card (version 2, one event) and keeps the order of first sending', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    await p.note(token, write(1, 'Erste Karte'));
    time += 1000;
    await p.note(token, write(2, 'Zweite Karte'));
    time += 1000;
    const edited = await p.note(token, write(1, 'Erste Karte, geändert'));
    expect(edited.status).toBe(200);
    expect((edited.json as LanWritingPhoneState).notes).toEqual([
      { clientId: clientId(1), text: 'Erste Karte, geändert', version: 2, updatedAt: time },
      { clientId: clientId(2), text: 'Zweite Karte', version: 1, updatedAt: time - 1000 },
    ]);
    const events = await notes(s);
    expect(events.map((e) => [e.seq, e.clientId, e.version, e.text])).toEqual([
      [1, clientId(1), 1, 'Erste Karte'],
      [2, clientId(2), 1, 'Zweite Karte'],
      [3, clientId(1), 2, 'Erste Karte, geändert'],
    ]);
    expect(new Set(events.map((e) => e.deviceId)).size).toBe(1);
    expect((await s.events({ roundId: 'write-1', after: 2, waitMs: 0 })).notes?.map((e) => e.seq)).toEqual([
      3,
    ]);
  });

  it('withdraws a card once (withdrawing twice is one event), and a late resend does not bring it back', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    await p.note(token, write(1, 'Bleibt'));
    await p.note(token, write(2, 'Wird zurückgezogen'));
    const first = await p.withdraw(token, { clientId: clientId(2) });
    expect(first.status).toBe(200);
    expect((first.json as LanWritingPhoneState).notes.map((n) => n.clientId)).toEqual([clientId(1)]);
    const second = await p.withdraw(token, { clientId: clientId(2) });
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    // Unknown cards: nothing to withdraw, nothing happens.
    expect((await p.withdraw(token, { clientId: clientId(9) })).json).toEqual(first.json);
    // The original send arrives late: refused as a no-op, the card stays withdrawn.
    const late = await p.note(token, write(2, 'Wird zurückgezogen'));
    expect(late.status).toBe(200);
    expect(late.json).toEqual(first.json);
    expect((await p.note(token, write(2, 'Anderer Text'))).json).toEqual(first.json);

    const events = await notes(s);
    expect(events).toHaveLength(3);
    expect(events[2]).toMatchObject({
      seq: 3,
      clientId: clientId(2),
      text: '',
      withdrawn: true,
      version: 2,
      participantId: null,
    });
    expect(events[2]!.deviceId).toBe(events[0]!.deviceId);
  });

  it('refuses empty, too long and control-character texts with 422 invalid-note', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    for (const text of ['', '  \n ', 'x'.repeat(LAN_LIMITS.maxNoteChars + 1), 'Null\u0000', 'Esc\u001b[2J']) {
      const res = await p.note(token, write(1, text));
      expect(res.status, JSON.stringify(text)).toBe(422);
      expect(res.json).toEqual({ error: 'invalid-note' });
    }
    // A change to an invalid text leaves the card as it was.
    await p.note(token, write(1, 'Gültig'));
    expect((await p.note(token, write(1, ''))).status).toBe(422);
    expect(((await p.state(token)).json as LanWritingPhoneState).notes[0]).toMatchObject({
      text: 'Gültig',
      version: 1,
    });
    const max = await p.note(token, write(2, `  ${'y'.repeat(LAN_LIMITS.maxNoteChars)}  `));
    expect(max.status).toBe(200);
    expect(await notes(s)).toHaveLength(2);
  });

  it('refuses malformed requests with 400: card ids, extra fields, names in anonymous rounds', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    for (const body of [
      { clientId: 'short', text: 'x' },
      { clientId: '../../etc/passwd', text: 'x' },
      { clientId: 'A'.repeat(41), text: 'x' },
      { clientId: clientId(1) },
      { clientId: clientId(1), text: 42 },
      { clientId: clientId(1), text: 'x', admin: true },
      { clientId: clientId(1), text: 'x', participantId: 'p-anna' },
      { clientId: clientId(1), text: 'x', participantId: '../x' },
      [],
      null,
    ]) {
      const res = await p.note(token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json).toEqual({ error: 'bad-request' });
    }
    for (const body of [{}, { clientId: 'x' }, { clientId: clientId(1), text: 'x' }]) {
      expect((await p.withdraw(token, body)).status, JSON.stringify(body)).toBe(400);
    }
    const rawProto = await raw(s.port, {
      method: 'POST',
      path: '/api/note',
      headers: { origin: p.origin, 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: `{"clientId":"${clientId(1)}","text":"x","__proto__":{"polluted":1}}`,
    });
    expect(rawProto.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await notes(s)).toEqual([]);
  });

  it('applies every guard of the voting round to the new paths', async () => {
    const s = await start({ rateLimit: 1000 });
    const { joinCode } = s.open(writingRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    const auth = { authorization: `Bearer ${token}` };
    for (const path of ['/api/note', '/api/note/withdraw']) {
      const body = JSON.stringify(path === '/api/note' ? write(1, 'Karte') : { clientId: clientId(1) });
      const json = { origin: p.origin, 'content-type': 'application/json', ...auth };
      const bad = [
        [{ ...json, host: 'evil.example' }, 403, 'bad-host'],
        [{ ...json, origin: 'http://evil.example' }, 403, 'bad-origin'],
        [{ ...auth, 'content-type': 'application/json' }, 403, 'bad-origin'],
        [{ ...json, 'content-type': 'text/plain' }, 415, 'bad-content-type'],
        [{ origin: p.origin, 'content-type': 'application/json' }, 401, 'no-token'],
        [{ ...json, authorization: `Bearer ${'A'.repeat(43)}` }, 401, 'no-token'],
      ] as const;
      for (const [headers, status, error] of bad) {
        const res = await raw(s.port, { method: 'POST', path, headers, body });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(status);
        expect(res.json).toEqual({ error });
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'/);
      }
      const big = JSON.stringify(write(1, 'x'.repeat(LAN_LIMITS.maxBodyBytes)));
      expect((await raw(s.port, { method: 'POST', path, headers: json, body: big })).status).toBe(413);
      expect(
        (await raw(s.port, { method: 'POST', path, headers: json, body: big, chunked: true })).status,
      ).toBe(413);
      const get = await raw(s.port, { path, headers: auth });
      expect(get.status).toBe(405);
      expect(get.headers.allow).toBe('POST');
    }
    expect(await notes(s)).toEqual([]);
  });

  it('answers a ballot to a writing round, and a card to a voting round, with 409 wrong-round', async () => {
    const s = await start();
    const writing = s.open(writingRound(), []);
    const p = phone(s.port);
    const writer = await joined(s, writing.joinCode);
    const ballot = await p.ballot(writer.token, dots({ 'item-a': 1 }));
    expect(ballot.status).toBe(409);
    expect(ballot.json).toEqual({ error: 'wrong-round' });

    const voting = s.open(dotsRound(), []);
    const voter = (await p.join(voting.joinCode)).json as { token: string; state: LanPhoneState };
    expect(voter.state.kind).toBe('vote');
    for (const res of [
      await p.note(voter.token, write(1, 'Karte')),
      await p.withdraw(voter.token, { clientId: clientId(1) }),
    ]) {
      expect(res.status).toBe(409);
      expect(res.json).toEqual({ error: 'wrong-round' });
    }
    // The writing round's token is gone with its round.
    expect((await p.note(writer.token, write(1, 'Karte'))).status).toBe(401);
    const events = await s.events({ roundId: 'round-1', after: 0, waitMs: 0 });
    expect(events).toEqual({ roundId: 'round-1', running: true, ballots: [], phones: 1 });
  });

  it('never shows one phone another phone’s cards', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound(), []);
    const p = phone(s.port);
    const a = await joined(s, joinCode);
    const b = await joined(s, joinCode);
    await p.note(a.token, write(1, 'Geheimnis von A'));
    // The same card id on another phone is another card.
    await p.note(b.token, write(1, 'Karte von B'));
    await p.note(b.token, write(2, 'Zweite von B'));
    const stateA = (await p.state(a.token)).json as LanWritingPhoneState;
    const stateB = (await p.state(b.token)).json as LanWritingPhoneState;
    expect(stateA.notes.map((n) => n.text)).toEqual(['Geheimnis von A']);
    expect(stateB.notes.map((n) => n.text)).toEqual(['Karte von B', 'Zweite von B']);
    expect(JSON.stringify(stateB)).not.toContain('Geheimnis');
    expect(JSON.stringify(stateA)).not.toContain('von B');
    // Withdrawing on B does not touch A's card of the same id.
    await p.withdraw(b.token, { clientId: clientId(1) });
    expect(((await p.state(a.token)).json as LanWritingPhoneState).notes).toHaveLength(1);
    const events = await notes(s);
    expect(events).toHaveLength(4);
    expect(new Set(events.map((e) => e.deviceId)).size).toBe(2);
    expect(JSON.stringify(events)).not.toContain(a.token);
    expect(JSON.stringify(events)).not.toContain(b.token);
  });
});

describe('limits', () => {
  it('takes at most maxNotesPerPerson cards (withdrawn ones do not count) with 409 note-limit', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound({ maxNotesPerPerson: 2 }), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    expect((await p.note(token, write(1, 'Eins'))).status).toBe(200);
    expect((await p.note(token, write(2, 'Zwei'))).status).toBe(200);
    const third = await p.note(token, write(3, 'Drei'));
    expect(third.status).toBe(409);
    expect(third.json).toEqual({ error: 'note-limit' });
    // Changing and repeating cards is always fine.
    expect((await p.note(token, write(2, 'Zwei, geändert'))).status).toBe(200);
    expect((await p.note(token, write(1, 'Eins'))).status).toBe(200);
    await p.withdraw(token, { clientId: clientId(1) });
    expect((await p.note(token, write(3, 'Drei'))).status).toBe(200);
    expect((await p.note(token, write(4, 'Vier'))).json).toEqual({ error: 'note-limit' });
    // Another phone has its own limit.
    const other = await joined(s, joinCode);
    expect((await p.note(other.token, write(4, 'Vier'))).status).toBe(200);
    expect((await notes(s)).map((e) => e.clientId)).toEqual([
      clientId(1),
      clientId(2),
      clientId(2),
      clientId(1),
      clientId(3),
      clientId(4),
    ]);
  });

  it('caps cards per phone at LAN_LIMITS.maxNotesPerPhone even without a limit of the round', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound({ maxNotesPerPerson: null }), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    for (let i = 0; i < LAN_LIMITS.maxNotesPerPhone; i += 1) {
      expect((await p.note(token, write(i, `Karte ${i}`))).status).toBe(200);
    }
    expect((await p.note(token, write('last', 'Eine zu viel'))).json).toEqual({ error: 'note-limit' });
    expect(await notes(s)).toHaveLength(LAN_LIMITS.maxNotesPerPhone);
  });

  it('limits sends per phone with 429, and phones per round with 409 full', async () => {
    const s = await start({ maxNoteSendsPerPhone: 3, maxTokens: 2 });
    const { joinCode } = s.open(writingRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    await p.note(token, write(1, 'a'));
    await p.note(token, write(1, 'b'));
    await p.withdraw(token, { clientId: clientId(1) });
    const refused = await p.note(token, write(2, 'c'));
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ error: 'too-many-requests' });
    expect(await notes(s)).toHaveLength(3);
    await joined(s, joinCode);
    const full = await p.join(joinCode);
    expect(full.status).toBe(409);
    expect(full.json).toEqual({ error: 'full' });
  });
});

describe('named rounds', () => {
  it('binds a name to the first phone that writes as it; the phone then sees only that name', async () => {
    const s = await start();
    const { joinCode } = s.open(namedWritingRound(), ['p-cem']);
    const p = phone(s.port);
    const anna = await joined(s, joinCode);
    const other = await joined(s, joinCode);
    // `taken` does not apply to writing rounds: everyone may write.
    expect(anna.state.round.voters.map((v) => v.name)).toEqual(['Anna', 'Ben', 'Cem']);

    const first = await p.note(anna.token, write(1, 'Von Anna', { participantId: 'p-anna' }));
    expect(first.status).toBe(200);
    expect((first.json as LanWritingPhoneState).participantId).toBe('p-anna');
    expect((first.json as LanWritingPhoneState).round.voters).toEqual([{ id: 'p-anna', name: 'Anna' }]);

    const taken = await p.note(other.token, write(1, 'Auch Anna?', { participantId: 'p-anna' }));
    expect(taken.status).toBe(409);
    expect(taken.json).toEqual({ error: 'name-taken' });
    expect(((await p.state(other.token)).json as LanWritingPhoneState).round.voters.map((v) => v.id)).toEqual(
      ['p-ben', 'p-cem'],
    );
    // Anna's phone cannot switch names, and a name is needed and must be known.
    expect((await p.note(anna.token, write(2, 'Als Ben', { participantId: 'p-ben' }))).json).toEqual({
      error: 'name-taken',
    });
    expect((await p.note(anna.token, write(2, 'Ohne Namen'))).status).toBe(400);
    expect((await p.note(anna.token, write(2, 'Unbekannt', { participantId: 'p-nobody' }))).status).toBe(400);
    expect((await p.note(other.token, write(1, 'Von Ben', { participantId: 'p-ben' }))).status).toBe(200);
    await p.withdraw(anna.token, { clientId: clientId(1) });

    const events = await notes(s);
    expect(events.map((e) => [e.participantId, e.text, e.withdrawn])).toEqual([
      ['p-anna', 'Von Anna', false],
      ['p-ben', 'Von Ben', false],
      ['p-anna', '', true],
    ]);
    for (const event of events) expect(event.deviceId).toMatch(/^device-[0-9a-f]{16}$/);
    expect(events[0]!.deviceId).not.toBe(events[1]!.deviceId);
    // Withdrawn all cards: the name stays with the phone.
    expect((await p.note(other.token, write(3, 'Doch Anna', { participantId: 'p-anna' }))).json).toEqual({
      error: 'name-taken',
    });
  });
});

describe('closing and sharing', () => {
  it('refuses cards and withdrawals with 410 once closed; phones still read their cards', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    await p.note(token, write(1, 'Vor dem Ende'));
    s.close('write-1');
    for (const res of [
      await p.note(token, write(2, 'Zu spät')),
      await p.note(token, write(1, 'Vor dem Ende')),
      await p.withdraw(token, { clientId: clientId(1) }),
    ]) {
      expect(res.status).toBe(410);
      expect(res.json).toEqual({ error: 'closed' });
    }
    const state = (await p.state(token)).json as LanWritingPhoneState;
    expect(state.status).toBe('closed');
    expect(state.notes.map((n) => n.text)).toEqual(['Vor dem Ende']);
    expect((await p.join(joinCode, token)).status).toBe(200);
    expect((await p.join(joinCode)).json).toEqual({ error: 'closed' });
    expect(s.current()).toBeNull();
    const events = await s.events({ roundId: 'write-1', after: 0, waitMs: 1000 });
    expect(events.running).toBe(false);
    expect(events.notes).toHaveLength(1);
    expect(s.update({ roundId: 'write-1', taken: [], closesAt: null, shared: ['x'] })).toBe(false);
  });

  it('closes by itself at closesAt, and update() can move that time', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound({ closesAt: time + 60_000 }), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    time += 59_999;
    expect((await p.note(token, write(1, 'Knapp'))).status).toBe(200);
    time += 1;
    expect((await p.note(token, write(2, 'Zu spät'))).status).toBe(410);
    expect(((await p.state(token)).json as LanWritingPhoneState).status).toBe('closed');
    expect(s.update({ roundId: 'write-1', taken: [], closesAt: time + 30_000 })).toBe(true);
    const reopened = await p.note(token, write(2, 'Verlängert'));
    expect(reopened.status).toBe(200);
    expect((reopened.json as LanWritingPhoneState).round.closesAt).toBe(time + 30_000);
  });

  it('shows shared texts only after update(), capped and cut, and hides them again with []', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound(), []);
    const p = phone(s.port);
    const { token } = await joined(s, joinCode);
    expect(((await p.state(token)).json as LanWritingPhoneState).shared).toEqual([]);
    s.update({
      roundId: 'write-1',
      taken: [],
      closesAt: null,
      shared: ['Angenommen: E-Akte', '<b>Text</b>'],
    });
    expect(((await p.state(token)).json as LanWritingPhoneState).shared).toEqual([
      'Angenommen: E-Akte',
      '<b>Text</b>',
    ]);
    // Absent: unchanged (e.g. only the closing time moved).
    s.update({ roundId: 'write-1', taken: [], closesAt: time + 600_000 });
    expect(((await p.state(token)).json as LanWritingPhoneState).shared).toHaveLength(2);

    const many = Array.from({ length: LAN_LIMITS.maxShared + 20 }, (_, i) => `Karte ${i}`);
    many[0] = 'x'.repeat(LAN_MAX_SHARED_CHARS + 500);
    many[1] = `${'y'.repeat(LAN_MAX_SHARED_CHARS - 1)}😀`;
    s.update({ roundId: 'write-1', taken: [], closesAt: null, shared: many });
    const shared = ((await p.state(token)).json as LanWritingPhoneState).shared;
    expect(shared).toHaveLength(LAN_LIMITS.maxShared);
    expect(shared[0]).toHaveLength(LAN_MAX_SHARED_CHARS);
    // Never half an emoji.
    expect(shared[1]).toBe('y'.repeat(LAN_MAX_SHARED_CHARS - 1));
    expect(shared.at(-1)).toBe(`Karte ${LAN_LIMITS.maxShared - 1}`);

    s.update({ roundId: 'write-1', taken: [], closesAt: null, shared: [] });
    expect(((await p.state(token)).json as LanWritingPhoneState).shared).toEqual([]);
  });
});

describe('events for the renderer', () => {
  it('long-polls: resolves early when a card arrives; ballots stay empty', async () => {
    const s = await start();
    const { joinCode } = s.open(writingRound(), []);
    const p = phone(s.port);
    expect(await s.events({ roundId: 'write-1', after: 0, waitMs: 0 })).toEqual({
      roundId: 'write-1',
      running: true,
      ballots: [],
      notes: [],
      phones: 0,
    });
    const onJoin = s.events({ roundId: 'write-1', after: 0, waitMs: 20_000 });
    const { token } = await joined(s, joinCode);
    expect((await onJoin).phones).toBe(1);
    const onNote = s.events({ roundId: 'write-1', after: 0, waitMs: 20_000 });
    const started = Date.now();
    await p.note(token, write(1, 'Neu'));
    const got = await onNote;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(got.ballots).toEqual([]);
    expect(got.notes?.map((e) => e.text)).toEqual(['Neu']);
    // Sharing texts is no news for the renderer: the long poll waits on.
    const waiting = s.events({ roundId: 'write-1', after: 1, waitMs: 100 });
    s.update({ roundId: 'write-1', taken: [], closesAt: null, shared: ['x'] });
    expect((await waiting).notes).toEqual([]);
  });
});
