// Issue 10, the parts that exist today: a workshop run with the keyboard alone
// (focus always visible, never lost or trapped), the help dialog (F1, "?"),
// axe on every screen in both languages and in the high-contrast theme, and
// screenshots at 200 % zoom and at 1280×720 with no dialog scrolling sideways.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addNote,
  addPoolCard,
  createWorkshop,
  eventually,
  expectAccessible,
  expectBoard,
  frames,
  launchSession,
  type Session,
} from './helpers';

const WORKSHOP = 'Digitalstrategie Landratsamt';
// Kept as test artefacts (test-results/ is not committed) and looked at by a person.
const SCREENS = 'test-results/a11y';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  await mkdir(SCREENS, { recursive: true });
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

interface Focus {
  tag: string;
  /** The accessible name as far as the test needs it: aria-label, label, else text. */
  name: string;
  role: string;
  visible: boolean;
  /** Stable identity of the element, to tell whether Tab moved at all. */
  key: string;
}

function focus(): Promise<Focus> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body)
      return { tag: 'BODY', name: '', role: '', visible: false, key: '' };
    const labelled = element.getAttribute('aria-labelledby');
    const fromLabel =
      element.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      element.textContent ??
      '';
    if (!element.dataset.focusKey) element.dataset.focusKey = String(Math.random());
    return {
      tag: element.tagName,
      name: fromLabel.replace(/\s+/g, ' ').trim(),
      role: element.getAttribute('role') ?? (element as HTMLInputElement).type ?? '',
      // A date field keeps focus in its own parts (day, month, year, calendar button), styled by app.css.
      visible:
        element.matches(':focus-visible') ||
        (element.matches('input[type="date"]') && element.matches(':focus-within')),
      key: element.dataset.focusKey,
    };
  });
}

/** Focus is on a real element and shows it (the outline of :focus-visible). */
async function expectFocusVisible(step: string): Promise<Focus> {
  const now = await focus();
  expect(now.tag, `focus lost to <body> after: ${step}`).not.toBe('BODY');
  expect(now.visible, `focus not visible after: ${step} (on ${now.tag} "${now.name}")`).toBe(true);
  return now;
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches. Each press must
 * leave the focus somewhere visible, and focus must not stay put: a date field
 * takes a few presses (day, month, year), more than that would be a trap. Past
 * the last control the browser hands focus to its own UI (document.body here);
 * the next Tab comes back to the first control: that one wrap is allowed.
 */
async function tabTo(match: (f: Focus) => boolean, what: string, backwards = false): Promise<void> {
  let previous = await focus();
  let stayed = 0;
  let wrapped = false;
  for (let press = 0; press < 80; press += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if ((await focus()).tag === 'BODY' && !wrapped && previous.tag !== 'BODY') {
      wrapped = true;
      previous = await focus();
      continue;
    }
    const now = await expectFocusVisible(`Tab towards ${what}`);
    stayed = now.key === previous.key ? stayed + 1 : 0;
    expect(stayed, `focus trapped on ${now.tag} "${now.name}" while tabbing to ${what}`).toBeLessThan(4);
    if (match(now)) return;
    previous = now;
  }
  throw new Error(`80 presses of Tab did not reach ${what}`);
}

const named = (name: string | RegExp) => (f: Focus) =>
  typeof name === 'string' ? f.name === name : name.test(f.name);

/** Presses a key; focus must land on something visible (some moves focus after a tick, so allow a moment). */
async function press(key: string, step = key): Promise<void> {
  await page.keyboard.press(key);
  await eventually(() => expectFocusVisible(step), 1_000);
}

/** The composer empties once the card is saved: only then does the next typing belong to a new card. */
async function composerEmptied(): Promise<void> {
  await eventually(async () =>
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value)).toBe(''),
  );
}

