// Writing from phones (issue 12), end to end against `npm run web`'s real LAN
// host: the facilitator starts a named writing round on a columns board, three
// phone-sized pages join by the join URL and write cards at the same time, the
// inbox beside the board shows them as they arrive; the facilitator accepts,
// merges duplicates, rejects, accepts the rest at once and undoes that; a
// phone reloads and keeps its cards; the projector shows only the count; the
// round closes and the cards still waiting stay in the inbox.
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LanJoinResponse, LanWritingPhoneState } from '../../electron/shared/lanContract';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  createWorkshop,
  escapeRegExp,
  eventually,
  expectAccessible,
  launchSession,
  readBoard,
  type Session,
} from './helpers';

const TITLE = 'KI-Strategie – Schreibrunde';
const BOARD = 'Ideensammlung';
const PROMPT = 'Welche Aufgaben sollten wir zuerst automatisieren?';
const PEOPLE = ['Anna Schmidt', 'Ben Öztürk', 'Clara Nowak'];
/** What each person writes on their phone, in this order. */
const WRITES: Record<string, string[]> = {
  'Anna Schmidt': ['E-Akte einführen', 'Akten digitalisieren'],
  'Ben Öztürk': ['Chatbot für Bürgeranfragen', 'Papierakten scannen'],
  'Clara Nowak': ['Alles ausdrucken', 'Termine online buchen'],
};
const ALL_CARDS = Object.values(WRITES).flat();
const MERGED = 'Akten digitalisieren und scannen';

let session: Session;
let page: Page;
let joinUrl = '';
/** The phones: each its own browser context (own storage, so its own device token), like separate phones. */
let phoneBrowser: Browser;
let phoneProblems: string[] = [];

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  await page.setViewportSize({ width: 1600, height: 1000 });
  phoneBrowser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
afterEach(async () => {
  await session.expectClean();
  expect(phoneProblems, 'problems on the phone pages').toEqual([]);
  phoneProblems = [];
});
afterAll(async () => {
  await phoneBrowser?.close();
  await session?.close();
});

