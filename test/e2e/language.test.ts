import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchSession, type Session } from './helpers';

const WORKSHOP = 'Strategy Day – Zürich';

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

function visibleText(name: string, role: 'button' | 'heading' | 'link' = 'button') {
  return page.getByRole(role, { name, exact: true }).isVisible();
}

describe('language', () => {
  it('starts in German, switches to English and stays English after a reload', async () => {
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await visibleText('Neuer Workshop')).toBe(true);

    await page.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'New workshop', exact: true }).waitFor();
    expect(await visibleText('Neuer Workshop')).toBe(false);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.title()).toBe('Moderato – facilitate workshops');
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');

    // A workshop created in English gets English defaults and English labels.
    await page.getByRole('button', { name: 'New workshop', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a new workshop' });
    await dialog.getByRole('button', { name: 'Create workshop' }).click();
    await expect
      .poll(() => dialog.locator('.field-error').textContent())
      .toBe('Please enter a text for “Title”.');
    await dialog.getByLabel('Title').fill(WORKSHOP);
    await dialog.getByLabel('Date').fill('2027-03-24');
    await dialog.getByRole('radio', { name: /^Empty workshop/ }).check();
    await dialog.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('heading', { level: 1, name: WORKSHOP }).waitFor();
    await page
      .getByRole('navigation', { name: 'Parts of the workshop' })
      .getByRole('link', { name: 'Pinboard', exact: true })
      .click();

    await expect.poll(() => page.locator('.workshop-bar .workshop-facts').textContent()).toBe('Mar 24, 2027');
    await expect.poll(() => page.locator('#board-title').textContent()).toBe('Pinboard');
    expect(await page.locator('.column-title').allTextContents()).toEqual([
      'Ideas',
      'Questions',
      'Next steps',
    ]);
    expect(await page.getByRole('button', { name: /^Add card/ }).count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Add card to “Ideas”' }).isVisible()).toBe(true);
    expect(await visibleText('Add column')).toBe(true);
    expect(await visibleText('Undo')).toBe(true);
    expect(await visibleText('Redo')).toBe(true);
    expect(await page.getByText('Karte hinzufügen').count()).toBe(0);
    await expectAccessible(page, 'the board in English');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: WORKSHOP }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');
    await page.getByRole('button', { name: 'Add card to “Ideas”' }).waitFor();
    expect(await visibleText('Add column')).toBe(true);
    expect(await visibleText('Undo')).toBe(true);

    await page.getByRole('link', { name: 'Workshops', exact: true }).click();
    await page.getByRole('button', { name: 'New workshop', exact: true }).waitFor();
    await expect
      .poll(() => page.getByRole('list', { name: 'Workshops' }).locator('.workshop-facts').allTextContents())
      .toEqual(['Mar 24, 2027']);
  });

  it('switches back to German, which also survives a reload', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
    await page.getByRole('button', { name: 'Neuer Workshop', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await visibleText('New workshop')).toBe(false);
    await expect
      .poll(() => page.getByRole('list', { name: 'Workshops' }).locator('.workshop-facts').allTextContents())
      .toEqual(['24.03.2027']);

    await page.reload();
    await page.getByRole('button', { name: 'Neuer Workshop', exact: true }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Sprache' }).inputValue()).toBe('de');
    await expect.poll(() => page.title()).toBe('Moderato – Workshops moderieren');

    // Labels are German again; what the user typed (and the English defaults) stays as it was.
    await page.getByRole('button', { name: `Workshop „${WORKSHOP}“ öffnen` }).click();
    await page.getByRole('heading', { level: 1, name: WORKSHOP }).waitFor();
    await page
      .getByRole('navigation', { name: 'Bereiche des Workshops' })
      .getByRole('link', { name: 'Pinboard', exact: true })
      .click();
    await page.getByRole('button', { name: 'Karte hinzufügen in „Ideas“' }).waitFor();
    expect(await visibleText('Spalte hinzufügen')).toBe(true);
    expect(await visibleText('Rückgängig')).toBe(true);
    expect(await page.locator('.column-title').allTextContents()).toEqual([
      'Ideas',
      'Questions',
      'Next steps',
    ]);
    expect(await page.getByText('Add card').count()).toBe(0);
  });
});
