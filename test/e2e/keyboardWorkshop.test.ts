// Issue 10: a whole workshop with the keyboard alone, no mouse call at all.
// Create it from the KI template, enter participants, write cards on the
// clusters board and group them (keyboard dragging and the "Verschieben nach …"
// dialog), merge two clusters, vote with dots on the ballot screen, adopt the
// winner as focus area, start a project idea from it and fill a canvas field,
// record a decision and save the minutes as PDF. After every key press the
// focus must sit on a visible element: never on <body>, never stuck.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dndAnnouncement, eventually, frames, launchSession, readPdf, type Session } from './helpers';
import {
  chooseWithArrows,
  expectFocusVisible,
  focusOf,
  named,
  press,
  settledFocus,
  tabTo,
} from './keyboardHelpers';

const WORKSHOP = 'KI im Bürgeramt';
const TEMPLATE = 'KI-Strategie für die Verwaltung';
const BOARD = 'Handlungsschwerpunkte';
const PEOPLE = ['Anna Schmidt', 'Ben Öztürk'];
const CLUSTERS = [
  'Schnellere Fallbearbeitung',
  'Kürzere Verfahren',
  'Entlastung der Beschäftigten',
  'Besserer Service für Bürger und Unternehmen',
];
const [FAST, SHORT, RELIEF, SERVICE] = CLUSTERS as [string, string, string, string];
const A = 'Posteingang automatisch sortieren';
const B = 'Anträge vorab prüfen';
const C = 'Chatbot für Bürgeranfragen';
const PROBLEM = 'Jeden Morgen sortieren zwei Beschäftigte 300 Briefe von Hand.';
const DECISION = 'Der Posteingang wird als erstes Projekt geprüft.';

