// Every payload of the XSS corpus, typed like a participant or facilitator would
// into each text field of the UI: a card, a column title, a board title, a
// workshop title. Each must show exactly as typed and run nothing: window.__xss
// stays unset, and no element or attribute that can run code gets into the page.
// Cards take one payload each; titles are short, so each holds as many payloads
// as fit, and every payload still passes through every field.
// The same corpus goes through import in xssImport.test.ts.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../fixtures/xssPayloads';
import { createWorkshop, eventually, launchSession, readBoard, type Session } from './helpers';
import { installInjectionGuard, readInjections } from './injectionGuard';

const COLUMN_TITLE_MAX = 100;
const BOARD_TITLE_MAX = 100;
const WORKSHOP_TITLE_MAX = 200;

let session: Session;
let page: Page;

/** Joins payloads into as few texts of at most `max` characters as possible, in order. */
function pack(payloads: readonly string[], max: number): string[] {
  const texts: string[] = [];
  for (const payload of payloads) {
    const last = texts[texts.length - 1];
    if (last !== undefined && last.length + 1 + payload.length <= max)
      texts[texts.length - 1] = `${last} ${payload}`;
    else texts.push(payload);
  }
  return texts;
}

async function expectInert(where: string): Promise<void> {
  const state = await readInjections(page);
  expect(state.xss, `a payload ran (${where})`).toBeUndefined();
  expect(state.injected, `markup got into the page (${where})`).toEqual([]);
}

/** What the workshop screen shows as titles, read in one go. */
function shownTitles(): Promise<{ column: string; board: string; workshop: string; window: string }> {
  return page.evaluate(() => ({
    column: document.querySelector('ol.columns > li.column .column-title')?.textContent ?? '',
    board: document.querySelector('.nav-tab-board[aria-current="page"]')?.textContent ?? '',
    workshop: document.querySelector('h1.workshop-name')?.textContent ?? '',
    window: document.title,
  }));
}

/** Fills the one open dialog's field and saves; the dialog must close (the text was accepted). */
async function saveInDialog(label: string, value: string): Promise<void> {
  const dialog = page.locator('dialog[open]');
  await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.locator('button[type="submit"]').click();
  await dialog.waitFor({ state: 'detached' });
}

function firstColumnLocator(): Locator {
  return page.locator('ol.columns > li.column').first();
}

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  await installInjectionGuard(session.context);
  await createWorkshop(page, { title: 'XSS-Probe' });
  await page.reload();
  await page.locator('ol.columns').waitFor();
  expect((await readBoard(page)).length, 'the new workshop opens on a board with columns').toBeGreaterThan(0);
});
afterEach(async () => {
  await expectInert('after the test');
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

describe('XSS corpus', () => {
  it('has at least 50 distinct payloads that fit every field as typed', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(XSS_PAYLOADS).size).toBe(XSS_PAYLOADS.length);
    for (const payload of XSS_PAYLOADS) {
      expect(payload.length, payload).toBeLessThanOrEqual(COLUMN_TITLE_MAX);
      expect(payload, 'no outer spaces or line breaks, so it shows as typed').toBe(payload.trim());
      expect(payload).not.toMatch(/[\r\n\t]/);
    }
  });

  it('the guard notices injected markup, and the CSP blocks an injected handler (control run)', async () => {
    await page.evaluate(() => {
      const scratch = document.createElement('div');
      document.body.append(scratch);
      // What a careless component would do with user text; removed again at once.
      scratch.innerHTML =
        '<b onclick="window.__xss=0">x</b><a href="javascript:void 0">y</a><template></template>';
      scratch.remove();
    });
    const injected = (await readInjections(page)).injected;
    expect(injected).toEqual([
      expect.stringContaining('event handler onclick'),
      expect.stringContaining('script URL in href'),
      expect.stringContaining('<template> element'),
    ]);
    // Chromium refuses the handler when it is parsed: the CSP would have stopped it anyway.
    await eventually(() => expect(session.problems.csp.join()).toMatch(/script-src/));
    session.problems.csp.splice(0);
    session.problems.consoleErrors.splice(0);
    await page.evaluate(() => window.__cspViolations?.splice(0));
    await page.reload();
    await page.locator('ol.columns').waitFor();
    expect((await readInjections(page)).injected).toEqual([]);
  });
});

