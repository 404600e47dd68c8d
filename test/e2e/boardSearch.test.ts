// "Karten suchen" on the boards that show every card: the columns board and
// the inventory matrix (the clusters board's search is in clustersBig.test.ts).
// Strg+F puts the cursor there, Enter shows the next hit, marked and said with
// where the card is; "Zur Karte" moves the focus to it.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addNote, createWorkshop, expectAccessible, launchSession, type Session } from './helpers';

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

const field = () => page.getByRole('searchbox', { name: 'Karten suchen' });
const said = () => page.locator('div.visually-hidden[role="status"][aria-live="polite"]').textContent();
/** The texts of the cards marked as the hit shown (without the color, said after the text). */
const marked = async () =>
  (await page.locator('.card-search-hit .note-text').allTextContents()).map((text) =>
    text.replace(/, \p{L}+$/u, ''),
  );

describe('board search', () => {
  it('finds cards on a columns board and says in which column each is', async () => {
    await createWorkshop(page, { title: 'Suche in Spalten', date: '2027-05-02', place: 'Rathaus' });
    await addNote(page, 'Ideen', 'E-Akte im Bauamt');
    await addNote(page, 'Ideen', 'Chatbot für Bürgeranfragen');
    await addNote(page, 'Fragen', 'Wer pflegt die E-Akte?');
    await page.locator('.note-text').first().click();
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await page.keyboard.type('e-akte');
    await expect.poll(() => page.locator('.card-search-status').textContent()).toBe('2 Treffer');
    await page.keyboard.press('Enter');
    await expect.poll(said).toBe('Treffer 1 von 2: E-Akte im Bauamt – in der Spalte „Ideen“');
    await expect.poll(marked).toEqual(['E-Akte im Bauamt']);
    await page.keyboard.press('Enter');
    await expect.poll(said).toBe('Treffer 2 von 2: Wer pflegt die E-Akte? – in der Spalte „Fragen“');
    await expect.poll(marked).toEqual(['Wer pflegt die E-Akte?']);
    await expectAccessible(page, 'a columns board with a search hit');
    await page.getByRole('button', { name: 'Zur Karte' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-note-id]')?.textContent ?? ''))
      .toContain('Wer pflegt die E-Akte?');
    await field().fill('');
    await expect.poll(marked).toEqual([]);
  });

  it('finds cards of the inventory matrix by their text and facts, in their cell or the tray', async () => {
    await page.goto(page.url().replace(/#.*$/, '#/'));
    await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).click();
    const nav = page.getByRole('navigation', { name: 'Bereiche des Workshops' });
    await nav.getByRole('link', { name: 'Bestandsaufnahme: Reifegrad der Prozesse' }).click();
    await field().fill('wohngeld');
    await expect.poll(() => page.locator('.card-search-status').textContent()).toBe('1 Treffer');
    await field().press('Enter');
    await expect
      .poll(said)
      .toMatch(
        /^Treffer 1 von 1: Wohngeld: .* – in Zeile „Soziales und Leistungen“, Spalte „Digitalisiert“$/,
      );
    await expect
      .poll(marked)
      .toEqual(['Wohngeld: Online-Antrag, aber Ausdruck und erneute Erfassung im Fachverfahren']);
    await expectAccessible(page, 'the inventory matrix with a search hit');
  });
});
