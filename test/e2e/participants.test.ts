import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchSession, type Session } from './helpers';

const TITLE = 'KI-Strategie – Teilnehmende';

// A list as it comes from a spreadsheet: a header, tabs, an empty line, names with
// umlauts and Polish/Turkish letters, two duplicates (one only in capitals) and a
// semicolon row.
const PASTE = [
  'Name\tOrganisationseinheit\tRolle',
  'Łukasz Wróbel\tAmt für Stadtentwicklung\tProjektleitung',
  'Şükrü Öztürk\tAmt für Digitales\tMitglied',
  '',
  'Zoë Ağrı\tBürgeramt Süd\tProtokoll',
  'Jürgen Weiß\tKämmerei',
  'ŞÜKRÜ ÖZTÜRK\tamt für digitales\tMitglied',
  '   ',
  'Małgorzata Żółkiewska;Hauptamt;Beratung',
  'Zoë Ağrı\tBürgeramt Süd',
].join('\r\n');

const IMPORTED: string[][] = [
  ['Jürgen Weiß', 'Kämmerei', ''],
  ['Łukasz Wróbel', 'Amt für Stadtentwicklung', 'Projektleitung'],
  ['Małgorzata Żółkiewska', 'Hauptamt', 'Beratung'],
  ['Şükrü Öztürk', 'Amt für Digitales', 'Mitglied'],
  ['Zoë Ağrı', 'Bürgeramt Süd', 'Protokoll'],
];

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  // The tests paste as a person does (Strg+V); Chromium's own clipboard needs the permission.
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(session.baseUrl).origin,
  });
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

function panel(): Locator {
  return page.getByRole('region', { name: 'Teilnehmende' });
}

function pasteDialog(): Locator {
  return page.getByRole('dialog', { name: 'Liste von Teilnehmenden einfügen' });
}

/** Name, unit and role of each row, in display order. */
function readTable(): Promise<string[][]> {
  return page.locator('table.participant-table:not(.paste-rows) tbody tr').evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.querySelectorAll('th, td'))
        .slice(0, 3)
        .map((c) => c.textContent ?? ''),
    ),
  );
}

/**
 * Puts `text` on the clipboard and pastes it with Strg+V. (Playwright's fill() types
 * multi-line text through the editing commands: minutes for 5,000 rows; a real paste
 * takes well under a second.)
 */
async function paste(field: Locator, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await field.focus();
  await page.keyboard.press('Control+V');
  // A text field keeps line breaks as \n only.
  await expect.poll(() => field.inputValue()).toBe(text.replace(/\r\n?/g, '\n'));
}

async function expectTable(expected: string[][]): Promise<void> {
  await expect.poll(readTable).toEqual(expected);
}

