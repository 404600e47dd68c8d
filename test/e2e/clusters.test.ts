// The clusters board (Handlungsschwerpunkte): cards grouped by mouse, by
// keyboard and through menus, clusters merged and promoted to focus areas,
// cards brought in from the vision board; every step undoable, nothing
// written by a cancelled drag or a drop outside, everything kept on reload.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createWorkshop,
  dndAnnouncement,
  escapeRegExp,
  eventually,
  expectAccessible,
  frames,
  keyboardDrag,
  launchSession,
  pointerDrag,
  type Session,
} from './helpers';
import { liftsWithinMove } from './pointerLift';

const WORKSHOP = 'Cluster-Übung – Größe';
const BOARD = 'Handlungsschwerpunkte';
const VISION = 'Vision: KI in der Verwaltung 2030';
const TEMPLATE_CLUSTERS = [
  'Schnellere Fallbearbeitung',
  'Kürzere Verfahren',
  'Entlastung der Beschäftigten',
  'Besserer Service für Bürger und Unternehmen',
];

const A = 'Akten scannen';
const B = 'E-Akte einführen';
const C = 'Chatbot für Bürgeranfragen';
const D = 'Formulare online';
const E = 'Termine online buchen';
const F = 'Fristen automatisch prüfen';
const G = 'Gebühren online zahlen';
const H = 'Hilfe per Video';

let session: Session;
let page: Page;

interface ClusterState {
  title: string;
  focus: boolean;
  cards: string[];
}
interface BoardState {
  pool: string[];
  clusters: ClusterState[];
}

/** Pool and clusters in the order the user sees them (visually hidden extras removed). */
function readState(): Promise<BoardState> {
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

async function expectState(expected: BoardState): Promise<void> {
  await eventually(async () => expect(await readState()).toEqual(expected));
}

/** The template's four empty clusters, then the given ones. */
function state(pool: string[], ...clusters: Array<[string, string[], boolean?]>): BoardState {
  return {
    pool,
    clusters: [
      ...TEMPLATE_CLUSTERS.map((title) => ({ title, focus: false, cards: [] })),
      ...clusters.map(([title, cards, focus]) => ({ title, focus: focus ?? false, cards })),
    ],
  };
}

const nav = () => page.getByRole('navigation', { name: 'Bereiche des Workshops' });

async function openBoard(title: string): Promise<void> {
  await nav().getByRole('link', { name: title, exact: true }).click();
  await page.locator('.cluster-board').waitFor();
  await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
}

async function reloadBoard(): Promise<void> {
  await page.reload();
  await page.locator('.cluster-pool').waitFor();
}

function card(text: string): Locator {
  return page.locator('li.cluster-card').filter({
    has: page.locator('.note-text', { hasText: new RegExp(`^${escapeRegExp(text)}, `) }),
  });
}

function cluster(title: string): Locator {
  return page.locator('li.cluster').filter({
    has: page.locator('.cluster-title-text', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }),
  });
}

function historyButton(name: 'Rückgängig' | 'Wiederholen'): Locator {
  return page.getByRole('group', { name: 'Verlauf' }).getByRole('button', { name, exact: true });
}

