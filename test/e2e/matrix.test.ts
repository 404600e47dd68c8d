// The inventory matrix (Bestandsaufnahme) of the AI-strategy template: cards
// collected in the tray "Noch nicht eingeordnet" and placed into cells of
// departments × maturity by mouse, keyboard and "Verschieben nach …"; facts on
// cards; deleting a column keeps its cards; reload, undo, cancelled drags.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  dndAnnouncement,
  eventually,
  expectAccessible,
  keyboardDrag,
  launchSession,
  note,
  pointerDrag,
  type Session,
} from './helpers';
import { startFocusTrail } from './keyboardHelpers';

const WORKSHOP = 'Bestandsaufnahme – Übung';
const BOARD = 'Bestandsaufnahme: Reifegrad der Prozesse';
const BUERGER = 'Bürgerservice und Bürgerämter';
const SOZIALES = 'Soziales und Leistungen';
const BAUEN = 'Bauen und Genehmigungen';
const A = 'Wohngeld beantragen';
const B = 'Meldebescheinigung – Größe „XL“';
const C = 'Bauantrag einreichen';
const D = 'Elterngeld prüfen';

let session: Session;
let page: Page;

/** Tray and non-empty cells ("row / column") with their card texts, as shown. */
interface MatrixState {
  tray: string[];
  cells: Record<string, string[]>;
}

function readMatrix(): Promise<MatrixState> {
  return page.evaluate(() => {
    const textsOf = (list: Element | null) =>
      Array.from(list?.querySelectorAll(':scope > li.note') ?? []).map((card) => {
        const text = card.querySelector('.note-text')?.cloneNode(true) as HTMLElement | undefined;
        text?.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
        return text?.textContent ?? '';
      });
    const columns = Array.from(document.querySelectorAll('table.matrix thead th')).map(
      (th) => th.querySelector('.matrix-line-title')?.textContent ?? '',
    );
    const cells: Record<string, string[]> = {};
    for (const tr of Array.from(document.querySelectorAll('table.matrix tbody tr'))) {
      const row = tr.querySelector('th .matrix-line-title')?.textContent ?? '';
      tr.querySelectorAll('td.matrix-cell').forEach((td, index) => {
        const texts = textsOf(td.querySelector('ul.matrix-notes'));
        if (texts.length > 0) cells[`${row} / ${columns[index]}`] = texts;
      });
    }
    return { tray: textsOf(document.querySelector('.matrix-tray ul.matrix-notes')), cells };
  });
}

async function expectMatrix(expected: MatrixState): Promise<void> {
  await eventually(async () => expect(await readMatrix()).toEqual(expected));
}

async function cell(row: string, column: string): Promise<Locator> {
  const columns = await page.locator('table.matrix thead th .matrix-line-title').allTextContents();
  const index = columns.indexOf(column);
  expect(index, `column ${column}`).toBeGreaterThanOrEqual(0);
  return page
    .locator('table.matrix tbody tr')
    .filter({ has: page.locator('th .matrix-line-title', { hasText: row }) })
    .locator('td.matrix-cell')
    .nth(index);
}

/** The facts line a card shows (without the words only screen readers hear). */
function factsOf(text: string): Promise<string> {
  return note(page, text)
    .locator('.note-facts')
    .evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return copy.textContent ?? '';
    });
}

const tray = () => page.locator('section.matrix-tray');

/** Waits until the place under the pointer shows the hover (highlight or the card's placeholder). */
function hoveredOver(target: Locator) {
  return async () => {
    const handle = await target.elementHandle();
    await page.waitForFunction(
      (element) =>
        !!element &&
        (element.classList.contains('matrix-cell-over') || !!element.querySelector('.note-placeholder')),
      handle,
      { timeout: 5_000 },
    );
    await handle?.dispose();
  };
}

function historyButton(name: 'Rückgängig' | 'Wiederholen') {
  return page.getByRole('group', { name: 'Verlauf' }).getByRole('button', { name, exact: true });
}

async function reloadBoard(): Promise<void> {
  await page.reload();
  await page.locator('table.matrix').waitFor();
}

