// The whole strategy chain as a facilitator walks it: a card in a cell of the
// inventory matrix, copied onto the clusters board, grouped with a second card
// by mouse, the cluster made a focus area, a project idea started from it and a
// card dragged into the idea's canvas. Then "Rückgängig" takes back every step
// in reverse order (each checked where a person would look), "Wiederholen"
// brings them back, and after a reload everything is still there — including
// the inventory card's note of where it went.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  escapeRegExp,
  eventually,
  expectAccessible,
  frames,
  launchSession,
  note,
  pointerDrag,
  type Session,
} from './helpers';

const WORKSHOP = 'Strategiekette – Übung';
const INVENTORY = 'Bestandsaufnahme: Reifegrad der Prozesse';
const FOCUS_BOARD = 'Handlungsschwerpunkte';
const IDEAS_BOARD = 'Projektideen';
const ROW = 'Soziales und Leistungen';
const COLUMN = 'Analog';
const TEMPLATE_CLUSTERS = [
  'Schnellere Fallbearbeitung',
  'Kürzere Verfahren',
  'Entlastung der Beschäftigten',
  'Besserer Service für Bürger und Unternehmen',
];

/** The card written into the matrix, and (as a copy) on the clusters board. */
const ORIGINAL = 'Wohngeld: Medienbruch';
/** The second card, written straight into the pool; it becomes the new cluster's name. */
const SECOND = 'Anträge digital';
const FOCUS = 'Digitale Anträge';
const DESCRIPTION = 'Alle Anträge des Sozialamts gehen ohne Papier.';

let session: Session;
let page: Page;

// ---------------------------------------------------------------- finding things

const nav = () => page.getByRole('navigation', { name: 'Bereiche des Workshops' });

function historyButton(name: 'Rückgängig' | 'Wiederholen'): Locator {
  return page.getByRole('group', { name: 'Verlauf' }).getByRole('button', { name, exact: true });
}

/** Clicks "Rückgängig" once it can be used (the previous step may still be saving). */
async function undo(): Promise<void> {
  await historyButton('Rückgängig').click();
}

async function openMatrix(): Promise<void> {
  await nav().getByRole('link', { name: INVENTORY, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: INVENTORY, exact: true }).waitFor();
  await page.locator('table.matrix').waitFor();
}

async function openClusters(): Promise<void> {
  await nav().getByRole('link', { name: FOCUS_BOARD, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: FOCUS_BOARD, exact: true }).waitFor();
  await page.locator('.cluster-pool').waitFor();
}

/** The cards of one matrix cell (row / column), as shown. */
async function cellTexts(row: string, column: string): Promise<string[]> {
  return page.evaluate(
    ({ row, column }) => {
      const columns = Array.from(document.querySelectorAll('table.matrix thead th')).map(
        (th) => th.querySelector('.matrix-line-title')?.textContent ?? '',
      );
      const tr = Array.from(document.querySelectorAll('table.matrix tbody tr')).find(
        (line) => line.querySelector('th .matrix-line-title')?.textContent === row,
      );
      const td = tr?.querySelectorAll('td.matrix-cell')[columns.indexOf(column)];
      return Array.from(td?.querySelectorAll('ul.matrix-notes > li.note') ?? []).map((card) => {
        const text = card.querySelector('.note-text')?.cloneNode(true) as HTMLElement | undefined;
        text?.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
        return text?.textContent ?? '';
      });
    },
    { row, column },
  );
}

/** Every card on the matrix board (tray and cells). */
const matrixCardCount = () => page.locator('table.matrix li.note, .matrix-tray li.note').count();

interface ClusterState {
  title: string;
  focus: boolean;
  cards: string[];
}
interface BoardState {
  pool: string[];
  clusters: ClusterState[];
}

/** Pool and clusters of the clusters board in the order the user sees them. */
function readClusters(): Promise<BoardState> {
  return page.locator('.cluster-board').evaluate((board) => {
    const text = (card: Element) => {
      const copy = card.querySelector('.note-text')?.cloneNode(true) as HTMLElement | undefined;
      copy?.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return copy?.textContent ?? '';
    };
    return {
      pool: Array.from(board.querySelectorAll('.cluster-pool li.cluster-card')).map(text),
      clusters: Array.from(board.querySelectorAll('li.cluster')).map((cluster) => ({
        title: cluster.querySelector('.cluster-title-text')?.textContent ?? '',
        focus: cluster.classList.contains('cluster-focus'),
        cards: Array.from(cluster.querySelectorAll('li.cluster-card')).map(text),
      })),
    };
  });
}