let session: Session;
let page: Page;
let dir = '';

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  // The projector resolution the workshop runs on.
  await page.setViewportSize({ width: 1280, height: 720 });
  dir = await mkdtemp(join(tmpdir(), 'moderato-keyboard-'));
});
// The steps build on each other: after a failure the later ones would only fail for the same reason.
let failed = false;
beforeEach((context) => {
  if (failed) context.skip();
});
afterEach(async (context) => {
  if (context.task.result?.state === 'fail') failed = true;
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const tab = (name: string | RegExp, what = String(name), backwards = false) =>
  tabTo(page, named(name), what, { backwards, max: 150 });

/** The workshop navigation is near the top: Shift+Tab reaches it from anywhere. */
async function goTo(section: string): Promise<void> {
  await tabTo(page, (f) => f.name === section && f.tag === 'A', `the link "${section}"`, {
    backwards: true,
    max: 200,
  });
  await press(page, 'Enter', `opening ${section}`);
  await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
  await frames(page);
}

/** Pool and clusters as the user sees them: cluster title → card texts. */
function readClusters(): Promise<{ pool: string[]; clusters: Array<[string, string[]]> }> {
  return page.locator('.cluster-board').evaluate((board) => {
    const text = (card: Element) => {
      const copy = card.querySelector('.note-text')?.cloneNode(true) as HTMLElement | undefined;
      copy?.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
      return copy?.textContent ?? '';
    };
    return {
      pool: Array.from(board.querySelectorAll('.cluster-pool li.cluster-card')).map(text),
      clusters: Array.from(board.querySelectorAll('li.cluster')).map(
        (cluster) =>
          [
            cluster.querySelector('.cluster-title-text')?.textContent ?? '',
            Array.from(cluster.querySelectorAll('li.cluster-card')).map(text),
          ] as [string, string[]],
      ),
    };
  });
}

async function expectClusters(pool: string[], clusters: Array<[string, string[]]>): Promise<void> {
  await eventually(async () => expect(await readClusters()).toEqual({ pool, clusters }));
}

/** What dnd-kit's live region says once it has settled. */
async function settledAnnouncement(): Promise<string> {
  let previous = await dndAnnouncement(page).textContent();
  for (;;) {
    await page.waitForTimeout(250);
    const now = await dndAnnouncement(page).textContent();
    if (now === previous) return now ?? '';
    previous = now;
  }
}

type Hearing = Window & { moderatoHeard?: string[]; moderatoHearing?: MutationObserver };

/**
 * With a card lifted: ArrowDown until the announcement says it is over the target, focus
 * visible all along. Every step is announced once, with the place it reached: also when the
 * board scrolls to it (1280×720), nothing in between (no earlier target, no "outside").
 */
async function arrowUntil(target: string): Promise<void> {
  await page.evaluate(() => {
    const region = document.querySelector('[id^="DndLiveRegion"]')!;
    const heard: string[] = [];
    const hearing = window as Hearing;
    hearing.moderatoHeard = heard;
    hearing.moderatoHearing = new MutationObserver(() => heard.push(region.textContent ?? ''));
    hearing.moderatoHearing.observe(region, { childList: true, characterData: true, subtree: true });
  });
  try {
    await arrowSteps(target);
  } finally {
    await page.evaluate(() => (window as Hearing).moderatoHearing?.disconnect());
  }
}

async function arrowSteps(target: string): Promise<void> {
  const settled: string[] = [];
  for (let i = 0; i < 8; i += 1) {
    const before = await dndAnnouncement(page).textContent();
    await page.evaluate(() => void (window as Hearing).moderatoHeard!.splice(0));
    await page.keyboard.press('ArrowDown');
    await eventually(async () => expect(await dndAnnouncement(page).textContent()).not.toBe(before));
    await expectFocusVisible(page, 'moving the lifted card');
    settled.push(await settledAnnouncement());
    const step = await page.evaluate(() => [...new Set((window as Hearing).moderatoHeard)]);
    expect(step, `what one ArrowDown made the screen reader say`).toEqual([settled.at(-1)]);
    if (settled.at(-1)!.includes(target)) return;
  }
  throw new Error(`the arrows never brought the card ${target}; heard:\n${settled.join('\n')}`);
}

/**
 * Starts writing down what screen readers are told: each change of the app's
 * live region, and each toast added to the message log. Read with heard().
 */
async function listen(): Promise<void> {
  await page.evaluate(() => {
    const store = window as unknown as { __heard: string[] };
    store.__heard = [];
    const region = document.querySelector('div.visually-hidden[role="status"][aria-live="polite"]')!;
    new MutationObserver(() => store.__heard.push(region.textContent ?? '')).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    const log = document.querySelector('.toasts[role="log"]')!;
    new MutationObserver((records) => {
      for (const record of records)
        for (const added of Array.from(record.addedNodes))
          store.__heard.push(`Meldung: ${(added as Element).querySelector('span')?.textContent ?? ''}`);
    }).observe(log, { childList: true });
  });
}

/** What was announced since the last call. */
function heard(): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __heard: string[] }).__heard.splice(0));
}

/** The value the focused field holds. */
const focusedValue = async () => (await focusOf(page)).value;

