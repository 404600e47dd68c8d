// Decisions (Beschlüsse) and action items (Aufgaben: wer, was, bis wann):
// captured with Strg+Umschalt+E from a board, listed under "Beschlüsse und
// Aufgaben", edited, moved on in status, deleted and restored, kept over a reload.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  eventually,
  expectAccessible,
  launchSession,
  shorten,
  type Session,
} from './helpers';

const TITLE = 'KI-Strategie Beschlüsse – Größe';
const DECISION = 'Wir führen die E-Akte bis 2028 ein – „Pilot“ in Łódź & Şanlıurfa';
const DECISION_EDITED = 'Wir führen die E-Akte bis 2029 ein';
const TASK = 'Datenschutzfolgenabschätzung vorbereiten';
const OWNER = 'Ağrı Yılmaz';
const SECOND_TASK = 'Pilotbereich benennen';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  await createWorkshop(page, {
    title: TITLE,
    date: '2027-03-24',
    template: 'KI-Strategie für die Verwaltung',
  });
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Bereiche des Workshops' });
const captureDialog = () => page.getByRole('dialog', { name: 'Beschluss oder Aufgabe festhalten' });
const toast = (text: string) => page.locator('.toast', { hasText: text });

/** A table's body rows as cell texts, without the buttons column. */
function rows(name: 'Beschlüsse' | 'Aufgaben'): Promise<string[][]> {
  return page
    .getByRole('table', { name, exact: true })
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.querySelectorAll('td'))
          .slice(0, -1)
          .map((td) => {
            const copy = td.cloneNode(true) as HTMLElement;
            copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
            return copy.textContent ?? '';
          }),
      ),
    );
}

/** The accessible label of whatever has focus. */
function focusedLabel(): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active) return '';
    const label = active.id ? document.querySelector(`label[for="${active.id}"]`)?.textContent : null;
    return label ?? active.getAttribute('aria-label') ?? active.textContent ?? '';
  });
}

function today(): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}

/**
 * Types the 31st of February into a date field, key by key as a person does.
 * The field's segment order follows the browser's locale, so try both orders.
 */
async function typeImpossibleDate(field: Locator): Promise<void> {
  for (const keys of ['31022027', '02312027']) {
    await field.fill('');
    await field.focus();
    await field.pressSequentially(keys);
    if (await field.evaluate((input: HTMLInputElement) => input.validity.badInput)) return;
  }
  throw new Error('Chromium accepted both spellings of 31 February');
}