/** The template's four empty clusters, then the given ones. */
function clusterState(pool: string[], ...clusters: Array<[string, string[], boolean?]>): BoardState {
  return {
    pool,
    clusters: [
      ...TEMPLATE_CLUSTERS.map((title) => ({ title, focus: false, cards: [] })),
      ...clusters.map(([title, cards, focus]) => ({ title, focus: focus ?? false, cards })),
    ],
  };
}

async function expectClusters(expected: BoardState): Promise<void> {
  await eventually(async () => expect(await readClusters()).toEqual(expected), 10_000);
}

function clusterCard(text: string): Locator {
  return page.locator('li.cluster-card').filter({
    has: page.locator('.note-text', { hasText: new RegExp(`^${escapeRegExp(text)}, `) }),
  });
}

function cluster(title: string): Locator {
  return page.locator('li.cluster').filter({
    has: page.locator('.cluster-title-text', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
  });
}

/** "übernommen aus: …" under the copied card. */
const originHint = () => clusterCard(ORIGINAL).locator('.cluster-card-origin');

const hasClass = (locator: Locator, name: string) => () =>
  eventually(async () => expect(await locator.getAttribute('class')).toContain(name));

// The canvas of a project idea.
const field = (key: string): Locator => page.locator(`[data-field="${key}"]`);
const editorOf = (key: string): Locator => field(key).locator('textarea, input, select').first();
const chips = (key: string): Locator => field(key).locator('.source-chip');
/** The focus area the idea serves, as its select shows it. */
const chosenFocusArea = () =>
  page
    .getByLabel('Handlungsschwerpunkt', { exact: true })
    .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');

/**
 * Drags a card of the canvas's "Karten" panel (in the group of its board) with
 * the mouse onto a field, as a person does: press, move past the activation
 * distance, glide to the field, wait for its highlight, release.
 */
async function dragPanelCard(board: string, text: string, target: Locator): Promise<void> {
  const card = page
    .getByRole('region', { name: board, exact: true })
    .locator('.panel-card')
    .filter({ hasText: text })
    .locator('.panel-card-text');
  await card.scrollIntoViewIfNeeded();
  const box = (await card.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  try {
    for (let step = 1; step <= 5; step += 1) await page.mouse.move(start.x - step * 2, start.y + step * 2);
    await page.locator('.panel-card-overlay').waitFor();
    const end = (await target.boundingBox())!;
    await page.mouse.move(end.x + end.width / 2, end.y + 12, { steps: 12 });
    await target.and(page.locator('.canvas-field-over')).waitFor();
    await frames(page);
    await page.mouse.up();
  } catch (error) {
    await page.keyboard.press('Escape');
    await page.mouse.up();
    throw error;
  }
  await page.locator('.panel-card-overlay').waitFor({ state: 'detached' });
}

/** What the canvas shows for the field "Problem und heutiger Ablauf" after the drop. */
async function expectProblemFieldFilled(): Promise<void> {
  await expect.poll(() => editorOf('problem').inputValue(), { timeout: 10_000 }).toBe(SECOND);
  await expect.poll(() => chips('problem').count()).toBe(1);
  await expect
    .poll(() => chips('problem').locator('> span').first().textContent())
    .toBe(`„${SECOND}“ · ${FOCUS_BOARD}`);
}

/** The inventory card's note of where it went: the clusters board and, through the focus area, the idea. */
const traceBadge = () => note(page, ORIGINAL).locator('.trace-badge');
const FULL_TRACE = `→ Weitergeführt: ${FOCUS_BOARD}, Projektidee „${FOCUS}“`;

// ---------------------------------------------------------------- the file

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  // The projector resolution the boards are laid out for.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await createWorkshop(page, { title: WORKSHOP, template: 'KI-Strategie für die Verwaltung' });
  await openMatrix();
  // A fresh page: the undo history holds nothing but the chain below.
  await page.reload();
  await page.locator('table.matrix').waitFor();
  expect(await historyButton('Rückgängig').isDisabled()).toBe(true);
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

describe('the strategy chain from the inventory to a project idea', () => {
  it('walks from a matrix cell to a focus area and into a project idea, by mouse where a person drags', async () => {
    // 1. Inventory: a card straight into the cell "Soziales und Leistungen" / "Analog".
    await page.getByRole('button', { name: `Karte hinzufügen in „${ROW}“ / „${COLUMN}“` }).click();
    const composer = page.getByRole('textbox', { name: `Neue Karte in „${ROW}“ / „${COLUMN}“` });
    await composer.fill(ORIGINAL);
    await composer.press('Enter');
    await eventually(async () => expect(await cellTexts(ROW, COLUMN)).toEqual([ORIGINAL]), 10_000);
    await composer.press('Escape');
    await composer.waitFor({ state: 'hidden' });

    // 2. Handlungsschwerpunkte: copy the card in; it lands in the pool, saying where it came from.
    await openClusters();
    await expectClusters(clusterState([]));
    await page.getByRole('button', { name: 'Karten übernehmen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Karten übernehmen' });
    await dialog.getByRole('checkbox', { name: ORIGINAL }).check();
    await dialog.getByRole('button', { name: '1 Karte übernehmen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectClusters(clusterState([ORIGINAL]));
    await expect.poll(() => originHint().textContent()).toBe(`übernommen aus: ${INVENTORY}`);

    // A second card in the pool, then the copy dragged onto it: a new cluster named after it.
    const pool = page.locator('.cluster-pool');
    const poolField = pool.getByRole('textbox', { name: 'Neue Karte (noch nicht gruppiert)' });
    if (!(await poolField.isVisible())) await pool.getByRole('button', { name: /^Karte hinzufügen/ }).click();
    await poolField.fill(SECOND);
    await poolField.press('Enter');
    await expectClusters(clusterState([ORIGINAL, SECOND]));
    await poolField.press('Escape');
    await pointerDrag(page, clusterCard(ORIGINAL), clusterCard(SECOND), {
      hovered: hasClass(clusterCard(SECOND), 'cluster-card-newCluster'),
    });
    await expectClusters(clusterState([], [SECOND, [SECOND, ORIGINAL]]));

    // The cluster becomes a focus area through its menu.
    await cluster(SECOND)
      .getByRole('button', { name: `Aktionen für Cluster „${SECOND}“` })
      .click();
    await page.getByRole('button', { name: 'Zum Handlungsschwerpunkt machen …' }).click();
    const promote = page.getByRole('dialog', { name: 'Zum Handlungsschwerpunkt machen' });
    const title = promote.getByRole('textbox', { name: 'Titel des Handlungsschwerpunkts' });
    await expect.poll(() => title.inputValue()).toBe(SECOND);
    await title.fill(FOCUS);
    await promote.getByRole('textbox', { name: 'Kurzbeschreibung' }).fill(DESCRIPTION);
    await promote.getByRole('button', { name: 'Festlegen' }).click();
    await promote.waitFor({ state: 'detached' });
    await expectClusters(clusterState([], [FOCUS, [SECOND, ORIGINAL], true]));
    const focus = cluster(FOCUS);
    await expect.poll(() => focus.locator('.focus-badge').textContent()).toBe('Handlungsschwerpunkt');
    await expect.poll(() => focus.locator('.focus-description').textContent()).toBe(DESCRIPTION);
    await expect.poll(() => originHint().textContent()).toBe(`übernommen aus: ${INVENTORY}`);
    await expectAccessible(page, 'the clusters board with the new focus area');

    // 3. "Projektidee anlegen" in the focus area opens the canvas of an idea titled after it.
    await focus.getByRole('button', { name: `Projektidee anlegen für „${FOCUS}“` }).click();
    await page.getByRole('heading', { level: 2, name: FOCUS, exact: true }).waitFor();
    expect(page.url()).toMatch(/\/b\/[A-Za-z0-9-]+\/i\/[A-Za-z0-9-]+$/);
    await expect.poll(chosenFocusArea).toBe(FOCUS);
    expect(await editorOf('problem').inputValue()).toBe('');
    expect(await chips('problem').count()).toBe(0);

    // The second card, dragged from the "Karten" panel onto "Problem und heutiger Ablauf".
    await dragPanelCard(FOCUS_BOARD, SECOND, field('problem'));
    await expectProblemFieldFilled();
    await expectAccessible(page, 'the canvas with a card taken into a field');
  });

  it('takes back every step with "Rückgängig", newest first, and brings them back with "Wiederholen"', async () => {
    // 7 → the drop: the text and the chip leave the field.
    await undo();
    await expect.poll(() => editorOf('problem').inputValue(), { timeout: 10_000 }).toBe('');
    await expect.poll(() => chips('problem').count()).toBe(0);
    await expect.poll(chosenFocusArea).toBe(FOCUS);

    // 6 → the idea: the canvas says it is gone, the list is empty again.
    await undo();
    await page.getByText('Diese Projektidee gibt es nicht mehr (gelöscht).').waitFor();
    await page.getByRole('link', { name: `Alle Projektideen (${IDEAS_BOARD})` }).click();
    await page.getByText(/^Noch keine Projektideen\./).waitFor();

    // 5 → the focus area: a plain cluster with its old name again.
    await openClusters();
    const promoted = clusterState([], [FOCUS, [SECOND, ORIGINAL], true]);
    await expectClusters(promoted);
    await undo();
    await expectClusters(clusterState([], [SECOND, [SECOND, ORIGINAL]]));
    expect(await cluster(SECOND).locator('.focus-badge').count()).toBe(0);

    // 4 → the drag: the cluster is dissolved, both cards back in the pool.
    await undo();
    await expectClusters(clusterState([ORIGINAL, SECOND]));

    // 3 → the second card is gone.
    await undo();
    await expectClusters(clusterState([ORIGINAL]));
    await expect.poll(() => originHint().textContent()).toBe(`übernommen aus: ${INVENTORY}`);

    // 2 → the copy is gone: the pool is empty.
    await undo();
    await expectClusters(clusterState([]));

    // 1 → the card in the matrix cell is gone; nothing more to undo.
    await openMatrix();
    await eventually(async () => expect(await cellTexts(ROW, COLUMN)).toEqual([ORIGINAL]), 10_000);
    expect(await traceBadge().count()).toBe(0);
    await undo();
    await eventually(async () => expect(await matrixCardCount()).toBe(0), 10_000);
    await expect.poll(() => historyButton('Rückgängig').isDisabled()).toBe(true);

    // "Wiederholen" seven times: the whole chain is back, and the card shows where it went.
    for (let i = 0; i < 7; i += 1) await historyButton('Wiederholen').click();
    await expect.poll(() => historyButton('Wiederholen').isDisabled(), { timeout: 10_000 }).toBe(true);
    await eventually(async () => expect(await cellTexts(ROW, COLUMN)).toEqual([ORIGINAL]), 10_000);
    await expect.poll(() => traceBadge().textContent(), { timeout: 10_000 }).toBe(FULL_TRACE);
  });

  it('keeps everything after a reload; the inventory card shows where it went', async () => {
    await page.reload();
    await page.locator('table.matrix').waitFor();
    await eventually(async () => expect(await cellTexts(ROW, COLUMN)).toEqual([ORIGINAL]), 10_000);
    await expect.poll(() => traceBadge().textContent(), { timeout: 10_000 }).toBe(FULL_TRACE);
    await traceBadge().getByRole('link', { name: FOCUS_BOARD, exact: true }).waitFor();
    await expectAccessible(page, 'the matrix with a trace badge');

    // The clusters board: the focus area with both cards, the copy's hint, a link to the idea.
    await openClusters();
    await expectClusters(clusterState([], [FOCUS, [SECOND, ORIGINAL], true]));
    const focus = cluster(FOCUS);
    await expect.poll(() => focus.locator('.focus-description').textContent()).toBe(DESCRIPTION);
    await expect.poll(() => originHint().textContent()).toBe(`übernommen aus: ${INVENTORY}`);
    const ideaLink = focus.locator('.focus-area-ideas').getByRole('link', { name: FOCUS, exact: true });
    await ideaLink.waitFor();

    // The idea: the field holds the card's text, the chip names its board.
    await ideaLink.click();
    await page.getByRole('heading', { level: 2, name: FOCUS, exact: true }).waitFor();
    await expectProblemFieldFilled();
    await expect.poll(chosenFocusArea).toBe(FOCUS);

    // The trace badge on the matrix card leads to the idea.
    await openMatrix();
    await traceBadge()
      .getByRole('link', { name: `Projektidee „${FOCUS}“` })
      .click();
    await page.getByRole('heading', { level: 2, name: FOCUS, exact: true }).waitFor();
    await expect.poll(() => editorOf('problem').inputValue()).toBe(SECOND);
  });
});
