// Voting from phones over the local network (issue 6), end to end: the
// facilitator opens a round to phones on the loopback interface, a phone-sized
// Chromium page opens the join URL (scanning nothing), votes, reloads and
// changes its ballot; a second phone talks to the phone API directly; the
// facilitator sees the turnout (never a running result), closes, reveals, and
// the result is the one of the changed ballot.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LanJoinResponse, LanPhoneState } from '../../electron/shared/lanContract';
import { createWorkshop, expectAccessible, launchSession, type Session } from './helpers';

/** A join answer of a voting round (the contract's state also covers writing rounds). */
type VoteJoinResponse = Omit<LanJoinResponse, 'state'> & { state: LanPhoneState };

const TITLE = 'KI-Strategie – Handy-Abstimmung';
const PEOPLE = ['Anna Schmidt', 'Ben Öztürk', 'Clara Nowak'];
const A = 'Schnellere Fallbearbeitung';
const B = 'Kürzere Verfahren';
const C = 'Entlastung der Beschäftigten';
const D = 'Besserer Service für Bürger und Unternehmen';
const ROUND = 'Schwerpunkte per Handy';

let session: Session;
let page: Page;
let phone: Page;
/** What the panel shows, read as a person would. */
let joinUrl = '';
let joinCode = '';

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  await page.setViewportSize({ width: 1920, height: 1080 });
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

