// The phone page in jsdom against the in-memory phone API: joining, naming,
// voting with each method, reloading, errors and the round closing.
import { fireEvent, screen, waitFor, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LanRound } from '../../../electron/shared/lanContract';
import { PhoneApi } from '../../../renderer/phone/api';
import { startPhoneApp, type PhoneApp } from '../../../renderer/phone/app';
import { CODE, FakeLanApi, namedDotsRound } from './fakeLanApi';

let running: Array<{ app: PhoneApp; root: HTMLElement }> = [];

/** Opens the page at `path`, like a phone scanning the QR code (or reloading). */
function open(fake: FakeLanApi, path = `/j/${CODE}`): PhoneApp {
  for (const old of running) {
    old.app.stop();
    old.root.remove();
  }
  running = [];
  window.history.replaceState(null, '', path);
  const root = document.createElement('div');
  document.body.appendChild(root);
  const app = startPhoneApp(root, { api: new PhoneApi(fake.fetch), pollMs: 40 });
  running.push({ app, root });
  return app;
}

const announced = () => document.querySelector('[aria-live="polite"]')!.textContent;
const button = (name: string | RegExp) => screen.getByRole('button', { name });
const remaining = () => document.querySelector('.remaining')!.textContent;

async function pickName(name: string): Promise<void> {
  fireEvent.click(await screen.findByRole('radio', { name }));
  fireEvent.click(button('Weiter'));
  await screen.findByRole('button', { name: 'Stimme abgeben' });
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

afterEach(() => {
  for (const { app, root } of running) {
    app.stop();
    root.remove();
  }
  running = [];
});

describe('a named dot vote', () => {
  it('joins from the link, picks the name, places dots within the limits and confirms the ballot', async () => {
    const fake = new FakeLanApi(namedDotsRound(), CODE);
    open(fake);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Priorisierung der Handlungsschwerpunkte' }),
    ).toBeTruthy();
    expect(document.documentElement.lang).toBe('de');
    fireEvent.click(button('Weiter'));
    expect(screen.getByRole('alert').textContent).toBe('Bitte wählen Sie zuerst Ihren Namen.');
    await pickName('Bernd Müller');
    expect(screen.getByText('Sie haben 5 Punkte. Höchstens 2 pro Eintrag.')).toBeTruthy();
    expect(screen.getByText(/Sie stimmen ab als Bernd Müller/)).toBeTruthy();
    expect(remaining()).toBe('Noch 5 Punkte');

    const add = button('Punkt für „Digitale Antragsverfahren“ hinzufügen');
    fireEvent.click(add);
    fireEvent.click(add);
    expect(remaining()).toBe('Noch 3 Punkte');
    await waitFor(() => expect(announced()).toBe('„Digitale Antragsverfahren“: 2 Punkte. Noch 3 Punkte.'));
    expect(add.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(add);
    await waitFor(() =>
      expect(announced()).toBe('Auf „Digitale Antragsverfahren“ dürfen höchstens 2 Punkte.'),
    );
    expect(remaining()).toBe('Noch 3 Punkte');
    fireEvent.click(button('Punkt für „KI-Assistenz im Bürgerservice“ hinzufügen'));

    fireEvent.click(button('Stimme abgeben'));
    expect(await screen.findByRole('heading', { name: 'Ihre Stimme ist gezählt.' })).toBeTruthy();
    expect(fake.ballots.get('p2')!.content).toEqual({ method: 'dots', dots: { c1: 2, c2: 1 } });
    const summary = within(document.querySelector('.summary') as HTMLElement);
    expect(summary.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Digitale Antragsverfahren2 Punkte',
      'KI-Assistenz im Bürgerservice1 Punkt',
    ]);
    expect(screen.getByText(/Abgestimmt als Bernd Müller\./)).toBeTruthy();
  });

  it('keeps the token over a reload, so the ballot can be changed until the round closes', async () => {
    const fake = new FakeLanApi(namedDotsRound(), CODE);
    open(fake);
    await pickName('Anna Schmidt');
    fireEvent.click(button('Punkt für „Datenkompetenz der Mitarbeitenden“ hinzufügen'));
    fireEvent.click(button('Stimme abgeben'));
    await screen.findByRole('heading', { name: 'Ihre Stimme ist gezählt.' });

    open(fake); // reload
    fireEvent.click(await screen.findByRole('button', { name: 'Stimme ändern' }));
    expect(fake.tokens.size).toBe(1);
    const add = button('Punkt für „Digitale Antragsverfahren“ hinzufügen');
    fireEvent.click(add);
    expect(remaining()).toBe('Noch 3 Punkte');
    // A reload in the middle of changing keeps the unsent change.
    open(fake);
    await screen.findByRole('button', { name: 'Stimme abgeben' });
    expect(remaining()).toBe('Noch 3 Punkte');
    fireEvent.click(button('Stimme abgeben'));
    await screen.findByRole('heading', { name: 'Ihre Stimme ist gezählt.' });
    expect(fake.ballots.get('p1')!.content).toEqual({ method: 'dots', dots: { c1: 1, c3: 1 } });
    expect(fake.ballots.size).toBe(1);

    fake.close();
    expect(await screen.findByRole('heading', { name: 'Die Abstimmung ist beendet.' })).toBeTruthy();
    expect(screen.getByText('Ihre Stimme wurde gezählt. Das Ergebnis zeigt die Moderation.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Stimme ändern' })).toBeNull();
  });

  it('keeps the selection when the laptop cannot be reached, and sends it again', async () => {
    const fake = new FakeLanApi(namedDotsRound(), CODE);
    open(fake);
    await pickName('Canan Yılmaz');
    fireEvent.click(button('Punkt für „KI-Assistenz im Bürgerservice“ hinzufügen'));
    fake.failures.push('network');
    fireEvent.click(button('Stimme abgeben'));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Keine Verbindung zum Laptop – Ihre Auswahl bleibt erhalten, bitte erneut senden.',
      ),
    );
    expect(remaining()).toBe('Noch 4 Punkte');
    fake.failures.push('too-many-requests');
    fireEvent.click(button('Stimme abgeben'));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Bitte einen Moment warten und dann erneut versuchen.',
      ),
    );
    fireEvent.click(button('Stimme abgeben'));
    await screen.findByRole('heading', { name: 'Ihre Stimme ist gezählt.' });
    expect(fake.ballots.get('p3')!.content).toEqual({ method: 'dots', dots: { c2: 1 } });
  });

  it('sends the person back to the names when theirs was taken on another phone', async () => {
    const fake = new FakeLanApi(namedDotsRound(), CODE);
    open(fake);
    await pickName('Anna Schmidt');
    fireEvent.click(button('Punkt für „KI-Assistenz im Bürgerservice“ hinzufügen'));
    fake.ballots.set('p1', {
      token: 'other-phone',
      participantId: 'p1',
      content: { method: 'dots', dots: { c1: 1 } },
      updatedAt: 1,
    });
    fireEvent.click(button('Stimme abgeben'));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        '„Anna Schmidt“ wurde inzwischen auf einem anderen Gerät gewählt. Bitte wählen Sie Ihren Namen.',
      ),
    );
    expect(screen.queryByRole('radio', { name: 'Anna Schmidt' })).toBeNull();
    await pickName('Bernd Müller');
    expect(remaining()).toBe('Noch 4 Punkte');
  });

  it('joins again when the laptop forgot the token, and asks for a new code when the old one is gone', async () => {
    const fake = new FakeLanApi(namedDotsRound(), CODE);
    open(fake);
    await pickName('Anna Schmidt');
    fireEvent.click(button('Punkt für „Digitale Antragsverfahren“ hinzufügen'));
    fake.tokens.clear();
    fireEvent.click(button('Stimme abgeben'));
    await screen.findByRole('heading', { name: 'Ihre Stimme ist gezählt.' });
    expect(fake.tokens.size).toBe(1);
    expect(fake.ballots.get('p1')!.content).toEqual({ method: 'dots', dots: { c1: 1 } });

    fake.tokens.clear();
    fake.code = 'NEW234';
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/^Diesen Code gibt es nicht \(mehr\)/),
    );
    expect(screen.getByLabelText('Code (6 Zeichen)')).toBeTruthy();
  });

  it('says when the laptop is out of reach while waiting, and when it is back; shows the closing time', async () => {
    const closesAt = new Date(2030, 0, 15, 14, 30).getTime();
    const fake = new FakeLanApi(namedDotsRound({ closesAt }), CODE);
    open(fake);
    await pickName('Bernd Müller');
    expect(screen.getByText('Die Abstimmung endet um 14:30 Uhr.')).toBeTruthy();
    const banner = () => document.querySelector('.banner') as HTMLElement;
    expect(banner().hidden).toBe(true);
    fake.failures.push('network', 'network', 'network');
    await waitFor(() => expect(banner().hidden).toBe(false));
    expect(banner().textContent).toBe('Verbindung zum Laptop unterbrochen – es wird weiter versucht.');
    expect(banner().getAttribute('role')).toBe('status');
    await waitFor(() => expect(banner().hidden).toBe(true));
    await waitFor(() => expect(announced()).toBe('Verbindung zum Laptop wiederhergestellt.'));
    expect(screen.getByRole('button', { name: 'Stimme abgeben' })).toBeTruthy();
  });

  it('shows names and labels from the laptop as text only', async () => {
    const fake = new FakeLanApi(
      namedDotsRound({
        title: '<script>window.__xss=1</script>Runde',
        voters: [{ id: 'p1', name: '<b>Anna</b>' }],
      }),
      CODE,
    );
    open(fake);
    expect(
      await screen.findByRole('heading', { level: 1, name: '<script>window.__xss=1</script>Runde' }),
    ).toBeTruthy();
    await pickName('<b>Anna</b>');
    expect(screen.getByText('Offene Daten <img src=x onerror="window.__xss=1">')).toBeTruthy();
    expect(document.querySelector('main img, main script, main b')).toBeNull();
  });
});

