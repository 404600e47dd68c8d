import { describe, expect, it, vi } from 'vitest';
import type { ParticipantId, WorkshopId } from '../../renderer/src/domain/ids';
import type { Participant } from '../../renderer/src/domain/types';
import { byParticipantName } from '../../renderer/src/persistence/participantHooks';

const person = (name: string, unit = '', createdAt = 0): Participant => ({
  id: `${name}-${unit}-${createdAt}` as ParticipantId,
  workshopId: 'w' as WorkshopId,
  name,
  unit,
  role: '',
  createdAt,
});

describe('the participants’ order', () => {
  it('sorts names as a German reader expects: umlauts with their letter, ß as ss, case aside', () => {
    const names = ['Zander', 'Özdemir', 'ohm', 'Abel', 'Äbi', 'Straße', 'Strasser']
      .map((name) => person(name))
      .sort(byParticipantName)
      .map((p) => p.name);
    expect(names).toEqual(['Abel', 'Äbi', 'ohm', 'Özdemir', 'Straße', 'Strasser', 'Zander']);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de')));
  });

  it('orders the same name by unit, then by when the person was added', () => {
    const list = [person('Meier', 'Ref. 2', 5), person('Meier', 'Ref. 1', 9), person('Meier', 'Ref. 1', 3)];
    expect(list.sort(byParticipantName).map((p) => [p.unit, p.createdAt])).toEqual([
      ['Ref. 1', 3],
      ['Ref. 1', 9],
      ['Ref. 2', 5],
    ]);
  });

  it('makes its collator at the first comparison, not when the module loads', async () => {
    vi.resetModules();
    const Real = Intl.Collator;
    const made = vi.spyOn(Intl, 'Collator').mockImplementation(function (
      ...args: ConstructorParameters<typeof Intl.Collator>
    ) {
      return new Real(...args);
    } as unknown as typeof Intl.Collator);
    try {
      const fresh = await import('../../renderer/src/persistence/participantHooks');
      // Loading it (as the workshop screen's chunk does) sets up no ICU collation data.
      expect(made).not.toHaveBeenCalled();
      [person('B'), person('A')].sort(fresh.byParticipantName);
      [person('D'), person('C')].sort(fresh.byParticipantName);
      expect(made).toHaveBeenCalledOnce();
    } finally {
      made.mockRestore();
    }
  });
});
