// The agreed vision (Leitbild) on the vision board: drafted from two statements,
// formatted, marked as agreed (a decision appears under "Beschlüsse"), kept
// over a reload, revoked and brought back with "Rückgängig".
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, eventually, expectAccessible, launchSession, type Session } from './helpers';

const TITLE = 'KI-Strategie Leitbild';
const BOARD = 'Vision: KI in der Verwaltung 2030';
const STATEMENTS = [
  'Anträge gehen rund um die Uhr digital',
  'KI entlastet Beschäftigte von Routine',
  'Entscheidungen bleiben für alle nachvollziehbar',
];

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  await createWorkshop(page, { title: TITLE, template: 'KI-Strategie für die Verwaltung' });
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

const nav = () => page.getByRole('navigation', { name: 'Bereiche des Workshops' });
const panel = () => page.getByRole('region', { name: 'Leitbild', exact: true });
const textField = () => panel().getByRole('textbox', { name: 'Text des Leitbilds' });
/** The app's live region (not dnd-kit's): what a screen reader is told. */
const status = () => page.locator('div.visually-hidden[role="status"][aria-atomic="true"]:not([id])');

async function openBoard(): Promise<void> {
  await nav().getByRole('link', { name: BOARD }).click();
  await panel().waitFor();
}

/** Writes a statement with the clusters board's composer ("Noch nicht gruppiert"). */
async function addStatement(text: string): Promise<void> {
  const pool = page.locator('.cluster-pool');
  const field = pool.getByRole('textbox', { name: 'Neue Karte (noch nicht gruppiert)' });
  if (!(await field.isVisible())) await pool.getByRole('button', { name: /^Karte hinzufügen/ }).click();
  const before = await pool.locator('li.cluster-card').count();
  await field.fill(text);
  await field.press('Enter');
  await eventually(async () => {
    expect(await pool.locator('li.cluster-card').count()).toBe(before + 1);
    expect(await field.inputValue()).toBe('');
  });
}

describe('the vision (Leitbild) of a vision board', () => {
  it('starts empty, drafts from two statements, formats bold and stays over a reload', async () => {
    await openBoard();
    await panel()
      .getByText(/^Noch kein Leitbild\./)
      .waitFor();
    await expectAccessible(page, 'the empty vision panel');
    for (const statement of STATEMENTS) await addStatement(statement);

    await panel().getByRole('button', { name: 'Aus Aussagen formulieren…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aus Aussagen formulieren' });
    await dialog.waitFor();
    await expectAccessible(page, 'the statement picker');
    // By keyboard: Tab to the first statement, Space ticks it; the third by click.
    await dialog.getByLabel('Aussagen filtern').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('checkbox');
    await page.keyboard.press('Space');
    await dialog.getByRole('checkbox', { name: STATEMENTS[2] }).check();
    await dialog.getByText('2 Aussagen ausgewählt').waitFor();
    await dialog.getByRole('button', { name: 'Als Entwurf einfügen' }).click();
    await dialog.waitFor({ state: 'detached' });

    const draft = `- ${STATEMENTS[0]}\n- ${STATEMENTS[2]}`;
    await expect.poll(() => textField().inputValue()).toBe(draft);
    await panel().getByText('Beruht auf 2 Aussagen').waitFor();

    // Bold by the toolbar: select "digital" in the first item, press B.
    const start = draft.indexOf('digital');
    await textField().evaluate(
      (field: HTMLTextAreaElement, [from, to]) => {
        field.focus();
        field.setSelectionRange(from!, to!);
      },
      [start, start + 'digital'.length],
    );
    await panel().getByRole('button', { name: 'Fett' }).click();
    const formatted = draft.replace('digital', '**digital**');
    await expect.poll(() => textField().inputValue()).toBe(formatted);
    const preview = panel().getByRole('region', { name: 'Vorschau' });
    expect(await preview.locator('strong').textContent()).toBe('digital');
    expect(await preview.locator('li').count()).toBe(2);
    await expectAccessible(page, 'the vision draft');

    // Reload right after typing: the text is saved already.
    await page.reload();
    await panel().waitFor();
    await expect.poll(() => textField().inputValue()).toBe(formatted);
    await panel().getByText('Beruht auf 2 Aussagen').waitFor();
  });

  it('is marked as agreed: read-only, announced, listed under "Beschlüsse", kept over a reload', async () => {
    await panel().getByRole('button', { name: 'Als beschlossen markieren' }).click();
    await panel()
      .getByText(/^Beschlossen am /)
      .waitFor();
    expect(await textField().count()).toBe(0);
    await expect.poll(() => status().textContent()).toMatch(/^Leitbild als beschlossen markiert\./);
    const agreedText = panel().getByRole('region', { name: 'Beschlossenes Leitbild' });
    expect(await agreedText.locator('strong').textContent()).toBe('digital');
    await expectAccessible(page, 'the agreed vision');

    await panel().getByRole('link', { name: 'Beschlüsse ansehen' }).click();
    const table = page.getByRole('table', { name: 'Beschlüsse', exact: true });
    await table.waitFor();
    const decision = table.locator('tbody tr').filter({ hasText: 'Leitbild beschlossen:' });
    await eventually(async () => expect(await decision.count()).toBe(1));
    const text = await decision.locator('td.entries-text').textContent();
    expect(text).toBe(`Leitbild beschlossen:\n– ${STATEMENTS[0]}\n– ${STATEMENTS[2]}`);

    await page.reload();
    await table.waitFor();
    await eventually(async () => expect(await decision.count()).toBe(1));
    await openBoard();
    await panel()
      .getByText(/^Beschlossen am /)
      .waitFor();
    expect(
      await panel().getByRole('region', { name: 'Beschlossenes Leitbild' }).locator('strong').textContent(),
    ).toBe('digital');
  });

  it('revokes after a confirmation, removing the decision; "Rückgängig" brings both back', async () => {
    await panel().getByRole('button', { name: 'Beschluss aufheben' }).click();
    const confirm = page.getByRole('dialog', { name: 'Beschluss zum Leitbild aufheben?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Beschluss aufheben' }).click();
    await textField().waitFor();
    await expect
      .poll(() => status().textContent())
      .toBe('Beschluss aufgehoben. Das Leitbild ist wieder ein Entwurf.');

    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await panel()
      .getByText(/^Beschlossen am /)
      .waitFor();
    await nav().getByRole('link', { name: 'Beschlüsse und Aufgaben' }).click();
    const table = page.getByRole('table', { name: 'Beschlüsse', exact: true });
    await table.waitFor();
    await eventually(async () =>
      expect(await table.locator('tbody tr').filter({ hasText: 'Leitbild beschlossen:' }).count()).toBe(1),
    );
  });

  it('folds away so the board below keeps the room', async () => {
    await openBoard();
    const toggle = panel().getByRole('button', { name: 'Leitbild einklappen' });
    await toggle.click();
    expect(
      await panel().getByRole('button', { name: 'Leitbild ausklappen' }).getAttribute('aria-expanded'),
    ).toBe('false');
    expect(await panel().getByRole('region', { name: 'Beschlossenes Leitbild' }).isVisible()).toBe(false);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expectAccessible(page, 'the folded vision panel');
    await panel().getByRole('button', { name: 'Leitbild ausklappen' }).click();
    await panel().getByRole('region', { name: 'Beschlossenes Leitbild' }).waitFor();
  });
});
