import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, expectAccessible, launchSession, type Session } from './helpers';

const TITLE = 'KI-Strategie – Abstimmung';
const PEOPLE = ['Anna Schmidt', 'Ben Öztürk', 'Clara Nowak', 'David Weiß', 'Emine Kaya'];
const A = 'Schnellere Fallbearbeitung';
const B = 'Kürzere Verfahren';
const C = 'Entlastung der Beschäftigten';
const D = 'Besserer Service für Bürger und Unternehmen';

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

function nav(name: string): Locator {
  return page.getByRole('navigation', { name: 'Bereiche des Workshops' }).getByRole('link', { name });
}

function roundCard(title: string): Locator {
  return page
    .locator('li.voting-round')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

const addDot = (item: string) => page.getByRole('button', { name: `Einen Punkt auf „${item}“ geben` });

/** Rank, item and score of each row of a round's result table. */
function readResult(card: Locator): Promise<string[][]> {
  return card
    .locator('table.voting-table')
    .first()
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('th, td'))
          .slice(0, 3)
          .map((cell) => cell.textContent ?? ''),
      ),
    );
}

/** What the polite live region says now. */
function announcement(): Promise<string> {
  return page.locator('[role="status"][aria-live="polite"]').last().innerText();
}

/** Presses Tab until the focused element has this accessible name (keyboard only, as a person would). */
async function tabTo(name: string): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '';
    });
    if (focused === name) return;
  }
  throw new Error(`Tab never reached „${name}“`);
}

/** One person at the laptop: pick the name, put the dots, cast. */
async function voteByMouse(
  name: string,
  dots: string[],
  options: { doubleClick?: boolean } = {},
): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('heading', { name: `Stimmzettel für ${name}` }).waitFor();
  for (const item of dots) await addDot(item).click();
  await expect.poll(() => page.locator('.ballot-remaining').textContent()).toBe('Noch 0 Punkte');
  const submit = page.getByRole('button', { name: 'Stimme abgeben' });
  if (options.doubleClick) await submit.dblclick();
  else await submit.click();
  await page.getByRole('heading', { name: 'Danke, Ihre Stimme ist gespeichert' }).waitFor();
  await page.getByRole('button', { name: 'Nächste Person' }).click();
  await page.getByRole('heading', { name: 'Bitte wählen Sie Ihren Namen' }).waitFor();
}

