// A big clusters board (1,000 cards in 20 clusters, imported as a backup like
// the benchmark's workshops): only the cards near the screen are in the page,
// yet the keyboard reaches every card, the focus follows a card moved far
// away, scrolling renders what comes into view, and the screen-reader
// overview still lists every cluster.
import 'fake-indexeddb/auto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardText, SUBJECTS } from '../../scripts/bench/cardText';
import { benchBackupText } from '../../scripts/bench/seed';
import {
  dndAnnouncement,
  escapeRegExp,
  eventually,
  expectAccessible,
  frames,
  keyboardDrag,
  launchSession,
  shorten,
  type Session,
} from './helpers';
import { startFocusTrail } from './keyboardHelpers';

const SPEC = { title: 'Großes Board', clusters: 20, notes: 1000 };
const PER_CLUSTER = SPEC.notes / SPEC.clusters;

let session: Session;
let page: Page;
const backupFile = join(tmpdir(), `moderato-big-board-${process.pid}.moderato.json`);

const cardsInDom = () => page.locator('li.cluster-card').count();
const cardByText = (text: string) => page.locator('li.cluster-card', { hasText: text });

/** The text of the card that holds the focus ('' when none does). */
const focusedCard = () =>
  page.evaluate(() => {
    const card = document.activeElement?.closest('li.cluster-card');
    const text = card?.querySelector('.note-text')?.cloneNode(true) as HTMLElement | undefined;
    text?.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
    return text?.textContent ?? '';
  });

/** Whether the element holding the focus lies on the screen. */
const focusOnScreen = () =>
  page.evaluate(() => {
    const box = document.activeElement!.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  });

