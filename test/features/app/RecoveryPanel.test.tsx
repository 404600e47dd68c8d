// The desktop recovery: the database cannot be opened, the newest automatic
// snapshot is offered, and restoring it fills a new database beside the old one.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ModeratoApi } from '../../../electron/shared/contract';
import { StartupFailure } from '../../../renderer/src/features/app/StartupFailure';
import { RecoveryPanel } from '../../../renderer/src/features/app/RecoveryPanel';
import { activeDatabaseName } from '../../../renderer/src/persistence/activeDb';
import { DatabaseTooNewError, ModeratoDb } from '../../../renderer/src/persistence/db';
import { makeBytes } from '../../persistence/backup/sample';

const SNAPSHOT = {
  id: 'snapshot-20270324T120000000Z-quit.moderato.json',
  createdAt: Date.UTC(2027, 2, 24, 12),
  reason: 'quit' as const,
  bytes: 4096,
  summary: { workshops: 2, titles: ['KI-Strategie – Auftakt', 'Grünflächenamt 2030'], rows: 13 },
};

beforeAll(async () => {
  const bytes = await makeBytes();
  window.moderato = {
    listSnapshots: vi.fn(async () => [SNAPSHOT]),
    readSnapshot: vi.fn(async () => bytes),
  } as unknown as ModeratoApi;
});
afterAll(() => {
  delete window.moderato;
});

describe('recovery when the database cannot be opened (desktop)', () => {
  it('says what happened, that nothing was deleted, and offers the newest snapshot', async () => {
    render(<StartupFailure error={new DatabaseTooNewError('schema 3 > 2')} />);
    expect(screen.getByText(/stammen von einer neueren Moderato-Version/)).toBeTruthy();
    expect(screen.getByText('Es wurde nichts gelöscht: Ihre Daten bleiben, wo sie sind.')).toBeTruthy();
    expect(
      await screen.findByText(
        /Die neueste automatische Sicherung ist vom .* \(2 Workshops: KI-Strategie – Auftakt, Grünflächenamt 2030\)\./,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sicherung aus Datei importieren …' })).toBeTruthy();
  });

  it('says so when the snapshot cannot be read, and lets the user try again', async () => {
    vi.mocked(window.moderato!.readSnapshot).mockRejectedValueOnce(new Error('EIO: the disk failed'));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<RecoveryPanel onRecovered={() => undefined} />);
    const restore = await screen.findByRole('button', { name: 'Diese Sicherung wiederherstellen' });
    await userEvent.click(restore);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Das hat nicht geklappt. Alles bisher Gespeicherte ist erhalten. Bitte versuchen Sie es erneut.',
    );
    expect((restore as HTMLButtonElement).disabled).toBe(false);
    quiet.mockRestore();
  });

  it('restores the snapshot into a new database and switches to it', async () => {
    const recovered = vi.fn();
    render(<RecoveryPanel onRecovered={recovered} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Diese Sicherung wiederherstellen' }));
    await vi.waitFor(() => expect(recovered).toHaveBeenCalledOnce(), { timeout: 5_000 });
    const name = activeDatabaseName();
    expect(name).toMatch(/^moderato-recovered-\d+$/);
    const db = new ModeratoDb(name);
    await db.open();
    expect((await db.workshops.toArray()).map((w) => w.title).sort()).toEqual([
      'Grünflächenamt 2030',
      'KI-Strategie – Auftakt',
    ]);
    expect(await db.notes.count()).toBe(4);
    await db.delete();
  });
});
