// The phone page's writing round in jsdom against the in-memory phone API:
// picking the name, writing many cards quickly, editing and withdrawing, what
// the facilitator shares, the end of the round, and the outbox (order, retry,
// reload, a send repeated after a lost answer, refusals that keep the text).
import { fireEvent, screen, waitFor, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAN_PATHS } from '../../../electron/shared/lanContract';
import { PhoneApi } from '../../../renderer/phone/api';
import { startPhoneApp, type PhoneApp } from '../../../renderer/phone/app';
import { CODE, FakeLanApi, writingRound } from './fakeLanApi';

let running: Array<{ app: PhoneApp; root: HTMLElement }> = [];

/** Opens the page from the join link (again: a reload). */
function open(fake: FakeLanApi): PhoneApp {
  for (const old of running) {
    old.app.stop();
    old.root.remove();
  }
  running = [];
  window.history.replaceState(null, '', `/j/${CODE}`);
  const root = document.createElement('div');
  document.body.appendChild(root);
  const app = startPhoneApp(root, { api: new PhoneApi(fake.fetch), pollMs: 40, retryMs: 20 });
  running.push({ app, root });
  return app;
}

/** The writing screen is there (its code is loaded on joining: slow the first time). */
const ready = () => screen.findByLabelText('Ihre Karte', {}, { timeout: 5000 });
const announced = () => document.querySelector('[aria-live="polite"]')!.textContent;
const button = (name: string | RegExp) => screen.getByRole('button', { name });
const field = () => screen.getByLabelText('Ihre Karte') as HTMLTextAreaElement;
const mine = () => screen.getByRole('region', { name: 'Meine Karten' });
const cardTexts = () => [...mine().querySelectorAll('li .card-text')].map((node) => node.textContent);
const statuses = () => [...mine().querySelectorAll('li .card-status')].map((node) => node.textContent);
const posts = (fake: FakeLanApi) =>
  fake.log
    .filter((request) => request.path === LAN_PATHS.note || request.path === LAN_PATHS.withdraw)
    .map((request) => {
      const body = JSON.parse(request.body) as { text?: string; clientId: string };
      return request.path === LAN_PATHS.withdraw ? `withdraw` : body.text;
    });

function write(text: string): void {
  fireEvent.input(field(), { target: { value: text } });
  fireEvent.click(button('Karte senden'));
}