function roundCard(title = ROUND): Locator {
  return page
    .locator('li.voting-round')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

function phonePanel(): Locator {
  return page.getByRole('region', { name: 'Abstimmen mit dem Handy' });
}

/** Rank, item and score of each row of the round's result table. */
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

/** A second phone without a page: the phone API, as the phone page calls it. */
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

describe('voting from phones', () => {
  it('sets up a workshop with three participants and starts a named dot vote', async () => {
    await createWorkshop(page, { title: TITLE, template: 'KI-Strategie für die Verwaltung' });
    await nav('Teilnehmende').click();
    const form = page.getByRole('form', { name: 'Person hinzufügen' });
    for (const name of PEOPLE) {
      await form.getByRole('textbox', { name: 'Name' }).fill(name);
      await form.getByRole('button', { name: 'Hinzufügen' }).click();
      await page.locator('table.participant-table tbody tr', { hasText: name }).waitFor();
    }

    await nav('Abstimmungen').click();
    await page.getByRole('button', { name: 'Abstimmung starten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Abstimmung starten' });
    await expect.poll(() => dialog.getByLabel('Board').inputValue()).not.toBe('');
    await dialog.getByLabel('Board').selectOption({ label: 'Handlungsschwerpunkte' });
    await dialog.getByRole('radio', { name: 'Cluster', exact: true }).check();
    await dialog.getByText('4 Einträge').waitFor();
    await dialog.getByLabel('Titel der Runde').fill(ROUND);
    await dialog.getByRole('radio', { name: /^Punktabfrage/ }).check();
    await dialog.getByLabel('Punkte pro Person').fill('3');
    await dialog.getByLabel('Höchstens Punkte je Eintrag').fill('2');
    await dialog.getByRole('radio', { name: 'Namentlich' }).check();
    await dialog.getByRole('button', { name: 'Abstimmung starten' }).click();
    await dialog.waitFor({ state: 'detached' });
    await roundCard().getByText('0 von 3 Stimmen abgegeben').waitFor();
  });

  it('opens the round to phones on this computer only and shows QR code, code and address', async () => {
    await roundCard().getByRole('button', { name: 'Für Handys öffnen …' }).click();
    const dialog = page.getByRole('dialog', { name: `„${ROUND}“ für Handys öffnen` });
    const loopback = dialog.getByRole('radio', { name: /^Nur dieser Computer \(zum Ausprobieren\)/ });
    await loopback.waitFor();
    await dialog.getByText('Die Handys müssen im selben WLAN oder Hotspot sein').waitFor();
    await expectAccessible(page, 'the dialog opening a round to phones');
    await dialog.screenshot({ path: '/tmp/h3-open-dialog.png' });
    await loopback.check();
    await dialog.getByRole('button', { name: 'Für Handys öffnen' }).click();
    await dialog.waitFor({ state: 'detached' });

    const panel = phonePanel();
    await panel.waitFor();
    // The panel heading has the focus, so a screen reader user lands on it.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Abstimmen mit dem Handy');
    await expect
      .poll(() => page.locator('[role="status"][aria-live="polite"]').last().innerText())
      .toBe(`Handy-Abstimmung für „${ROUND}“ geöffnet.`);

    joinUrl = (await panel.locator('.phone-link').textContent()) ?? '';
    const shownCode = (await panel.locator('.phone-code [aria-hidden="true"]').textContent()) ?? '';
    expect(joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/j\/[A-Z2-9]{6}$/);
    expect(shownCode).toMatch(/^[A-Z2-9]{3} [A-Z2-9]{3}$/);
    joinCode = shownCode.replace(' ', '');
    expect(joinUrl.endsWith(`/j/${joinCode}`)).toBe(true);
    await panel.getByText(new URL(joinUrl).origin, { exact: true }).waitFor();
    const qr = panel.getByRole('img', { name: `QR-Code zum Abstimmen mit dem Handy: ${joinUrl}` });
    expect(await qr.locator('path').count()).toBe(1);
    await panel.getByText('Handys verbunden: 0').waitFor();
    await panel.getByText('0 von 3 haben abgestimmt').waitFor();

    await expectAccessible(page, 'the voting page with the phone panel');
    await panel.screenshot({ path: '/tmp/h3-phone-panel.png' });
    await page.screenshot({ path: '/tmp/h3-voting-1920.png' });
  });

  it('a phone opens the join URL, picks a name and votes; the facilitator sees the turnout only', async () => {
    phone = await session.context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(joinUrl);
    await phone.getByRole('heading', { name: 'Wer sind Sie?' }).waitFor();
    await phone.getByRole('radio', { name: 'Anna Schmidt' }).check();
    await phone.getByRole('button', { name: 'Weiter' }).click();
    for (const item of [A, A, B])
      await phone.getByRole('button', { name: `Punkt für „${item}“ hinzufügen` }).click();
    await phone.getByRole('button', { name: 'Stimme abgeben' }).click();
    await phone.getByRole('heading', { name: 'Ihre Stimme ist gezählt.' }).waitFor();
    await expectAccessible(phone, 'the phone page after voting');

    const panel = phonePanel();
    await panel.getByText('1 von 3 haben abgestimmt').waitFor();
    await panel.getByText('Handys verbunden: 1').waitFor();
    await expect
      .poll(() => page.locator('[role="status"][aria-live="polite"]').last().innerText())
      .toBe('Stimmzettel vom Handy erhalten (1 von 3)');
    await roundCard().getByText('1 von 3 Stimmen abgegeben').waitFor();
    // No running result on the laptop while the round is open.
    expect(await page.locator('.voting-result, table.voting-table').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toMatch(/\d+ Punkte\b(?! p\. P\.)/);
  });

  it('the phone reloads, keeps its ballot and changes it; the laptop stores the change', async () => {
    await phone.reload();
    await phone.getByRole('heading', { name: 'Ihre Stimme ist gezählt.' }).waitFor();
    await phone.getByRole('button', { name: 'Stimme ändern' }).click();
    for (const item of [A, A, B])
      await phone.getByRole('button', { name: `Punkt von „${item}“ wegnehmen` }).click();
    for (const item of [D, D, C])
      await phone.getByRole('button', { name: `Punkt für „${item}“ hinzufügen` }).click();
    await phone.getByRole('button', { name: 'Stimme abgeben' }).click();
    await phone.getByRole('heading', { name: 'Ihre Stimme ist gezählt.' }).waitFor();
    // Still one person voted.
    await phonePanel().getByText('1 von 3 haben abgestimmt').waitFor();
    await roundCard().getByText('1 von 3 Stimmen abgegeben').waitFor();
  });

  it('a second phone votes through the phone API, also after a reload of the laptop; a laptop ballot counts alongside', async () => {
    // The facilitator's window reloads: it finds the running session again and takes in its ballots.
    await page.reload();
    await phonePanel().getByText('1 von 3 haben abgestimmt').waitFor();
    expect(await phonePanel().locator('.phone-link').textContent()).toBe(joinUrl);

    const joined = await phoneApi<VoteJoinResponse>('/api/join', { code: joinCode });
    expect(joined.status).toBe(200);
    const voters = joined.json.state.round.voters;
    // Anna voted by phone: her name is no longer offered to another phone.
    expect(voters.map((v) => v.name).sort()).toEqual(['Ben Öztürk', 'Clara Nowak']);
    const item = (label: string) => joined.json.state.round.items.find((i) => i.label === label)!.id;
    const clara = voters.find((v) => v.name === 'Clara Nowak')!.id;
    const voted = await phoneApi<LanPhoneState>(
      '/api/ballot',
      {
        participantId: clara,
        content: { method: 'dots', dots: { [item(D)]: 1, [item(C)]: 1, [item(A)]: 1 } },
      },
      joined.json.token,
    );
    expect(voted.status).toBe(200);
    await phonePanel().getByText('2 von 3 haben abgestimmt').waitFor();

    // Ben at the laptop: Anna and Clara are listed as having voted (by name, as for laptop voters).
    await roundCard().getByRole('button', { name: 'Stimmzettel öffnen' }).click();
    await page.getByRole('heading', { name: 'Bitte wählen Sie Ihren Namen' }).waitFor();
    await page.getByText('2 von 3 Stimmen abgegeben').waitFor();
    await page.getByText('Bereits abgestimmt (2) – Stimme ändern').click();
    await page.getByRole('button', { name: 'Stimme von Anna Schmidt ändern' }).waitFor();
    await page.getByRole('button', { name: 'Stimme von Clara Nowak ändern' }).waitFor();
    await page.getByRole('button', { name: 'Ben Öztürk', exact: true }).click();
    for (const label of [D, D, C])
      await page.getByRole('button', { name: `Einen Punkt auf „${label}“ geben` }).click();
    await page.getByRole('button', { name: 'Stimme abgeben' }).click();
    await page.getByRole('heading', { name: 'Danke, Ihre Stimme ist gespeichert' }).waitFor();
    await page.getByRole('button', { name: 'Stimmabgabe verlassen' }).click();

    await phonePanel().getByText('3 von 3 haben abgestimmt').waitFor();
    // Ben voted at the laptop: his name is no longer offered to phones either.
    await expect
      .poll(
        async () =>
          (await phoneApi<LanPhoneState>('/api/state', undefined, joined.json.token)).json.round.voters,
      )
      .toEqual([{ id: clara, name: 'Clara Nowak' }]);
  });

  it('shows the QR code and the code on the projector', async () => {
    const [projector] = await Promise.all([
      session.context.waitForEvent('page'),
      phonePanel().getByRole('button', { name: 'Auf dem Projektor zeigen' }).click(),
    ]);
    await projector.setViewportSize({ width: 1280, height: 720 });
    const shown = projector.getByRole('region', { name: `Mit dem Handy abstimmen: ${ROUND}` });
    await shown.waitFor();
    await shown.getByText(`${joinCode.slice(0, 3)} ${joinCode.slice(3)}`).waitFor();
    await shown.getByRole('img', { name: `QR-Code zum Abstimmen mit dem Handy: ${joinUrl}` }).waitFor();
    await shown.getByText('3 von 3 haben abgestimmt').waitFor();
    await expectAccessible(projector, 'the projector with the join code');
    await projector.screenshot({ path: '/tmp/h3-projector-1280.png' });

    await phonePanel().getByRole('button', { name: 'Vom Projektor nehmen' }).click();
    await shown.waitFor({ state: 'detached' });
    await projector.close();
  });

  it('closing the round stops serving phones; the revealed result is that of the changed ballot', async () => {
    const card = roundCard();
    await card.getByRole('button', { name: 'Abstimmung schließen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Abstimmung schließen?' });
    await confirm.getByText(`„${ROUND}“: 3 von 3 Stimmen abgegeben.`, { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Abstimmung schließen' }).click();
    await card.getByText('Geschlossen, Ergebnis noch verborgen').waitFor();
    await phonePanel().waitFor({ state: 'detached' });

    // The phone learns it, and no ballot is taken any more.
    await phone.reload();
    await phone.getByRole('heading', { name: 'Die Abstimmung ist beendet.' }).waitFor();
    const late = await phoneApi<{ error: string }>('/api/join', { code: joinCode });
    expect(late.status).not.toBe(200);

    await card.getByRole('button', { name: 'Ergebnis zeigen' }).click();
    // Anna (changed by phone) D D C, Clara (phone API) D C A, Ben (laptop) D D C.
    await expect
      .poll(() => readResult(card))
      .toEqual([
        ['1.', D, '5 Punkte'],
        ['2.', C, '3 Punkte'],
        ['3.', A, '1 Punkt'],
        ['4.', B, '0 Punkte'],
      ]);
    await card.locator('.voting-turnout', { hasText: '3 von 3 Stimmen abgegeben' }).waitFor();
    // Named round: the phone voters' names are shown with their ballots, as laptop voters'.
    await card.locator('.voting-named > summary').click();
    await card.locator('.voting-named').getByText('Anna Schmidt').waitFor();
    await card.locator('.voting-named').getByText('Clara Nowak').waitFor();
    await phone.close();
  });

  it('an anonymous round takes phones up to the number of people entitled', async () => {
    const title = 'Anonym per Handy';
    await page.getByRole('button', { name: 'Abstimmung starten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Abstimmung starten' });
    await expect.poll(() => dialog.getByLabel('Board').inputValue()).not.toBe('');
    await dialog.getByLabel('Board').selectOption({ label: 'Handlungsschwerpunkte' });
    await dialog.getByRole('radio', { name: 'Cluster', exact: true }).check();
    await dialog.getByText('4 Einträge').waitFor();
    await dialog.getByLabel('Titel der Runde').fill(title);
    await dialog.getByRole('radio', { name: /^Punktabfrage/ }).check();
    await dialog.getByLabel('Punkte pro Person').fill('1');
    await dialog.getByLabel('Höchstens Punkte je Eintrag').fill('1');
    await dialog.getByRole('radio', { name: 'Anonym' }).check();
    await dialog.getByRole('button', { name: 'Abstimmung starten' }).click();
    await dialog.waitFor({ state: 'detached' });

    // This time by keyboard only: Enter opens the dialog, the arrow key picks the network.
    const card = roundCard(title);
    await card.getByRole('button', { name: 'Für Handys öffnen …' }).focus();
    await page.keyboard.press('Enter');
    const open = page.getByRole('dialog', { name: `„${title}“ für Handys öffnen` });
    const loopback = open.getByRole('radio', { name: /^Nur dieser Computer/ });
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe('radio');
    if (!(await loopback.isChecked())) await page.keyboard.press('ArrowDown');
    expect(await loopback.isChecked()).toBe(true);
    await expect.poll(() => loopback.evaluate((el) => el === document.activeElement)).toBe(true);
    for (let i = 0; i < 5; i += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Für Handys öffnen') break;
    }
    await page.keyboard.press('Enter');
    await open.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Abstimmen mit dem Handy');
    joinUrl = (await phonePanel().locator('.phone-link').textContent()) ?? '';
    joinCode = joinUrl.slice(-6);

    // Three phones vote without a name; a fourth is told the round is full.
    const tokens: string[] = [];
    for (const label of [A, A, B]) {
      const joined = await phoneApi<VoteJoinResponse>('/api/join', { code: joinCode });
      expect(joined.json.state.round.voters).toEqual([]);
      const item = joined.json.state.round.items.find((i) => i.label === label)!.id;
      const voted = await phoneApi(
        '/api/ballot',
        { content: { method: 'dots', dots: { [item]: 1 } } },
        joined.json.token,
      );
      expect(voted.status).toBe(200);
      tokens.push(joined.json.token);
    }
    await phonePanel().getByText('3 von 3 haben abgestimmt').waitFor();
    await card.getByText('3 von 3 Stimmen abgegeben').waitFor();
    const fourth = await phoneApi<VoteJoinResponse>('/api/join', { code: joinCode });
    const item = fourth.json.state.round.items[0]!.id;
    const refused = await phoneApi<{ error: string }>(
      '/api/ballot',
      { content: { method: 'dots', dots: { [item]: 1 } } },
      fourth.json.token,
    );
    expect(refused).toEqual({ status: 409, json: { error: 'full' } });

    // "Für Handys schließen": the round stays open for the laptop.
    await phonePanel().getByRole('button', { name: 'Für Handys schließen' }).click();
    await phonePanel().waitFor({ state: 'detached' });
    await card.getByRole('button', { name: 'Für Handys öffnen …' }).waitFor();
    await card.getByText('Offen', { exact: true }).waitFor();

    await card.getByRole('button', { name: 'Abstimmung schließen' }).click();
    await page
      .getByRole('dialog', { name: 'Abstimmung schließen?' })
      .getByRole('button', { name: 'Abstimmung schließen' })
      .click();
    await card.getByRole('button', { name: 'Ergebnis zeigen' }).click();
    await expect
      .poll(() => readResult(card).then((rows) => rows.slice(0, 2)))
      .toEqual([
        ['1.', A, '2 Punkte'],
        ['2.', B, '1 Punkt'],
      ]);
    await card.locator('.voting-turnout', { hasText: '3 von 3 Stimmen abgegeben' }).waitFor();
    // Anonymous: no names, and no phone ids either.
    expect(await card.locator('.voting-named').count()).toBe(0);
    expect(await card.innerText()).not.toMatch(/device-/);
  });
});