describe('keyboard only', () => {
  it('runs a workshop without the mouse: create, add notes, move one, record a decision, read the help', async () => {
    // Workshop list → "Neuer Workshop".
    await tabTo(named('Neuer Workshop'), 'Neuer Workshop');
    await press('Enter', 'opening the create dialog');
    const dialog = page.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
    await dialog.waitFor();
    expect((await expectFocusVisible('dialog opened')).name).toBe('Titel');
    await page.keyboard.type(WORKSHOP);

    // The template is a radio group: Tab into it, arrows choose.
    await tabTo((f) => f.role === 'radio', 'the template choice');
    for (let i = 0; i < 6 && !(await focus()).name.startsWith('Leerer Workshop'); i += 1) {
      await press('ArrowDown', 'choosing a template');
    }
    expect((await focus()).name).toMatch(/^Leerer Workshop/);
    expect(await dialog.getByRole('radio', { name: /^Leerer Workshop/ }).isChecked()).toBe(true);
    await tabTo(named('Workshop anlegen'), 'Workshop anlegen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: WORKSHOP, exact: true }).waitFor();
    await dialog.waitFor({ state: 'detached' });

    // Overview → the board "Pinnwand" through the workshop navigation.
    await tabTo(named('Pinnwand'), 'the board link');
    await press('Enter', 'opening the board');
    await page.locator('ol.columns').waitFor();
    await frames(page);
    await expectFocusVisible('the board is shown');

    // Two cards into the first column, typed and saved with Enter.
    await tabTo(named(/Karte hinzufügen in „Ideen“/), 'Karte hinzufügen');
    await press('Enter', 'opening the composer');
    await page.keyboard.type('Akten digitalisieren');
    await press('Enter', 'saving the first card');
    await composerEmptied();
    await page.keyboard.type('Bürgerportal ausbauen');
    await press('Enter', 'saving the second card');
    await composerEmptied();
    await press('Escape', 'closing the composer');
    await expectBoard(page, [
      { title: 'Ideen', notes: ['Akten digitalisieren', 'Bürgerportal ausbauen'] },
      { title: 'Fragen', notes: [] },
      { title: 'Nächste Schritte', notes: [] },
    ]);

    // Move the second card into the next column: Space, →, Space.
    await tabTo(named('Karte verschieben: Bürgerportal ausbauen'), 'the handle of the card', true);
    await press('Space', 'picking the card up');
    await page.locator('[data-drag-handle][aria-pressed="true"]').waitFor();
    // While the card changes column its handle is rebuilt there (focus is on <body> for that
    // moment, the keys still reach dnd-kit); dropping gives focus back to the handle.
    await page.keyboard.press('ArrowRight');
    await eventually(async () =>
      expect(await page.locator('li.column').nth(1).locator('li.note').count()).toBe(1),
    );
    await press('Space', 'dropping the card');
    await page.locator('[data-drag-handle][aria-pressed="true"]').waitFor({ state: 'detached' });
    await expectBoard(page, [
      { title: 'Ideen', notes: ['Akten digitalisieren'] },
      { title: 'Fragen', notes: ['Bürgerportal ausbauen'] },
      { title: 'Nächste Schritte', notes: [] },
    ]);

    // Record a decision with Strg+Umschalt+E.
    await page.keyboard.press('Control+Shift+E');
    const capture = page.getByRole('dialog', { name: 'Beschluss oder Aufgabe festhalten' });
    await capture.waitFor();
    expect((await expectFocusVisible('capture dialog opened')).name).toBe('Text des Beschlusses');
    await page.keyboard.type('Das Bürgerportal hat Vorrang.');
    await tabTo(named('Speichern'), 'Speichern');
    await page.keyboard.press('Enter');
    await capture.waitFor({ state: 'detached' });
    await expectFocusVisible('decision saved');
    await expect
      .poll(() => page.locator('[role="status"][aria-live="polite"]').textContent())
      .toContain('Beschluss festgehalten');

    // F1 opens the help, Escape closes it, focus returns to where it was.
    const before = await focus();
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Tastaturkürzel' });
    await help.waitFor();
    expect((await expectFocusVisible('help opened')).name).toBe('Schließen');
    for (const keys of ['Strg+Z', 'Strg+Umschalt+Z oder Strg+Y', 'Strg+Umschalt+E', 'F1 oder ?', 'Escape']) {
      expect(await help.getByRole('rowheader', { name: keys, exact: true }).count()).toBeGreaterThan(0);
    }
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect((await expectFocusVisible('help closed')).key).toBe(before.key);

    // "?" opens it too, but not while typing into a field.
    await page.keyboard.press('?');
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    await tabTo(named(/Karte hinzufügen in „Ideen“/), 'Karte hinzufügen');
    await press('Enter', 'opening the composer');
    await page.keyboard.type('Was?');
    expect(await help.count()).toBe(0);
    await press('Escape', 'closing the composer');

    // The decision is listed under "Beschlüsse und Aufgaben".
    await tabTo(named('Beschlüsse und Aufgaben'), 'the decisions link', true);
    await press('Enter', 'opening the decisions');
    await page.getByRole('cell', { name: 'Das Bürgerportal hat Vorrang.', exact: true }).waitFor();
  });
});

const LANGUAGES = [
  {
    code: 'de',
    label: 'Deutsch',
    nav: 'Bereiche des Workshops',
    sections: [
      'Ablauf',
      'Pinnwand',
      'Tagesordnung',
      'Teilnehmende',
      'Abstimmungen',
      'Beschlüsse und Aufgaben',
    ],
    newWorkshop: 'Neuer Workshop',
    createTitle: 'Neuen Workshop anlegen',
    help: 'Hilfe',
    helpTitle: 'Tastaturkürzel',
    theme: 'Darstellung',
    language: 'Sprache',
  },
  {
    code: 'en',
    label: 'English',
    nav: 'Parts of the workshop',
    sections: ['Process', 'Pinnwand', 'Agenda', 'Participants', 'Voting', 'Decisions and action items'],
    newWorkshop: 'New workshop',
    createTitle: 'Create a new workshop',
    help: 'Help',
    helpTitle: 'Keyboard shortcuts',
    theme: 'Display',
    language: 'Language',
  },
] as const;

type Texts = (typeof LANGUAGES)[number];

async function chooseLanguage(texts: Texts): Promise<void> {
  await page.getByRole('combobox', { name: /^(Sprache|Language)$/ }).selectOption(texts.code);
  await eventually(async () =>
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(texts.code),
  );
}

async function chooseTheme(texts: Texts, theme: 'contrast' | 'standard'): Promise<void> {
  await page.getByRole('combobox', { name: texts.theme }).selectOption(theme);
  await expect
    .poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? 'standard'))
    .toBe(theme);
}