describe('payloads typed into the UI', () => {
  it('as column titles: each shows as literal text', async () => {
    const column = firstColumnLocator();
    for (const title of pack(XSS_PAYLOADS, COLUMN_TITLE_MAX)) {
      await column.locator('.column-header button[aria-expanded]').click();
      await column.locator('.column-menu').getByRole('button', { name: 'Umbenennen', exact: true }).click();
      await saveInDialog('Name der Spalte', title);
      await eventually(async () => expect((await shownTitles()).column).toBe(title));
    }
    // The column's accessible names quote the title too.
    const last = pack(XSS_PAYLOADS, COLUMN_TITLE_MAX).at(-1) ?? '';
    expect(
      await column.getByRole('button', { name: `Aktionen für Spalte „${last}“`, exact: true }).count(),
    ).toBe(1);
    await expectInert('column titles');
  });

  it('as board titles: each shows as literal text, in the tab and in translated sentences', async () => {
    for (const title of pack(XSS_PAYLOADS, BOARD_TITLE_MAX)) {
      await page.getByRole('button', { name: 'Board umbenennen' }).click();
      await saveInDialog('Name des Boards', title);
      await eventually(async () => expect((await shownTitles()).board).toBe(title));
      // Where the title goes into a translated sentence, i18next markers in it must stay text.
      if (!/\{\{|\$t\(|<0>/.test(title)) continue;
      await page.getByRole('button', { name: 'Board löschen' }).click();
      const confirm = page.locator('dialog[open]');
      await eventually(async () =>
        expect(await confirm.textContent()).toContain(
          `„${title}“ wird mit allen Spalten und Karten gelöscht.`,
        ),
      );
      await confirm.getByRole('button', { name: 'Abbrechen' }).click();
      await confirm.waitFor({ state: 'detached' });
    }
    await expectInert('board titles');
  });

  it('as workshop titles: each shows as literal text, in the heading, the window title and the list', async () => {
    const titles = pack(XSS_PAYLOADS, WORKSHOP_TITLE_MAX);
    for (const title of titles) {
      await page.getByRole('button', { name: 'Angaben bearbeiten' }).click();
      await saveInDialog('Titel', title);
      await eventually(async () => {
        const shown = await shownTitles();
        expect(shown.workshop).toBe(title);
        expect(shown.window).toBe(`${title} – Moderato`);
      });
    }
    await expectInert('workshop titles');

    const last = titles.at(-1) ?? '';
    await page.getByRole('link', { name: 'Workshops', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
    await page.getByRole('link', { name: last, exact: true }).waitFor();
    expect(
      await page.getByRole('button', { name: `Workshop „${last}“ bearbeiten`, exact: true }).count(),
    ).toBe(1);
    await expectInert('the workshop list');
    // Back to the board for the cards.
    await page.goBack();
    await page.locator('ol.columns').waitFor();
  });
  // Last: a board full of cards makes every later step slower.
  it('as cards, one each: each shows as literal text, also after a reload', async () => {
    const column = firstColumnLocator();
    await column.getByRole('button', { name: /^Karte hinzufügen/ }).click();
    // The column now carries a payload as its title, so find the field by its place.
    const field = column.locator('form.note-composer textarea');
    const cards = column.locator('.note-list > li.note');
    for (const [index, payload] of XSS_PAYLOADS.entries()) {
      await field.fill(payload);
      await field.press('Enter');
      await cards.nth(index).waitFor();
    }
    await eventually(async () => expect((await readBoard(page))[0]?.notes).toEqual(XSS_PAYLOADS));
    await expectInert('cards');

    await page.reload();
    await eventually(async () => expect((await readBoard(page))[0]?.notes).toEqual(XSS_PAYLOADS));
    await expectInert('cards after a reload');
  });
});
