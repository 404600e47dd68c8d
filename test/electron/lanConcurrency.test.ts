// 200 phones at once, many sending the same ballot several times: what the
// renderer stores from the events (through its own castBallot) counts each
// token exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLanServer, type LanServer } from '../../electron/main/lan/lanServer';
import type { LanBallotEvent, LanRound } from '../../electron/shared/lanContract';
import type { BoardId, ParticipantId, WorkshopId } from '../../renderer/src/domain/ids';
import type { Ballot } from '../../renderer/src/domain/types';
import { castBallot, roundResult, startRound } from '../../renderer/src/domain/voting';
import { dotsRound, makePageDir, namedRound, phone } from './lanHelpers';

let page: ReturnType<typeof makePageDir>;
let server: LanServer;

beforeEach(async () => {
  page = makePageDir();
  server = await startLanServer({
    address: '127.0.0.1',
    port: 0,
    pageDir: page.dir,
    // All clients of this test share 127.0.0.1, so the per-address limit is lifted.
    limits: { rateLimit: 100_000 },
  });
});

afterEach(async () => {
  await server.stop();
  page.cleanup();
});

/** Stores the events the way the renderer does: castBallot over the participant's earlier ballot. */
function storeEvents(lanRound: LanRound, entitled: string[], events: LanBallotEvent[]) {
  const now = Date.now();
  const { round } = startRound({
    workshopId: 'w' as WorkshopId,
    boardId: 'b' as BoardId,
    title: lanRound.title,
    target: 'clusters',
    settings: lanRound.settings,
    items: lanRound.items,
    entitled: entitled as ParticipantId[],
    anonymous: lanRound.anonymous,
    closesAt: null,
    now,
  });
  const stored = new Map<string, Ballot>();
  for (const event of events) {
    const { ballot } = castBallot(
      round,
      stored.get(event.participantId),
      event.participantId as ParticipantId,
      event.content,
      now + event.seq,
    );
    stored.set(event.participantId, ballot);
  }
  return roundResult(round, [...stored.values()]);
}

async function allEvents(roundId: string): Promise<LanBallotEvent[]> {
  return (await server.events({ roundId, after: 0, waitMs: 0 })).ballots;
}

// Real HTTP with hundreds of requests: slow on a loaded machine, never hanging.
describe('200 concurrent clients', { timeout: 30_000 }, () => {
  it('anonymous: duplicate ballots of 120 tokens from 200 clients count 120 times', async () => {
    const entitled = Array.from({ length: 150 }, (_, i) => `p-${i}`);
    const round = dotsRound({ entitledCount: entitled.length });
    const { joinCode } = server.open(round, []);
    const p = phone(server.port);
    const joins = await Promise.all(Array.from({ length: 120 }, () => p.join(joinCode)));
    expect(joins.every((r) => r.status === 200)).toBe(true);
    const tokens = joins.map((r) => (r.json as { token: string }).token);
    expect(new Set(tokens).size).toBe(120);

    // 200 clients at once; tokens 0–79 send twice, with the same or a changed ballot.
    const posts = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        p.ballot(tokens[i % 120]!, {
          content: { method: 'dots', dots: i < 120 ? { 'item-a': 2, 'item-b': 1 } : { 'item-c': 1 } },
        }),
      ),
    );
    expect(posts.map((r) => r.status)).toEqual(Array(200).fill(200));

    const events = await allEvents(round.roundId);
    expect(events).toHaveLength(200);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(events.map((e) => e.participantId)).size).toBe(120);

    const result = storeEvents(round, entitled, events);
    expect(result.ballots).toBe(120);
    expect(result.turnout).toEqual({ cast: 120, entitled: 150 });
    // Each token's last ballot counts once: never more dots than 120 ballots hold.
    expect(result.total).toBeLessThanOrEqual(120 * 3);
    const score = Object.fromEntries(result.rows.map((r) => [r.itemId, r.score]));
    const lastPerToken = new Map<string, Record<string, number>>();
    for (const event of events) {
      if (event.content.method === 'dots') lastPerToken.set(event.participantId, event.content.dots);
    }
    const expected = { 'item-a': 0, 'item-b': 0, 'item-c': 0 } as Record<string, number>;
    for (const ballot of lastPerToken.values()) {
      for (const [id, n] of Object.entries(ballot)) expected[id]! += n;
    }
    expect(score).toEqual(expected);
  });

  it('anonymous: 200 phones racing for 50 places get exactly 50', async () => {
    const round = dotsRound({ entitledCount: 60 });
    const { joinCode } = server.open(
      round,
      Array.from({ length: 10 }, (_, i) => `p-laptop-${i}`),
    );
    const p = phone(server.port);
    const tokens = (await Promise.all(Array.from({ length: 200 }, () => p.join(joinCode)))).map(
      (r) => (r.json as { token: string }).token,
    );
    const posts = await Promise.all(
      tokens.map((token) => p.ballot(token, { content: { method: 'dots', dots: { 'item-a': 1 } } })),
    );
    expect(posts.filter((r) => r.status === 200)).toHaveLength(50);
    expect(posts.filter((r) => r.status === 409)).toHaveLength(150);
    expect(new Set((await allEvents(round.roundId)).map((e) => e.participantId)).size).toBe(50);
  });

  it('named: 200 clients racing for 20 names get one phone per name', async () => {
    const voters = Array.from({ length: 20 }, (_, i) => ({ id: `p-${i}`, name: `Teilnehmerin ${i}` }));
    const round = namedRound({ voters, entitledCount: 20 });
    const { joinCode } = server.open(round, []);
    const p = phone(server.port);
    const tokens = (await Promise.all(Array.from({ length: 200 }, () => p.join(joinCode)))).map(
      (r) => (r.json as { token: string }).token,
    );
    const posts = await Promise.all(
      tokens.map((token, i) =>
        p.ballot(token, { participantId: `p-${i % 20}`, content: { method: 'dots', dots: { 'item-b': 1 } } }),
      ),
    );
    expect(posts.filter((r) => r.status === 200)).toHaveLength(20);
    const events = await allEvents(round.roundId);
    const result = storeEvents(
      round,
      voters.map((v) => v.id),
      events,
    );
    expect(result.turnout).toEqual({ cast: 20, entitled: 20 });
  });
});