describe('voting', () => {
  it('sets up a workshop with five participants', async () => {
    await createWorkshop(page, { title: TITLE, template: 'KI-Strategie für die Verwaltung' });
    await nav('Teilnehmende').click();
    const form = page.getByRole('form', { name: 'Person hinzufügen' });
    for (const name of PEOPLE) {
      await form.getByRole('textbox', { name: 'Name' }).fill(name);
      await form.getByRole('button', { name: 'Hinzufügen' }).click();
      await page.locator('table.participant-table tbody tr', { hasText: name }).waitFor();
    }
    await expect.poll(() => page.locator('.participants-count').textContent()).toBe('5 Personen');
  });

  it('starts a dot vote on the clusters, with German validation that keeps every entry', async () => {
    await nav('Abstimmungen').click();
    await page.getByRole('heading', { level: 2, name: 'Abstimmungen' }).waitFor();
    await page.getByText('Noch keine Abstimmungsrunde.').waitFor();
    await expectAccessible(page, 'the voting page (empty)');

    await page.getByRole('button', { name: 'Abstimmung starten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Abstimmung starten' });
    await expect.poll(() => dialog.getByLabel('Board').inputValue()).not.toBe('');
    await dialog.getByLabel('Board').selectOption({ label: 'Handlungsschwerpunkte' });
    await dialog.getByRole('radio', { name: 'Cluster', exact: true }).check();
    await dialog.getByText('4 Einträge').waitFor();
    await dialog.getByLabel('Titel der Runde').fill('Schwerpunkte');
    await dialog.getByRole('radio', { name: /^Punktabfrage/ }).check();
    await dialog.getByLabel('Punkte pro Person').fill('0');
    await dialog.getByLabel('Höchstens Punkte je Eintrag').fill('2');
    for (const name of PEOPLE) expect(await dialog.getByRole('checkbox', { name }).isChecked()).toBe(true);
    await expectAccessible(page, 'the start dialog');

    await dialog.getByRole('button', { name: 'Abstimmung starten' }).click();
    await dialog
      .getByText('Die Zahl der Punkte pro Person muss eine ganze Zahl von 1 bis 50 sein.')
      .waitFor();
    // Nothing was lost: the title is still there, and the field with the problem has the focus.
    expect(await dialog.getByLabel('Titel der Runde').inputValue()).toBe('Schwerpunkte');
    await expect
      .poll(() => dialog.getByLabel('Punkte pro Person').evaluate((el) => el === document.activeElement))
      .toBe(true);
    await dialog.getByLabel('Punkte pro Person').fill('3');
    await dialog.getByRole('button', { name: 'Abstimmung starten' }).click();
    await dialog.waitFor({ state: 'detached' });

    const card = roundCard('Schwerpunkte');
    await card.getByText('Punktabfrage, 3 Punkte p. P., höchstens 2 je Eintrag').waitFor();
    await card.getByText('0 von 5 Stimmen abgegeben').waitFor();
    await expect.poll(announcement).toBe('Abstimmung „Schwerpunkte“ gestartet.');
  });

  it('runs a pass-the-laptop vote: four by mouse (one double click), one by keyboard only', async () => {
    await roundCard('Schwerpunkte').getByRole('button', { name: 'Stimmzettel öffnen' }).click();
    await page.getByRole('heading', { name: 'Bitte wählen Sie Ihren Namen' }).waitFor();
    await expectAccessible(page, 'the name choice of the ballot screen');

    // Anna: the stacking limit (2 per item) holds even when she clicks a third time.
    await page.getByRole('button', { name: 'Anna Schmidt', exact: true }).click();
    await page.locator('.ballot-remaining', { hasText: 'Noch 3 Punkte' }).waitFor();
    await addDot(A).click();
    await addDot(A).click();
    // The button is marked unavailable (aria-disabled, so it keeps the focus); a click anyway changes nothing.
    expect(await addDot(A).getAttribute('aria-disabled')).toBe('true');
    await addDot(A).click({ force: true });
    await expect.poll(() => page.locator('.ballot-remaining').textContent()).toBe('Noch 1 Punkt');
    await expectAccessible(page, 'the dot ballot');
    await addDot(B).click();
    await page.getByRole('button', { name: 'Stimme abgeben' }).click();
    await page.getByRole('heading', { name: 'Danke, Ihre Stimme ist gespeichert' }).waitFor();
    await expectAccessible(page, 'the thank-you screen');
    await page.getByRole('button', { name: 'Nächste Person' }).click();

    // Anna has voted: she is no longer offered first.
    await page.getByText('1 von 5 Stimmen abgegeben').waitFor();
    // Strg+Z at the laptop must not take back the facilitator's last edit (the start of this round).
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    await page.getByRole('heading', { name: 'Bitte wählen Sie Ihren Namen' }).waitFor();
    await page.getByText('1 von 5 Stimmen abgegeben').waitFor();
    expect(await page.getByRole('button', { name: 'Anna Schmidt', exact: true }).count()).toBe(0);

    await voteByMouse('Ben Öztürk', [A, C, C]);
    await voteByMouse('Clara Nowak', [B, B, D], { doubleClick: true });
    await page.getByText('3 von 5 Stimmen abgegeben').waitFor();
    await voteByMouse('David Weiß', [A, A, D]);

    // Emine with the keyboard only: the heading has the focus after each step.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Bitte wählen Sie Ihren Namen');
    await tabTo('Emine Kaya');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Stimmzettel für Emine Kaya' }).waitFor();
    for (const item of [B, C, D]) {
      await tabTo(`Einen Punkt auf „${item}“ geben`);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('.ballot-remaining').textContent()).toBe('Noch 0 Punkte');
    await tabTo('Stimme abgeben');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Danke, Ihre Stimme ist gespeichert' }).waitFor();
    // The thank-you clears by itself for the next person.
    await page.getByRole('heading', { name: 'Bitte wählen Sie Ihren Namen' }).waitFor({ timeout: 8_000 });
    await page.getByText('Alle Stimmberechtigten haben abgestimmt.').waitFor();
    await page.getByText('5 von 5 Stimmen abgegeben').waitFor();

    await page.getByRole('button', { name: 'Stimmabgabe verlassen' }).click();
    const card = roundCard('Schwerpunkte');
    await card.getByText('5 von 5 Stimmen abgegeben').waitFor();
    // No running result anywhere while the round is open.
    expect(await page.locator('.voting-result, table.voting-table').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(/\d+ Punkte\b(?! p\. P\.)/);
    // Nor on the projector.
    const workshopId = /#\/w\/([\w-]+)\//.exec(page.url())![1]!;
    const projector = await session.context.newPage();
    await projector.goto(`${session.baseUrl}#/projector/${workshopId}`);
    await projector.locator('main, body').first().waitFor();
    await projector.waitForTimeout(500);
    // Without the soft hyphens the projector sets into long words (a hidden word would not match).
    const shown = (await projector.locator('body').innerText()).replaceAll('\u00AD', '');
    expect(shown).not.toMatch(/\d+ Punkte?\b|Stimmen abgegeben|Stimmzettel/);
    await projector.close();
  });

  it('closes, reveals the ranking with ties and the turnout, and keeps it all over a reload', async () => {
    const popup = session.context.waitForEvent('page');
    await page.getByRole('button', { name: 'Projektor öffnen' }).click();
    const projector = await popup;
    await projector.getByText('Hier erscheint, was die Moderation zeigt.').waitFor();
    await page.bringToFront();

    const card = roundCard('Schwerpunkte');
    await card.getByRole('button', { name: 'Abstimmung schließen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Abstimmung schließen?' });
    await confirm.getByText('„Schwerpunkte“: 5 von 5 Stimmen abgegeben.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Abstimmung schließen' }).click();
    await card.getByText('Geschlossen, Ergebnis noch verborgen').waitFor();
    expect(await card.locator('table.voting-table').count()).toBe(0);
    // Closed but not revealed: nothing of the result on the projector.
    expect(await projector.locator('.projector-result').count()).toBe(0);

    await card.getByRole('button', { name: 'Ergebnis zeigen' }).click();
    // The room sees the revealed ranking on the projector (soft hyphens aside).
    const projected = () =>
      projector
        .locator('.projector-result-row')
        .evaluateAll((rows) =>
          rows.map((row) =>
            [...row.children].map((cell) => (cell.textContent ?? '').replace(/\u00ad/g, '')).filter(Boolean),
          ),
        );
    await expect.poll(projected).toEqual([
      ['1.', A, '5 Punkte'],
      ['2.', B, '4 Punkte'],
      ['3. (gleichauf)', C, '3 Punkte'],
      ['3. (gleichauf)', D, '3 Punkte'],
    ]);
    await expect
      .poll(() =>
        projector.locator('.projector-result h2').evaluate((h) => h.textContent?.replace(/\u00ad/g, '')),
      )
      .toBe('Ergebnis: Schwerpunkte');
    await projector.getByText('5 von 5 Stimmen abgegeben').waitFor();
    await expectAccessible(projector, 'the result on the projector');
    await projector.close();

    const expected = [
      ['1.', A, '5 Punkte'],
      ['2.', B, '4 Punkte'],
      ['3. (gleichauf)', C, '3 Punkte'],
      ['3. (gleichauf)', D, '3 Punkte'],
    ];
    await expect.poll(() => readResult(card)).toEqual(expected);
    await card.locator('.voting-turnout', { hasText: '5 von 5 Stimmen abgegeben' }).waitFor();
    await expect
      .poll(announcement)
      .toBe(
        'Ergebnis der Abstimmung „Schwerpunkte“: 1. Schnellere Fallbearbeitung (5 Punkte), 2. Kürzere Verfahren (4 Punkte), ' +
          '3. Entlastung der Beschäftigten (3 Punkte), 3. Besserer Service für Bürger und Unternehmen (3 Punkte). 5 von 5 Stimmen abgegeben',
      );
    // The bar chart carries its values as text.
    expect(await card.locator('.voting-bar-value').allTextContents()).toEqual([
      '5 Punkte',
      '4 Punkte',
      '3 Punkte',
      '3 Punkte',
    ]);
    // Anonymous: no names next to votes.
    expect(await card.locator('.voting-named').count()).toBe(0);
    await expectAccessible(page, 'the revealed result');

    await page.reload();
    await expect.poll(() => readResult(roundCard('Schwerpunkte'))).toEqual(expected);
    await roundCard('Schwerpunkte').getByText('5 von 5 Stimmen abgegeben').first().waitFor();
  });

  it('annuls with a reason that stays, and votes again with the same settings', async () => {
    const card = roundCard('Schwerpunkte');
    await card.getByRole('button', { name: 'Aufheben' }).click();
    const dialog = page.getByRole('dialog', { name: 'Abstimmung „Schwerpunkte“ aufheben' });
    await dialog.getByRole('button', { name: 'Aufheben' }).click();
    await dialog
      .getByText('Bitte geben Sie einen Grund für die Aufhebung an; er bleibt im Protokoll.')
      .waitFor();
    await dialog.getByLabel('Grund (bleibt im Protokoll)').fill('Zwei Personen waren noch nicht im Raum.');
    await dialog.getByRole('button', { name: 'Aufheben' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('heading', { name: 'Aufgehobene Runden (1)' }).waitFor();
    await card.getByText('Zwei Personen waren noch nicht im Raum.').waitFor();
    expect(await card.locator('table.voting-table').count()).toBe(0);

    await card.getByRole('button', { name: 'Erneut abstimmen' }).click();
    const rerun = roundCard('Schwerpunkte (Wiederholung)');
    await rerun.getByText('0 von 5 Stimmen abgegeben').waitFor();
    await rerun.getByText('Punktabfrage, 3 Punkte p. P., höchstens 2 je Eintrag').waitFor();
    await page.getByRole('heading', { name: 'Offene Runden (1)' }).waitFor();

    await page.reload();
    await roundCard('Schwerpunkte').getByText('Zwei Personen waren noch nicht im Raum.').waitFor();
    await roundCard('Schwerpunkte (Wiederholung)').getByText('Offen', { exact: true }).waitFor();
  });

  it('counts paper dots and adopts the winners as focus areas in one undo step', async () => {
    const card = roundCard('Schwerpunkte (Wiederholung)');
    await card.getByRole('button', { name: 'Klebepunkte zählen' }).click();
    const paper = page.getByRole('dialog', { name: 'Klebepunkte zählen' });
    await paper.getByLabel(A).fill('7');
    await paper.getByLabel(B).fill('2');
    await paper.getByRole('button', { name: 'Speichern' }).click();
    await paper.waitFor({ state: 'detached' });

    await card.getByRole('button', { name: 'Abstimmung schließen' }).click();
    await page
      .getByRole('dialog', { name: 'Abstimmung schließen?' })
      .getByRole('button', { name: 'Abstimmung schließen' })
      .click();
    await card.getByRole('button', { name: 'Ergebnis zeigen' }).click();
    await expect
      .poll(() => readResult(card))
      .toEqual([
        ['1.', A, '7 Punkte'],
        ['2.', B, '2 Punkte'],
        ['3. (gleichauf)', C, '0 Punkte'],
        ['3. (gleichauf)', D, '0 Punkte'],
      ]);
    await card.getByText('darin 9 gezählte Klebepunkte').waitFor();

    await card.getByLabel('Wie viele Plätze übernehmen?').fill('2');
    await card.getByText(`Übernommen werden: ${A}, ${B}`).waitFor();
    await card.getByRole('button', { name: 'Als Handlungsschwerpunkte übernehmen' }).click();
    await card.getByText('Das Ergebnis ist als Beschluss festgehalten').waitFor();

    await nav('Beschlüsse und Aufgaben').click();
    const text =
      'Abstimmung „Schwerpunkte (Wiederholung)“ (Punktabfrage, 3 Punkte p. P., höchstens 2 je Eintrag): ' +
      `1. ${A} (7 Punkte), 2. ${B} (2 Punkte)`;
    await page.getByText(text).waitFor();

    // One undo takes back the decision, the focus areas and the link of the round together.
    await page.getByRole('button', { name: /^Rückgängig/ }).click();
    await expect.poll(() => page.getByText(text).count()).toBe(0);
    await nav('Abstimmungen').click();
    await roundCard('Schwerpunkte (Wiederholung)')
      .getByRole('button', { name: 'Als Handlungsschwerpunkte übernehmen' })
      .waitFor();
  });
});
