// One ballot per participant and round is enforced by the database, not only
// by the UI: a second ballot written straight through the repository fails and
// leaves the first one as it was.
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardId, ParticipantId, WorkshopId } from '../../renderer/src/domain/ids';
import { castBallot, startRound } from '../../renderer/src/domain/voting';
import type { ModeratoDb } from '../../renderer/src/persistence/db';
import { applyChanges } from '../../renderer/src/persistence/repository';
import { freshDb } from './dbHelpers';

let db: ModeratoDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('ballots in the database', () => {
  it('refuses a second ballot for the same participant and round, even written directly', async () => {
    db = freshDb();
    const anna = 'p-anna' as ParticipantId;
    const { round, changes } = startRound({
      workshopId: 'w1' as WorkshopId,
      boardId: 'b1' as BoardId,
      title: 'Punktabfrage',
      target: 'clusters',
      settings: { method: 'dots', dots: 3, maxPerItem: 3 },
      items: [{ id: 'k1', label: 'A' }],
      entitled: [anna],
      anonymous: false,
      closesAt: null,
      now: 1,
    });
    await applyChanges(db, changes);
    const first = castBallot(round, undefined, anna, { method: 'dots', dots: { k1: 1 } }, 2);
    await applyChanges(db, first.changes);
    // A second, separate ballot (as a double click on "Stimme abgeben" would make).
    const second = castBallot(round, undefined, anna, { method: 'dots', dots: { k1: 3 } }, 3);
    await expect(applyChanges(db, second.changes)).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.ballots.toArray()).toEqual([first.ballot]);
    // Changing the ballot (same row) is fine.
    const changed = castBallot(round, first.ballot, anna, { method: 'dots', dots: { k1: 2 } }, 4);
    await applyChanges(db, changed.changes);
    expect((await db.ballots.toArray()).map((b) => b.content)).toEqual([{ method: 'dots', dots: { k1: 2 } }]);
    // Another participant, or the same one in another round, may vote.
    expect(await db.ballots.where('[roundId+participantId]').equals([round.id, anna]).count()).toBe(1);
  });
});