async function newPhonePage(): Promise<Page> {
  const context = await phoneBrowser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      phoneProblems.push(`external request ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  context.on('console', (message) => {
    // A refused API call (4xx) is logged by the browser as a failed load: the page handles it.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text()))
      phoneProblems.push(`console: ${message.text()}`);
  });
  context.on('weberror', (error) => phoneProblems.push(`page error: ${String(error.error())}`));
  const phone = await context.newPage();
  phone.setDefaultTimeout(10_000);
  return phone;
}

function nav(name: string): Locator {
  return page.getByRole('navigation', { name: 'Bereiche des Workshops' }).getByRole('link', { name });
}

function inbox(name: RegExp = /^(Eingang|Inbox) \(\d+\)$/): Locator {
  return page.getByRole('complementary', { name });
}

function inboxCard(text: string): Locator {
  return page.locator('li.inbox-card').filter({
    has: page.locator('.inbox-card-text', { hasText: new RegExp(`^${escapeRegExp(text)}$`) }),
  });
}

/** The texts in the inbox list as shown (the current filter). */
function inboxTexts(): Promise<string[]> {
  return page.locator('ul.inbox-list .inbox-card-text').allTextContents();
}

function panel(): Locator {
  return page.getByRole('region', { name: 'Schreibrunde mit dem Handy' });
}

/**
 * Everything said in the polite live region since the recorder was installed:
 * arrivals are announced a few seconds late and would talk over a decision.
 */
async function recordAnnouncements(): Promise<void> {
  await page.evaluate(() => {
    const region = document.querySelector('[role="status"][aria-live="polite"]')!;
    const said: string[] = [];
    (window as unknown as { __said: string[] }).__said = said;
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
}

function announced(): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __said: string[] }).__said);
}

/**
 * The phone page's writing screens (renderer/phone) are driven like a person
 * would; while they are not usable, PHONE_API=1 writes through the phone API
 * as the page would call it.
 */
const THROUGH_API = process.env.PHONE_API === '1';

interface Phone {
  name: string;
  page: Page | null;
  token: string;
  participantId: string;
  sent: number;
}
const phones = new Map<string, Phone>();

async function phoneApi<T>(
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; json: T }> {
  const origin = new URL(joinUrl).origin;
  const response = await fetch(new URL(path, origin), {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      Origin: origin,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as T };
}

/** A phone opens the join URL, picks its name and is ready to write. */
async function joinAs(name: string): Promise<Phone> {
  if (THROUGH_API) {
    const joined = await phoneApi<LanJoinResponse>('/api/join', { code: joinUrl.slice(-6) });
    expect(joined.status).toBe(200);
    const state = joined.json.state as LanWritingPhoneState;
    expect(state).toMatchObject({ kind: 'write', round: { prompt: PROMPT } });
    const voter = state.round.voters.find((v) => v.name === name)!;
    const phone = { name, page: null, token: joined.json.token, participantId: voter.id, sent: 0 };
    phones.set(name, phone);
    return phone;
  }
  const page = await newPhonePage();
  await page.goto(joinUrl);
  await page.getByRole('heading', { name: 'Wer sind Sie?' }).waitFor();
  await page.getByRole('radio', { name }).check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByRole('heading', { name: PROMPT }).waitFor();
  const phone = { name, page, token: '', participantId: '', sent: 0 };
  phones.set(name, phone);
  return phone;
}

async function write(phone: Phone, text: string): Promise<void> {
  phone.sent += 1;
  if (!phone.page) {
    const sent = await phoneApi<LanWritingPhoneState>(
      '/api/note',
      {
        clientId: `${phone.participantId.slice(0, 8)}card${phone.sent}xx`,
        text,
        participantId: phone.participantId,
      },
      phone.token,
    );
    expect(sent.status).toBe(200);
    return;
  }
  const field = phone.page.getByRole('textbox', { name: 'Ihre Karte' });
  await field.fill(text);
  await phone.page.getByRole('button', { name: 'Karte senden' }).click();
  await phone.page.getByRole('region', { name: 'Meine Karten' }).getByText(text, { exact: true }).waitFor();
  await eventually(async () => expect(await field.inputValue()).toBe(''));
}

/** The phone's own cards after a reload of its page (or as the page would ask for them). */
async function reloadAndReadCards(phone: Phone): Promise<string[]> {
  if (!phone.page) {
    const state = await phoneApi<LanWritingPhoneState>('/api/state', undefined, phone.token);
    expect(state.json.participantId).toBe(phone.participantId);
    return state.json.notes.map((n) => n.text);
  }
  await phone.page.reload();
  const mine = phone.page.getByRole('region', { name: 'Meine Karten' });
  await mine.getByText(WRITES[phone.name]!.at(-1)!, { exact: true }).waitFor();
  await phone.page.getByText(`Sie schreiben als ${phone.name}.`, { exact: false }).waitFor();
  return mine.locator('li .card-text, li p').allTextContents();
}

describe('writing from phones into the inbox', () => {
  it('sets up a workshop with three participants and a columns board', async () => {
    await createWorkshop(page, { title: TITLE, template: 'KI-Strategie für die Verwaltung' });
    await recordAnnouncements();
    await nav('Teilnehmende').click();
    const form = page.getByRole('form', { name: 'Person hinzufügen' });
    for (const name of PEOPLE) {
      await form.getByRole('textbox', { name: 'Name' }).fill(name);
      await form.getByRole('button', { name: 'Hinzufügen' }).click();
      await page.locator('table.participant-table tbody tr', { hasText: name }).waitFor();
    }
    await nav('Vision: KI in der Verwaltung 2030').click();
    await page.getByRole('button', { name: 'Board hinzufügen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Neues Board' });
    await dialog.getByRole('textbox', { name: 'Name des Boards' }).fill(BOARD);
    await dialog.getByRole('radio', { name: /^Pinnwand mit Spalten/ }).check();
    await dialog.getByRole('button', { name: 'Board hinzufügen' }).click();
    await page.getByRole('heading', { level: 2, name: BOARD, exact: true }).waitFor();
    for (const title of ['Ideen', 'Fragen']) {
      await page.getByRole('button', { name: 'Spalte hinzufügen' }).click();
      const prompt = page.getByRole('dialog', { name: 'Neue Spalte' });
      await prompt.getByRole('textbox', { name: 'Name der Spalte' }).fill(title);
      await prompt.getByRole('button', { name: 'Spalte hinzufügen' }).click();
      await prompt.waitFor({ state: 'detached' });
    }
    await eventually(async () =>
      expect((await readBoard(page)).map((c) => c.title)).toEqual(['Ideen', 'Fragen']),
    );
  });

  it('starts a named writing round: the dialog refuses an empty question and keeps the rest', async () => {
    await page.getByRole('button', { name: 'Schreibrunde starten …' }).click();
    const dialog = page.getByRole('dialog', { name: `Schreibrunde starten: ${BOARD}` });
    const loopback = dialog.getByRole('radio', { name: /^Nur dieser Computer/ });
    await loopback.waitFor();
    await expectAccessible(page, 'the start dialog of a writing round');
    await dialog.screenshot({ path: '/tmp/e4-start-dialog.png' });
    await dialog.getByRole('radio', { name: 'Mit Namen' }).check();
    await dialog.getByLabel('Karten pro Person (optional)').fill('5');
    await dialog.getByRole('button', { name: 'Schreibrunde starten' }).click();
    await dialog.getByText('Bitte geben Sie eine Leitfrage ein.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await dialog.getByLabel('Karten pro Person (optional)').inputValue()).toBe('5');
    await dialog.getByLabel('Leitfrage').fill(PROMPT);
    await loopback.check();
    await dialog.getByRole('button', { name: 'Schreibrunde starten' }).click();
    await dialog.waitFor({ state: 'detached' });

    await panel().waitFor();
    // The panel heading has the focus, so a screen reader user lands on it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Schreibrunde mit dem Handy');
    joinUrl = (await panel().locator('.phone-link').textContent()) ?? '';
    expect(joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/j\/[A-Z2-9]{6}$/);
    await panel()
      .getByRole('img', { name: `QR-Code zum Schreiben mit dem Handy: ${joinUrl}` })
      .waitFor();
    await panel().getByText('Handys verbunden: 0').waitFor();
    await inbox(/^Eingang \(0\)$/)
      .getByText('Noch keine Karten.', { exact: false })
      .waitFor();
  });

  it('three phones join and write at the same time; the inbox shows every card with its author', async () => {
    const joined = await Promise.all(PEOPLE.map((name) => joinAs(name)));
    await Promise.all(
      joined.map(async (phone, i) => {
        for (const text of WRITES[PEOPLE[i]!]!) await write(phone, text);
      }),
    );
    await inbox(/^Eingang \(6\)$/).waitFor();
    await eventually(async () => expect((await inboxTexts()).sort()).toEqual([...ALL_CARDS].sort()), 15_000);
    await panel().getByText('Handys verbunden: 3').waitFor();
    expect(await inboxCard('E-Akte einführen').locator('.inbox-author').textContent()).toBe('Anna Schmidt');
    expect(await inboxCard('Termine online buchen').locator('.inbox-author').textContent()).toBe(
      'Clara Nowak',
    );
    // Each phone's cards arrive in the order it wrote them.
    const shown = await inboxTexts();
    expect(shown.indexOf('E-Akte einführen')).toBeLessThan(shown.indexOf('Akten digitalisieren'));
    await expect.poll(() => page.locator('.writing-counts').innerText()).toMatch(/Eingegangen\s*6/);
    await expectAccessible(page, 'the inbox with six cards');
    await page.screenshot({ path: '/tmp/e4-inbox-1600.png' });
  });

  it('accepts two cards into a column, with their authors on the board', async () => {
    await inbox().getByLabel('Ziel:').selectOption({ label: 'Ideen' });
    await inboxCard('E-Akte einführen')
      .getByRole('button', { name: '„E-Akte einführen“ übernehmen' })
      .click();
    await expect.poll(announced).toContain('Eine Karte übernommen in „Ideen“');
    // By keyboard: Tab onto the button and Enter.
    await inboxCard('Chatbot für Bürgeranfragen')
      .getByRole('button', { name: '„Chatbot für Bürgeranfragen“ übernehmen' })
      .focus();
    await page.keyboard.press('Enter');
    await eventually(async () =>
      expect((await readBoard(page))[0]).toEqual({
        title: 'Ideen',
        notes: ['E-Akte einführen', 'Chatbot für Bürgeranfragen'],
      }),
    );
    const column = page.locator('ol.columns > li.column').first();
    await eventually(async () =>
      expect(await column.locator('.note-author').allTextContents()).toEqual([
        'von Anna Schmidt',
        'von Ben Öztürk',
      ]),
    );
    await inbox(/^Eingang \(4\)$/).waitFor();
    expect(await inboxTexts()).not.toContain('E-Akte einführen');
  });

  it('merges two duplicates and rejects one', async () => {
    await inboxCard('Akten digitalisieren').getByRole('checkbox').check();
    await inboxCard('Papierakten scannen').getByRole('checkbox').check();
    await inbox().getByText('2 ausgewählt').waitFor();
    await inbox().getByRole('button', { name: 'Ausgewählte zusammenführen …' }).click();
    const dialog = page.getByRole('dialog', { name: '2 Karten zusammenführen' });
    const field = dialog.getByLabel('Text der zusammengeführten Karte');
    // Joined in the order the cards arrived (the phones wrote at the same time).
    const arrived = (await inboxTexts()).filter(
      (t) => t === 'Akten digitalisieren' || t === 'Papierakten scannen',
    );
    expect(await field.inputValue()).toBe(arrived.join('\n'));
    await expectAccessible(page, 'the merge dialog');
    await field.fill(MERGED);
    await dialog.getByRole('button', { name: 'Zusammenführen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await inboxCard(MERGED).waitFor();
    await page.locator('.inbox').screenshot({ path: '/tmp/e4-inbox-list.png' });
    expect(await inboxTexts()).not.toContain('Papierakten scannen');

    await inboxCard('Alles ausdrucken').getByRole('button', { name: '„Alles ausdrucken“ ablehnen' }).click();
    await expect.poll(announced).toContain('Eine Karte abgelehnt');
    await inbox(/^Eingang \(2\)$/).waitFor();
    expect((await inboxTexts()).sort()).toEqual([MERGED, 'Termine online buchen'].sort());
    await inbox().getByRole('radio', { name: 'Abgelehnt (1)' }).check();
    expect(await inboxTexts()).toEqual(['Alles ausdrucken']);
    await inbox()
      .getByRole('radio', { name: /^Offen/ })
      .check();
  });

  it('accepts all waiting cards at once into another column, and undo takes that back', async () => {
    await inbox().getByLabel('Ziel:').selectOption({ label: 'Fragen' });
    await inbox().getByRole('button', { name: 'Alle offenen übernehmen (2)' }).click();
    await expect.poll(announced).toContain('2 Karten übernommen in „Fragen“');
    await eventually(async () =>
      expect((await readBoard(page))[1]!.notes.sort()).toEqual([MERGED, 'Termine online buchen'].sort()),
    );
    await inbox(/^Eingang \(0\)$/).waitFor();

    await page
      .getByRole('group', { name: 'Verlauf' })
      .getByRole('button', { name: 'Rückgängig', exact: true })
      .click();
    await eventually(async () => expect((await readBoard(page))[1]!.notes).toEqual([]));
    await inbox(/^Eingang \(2\)$/).waitFor();
    // The earlier decisions stand.
    expect((await readBoard(page))[0]!.notes).toEqual(['E-Akte einführen', 'Chatbot für Bürgeranfragen']);
  });

  it('a phone reloads and keeps its cards', async () => {
    const cards = await reloadAndReadCards(phones.get('Ben Öztürk')!);
    expect(cards).toEqual(expect.arrayContaining(WRITES['Ben Öztürk']!));
  });

  it('the projector shows the question, the join code and only the count of cards, in German and English', async () => {
    const [projector] = await Promise.all([
      session.context.waitForEvent('page'),
      panel().getByRole('button', { name: 'Auf dem Projektor zeigen' }).click(),
    ]);
    await projector.setViewportSize({ width: 1280, height: 720 });
    const shown = projector.getByRole('region', { name: 'Schreiben Sie mit dem Handy' });
    await shown.waitFor();
    await shown.getByText(PROMPT).waitFor();
    await shown.getByRole('img', { name: `QR-Code zum Schreiben mit dem Handy: ${joinUrl}` }).waitFor();
    await shown.getByText('6 Karten eingegangen').waitFor();
    // Without the soft hyphens the projector sets into long words (a hidden word would not match).
    const text = (await projector.locator('main').innerText()).replaceAll('\u00AD', '');
    for (const card of [...ALL_CARDS, MERGED]) expect(text).not.toContain(card);
    for (const name of PEOPLE) expect(text).not.toContain(name);
    await expectAccessible(projector, 'the projector with the writing round');
    await projector.screenshot({ path: '/tmp/e4-projector-1280.png' });

    await page.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'English' });
    await inbox(/^Inbox \(2\)$/).waitFor();
    await expectAccessible(page, 'the inbox in English');
    await projector.reload();
    await projector
      .getByRole('region', { name: 'Write with your phone' })
      .getByText('6 cards received')
      .waitFor();
    await expectAccessible(projector, 'the projector with the writing round, in English');
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
    await inbox(/^Eingang \(2\)$/).waitFor();

    await panel().getByRole('button', { name: 'Vom Projektor nehmen' }).click();
    await shown.waitFor({ state: 'detached' });
    await projector.close();
  });

  it('closes the round: phones can no longer write, the waiting cards stay in the inbox', async () => {
    await panel().getByRole('button', { name: 'Schreibrunde beenden' }).click();
    const confirm = page.getByRole('dialog', { name: 'Schreibrunde beenden?' });
    await confirm.getByText('2 Karten warten noch im Eingang', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Schreibrunde beenden' }).click();
    await panel().waitFor({ state: 'detached' });
    await inbox(/^Eingang \(2\)$/).waitFor();
    expect((await inboxTexts()).sort()).toEqual([MERGED, 'Termine online buchen'].sort());

    const clara = phones.get('Clara Nowak')!;
    if (clara.page) {
      await clara.page.reload();
      await clara.page.getByRole('heading', { name: 'Die Schreibrunde ist beendet. Danke!' }).waitFor();
    }
    const late = await phoneApi<{ error: string }>(
      '/api/note',
      { clientId: 'late-card-0001', text: 'Zu spät', participantId: clara.participantId || undefined },
      clara.token || 'x'.repeat(43),
    );
    expect(late.status).not.toBe(200);

    // What waits can still be taken after the round.
    await inbox().getByRole('button', { name: 'Alle offenen übernehmen (2)' }).click();
    await eventually(async () =>
      expect((await readBoard(page))[1]!.notes.sort()).toEqual([MERGED, 'Termine online buchen'].sort()),
    );
    for (const phone of phones.values()) await phone.page?.context().close();
  });

  it('the start dialog and the inbox pass axe in English', async () => {
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Inbox (0)' }).click();
    await inbox(/^Inbox \(0\)$/).waitFor();
    await inbox().getByRole('radio', { name: 'All (6)' }).check();
    await page.locator('li.inbox-card').nth(5).waitFor();
    await expectAccessible(page, 'the inbox of a closed round, in English');
    await page.getByRole('button', { name: 'Start writing round …' }).click();
    const dialog = page.getByRole('dialog', { name: `Start writing round: ${BOARD}` });
    await dialog.getByRole('radio', { name: /^Only this computer/ }).waitFor();
    await expectAccessible(page, 'the start dialog in English');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
  });
});
