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
  it('opens from the start screen with its four filled phase boards, participants, agenda and decisions', async () => {
    await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'KI-Strategie für die Verwaltung – Auftaktworkshop (Demo)' })
      .waitFor();
    await expect.poll(() => page.locator('.phase-card').count()).toBe(4);
    await expect.poll(() => page.locator('.overview-facts').textContent()).toContain('7 Personen');
    await expectAccessible(page, 'the demo overview');

    const nav = page.getByRole('navigation', { name: 'Bereiche des Workshops' });
    const shows = (text: string | RegExp) => page.getByText(text).filter({ visible: true }).first().waitFor();

    // Vision: the agreed Leitbild above the statements, some of them clustered.
    await nav.getByRole('link', { name: 'Vision: KI in der Verwaltung 2030' }).click();
    await shows('Menschen entscheiden, KI unterstützt – jede Entscheidung bleibt nachvollziehbar');
    await shows(/Niemand verliert durch KI seinen Arbeitsplatz, alle werden qualifiziert/);
    await shows('Werte und Leitplanken');
    await expectAccessible(page, 'the demo vision board');

    // Inventory: departments × maturity, cards with their facts, and the tray.
    await nav.getByRole('link', { name: 'Bestandsaufnahme: Reifegrad der Prozesse' }).click();
    await shows('Bauen und Genehmigungen');
    await shows('Bauantragsprüfung: Papierakten, ca. 4.200 Anträge pro Jahr, Rückfragen per Post');
    await shows(/Rund 60 % der Anträge kommen unvollständig an/);
    await shows('Jugendamt: Fallakten – Zahlen folgen zur zweiten Sitzung');
    await expectAccessible(page, 'the demo inventory matrix');

    // Focus areas: copied cards in clusters, three of them promoted with a description.
    await nav.getByRole('link', { name: 'Handlungsschwerpunkte', exact: true }).click();
    await shows('Entlastung der Beschäftigten');
    await shows(/KI übernimmt Routine im Posteingang und in der Sichtung/);
    await shows('Posteingang vorsortieren und Dubletten erkennen');
    await expectAccessible(page, 'the demo focus areas');

    // Project ideas on canvases.
    await nav.getByRole('link', { name: 'Projektideen', exact: true }).click();
    await shows('Intelligenter Posteingang für Bürgeranfragen');
    await shows('Bescheide in Leichter Sprache');
    await expectAccessible(page, 'the demo project ideas');

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