describe('a big clusters board', () => {
  beforeAll(async () => {
    session = await launchSession();
    page = session.page;
    await writeFile(backupFile, await benchBackupText(SPEC, '0.0.0-e2e'));
    await page.goto(`${session.baseUrl}#/backups`);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Sicherung importieren …', exact: true }).click(),
    ]);
    await chooser.setFiles(backupFile);
    await page
      .getByRole('dialog', { name: 'Sicherung importieren' })
      .getByRole('button', { name: 'Importieren', exact: true })
      .click();
    const toast = page.locator('.toast', { hasText: 'Sicherung importiert' });
    await toast.waitFor({ timeout: 60_000 });
    await toast.getByRole('button', { name: 'Meldung schließen' }).click();
    await page.goto(`${session.baseUrl}#/`);
    await page.getByRole('link', { name: SPEC.title, exact: true }).click();
    await page
      .getByRole('navigation', { name: 'Bereiche des Workshops' })
      .getByRole('link', { name: /^Handlungsschwerpunkte/ })
      .first()
      .click();
    await page.locator('.cluster-board li.cluster-card').first().waitFor({ timeout: 30_000 });
  }, 180_000);

  afterEach(async () => {
    await session.expectClean();
  });

  afterAll(async () => {
    await session?.close();
    await rm(backupFile, { force: true });
  });

  it('keeps only the cards near the screen in the page, and lists every cluster for screen readers', async () => {
    await frames(page, 3);
    expect(await page.locator('.board-summary').textContent()).toContain('1.000 Karten');
    const shown = await cardsInDom();
    expect(shown).toBeGreaterThan(4);
    expect(shown).toBeLessThan(250);
    // The first card is there, the last cluster's cards are not.
    await expect(cardByText(cardText(0)).count()).resolves.toBe(1);
    await expect(cardByText(cardText(SPEC.notes - 1)).count()).resolves.toBe(0);
    // Every cluster is still in the page (its header; those below the first screen come right
    // after its first paint) and in the overview.
    await eventually(async () => expect(await page.locator('li.cluster').count()).toBe(SPEC.clusters));
    const overview = page.getByRole('list', { name: 'Übersicht der Cluster' });
    expect(await overview.getByRole('listitem').count()).toBe(SPEC.clusters);
    await expectAccessible(page, 'big clusters board');
  });

  it('reaches a far card of a cluster with Tab, rendering the cards as the focus moves down', async () => {
    const target = cardText(PER_CLUSTER - 1); // the last card of the first cluster
    await expect(cardByText(target).count()).resolves.toBe(0);
    await cardByText(cardText(0)).locator('[data-drag-handle]').focus();
    let reached = false;
    for (let i = 0; i < PER_CLUSTER * 12 && !reached; i += 1) {
      // At a person's pace: a frame between two key presses.
      await page.keyboard.press('Tab');
      await frames(page);
      reached = (await focusedCard()) === target;
    }
    expect(reached).toBe(true);
    expect(await focusOnScreen()).toBe(true);
    // The cards left behind at the top went out of the page again.
    await eventually(async () => expect(await cardByText(cardText(0)).count()).toBe(0));
    expect(await cardsInDom()).toBeLessThan(250);
    // And back with Shift+Tab: a card has several controls, the previous card comes after a few.
    for (let i = 0; i < 12 && (await focusedCard()) !== cardText(PER_CLUSTER - 2); i += 1)
      await page.keyboard.press('Shift+Tab');
    expect(await focusedCard()).toBe(cardText(PER_CLUSTER - 2));
  });

  it('lets the focus follow a card moved by the dialog to the far end of the last cluster', async () => {
    const moved = cardText(1);
    await page.evaluate(() => scrollTo(0, 0));
    const card = cardByText(moved);
    await card.waitFor();
    await card.getByRole('button', { name: /^Verschieben nach/ }).press('Enter');
    const dialog = page.getByRole('dialog');
    const lastTitle = `Cluster ${SPEC.clusters}: ${SUBJECTS[(SPEC.clusters - 1) % SUBJECTS.length]}`;
    await dialog.getByRole('combobox', { name: 'Ziel' }).selectOption({ label: `Cluster „${lastTitle}“` });
    // At the end of that cluster: after its last card.
    await dialog
      .getByRole('combobox', { name: 'Position' })
      .selectOption({ label: `Nach „${shorten(cardText(SPEC.notes - 1), 40)}“` });
    const focusTrail = await startFocusTrail(page, 'li.cluster');
    await dialog.getByRole('button', { name: 'Verschieben', exact: true }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    // The focus in the card's new place, straight from the dialog: the dialog closes once the move
    // is shown and gives the focus to the card's button there. (It used to give it back to its opener
    // in the card's old place, the first cluster, before the move rendered; the move then removed that
    // element, the focus fell to <body>, and FocusKeeper put it into the new place a frame later.)
    // Waiting for the text alone could also end this test before a late scroll to the focus, which
    // then came during the next one (after its scroll to the top) and took its card out of the page.
    const inLastCluster = () =>
      page.evaluate(() => {
        const clusters = document.querySelectorAll('li.cluster');
        return !!clusters[clusters.length - 1]?.contains(document.activeElement);
      });
    await eventually(async () => {
      expect(await focusedCard()).toBe(moved);
      expect(await inLastCluster()).toBe(true);
    }, 5_000);
    expect(await focusOnScreen()).toBe(true);
    const trail = await focusTrail();
    // Straight from the dialog into the last cluster: not through the first one, nor the page.
    expect(trail.filter((place) => place !== 'dialog')).toEqual([`${SPEC.clusters} of ${SPEC.clusters}`]);
    // On the button that opened the dialog, in the card's new place.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(
      /^Verschieben nach/,
    );
    const last = page.locator('li.cluster').last();
    await expect(
      last.locator('li.cluster-card').last().locator('.note-text').textContent(),
    ).resolves.toContain(moved);
    expect(await cardsInDom()).toBeLessThan(300);
  });

  it('moves a card by keyboard drag past cards that were not rendered yet, announcing each step', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    const dragged = cardText(2);
    await cardByText(dragged).waitFor();
    const far = cardText(23);
    await expect(cardByText(far).count()).resolves.toBe(0);
    // 21 steps down, card by card, past card 24 of the first cluster (far below the screen at the start).
    await keyboardDrag(page, dragged, Array<string>(21).fill('ArrowDown'));
    const cluster = `Cluster 1: ${SUBJECTS[0]}`;
    const dropped = new RegExp(
      `^Karte „${escapeRegExp(shorten(dragged, 60))}“ abgelegt in „${escapeRegExp(cluster)}“ an Position (\\d+)\\.$`,
    );
    await eventually(async () => expect(await dndAnnouncement(page).textContent()).toMatch(dropped));
    const position = Number(dropped.exec((await dndAnnouncement(page).textContent()) ?? '')![1]);
    await eventually(async () => expect(await focusedCard()).toBe(dragged));
    // Scrolled into view once the board shows the card in its new place.
    await eventually(async () => expect(await focusOnScreen()).toBe(true));
    // The card is where the announcement said, far down the cluster: past the cards not rendered at the start.
    expect(position).toBeGreaterThanOrEqual(20);
    const order = await page
      .locator('li.cluster')
      .first()
      .locator('li.cluster-card .note-text')
      .evaluateAll((texts) => texts.map((t) => t.firstChild?.textContent ?? ''));
    // Before it in the cluster: card 1, then cards 4, 5 … (card 2 went to the last cluster above).
    const before = order[order.indexOf(dragged) - 1]!;
    expect(before).toBe(cardText(position));
    expect(await cardsInDom()).toBeLessThan(250);
  });

  it('renders the cards of clusters scrolled into view', async () => {
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await eventually(async () => expect(await cardByText(cardText(SPEC.notes - 1)).count()).toBe(1));
    expect(await cardByText(cardText(0)).count()).toBe(0);
    expect(await cardsInDom()).toBeLessThan(250);
    await page.evaluate(() => scrollTo(0, 0));
    await eventually(async () => expect(await cardByText(cardText(0)).count()).toBe(1));
  });

  it('finds cards that are not rendered (Strg+F), shows one hit at a time and goes to it', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    await cardByText(cardText(0)).waitFor();
    const hit = () => page.locator('li.cluster-card.card-search-hit');
    const said = () => page.locator('div.visually-hidden[role="status"][aria-live="polite"]').textContent();
    const field = page.getByRole('searchbox', { name: 'Karten suchen' });
    await page.locator('.board-title').click();
    await page.keyboard.press('Control+f');
    await eventually(async () =>
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search'),
    );
    // Cards 99 and 990 … 999: eleven, most of them far below, not in the page.
    await page.keyboard.type('(karte 99');
    await expect.poll(() => page.locator('.card-search-status').textContent()).toBe('11 Treffer');
    await expect(cardByText(cardText(989)).count()).resolves.toBe(0);
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await hit().locator('.note-text').textContent()).toContain(cardText(98)),
    );
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect(await hit().locator('.note-text').textContent()).toContain(cardText(989)),
    );
    // Shown on the screen (the mark may come a frame before the scroll that brings the card
    // in: the clean-clone run measured it once still far below), said with where it is;
    // the cursor stays in the field.
    const viewport = page.viewportSize()!;
    await eventually(async () => {
      const box = (await hit().boundingBox())!;
      expect(box.y).toBeGreaterThan(0);
      expect(box.y + box.height).toBeLessThan(viewport.height);
    });
    const lastCluster = `Cluster ${SPEC.clusters}: ${SUBJECTS[(SPEC.clusters - 1) % SUBJECTS.length]}`;
    await eventually(async () =>
      expect(await said()).toBe(
        `Treffer 2 von 11: ${shorten(cardText(989), 80)} – im Cluster „${lastCluster}“`,
      ),
    );
    expect(await page.locator('.card-search-status').textContent()).toBe('2 von 11');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    expect(await cardsInDom()).toBeLessThan(300);
    await page.keyboard.press('Shift+Enter');
    await eventually(async () =>
      expect(await hit().locator('.note-text').textContent()).toContain(cardText(98)),
    );
    // "Zur Karte": the focus goes to the card shown.
    await page.keyboard.press('Shift+Enter');
    await eventually(async () =>
      expect(await hit().locator('.note-text').textContent()).toContain(cardText(998)),
    );
    await field.press('Tab');
    for (
      let i = 0;
      i < 4 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Zur Karte';
      i += 1
    )
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await focusedCard()).toBe(cardText(998)));
    expect(await focusOnScreen()).toBe(true);
    // Escape in the field empties it: no card is marked any more.
    await field.focus();
    await page.keyboard.press('Escape');
    expect(await field.inputValue()).toBe('');
    await eventually(async () => expect(await hit().count()).toBe(0));
    await expectAccessible(page, 'board search');
  });

  it('opens a collapsed cluster to show a card found in it', async () => {
    const title = `Cluster 3: ${SUBJECTS[2 % SUBJECTS.length]}`;
    await page.evaluate(() => scrollTo(0, 0));
    const collapse = page.getByRole('button', { name: `Cluster einklappen: ${title}` });
    await collapse.scrollIntoViewIfNeeded();
    await collapse.click();
    await page.getByRole('button', { name: `Cluster ausklappen: ${title}` }).waitFor();
    const target = cardText(2 * PER_CLUSTER + 5);
    await expect(cardByText(target).count()).resolves.toBe(0);
    const field = page.getByRole('searchbox', { name: 'Karten suchen' });
    await field.fill(`(Karte ${2 * PER_CLUSTER + 6})`);
    await field.press('Enter');
    await page.getByRole('button', { name: `Cluster einklappen: ${title}` }).waitFor();
    await eventually(async () =>
      expect(await page.locator('li.card-search-hit .note-text').textContent()).toContain(target),
    );
    await field.press('Escape');
  });
});
