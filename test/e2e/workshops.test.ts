import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchSession, type Session } from './helpers';

const TITLE = 'Größenwahn & Übermut – Auftakt';
const RENAMED = 'Größenwahn & Übermut – Abschluss';
const FACTS = '24.03.2027 · Köln-Mülheim · Bürgerstiftung Süd e. V.';
const REQUIRED = 'Bitte geben Sie einen Text für „Titel“ ein.';

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

function workshopList(): Locator {
  return page.getByRole('list', { name: 'Workshops' });
}

function listTitles(): Promise<string[]> {
  return workshopList()
    .locator('.workshop-title')
    .allTextContents()
    .catch(() => []);
}

function listItem(title: string): Locator {
  return workshopList()
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

function binItem(title: string): Locator {
  return page
    .getByRole('region', { name: 'Papierkorb' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

async function toList(): Promise<void> {
  await page.getByRole('link', { name: 'Workshops', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
}

describe('workshops', () => {
  it('creates a workshop with umlauts, opens it and lists it with the German date', async () => {
    await expect.poll(() => page.locator('.empty').textContent()).toContain('Noch keine Workshops');
    await expectAccessible(page, 'the workshop list (empty)');

    await page.getByRole('button', { name: 'Neuer Workshop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
    await dialog.waitFor();
    await expectAccessible(page, 'the list with the create dialog open');

    await dialog.getByLabel('Titel').fill(TITLE);
    await dialog.getByLabel('Datum').fill('2027-03-24');
    await dialog.getByLabel('Ort').fill('Köln-Mülheim');
    await dialog.getByLabel('Organisation').fill('Bürgerstiftung Süd e. V.');
    await dialog.getByRole('button', { name: 'Workshop anlegen' }).click();

    // It opens at once on its process overview: the four phases of the default template.
    await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
    await expect.poll(() => page.locator('.workshop-bar .workshop-facts').textContent()).toBe(FACTS);
    await expect
      .poll(() => page.getByRole('link', { name: 'Ablauf' }).getAttribute('aria-current'))
      .toBe('page');
    await expect
      .poll(() => page.locator('.phase-card h3').allTextContents())
      .toEqual(['1Vision', '2Bestandsaufnahme', '3Handlungsschwerpunkte', '4Projektideen']);
    await expectAccessible(page, 'the process overview');
    await page
      .locator('.phase-card')
      .getByRole('link', { name: 'Bestandsaufnahme: Reifegrad der Prozesse' })
      .click();
    await expect
      .poll(() => page.locator('.matrix-column-header .matrix-line-title').allTextContents())
      .toEqual(['Analog', 'Digitalisiert', 'Medienbruchfrei', 'Datengetrieben', 'KI-unterstützt']);
    await expect.poll(() => page.title()).toBe(`${TITLE} – Moderato`);
    await expectAccessible(page, 'the workshop screen');

    await toList();
    await expect.poll(listTitles).toEqual([TITLE]);
    await expect.poll(() => listItem(TITLE).locator('.workshop-facts').textContent()).toBe(FACTS);
    await expectAccessible(page, 'the workshop list (one workshop)');

    // The list opens it again.
    await page.getByRole('button', { name: `Workshop „${TITLE}“ öffnen` }).click();
    await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
    await toList();
  });

  it('renames a workshop and keeps its other details', async () => {
    await page.getByRole('button', { name: `Workshop „${TITLE}“ bearbeiten` }).click();
    const dialog = page.getByRole('dialog', { name: 'Workshop bearbeiten' });
    const title = dialog.getByLabel('Titel');
    await expect.poll(() => title.inputValue()).toBe(TITLE);
    await expect.poll(() => dialog.getByLabel('Datum').inputValue()).toBe('2027-03-24');
    await title.fill(RENAMED);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(listTitles).toEqual([RENAMED]);
    await expect.poll(() => listItem(RENAMED).locator('.workshop-facts').textContent()).toBe(FACTS);

    await page.reload();
    await expect.poll(listTitles).toEqual([RENAMED]);
  });

  it('refuses an empty title and a title of only spaces, and creates nothing', async () => {
    await page.getByRole('button', { name: 'Neuer Workshop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
    const title = dialog.getByLabel('Titel');
    const submit = dialog.getByRole('button', { name: 'Workshop anlegen' });

    await dialog.getByLabel('Ort').fill('Irgendwo');
    await submit.click();
    await expect.poll(() => dialog.locator('.field-error').allTextContents()).toEqual([REQUIRED]);
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    // The error is part of the field's description and focus goes back to it.
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Titel', description: REQUIRED }).count()).toBe(1);

    await title.fill('     ');
    await submit.click();
    await expect.poll(() => dialog.locator('.field-error').allTextContents()).toEqual([REQUIRED]);
    expect(await dialog.isVisible()).toBe(true);

    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(listTitles).toEqual([RENAMED]);
    await page.reload();
    await expect.poll(listTitles).toEqual([RENAMED]);
  });

  it('moves a workshop to the Papierkorb and restores it (toast "Rückgängig" and "Wiederherstellen")', async () => {
    // 1) Delete, then undo from the toast.
    await page.getByRole('button', { name: `Workshop „${RENAMED}“ löschen` }).click();
    const confirm = page.getByRole('dialog', { name: 'Workshop löschen?' });
    await expect
      .poll(() => confirm.locator('.dialog-description').textContent())
      .toBe(`„${RENAMED}“ wird in den Papierkorb gelegt. Von dort können Sie ihn wiederherstellen.`);
    await confirm.getByRole('button', { name: 'In den Papierkorb' }).click();
    await confirm.waitFor({ state: 'detached' });

    await expect.poll(listTitles).toEqual([]);
    await binItem(RENAMED).waitFor();
    await expect
      .poll(() => binItem(RENAMED).locator('.workshop-facts').textContent())
      .toMatch(/^Gelöscht am /);
    const toast = page.locator('.toast', { hasText: `„${RENAMED}“ liegt im Papierkorb.` });
    await toast.getByRole('button', { name: 'Rückgängig' }).click();

    await expect.poll(listTitles).toEqual([RENAMED]);
    await page.getByRole('region', { name: 'Papierkorb' }).waitFor({ state: 'detached' });

    // 2) Delete again, then restore from the Papierkorb.
    await page.getByRole('button', { name: `Workshop „${RENAMED}“ löschen` }).click();
    await page
      .getByRole('dialog', { name: 'Workshop löschen?' })
      .getByRole('button', { name: 'In den Papierkorb' })
      .click();
    await binItem(RENAMED).waitFor();
    await expect.poll(listTitles).toEqual([]);
    await expect.poll(() => page.locator('.empty').textContent()).toContain('Noch keine Workshops');
    await expectAccessible(page, 'the workshop list with the Papierkorb');

    // The bin survives a reload: it is stored, not view state.
    await page.reload();
    await binItem(RENAMED)
      .getByRole('button', { name: `Workshop „${RENAMED}“ wiederherstellen` })
      .click();
    await expect.poll(listTitles).toEqual([RENAMED]);
    await page.getByRole('region', { name: 'Papierkorb' }).waitFor({ state: 'detached' });
    await expect.poll(() => listItem(RENAMED).locator('.workshop-facts').textContent()).toBe(FACTS);

    await page.reload();
    await expect.poll(listTitles).toEqual([RENAMED]);
  });

  it('says in a German toast when an action fails in a way no code caught, and keeps the list', async () => {
    const unexpected = page.getByRole('alert').filter({
      hasText:
        'Das hat nicht geklappt. Alles bisher Gespeicherte ist erhalten. Bitte versuchen Sie es erneut.',
    });
    // A promise rejected without a handler, then an exception thrown in a task (as in an event handler).
    await page.evaluate(() => setTimeout(() => void Promise.reject(new Error('Testfehler A'))));
    await unexpected.waitFor();
    await unexpected.getByRole('button', { name: 'Meldung schließen' }).click();
    await unexpected.waitFor({ state: 'detached' });
    await page.evaluate(() =>
      setTimeout(() => {
        throw new Error('Testfehler B');
      }),
    );
    await unexpected.waitFor();
    await expect.poll(listTitles).toEqual([RENAMED]);
    // The failures still reach the console and the checks: exactly these two.
    await expect.poll(() => session.problems.pageErrors.length).toBe(2);
    const errors = session.problems.pageErrors.splice(0);
    expect(errors.join('\n')).toMatch(/Testfehler A[\s\S]*Testfehler B/);
  });
});
