import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addNote,
  column,
  createWorkshop,
  dndAnnouncement,
  expectAccessible,
  expectBoard,
  keyboardDrag,
  launchSession,
  note,
  pointerDrag,
  readBoard,
  type ColumnState,
  type Session,
} from './helpers';
import { startFocusTrail } from './keyboardHelpers';

const A = 'Äpfel zählen';
const B = 'Birnen wiegen';
const C = 'Çay kochen in Łódź';
const D = 'Dürfen wir das?';
const E = 'Einladung schreiben';
const WORKSHOP = 'Ziehen & Ablegen – Übung';

let session: Session;
let page: Page;

function board(ideen: string[], fragen: string[], naechste: string[]): ColumnState[] {
  return [
    { title: 'Ideen', notes: ideen },
    { title: 'Fragen', notes: fragen },
    { title: 'Nächste Schritte', notes: naechste },
  ];
}

function historyButton(name: 'Rückgängig' | 'Wiederholen') {
  return page.getByRole('group', { name: 'Verlauf' }).getByRole('button', { name, exact: true });
}

async function reloadBoard(): Promise<void> {
  await page.reload();
  await page.locator('ol.columns').waitFor();
}

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  await createWorkshop(page, { title: WORKSHOP });
  await addNote(page, 'Ideen', A);
  await addNote(page, 'Ideen', B);
  await addNote(page, 'Ideen', C);
  await addNote(page, 'Fragen', D);
  await addNote(page, 'Nächste Schritte', E);
  await expectBoard(page, board([A, B, C], [D], [E]));
  // Start every test without open composers.
  await reloadBoard();
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

