// Issue 10, the parts that exist today: a workshop run with the keyboard alone
// (focus always visible, never lost or trapped), the help dialog (F1, "?"),
// axe on every screen in both languages and in the high-contrast theme, and
// screenshots at 200 % zoom and at 1280×720 with no dialog scrolling sideways.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addNote,
  createWorkshop,
  eventually,
  expectAccessible,
  expectBoard,
  frames,
  launchSession,
  type Session,
} from './helpers';

const WORKSHOP = 'Digitalstrategie Landratsamt';
const SCREENS = 'test-results/screens';

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
  const page_ = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    board: document.querySelector('ol.columns') !== null,
  }));
  if (!page_.board)
    expect(page_.scroll, `the page scrolls sideways (${where})`).toBeLessThanOrEqual(page_.client);
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
