// Marking participants as excused or absent (for the minutes), by keyboard, with undo.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LiveRegion } from '../../../renderer/src/components/LiveRegion';
import type { ParticipantId } from '../../../renderer/src/domain/ids';
import type { Participant } from '../../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../../renderer/src/domain/workshopCommands';
import { undo } from '../../../renderer/src/features/app/commands';
import { ParticipantsPanel } from '../../../renderer/src/features/participants/ParticipantsPanel';
import { loadGermanRest } from '../../../renderer/src/i18n';
import { getDb } from '../../../renderer/src/persistence/db';

vi.setConfig({ testTimeout: 30_000 });

const { workshop } = createWorkshop({
  fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'Anwesenheit' },
  template: { boards: [], agenda: [] },
  sessionTitle: 'Sitzung 1',
  now: 1,
});

beforeAll(async () => {
  await loadGermanRest();
  await getDb().participants.bulkAdd(
    ['Anna Berg', 'Łukasz Wróbel'].map((name, i): Participant => ({
      id: `att${i}` as ParticipantId,
      workshopId: workshop.id,
      name,
      unit: '',
      role: '',
      createdAt: i,
    })),
  );
});

describe('attendance of participants', () => {
  it('marks a person as excused by keyboard, says so, counts it, and undoes it', async () => {
    const user = userEvent.setup();
    render(
      <>
        <ParticipantsPanel workshop={workshop} />
        <LiveRegion />
      </>,
    );
    const select = (await screen.findByRole('combobox', {
      name: 'Anwesenheit von Łukasz Wróbel',
    })) as HTMLSelectElement;
    expect(select.value).toBe('present');
    expect([...select.options].map((o) => o.textContent)).toEqual(['anwesend', 'entschuldigt', 'abwesend']);
    select.focus();
    await user.selectOptions(select, 'entschuldigt');
    await waitFor(async () =>
      expect((await getDb().participants.get('att1' as ParticipantId))?.attendance).toBe('excused'),
    );
    await screen.findByText(/1 anwesend, 1 entschuldigt, 0 abwesend/);
    await screen.findByText('Łukasz Wróbel: entschuldigt');
    await undo();
    await waitFor(async () =>
      expect((await getDb().participants.get('att1' as ParticipantId))?.attendance ?? 'present').toBe(
        'present',
      ),
    );
  });
});