/** Every screen and dialog of today's app, scanned by axe. */
async function scanAll(texts: Texts, where: string): Promise<void> {
  await page.getByRole('link', { name: 'Moderato' }).click();
  await page.getByRole('button', { name: texts.newWorkshop, exact: true }).waitFor();
  await expectAccessible(page, `workshop list (${where})`);
  await page.getByRole('button', { name: texts.newWorkshop, exact: true }).click();
  const create = page.getByRole('dialog', { name: texts.createTitle });
  await create.waitFor();
  await expectAccessible(page, `create dialog (${where})`);
  await page.keyboard.press('Escape');
  await create.waitFor({ state: 'detached' });

  await page.getByRole('link', { name: WORKSHOP }).first().click();
  await page.getByRole('heading', { level: 1, name: WORKSHOP }).waitFor();
  const nav = page.getByRole('navigation', { name: texts.nav });
  for (const section of texts.sections) {
    await nav.getByRole('link', { name: section, exact: true }).click();
    await expect
      .poll(() => nav.getByRole('link', { name: section, exact: true }).getAttribute('aria-current'))
      .toBe('page');
    await page.getByRole('main').waitFor();
    await frames(page);
    await expectAccessible(page, `${section} (${where})`);
  }
  await page.getByRole('button', { name: texts.help, exact: true }).click();
  const help = page.getByRole('dialog', { name: texts.helpTitle });
  await help.waitFor();
  await expectAccessible(page, `help dialog (${where})`);
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });
}

/** The workshop of the keyboard run; made here when a test runs on its own (vitest -t). */
async function ensureWorkshop(): Promise<void> {
  await page.getByRole('link', { name: 'Moderato' }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await chooseLanguage(LANGUAGES[0]);
  if ((await page.getByRole('link', { name: WORKSHOP }).count()) === 0) {
    await createWorkshop(page, { title: WORKSHOP });
    await addNote(page, 'Ideen', 'Akten digitalisieren');
    await page.getByRole('link', { name: 'Moderato' }).click();
  }
  await page.getByRole('link', { name: WORKSHOP }).first().waitFor();
}

describe('axe on every screen', () => {
  beforeAll(ensureWorkshop);

  for (const texts of LANGUAGES) {
    it(`finds nothing serious in ${texts.label}, in the standard and the high-contrast theme`, async () => {
      await page.getByRole('link', { name: 'Moderato' }).click();
      await chooseLanguage(texts);
      await scanAll(texts, `${texts.label}, standard`);
      await chooseTheme(texts, 'contrast');
      await scanAll(texts, `${texts.label}, high contrast`);
      await chooseTheme(texts, 'standard');
    });
  }

  it('marks each card colour with a corner pattern too, and frames cards in the high-contrast theme', async () => {
    await ensureWorkshop();
    await page.getByRole('link', { name: WORKSHOP }).first().click();
    await page
      .getByRole('navigation', { name: 'Bereiche des Workshops' })
      .getByRole('link', { name: 'Pinnwand', exact: true })
      .click();
    const card = page.locator('li.note').first();
    await card.waitFor();
    const corner = () => card.evaluate((element) => getComputedStyle(element, '::after').backgroundImage);
    expect(await corner()).toMatch(/gradient/);
    expect(await card.evaluate((element) => getComputedStyle(element).borderTopWidth)).toBe('0px');
    await chooseTheme(LANGUAGES[0], 'contrast');
    expect(await card.evaluate((element) => getComputedStyle(element).borderTopWidth)).toBe('2px');
    expect(await corner()).toMatch(/gradient/);
    await chooseTheme(LANGUAGES[0], 'standard');
  });

  it('keeps the high-contrast theme over a reload', async () => {
    await chooseLanguage(LANGUAGES[0]);
    await chooseTheme(LANGUAGES[0], 'contrast');
    await page.reload();
    await page.getByRole('combobox', { name: 'Darstellung' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast');
    expect(await page.getByRole('combobox', { name: 'Darstellung' }).inputValue()).toBe('contrast');
    await chooseTheme(LANGUAGES[0], 'standard');
  });
});

/** Widths of every open dialog and of the workshop bar: content wider than the box would scroll sideways. */
function overflow(): Promise<Array<{ what: string; scrollWidth: number; clientWidth: number }>> {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>('dialog[open], .workshop-bar, .app-header, .workshop-nav'),
    ).map((element) => ({
      what: element.getAttribute('aria-labelledby')
        ? (document.getElementById(element.getAttribute('aria-labelledby')!)?.textContent ??
          element.className)
        : element.className,
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    })),
  );
}

async function expectNoSidewaysScrolling(where: string): Promise<void> {
  for (const box of await overflow()) {
    expect(box.scrollWidth, `${box.what} scrolls sideways (${where})`).toBeLessThanOrEqual(box.clientWidth);
  }
  // The page itself scrolls sideways only where the board is wider than the window.
  const page_ = await page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // The outermost elements that reach past the right edge: what makes the page scroll.
    const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((element) => element.getBoundingClientRect().right > client + 1)
      .filter((element) => !(element.parentElement!.getBoundingClientRect().right > client + 1))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    return {
      scroll: document.documentElement.scrollWidth,
      client,
      board: document.querySelector('ol.columns') !== null,
      wide,
    };
  });
  if (!page_.board)
    expect(
      page_.scroll,
      `the page scrolls sideways (${where}): ${page_.wide.join(', ')}`,
    ).toBeLessThanOrEqual(page_.client);
}