describe('a whole workshop by keyboard only', () => {
  it('creates the workshop from the KI template', async () => {
    await tab('Neuer Workshop');
    await press(page, 'Enter', 'opening the create dialog');
    const dialog = page.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
    await dialog.waitFor();
    expect((await settledFocus(page, 'dialog opened')).name).toBe('Titel');
    await page.keyboard.type(WORKSHOP);
    await tabTo(page, (f) => f.role === 'radio', 'the template choice');
    await chooseWithArrows(page, new RegExp(`^${TEMPLATE}`), 'the template');
    expect(await dialog.getByRole('radio', { name: new RegExp(`^${TEMPLATE}`) }).isChecked()).toBe(true);
    await tab('Workshop anlegen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: WORKSHOP, exact: true }).waitFor();
    await dialog.waitFor({ state: 'detached' });
    await settledFocus(page, 'the workshop was created');
  });

  it('enters two participants', async () => {
    await goTo('Teilnehmende');
    await tabTo(page, (f) => f.name === 'Name' && f.tag === 'INPUT', 'the name field');
    for (const name of PEOPLE) {
      await page.keyboard.type(name);
      await press(page, 'Enter', `adding ${name}`);
      await page.locator('table.participant-table tbody tr', { hasText: name }).waitFor();
      await eventually(async () => expect(await focusedValue()).toBe(''));
    }
  });

  it('writes cards on the clusters board and groups them by keyboard drag and by the move dialog', async () => {
    await goTo(BOARD);
    await tab(/^Karte hinzufügen/, 'Karte hinzufügen (pool)');
    await press(page, 'Enter', 'opening the composer');
    expect((await focusOf(page)).name).toBe('Neue Karte (noch nicht gruppiert)');
    await listen();
    for (const text of [A, B, C]) {
      await page.keyboard.type(text);
      await press(page, 'Enter', `saving "${text}"`);
      await eventually(async () => expect(await focusedValue()).toBe(''));
    }
    await press(page, 'Escape', 'closing the composer');
    await expectClusters(
      [A, B, C],
      CLUSTERS.map((title) => [title, []]),
    );
    // One announcement per saved card, none per key typed.
    expect(await heard()).toEqual(Array(3).fill('Karte zu „Noch nicht gruppiert“ hinzugefügt.'));

    // A: picked up with Space, arrows until the first cluster is the target, Space drops it.
    await tab(`Karte verschieben: ${A}`, `the handle of "${A}"`, true);
    await press(page, 'Space', 'picking the card up');
    await page.locator('[data-drag-handle][aria-pressed="true"]').waitFor();
    await frames(page, 3);
    await arrowUntil(`in „${FAST}“`);
    expect(await dndAnnouncement(page).textContent()).toContain(`„${FAST}“`);
    await page.keyboard.press('Space');
    await page.locator('[data-drag-handle][aria-pressed="true"]').waitFor({ state: 'detached' });
    await expectClusters(
      [B, C],
      [
        [FAST, [A]],
        [SHORT, []],
        [RELIEF, []],
        [SERVICE, []],
      ],
    );
    // The dropped card keeps the focus on its handle, now inside the cluster.
    expect((await settledFocus(page, 'dropping the card')).name).toBe(`Karte verschieben: ${A}`);

    // B through the dialog "Verschieben nach …" into the same cluster, after A.
    await tab(`Verschieben nach …: ${B}`, `"Verschieben nach …" of "${B}"`);
    await press(page, 'Enter', 'opening the move dialog');
    const dialog = page.getByRole('dialog', { name: 'Karte verschieben nach …' });
    await dialog.waitFor();
    await tabTo(page, (f) => f.name === 'Ziel' && f.tag === 'SELECT', 'the target');
    await chooseWithArrows(page, `Cluster „${FAST}“`, 'the target cluster');
    await tab('Verschieben');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expectClusters(
      [C],
      [
        [FAST, [A, B]],
        [SHORT, []],
        [RELIEF, []],
        [SERVICE, []],
      ],
    );
    // The opener left with its card: the focus goes to the moved card, not to <body>.
    expect((await settledFocus(page, 'the move dialog closed')).name).toMatch(new RegExp(B));

    // C by keyboard drag into "Entlastung der Beschäftigten".
    await tab(`Karte verschieben: ${C}`, `the handle of "${C}"`, true);
    await press(page, 'Space', 'picking C up');
    await page.locator('[data-drag-handle][aria-pressed="true"]').waitFor();
    await frames(page, 3);
    await arrowUntil(`in „${RELIEF}“`);
    await page.keyboard.press('Space');
    await page.locator('[data-drag-handle][aria-pressed="true"]').waitFor({ state: 'detached' });
    await expectClusters(
      [],
      [
        [FAST, [A, B]],
        [SHORT, []],
        [RELIEF, [C]],
        [SERVICE, []],
      ],
    );
    await settledFocus(page, 'dropping C');

    // A card written by mistake is deleted: the focus stays in the pool, the toast is read once.
    const MISTAKE = 'Doppelt erfasst';
    await tab(/Karte hinzufügen/, 'Karte hinzufügen (pool)', true);
    await press(page, 'Enter', 'opening the composer');
    await page.keyboard.type(MISTAKE);
    await press(page, 'Enter', 'saving the card');
    await eventually(async () => expect(await focusedValue()).toBe(''));
    await press(page, 'Escape', 'closing the composer');
    await expectClusters(
      [MISTAKE],
      [
        [FAST, [A, B]],
        [SHORT, []],
        [RELIEF, [C]],
        [SERVICE, []],
      ],
    );
    await heard();
    await tab(`Karte löschen: ${MISTAKE}`, 'the delete button', true);
    await page.keyboard.press('Enter');
    await expectClusters(
      [],
      [
        [FAST, [A, B]],
        [SHORT, []],
        [RELIEF, [C]],
        [SERVICE, []],
      ],
    );
    expect((await settledFocus(page, 'the card deleted')).name).toMatch(/Karte hinzufügen/);
    await eventually(async () => expect(await heard()).toEqual([`Meldung: Karte „${MISTAKE}“ gelöscht.`]));

    // "Kürzere Verfahren" merged into "Schnellere Fallbearbeitung" through its menu.
    await tab(`Aktionen für Cluster „${SHORT}“`, `the menu of "${SHORT}"`, true);
    await press(page, 'Enter', 'opening the cluster menu');
    await tab('Zusammenführen mit …');
    await press(page, 'Enter', 'choosing merge');
    const merge = page.getByRole('dialog', { name: `„${SHORT}“ zusammenführen mit …` });
    await merge.waitFor();
    await tabTo(page, (f) => f.tag === 'SELECT', 'the target cluster');
    await chooseWithArrows(page, FAST, 'the target cluster');
    await tab('Zusammenführen');
    await page.keyboard.press('Enter');
    await merge.waitFor({ state: 'detached' });
    await expectClusters(
      [],
      [
        [FAST, [A, B]],
        [RELIEF, [C]],
        [SERVICE, []],
      ],
    );
    // The merged cluster is gone; the focus lands on what it was merged into.
    expect((await settledFocus(page, 'the clusters merged')).name).toMatch(new RegExp(FAST));

    // The structure for screen readers: each cluster with its number of cards.
    const overview = page.getByRole('list', { name: 'Übersicht der Cluster' });
    await eventually(async () =>
      expect(await overview.getByRole('listitem').allTextContents()).toEqual([
        `Cluster „${FAST}“, 2 Karten`,
        `Cluster „${RELIEF}“, 1 Karte`,
        `Cluster „${SERVICE}“, leer`,
      ]),
    );
  });

  it('starts a dot vote on the clusters and casts both ballots at the laptop', async () => {
    await goTo('Abstimmungen');
    await tab('Abstimmung starten');
    await press(page, 'Enter', 'opening the start dialog');
    const dialog = page.getByRole('dialog', { name: 'Abstimmung starten' });
    await dialog.waitFor();
    if ((await focusOf(page)).name !== 'Board')
      await tabTo(page, (f) => f.name === 'Board' && f.tag === 'SELECT', 'the board');
    await chooseWithArrows(page, BOARD, 'the board');
    await dialog.getByText('3 Einträge').waitFor();
    await tabTo(page, (f) => f.name === 'Titel der Runde', 'the title of the round');
    await page.keyboard.type('Schwerpunkte');
    await heard();
    await tab('Abstimmung starten');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await settledFocus(page, 'the round started');
    await eventually(async () => expect(await heard()).toEqual(['Abstimmung „Schwerpunkte“ gestartet.']));
    const round = page.locator('li.voting-round').filter({ hasText: 'Schwerpunkte' });
    await round.getByText('0 von 2 Stimmen abgegeben').waitFor();

    await tab('Stimmzettel öffnen');
    await press(page, 'Enter', 'opening the ballot screen');
    await page.getByRole('heading', { name: 'Bitte wählen Sie Ihren Namen' }).waitFor();
    const ballots: Array<[string, string[]]> = [
      [PEOPLE[0]!, [FAST, FAST, RELIEF]],
      [PEOPLE[1]!, [FAST, SERVICE, RELIEF]],
    ];
    for (const [name, dots] of ballots) {
      await tab(name);
      await press(page, 'Enter', `choosing ${name}`);
      await page.getByRole('heading', { name: `Stimmzettel für ${name}` }).waitFor();
      for (const item of dots) {
        await tab(`Einen Punkt auf „${item}“ geben`);
        await press(page, 'Enter', `a dot on ${item}`);
      }
      await expect.poll(() => page.locator('.ballot-remaining').textContent()).toBe('Noch 0 Punkte');
      await tab('Stimme abgeben');
      await press(page, 'Enter', 'casting the ballot');
      // The saved ballot is said by moving the focus to the thank-you heading.
      await eventually(async () =>
        expect((await focusOf(page)).name).toBe('Danke, Ihre Stimme ist gespeichert'),
      );
      await tab('Nächste Person');
      await press(page, 'Enter', 'next person');
      await page.getByRole('heading', { name: 'Bitte wählen Sie Ihren Namen' }).waitFor();
    }
    await page.getByText('Alle Stimmberechtigten haben abgestimmt.').waitFor();
    await tab('Stimmabgabe verlassen');
    await press(page, 'Enter', 'leaving the ballot screen');
    await round.getByText('2 von 2 Stimmen abgegeben').waitFor();
  });

  it('closes the round, shows the result and adopts the winner as focus area', async () => {
    const round = page.locator('li.voting-round').filter({ hasText: 'Schwerpunkte' });
    await tab('Abstimmung schließen');
    await press(page, 'Enter', 'asking to close');
    const confirm = page.getByRole('dialog', { name: 'Abstimmung schließen?' });
    await confirm.waitFor();
    await tab('Abstimmung schließen');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    // The close button goes with the open round (after the write, a moment after the dialog): the
    // focus must not fall to <body> but move on to the next step. Tabbing before that moment would
    // race the rescue.
    await eventually(async () =>
      expect((await settledFocus(page, 'the round closed')).name).toBe('Ergebnis zeigen'),
    );
    await press(page, 'Enter', 'revealing the result');
    await round.locator('table.voting-table').first().waitFor();
    // The focus goes to the result (not to the round's first button, "Annullieren").
    await eventually(async () =>
      expect((await settledFocus(page, 'the result shown')).name).toBe('Ergebnis: Schwerpunkte'),
    );
    expect(await round.locator('table.voting-table tbody tr').first().innerText()).toContain(FAST);
    await tabTo(page, (f) => f.name === 'Wie viele Plätze übernehmen?', 'the number of places');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1');
    await round.getByText(`Übernommen werden: ${FAST}`).waitFor();
    await tab('Als Handlungsschwerpunkte übernehmen');
    await press(page, 'Enter', 'adopting the winner');
    await round.getByText('Das Ergebnis ist als Beschluss festgehalten').waitFor();
    await settledFocus(page, 'the winner adopted');
  });

  it('starts a project idea from the focus area and fills a field of its canvas', async () => {
    await goTo(BOARD);
    await tab(new RegExp(`^Projektidee anlegen für „${FAST}“`), 'Projektidee anlegen');
    await press(page, 'Enter', 'starting the idea');
    await page.getByRole('heading', { level: 2, name: FAST }).waitFor();
    await tabTo(page, (f) => f.tag === 'TEXTAREA' && /^Problem/.test(f.name), 'the problem field');
    await page.keyboard.type(PROBLEM);
    expect(await focusedValue()).toBe(PROBLEM);
    // Typing is saved in pauses, without a word to the screen reader per key; leaving the field ends the edit.
    await press(page, 'Tab', 'leaving the field');
    await eventually(async () => expect(await page.getByText('Wird gespeichert …').count()).toBe(0));
    await page.waitForTimeout(500);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: FAST }).waitFor();
    await eventually(async () =>
      expect(
        await page.locator('textarea').evaluateAll((all) => all.map((t) => (t as HTMLTextAreaElement).value)),
      ).toContain(PROBLEM),
    );
  });

  it('drags a card from the panel onto a canvas field with the keyboard', async () => {
    const APPROACH = 'KI- oder Automatisierungsansatz';
    await tab(`Karte auf ein Feld ziehen: ${A}`, 'the handle of the panel card');
    await press(page, 'Space', 'picking the card up');
    await page.locator('[data-drag-handle][aria-pressed="true"]').waitFor();
    await frames(page, 3);
    expect(await settledAnnouncement()).toBe(`Karte „${A}“ aufgenommen.`);
    const heardNow: string[] = [];
    for (let i = 0; i < 4 && !heardNow.at(-1)?.includes(APPROACH); i += 1) {
      await page.keyboard.press('ArrowDown');
      await expectFocusVisible(page, 'moving the card over the fields');
      heardNow.push(await settledAnnouncement());
    }
    expect(heardNow).toEqual([
      `Karte „${A}“ über Feld „Problem und heutiger Ablauf“.`,
      `Karte „${A}“ über Feld „${APPROACH}“.`,
    ]);
    await page.keyboard.press('Space');
    await page.locator('[data-drag-handle][aria-pressed="true"]').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('textbox', { name: APPROACH }).inputValue()).toBe(A);
    // The focus goes back to the handle of the card.
    expect((await settledFocus(page, 'the card dropped')).name).toBe(`Karte auf ein Feld ziehen: ${A}`);
  });

  it('records a decision with Strg+Umschalt+E', async () => {
    await tab(/./, 'any control');
    await listen();
    await page.keyboard.press('Control+Shift+E');
    const capture = page.getByRole('dialog', { name: 'Beschluss oder Aufgabe festhalten' });
    await capture.waitFor();
    expect((await settledFocus(page, 'capture dialog opened')).name).toBe('Text des Beschlusses');
    await page.keyboard.type(DECISION);
    await tab('Speichern');
    await page.keyboard.press('Enter');
    await capture.waitFor({ state: 'detached' });
    await settledFocus(page, 'decision saved');
    // Said once; the typing before it said nothing.
    await eventually(async () => expect(await heard()).toHaveLength(1));
    await page.waitForTimeout(300);
    expect(
      await page.locator('div.visually-hidden[role="status"][aria-live="polite"]').textContent(),
    ).toMatch(/^Beschluss festgehalten/);
    expect(await heard()).toEqual([]);
  });

  it('saves the minutes as PDF', async () => {
    await tab('Protokoll', 'the minutes button', true);
    await press(page, 'Enter', 'opening the minutes dialog');
    const dialog = page.getByRole('dialog', { name: 'Protokoll speichern' });
    await dialog.waitFor();
    await tab('Protokoll als PDF speichern');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.keyboard.press('Enter'),
    ]);
    const file = join(dir, 'protokoll.pdf');
    await copyFile((await download.path())!, file);
    const pdf = readPdf(file).text.replace(/\s+/g, ' ');
    for (const expected of [WORKSHOP, A, B, C, FAST, PROBLEM, DECISION, ...PEOPLE])
      expect(pdf).toContain(expected);
    await dialog.waitFor({ state: 'detached' });
    await settledFocus(page, 'the minutes saved');
  });
});
