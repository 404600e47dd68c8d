import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardId, ParticipantId, WorkshopId } from '../../../../renderer/src/domain/ids';
import type { Participant, VotingRound } from '../../../../renderer/src/domain/types';
import { startRound } from '../../../../renderer/src/domain/voting';
import { LanIntake } from '../../../../renderer/src/features/voting/phone/LanIntake';
import { PhoneOpenButton, PhonePanel } from '../../../../renderer/src/features/voting/phone/PhonePanel';
import { ProjectorPhoneJoin } from '../../../../renderer/src/features/voting/phone/ProjectorPhoneJoin';
import { qrPath } from '../../../../renderer/src/features/voting/phone/QrCode';
import { resetPhoneVoting } from '../../../../renderer/src/features/voting/phone/phoneVoting';
import { changeLanguage } from '../../../../renderer/src/i18n';
import { getDb } from '../../../../renderer/src/persistence/db';
import { applyChanges } from '../../../../renderer/src/persistence/repository';
import { getPlatform } from '../../../../renderer/src/platform';
import { useAppStore } from '../../../../renderer/src/state/store';
import { createFakeLan, installLan, LOOPBACK, type FakeLan } from './fakeLan';

const W = 'w1' as WorkshopId;
const people: Participant[] = ['Anna Schmidt', 'Ben Öztürk', 'Clara Nowak'].map((name, i) => ({
  id: `p${i + 1}` as ParticipantId,
  workshopId: W,
  name,
  unit: '',
  role: '',
  createdAt: 1,
}));

let round: VotingRound;
let fake: FakeLan;

function Card({ cast = 0 }: { cast?: number }) {
  return (
    <>
      <PhoneOpenButton round={round} participants={people} />
      <PhonePanel round={round} cast={cast} />
    </>
  );
}

/** Clicks "Für Handys öffnen" once it can be clicked (the networks and the round's items are read). */
async function submit(dialog: HTMLElement) {
  const button = within(dialog).getByRole('button', { name: 'Für Handys öffnen' }) as HTMLButtonElement;
  await waitFor(() => expect(button.disabled).toBe(false));
  fireEvent.click(button);
}

async function openDialog() {
  fireEvent.click(screen.getByRole('button', { name: 'Für Handys öffnen …' }));
  return screen.findByRole('dialog', { name: '„Schwerpunkte“ für Handys öffnen' });
}

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  useAppStore.setState({ toasts: [], announcement: { text: '', seq: 0 } });
  await changeLanguage('de');
  resetPhoneVoting();
  const started = startRound({
    workshopId: W,
    boardId: 'b1' as BoardId,
    title: 'Schwerpunkte',
    target: 'clusters',
    settings: { method: 'dots', dots: 3, maxPerItem: 2 },
    items: [
      { id: 'c1', label: 'E-Akte' },
      { id: 'c2', label: 'Bürgerportal' },
    ],
    entitled: people.map((p) => p.id),
    anonymous: true,
    closesAt: null,
    now: Date.now() - 1000,
  });
  round = started.round;
  await applyChanges(db, started.changes);
  fake = createFakeLan();
  installLan(fake.lan);
});

afterEach(() => {
  resetPhoneVoting();
  installLan(null);
  vi.restoreAllMocks();
});

