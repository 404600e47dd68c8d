import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop, eventually, expectAccessible, frames, launchSession, type Session } from './helpers';

const WORKSHOP = 'Projektideen – Übung';
const VISION_CARD = 'Bürger stellen Anträge rund um die Uhr online';
const INVENTORY_CARD = 'Wohngeld: sechs Wochen Bearbeitung, viel Papier';
const FOCUS_AREA = 'Kürzere Verfahren';
const COLUMNS_BOARD = 'Ideensammlung';
const COLUMNS_CARD = 'Chatbot für Bürgeranfragen';
const IDEA = 'Wohngeld-Assistent';
// Exactly 20,000 characters with line breaks and umlauts, ending in a word (nothing to trim).
const LONG = `${'Ärger mit Papierakten.\nÜberall Medienbrüche. '.repeat(500).slice(0, 19_995)}Ende.`;

let session: Session;
let page: Page;

/**
 * Puts cards on the vision and inventory boards, a copy of the vision card in
 * the focus area, and promotes the cluster "Kürzere Verfahren" — written
 * straight into IndexedDB, as those boards are not what this file tests.
 */
async function seedCards(workshopId: string): Promise<void> {
  await page.evaluate(
    async ({ workshopId, visionText, inventoryText, focusArea, columnsTitle, columnsText }) => {
      const done = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const db = await done(indexedDB.open('moderato'));
      const tx = db.transaction(['boards', 'columns', 'notes', 'clusters', 'boardCaches'], 'readwrite');
      // Written past Dexie: the boards' kept copies go and the writes token is renewed, as the
      // app's own writes do (renderer/src/persistence/boardCache.ts).
      tx.objectStore('boardCaches').clear();
      tx.objectStore('boardCaches').put({ id: '#writes', token: crypto.randomUUID() });
      const boards = (await done(tx.objectStore('boards').getAll())) as Array<{
        id: string;
        workshopId: string;
        phase: string | null;
      }>;
      const mine = boards.filter((b) => b.workshopId === workshopId);
      const byPhase = (phase: string) => mine.find((b) => b.phase === phase)!.id;
      const clusters = (await done(tx.objectStore('clusters').getAll())) as Array<{
        id: string;
        boardId: string;
        title: string;
        focusAreaAt: number | null;
      }>;
      const cluster = clusters.find((c) => c.boardId === byPhase('focus') && c.title === focusArea)!;
      await done(tx.objectStore('clusters').put({ ...cluster, focusAreaAt: Date.now() }));
      const note = (id: string, boardId: string, text: string, extra: object = {}) => ({
        id,
        boardId,
        columnId: null,
        rowId: null,
        clusterId: null,
        text,
        color: 'green',
        rank: 'a0',
        sourceNoteId: null,
        facts: null,
        createdAt: Date.now(),
        updatedAt: Date.now(),
        ...extra,
      });
      const visionId = crypto.randomUUID();
      await done(tx.objectStore('notes').put(note(visionId, byPhase('vision'), visionText)));
      // A plain columns board, where a card shows where it went.
      const columnsBoard = crypto.randomUUID();
      const column = crypto.randomUUID();
      await done(
        tx.objectStore('boards').put({
          id: columnsBoard,
          workshopId,
          title: columnsTitle,
          phase: null,
          kind: 'columns',
          rank: 'z0',
          createdAt: Date.now(),
        }),
      );
      await done(
        tx.objectStore('columns').put({ id: column, boardId: columnsBoard, title: 'Ideen', rank: 'a0' }),
      );
      await done(
        tx
          .objectStore('notes')
          .put(note(crypto.randomUUID(), columnsBoard, columnsText, { columnId: column })),
      );
      await done(tx.objectStore('notes').put(note(crypto.randomUUID(), byPhase('inventory'), inventoryText)));
      await done(
        tx.objectStore('notes').put(
          note(crypto.randomUUID(), byPhase('focus'), visionText, {
            sourceNoteId: visionId,
            clusterId: cluster.id,
          }),
        ),
      );
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    {
      workshopId,
      visionText: VISION_CARD,
      inventoryText: INVENTORY_CARD,
      focusArea: FOCUS_AREA,
      columnsTitle: COLUMNS_BOARD,
      columnsText: COLUMNS_CARD,
    },
  );
}

const field = (key: string): Locator => page.locator(`[data-field="${key}"]`);
const editorOf = (key: string): Locator => field(key).locator('textarea, input, select').first();
const VISION_BOARD = 'Vision: KI in der Verwaltung 2030';
const INVENTORY_BOARD = 'Bestandsaufnahme: Reifegrad der Prozesse';
/** A card of the "Karten" panel, in the group of its board. */
const panelCard = (board: string, text: string): Locator =>
  page.getByRole('region', { name: board, exact: true }).locator('.panel-card').filter({ hasText: text });
const chips = (key: string): Locator => field(key).locator('.source-chip');
const history = (name: 'Rückgängig' | 'Wiederholen') =>
  page.getByRole('group', { name: 'Verlauf' }).getByRole('button', { name, exact: true });

/** Leaves the field (its edit becomes one undo step) and waits until every field is saved. */
async function settle(): Promise<void> {
  await page.locator('.idea-heading').click();
  await eventually(async () => expect(await page.locator('[data-saved="false"]').count()).toBe(0));
  await frames(page, 4);
}

async function dragCard(text: string, target: Locator | null, options: { cancel?: boolean } = {}) {
  const card = panelCard(VISION_BOARD, text).locator('.panel-card-text');
  await card.scrollIntoViewIfNeeded();
  const box = (await card.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let step = 1; step <= 5; step += 1) await page.mouse.move(start.x - step * 2, start.y + step * 2);
  await page.locator('.panel-card-overlay').waitFor();
  if (target) {
    const end = (await target.boundingBox())!;
    await page.mouse.move(end.x + end.width / 2, end.y + 12, { steps: 12 });
    await target.and(page.locator('.canvas-field-over')).waitFor();
  } else {
    await page.mouse.move(start.x, 5, { steps: 12 });
  }
  await frames(page);
  if (options.cancel) await page.keyboard.press('Escape');
  await page.mouse.up();
  await page.locator('.panel-card-overlay').waitFor({ state: 'detached' });
}

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  await createWorkshop(page, { title: WORKSHOP, template: 'KI-Strategie für die Verwaltung' });
  const workshopId = /#\/w\/([A-Za-z0-9-]+)/.exec(page.url())![1]!;
  await seedCards(workshopId);
  await page.reload();
  await page
    .getByRole('navigation', { name: 'Bereiche des Workshops' })
    .getByRole('link', { name: 'Projektideen', exact: true })
    .click();
  await page.getByText('Noch keine Projektideen').waitFor();
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

describe('project idea canvases', () => {
  it('creates an idea from the Projektideen board with the KI-Projektsteckbrief', async () => {
    await expectAccessible(page, 'empty Projektideen board');
    await page.getByRole('button', { name: 'Projektidee anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Projektidee anlegen' });
    await expect
      .poll(() => dialog.getByLabel('Titel').evaluate((el) => el === document.activeElement))
      .toBe(true);
    expect(await dialog.getByRole('radio', { name: 'KI-Projektsteckbrief' }).isChecked()).toBe(true);
    await expectAccessible(page, 'new idea dialog');
    await dialog.getByLabel('Titel').fill(IDEA);
    await dialog.getByRole('button', { name: 'Projektidee anlegen' }).click();
    await page.getByRole('heading', { level: 2, name: IDEA }).waitFor();
    expect(page.url()).toMatch(/\/b\/[A-Za-z0-9-]+\/i\/[A-Za-z0-9-]+$/);
    await expect.poll(() => page.locator('.canvas-field').count()).toBe(17);
    await expectAccessible(page, 'idea canvas');
  });

  it('saves typed fields: 20,000 characters, German numbers, a choice and yes/no', async () => {
    await editorOf('problem').fill(LONG);
    await settle();
    await editorOf('cost').fill('1.200,5');
    await settle();
    expect(await editorOf('cost').inputValue()).toBe('1.200,5');
    await editorOf('hoursSaved').fill('viele');
    const error = field('hoursSaved').getByRole('alert');
    await expect.poll(() => error.textContent()).toContain('„viele“ ist keine Zahl');
    await settle();
    expect(await editorOf('hoursSaved').inputValue()).toBe('viele');
    expect(await editorOf('hoursSaved').getAttribute('aria-invalid')).toBe('true');
    await editorOf('riskTier').selectOption({ label: 'hohes Risiko (Anhang III)' });
    await editorOf('riskArea').fill('Zugang zu öffentlichen Leistungen');
    await settle();
    await field('personalData').getByRole('radio', { name: 'Ja' }).click();
    await expect.poll(() => field('personalData').getByRole('radio', { name: 'Ja' }).isChecked()).toBe(true);
    await settle();
    await expectAccessible(page, 'canvas with a field error');
  });

  it('takes a card into a field by mouse drag; Escape and a drop outside write nothing', async () => {
    await dragCard(VISION_CARD, field('approach'), { cancel: true });
    await dragCard(VISION_CARD, null);
    await frames(page, 4);
    expect(await editorOf('approach').inputValue()).toBe('');
    expect(await chips('approach').count()).toBe(0);

    await dragCard(VISION_CARD, field('approach'));
    await expect.poll(() => editorOf('approach').inputValue()).toBe(VISION_CARD);
    await expect.poll(() => chips('approach').textContent()).toContain(VISION_BOARD);
  });

  it('takes a card into a field with the keyboard menu', async () => {
    const menu = page.getByRole('button', {
      name: `In Feld übernehmen …: „${INVENTORY_CARD.slice(0, 39)}…“`,
    });
    await menu.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'In Feld übernehmen' });
    await dialog.waitFor();
    await expectAccessible(page, 'take into field dialog');
    // The first text field is chosen; arrows move to the next ones.
    expect(await dialog.getByRole('radio', { name: 'Problem und heutiger Ablauf' }).isChecked()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: 'Benötigte Daten und wo sie liegen' }).isChecked()).toBe(
      true,
    );
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => editorOf('data').inputValue()).toBe(INVENTORY_CARD);
    await expect.poll(() => chips('data').textContent()).toContain(INVENTORY_BOARD);
  });

  it('links a focus area and shows the chain back to the vision', async () => {
    await page.getByLabel('Handlungsschwerpunkt', { exact: true }).selectOption({ label: FOCUS_AREA });
    const chain = page.getByRole('region', { name: 'Herkunft' });
    await expect.poll(() => chain.textContent()).toContain(`Handlungsschwerpunkt „${FOCUS_AREA}“`);
    expect(await chain.textContent()).toContain(`Vision „${VISION_CARD.slice(0, 39)}…“`);
    expect(await chain.textContent()).toContain(`Bestandsaufnahme „${INVENTORY_CARD.slice(0, 39)}…“`);
    await expectAccessible(page, 'canvas with sources and focus area');
  });

  it('undo takes back each step, redo brings them again', async () => {
    const undo = history('Rückgängig');
    await undo.click();
    await expect.poll(() => page.getByLabel('Handlungsschwerpunkt', { exact: true }).inputValue()).toBe('');
    await undo.click();
    await expect.poll(() => editorOf('data').inputValue()).toBe('');
    expect(await chips('data').count()).toBe(0);
    await undo.click();
    await expect.poll(() => editorOf('approach').inputValue()).toBe('');
    expect(await chips('approach').count()).toBe(0);
    await undo.click();
    await expect
      .poll(() => field('personalData').getByRole('radio', { name: 'Offen' }).isChecked())
      .toBe(true);
    await undo.click();
    await expect.poll(() => editorOf('riskArea').inputValue()).toBe('');
    await undo.click();
    await expect.poll(() => editorOf('riskTier').inputValue()).toBe('');
    await undo.click();
    await expect.poll(() => editorOf('cost').inputValue()).toBe('');
    await undo.click();
    await expect.poll(() => editorOf('problem').inputValue()).toBe('');
    const redo = history('Wiederholen');
    for (let i = 0; i < 8; i += 1) await redo.click();
    await expect
      .poll(() => page.getByLabel('Handlungsschwerpunkt', { exact: true }).inputValue())
      .not.toBe('');
    expect(await editorOf('problem').inputValue()).toHaveLength(20_000);
  });

  it('keeps everything after a reload, also what was typed right before it', async () => {
    // Before the pause in typing that saves it: kept at once, written at the next start.
    await editorOf('hoursSaved').fill('40');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: IDEA }).waitFor();
    await expect.poll(() => editorOf('problem').inputValue()).toBe(LONG);
    expect(await editorOf('cost').inputValue()).toBe('1.200,5');
    expect(await editorOf('hoursSaved').inputValue()).toBe('40');
    expect(await editorOf('riskArea').inputValue()).toBe('Zugang zu öffentlichen Leistungen');
    expect(await editorOf('riskTier').inputValue()).toBe('high');
    expect(await field('personalData').getByRole('radio', { name: 'Ja' }).isChecked()).toBe(true);
    expect(await editorOf('approach').inputValue()).toBe(VISION_CARD);
    expect(await editorOf('data').inputValue()).toBe(INVENTORY_CARD);
    expect(await chips('approach').count()).toBe(1);
    expect(await chips('data').count()).toBe(1);
    expect(await page.getByLabel('Handlungsschwerpunkt', { exact: true }).inputValue()).not.toBe('');
  });

  it('lists the idea with its focus area and risk tier, and unlinks a card', async () => {
    await chips('data').getByRole('button').click();
    await expect.poll(() => chips('data').count()).toBe(0);
    expect(await editorOf('data').inputValue()).toBe(INVENTORY_CARD);
    await page.getByRole('link', { name: /^Alle Projektideen/ }).click();
    const card = page.getByRole('listitem', { name: IDEA });
    await card.waitFor();
    expect(await card.textContent()).toContain(FOCUS_AREA);
    expect(await card.textContent()).toContain('hohes Risiko (Anhang III)');
    await expectAccessible(page, 'list of ideas');
  });

  it('shows on a card of a columns board where it went, with a link to the idea', async () => {
    await page.getByRole('link', { name: IDEA }).click();
    await page.getByRole('heading', { level: 2, name: IDEA }).waitFor();
    await page.getByRole('button', { name: `In Feld übernehmen …: „${COLUMNS_CARD}“` }).click();
    const dialog = page.getByRole('dialog', { name: 'In Feld übernehmen' });
    await dialog.getByRole('radio', { name: 'Nächste Schritte' }).check();
    await dialog.getByRole('button', { name: 'Übernehmen' }).click();
    await expect.poll(() => editorOf('nextSteps').inputValue()).toBe(COLUMNS_CARD);
    await page
      .getByRole('navigation', { name: 'Bereiche des Workshops' })
      .getByRole('link', { name: COLUMNS_BOARD, exact: true })
      .click();
    const badge = page.locator('li.note').filter({ hasText: COLUMNS_CARD }).locator('.trace-badge');
    await expect.poll(() => badge.textContent()).toBe(`→ Weitergeführt: Projektidee „${IDEA}“`);
    await expectAccessible(page, 'columns board with a trace badge');
    await badge.getByRole('link', { name: `Projektidee „${IDEA}“` }).click();
    await page.getByRole('heading', { level: 2, name: IDEA }).waitFor();
  });

  it('creates, reorders, renames and deletes ideas in the list by keyboard, with undo', async () => {
    await page.getByRole('link', { name: /^Alle Projektideen/ }).click();
    const titles = () => page.locator('.idea-card-title').allTextContents();
    await page.getByRole('button', { name: 'Projektidee anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Projektidee anlegen' });
    await dialog.getByLabel('Titel').fill('Posteingang-KI');
    await dialog.getByRole('radio', { name: 'KI-Canvas (kurz)' }).check();
    await dialog.getByLabel('Handlungsschwerpunkt').selectOption({ label: FOCUS_AREA });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Posteingang-KI' }).waitFor();
    await expect.poll(() => page.locator('.canvas-field').count()).toBe(8);
    await page.getByRole('link', { name: /^Alle Projektideen/ }).click();
    await expect.poll(titles).toEqual([IDEA, 'Posteingang-KI']);

    const up = page.getByRole('button', { name: '„Posteingang-KI“ nach oben' });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect.poll(titles).toEqual(['Posteingang-KI', IDEA]);
    // The button keeps the focus at the top, and does nothing more there.
    expect(await up.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await frames(page, 4);
    expect(await titles()).toEqual(['Posteingang-KI', IDEA]);

    await page.getByRole('button', { name: 'Umbenennen: Posteingang-KI' }).click();
    const rename = page.getByRole('dialog', { name: 'Projektidee umbenennen' });
    await rename.getByLabel('Titel').fill('Posteingang mit KI sortieren');
    await page.keyboard.press('Enter');
    await expect.poll(titles).toEqual(['Posteingang mit KI sortieren', IDEA]);

    await page.getByRole('button', { name: 'Löschen: Posteingang mit KI sortieren' }).click();
    const confirm = page.getByRole('dialog', { name: 'Projektidee löschen?' });
    await expectAccessible(page, 'delete idea dialog');
    await confirm.getByRole('button', { name: 'Löschen' }).click();
    await expect.poll(titles).toEqual([IDEA]);
    await history('Rückgängig').click();
    await expect.poll(titles).toEqual(['Posteingang mit KI sortieren', IDEA]);
    await history('Rückgängig').click();
    await expect.poll(titles).toEqual(['Posteingang-KI', IDEA]);
    await history('Rückgängig').click();
    await expect.poll(titles).toEqual([IDEA, 'Posteingang-KI']);
  });
});