describe('zoom and projector size', () => {
  beforeAll(ensureWorkshop);
  const sizes = [
    { name: '1280x720', width: 1280, height: 720, zoom: 1 },
    // 200 % zoom of a 1280×720 window: the layout gets 640×360 CSS pixels.
    { name: 'zoom200', width: 640, height: 360, zoom: 2 },
  ];
  for (const size of sizes) {
    it(`shows dialogs and the workshop bar without sideways scrolling at ${size.name}`, async () => {
      await page.getByRole('link', { name: 'Moderato' }).click();
      await chooseLanguage(LANGUAGES[0]);
      const zoomed = await session.context.newPage();
      try {
        await zoomed.setViewportSize({ width: size.width, height: size.height });
        const cdp = await session.context.newCDPSession(zoomed);
        await cdp.send('Emulation.setDeviceMetricsOverride', {
          width: size.width,
          height: size.height,
          deviceScaleFactor: size.zoom,
          mobile: false,
        });
        const original = page;
        page = zoomed;
        try {
          await page.goto(session.baseUrl);
          await page.getByRole('heading', { level: 1, name: 'Workshops' }).waitFor();
          await page.screenshot({ path: `${SCREENS}/${size.name}-list.png` });
          await page.getByRole('button', { name: 'Neuer Workshop', exact: true }).click();
          const create = page.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
          await create.waitFor();
          await expectNoSidewaysScrolling(`create dialog, ${size.name}`);
          await page.screenshot({ path: `${SCREENS}/${size.name}-create-dialog.png` });
          await page.keyboard.press('Escape');
          await page.getByRole('link', { name: WORKSHOP }).first().click();
          await page.getByRole('heading', { level: 1, name: WORKSHOP }).waitFor();
          await expectNoSidewaysScrolling(`overview, ${size.name}`);
          await page.screenshot({ path: `${SCREENS}/${size.name}-overview.png` });
          await page
            .getByRole('navigation', { name: 'Bereiche des Workshops' })
            .getByRole('link', { name: 'Pinnwand', exact: true })
            .click();
          await page.locator('ol.columns').waitFor();
          await expectNoSidewaysScrolling(`board, ${size.name}`);
          await page.screenshot({ path: `${SCREENS}/${size.name}-board.png` });
          await page.keyboard.press('F1');
          const help = page.getByRole('dialog', { name: 'Tastaturkürzel' });
          await help.waitFor();
          await expectNoSidewaysScrolling(`help dialog, ${size.name}`);
          await page.screenshot({ path: `${SCREENS}/${size.name}-help.png` });
          await page.keyboard.press('Escape');
          await page.keyboard.press('Control+Shift+E');
          const capture = page.getByRole('dialog', { name: 'Beschluss oder Aufgabe festhalten' });
          await capture.waitFor();
          await expectNoSidewaysScrolling(`capture dialog, ${size.name}`);
          await page.screenshot({ path: `${SCREENS}/${size.name}-capture.png` });
          await page.keyboard.press('Escape');
          await capture.waitFor({ state: 'detached' });
          await chooseTheme(LANGUAGES[0], 'contrast');
          await page.screenshot({ path: `${SCREENS}/${size.name}-board-contrast.png` });
          await chooseTheme(LANGUAGES[0], 'standard');
        } finally {
          page = original;
        }
      } finally {
        await zoomed.close();
      }
    });
  }
});

// ---------------------------------------------------------------- states