async function addToTray(text: string): Promise<void> {
  const field = tray().getByRole('textbox', { name: 'Neue Karte in „Noch nicht eingeordnet“' });
  if (!(await field.isVisible()))
    await tray()
      .getByRole('button', { name: /^Karte hinzufügen/ })
      .click();
  await field.fill(text);
  await field.press('Enter');
  await eventually(async () => expect(await field.inputValue()).toBe(''));
}

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  await createWorkshop(page, { title: WORKSHOP, template: 'KI-Strategie für die Verwaltung' });
  await page
    .getByRole('navigation', { name: 'Bereiche des Workshops' })
    .getByRole('link', { name: BOARD })
    .click();
  await page.getByRole('heading', { level: 2, name: BOARD }).waitFor();
  await page.locator('table.matrix').waitFor();
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

describe('inventory matrix', () => {
  it('shows departments × maturity with headers, and collects cards in the tray', async () => {
    await expect
      .poll(() => page.locator('table.matrix thead th[scope="col"] .matrix-line-title').allTextContents())
      .toEqual(['Analog', 'Digitalisiert', 'Medienbruchfrei', 'Datengetrieben', 'KI-unterstützt']);
    await expect
      .poll(() => page.locator('table.matrix tbody th[scope="row"] .matrix-line-title').allTextContents())
      .toEqual([BUERGER, SOZIALES, BAUEN, 'Personal und Organisation', 'Finanzen und Steuern']);
    // Five columns are wider than the window: the matrix scrolls in its own area, the page does not.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(
      await page.evaluate(() => document.documentElement.clientWidth),
    );
    for (const text of [A, B, C]) await addToTray(text);
    await expectMatrix({ tray: [A, B, C], cells: {} });

    // A card straight into a cell, by keyboard: the cell's "+" names row and column.
    const plus = page.getByRole('button', { name: `Karte hinzufügen in „${SOZIALES}“ / „Digitalisiert“` });
    await plus.focus();
    await page.keyboard.press('Enter');
    const field = page.getByRole('textbox', { name: `Neue Karte in „${SOZIALES}“ / „Digitalisiert“` });
    await field.fill(D);
    await field.press('Enter');
    await expectMatrix({ tray: [A, B, C], cells: { [`${SOZIALES} / Digitalisiert`]: [D] } });
    await field.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('title')))
      .toBe(`Karte hinzufügen in „${SOZIALES}“ / „Digitalisiert“`);
    const count = (await cell(SOZIALES, 'Digitalisiert')).locator('.matrix-count');
    await expect.poll(() => count.textContent()).toBe('11 Karte');
    await expectAccessible(page, 'the inventory matrix');
  });

  it('drags cards with the mouse from the tray into a cell, between cells and within a cell; undo and redo', async () => {
    await pointerDrag(page, note(page, A), await cell(SOZIALES, 'Analog'), {
      hovered: hoveredOver(await cell(SOZIALES, 'Analog')),
    });
    await expectMatrix({
      tray: [B, C],
      cells: { [`${SOZIALES} / Analog`]: [A], [`${SOZIALES} / Digitalisiert`]: [D] },
    });
    await historyButton('Rückgängig').click();
    await expectMatrix({ tray: [A, B, C], cells: { [`${SOZIALES} / Digitalisiert`]: [D] } });
    await historyButton('Wiederholen').click();
    await expectMatrix({
      tray: [B, C],
      cells: { [`${SOZIALES} / Analog`]: [A], [`${SOZIALES} / Digitalisiert`]: [D] },
    });

    // Between cells: dropped onto D, A lands before it.
    const target = await cell(SOZIALES, 'Digitalisiert');
    await pointerDrag(page, note(page, A), note(page, D), { hovered: hoveredOver(target) });
    await expectMatrix({ tray: [B, C], cells: { [`${SOZIALES} / Digitalisiert`]: [A, D] } });

    // Within the cell: D onto A takes A's place; the announcement names row and column.
    await pointerDrag(page, note(page, D), note(page, A), {
      hovered: () =>
        expect
          .poll(() => dndAnnouncement(page).textContent(), { timeout: 5_000 })
          .toBe(`Karte „${D}“ über Zeile „${SOZIALES}“, Spalte „Digitalisiert“, Position 1 von 2.`),
    });
    await expectMatrix({ tray: [B, C], cells: { [`${SOZIALES} / Digitalisiert`]: [D, A] } });
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Karte „${D}“ in Zeile „${SOZIALES}“, Spalte „Digitalisiert“ an Position 1 abgelegt.`);

    await reloadBoard();
    await expectMatrix({ tray: [B, C], cells: { [`${SOZIALES} / Digitalisiert`]: [D, A] } });
  });

  it('moves cards with the keyboard between the tray and cells, with German announcements (axe while lifted)', async () => {
    await keyboardDrag(page, B, ['ArrowRight', 'ArrowRight'], {
      whileLifted: async () => {
        await expect
          .poll(() => dndAnnouncement(page).textContent())
          .toBe(`Karte „${B}“ aufgenommen. Noch nicht eingeordnet, Position 1 von 2.`);
        await expectAccessible(page, 'the matrix during a keyboard drag');
      },
    });
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Karte „${B}“ in Zeile „${BUERGER}“, Spalte „Digitalisiert“ an Position 1 abgelegt.`);
    await expectMatrix({
      tray: [C],
      cells: { [`${BUERGER} / Digitalisiert`]: [B], [`${SOZIALES} / Digitalisiert`]: [D, A] },
    });

    // Up from the top of a cell goes to the end of the cell above.
    await keyboardDrag(page, D, ['ArrowUp']);
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Karte „${D}“ in Zeile „${BUERGER}“, Spalte „Digitalisiert“ an Position 2 abgelegt.`);
    await expectMatrix({
      tray: [C],
      cells: { [`${BUERGER} / Digitalisiert`]: [B, D], [`${SOZIALES} / Digitalisiert`]: [A] },
    });

    // Moving cards kept the app in place (the page had scrolled sideways, the header cut off).
    expect(await page.evaluate(() => window.scrollX)).toBe(0);

    await reloadBoard();
    await expectMatrix({
      tray: [C],
      cells: { [`${BUERGER} / Digitalisiert`]: [B, D], [`${SOZIALES} / Digitalisiert`]: [A] },
    });
  });

  it('places cards with "Verschieben nach …": a chosen cell, or back to the tray', async () => {
    await page.getByRole('button', { name: `Verschieben nach …: ${C}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Karte verschieben nach …' });
    await dialog.getByRole('combobox', { name: 'Zeile' }).selectOption({ label: BAUEN });
    await dialog.getByRole('combobox', { name: 'Spalte' }).selectOption({ label: 'Medienbruchfrei' });
    await expect
      .poll(() => dialog.getByRole('combobox', { name: 'Position' }).locator('option').allTextContents())
      .toEqual(['An erster Stelle']);
    await expectAccessible(page, 'the matrix with the move dialog open');
    const focusTrail = await startFocusTrail(page, '[data-place]');
    await dialog.getByRole('button', { name: 'Verschieben', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    // The keyboard goes from the dialog straight to the card's button in its new cell, not
    // through its old place (the tray) nor the page.
    const focused = await page.evaluate(() => {
      const places = Array.from(document.querySelectorAll('[data-place]'));
      const index = places.findIndex((place) => place.contains(document.activeElement));
      return {
        place: `${index + 1} of ${places.length}`,
        list: places[index]?.querySelector('ul')?.getAttribute('aria-label'),
        button: document.activeElement?.textContent?.trim(),
      };
    });
    expect(focused.button).toBe(`Verschieben nach …: ${C}`);
    expect(focused.list).toContain(`${BAUEN}“ / „Medienbruchfrei`);
    expect((await focusTrail()).filter((place) => place !== 'dialog')).toEqual([focused.place]);

    await page.getByRole('button', { name: `Verschieben nach …: ${A}` }).click();
    await dialog.getByRole('radio', { name: 'Nach „Noch nicht eingeordnet“' }).check();
    await dialog.getByRole('button', { name: 'Verschieben', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await expectMatrix({
      tray: [A],
      cells: { [`${BUERGER} / Digitalisiert`]: [B, D], [`${BAUEN} / Medienbruchfrei`]: [C] },
    });
  });

  it('edits facts on a card: "viele" is refused in German without losing input, then shown on the card', async () => {
    await page.getByRole('button', { name: `Fakten bearbeiten: ${D}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Fakten zur Karte' });
    await dialog.getByLabel('Prozess').fill('Elterngeldantrag');
    await dialog.getByLabel('Fälle pro Jahr').fill('viele');
    await dialog.getByLabel('Größter Schmerzpunkt').fill('Medienbrüche');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('„viele“ ist keine Zahl.', { exact: false }).waitFor();
    expect(await dialog.getByLabel('Fälle pro Jahr').inputValue()).toBe('viele');
    expect(await dialog.getByLabel('Prozess').inputValue()).toBe('Elterngeldantrag');
    await expectAccessible(page, 'the facts dialog with an error');

    await dialog.getByLabel('Fälle pro Jahr').fill('12000');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => factsOf(D)).toBe('Elterngeldantrag · 12.000 Fälle/Jahr · Medienbrüche');
  });

  it('deleting a column keeps its cards in the tray; undo restores each step; all survives a reload', async () => {
    const before: MatrixState = {
      tray: [A],
      cells: { [`${BUERGER} / Digitalisiert`]: [B, D], [`${BAUEN} / Medienbruchfrei`]: [C] },
    };
    await page.getByRole('button', { name: 'Aktionen für Spalte „Digitalisiert“' }).click();
    await page.getByRole('button', { name: 'Spalte löschen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Spalte „Digitalisiert“ löschen?' });
    await expect
      .poll(() => dialog.locator('.dialog-description').textContent())
      .toContain('Die 2 Karten darin gehen nicht verloren');
    await dialog.getByRole('button', { name: 'Spalte löschen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const after: MatrixState = { tray: [A, B, D], cells: { [`${BAUEN} / Medienbruchfrei`]: [C] } };
    await expectMatrix(after);
    await expect.poll(() => factsOf(D)).toBe('Elterngeldantrag · 12.000 Fälle/Jahr · Medienbrüche');

    // Undo, step by step: the column with its cards, the facts, the two dialog moves.
    await historyButton('Rückgängig').click();
    await expectMatrix(before);
    await historyButton('Rückgängig').click();
    await note(page, D).locator('.note-facts').waitFor({ state: 'detached' });
    await historyButton('Rückgängig').click();
    await expectMatrix({
      ...before,
      tray: [],
      cells: { ...before.cells, [`${SOZIALES} / Digitalisiert`]: [A] },
    });
    await historyButton('Rückgängig').click();
    await expectMatrix({
      tray: [C],
      cells: { [`${BUERGER} / Digitalisiert`]: [B, D], [`${SOZIALES} / Digitalisiert`]: [A] },
    });
    for (let i = 0; i < 4; i += 1) await historyButton('Wiederholen').click();
    await expectMatrix(after);

    await reloadBoard();
    await expectMatrix(after);
    await expect
      .poll(() => page.locator('table.matrix thead th[scope="col"] .matrix-line-title').allTextContents())
      .toEqual(['Analog', 'Medienbruchfrei', 'Datengetrieben', 'KI-unterstützt']);
    await expect.poll(() => factsOf(D)).toBe('Elterngeldantrag · 12.000 Fälle/Jahr · Medienbrüche');
    await expectAccessible(page, 'the matrix after the reload');
  });

  it('writes nothing when a drag is cancelled with Escape (keyboard and mouse)', async () => {
    const state: MatrixState = { tray: [A, B, D], cells: { [`${BAUEN} / Medienbruchfrei`]: [C] } };
    await expectMatrix(state);
    expect(await historyButton('Rückgängig').isDisabled()).toBe(true);

    await keyboardDrag(page, A, ['ArrowRight', 'ArrowDown'], { cancel: true });
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Verschieben abgebrochen. Karte „${A}“ bleibt an ihrem Platz.`);
    await expectMatrix(state);

    const target = await cell(SOZIALES, 'Analog');
    await pointerDrag(page, note(page, B), target, { hovered: hoveredOver(target), cancel: true });
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Verschieben abgebrochen. Karte „${B}“ bleibt an ihrem Platz.`);
    await expectMatrix(state);
    expect(await historyButton('Rückgängig').isDisabled()).toBe(true);

    await reloadBoard();
    await expectMatrix(state);
  });
});
