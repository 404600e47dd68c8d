import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { addBoard } from '../../../renderer/src/domain/boardCommands';
import type { ParticipantId, WorkshopId } from '../../../renderer/src/domain/ids';
import type { Participant } from '../../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../../renderer/src/domain/workshopCommands';
import { StartRoundDialog } from '../../../renderer/src/features/voting/StartRoundDialog';

const { workshop } = createWorkshop({
  fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'KI-Strategie' },
  template: { boards: [], agenda: [] },
  sessionTitle: 'Sitzung 1',
  now: 1,
});
const { board } = addBoard(workshop, [], 'Handlungsschwerpunkte', 1, 'clusters');

const people: Participant[] = (
  [
    ['Anna Schmidt', 'present'],
    ['Ben Öztürk', 'excused'],
    ['Cem Yılmaz', undefined],
    ['Dora Weiß', 'absent'],
  ] as const
).map(([name, attendance], i) => ({
  id: `p${i + 1}` as ParticipantId,
  workshopId: 'w1' as WorkshopId,
  name,
  unit: '',
  role: '',
  createdAt: 1,
  ...(attendance ? { attendance } : {}),
}));

describe('StartRoundDialog', () => {
  it('ticks only those present as entitled; the excused and absent can still be ticked', () => {
    render(
      <StartRoundDialog workshop={workshop} boards={[board]} participants={people} onClose={() => {}} />,
    );
    expect(screen.getByText('Stimmberechtigt (2 von 4)')).toBeTruthy();
    const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
    expect(box('Anna Schmidt').checked).toBe(true);
    expect(box('Ben Öztürk').checked).toBe(false);
    expect(box('Cem Yılmaz').checked).toBe(true);
    expect(box('Dora Weiß').checked).toBe(false);
  });

  it("suggests the board's name as the title, without a doubled 'Abstimmung'", () => {
    render(
      <StartRoundDialog workshop={workshop} boards={[board]} participants={people} onClose={() => {}} />,
    );
    expect(screen.getByLabelText('Titel der Runde').getAttribute('placeholder')).toBe(
      'Handlungsschwerpunkte',
    );
  });
});