type Locale = 'de' | 'en';
const LOCALES: Record<Locale, Record<string, unknown>> = {
  de: JSON.parse(readFileSync(new URL('../../renderer/src/i18n/locales/de.json', import.meta.url), 'utf8')),
  en: JSON.parse(readFileSync(new URL('../../renderer/src/i18n/locales/en.json', import.meta.url), 'utf8')),
};

/** A UI text as the app shows it in that language (the tests find buttons by what users read). */
function tr(lang: Locale, key: string, values: Record<string, string> = {}): string {
  const text = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], LOCALES[lang]);
  if (typeof text !== 'string') throw new Error(`no text ${key} in ${lang}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

const STATES_WORKSHOP = 'Zustände – Barrierefreiheit';
const CLUSTER_BOARD = 'Handlungsschwerpunkte';
const MATRIX_BOARD = 'Bestandsaufnahme: Reifegrad der Prozesse';
const VISION_BOARD = 'Vision: KI in der Verwaltung 2030';
const IDEA = 'Posteingang mit KI sortieren';
const VOTERS = ['Anna Schmidt', 'Ben Öztürk'];
const FIRST_CLUSTER = 'Schnellere Fallbearbeitung';

/** Where the states live, found once by the setup: the app's own addresses. */
const urls = { workshop: '', clusters: '', matrix: '', vision: '', voting: '', canvas: '' };

async function openUrl(url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('main').waitFor();
  await page.locator('h2').first().waitFor();
  await frames(page);
}

async function setLanguage(lang: Locale): Promise<void> {
  const texts = LANGUAGES.find((l) => l.code === lang)!;
  await chooseLanguage(texts);
}

/** A workshop from the KI template with participants, cards, clusters and a project idea. */
async function setUpStates(): Promise<void> {
  await page.goto(session.baseUrl);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await chooseLanguage(LANGUAGES[0]);
  await createWorkshop(page, { title: STATES_WORKSHOP, template: 'KI-Strategie für die Verwaltung' });
  urls.workshop = page.url();
  const nav = page.getByRole('navigation', { name: 'Bereiche des Workshops' });
  await nav.getByRole('link', { name: 'Teilnehmende', exact: true }).click();
  const form = page.getByRole('form', { name: 'Person hinzufügen' });
  for (const name of VOTERS) {
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('button', { name: 'Hinzufügen' }).click();
    await page.locator('table.participant-table tbody tr', { hasText: name }).waitFor();
  }
  await nav.getByRole('link', { name: 'Abstimmungen', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Abstimmungen' }).waitFor();
  urls.voting = page.url();
  for (const [title, key] of [
    [VISION_BOARD, 'vision'],
    [MATRIX_BOARD, 'matrix'],
    [CLUSTER_BOARD, 'clusters'],
  ] as const) {
    await nav.getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
    urls[key] = page.url();
  }
  for (const text of ['Akten scannen', 'Chatbot für Bürgeranfragen', 'Termine online buchen'])
    await addPoolCard(page, text);
  await page.getByRole('button', { name: 'Verschieben nach …: Akten scannen' }).click();
  const move = page.getByRole('dialog', { name: 'Karte verschieben nach …' });
  await move.getByRole('combobox', { name: 'Ziel' }).selectOption({ label: `Cluster „${FIRST_CLUSTER}“` });
  await move.getByRole('button', { name: 'Verschieben', exact: true }).click();
  await move.waitFor({ state: 'detached' });
  await nav.getByRole('link', { name: 'Projektideen', exact: true }).click();
  await page.getByRole('button', { name: 'Projektidee anlegen' }).click();
  const create = page.getByRole('dialog', { name: 'Projektidee anlegen' });
  await create.getByLabel('Titel').fill(IDEA);
  await create.getByRole('button', { name: 'Projektidee anlegen' }).click();
  await page.getByRole('heading', { level: 2, name: IDEA }).waitFor();
  urls.canvas = page.url();
}

/** Opens a dialog with `open`, scans it, checks it does not scroll sideways, closes it with Escape. */
async function scanDialog(name: string, open: () => Promise<unknown>, where: string): Promise<void> {
  await open();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await frames(page);
  await expectAccessible(page, `${where}: dialog "${name}" open`);
  await expectNoSidewaysScrolling(`dialog "${name}" (${where})`);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

describe('axe in every important state, in both languages', () => {
  beforeAll(setUpStates);

  for (const lang of ['de', 'en'] as const) {
    it(`boards and their dialogs, a keyboard drag in progress, canvas and projector (${lang})`, async () => {
      await setLanguage(lang);
      const where = (what: string) => `${what} (${lang})`;

      await openUrl(urls.clusters);
      await page.locator('.cluster-board').waitFor();
      await expectAccessible(page, where('clusters board'));
      // The overview for screen readers: each cluster with its number of cards.
      const overview = page.getByRole('list', { name: tr(lang, 'a11y.clusterOverview.listLabel') });
      expect(await overview.getByRole('listitem').first().textContent()).toBe(
        tr(lang, 'a11y.clusterOverview.item', {
          title: FIRST_CLUSTER,
          cards: lang === 'de' ? '1 Karte' : '1 card',
        }),
      );
      await scanDialog(
        tr(lang, 'boards.addTitle'),
        () => page.getByRole('button', { name: tr(lang, 'boards.add'), exact: true }).click(),
        where('clusters board'),
      );
      await scanDialog(tr(lang, 'help.title'), () => page.keyboard.press('F1'), where('clusters board'));
      await scanDialog(
        tr(lang, 'decisions.capture.title'),
        () => page.keyboard.press('Control+Shift+E'),
        where('clusters board'),
      );
      await scanDialog(
        tr(lang, 'minutes.dialogTitle'),
        () => page.getByRole('button', { name: tr(lang, 'minutes.open'), exact: true }).click(),
        where('clusters board'),
      );

      // A card picked up with the keyboard: the drag state is scanned too.
      await page.locator('.cluster-pool [data-drag-handle]').first().focus();
      await page.keyboard.press('Space');
      await page.locator('[data-drag-handle][aria-pressed="true"]').waitFor();
      await frames(page, 3);
      await page.keyboard.press('ArrowDown');
      await frames(page, 3);
      await expectAccessible(page, where('clusters board, card lifted by keyboard'));
      await page.screenshot({ path: `${SCREENS}/states-drag-${lang}.png` });
      await page.keyboard.press('Escape');
      await page.locator('[data-drag-handle][aria-pressed="true"]').waitFor({ state: 'detached' });

      await openUrl(urls.matrix);
      await page.locator('table.matrix').waitFor();
      await expectAccessible(page, where('matrix board'));
      // A table with a header for every row and column.
      expect(await page.locator('table.matrix thead th[scope="col"]').count()).toBe(5);
      expect(await page.locator('table.matrix tbody th[scope="row"]').count()).toBeGreaterThan(0);

      await openUrl(urls.vision);
      await expectAccessible(page, where('vision board'));

      await openUrl(urls.canvas);
      await page.getByRole('heading', { level: 2, name: IDEA }).waitFor();
      await expectAccessible(page, where('canvas'));
      // Every field of the canvas has a label.
      const unlabelled = await page
        .locator('.canvas-board textarea, .canvas-board input, .canvas-board select')
        .evaluateAll((fields) =>
          fields
            .filter(
              (field) =>
                (field as HTMLInputElement).labels?.length === 0 &&
                !field.getAttribute('aria-label') &&
                !field.getAttribute('aria-labelledby') &&
                !field.closest('fieldset')?.querySelector('legend'),
            )
            .map((field) => field.outerHTML.slice(0, 80)),
        );
      expect(unlabelled).toEqual([]);
      await page.screenshot({ path: `${SCREENS}/states-canvas-${lang}.png`, fullPage: true });

      const workshopId = /#\/w\/([\w-]+)/.exec(urls.workshop)![1]!;
      const projector = await session.context.newPage();
      try {
        await projector.goto(`${session.baseUrl}#/projector/${workshopId}`);
        await projector.locator('main').first().waitFor();
        await frames(projector);
        await expectAccessible(projector, where('projector view'));
        await projector.screenshot({ path: `${SCREENS}/states-projector-${lang}.png` });
      } finally {
        await projector.close();
      }
    });

    it(`a voting round from the start dialog to the result (${lang})`, async () => {
      await setLanguage(lang);
      const where = (what: string) => `${what} (${lang})`;
      const title = `Runde ${lang}`;
      await openUrl(urls.voting);
      await expectAccessible(page, where('voting page'));

      await page.getByRole('button', { name: tr(lang, 'voting.start.open'), exact: true }).click();
      const start = page.getByRole('dialog', { name: tr(lang, 'voting.start.title') });
      await start.waitFor();
      await start.getByLabel(tr(lang, 'voting.start.board')).selectOption({ label: CLUSTER_BOARD });
      await start.getByRole('radio', { name: tr(lang, 'voting.target.clusters'), exact: true }).check();
      await start.getByLabel(tr(lang, 'voting.start.roundTitle')).fill(title);
      await expectAccessible(page, where('start-round dialog'));
      await expectNoSidewaysScrolling(where('start-round dialog'));
      await start.getByRole('button', { name: tr(lang, 'voting.start.submit'), exact: true }).click();
      await start.waitFor({ state: 'detached' });

      const round = page
        .locator('li.voting-round')
        .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
      await round.getByRole('button', { name: tr(lang, 'voting.actions.ballots') }).click();
      await page.getByRole('heading', { name: tr(lang, 'voting.ballot.chooseName') }).waitFor();
      await expectAccessible(page, where('ballot screen, choosing a name'));
      await page.getByRole('button', { name: VOTERS[0], exact: true }).click();
      await page
        .getByRole('heading', { name: tr(lang, 'voting.ballot.heading', { name: VOTERS[0]! }) })
        .waitFor();
      const dot = page.getByRole('button', {
        name: tr(lang, 'voting.ballot.addDot', { item: FIRST_CLUSTER }),
      });
      await dot.click();
      await dot.click();
      await expectAccessible(page, where('ballot with dots'));
      await page.screenshot({ path: `${SCREENS}/states-ballot-${lang}.png` });
      await page.getByRole('button', { name: tr(lang, 'voting.ballot.submit'), exact: true }).click();
      await page.getByRole('button', { name: tr(lang, 'voting.ballot.next'), exact: true }).waitFor();
      await expectAccessible(page, where('ballot saved'));
      await page.getByRole('button', { name: tr(lang, 'voting.ballot.next'), exact: true }).click();
      await page.getByRole('button', { name: tr(lang, 'voting.ballot.exit'), exact: true }).click();

      await round.getByRole('button', { name: tr(lang, 'voting.actions.close'), exact: true }).click();
      const confirm = page.getByRole('dialog', { name: tr(lang, 'voting.confirmClose.title') });
      await confirm.waitFor();
      await expectAccessible(page, where('close-round dialog'));
      await confirm.getByRole('button', { name: tr(lang, 'voting.actions.close'), exact: true }).click();
      await confirm.waitFor({ state: 'detached' });
      await round.getByRole('button', { name: tr(lang, 'voting.actions.reveal'), exact: true }).click();
      await round.locator('table.voting-table').first().waitFor();
      await expectAccessible(page, where('voting result'));
      await page.screenshot({ path: `${SCREENS}/states-result-${lang}.png`, fullPage: true });
    });
  }
});

