// The demo workshop opens from the start screen, whole, and reads well to a screen reader.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchSession, type Session } from './helpers';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

describe('demo workshop', () => {
  it('opens from the start screen with its phases, participants, agenda and decisions', async () => {
    await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'KI-Strategie für die Verwaltung – Auftaktworkshop (Demo)' })
      .waitFor();
    await expect.poll(() => page.locator('.phase-card').count()).toBe(4);
    await expect.poll(() => page.locator('.overview-facts').textContent()).toContain('7 Personen');
    await expectAccessible(page, 'the demo overview');

    const nav = page.getByRole('navigation', { name: 'Bereiche des Workshops' });
    await nav.getByRole('link', { name: 'Vision: KI in der Verwaltung 2030' }).click();
    await page
      .getByText('Menschen entscheiden, KI unterstützt – jede Entscheidung bleibt nachvollziehbar')
      .waitFor();
    await expectAccessible(page, 'the demo vision board');

    await nav.getByRole('link', { name: 'Teilnehmende' }).click();
    await page.getByText('Łukasz Wróbel').waitFor();
    await nav.getByRole('link', { name: 'Beschlüsse und Aufgaben' }).click();
    await page.getByText(/Leitbild: „KI entlastet die Beschäftigten/).waitFor();
    await expectAccessible(page, 'the demo decisions and action items');
    await nav.getByRole('link', { name: 'Tagesordnung' }).click();
    await expect
      .poll(() => page.locator('.session-end').first().textContent())
      .toBe('Geplantes Ende: 14:15 Uhr (5 Std. 15 Min.)');
  });
});