async function joinAs(fake: FakeLanApi, name: string): Promise<void> {
  open(fake);
  fireEvent.click(await screen.findByRole('radio', { name }));
  fireEvent.click(button('Weiter'));
  await ready();
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

describe('writing cards', () => {
  it('named: pick the name, write cards quickly, edit one, withdraw one', async () => {
    const fake = new FakeLanApi(writingRound(), CODE);
    open(fake);
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Welche Aufgaben sollten wir zuerst automatisieren?' },
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect(screen.getByText('Board: Bestandsaufnahme')).toBeTruthy();
    expect(document.title).toBe('Bestandsaufnahme – Schreibrunde');
    fireEvent.click(button('Weiter'));
    expect(screen.getByRole('alert').textContent).toBe('Bitte wählen Sie zuerst Ihren Namen.');
    fireEvent.click(screen.getByRole('radio', { name: 'Bernd Müller' }));
    fireEvent.click(button('Weiter'));
    await ready();
    expect(screen.getByText(/Sie schreiben als Bernd Müller\./)).toBeTruthy();
    expect(document.querySelector('.left')!.textContent).toBe('Noch 5 Karten');
    expect(field().getAttribute('maxlength')).toBe('300');

    fireEvent.input(field(), { target: { value: 'E-Akte einführen' } });
    expect(document.querySelector('.counter [aria-hidden]')!.textContent).toBe('16/300');
    expect(document.querySelector('.counter .visually-hidden')!.textContent).toBe('16 von 300 Zeichen');
    field().focus();
    fireEvent.click(button('Karte senden'));
    expect(field().value).toBe('');
    expect(document.activeElement).toBe(field());
    await waitFor(() => expect(statuses()).toEqual(['gesendet']));
    await waitFor(() => expect(announced()).toBe('Karte gesendet.'));
    // The name is fixed with the first card.
    expect(screen.queryByRole('button', { name: 'Name ändern' })).toBeNull();
    write('Termine online buchen');
    write('Posteingang automatisch sortieren');
    await waitFor(() => expect(statuses()).toEqual(['gesendet', 'gesendet', 'gesendet']));
    expect(cardTexts()).toEqual([
      'E-Akte einführen',
      'Termine online buchen',
      'Posteingang automatisch sortieren',
    ]);
    expect(fake.liveTexts()).toEqual(cardTexts());
    expect(fake.notes.every((note) => note.participantId === 'p2')).toBe(true);
    expect(document.querySelector('.left')!.textContent).toBe('Noch 2 Karten');

    fireEvent.click(button('Karte 2 bearbeiten'));
    const editor = screen.getByLabelText('Text von Karte 2') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(editor);
    expect(editor.value).toBe('Termine online buchen');
    fireEvent.input(editor, { target: { value: 'Termine im Bürgeramt online buchen' } });
    fireEvent.click(button('Speichern'));
    await waitFor(() => expect(announced()).toBe('Änderung gesendet.'));
    expect(cardTexts()[1]).toBe('Termine im Bürgeramt online buchen');
    expect(document.activeElement).toBe(button('Karte 2 bearbeiten'));
    fireEvent.click(button('Karte 1 bearbeiten'));
    fireEvent.input(screen.getByLabelText('Text von Karte 1'), { target: { value: 'verworfen' } });
    fireEvent.click(button('Abbrechen'));
    expect(cardTexts()[0]).toBe('E-Akte einführen');

    fireEvent.click(button('Karte 3 zurückziehen'));
    expect(screen.getByText(/Karte 3 wirklich zurückziehen\?/)).toBeTruthy();
    fireEvent.click(button('Behalten'));
    expect(cardTexts()).toHaveLength(3);
    fireEvent.click(button('Karte 3 zurückziehen'));
    fireEvent.click(button('Ja, zurückziehen'));
    expect(cardTexts()).toEqual(['E-Akte einführen', 'Termine im Bürgeramt online buchen']);
    await waitFor(() => expect(announced()).toBe('Karte zurückgezogen.'));
    expect(fake.liveTexts()).toEqual(cardTexts());
    expect(fake.noteEvents.map((event) => [event.version, event.withdrawn])).toEqual([
      [1, false],
      [1, false],
      [1, false],
      [2, false],
      [2, true],
    ]);

    fireEvent.click(button('Karte senden'));
    expect(screen.getByRole('alert').textContent).toBe('Bitte schreiben Sie zuerst etwas auf die Karte.');
  }, 20_000);

  it('stops at the per-person limit on the phone already', async () => {
    const fake = new FakeLanApi(writingRound({ maxNotesPerPerson: 1 }), CODE);
    await joinAs(fake, 'Anna Schmidt');
    expect(document.querySelector('.left')!.textContent).toBe('Noch 1 Karte');
    write('Die eine Idee');
    await waitFor(() => expect(statuses()).toEqual(['gesendet']));
    expect(document.querySelector('.left')!.textContent).toBe('Keine weitere Karte möglich (höchstens 1)');
    expect(button('Karte senden').getAttribute('aria-disabled')).toBe('true');
    write('Noch eine');
    expect(screen.getByRole('alert').textContent).toMatch(/^In dieser Runde ist 1 Karte pro Person möglich/);
    expect(field().value).toBe('Noch eine');
    expect(fake.notes).toHaveLength(1);
  });

  it('anonymous: no names, the closing time, shared cards as text, and the end with the cards read-only', async () => {
    const closesAt = new Date(2030, 0, 15, 14, 30).getTime();
    const fake = new FakeLanApi(
      writingRound({ anonymous: true, voters: [], maxNotesPerPerson: null, closesAt }),
      CODE,
    );
    open(fake);
    await ready();
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByText(/Ihre Karten sind anonym/)).toBeTruthy();
    expect(screen.getByText('Die Schreibrunde endet um 14:30 Uhr.')).toBeTruthy();
    expect(document.querySelector('.left')!.textContent).toBe('');
    write('Anonyme Idee');
    await waitFor(() => expect(statuses()).toEqual(['gesendet']));
    expect(fake.notes[0]!.participantId).toBeNull();
    expect(screen.queryByRole('region', { name: 'Karten der Gruppe' })).toBeNull();

    // Typing goes on undisturbed while a poll brings the shared cards.
    fireEvent.input(field(), { target: { value: 'Halb getipp' } });
    field().focus();
    field().setSelectionRange(4, 4);
    fake.shared = ['Gemeinsame Idee', '<img src=x onerror="window.__xss=1">'];
    const shared = await screen.findByRole('region', { name: 'Karten der Gruppe' });
    expect(
      within(shared)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Gemeinsame Idee', '<img src=x onerror="window.__xss=1">']);
    expect(document.querySelector('main img')).toBeNull();
    expect(document.activeElement).toBe(field());
    expect(field().value).toBe('Halb getipp');
    expect(field().selectionStart).toBe(4);

    fake.close();
    const ended = await screen.findByRole('heading', { name: 'Die Schreibrunde ist beendet. Danke!' });
    expect(document.activeElement).toBe(ended);
    expect(cardTexts()).toEqual(['Anonyme Idee']);
    expect(screen.queryByRole('button', { name: /bearbeiten|zurückziehen|senden/ })).toBeNull();
    expect(screen.queryByLabelText('Ihre Karte')).toBeNull();
    expect(screen.getByRole('region', { name: 'Karten der Gruppe' })).toBeTruthy();
  });

  it('switches to English and back without losing the card being typed', async () => {
    const fake = new FakeLanApi(writingRound({ anonymous: true, voters: [] }), CODE);
    open(fake);
    await ready();
    fireEvent.input(field(), { target: { value: 'Noch nicht gesendet' } });
    fireEvent.click(button('Switch to English'));
    expect(screen.getByRole('button', { name: 'Send card' })).toBeTruthy();
    expect((screen.getByLabelText('Your card') as HTMLTextAreaElement).value).toBe('Noch nicht gesendet');
    expect(screen.getByRole('region', { name: 'My cards' })).toBeTruthy();
    expect(document.title).toBe('Bestandsaufnahme – Writing round');
    expect(document.querySelector('.left')!.textContent).toBe('5 cards left');
  });
});

describe('the outbox', () => {
  it('keeps cards written offline, shows them over a reload, and sends them once, in order, when back', async () => {
    const fake = new FakeLanApi(writingRound(), CODE);
    await joinAs(fake, 'Anna Schmidt');
    write('Eins');
    await waitFor(() => expect(statuses()).toEqual(['gesendet']));

    fake.offline = true;
    write('Zwei');
    write('Drei');
    await waitFor(() =>
      expect(statuses()).toEqual([
        'gesendet',
        'Nicht gesendet – wird erneut versucht, sobald das Netz wieder da ist',
        'Nicht gesendet – wird erneut versucht, sobald das Netz wieder da ist',
      ]),
    );
    await waitFor(() => expect(document.querySelector('.banner')!.hasAttribute('hidden')).toBe(false));
    await waitFor(() =>
      expect(announced()).toBe('Karte gespeichert. Sie wird gesendet, sobald das Netz wieder da ist.'),
    );
    // Changes and withdrawals of cards still waiting are folded into what goes out.
    fireEvent.click(button('Karte 3 bearbeiten'));
    fireEvent.input(screen.getByLabelText('Text von Karte 3'), { target: { value: 'Drei (besser)' } });
    fireEvent.click(button('Speichern'));
    write('Vier');
    fireEvent.click(button('Karte 4 zurückziehen'));
    fireEvent.click(button('Ja, zurückziehen'));
    fireEvent.input(field(), { target: { value: 'Entwurf' } });

    open(fake); // reload while the laptop is out of reach
    await ready();
    expect(cardTexts()).toEqual(['Eins', 'Zwei', 'Drei (besser)']);
    await waitFor(() => expect(statuses()[2]).toMatch(/^Nicht gesendet/));
    expect(field().value).toBe('Entwurf');
    expect(screen.getByText(/Sie schreiben als Anna Schmidt/)).toBeTruthy();

    fake.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(statuses()).toEqual(['gesendet', 'gesendet', 'gesendet']));
    expect(fake.liveTexts()).toEqual(['Eins', 'Zwei', 'Drei (besser)']);
    expect(fake.noteEvents.map((event) => event.text)).toEqual(['Eins', 'Zwei', 'Drei (besser)']);
    expect(posts(fake)).toEqual(['Eins', 'Zwei', 'Drei (besser)']);
    expect(running[0]!.app.writing()!.outbox().ops).toEqual([]);
    await waitFor(() => expect(document.querySelector('.banner')!.hasAttribute('hidden')).toBe(true));
  });

  it('retries with pauses by itself, and a card whose answer got lost is stored once', async () => {
    const fake = new FakeLanApi(writingRound({ anonymous: true, voters: [] }), CODE);
    open(fake);
    await ready();
    fake.failures.push('lost-answer', 'network');
    write('Einmal');
    write('Zweimal');
    await waitFor(() => expect(statuses()).toEqual(['gesendet', 'gesendet']));
    expect(fake.liveTexts()).toEqual(['Einmal', 'Zweimal']);
    expect(fake.noteEvents).toHaveLength(2);
    // "Einmal" reached the laptop at least twice (its answer lost, then stored again = a
    // repeat; the network failure in between never arrived), and all of that before
    // "Zweimal". A slow machine may add a repeat (a retry whose answer came late): the
    // card is still stored once (above).
    const sent = posts(fake);
    expect(sent.filter((text) => text === 'Einmal').length).toBeGreaterThanOrEqual(2);
    expect(sent.indexOf('Zweimal')).toBeGreaterThan(sent.lastIndexOf('Einmal'));
    expect(new Set(sent)).toEqual(new Set(['Einmal', 'Zweimal']));
  });

  it('waits when the laptop is busy, then sends', async () => {
    const fake = new FakeLanApi(writingRound({ anonymous: true, voters: [] }), CODE);
    open(fake);
    await ready();
    fake.failures.push('too-many-requests');
    write('Geduld');
    await waitFor(() =>
      expect(document.querySelector('.notice')!.textContent).toBe(
        'Der Laptop ist gerade ausgelastet – Ihre Karten werden gleich erneut gesendet.',
      ),
    );
    await waitFor(() => expect(statuses()).toEqual(['gesendet']));
    expect(document.querySelector('.notice')!.hasAttribute('hidden')).toBe(true);
  });

  it('a refused card leaves the outbox, says why, and its text comes back into the field', async () => {
    const fake = new FakeLanApi(writingRound({ anonymous: true, voters: [] }), CODE);
    open(fake);
    await ready();
    fake.failures.push('note-limit');
    write('Zu viel');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'Der Laptop hat die Karte nicht angenommen: In dieser Runde sind 5 Karten pro Person möglich. Der Text steht wieder im Eingabefeld.',
      ),
    );
    expect(field().value).toBe('Zu viel');
    expect(cardTexts()).toEqual([]);
    expect(running[0]!.app.writing()!.outbox().ops).toEqual([]);
    expect(JSON.parse(sessionStorage.getItem('moderato.phone.note.write-1')!).text).toBe('Zu viel');

    fake.failures.push('invalid-note');
    fireEvent.click(button('Karte senden'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/leer oder länger als 300/));
    expect(field().value).toBe('Zu viel');
    fireEvent.click(button('Karte senden'));
    await waitFor(() => expect(statuses()).toEqual(['gesendet']));
    expect(field().value).toBe('');
  });

  it('when the name went to another phone, asks again and keeps the text', async () => {
    const fake = new FakeLanApi(writingRound(), CODE);
    await joinAs(fake, 'Anna Schmidt');
    fake.tokens.set('other-phone', { deviceId: 'device-other' });
    fake.writers.set('other-phone', 'p1');
    write('Meine Idee');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        '„Anna Schmidt“ wurde inzwischen auf einem anderen Gerät gewählt. Bitte wählen Sie Ihren Namen.',
      ),
    );
    await waitFor(() => expect(screen.queryByRole('radio', { name: 'Anna Schmidt' })).toBeNull());
    fireEvent.click(screen.getByRole('radio', { name: 'Bernd Müller' }));
    fireEvent.click(button('Weiter'));
    await ready();
    expect(field().value).toBe('Meine Idee');
    fireEvent.click(button('Karte senden'));
    await waitFor(() => expect(statuses()).toEqual(['gesendet']));
    expect(fake.notes.map((note) => [note.participantId, note.text])).toEqual([['p2', 'Meine Idee']]);
  });

  it('cards still waiting when the round closes are shown as not sent', async () => {
    const fake = new FakeLanApi(writingRound({ anonymous: true, voters: [] }), CODE);
    open(fake);
    await ready();
    fake.offline = true;
    write('Zu spät');
    await waitFor(() => expect(statuses()[0]).toMatch(/^Nicht gesendet – wird erneut/));
    fake.close();
    fake.offline = false;
    window.dispatchEvent(new Event('online'));
    await screen.findByRole('heading', { name: 'Die Schreibrunde ist beendet. Danke!' });
    expect(statuses()).toEqual(['Nicht gesendet – die Schreibrunde war schon beendet']);
    expect(fake.notes).toEqual([]);
    // A reload after the end still shows the card (the laptop turns the phone away).
    open(fake);
    await screen.findByRole('heading', { name: 'Die Schreibrunde ist beendet. Danke!' });
    expect(cardTexts()).toEqual(['Zu spät']);
  });
});
