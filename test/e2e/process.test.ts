// The workshop process (issue 3): a workshop from the AI-strategy template, its
// agenda with timeboxes (reordered by keyboard), the timer on a fake clock, and
// the projector window following the facilitator.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addPoolCard, createWorkshop, expectAccessible, launchSession, type Session } from './helpers';
import { liftsWithinMove } from './pointerLift';

const TITLE = 'KI-Strategie Auftakt – Größe';
let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  await createWorkshop(page, {
    title: TITLE,
    date: '2027-03-24',
    place: 'Rathaus',
    template: 'KI-Strategie',
  });
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Bereiche des Workshops' });
const agendaTitles = () => page.locator('.agenda-item .agenda-title strong').allTextContents();
const sessionEnd = () => page.locator('.session-end').first().textContent();

describe('workshop process', () => {
  it('creates the workshop from the AI-strategy template with four phases, boards and an agenda', async () => {
    await expect
      .poll(() => page.locator('.phase-card h3').allTextContents())
      .toEqual(['1Vision', '2Bestandsaufnahme', '3Handlungsschwerpunkte', '4Projektideen']);
    await expect.poll(() => nav().getByRole('link').count()).toBe(5 + 4);
    await expectAccessible(page, 'the process overview');

    await nav().getByRole('link', { name: 'Tagesordnung' }).click();
    await page.getByRole('heading', { level: 3, name: 'Sitzung 1' }).waitFor();
    await expect.poll(async () => (await agendaTitles()).length).toBe(10);
    expect((await agendaTitles()).slice(0, 3)).toEqual([
      'Begrüßung, Ziele und Ablauf',
      'Vision: Aussagen sammeln',
      'Vision: Leitbild formulieren',
    ]);
    await expect
      .poll(sessionEnd)
      .toBe('Geplante Dauer: 5 Std. 15 Min. – mit einer Anfangszeit zeigt Moderato auch das Ende.');
  });

  it('shows the planned end of the session once it has a start time', async () => {
    await page.getByRole('button', { name: 'Sitzung bearbeiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sitzung bearbeiten' });
    await dialog.getByLabel('Anfangszeit').fill('09:00');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(sessionEnd).toBe('Geplantes Ende: 14:15 Uhr (5 Std. 15 Min.)');
    await expect
      .poll(() => page.locator('.agenda-item .agenda-time').first().textContent())
      .toBe('09:00–09:15');
    await expectAccessible(page, 'the agenda');
  });

  it('lifts an item picked up by the mouse within the pointer move that starts the drag; Escape puts it back', async () => {
    const handle = page.getByRole('button', { name: 'TOP verschieben: Pause', exact: true });
    const order = await agendaTitles();
    expect(await liftsWithinMove(page, handle, '.agenda-item-dragging')).toBe(true);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await page.locator('.agenda-item-dragging').waitFor({ state: 'detached' });
    expect(await agendaTitles()).toEqual(order);
  });

  it('reorders the agenda by keyboard and keeps the order after a reload', async () => {
    const handle = page.getByRole('button', { name: 'TOP verschieben: Pause', exact: true });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.locator('.agenda-item [aria-pressed="true"]').waitFor();
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(150);
    await page.keyboard.press('Space');
    await page.locator('.agenda-item [aria-pressed="true"]').waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await agendaTitles()).slice(1, 4))
      .toEqual(['Vision: Aussagen sammeln', 'Pause', 'Vision: Leitbild formulieren']);
    // And back down with the buttons, the non-drag way.
    await page.getByRole('button', { name: 'Nach unten: Pause' }).click();
    await expect.poll(async () => (await agendaTitles())[3]).toBe('Pause');
    await page.getByRole('button', { name: 'Nach oben: Pause' }).click();
    await expect.poll(async () => (await agendaTitles())[2]).toBe('Pause');
    await page.reload();
    await expect.poll(async () => (await agendaTitles())[2]).toBe('Pause');
  });

  it('refuses 0, 10,000 and "viele" minutes with a German message and keeps what was typed', async () => {
    await page.getByRole('button', { name: 'TOP hinzufügen zu „Sitzung 1“' }).click();
    const dialog = page.getByRole('dialog', { name: 'TOP hinzufügen' });
    await dialog.getByLabel('Titel des TOP').fill('Rückfragen der Fachämter');
    const minutes = dialog.getByLabel('Geplante Minuten');
    const error = dialog.locator('.field-error');
    for (const [typed, message] of [
      ['0', '„Geplante Minuten“ muss zwischen 1 und 600 Minuten liegen.'],
      ['10000', '„Geplante Minuten“ muss zwischen 1 und 600 Minuten liegen.'],
      ['viele', '„Geplante Minuten“ muss eine ganze Zahl von Minuten sein, zum Beispiel 15.'],
    ] as const) {
      await minutes.fill(typed);
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await expect.poll(() => error.textContent()).toBe(message);
      expect(await dialog.getByLabel('Titel des TOP').inputValue()).toBe('Rückfragen der Fachämter');
    }
    await minutes.fill('20');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(async () => (await agendaTitles()).at(-1)).toBe('Rückfragen der Fachämter');
    await expect.poll(sessionEnd).toBe('Geplantes Ende: 14:35 Uhr (5 Std. 35 Min.)');
  });

  it('opens the projector, which follows the board the facilitator shows and never shows facilitator notes', async () => {
    const popup = session.context.waitForEvent('page');
    await page.getByRole('button', { name: 'Projektor öffnen' }).click();
    const projector = await popup;
    await projector.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await projector.getByText('Hier erscheint, was die Moderation zeigt.').waitFor();

    await nav().getByRole('link', { name: 'Vision: KI in der Verwaltung 2030' }).click();
    await projector.getByRole('heading', { level: 2, name: 'Vision: KI in der Verwaltung 2030' }).waitFor();
    await addPoolCard(page, 'Routinearbeit übernimmt die KI – Zeit für Bürgerkontakt');
    const card = projector.getByText('Routinearbeit übernimmt die KI – Zeit für Bürgerkontakt');
    await card.waitFor();
    // Long words get soft hyphens (Chromium in Electron has no hyphenation dictionaries of its own).
    await expect.poll(() => card.textContent()).toContain('Bürger\u00ADkon\u00ADtakt');

    await nav().getByRole('link', { name: 'Bestandsaufnahme: Reifegrad der Prozesse' }).click();
    await projector
      .getByRole('heading', { level: 2, name: 'Bestandsaufnahme: Reifegrad der Prozesse' })
      .waitFor();
    // Without the soft hyphens the projector sets into long words (a hidden word would not match).
    const text = ((await projector.locator('body').textContent()) ?? '').replaceAll('\u00AD', '');
    expect(text).not.toContain('Stilles Schreiben');
    expect(text).not.toContain('Fallzahl pro Jahr');
    await expectAccessible(projector, 'the projector view');
    await projector.close();
  });

  // The fake clock jumps forward on command; between jumps it flows on normally, so
  // readings allow the few seconds a test step takes.
  it('runs the timer on a fake clock: counts down, warns, signals time up, extends and records the time', async () => {
    const bar = page.getByRole('region', { name: 'Timer' });
    const clock = () => bar.locator('.timer-clock').textContent();
    await page.clock.install({ time: new Date('2027-03-24T09:00:00+01:00') });
    await page.goto(`${session.baseUrl}#/w/${await workshopId()}/agenda`);
    await page.getByRole('button', { name: 'Timer starten Begrüßung, Ziele und Ablauf' }).click();
    await expect.poll(clock).toMatch(/^1[45]:\d\d$/);

    await page.clock.fastForward('14:01');
    await expect.poll(clock).toMatch(/^00:5\d$/);
    await expect.poll(() => page.locator('[aria-live="polite"]').textContent()).toContain('Noch eine Minute');

    await page.clock.fastForward('01:10');
    await expect.poll(() => bar.locator('.timer-signal').textContent()).toBe('Zeit abgelaufen');
    await expect.poll(clock).toMatch(/^\+00:[0-5]\d$/);
    await expect.poll(() => page.locator('[aria-live="polite"]').textContent()).toContain('ist abgelaufen');
    await expectAccessible(page, 'the agenda with the timer over time');

    await bar.getByRole('button', { name: '+5 Min.' }).click();
    await expect.poll(clock).toMatch(/^04:[0-5]\d$/);
    await expect.poll(() => bar.locator('.timer-signal').count()).toBe(0);
    await bar.getByRole('button', { name: 'Pause' }).click();
    // The pause is saved first; read the clock only once the timer shows it.
    await expect.poll(() => bar.getByRole('button', { name: 'Fortsetzen' }).count()).toBe(1);
    const paused = await clock();
    await page.clock.fastForward('10:00');
    expect(await clock()).toBe(paused);
    const recorded = () => page.locator('.agenda-item').first().locator('.agenda-minutes').textContent();
    await expect.poll(recorded).toMatch(/^20 Min\. · tatsächlich 15:\d\d$/);
    // The recorded time survives a reload.
    const before = await recorded();
    await page.reload();
    await expect.poll(recorded).toBe(before);
  });
});

async function workshopId(): Promise<string> {
  const hash = await page.evaluate(() => window.location.hash);
  return /#\/w\/([^/]+)/.exec(hash)![1]!;
}