async function addPoolCard(text: string): Promise<void> {
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

const hasClass = (locator: Locator, name: string) => () =>
  eventually(async () => expect(await locator.getAttribute('class')).toContain(name));

/** Drags a cluster by its handle with the mouse and drops it on the middle of another cluster. */
async function dragClusterOnto(
  source: string,
  target: string,
  options: { cancel?: boolean } = {},
): Promise<void> {
  const handle = page.getByRole('button', { name: `Cluster verschieben: ${source}`, exact: true });
  await handle.scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  try {
    for (let step = 1; step <= 5; step += 1) await page.mouse.move(start.x + step * 2, start.y + step * 2);
    await page.locator('.cluster-overlay').waitFor();
    const to = (await cluster(target).boundingBox())!;
    await page.mouse.move(to.x + to.width / 2, to.y + Math.min(40, to.height / 2), { steps: 10 });
    await hasClass(cluster(target), 'cluster-hint-merge')();
    await frames(page);
    if (options.cancel) await page.keyboard.press('Escape');
    await page.mouse.up();
  } catch (error) {
    await page.keyboard.press('Escape');
    await page.mouse.up();
    throw error;
  }
  await page.locator('.cluster-overlay').waitFor({ state: 'detached' });
}

/** Opens a cluster's menu by keyboard and activates one of its items. */
async function clusterMenu(title: string, item: string): Promise<void> {
  await page.getByRole('button', { name: `Aktionen für Cluster „${title}“`, exact: true }).press('Enter');
  await page.getByRole('button', { name: item, exact: true }).press('Enter');
}

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  // The projector resolution the board is laid out for.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await createWorkshop(page, { title: WORKSHOP, template: 'KI-Strategie' });
  await openBoard(BOARD);
  for (const text of [A, B, C, D, E]) await addPoolCard(text);
  await reloadBoard();
  await expectState(state([A, B, C, D, E]));
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

describe('clusters board', () => {
  it('groups by mouse: card on card, card into a cluster, cluster on cluster; each step undoable', async () => {
    // B on A: a new cluster named after A, holding A then B.
    await pointerDrag(page, card(B), card(A), { hovered: hasClass(card(A), 'cluster-card-newCluster') });
    const step1 = state([C, D, E], [A, [A, B]]);
    await expectState(step1);
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Karte „${B}“ abgelegt: neuer Cluster mit Karte „${A}“.`);
    await page.keyboard.press('Control+z');
    await expectState(state([A, B, C, D, E]));
    await page.keyboard.press('Control+Shift+Z');
    await expectState(step1);

    // C onto the cluster's header: it joins at the end.
    await pointerDrag(page, card(C), cluster(A).locator('.cluster-title'), {
      hovered: hasClass(cluster(A), 'cluster-hint-into'),
    });
    const step2 = state([D, E], [A, [A, B, C]]);
    await expectState(step2);
    await historyButton('Rückgängig').click();
    await expectState(step1);
    await page.keyboard.press('Control+y');
    await expectState(step2);

    // C onto the top half of A: reordered inside the cluster, before A.
    const aBox = (await card(A).boundingBox())!;
    await pointerDrag(page, card(C), card(A), { hovered: hasClass(card(A), 'cluster-card-before') });
    expect(aBox.height).toBeGreaterThan(0);
    await expectState(state([D, E], [A, [C, A, B]]));
    await page.keyboard.press('Control+z');
    await expectState(step2);

    // E on D makes a second cluster; dragging it onto the first merges them.
    await pointerDrag(page, card(E), card(D), { hovered: hasClass(card(D), 'cluster-card-newCluster') });
    const step3 = state([], [A, [A, B, C]], [D, [D, E]]);
    await expectState(step3);
    await dragClusterOnto(D, A);
    const step4 = state([], [A, [A, B, C, D, E]]);
    await expectState(step4);
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Cluster „${D}“ mit Cluster „${A}“ zusammengeführt.`);
    await page.keyboard.press('Control+z');
    await expectState(step3);
    await page.keyboard.press('Control+Shift+Z');
    await expectState(step4);

    // A card dragged onto the pool leaves its cluster.
    await pointerDrag(page, card(E), page.locator('.cluster-pool-header h3'), {
      hovered: hasClass(page.locator('.cluster-pool'), 'cluster-pool-over'),
    });
    await expectState(state([E], [A, [A, B, C, D]]));

    await reloadBoard();
    await expectState(state([E], [A, [A, B, C, D]]));
  });

  it('promotes a cluster to a focus area (validated), shows it, and undoes that', async () => {
    await cluster(A)
      .getByRole('button', { name: `Aktionen für Cluster „${A}“` })
      .click();
    await page.getByRole('button', { name: 'Zum Handlungsschwerpunkt machen …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Zum Handlungsschwerpunkt machen' });
    const title = dialog.getByRole('textbox', { name: 'Titel des Handlungsschwerpunkts' });
    await expect.poll(() => title.inputValue()).toBe(A);
    await title.fill('   ');
    await dialog.getByRole('textbox', { name: 'Kurzbeschreibung' }).fill('x'.repeat(1001));
    await dialog.getByRole('button', { name: 'Festlegen' }).click();
    await expect
      .poll(() => dialog.locator('.field-error').allTextContents())
      .toEqual([
        'Bitte geben Sie einen Text für „Titel des Handlungsschwerpunkts“ ein.',
        '„Kurzbeschreibung“ darf höchstens 1.000 Zeichen lang sein (jetzt 1.001).',
      ]);
    await expectAccessible(page, 'the focus-area dialog with errors');
    await title.fill('Digitale Akte');
    await dialog
      .getByRole('textbox', { name: 'Kurzbeschreibung' })
      .fill('Bis 2027 arbeitet das Amt papierlos.');
    await dialog.getByRole('button', { name: 'Festlegen' }).click();
    await dialog.waitFor({ state: 'detached' });

    const promoted = state([E], ['Digitale Akte', [A, B, C, D], true]);
    await expectState(promoted);
    const focus = cluster('Digitale Akte');
    await expect.poll(() => focus.locator('.focus-badge').textContent()).toBe('Handlungsschwerpunkt');
    await expect
      .poll(() => focus.locator('.focus-description').textContent())
      .toBe('Bis 2027 arbeitet das Amt papierlos.');
    await focus.getByRole('button', { name: 'Projektidee anlegen für „Digitale Akte“' }).waitFor();
    await expectAccessible(page, 'the board with clusters and a focus area');

    await page.keyboard.press('Control+z');
    await expectState(state([E], [A, [A, B, C, D]]));
    await page.keyboard.press('Control+Shift+Z');
    await expectState(promoted);
    await reloadBoard();
    await expectState(promoted);
  });

  it('writes nothing when a drag is cancelled with Escape or dropped outside every target', async () => {
    const before = state([E], ['Digitale Akte', [A, B, C, D], true]);
    await expectState(before);
    // The reload at the end of the last test started a fresh history.
    expect(await historyButton('Rückgängig').isDisabled()).toBe(true);

    await pointerDrag(page, card(E), card(A), {
      hovered: hasClass(card(A), 'cluster-card-before'),
      cancel: true,
    });
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Verschieben abgebrochen. Karte „${E}“: nichts geändert.`);
    await expectState(before);

    await dragClusterOnto('Digitale Akte', TEMPLATE_CLUSTERS[0]!, { cancel: true });
    await expectState(before);

    await keyboardDrag(page, E, ['ArrowDown', 'ArrowDown'], { cancel: true });
    await expectState(before);

    // Dropped on the board's title: outside the pool and every cluster.
    await pointerDrag(page, card(B), page.getByRole('heading', { level: 2, name: BOARD }), {
      hovered: () =>
        expect
          .poll(() => dndAnnouncement(page).textContent())
          .toBe(`Karte „${B}“: außerhalb aller Ziele. Loslassen ändert nichts.`),
    });
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Karte „${B}“ außerhalb losgelassen; es hat sich nichts geändert.`);
    await expectState(before);

    // The card lifts within the pointer move that starts the drag, not a frame later.
    expect(await liftsWithinMove(page, card(C).locator('.note-text'), '.note-overlay')).toBe(true);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await page.locator('.note-overlay').waitFor({ state: 'detached' });
    await expectState(before);

    // Nothing was recorded either: there is nothing to undo.
    expect(await historyButton('Rückgängig').isDisabled()).toBe(true);
    await reloadBoard();
    await expectState(before);
  });

  it('does everything by keyboard: menus, the move dialog and keyboard dragging', async () => {
    for (const text of [F, G, H]) await addPoolCard(text);
    await reloadBoard();
    const focusArea: [string, string[], boolean] = ['Digitale Akte', [A, B, C, D], true];
    await expectState(state([E, F, G, H], focusArea));

    // "Verschieben nach …": F with G into a new cluster.
    await page.getByRole('button', { name: `Verschieben nach …: ${F}` }).press('Enter');
    let dialog = page.getByRole('dialog', { name: 'Karte verschieben nach …' });
    await dialog.getByRole('combobox', { name: 'Ziel' }).selectOption({ label: `Neuer Cluster mit „${G}“` });
    await dialog.getByRole('button', { name: 'Verschieben', exact: true }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const step1 = state([E, H], focusArea, [G, [G, F]]);
    await expectState(step1);
    await page.keyboard.press('Control+z');
    await expectState(state([E, F, G, H], focusArea));
    await page.keyboard.press('Control+y');
    await expectState(step1);

    // H into that cluster, after G.
    await page.getByRole('button', { name: `Verschieben nach …: ${H}` }).press('Enter');
    dialog = page.getByRole('dialog', { name: 'Karte verschieben nach …' });
    await dialog.getByRole('combobox', { name: 'Ziel' }).selectOption({ label: `Cluster „${G}“` });
    await dialog.getByRole('combobox', { name: 'Position' }).selectOption({ label: `Nach „${G}“` });
    await expectAccessible(page, 'the move dialog of a clusters board');
    await dialog.getByRole('button', { name: 'Verschieben', exact: true }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expectState(state([E], focusArea, [G, [G, H, F]]));

    // Keyboard drag: F one stop up lands before H.
    await keyboardDrag(page, F, ['ArrowUp']);
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe(`Karte „${F}“ abgelegt in „${G}“ an Position 2.`);
    const step3 = state([E], focusArea, [G, [G, F, H]]);
    await expectState(step3);
    await page.keyboard.press('Control+z');
    await expectState(state([E], focusArea, [G, [G, H, F]]));
    await page.keyboard.press('Control+Shift+Z');
    await expectState(step3);

    // "Nach oben" moves the cluster before the focus area.
    await clusterMenu(G, 'Nach oben');
    const moved = state([E], [G, [G, F, H]], focusArea);
    await eventually(async () =>
      expect((await readState()).clusters.slice(-2)).toEqual(moved.clusters.slice(-2)),
    );

    // "Zusammenführen mit …" merges it into the focus area.
    await clusterMenu(G, 'Zusammenführen mit …');
    dialog = page.getByRole('dialog', { name: `„${G}“ zusammenführen mit …` });
    await dialog.getByRole('combobox', { name: 'Ziel-Cluster' }).selectOption({ label: 'Digitale Akte' });
    await dialog.getByRole('button', { name: 'Zusammenführen' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const merged = state([E], ['Digitale Akte', [A, B, C, D, G, F, H], true]);
    await expectState(merged);

    // A template cluster becomes a focus area by keyboard; Enter in the title field submits.
    await clusterMenu(TEMPLATE_CLUSTERS[1]!, 'Zum Handlungsschwerpunkt machen …');
    dialog = page.getByRole('dialog', { name: 'Zum Handlungsschwerpunkt machen' });
    await page.keyboard.press('Tab');
    await page.keyboard.type('Genehmigungen in Wochen statt Monaten.');
    await dialog.getByRole('textbox', { name: 'Titel des Handlungsschwerpunkts' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () =>
      expect((await readState()).clusters[1]).toEqual({
        title: TEMPLATE_CLUSTERS[1],
        focus: true,
        cards: [],
      }),
    );

    // Each step is undone in turn with Ctrl+Z.
    await page.keyboard.press('Control+z');
    await expectState(merged);
    await page.keyboard.press('Control+z');
    await eventually(async () =>
      expect((await readState()).clusters.slice(-2)).toEqual(moved.clusters.slice(-2)),
    );
    await page.keyboard.press('Control+Shift+Z');
    await expectState(merged);
    await page.keyboard.press('Control+Shift+Z');
    await eventually(async () => expect((await readState()).clusters[1]!.focus).toBe(true));
    await reloadBoard();
    await eventually(async () => expect((await readState()).clusters[1]!.focus).toBe(true));
    await expect
      .poll(async () => (await readState()).clusters.at(-1))
      .toEqual({
        title: 'Digitale Akte',
        focus: true,
        cards: [A, B, C, D, G, F, H],
      });
  });

  it('collapses a cluster to its title and card count, and splits one by choosing cards', async () => {
    const focus = cluster('Digitale Akte');
    await focus.getByRole('button', { name: 'Cluster einklappen: Digitale Akte' }).click();
    await eventually(async () => expect(await focus.locator('li.cluster-card').count()).toBe(0));
    await expect.poll(() => focus.locator('.cluster-card-count').textContent()).toBe('7 Karten');
    await expectAccessible(page, 'the board with a collapsed focus area');
    await focus.getByRole('button', { name: 'Cluster ausklappen: Digitale Akte' }).click();
    await eventually(async () => expect(await focus.locator('li.cluster-card').count()).toBe(7));

    await clusterMenu('Digitale Akte', 'Aufteilen …');
    const dialog = page.getByRole('dialog', { name: '„Digitale Akte“ aufteilen' });
    await dialog.getByRole('checkbox', { name: G }).check();
    await dialog.getByRole('checkbox', { name: H }).check();
    await dialog.getByRole('textbox', { name: 'Name des neuen Clusters' }).fill('Online-Dienste');
    await dialog.getByRole('button', { name: 'Aufteilen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () =>
      expect((await readState()).clusters.slice(-2)).toEqual([
        { title: 'Digitale Akte', focus: true, cards: [A, B, C, D, F] },
        { title: 'Online-Dienste', focus: false, cards: [G, H] },
      ]),
    );
  });

  it('moves a cluster by keyboard dragging: arrows step over the edges and middles of the others', async () => {
    const order = async () => (await readState()).clusters.slice(-2).map((c) => c.title);
    await eventually(async () => expect(await order()).toEqual(['Digitale Akte', 'Online-Dienste']));
    const handle = page.getByRole('button', { name: 'Cluster verschieben: Online-Dienste', exact: true });
    await handle.focus();
    await page.keyboard.press('Space');
    await page.locator('.cluster-overlay').waitFor();
    await expect
      .poll(() => dndAnnouncement(page).textContent())
      .toBe('Cluster „Online-Dienste“ aufgenommen.');
    // Up: the back edge of "Digitale Akte", its middle (merge), its front edge.
    await page.keyboard.press('ArrowUp');
    await hasClass(cluster('Digitale Akte'), 'cluster-hint-after')();
    await page.keyboard.press('ArrowUp');
    await hasClass(cluster('Digitale Akte'), 'cluster-hint-merge')();
    await expect
      .poll(() => page.locator('.visually-hidden[role="status"]').textContent())
      .toBe('Cluster „Online-Dienste“ über Cluster „Digitale Akte“: Ablegen führt beide zusammen.');
    await page.keyboard.press('ArrowUp');
    await hasClass(cluster('Digitale Akte'), 'cluster-hint-before')();
    await page.keyboard.press('Space');
    await page.locator('.cluster-overlay').waitFor({ state: 'detached' });
    await eventually(async () => expect(await order()).toEqual(['Online-Dienste', 'Digitale Akte']));
    await page.keyboard.press('Control+z');
    await eventually(async () => expect(await order()).toEqual(['Digitale Akte', 'Online-Dienste']));
  });

  it('brings cards in from the vision board as linked copies, never the same one twice', async () => {
    await openBoard(VISION);
    await addPoolCard('Alle Leistungen sind digital erreichbar');
    await addPoolCard('KI entlastet bei Routinefällen');
    await openBoard(BOARD);

    await page.getByRole('button', { name: 'Karten übernehmen …' }).click();
    let dialog = page.getByRole('dialog', { name: 'Karten übernehmen' });
    await dialog.getByRole('searchbox', { name: 'Karten durchsuchen' }).fill('routine');
    await dialog.getByRole('checkbox', { name: 'KI entlastet bei Routinefällen' }).check();
    await expectAccessible(page, 'the bring-in dialog');
    await dialog.getByRole('button', { name: '1 Karte übernehmen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const copy = card('KI entlastet bei Routinefällen');
    await expect
      .poll(() => copy.locator('.cluster-card-origin').textContent())
      .toBe(`übernommen aus: ${VISION}`);
    await eventually(async () =>
      expect((await readState()).pool).toEqual([E, 'KI entlastet bei Routinefällen']),
    );

    // The same card cannot be chosen again, and the dialog says why.
    await page.getByRole('button', { name: 'Karten übernehmen …' }).click();
    dialog = page.getByRole('dialog', { name: 'Karten übernehmen' });
    const again = dialog.getByRole('checkbox', { name: /^KI entlastet bei Routinefällen/ });
    await expect.poll(() => again.isDisabled()).toBe(true);
    await expect
      .poll(() => dialog.locator('.cluster-check-done').textContent())
      .toBe('KI entlastet bei Routinefällen – schon übernommen');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.keyboard.press('Control+z');
    await eventually(async () => expect((await readState()).pool).toEqual([E]));
    await page.keyboard.press('Control+Shift+Z');
    await eventually(async () =>
      expect((await readState()).pool).toEqual([E, 'KI entlastet bei Routinefällen']),
    );
    await reloadBoard();
    await eventually(async () =>
      expect((await readState()).pool).toEqual([E, 'KI entlastet bei Routinefällen']),
    );
  });
  it('renames, demotes, dissolves and deletes clusters through their menus', async () => {
    const titles = async () => (await readState()).clusters.map((c) => c.title);
    await clusterMenu('Online-Dienste', 'Umbenennen …');
    let dialog = page.getByRole('dialog', { name: 'Cluster umbenennen' });
    const field = dialog.getByRole('textbox', { name: 'Name des Clusters' });
    await field.fill('');
    await field.press('Enter');
    await dialog.getByText('Bitte geben Sie einen Text für „Name des Clusters“ ein.').waitFor();
    await field.fill('Digitale Dienste');
    await field.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await eventually(async () => expect((await titles()).at(-1)).toBe('Digitale Dienste'));

    await clusterMenu(TEMPLATE_CLUSTERS[1]!, 'Handlungsschwerpunkt aufheben …');
    dialog = page.getByRole('dialog', { name: `Handlungsschwerpunkt „${TEMPLATE_CLUSTERS[1]}“ aufheben?` });
    await dialog.getByRole('button', { name: 'Aufheben' }).click();
    await eventually(async () => expect((await readState()).clusters[1]!.focus).toBe(false));

    await clusterMenu('Digitale Dienste', 'Auflösen …');
    dialog = page.getByRole('dialog', { name: 'Cluster „Digitale Dienste“ auflösen?' });
    await dialog.getByRole('button', { name: 'Auflösen' }).click();
    await eventually(async () =>
      expect(await readState()).toEqual(
        state([E, 'KI entlastet bei Routinefällen', G, H], ['Digitale Akte', [A, B, C, D, F], true]),
      ),
    );

    await clusterMenu('Digitale Akte', 'Löschen …');
    dialog = page.getByRole('dialog', { name: 'Cluster „Digitale Akte“ löschen?' });
    await expect
      .poll(() => dialog.locator('.dialog-description').textContent())
      .toBe('Der Cluster wird mit seinen 5 Karten gelöscht. „Rückgängig“ holt alles zurück.');
    await dialog.getByRole('button', { name: 'Löschen' }).click();
    await eventually(async () => expect(await titles()).toEqual(TEMPLATE_CLUSTERS));
    expect(await card(A).count()).toBe(0);
    await page.locator('.toast').getByRole('button', { name: 'Rückgängig' }).click();
    await eventually(async () =>
      expect((await readState()).clusters.at(-1)).toEqual({
        title: 'Digitale Akte',
        focus: true,
        cards: [A, B, C, D, F],
      }),
    );
    await reloadBoard();
    await eventually(async () => expect((await titles()).at(-1)).toBe('Digitale Akte'));
    await expectAccessible(page, 'the board after deleting and restoring a focus area');
  });
});
