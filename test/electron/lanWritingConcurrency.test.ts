// 100 phones writing at once, every card sent twice (a retry racing the first
// send): the server stores each card once with one event, and what the renderer
// stores from the events (through its own receiveNote) holds each card once.
import { afterEach, describe, expect, it } from 'vitest';
import { startLanServer, type LanLimits, type LanServer } from '../../electron/main/lan/lanServer';
import { LAN_LIMITS, type LanNoteEvent, type LanWritingPhoneState } from '../../electron/shared/lanContract';
import type { BoardId, WorkshopId } from '../../renderer/src/domain/ids';
import type { InboxNote, WritingRound } from '../../renderer/src/domain/types';
import { openWritingRound, receiveNote } from '../../renderer/src/domain/writing';
import { clientId, makePageDir, namedWritingRound, phone, writingRound } from './lanHelpers';

let page: ReturnType<typeof makePageDir> | null = null;
let server: LanServer | null = null;

afterEach(async () => {
  await server?.stop();
  server = null;
  page?.cleanup();
  page = null;
});

async function start(limits: Partial<LanLimits>): Promise<LanServer> {
  page = makePageDir();
  server = await startLanServer({ address: '127.0.0.1', port: 0, pageDir: page.dir, limits });
  return server;
}

/** The renderer's round for the LAN round, opened before any card arrives. */
function rendererRound(anonymous: boolean): WritingRound {
  return openWritingRound(
    {
      workshopId: 'w' as WorkshopId,
      boardId: 'b' as BoardId,
      prompt: 'Welche Aufgaben sollten wir zuerst automatisieren?',
      maxNotesPerPerson: null,
      anonymous,
      showAccepted: false,
      closesAt: null,
      now: Date.now(),
    },
    [],
  ).round;
}

/** Stores the events the way the renderer does: receiveNote over the stored (device, card) row. */
function storeEvents(round: WritingRound, events: LanNoteEvent[], stored = new Map<string, InboxNote>()) {
  for (const event of events) {
    const key = `${event.deviceId}/${event.clientId}`;
    const { seq: _seq, roundId: _roundId, ...arriving } = event;
    for (const change of receiveNote(round, stored.get(key), arriving, Date.now())) {
      if (change.table === 'inboxNotes' && change.after) stored.set(key, change.after as InboxNote);
    }
  }
  return stored;
}

async function allNotes(s: LanServer, roundId = 'write-1', after = 0): Promise<LanNoteEvent[]> {
  return (await s.events({ roundId, after, waitMs: 0 })).notes ?? [];
}

