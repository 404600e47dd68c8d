import { beforeEach, describe, expect, it } from 'vitest';
import type { BoardId, ParticipantId, WorkshopId } from '../../../renderer/src/domain/ids';
import { startRound } from '../../../renderer/src/domain/voting';
import { submitBallot } from '../../../renderer/src/features/voting/votingActions';
import { changeLanguage } from '../../../renderer/src/i18n';
import { getDb } from '../../../renderer/src/persistence/db';
import { applyChanges } from '../../../renderer/src/persistence/repository';
import { useAppStore } from '../../../renderer/src/state/store';

const anna = 'p1' as ParticipantId;
const { round, changes } = startRound({
  workshopId: 'w1' as WorkshopId,
  boardId: 'b1' as BoardId,
  title: 'Schwerpunkte',
  target: 'clusters',
  settings: { method: 'dots', dots: 2, maxPerItem: 2 },
  items: [
    { id: 'c1', label: 'E-Akte' },
    { id: 'c2', label: 'Bürgerportal' },
  ],
  entitled: [anna],
  anonymous: true,
  closesAt: null,
  now: 1,
});

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  useAppStore.setState({ toasts: [], past: [], future: [] });
  await changeLanguage('de');
  await applyChanges(db, changes);
});

describe('casting a ballot', () => {
  it('changes the ballot of someone who voted before instead of adding one, and is no undo step', async () => {
    expect(await submitBallot(round, anna, { method: 'dots', dots: { c1: 2 } })).toBeNull();
    expect(await submitBallot(round, anna, { method: 'dots', dots: { c2: 1 } })).toBeNull();
    const ballots = await getDb().ballots.toArray();
    expect(ballots.map((b) => b.content)).toEqual([{ method: 'dots', dots: { c2: 1 } }]);
    expect(useAppStore.getState().past).toHaveLength(0);
  });

  it('two casts at the same moment count once and say why the second was refused', async () => {
    const outcomes = await Promise.all([
      submitBallot(round, anna, { method: 'dots', dots: { c1: 1 } }),
      submitBallot(round, anna, { method: 'dots', dots: { c2: 1 } }),
    ]);
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    expect(outcomes).toContain(
      'Für diese Person gibt es in dieser Runde schon einen Stimmzettel. Es wurde nichts doppelt gezählt.',
    );
    expect(await getDb().ballots.count()).toBe(1);
  });

  it('refuses a person who is not entitled, in German', async () => {
    expect(await submitBallot(round, 'p9' as ParticipantId, { method: 'dots', dots: { c1: 1 } })).toBe(
      'Diese Person ist in dieser Runde nicht stimmberechtigt. Die Stimme wurde nicht gezählt.',
    );
  });
});