describe('drag and drop', () => {
  it('drags a card with the mouse into another column, and within a column', async () => {
    await pointerDrag(page, note(page, A), column(page, 'Fragen').locator('.add-note'));
    await expectBoard(page, board([B, C], [D, A], [E]));

    // Within "Ideen": Ç onto B takes B's place.
    await pointerDrag(page, note(page, C), note(page, B), {
      hovered: () =>
        expect
          .poll(() => dndAnnouncement(page).textContent(), { timeout: 5_000 })
          .toBe(`Karte „${C}“ über Spalte „Ideen“, Position 1 von 2.`),
    });
    await expectBoard(page, board([C, B], [D, A], [E]));
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Karte „${C}“ in Spalte „Ideen“ an Position 1 abgelegt.`);

    await reloadBoard();
    await expectBoard(page, board([C, B], [D, A], [E]));
  });

  it('moves a card with the keyboard into the next column (axe scan while it is picked up)', async () => {
    await expectAccessible(page, 'the board');
    await keyboardDrag(page, B, ['ArrowRight'], {
      whileLifted: async () => {
        await expect
          .poll(() => dndAnnouncement(page).textContent())
          .toBe(`Karte „${B}“ aufgenommen. Spalte „Ideen“, Position 2 von 2.`);
        await expectAccessible(page, 'the board during a keyboard drag');
      },
    });
    // Same position (2) in the next column.
    await expectBoard(page, board([C], [D, B, A], [E]));
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Karte „${B}“ in Spalte „Fragen“ an Position 2 abgelegt.`);

    await reloadBoard();
    await expectBoard(page, board([C], [D, B, A], [E]));
  });

  it('keeps the focus on the lifted card when the keyboard moves it into another column', async () => {
    // There the card is a new element; the old one took the focus away with it.
    await page.getByRole('button', { name: `Karte verschieben: ${C}`, exact: true }).focus();
    await page.keyboard.press('Space');
    const lifted = page.locator('[data-drag-handle][aria-pressed="true"]');
    await lifted.waitFor();
    try {
      const announcement = dndAnnouncement(page);
      const before = await announcement.textContent();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => announcement.textContent()).not.toBe(before);
      await expect
        .poll(() => column(page, 'Fragen').locator('[data-drag-handle][aria-pressed="true"]').count())
        .toBe(1);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? 'nothing'))
        .toBe(`Karte verschieben: ${C}`);
    } finally {
      // The keys work from there: Escape puts the card back, and nothing is written.
      await page.keyboard.press('Escape');
    }
    await lifted.waitFor({ state: 'detached' });
    await expectBoard(page, board([C], [D, B, A], [E]));
  });

  it('keeps up with a quick typist: Space, an arrow and Space pressed back to back move the card', async () => {
    // No waiting between the keys: the arrow comes before dnd-kit listens or has measured.
    const quickMove = async (arrow: string) => {
      await page.getByRole('button', { name: `Karte verschieben: ${B}`, exact: true }).focus();
      await page.keyboard.press('Space');
      await page.keyboard.press(arrow);
      await page.keyboard.press('Space');
    };
    await quickMove('ArrowRight');
    await expectBoard(page, board([C], [D, A], [E, B]));
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Karte „${B}“ in Spalte „Nächste Schritte“ an Position 2 abgelegt.`);
    await quickMove('ArrowLeft');
    await expectBoard(page, board([C], [D, B, A], [E]));
    await page.locator('[data-drag-handle][aria-pressed="true"]').waitFor({ state: 'detached' });
  });

  it('puts a card lifted by keyboard back when one leaves the board, and the next screen keeps its keys', async () => {
    await page.getByRole('button', { name: `Karte verschieben: ${B}`, exact: true }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toMatch(/^Karte „Birnen wiegen“ über Spalte „Nächste Schritte“/);
    // Away with the mouse while the card is still lifted.
    await page.getByRole('link', { name: 'Moderato' }).click();
    await page.getByRole('button', { name: 'Neuer Workshop', exact: true }).click();
    const create = page.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
    await create.waitFor();
    // Escape and Space are this screen's again, not the forgotten drag's.
    await page.keyboard.press('Escape');
    await create.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Neuer Workshop', exact: true }).focus();
    await page.keyboard.press('Space');
    await create.waitFor();
    await page.keyboard.press('Escape');
    await create.waitFor({ state: 'detached' });

    await page.goBack();
    await page.locator('ol.columns').waitFor();
    await expect(page.locator('[data-drag-handle][aria-pressed="true"]').count()).resolves.toBe(0);
    await expectBoard(page, board([C], [D, B, A], [E]));
    await reloadBoard();
    await expectBoard(page, board([C], [D, B, A], [E]));
  });

  it('moves a card with "Verschieben nach …" to a chosen column and position', async () => {
    await page.getByRole('button', { name: `Verschieben nach …: ${E}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Karte verschieben nach …' });
    await expect.poll(() => dialog.locator('.dialog-description').textContent()).toBe(E);
    await dialog.getByRole('combobox', { name: 'Spalte' }).selectOption({ label: 'Fragen' });
    const position = dialog.getByRole('combobox', { name: 'Position' });
    await expect
      .poll(() => position.locator('option').allTextContents())
      .toEqual(['An erster Stelle', `Nach „${D}“`, `Nach „${B}“`, `Nach „${A}“`]);
    await position.selectOption({ label: `Nach „${D}“` });
    await expectAccessible(page, 'the board with the move dialog open');
    const focusTrail = await startFocusTrail(page, '.column');
    await dialog.getByRole('button', { name: 'Verschieben', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await expectBoard(page, board([C], [D, E, B, A], []));
    // The focus went from the dialog straight to the card's button in its new column ("Fragen",
    // the second), not through its old one nor the page.
    expect((await focusTrail()).filter((place) => place !== 'dialog')).toEqual(['2 of 3']);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      `Verschieben nach …: ${E}`,
    );
    await reloadBoard();
    await expectBoard(page, board([C], [D, E, B, A], []));
  });

  it('writes nothing when a drag is cancelled with Escape (keyboard and mouse)', async () => {
    const before = board([C], [D, E, B, A], []);
    await expectBoard(page, before);
    expect(await historyButton('Rückgängig').isDisabled()).toBe(true);

    await keyboardDrag(page, A, ['ArrowLeft', 'ArrowUp'], { cancel: true });
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Verschieben abgebrochen. Karte „${A}“ bleibt an ihrem Platz.`);
    await expectBoard(page, before);

    await pointerDrag(page, note(page, C), column(page, 'Nächste Schritte').locator('.add-note'), {
      cancel: true,
    });
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Verschieben abgebrochen. Karte „${C}“ bleibt an ihrem Platz.`);
    await expectBoard(page, before);
    // Nothing was recorded either: there is nothing to undo.
    expect(await historyButton('Rückgängig').isDisabled()).toBe(true);

    await reloadBoard();
    await expectBoard(page, before);
  });

  it('undoes a move with Ctrl+Z and "Rückgängig", redoes it with Ctrl+Shift+Z and Ctrl+Y', async () => {
    const before = board([C], [D, E, B, A], []);
    const after = board([], [D, E, B, A], [C]);
    await pointerDrag(page, note(page, C), column(page, 'Nächste Schritte').locator('.add-note'));
    await expectBoard(page, after);

    await page.keyboard.press('Control+z');
    await expectBoard(page, before);
    await page.keyboard.press('Control+Shift+Z');
    await expectBoard(page, after);

    await historyButton('Rückgängig').click();
    await expectBoard(page, before);
    expect(await historyButton('Wiederholen').isDisabled()).toBe(false);
    await page.keyboard.press('Control+y');
    await expectBoard(page, after);
    await expect.poll(() => historyButton('Wiederholen').isDisabled()).toBe(true);

    // A keyboard move is one undo step too.
    await keyboardDrag(page, E, ['ArrowDown']);
    await expectBoard(page, board([], [D, B, E, A], [C]));
    await page.keyboard.press('Control+z');
    await expectBoard(page, after);
  });

  it('keeps everything after a reload and after restarting the browser on the same profile', async () => {
    const expected = board([], [D, E, B, A], [C]);
    await reloadBoard();
    await expectBoard(page, expected);

    await session.relaunch();
    page = session.page;
    await page.getByRole('heading', { level: 1, name: WORKSHOP, exact: true }).waitFor();
    await expectBoard(page, expected);
    expect(await readBoard(page)).toEqual(expected);
    await expectAccessible(page, 'the board after a relaunch');
  });
});