// Real HTTP with hundreds of requests: slow on a loaded machine, never hanging.
describe('100 phones writing at once', { timeout: 30_000 }, () => {
  it('stores 300 cards sent twice each exactly once: 300 events, 300 inbox cards', async () => {
    // All clients of this test share 127.0.0.1, so the per-address limit is lifted.
    const s = await start({ rateLimit: 100_000 });
    const round = rendererRound(true);
    const lanRound = writingRound();
    const { joinCode } = s.open(lanRound, []);
    const p = phone(s.port);
    const joins = await Promise.all(Array.from({ length: 100 }, () => p.join(joinCode)));
    expect(joins.every((r) => r.status === 200)).toBe(true);
    const tokens = joins.map((r) => (r.json as { token: string }).token);
    expect(new Set(tokens).size).toBe(100);

    // Every phone sends cards 1–3, each twice, all 600 requests at once.
    const sends = tokens.flatMap((token, phoneNo) =>
      [1, 2, 3].flatMap((card) => {
        const body = { clientId: clientId(card), text: `Phone ${phoneNo}, Karte ${card}` };
        return [p.note(token, body), p.note(token, body)];
      }),
    );
    const answers = await Promise.all(sends);
    expect(answers.map((r) => r.status)).toEqual(Array(600).fill(200));

    const events = await allNotes(s);
    expect(events).toHaveLength(300);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => `${e.deviceId}/${e.clientId}`)).size).toBe(300);
    expect(new Set(events.map((e) => e.deviceId)).size).toBe(100);
    expect(events.every((e) => e.version === 1 && !e.withdrawn && e.participantId === null)).toBe(true);
    const states = await Promise.all(tokens.map((token) => p.state(token)));
    for (const [i, res] of states.entries()) {
      // In the order they arrived, which concurrent requests do not fix.
      const texts = (res.json as LanWritingPhoneState).notes.map((n) => n.text).sort();
      expect(texts).toEqual([1, 2, 3].map((c) => `Phone ${i}, Karte ${c}`));
    }

    const stored = storeEvents(round, events);
    expect(stored.size).toBe(300);
    expect([...stored.values()].every((n) => n.status === 'pending' && n.version === 1)).toBe(true);
    // Delivering every event again (the renderer re-reads after a reload) stores nothing new.
    const before = new Map(stored);
    storeEvents(round, events, stored);
    expect(stored).toEqual(before);

    // Then every phone changes card 1 and withdraws card 2, each twice at once.
    const second = await Promise.all(
      tokens.flatMap((token, phoneNo) => {
        const edit = { clientId: clientId(1), text: `Phone ${phoneNo}, Karte 1 geändert` };
        const take = { clientId: clientId(2) };
        return [p.note(token, edit), p.note(token, edit), p.withdraw(token, take), p.withdraw(token, take)];
      }),
    );
    expect(second.map((r) => r.status)).toEqual(Array(400).fill(200));
    const more = await allNotes(s, 'write-1', 300);
    expect(more).toHaveLength(200);
    storeEvents(round, more, stored);
    expect(stored.size).toBe(300);
    const byStatus = (status: InboxNote['status']) => [...stored.values()].filter((n) => n.status === status);
    expect(byStatus('withdrawn')).toHaveLength(100);
    expect(byStatus('pending')).toHaveLength(200);
    expect(byStatus('pending').filter((n) => n.version === 2 && n.text.endsWith('geändert'))).toHaveLength(
      100,
    );
  });

  it('named: 200 phones racing for 20 names get one phone per name', async () => {
    const s = await start({ rateLimit: 100_000 });
    const round = rendererRound(false);
    const voters = Array.from({ length: 20 }, (_, i) => ({ id: `p-${i}`, name: `Teilnehmerin ${i}` }));
    const { joinCode } = s.open(namedWritingRound({ voters }), []);
    const p = phone(s.port);
    const tokens = (await Promise.all(Array.from({ length: 200 }, () => p.join(joinCode)))).map(
      (r) => (r.json as { token: string }).token,
    );
    const answers = await Promise.all(
      tokens.map((token, i) =>
        p.note(token, { clientId: clientId(i), text: `Karte ${i}`, participantId: `p-${i % 20}` }),
      ),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(20);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(180);
    const events = await allNotes(s);
    expect(events).toHaveLength(20);
    expect(new Set(events.map((e) => e.participantId)).size).toBe(20);
    expect(new Set(events.map((e) => e.deviceId)).size).toBe(20);
    const stored = storeEvents(round, events);
    expect(new Set([...stored.values()].map((n) => n.authorId)).size).toBe(20);
  });

  it('answers a flood from one address with 429, storing only what got through', async () => {
    const s = await start({});
    const { joinCode } = s.open(writingRound(), []);
    const p = phone(s.port);
    const joined = await p.join(joinCode);
    const { token } = joined.json as { token: string };
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        p.note(token, { clientId: clientId(i % 10), text: `Karte ${i % 10}` }),
      ),
    );
    const ok = answers.filter((r) => r.status === 200);
    const refused = answers.filter((r) => r.status === 429);
    // The join took one request of the window.
    expect(ok).toHaveLength(LAN_LIMITS.rateLimit - 1);
    expect(refused).toHaveLength(100 - LAN_LIMITS.rateLimit + 1);
    expect(refused[0]!.json).toEqual({ error: 'too-many-requests' });
    expect(refused[0]!.headers['retry-after']).toBe(String(LAN_LIMITS.rateWindowMs / 1000));
    const events = await allNotes(s);
    expect(new Set(events.map((e) => e.clientId)).size).toBe(events.length);
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThanOrEqual(10);
  });
});