describe('the phase screens at 200 % zoom and on a 1280×720 projector', () => {
  beforeAll(async () => {
    if (!urls.clusters) await setUpStates();
    await setLanguage('de');
  });

  const sizes = [
    { name: '1280x720', width: 1280, height: 720, zoom: 1 },
    { name: 'zoom200', width: 640, height: 360, zoom: 2 },
  ];
  for (const size of sizes) {
    it(`shows the clusters board, the canvas, voting and their dialogs without sideways scrolling at ${size.name}`, async () => {
      const zoomed = await session.context.newPage();
      const original = page;
      try {
        await zoomed.setViewportSize({ width: size.width, height: size.height });
        const cdp = await session.context.newCDPSession(zoomed);
        await cdp.send('Emulation.setDeviceMetricsOverride', {
          width: size.width,
          height: size.height,
          deviceScaleFactor: size.zoom,
          mobile: false,
        });
        page = zoomed;
        const shot = (what: string) =>
          page.screenshot({ path: `${SCREENS}/${size.name}-${what}.png`, fullPage: true });

        await openUrl(urls.clusters);
        await page.locator('.cluster-board').waitFor();
        await shot('clusters');
        await expectNoSidewaysScrolling(`clusters board, ${size.name}`);
        await page
          .getByRole('button', { name: /^Verschieben nach …: / })
          .first()
          .click();
        await page.getByRole('dialog', { name: 'Karte verschieben nach …' }).waitFor();
        await expectNoSidewaysScrolling(`move dialog, ${size.name}`);
        await shot('clusters-move-dialog');
        await page.keyboard.press('Escape');
        await scanDialog(
          'Neues Board',
          () => page.getByRole('button', { name: 'Board hinzufügen' }).click(),
          size.name,
        );
        await page.getByRole('button', { name: 'Protokoll', exact: true }).click();
        await page.getByRole('dialog', { name: 'Protokoll speichern' }).waitFor();
        await expectNoSidewaysScrolling(`minutes dialog, ${size.name}`);
        await shot('minutes-dialog');
        await page.keyboard.press('Escape');

        await openUrl(urls.canvas);
        await page.getByRole('heading', { level: 2, name: IDEA }).waitFor();
        await expectNoSidewaysScrolling(`canvas, ${size.name}`);
        await shot('canvas');

        await openUrl(urls.voting);
        await page.getByRole('button', { name: 'Abstimmung starten', exact: true }).click();
        await page.getByRole('dialog', { name: 'Abstimmung starten' }).waitFor();
        await expectNoSidewaysScrolling(`start-round dialog, ${size.name}`);
        await shot('start-round-dialog');
        await page.keyboard.press('Escape');
        await expectNoSidewaysScrolling(`voting page, ${size.name}`);
        await shot('voting');
      } finally {
        page = original;
        await zoomed.close();
      }
    });
  }
});

