import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Workshop } from '../../../renderer/src/domain/types';
import { MinutesDialog } from '../../../renderer/src/features/minutes/MinutesDialog';
import { loadGermanRest } from '../../../renderer/src/i18n';
import { getDb } from '../../../renderer/src/persistence/db';
import { applyChanges } from '../../../renderer/src/persistence/repository';
import { getPlatform } from '../../../renderer/src/platform';
import { buildDemoChanges } from '../../../scripts/demo/buildDemo';

let workshop: Workshop;
// A busy machine: building the demo's minutes can take a while.
vi.setConfig({ testTimeout: 30_000 });
beforeAll(async () => {
  await loadGermanRest();
  const demo = buildDemoChanges();
  await applyChanges(getDb(), demo.changes);
  workshop = { ...demo.workshop, minutesStatus: 'approved' };
  await getDb().workshops.put(workshop);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('MinutesDialog', () => {
  it('starts from the stored status and previews the first pages in the PDF’s order', async () => {
    render(<MinutesDialog workshop={workshop} onClose={() => undefined} />);
    expect((screen.getByRole('radio', { name: 'abgestimmt' }) as HTMLInputElement).checked).toBe(true);
    const preview = screen.getByRole('region', { name: 'Vorschau der ersten Seiten' });
    await within(preview).findAllByText(
      'KI-Strategie für die Verwaltung – Auftaktworkshop (Demo)',
      {},
      { timeout: 10_000 },
    );
    const text = preview.textContent ?? '';
    const order = ['Ergebnisprotokoll', 'Inhalt', 'Teilnehmende', 'Tagesordnung', 'Ergebnisse: Vision'].map(
      (word) => text.indexOf(word),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Abstimmung: Punktabfrage zu den Handlungsschwerpunkten');
    expect(text).toContain('Zoë Martens');
    expect(text).toContain('abgestimmt');
    // Scrollable by keyboard, yet nothing inside takes the focus.
    expect(preview.getAttribute('tabindex')).toBe('0');
    expect(preview.querySelectorAll('button, a, input, select, textarea, [tabindex]')).toHaveLength(0);
  });

  it('follows the choice of phases in the preview', async () => {
    const user = userEvent.setup();
    render(<MinutesDialog workshop={workshop} onClose={() => undefined} />);
    const preview = screen.getByRole('region', { name: 'Vorschau der ersten Seiten' });
    await within(preview).findAllByText('Ergebnisse: Projektideen', {}, { timeout: 10_000 });
    await user.click(screen.getByRole('checkbox', { name: 'Projektideen' }));
    await waitFor(() => expect(within(preview).queryByText('Ergebnisse: Projektideen')).toBeNull(), {
      timeout: 10_000,
    });
  });

  it('saves the cards as CSV with the file name of the minutes', async () => {
    const user = userEvent.setup();
    const save = vi.spyOn(getPlatform(), 'saveFile').mockResolvedValue(true);
    render(<MinutesDialog workshop={workshop} onClose={() => undefined} />);
    await user.click(screen.getByRole('button', { name: 'Karten als CSV' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    const request = save.mock.calls[0]![0];
    expect(request.suggestedName).toBe('2027-03-24_KI-Strategie-für-die-Verwaltung_Karten.csv');
    expect(request.content.startsWith('\uFEFFBoard;Phase;')).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Aufgaben als CSV' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2), { timeout: 10_000 });
    expect(save.mock.calls[1]![0].suggestedName).toBe(
      '2027-03-24_KI-Strategie-für-die-Verwaltung_Aufgaben.csv',
    );
  });
});