describe('opening a round to phones', { timeout: 20_000 }, () => {
  it('offers the networks, words the loopback for trying out, and explains what phones need', async () => {
    render(<Card />);
    const dialog = await openDialog();
    const wlan = await within(dialog).findByRole('radio', { name: /^WLAN \(wlan0\) – 192\.168\.1\.20/ });
    // A network with other devices is chosen first, and has the keyboard.
    expect((wlan as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(wlan));
    const loopback = within(dialog).getByRole('radio', { name: /^Nur dieser Computer \(zum Ausprobieren\)/ });
    expect((loopback as HTMLInputElement).checked).toBe(false);
    expect(dialog.textContent).toContain(
      'Die Handys müssen im selben WLAN oder Hotspot sein wie dieser Computer.',
    );
    expect(dialog.textContent).toContain('fragt die Firewall dieses Computers vielleicht');

    fireEvent.click(loopback);
    await submit(dialog);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5_000 });
    expect(fake.opened).toHaveLength(1);
    expect(fake.opened[0]!.interfaceId).toBe(LOOPBACK.id);
    expect(fake.opened[0]!.round).toMatchObject({
      roundId: round.id,
      title: 'Schwerpunkte',
      anonymous: true,
    });

    // The panel replaces the button and takes the focus.
    const heading = screen.getByRole('heading', { name: 'Abstimmen mit dem Handy' });
    expect(document.activeElement).toBe(heading);
    expect(screen.queryByRole('button', { name: 'Für Handys öffnen …' })).toBeNull();
  });

  it('says in German why it cannot open: no LAN control here', async () => {
    installLan(null);
    render(<Card />);
    const dialog = await openDialog();
    expect(within(dialog).getByRole('alert').textContent).toContain(
      'Abstimmen mit dem Handy gibt es in der Desktop-App und mit „npm run web“.',
    );
    expect(within(dialog).queryByRole('button', { name: 'Für Handys öffnen' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Schließen' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says in German why it cannot open: no network', async () => {
    fake = createFakeLan([]);
    installLan(fake.lan);
    render(<Card />);
    const dialog = await openDialog();
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Kein Netzwerk gefunden – bitte mit dem WLAN oder Hotspot des Raums verbinden',
    );
    expect(within(dialog).getByRole('button', { name: 'Für Handys öffnen' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('keeps the dialog with a German message when the server does not start', async () => {
    fake.failNextOpen('address-unavailable');
    render(<Card />);
    const dialog = await openDialog();
    await within(dialog).findByRole('radio', { name: /^WLAN/ });
    await submit(dialog);
    expect((await within(dialog).findByRole('alert')).textContent).toContain(
      'Dieses Netzwerk ist gerade nicht verfügbar.',
    );
    expect(screen.queryByRole('heading', { name: 'Abstimmen mit dem Handy' })).toBeNull();
  });
});

describe('the panel while phones vote', { timeout: 20_000 }, () => {
  async function openOn(networkName: RegExp) {
    const dialog = await openDialog();
    fireEvent.click(await within(dialog).findByRole('radio', { name: networkName }));
    await submit(dialog);
    await screen.findByRole('heading', { name: 'Abstimmen mit dem Handy' }, { timeout: 5_000 });
  }

  it('shows the QR code, the join code in groups, the address, phones and turnout', async () => {
    const { rerender } = render(<Card cast={1} />);
    await openOn(/^WLAN/);
    const qr = screen.getByRole('img', {
      name: 'QR-Code zum Abstimmen mit dem Handy: http://192.168.1.20:8730/j/K7M2QX',
    });
    const paths = qr.querySelectorAll('path');
    expect(paths).toHaveLength(1);
    // The finder pattern's top row: seven dark modules from the corner.
    expect(paths[0]!.getAttribute('d')).toMatch(/^M0 0h7v1h-7z/);
    expect(qr.getAttribute('viewBox')).toMatch(/^-4 -4 /);

    const panel = screen.getByRole('region', { name: 'Abstimmen mit dem Handy' });
    expect(panel.textContent).toContain('K7M 2QX');
    expect(panel.textContent).toContain('http://192.168.1.20:8730');
    expect(panel.textContent).toContain('Netzwerk: WLAN (wlan0) – 192.168.1.20');
    expect(panel.textContent).toContain('Handys verbunden: 0');
    expect(panel.textContent).toContain('1 von 3 haben abgestimmt');
    // A count only: nothing of what anyone voted.
    expect(panel.textContent).not.toMatch(/Punkte|E-Akte|Bürgerportal/);

    rerender(<Card cast={2} />);
    expect(panel.textContent).toContain('2 von 3 haben abgestimmt');
  });

  it('says quietly when the server for the phones does not answer', async () => {
    render(
      <>
        <Card />
        <LanIntake workshopId={W} />
      </>,
    );
    await openOn(/^WLAN/);
    fake.failEvents(true);
    const status = await screen.findByText(
      'Der Server für die Handys antwortet gerade nicht – es wird weiter versucht.',
      { exact: false },
      { timeout: 8_000 },
    );
    expect(status.getAttribute('role')).toBe('status');
    fake.failEvents(false);
    await waitFor(() => expect(status.isConnected).toBe(false), { timeout: 8_000 });
  });

  it('"Für Handys schließen" stops serving and brings the button back', async () => {
    render(<Card />);
    await openOn(/^WLAN/);
    fireEvent.click(screen.getByRole('button', { name: 'Für Handys schließen' }));
    await screen.findByRole('button', { name: 'Für Handys öffnen …' });
    expect(fake.closed).toEqual([round.id]);
  });

  it('puts the join code on the projector, and takes it off again', async () => {
    const openProjector = vi.spyOn(getPlatform(), 'openProjector').mockResolvedValue(true);
    render(<Card />);
    await openOn(/^WLAN/);
    fireEvent.click(screen.getByRole('button', { name: 'Auf dem Projektor zeigen' }));
    expect(openProjector).toHaveBeenCalledWith(W);
    expect(localStorage.getItem('moderato.phoneProjector')).toBe(round.id);

    // The projector window: the same origin, its own render.
    const projector = render(
      <ProjectorPhoneJoin workshopId={W}>
        <p>Das Board</p>
      </ProjectorPhoneJoin>,
    );
    const shown = await projector.findByRole('region', { name: 'Mit dem Handy abstimmen: Schwerpunkte' });
    expect(shown.textContent).toContain('K7M 2QX');
    expect(shown.textContent).toContain('http://192.168.1.20:8730');
    await waitFor(() => expect(shown.textContent).toContain('0 von 3 haben abgestimmt'));
    expect(within(shown).getByRole('img').querySelector('path')).not.toBeNull();
    expect(projector.queryByText('Das Board')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Vom Projektor nehmen' }));
    await projector.findByText('Das Board');
    expect(localStorage.getItem('moderato.phoneProjector')).toBeNull();
  });

  it('the projector drops the join code when the session ends', async () => {
    vi.spyOn(getPlatform(), 'openProjector').mockResolvedValue(true);
    render(<Card />);
    await openOn(/^WLAN/);
    fireEvent.click(screen.getByRole('button', { name: 'Auf dem Projektor zeigen' }));
    const projector = render(
      <ProjectorPhoneJoin workshopId={W}>
        <p>Das Board</p>
      </ProjectorPhoneJoin>,
    );
    await projector.findByText('K7M 2QX');
    await act(() => fake.lan.close(round.id));
    // The projector asks the host every few seconds.
    await projector.findByText('Das Board', undefined, { timeout: 5_000 });
  });
});

describe('the QR path', () => {
  it('draws one rectangle per run of dark modules', () => {
    expect(
      qrPath([
        [true, true, false, true],
        [false, false, false, false],
        [false, true, true, true],
      ]),
    ).toBe('M0 0h2v1h-2zM3 0h1v1h-1zM1 2h3v1h-3z');
  });
});