// ---------------------------------------------------------------- operating-system settings

describe('the operating system settings: forced colours, more contrast, reduced motion', () => {
  beforeAll(async () => {
    if (!urls.clusters) await setUpStates();
    await setLanguage('de');
  });
  afterAll(async () => {
    await page.emulateMedia({
      forcedColors: 'none',
      contrast: 'no-preference',
      reducedMotion: 'no-preference',
    });
  });

  it('keeps shapes and borders in forced colours (Windows contrast themes), and axe finds nothing serious', async () => {
    await page.emulateMedia({ forcedColors: 'active' });
    await openUrl(urls.clusters);
    const card = page.locator('li.cluster-card').first();
    await card.waitFor();
    expect(await card.evaluate((element) => getComputedStyle(element).borderTopWidth)).toBe('2px');
    expect(
      await page
        .locator('li.cluster')
        .first()
        .evaluate((element) => getComputedStyle(element).borderTopStyle),
    ).toBe('solid');
    await expectAccessible(page, 'clusters board in forced colours');
    await page.locator('.cluster-pool [data-drag-handle]').first().focus();
    await page.keyboard.press('Tab');
    // The focus outline is drawn in the system's highlight colour, not hidden by it.
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(outline.style).not.toBe('none');
    expect(parseFloat(outline.width)).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `${SCREENS}/forced-colors-clusters.png` });
    await page.emulateMedia({ forcedColors: 'none' });
  });

  it('turns to black on white with strong borders when the system asks for more contrast', async () => {
    await page.emulateMedia({ contrast: 'more' });
    await openUrl(urls.clusters);
    const colours = await page.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      return { text: root.getPropertyValue('--text').trim(), bg: root.getPropertyValue('--bg').trim() };
    });
    expect(colours.text).toMatch(/^#000(000)?$/);
    expect(colours.bg).toMatch(/^#fff(fff)?$/i);
    await expectAccessible(page, 'clusters board with prefers-contrast: more');
    await page.screenshot({ path: `${SCREENS}/prefers-contrast-clusters.png` });
    await page.emulateMedia({ contrast: 'no-preference' });
  });

  it('has no transition or animation left when the system asks for reduced motion', async () => {
    const moving = () =>
      page.evaluate(() => {
        const seconds = (value: string) =>
          Math.max(
            ...value.split(',').map((part) => parseFloat(part) * (part.trim().endsWith('ms') ? 0.001 : 1)),
          );
        // A probe that moves the way dnd-kit's cards do (inline transition) and the timer does (animation).
        const probe = document.createElement('div');
        probe.className = 'motion-probe';
        probe.style.transition = 'transform 250ms ease';
        probe.style.animation = 'timer-pulse 2s ease-in-out 3';
        document.body.append(probe);
        const found: string[] = [];
        for (const element of Array.from(document.querySelectorAll('*'))) {
          for (const pseudo of [null, '::before', '::after']) {
            const style = getComputedStyle(element, pseudo);
            const transition = style.transitionProperty !== 'none' ? seconds(style.transitionDuration) : 0;
            const animation = style.animationName !== 'none' ? seconds(style.animationDuration) : 0;
            if (transition > 0.001 || animation > 0.001)
              found.push(`${element.tagName.toLowerCase()}.${element.className}${pseudo ?? ''}`);
          }
        }
        probe.remove();
        return found;
      });
    await openUrl(urls.clusters);
    // Without the setting the probe moves (else this check could not fail).
    expect(await moving()).toEqual(['div.motion-probe']);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openUrl(urls.clusters);
    expect(await moving()).toEqual([]);
    await openUrl(urls.voting);
    expect(await moving()).toEqual([]);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
  });
});

