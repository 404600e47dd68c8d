import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addNote,
  column,
  createWorkshop,
  expectBoard,
  launchSession,
  note,
  readBoard,
  type Session,
} from './helpers';

const LODZ = 'Łódź-Prozess prüfen';
const OLCUM = 'Ölçüm für Ağrı';
const QUOTE = 'Größe & Maß – „Zitat“ mit ß';
const XSS = '<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>';
const OLCUM_EDITED = 'Ölçüm für Ağrı und Şanlıurfa';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  await createWorkshop(page, { title: 'Board-Probe Ü', date: '2027-05-02', place: 'Gdańsk' });
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

/** Opens a column's menu ("Aktionen für Spalte „…“") and returns its item called `item`. */
async function columnMenuItem(title: string, item: string) {
  await column(page, title)
    .getByRole('button', { name: `Aktionen für Spalte „${title}“` })
    .click();
  return column(page, title).locator('.column-menu').getByRole('button', { name: item, exact: true });
}

describe('board', () => {
  it('starts with the board "Pinnwand" and three columns, and takes cards with umlauts and Polish/Turkish names', async () => {
    await expect.poll(() => page.locator('#board-title').textContent()).toBe('Pinnwand');
    await expectBoard(page, [
      { title: 'Ideen', notes: [] },
      { title: 'Fragen', notes: [] },
      { title: 'Nächste Schritte', notes: [] },
    ]);

    await addNote(page, 'Ideen', LODZ);
    await addNote(page, 'Ideen', OLCUM);
    await addNote(page, 'Ideen', QUOTE);
    await expectBoard(page, [
      { title: 'Ideen', notes: [LODZ, OLCUM, QUOTE] },
      { title: 'Fragen', notes: [] },
      { title: 'Nächste Schritte', notes: [] },
    ]);
    await expect.poll(() => page.locator('.board-summary').textContent()).toBe('3 Spalten · 3 Karten');
    await expect
      .poll(() => column(page, 'Ideen').locator('.column-count').getAttribute('aria-label'))
      .toBe('3 Karten');

    await page.reload();
    await expectBoard(page, [
      { title: 'Ideen', notes: [LODZ, OLCUM, QUOTE] },
      { title: 'Fragen', notes: [] },
      { title: 'Nächste Schritte', notes: [] },
    ]);
  });

  it('shows markup typed into a card as literal text and never runs it', async () => {
    await addNote(page, 'Fragen', XSS);
    await expect.poll(async () => (await readBoard(page))[1]?.notes).toEqual([XSS]);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(await page.locator('ol.columns img, ol.columns script').count()).toBe(0);

    await page.reload();
    await expect.poll(async () => (await readBoard(page))[1]?.notes).toEqual([XSS]);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    expect(await page.locator('ol.columns img, ol.columns script').count()).toBe(0);
  });

  it('refuses a 10,000-character card with a German message and keeps the text in the field', async () => {
    const long = 'Zu viel Text für eine Karte. '.repeat(400).slice(0, 9_999) + '!';
    expect(long).toHaveLength(10_000);
    const ideen = column(page, 'Ideen');
    await ideen.getByRole('button', { name: /^Karte hinzufügen/ }).click();
    const field = ideen.getByRole('textbox', { name: 'Neue Karte in „Ideen“' });
    await field.fill(long);
    await field.press('Enter');

    const alert = ideen.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toBe(
        'Eine Karte darf höchstens 2.000 Zeichen lang sein, jetzt sind es 10.000. ' +
          'Bitte kürzen Sie den Text – er bleibt hier erhalten.',
      );
    expect(await alert.textContent()).toContain('höchstens 2.000 Zeichen');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.inputValue()).toBe(long);
    await expect.poll(async () => (await readBoard(page))[0]?.notes).toEqual([LODZ, OLCUM, QUOTE]);

    // The unsent text even survives a reload.
    await page.reload();
    await expect
      .poll(() => ideen.getByRole('textbox', { name: 'Neue Karte in „Ideen“' }).inputValue())
      .toBe(long);
    await expect.poll(async () => (await readBoard(page))[0]?.notes).toEqual([LODZ, OLCUM, QUOTE]);

    const reloadedField = ideen.getByRole('textbox', { name: 'Neue Karte in „Ideen“' });
    await reloadedField.fill('');
    await reloadedField.press('Escape');
    await ideen.getByRole('button', { name: /^Karte hinzufügen/ }).waitFor();
  });

  it('edits a card in place (edit button, type, Enter)', async () => {
    await page.getByRole('button', { name: `Karte bearbeiten: ${OLCUM}` }).click();
    const editor = page.getByRole('textbox', { name: 'Text der Karte' });
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => editor.inputValue()).toBe(OLCUM);
    // The text is selected on focus: typing replaces it.
    await page.keyboard.type(OLCUM_EDITED);
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });

    await expect.poll(async () => (await readBoard(page))[0]?.notes).toEqual([LODZ, OLCUM_EDITED, QUOTE]);
    await page.reload();
    await expect.poll(async () => (await readBoard(page))[0]?.notes).toEqual([LODZ, OLCUM_EDITED, QUOTE]);
  });

  it('recolours a card to "Grün"', async () => {
    const card = note(page, LODZ);
    expect(await card.getAttribute('class')).toContain('note-yellow');
    await page.getByRole('button', { name: `Farbe ändern: ${LODZ}` }).click();
    await page.getByRole('group', { name: 'Farbe' }).getByRole('button', { name: 'Grün' }).click();

    await expect.poll(() => card.getAttribute('class')).toMatch(/\bnote-green\b/);
    expect(await card.getAttribute('class')).not.toContain('note-yellow');
    await expect.poll(() => card.locator('.note-text .visually-hidden').textContent()).toBe(', Grün');

    await page.reload();
    await expect.poll(() => note(page, LODZ).getAttribute('class')).toMatch(/\bnote-green\b/);
    await page.getByRole('button', { name: `Farbe ändern: ${LODZ}` }).click();
    const green = page.getByRole('group', { name: 'Farbe' }).getByRole('button', { name: 'Grün' });
    expect(await green.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: 'Farbe' }).waitFor({ state: 'detached' });
  });

  it('adds a column, renames it and reorders columns through the column menu', async () => {
    await page.locator('.board-toolbar').getByRole('button', { name: 'Spalte hinzufügen' }).click();
    const add = page.getByRole('dialog', { name: 'Neue Spalte' });
    await add.getByLabel('Name der Spalte').fill('Risiken');
    await add.getByRole('button', { name: 'Spalte hinzufügen' }).click();
    await add.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('.column-title').allTextContents())
      .toEqual(['Ideen', 'Fragen', 'Nächste Schritte', 'Risiken']);

    await (await columnMenuItem('Risiken', 'Umbenennen')).click();
    const rename = page.getByRole('dialog', { name: 'Spalte umbenennen' });
    const field = rename.getByLabel('Name der Spalte');
    expect(await field.inputValue()).toBe('Risiken');
    await field.fill('Risiken & Chancen – Ü');
    await rename.getByRole('button', { name: 'Speichern' }).click();
    await rename.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('.column-title').allTextContents())
      .toEqual(['Ideen', 'Fragen', 'Nächste Schritte', 'Risiken & Chancen – Ü']);

    const right = await columnMenuItem('Ideen', 'Nach rechts verschieben');
    expect(
      await column(page, 'Ideen').getByRole('button', { name: 'Nach links verschieben' }).isDisabled(),
    ).toBe(true);
    await right.click();
    await expect
      .poll(() => page.locator('.column-title').allTextContents())
      .toEqual(['Fragen', 'Ideen', 'Nächste Schritte', 'Risiken & Chancen – Ü']);

    const left = await columnMenuItem('Risiken & Chancen – Ü', 'Nach links verschieben');
    expect(
      await column(page, 'Risiken & Chancen – Ü')
        .getByRole('button', { name: 'Nach rechts verschieben' })
        .isDisabled(),
    ).toBe(true);
    await left.click();

    const expected = [
      { title: 'Fragen', notes: [XSS] },
      { title: 'Ideen', notes: [LODZ, OLCUM_EDITED, QUOTE] },
      { title: 'Risiken & Chancen – Ü', notes: [] },
      { title: 'Nächste Schritte', notes: [] },
    ];
    await expectBoard(page, expected);
    await page.reload();
    await expectBoard(page, expected);
  });

  it('deletes a column with cards after moving its cards to another column', async () => {
    await addNote(page, 'Nächste Schritte', 'Protokoll an alle');
    await (await columnMenuItem('Ideen', 'Spalte löschen')).click();

    const dialog = page.getByRole('dialog', { name: 'Spalte „Ideen“ löschen?' });
    await expect
      .poll(() => dialog.locator('.dialog-description').textContent())
      .toBe('Die Spalte enthält 3 Karten.');
    const move = dialog.getByRole('radio', { name: 'Verschieben in Spalte' });
    expect(await move.isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Alle 3 Karten ebenfalls löschen' }).isChecked()).toBe(
      false,
    );
    await move.check();
    await dialog.getByRole('combobox', { name: 'Zielspalte' }).selectOption({ label: 'Nächste Schritte' });
    await dialog.getByRole('button', { name: 'Spalte löschen' }).click();
    await dialog.waitFor({ state: 'detached' });

    const expected = [
      { title: 'Fragen', notes: [XSS] },
      { title: 'Risiken & Chancen – Ü', notes: [] },
      { title: 'Nächste Schritte', notes: ['Protokoll an alle', LODZ, OLCUM_EDITED, QUOTE] },
    ];
    await expectBoard(page, expected);
    // The moved cards keep their colour.
    await expect.poll(() => note(page, LODZ).getAttribute('class')).toMatch(/\bnote-green\b/);

    // As the dialog promised, Strg+Z brings the column and its cards back; redo deletes it again.
    await page.keyboard.press('Control+z');
    await expectBoard(page, [
      { title: 'Fragen', notes: [XSS] },
      { title: 'Ideen', notes: [LODZ, OLCUM_EDITED, QUOTE] },
      { title: 'Risiken & Chancen – Ü', notes: [] },
      { title: 'Nächste Schritte', notes: ['Protokoll an alle'] },
    ]);
    await page.keyboard.press('Control+Shift+Z');
    await expectBoard(page, expected);

    await page.reload();
    await expectBoard(page, expected);
  });

  it('deletes a card and restores it through the toast\'s "Rückgängig"', async () => {
    await page.getByRole('button', { name: `Karte löschen: ${OLCUM_EDITED}` }).click();
    const without = [
      { title: 'Fragen', notes: [XSS] },
      { title: 'Risiken & Chancen – Ü', notes: [] },
      { title: 'Nächste Schritte', notes: ['Protokoll an alle', LODZ, QUOTE] },
    ];
    await expectBoard(page, without);

    const toast = page.locator('.toast', { hasText: `Karte „${OLCUM_EDITED}“ gelöscht.` });
    await toast.getByRole('button', { name: 'Rückgängig' }).click();
    await toast.waitFor({ state: 'detached' });

    const restored = [
      { title: 'Fragen', notes: [XSS] },
      { title: 'Risiken & Chancen – Ü', notes: [] },
      { title: 'Nächste Schritte', notes: ['Protokoll an alle', LODZ, OLCUM_EDITED, QUOTE] },
    ];
    await expectBoard(page, restored);
    await page.reload();
    await expectBoard(page, restored);
  });

  it('keeps every card of a quick typist: Enter and typing on while the card before is written', async () => {
    const texts = Array.from({ length: 12 }, (_, i) => `Schnell ${i + 1}`);
    await column(page, 'Risiken & Chancen – Ü')
      .getByRole('button', { name: /Karte hinzufügen/ })
      .click();
    const composer = page.getByRole('textbox', { name: 'Neue Karte in „Risiken & Chancen – Ü“' });
    await composer.waitFor();
    // A slow disk (or a busy laptop): the cards' store is held for a moment, so the first
    // card is still being written while the next ones are typed.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('moderato');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const transaction = db.transaction('notes', 'readwrite');
      const until = performance.now() + 700;
      const hold = () => {
        if (performance.now() < until) transaction.objectStore('notes').count().onsuccess = hold;
      };
      hold();
      transaction.oncomplete = () => db.close();
    });
    // A fast typist's pace, without a pause after Enter.
    await page.keyboard.type(texts.map((text) => `${text}\n`).join(''), { delay: 20 });
    const expected = [
      { title: 'Fragen', notes: [XSS] },
      { title: 'Risiken & Chancen – Ü', notes: texts },
      { title: 'Nächste Schritte', notes: ['Protokoll an alle', LODZ, OLCUM_EDITED, QUOTE] },
    ];
    await expectBoard(page, expected);
    await expect.poll(() => composer.inputValue()).toBe('');
    await page.reload();
    await expectBoard(page, expected);
  });

  it('keeps an edit typed just before a reload, written before the board shows again', async () => {
    await page.getByRole('button', { name: 'Karte bearbeiten: Schnell 1', exact: true }).click();
    const editor = page.getByRole('textbox', { name: 'Text der Karte' });
    await expect.poll(() => editor.inputValue()).toBe('Schnell 1');
    await page.keyboard.type('Gleich neu geladen');
    // At once: before the save a pause in typing makes.
    await page.reload();
    await expect
      .poll(async () => (await readBoard(page))[1]?.notes)
      .toEqual(['Gleich neu geladen', ...Array.from({ length: 11 }, (_, i) => `Schnell ${i + 2}`)]);
  });
});
