// Backups as a user meets them in the browser version: save a workshop as a
// file (a download), delete it for good, import the file and find it whole;
// replace after a confirmation; refuse a broken file; and recover when the
// database cannot be opened at all.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addNote,
  createWorkshop,
  expectAccessible,
  expectBoard,
  launchSession,
  readBoard,
  type ColumnState,
  type Session,
} from './helpers';

const TITLE = 'Sicherung – Grünflächenamt';
const BAD_FILE = new URL('../fixtures/backups/bad/checksum-mismatch.json', import.meta.url).pathname;

let session: Session;
let page: Page;
let savedFile = '';
let boardBefore: ColumnState[] = [];

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

async function toList(): Promise<void> {
  await page.getByRole('link', { name: 'Moderato' }).click();
  await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
}

async function toBackups(): Promise<void> {
  await toList();
  await page.getByRole('link', { name: 'Sicherungen', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sicherungen' }).waitFor();
}

async function openBoard(title: string): Promise<void> {
  await toList();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Bereiche des Workshops' })
    .getByRole('link', { name: 'Pinnwand', exact: true })
    .click();
  await page.locator('ol.columns').waitFor();
}

/** Picks a file through the app's file input, as a person does in the open dialog. */
async function chooseFile(button: string, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  await chooser.setFiles(file);
}

/** Waits for a toast, then closes it, so the next step cannot mistake it for its own. */
async function seeToast(text: string): Promise<void> {
  const toast = page.locator('.toast', { hasText: text });
  await toast.waitFor();
  await toast.getByRole('button', { name: 'Meldung schließen' }).click();
  await toast.waitFor({ state: 'detached' });
}

describe('backups in the browser', () => {
  it('saves one workshop as a .moderato.json download with format, app version and checksum', async () => {
    await createWorkshop(page, { title: TITLE, place: 'Köln' });
    await addNote(page, 'Ideen', 'Bäume zählen 🌳');
    await addNote(page, 'Ideen', 'Łódź: Partnerstadt fragen');
    await addNote(page, 'Fragen', 'Wer gießt im August?');
    boardBefore = await readBoard(page);

    await toBackups();
    await expectAccessible(page, 'the Sicherungen screen');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Workshop „${TITLE}“ sichern` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^Moderato-Sicherung Sicherung – Grünflächenamt \d{4}-\d{2}-\d{2}\.moderato\.json$/,
    );
    savedFile = (await download.path())!;
    const saved = JSON.parse(await readFile(savedFile, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({
      format: 'moderato-backup',
      formatVersion: 3,
      appVersion: '0.1.0',
      scope: 'workshop',
    });
    expect(saved.checksum).toMatch(/^sha256-[0-9a-f]{64}$/);
    await seeToast(`Die Sicherung „${download.suggestedFilename()}“ wurde gespeichert.`);
  });

  it('imports the file after the workshop was deleted for good, and finds it whole', async () => {
    await toList();
    await page.getByRole('button', { name: `Workshop „${TITLE}“ löschen` }).click();
    await page
      .getByRole('dialog', { name: 'Workshop löschen?' })
      .getByRole('button', { name: 'In den Papierkorb' })
      .click();
    await page
      .getByRole('region', { name: 'Papierkorb' })
      .getByRole('button', { name: `Workshop „${TITLE}“ endgültig löschen` })
      .click();
    await page
      .getByRole('dialog', { name: 'Endgültig löschen?' })
      .getByRole('button', { name: 'Endgültig löschen' })
      .click();
    await page.locator('.empty', { hasText: 'Noch keine Workshops' }).waitFor();

    await toBackups();
    await chooseFile('Sicherung importieren …', savedFile);
    const dialog = page.getByRole('dialog', { name: 'Sicherung importieren' });
    await dialog.waitFor();
    await expect
      .poll(() => dialog.locator('.dialog-description').textContent())
      .toMatch(/enthält 1 Workshop mit \d+ Einträgen\./);
    await expectAccessible(page, 'the import dialog');
    await dialog.getByRole('button', { name: 'Importieren', exact: true }).click();
    await seeToast('Sicherung importiert: 1 Workshop.');
    // One workshop imported: the app opens it. Only then on (a click racing that
    // navigation once left the test waiting for the list).
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    await openBoard(TITLE);
    await expectBoard(page, boardBefore);
    await page.reload();
    await expectBoard(page, boardBefore);
  });

  it('replaces a changed workshop with the file only after a confirmation, keeping a restore point', async () => {
    await addNote(page, 'Fragen', 'Nach der Sicherung ergänzt');
    await toBackups();
    await chooseFile('Sicherung importieren …', savedFile);
    const dialog = page.getByRole('dialog', { name: 'Sicherung importieren' });
    await dialog.getByRole('button', { name: 'Ersetzen …' }).click();
    const confirm = page.getByRole('dialog', { name: 'Workshops ersetzen?' });
    await expect
      .poll(() => confirm.locator('.dialog-description').textContent())
      .toBe(
        `„${TITLE}“ wird durch den Stand aus der Sicherung ersetzt. Der jetzige Stand wird vorher als automatische Sicherung aufbewahrt.`,
      );
    await expectAccessible(page, 'the replace confirmation');
    await confirm.getByRole('button', { name: 'Ersetzen', exact: true }).click();
    await seeToast('Sicherung importiert: 1 Workshop.');

    await openBoard(TITLE);
    await expectBoard(page, boardBefore);

    // The state before the import is kept as a restore point, and restores after a confirmation.
    await toBackups();
    const table = page.getByRole('table', { name: 'Automatische Sicherungen, neueste zuerst' });
    await expect.poll(() => table.locator('tbody tr').first().textContent()).toContain('vor einem Import');
    await expect
      .poll(() => table.locator('tbody tr').first().textContent())
      .toContain(`1 Workshop: ${TITLE}`);
    await table
      .getByRole('button', { name: /^Sicherung vom .* wiederherstellen$/ })
      .first()
      .click();
    await page
      .getByRole('dialog', { name: 'Sicherung wiederherstellen?' })
      .getByRole('button', { name: 'Wiederherstellen' })
      .click();
    await seeToast('Sicherung importiert: 1 Workshop.');
    await openBoard(TITLE);
    const restored = await readBoard(page);
    expect(restored.find((c) => c.title === 'Fragen')?.notes).toContain('Nach der Sicherung ergänzt');
  });

  it('refuses a changed file with a German message and changes nothing', async () => {
    await toBackups();
    await chooseFile('Sicherung importieren …', BAD_FILE);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe(
        'Die Prüfsumme stimmt nicht: Die Datei wurde nachträglich verändert oder ist beschädigt. Es wurde nichts geändert. Bitte verwenden Sie eine andere Sicherung.',
      );
    await expectAccessible(page, 'the Sicherungen screen with a refused file');
    await toList();
    await expect.poll(() => page.locator('.workshop-title').allTextContents()).toEqual([TITLE]);
  });

  it('offers recovery when the database cannot be opened, and never deletes the old one', async () => {
    // Play a newer Moderato: the database is now of a schema this app does not know.
    await page.goto(`${session.baseUrl}favicon.svg`);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('moderato', 99_990);
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    await page.goto(session.baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Die Daten konnten nicht geöffnet werden.' }).waitFor();
    await page.getByText('Es wurde nichts gelöscht: Ihre Daten bleiben, wo sie sind.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Daten wiederherstellen' }).waitFor();
    await expectAccessible(page, 'the startup failure with the recovery offer');

    await chooseFile('Sicherung aus Datei importieren …', savedFile);
    await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
    await expect.poll(() => page.locator('.workshop-title').allTextContents()).toEqual([TITLE]);
    await openBoard(TITLE);
    await expectBoard(page, boardBefore);

    // The old database is still there, untouched, at the newer version.
    const databases = await page.evaluate(() => indexedDB.databases());
    expect(databases).toContainEqual({ name: 'moderato', version: 99_990 });
    await toBackups();
    await page.getByText(/Moderato arbeitet mit wiederhergestellten Daten/).waitFor();
  });
});