describe('decisions and action items', () => {
  it('captures a decision and an action item with Strg+Umschalt+E from a board, defaulting to today and the running TOP', async () => {
    // Start the timer of a TOP: a new decision belongs to the running agenda item.
    await nav().getByRole('link', { name: 'Tagesordnung' }).click();
    await page.getByRole('button', { name: 'Timer starten Vision: Aussagen sammeln' }).click();

    await nav().getByRole('link', { name: 'Vision: KI in der Verwaltung 2030' }).click();
    // The vision board is a clusters board: cards are written into the pool.
    await page.locator('.cluster-pool').waitFor();
    const capture = page.getByRole('button', { name: 'Festhalten' });
    expect(await capture.getAttribute('aria-keyshortcuts')).toBe('Control+Shift+E Meta+Shift+E');

    // In the middle of typing a card: the shortcut still works.
    const pool = page.locator('.cluster-pool');
    await pool.getByRole('button', { name: /^Karte hinzufügen/ }).click();
    const composer = pool.getByRole('textbox', { name: 'Neue Karte (noch nicht gruppiert)' });
    await composer.fill('Halb geschriebene Karte');
    await page.keyboard.press('Control+Shift+E');
    const dialog = captureDialog();
    await dialog.waitFor();
    await expect.poll(focusedLabel).toBe('Text des Beschlusses');
    expect(await dialog.getByRole('radio', { name: 'Beschluss' }).isChecked()).toBe(true);
    expect(await dialog.getByLabel('Datum').inputValue()).toBe(await today());
    const top = dialog.getByLabel('Tagesordnungspunkt (TOP)');
    await expect
      .poll(() => top.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent))
      .toBe('TOP 2: Vision: Aussagen sammeln');
    await expectAccessible(page, 'the open capture dialog');

    // Pressed again while open: still one dialog.
    await page.keyboard.press('Control+Shift+E');
    expect(await page.locator('dialog[open]').count()).toBe(1);

    await dialog.getByLabel('Text des Beschlusses').fill(DECISION);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Back where the user was, with the half-written card intact.
    await expect.poll(() => composer.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await composer.inputValue()).toBe('Halb geschriebene Karte');
    await expect
      .poll(() => page.locator('[role="status"][aria-live="polite"]').textContent())
      .toContain('Beschluss festgehalten');

    // The action item: Aufgabe, wer, was, bis wann (a date long past: overdue).
    await page.keyboard.press('Control+Shift+E');
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Aufgabe' }).check();
    await dialog.getByLabel('Wer').fill(OWNER);
    await dialog.getByLabel('Was').fill(TASK);
    await dialog.getByLabel('Bis wann').fill('2020-01-31');
    await expectAccessible(page, 'the capture dialog for an action item');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Escape closes without saving.
    await page.keyboard.press('Control+Shift+E');
    await dialog.waitFor();
    await expect.poll(focusedLabel).toBe('Wer');
    await page.keyboard.type('Niemand');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await nav().getByRole('link', { name: 'Beschlüsse und Aufgaben' }).click();
    await page.getByRole('heading', { level: 2, name: /^Beschlüsse/ }).waitFor();
    const [year, month, day] = (await today()).split('-');
    await expect
      .poll(() => rows('Beschlüsse'))
      .toEqual([[`${day}.${month}.${year}`, DECISION, 'TOP 2: Vision: Aussagen sammeln']]);
    await expect.poll(() => rows('Aufgaben')).toEqual([[OWNER, TASK, '31.01.2020überfällig', 'Offen']]);
    await expectAccessible(page, 'the decisions panel');
  });

  it('refuses an empty text and an impossible date in German, keeping what was typed', async () => {
    await page.getByRole('button', { name: 'Festhalten' }).click();
    const dialog = captureDialog();
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: 'Beschluss' }).check();
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Bitte geben Sie den Text des Beschlusses ein.').waitFor();
    expect(await dialog.getByLabel('Text des Beschlusses').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(focusedLabel).toBe('Text des Beschlusses');

    await dialog.getByLabel('Text des Beschlusses').fill('Ein Lenkungskreis wird eingerichtet.');
    await typeImpossibleDate(dialog.getByLabel('Datum'));
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog
      .getByText(
        'Das Datum des Beschlusses ist ungültig. Bitte geben Sie ein Datum wie 24.03.2027 ein – alles andere bleibt erhalten.',
      )
      .waitFor();
    expect(await dialog.getByLabel('Text des Beschlusses').inputValue()).toBe(
      'Ein Lenkungskreis wird eingerichtet.',
    );
    await expectAccessible(page, 'the capture dialog showing errors');

    // The same for an action item's "Bis wann"; the text moves along to "Was".
    await dialog.getByRole('radio', { name: 'Aufgabe' }).check();
    await dialog.getByLabel('Was').fill('');
    await dialog.getByLabel('Wer').fill('Herr Şahin');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Bitte geben Sie ein, was zu tun ist („Was“).').waitFor();
    await dialog.getByLabel('Was').fill(SECOND_TASK);
    await typeImpossibleDate(dialog.getByLabel('Bis wann'));
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText(/^„Bis wann“ ist kein gültiges Datum\./).waitFor();
    expect(await dialog.getByLabel('Wer').inputValue()).toBe('Herr Şahin');
    expect(await dialog.getByLabel('Was').inputValue()).toBe(SECOND_TASK);

    await dialog.getByLabel('Bis wann').fill('2099-12-31');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => rows('Aufgaben'))
      .toEqual([
        [OWNER, TASK, '31.01.2020überfällig', 'Offen'],
        ['Herr Şahin', SECOND_TASK, '31.12.2099', 'Offen'],
      ]);
    expect(await rows('Beschlüsse')).toHaveLength(1);
  });

  it('edits a decision and an action item', async () => {
    await page.getByRole('button', { name: `Beschluss bearbeiten: ${shorten(DECISION, 60)}` }).click();
    const decisionDialog = page.getByRole('dialog', { name: 'Beschluss bearbeiten' });
    await decisionDialog.waitFor();
    // Another modal is open: the shortcut stacks no capture dialog on top of it.
    await page.keyboard.press('Control+Shift+E');
    await page.waitForTimeout(100);
    expect(await captureDialog().count()).toBe(0);
    await decisionDialog.getByLabel('Text des Beschlusses').fill(DECISION_EDITED);
    await decisionDialog.getByLabel('Datum').fill('2027-03-24');
    await decisionDialog
      .getByLabel('Tagesordnungspunkt (TOP)')
      .selectOption({ label: 'TOP 3: Vision: Leitbild formulieren' });
    await decisionDialog.getByRole('button', { name: 'Speichern' }).click();
    await decisionDialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => rows('Beschlüsse'))
      .toEqual([['24.03.2027', DECISION_EDITED, 'TOP 3: Vision: Leitbild formulieren']]);

    await page.getByRole('button', { name: `Aufgabe bearbeiten: ${SECOND_TASK}` }).click();
    const actionDialog = page.getByRole('dialog', { name: 'Aufgabe bearbeiten' });
    expect(await actionDialog.getByLabel('Was').inputValue()).toBe(SECOND_TASK);
    await actionDialog.getByLabel('Wer').fill('Referat 12, Frau Kowalczyk');
    await actionDialog.getByRole('button', { name: 'Speichern' }).click();
    await actionDialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await rows('Aufgaben'))[1]?.[0]).toBe('Referat 12, Frau Kowalczyk');
  });

  it('moves an action item’s status on with one click and one key press; done is no longer overdue', async () => {
    const status = page.getByRole('button', { name: `Offen – Status von „${TASK}“ ändern zu „In Arbeit“` });
    await status.click();
    // "In Arbeit" sorts after the open one; focus stays on the button.
    await expect.poll(async () => (await rows('Aufgaben')).map((r) => r[3])).toEqual(['Offen', 'In Arbeit']);
    await expect.poll(focusedLabel).toBe(`In Arbeit – Status von „${TASK}“ ändern zu „Erledigt“`);
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await rows('Aufgaben'))[1])
      .toEqual([OWNER, TASK, '31.01.2020', 'Erledigt']);
    await expect.poll(focusedLabel).toBe(`Erledigt – Status von „${TASK}“ ändern zu „Offen“`);
  });

  it('deletes both and brings them back: "Rückgängig" in the message, and Strg+Z', async () => {
    await page.getByRole('button', { name: `Beschluss löschen: ${DECISION_EDITED}` }).click();
    await page.getByText(/^Noch keine Beschlüsse/).waitFor();
    await toast(`Beschluss „${DECISION_EDITED}“ gelöscht.`)
      .getByRole('button', { name: 'Rückgängig' })
      .click();
    await expect.poll(async () => (await rows('Beschlüsse'))[0]?.[1]).toBe(DECISION_EDITED);

    await page.getByRole('button', { name: `Aufgabe löschen: ${SECOND_TASK}` }).click();
    await expect.poll(async () => (await rows('Aufgaben')).length).toBe(1);
    // Focus landed on the section heading, outside any field: Strg+Z is the app's undo.
    await expect.poll(focusedLabel).toMatch(/^Aufgaben/);
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await rows('Aufgaben')).length).toBe(2);
  });

  it('keeps everything over a reload', async () => {
    const before = { decisions: await rows('Beschlüsse'), actions: await rows('Aufgaben') };
    expect(before.decisions).toHaveLength(1);
    expect(before.actions).toHaveLength(2);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^Beschlüsse/ }).waitFor();
    await eventually(async () => {
      expect(await rows('Beschlüsse')).toEqual(before.decisions);
      expect(await rows('Aufgaben')).toEqual(before.actions);
    });
  });
});