describe('note colours', () => {
  /** WCAG's contrast ratio of two "#rrggbb" colours. */
  function contrast(a: string, b: string): number {
    const luminance = (hex: string) => {
      const [r, g, bl] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  }

  it('gives every card colour an edge of at least 3:1 against the card and the page, and text of 4.5:1', async () => {
    const colours = await page.evaluate(() => {
      const root = getComputedStyle(document.documentElement);
      const get = (name: string) => root.getPropertyValue(name).trim().toLowerCase();
      return {
        bg: get('--bg'),
        text: get('--text'),
        notes: ['yellow', 'orange', 'pink', 'green', 'blue', 'purple'].map((colour) => ({
          colour,
          fill: get(`--note-${colour}`),
          edge: get(`--note-${colour}-edge`),
        })),
      };
    });
    const weak = colours.notes.flatMap(({ colour, fill, edge }) => {
      const problems: string[] = [];
      if (contrast(edge, fill) < 3)
        problems.push(`${colour}: edge on card ${contrast(edge, fill).toFixed(2)}`);
      if (contrast(edge, colours.bg) < 3)
        problems.push(`${colour}: edge on page ${contrast(edge, colours.bg).toFixed(2)}`);
      if (contrast(colours.text, fill) < 4.5)
        problems.push(`${colour}: text ${contrast(colours.text, fill).toFixed(2)}`);
      return problems;
    });
    expect(colours.notes.every((n) => /^#[0-9a-f]{6}$/.test(n.fill) && /^#[0-9a-f]{6}$/.test(n.edge))).toBe(
      true,
    );
    expect(weak).toEqual([]);
  });
});