describe('joining', () => {
  it('takes a typed code in any case and with spaces, and says when it is wrong', async () => {
    const fake = new FakeLanApi(namedDotsRound({ anonymous: true, voters: [] }), CODE);
    open(fake, '/');
    const field = await screen.findByLabelText('Code (6 Zeichen)');
    fireEvent.change(field, { target: { value: 'k7m' } });
    fireEvent.click(button('Beitreten'));
    expect(screen.getByRole('alert').textContent).toMatch(/^Der Code hat 6 Zeichen/);
    fireEvent.change(screen.getByLabelText('Code (6 Zeichen)'), { target: { value: 'abc def' } });
    fireEvent.click(button('Beitreten'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Diesen Code gibt es nicht/));
    fireEvent.change(screen.getByLabelText('Code (6 Zeichen)'), { target: { value: ' k7m 2qx' } });
    fireEvent.click(button('Beitreten'));
    await screen.findByRole('button', { name: 'Stimme abgeben' });
    expect(window.location.pathname).toBe(`/j/${CODE}`);
    expect(screen.queryByRole('radio')).toBeNull(); // anonymous: no names
  });

  it('says when the laptop cannot be reached, and that an anonymous round is full', async () => {
    const fake = new FakeLanApi(namedDotsRound({ anonymous: true, voters: [], entitledCount: 1 }), CODE);
    fake.failures.push('network');
    open(fake);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/^Keine Verbindung zum Laptop\. Ist Ihr Handy/),
    );
    fireEvent.click(button('Beitreten'));
    await screen.findByRole('button', { name: 'Stimme abgeben' });
    fake.ballots.set('device-x', {
      token: 'other',
      participantId: 'device-x',
      content: { method: 'dots', dots: { c1: 1 } },
      updatedAt: 1,
    });
    fireEvent.click(button('Punkt für „Digitale Antragsverfahren“ hinzufügen'));
    fireEvent.click(button('Stimme abgeben'));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/^Es haben schon so viele Geräte abgestimmt/),
    );
  });

  it('starts in the round’s language and remembers the switch', async () => {
    const fake = new FakeLanApi(namedDotsRound({ language: 'en' }), CODE);
    open(fake);
    expect(await screen.findByRole('heading', { name: 'Who are you?' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    const switchLanguage = button('Auf Deutsch umschalten');
    switchLanguage.focus();
    fireEvent.click(switchLanguage);
    expect(screen.getByRole('heading', { name: 'Wer sind Sie?' })).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('English');
    open(fake);
    expect(await screen.findByRole('heading', { name: 'Wer sind Sie?' })).toBeTruthy();
  });
});

describe('the other methods', () => {
  const anonymous = (settings: LanRound['settings']) =>
    new FakeLanApi(namedDotsRound({ settings, anonymous: true, voters: [] }), CODE);

  it('points: spreads exactly the total', async () => {
    const fake = anonymous({ method: 'points', total: 100 });
    open(fake);
    const first = await screen.findByLabelText(/^Digitale Antragsverfahren/);
    expect(screen.getByText('Verteilen Sie genau 100 Punkte auf die Einträge.')).toBeTruthy();
    fireEvent.input(first, { target: { value: '70' } });
    expect(remaining()).toBe('Noch 30 Punkte zu verteilen');
    fireEvent.click(button('Stimme abgeben'));
    expect(screen.getByRole('alert').textContent).toBe(
      'Es sind erst 70 von 100 Punkten verteilt. Bitte verteilen Sie genau 100 Punkte.',
    );
    fireEvent.input(screen.getByLabelText(/^Offene Daten/), { target: { value: '30' } });
    expect(remaining()).toBe('Alle Punkte verteilt');
    fireEvent.click(button('Stimme abgeben'));
    await screen.findByRole('heading', { name: 'Ihre Stimme ist gezählt.' });
    expect([...fake.ballots.values()][0]!.content).toEqual({ method: 'points', points: { c1: 70, c4: 30 } });
  });

  it('ranking: chooses the top K with buttons, in order, keeping the focus', async () => {
    const fake = anonymous({ method: 'ranking', topK: 2 });
    open(fake);
    const addFirst = await screen.findByRole('button', { name: '„Digitale Antragsverfahren“ hinzufügen' });
    fireEvent.click(addFirst);
    fireEvent.click(button('„Datenkompetenz der Mitarbeitenden“ hinzufügen'));
    expect(remaining()).toBe('Alle Plätze vergeben');
    expect(
      button('„Offene Daten <img src=x onerror="window.__xss=1">“ hinzufügen').getAttribute('aria-disabled'),
    ).toBe('true');
    const up = button('„Datenkompetenz der Mitarbeitenden“ nach oben');
    up.focus();
    fireEvent.click(up);
    await waitFor(() =>
      expect(announced()).toBe(
        '„Datenkompetenz der Mitarbeitenden“ ist jetzt auf Platz 1. Alle Plätze vergeben.',
      ),
    );
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      '„Datenkompetenz der Mitarbeitenden“ nach oben',
    );
    const ranked = document.querySelectorAll('ol.ranked > li');
    expect([...ranked].map((li) => li.querySelector('.item-label')!.textContent)).toEqual([
      'Platz 1: Datenkompetenz der Mitarbeitenden',
      'Platz 2: Digitale Antragsverfahren',
    ]);
    fireEvent.click(button('Stimme abgeben'));
    await screen.findByRole('heading', { name: 'Ihre Stimme ist gezählt.' });
    expect([...fake.ballots.values()][0]!.content).toEqual({ method: 'ranking', order: ['c3', 'c1'] });
  });

  it('impact/effort: two 1–5 choices per item', async () => {
    const fake = anonymous({ method: 'impactEffort' });
    open(fake);
    const item = await screen.findByRole('group', { name: 'KI-Assistenz im Bürgerservice' });
    fireEvent.click(
      within(within(item).getByRole('group', { name: 'Nutzen' })).getByRole('radio', { name: '5' }),
    );
    fireEvent.click(button('Stimme abgeben'));
    expect(screen.getByRole('alert').textContent).toBe(
      'Bei „KI-Assistenz im Bürgerservice“ fehlt noch der Aufwand.',
    );
    fireEvent.click(
      within(within(item).getByRole('group', { name: 'Aufwand' })).getByRole('radio', { name: '2' }),
    );
    expect(remaining()).toBe('1 von 4 Einträgen bewertet');
    fireEvent.click(button('Stimme abgeben'));
    await screen.findByRole('heading', { name: 'Ihre Stimme ist gezählt.' });
    expect(screen.getByText('Nutzen 5, Aufwand 2')).toBeTruthy();
    expect([...fake.ballots.values()][0]!.content).toEqual({
      method: 'impactEffort',
      ratings: { c2: { impact: 5, effort: 2 } },
    });
  });
});