describe('participants', () => {
  it('creates an empty workshop and opens its participants', async () => {
    await page.getByRole('button', { name: 'Neuer Workshop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
    await dialog.getByLabel('Titel').fill(TITLE);
    await dialog.getByRole('radio', { name: /Leerer Workshop/ }).check();
    await dialog.getByRole('button', { name: 'Workshop anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();

    await page
      .getByRole('navigation', { name: 'Bereiche des Workshops' })
      .getByRole('link', { name: 'Teilnehmende' })
      .click();
    await panel().getByRole('heading', { level: 2, name: 'Teilnehmende' }).waitFor();
    expect(page.url()).toMatch(/#\/w\/[\w-]+\/participants$/);
    await expect.poll(() => panel().locator('.participants-count').textContent()).toBe('0 Personen');
    await expectAccessible(page, 'the participants panel (empty)');
  });

  it('pastes a list with umlauts, Polish and Turkish names, empty lines, duplicates and tabs', async () => {
    await panel().getByRole('button', { name: 'Liste einfügen' }).click();
    const dialog = pasteDialog();
    const field = dialog.getByRole('textbox', { name: 'Zeilen aus der Tabelle' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page, 'the paste dialog (empty)');

    await paste(field, PASTE);
    const summary = dialog.locator('.paste-summary li');
    await expect
      .poll(() => summary.allTextContents())
      .toEqual(['Neu: 5', 'Doppelt, nicht übernommen: 2', 'Leere Zeilen übersprungen: 2']);
    await expect
      .poll(() => dialog.locator('.paste-preview').textContent())
      .toContain('Zeile 1 ist eine Überschrift und wird nicht übernommen.');
    expect(await dialog.locator('.paste-preview').textContent()).toContain('Doppelt sind die Zeilen 7, 10.');
    await expectAccessible(page, 'the paste dialog with its preview');

    await dialog.getByRole('button', { name: 'Übernehmen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectTable(IMPORTED);
    await expect.poll(() => panel().locator('.participants-count').textContent()).toBe('5 Personen');
    await page.locator('.toast', { hasText: '5 Personen übernommen.' }).waitFor();
    await expectAccessible(page, 'the participants panel with its table');
    // Every cell spans its row, the buttons' too: its line under the row is the row's.
    const offsets = await page
      .locator('table.participant-table:not(.paste-rows) tbody tr')
      .evaluateAll((rows) =>
        rows.flatMap((row) =>
          Array.from(row.children).map((cell) =>
            Math.abs(cell.getBoundingClientRect().bottom - row.getBoundingClientRect().bottom),
          ),
        ),
      );
    expect(offsets.length).toBeGreaterThan(0);
    expect(offsets.filter((offset) => offset > 0.5)).toEqual([]);
  });

  it('adds one more person with the keyboard only', async () => {
    await panel().getByRole('button', { name: 'Liste einfügen' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ayşe Kılıç');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Personalamt');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Gleichstellung');
    await page.keyboard.press('Enter');
    await expectTable([['Ayşe Kılıç', 'Personalamt', 'Gleichstellung'], ...IMPORTED]);
    const name = panel().getByRole('textbox', { name: 'Name' });
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await name.inputValue()).toBe('');
  });

  it('edits one participant', async () => {
    await panel().getByRole('button', { name: 'Bearbeiten: Jürgen Weiß' }).click();
    const dialog = page.getByRole('dialog', { name: 'Angaben zur Person bearbeiten' });
    await dialog.getByLabel('Rolle').fill('Haushalt & Controlling');
    await dialog.getByLabel('Organisationseinheit').fill('Stadtkämmerei');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await readTable()).find((row) => row[0] === 'Jürgen Weiß'))
      .toEqual(['Jürgen Weiß', 'Stadtkämmerei', 'Haushalt & Controlling']);
  });

  it('removes one participant and restores it through "Rückgängig"', async () => {
    const before = await readTable();
    await panel().getByRole('button', { name: 'Entfernen: Şükrü Öztürk' }).click();
    await expectTable(before.filter((row) => row[0] !== 'Şükrü Öztürk'));

    const toast = page.locator('.toast', { hasText: '„Şükrü Öztürk“ aus der Liste entfernt.' });
    await toast.getByRole('button', { name: 'Rückgängig' }).click();
    await toast.waitFor({ state: 'detached' });
    await expectTable(before);

    await page.reload();
    await expectTable(before);
    expect(before.map((row) => row[0])).toEqual([
      'Ayşe Kılıç',
      'Jürgen Weiß',
      'Łukasz Wróbel',
      'Małgorzata Żółkiewska',
      'Şükrü Öztürk',
      'Zoë Ağrı',
    ]);
  });

  it('refuses a paste of 5,000 rows with a German message, keeps the text and adds nobody', async () => {
    const before = await readTable();
    await panel().getByRole('button', { name: 'Liste einfügen' }).click();
    const dialog = pasteDialog();
    const field = dialog.getByRole('textbox', { name: 'Zeilen aus der Tabelle' });
    const text = Array.from(
      { length: 5000 },
      (_, i) => `Person ${i + 1}\tReferat ${(i % 30) + 1}\tMitglied`,
    ).join('\n');
    await paste(field, text);
    const message =
      'Die Liste enthält 5.000 neue Teilnehmende, ein Workshop kann aber höchstens 1.000 haben. ' +
      'Es wurde nichts übernommen. Der Text bleibt im Feld: Bitte kürzen Sie die Liste auf höchstens 1.000 Zeilen.';
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe(message);
    await expectAccessible(page, 'the paste dialog refusing 5,000 rows');

    await dialog.getByRole('button', { name: 'Übernehmen' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe(message);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.inputValue()).toBe(text);
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectTable(before);

    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.reload();
    await expectTable(before);
  });
});
