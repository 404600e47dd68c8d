import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FocusKeeper } from '../../../renderer/src/features/a11y/FocusKeeper';

// jsdom lays nothing out: every element counts as shown.
const original = Element.prototype.getClientRects;
beforeAll(() => {
  Element.prototype.getClientRects = function getClientRects() {
    return [{ width: 1, height: 1 }] as unknown as DOMRectList;
  };
});
afterAll(() => {
  Element.prototype.getClientRects = original;
});

interface Card {
  id: string;
  text: string;
  cluster: 'a' | 'b';
}

/** Two clusters of cards, with a button each to move or delete a card, and a dialog. */
function Board() {
  const [cards, setCards] = useState<Card[]>([
    { id: 'n1', text: 'Akten', cluster: 'a' },
    { id: 'n2', text: 'Chatbot', cluster: 'a' },
  ]);
  const [dialog, setDialog] = useState<string | null>(null);
  const [screenName, setScreen] = useState('board');
  const list = (cluster: 'a' | 'b') => (
    <ul aria-label={`Cluster ${cluster}`}>
      {cards
        .filter((c) => c.cluster === cluster)
        .map((card) => (
          <li key={card.id} data-note-id={card.id}>
            <button type="button" aria-label={`Karte verschieben: ${card.text}`} data-drag-handle>
              ⠿
            </button>
            <button
              type="button"
              onClick={() =>
                setCards((all) => all.map((c) => (c.id === card.id ? { ...c, cluster: 'b' } : c)))
              }
            >
              {`Verschieben: ${card.text}`}
            </button>
            <button type="button" onClick={() => setCards((all) => all.filter((c) => c.id !== card.id))}>
              {`Löschen: ${card.text}`}
            </button>
            <button type="button" onClick={() => setDialog(card.id)}>
              {`Dialog: ${card.text}`}
            </button>
          </li>
        ))}
    </ul>
  );
  if (screenName === 'other')
    return (
      <main>
        <h2>Andere Seite</h2>
      </main>
    );
  return (
    <>
      <a href="#/">Moderato</a>
      <main>
        <h2>Board</h2>
        <section>
          <button type="button">Karte hinzufügen</button>
          {list('a')}
        </section>
        {list('b')}
        {dialog && (
          <dialog open>
            <button
              type="button"
              onClick={() => {
                setCards((all) => all.filter((c) => c.id !== dialog));
                setDialog(null);
              }}
            >
              Karte im Dialog löschen
            </button>
          </dialog>
        )}
        <button type="button" onClick={() => setScreen('other')}>
          Weiter
        </button>
      </main>
    </>
  );
}

/** The app: screens change, the keeper stays. */
function App() {
  return (
    <>
      <Board />
      <FocusKeeper />
    </>
  );
}

const focused = () => document.activeElement as HTMLElement;

describe('FocusKeeper', () => {
  it('follows a card to its new place when the focused control moves with it', async () => {
    render(<App />);
    const move = screen.getByRole('button', { name: 'Verschieben: Chatbot' });
    move.focus();
    act(() => move.click());
    await waitFor(() => expect(focused().textContent).toBe('Verschieben: Chatbot'));
    expect(focused().closest('ul')?.getAttribute('aria-label')).toBe('Cluster b');
  });

  it('moves focus to the next control of the same list when a card is deleted', async () => {
    render(<App />);
    const remove = screen.getByRole('button', { name: 'Löschen: Akten' });
    remove.focus();
    act(() => remove.click());
    await waitFor(() => expect(focused()).not.toBe(document.body));
    expect(focused().getAttribute('aria-label')).toBe('Karte verschieben: Chatbot');
  });

  it('goes up to the section when the list itself is gone', async () => {
    render(<App />);
    for (const text of ['Akten', 'Chatbot']) {
      const remove = screen.getByRole('button', { name: `Löschen: ${text}` });
      remove.focus();
      act(() => remove.click());
      await waitFor(() => expect(focused()).not.toBe(document.body));
    }
    expect(focused().textContent).toBe('Karte hinzufügen');
  });

  it('returns to what opened a dialog, and if that is gone, to its neighbour', async () => {
    render(<App />);
    const opener = screen.getByRole('button', { name: 'Dialog: Akten' });
    opener.focus();
    act(() => opener.click());
    const inside = screen.getByRole('button', { name: 'Karte im Dialog löschen' });
    inside.focus();
    act(() => inside.click());
    await waitFor(() => expect(focused()).not.toBe(document.body));
    expect(focused().getAttribute('aria-label')).toBe('Karte verschieben: Chatbot');
  });

  it('starts at the heading of a new screen, not at the top of the app', async () => {
    render(<App />);
    const next = screen.getByRole('button', { name: 'Weiter' });
    next.focus();
    act(() => next.click());
    await waitFor(() => expect(focused().tagName).toBe('H2'));
    expect(focused().outerHTML).toBe('<h2 tabindex="-1">Andere Seite</h2>');
  });

  it('leaves the focus alone when nothing was removed (a click on empty space)', async () => {
    render(<App />);
    const button = screen.getByRole('button', { name: 'Weiter' });
    button.focus();
    button.blur();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(focused()).toBe(document.body);
  });

  it('follows an item to another list when the focused control is gone with its old state', async () => {
    // A voting round: closing it removes its close button and moves it from the open rounds to the closed.
    function Rounds() {
      const [closed, setClosed] = useState(false);
      const round = (
        <li data-round-id="r1">
          <h4>Schwerpunkte</h4>
          {closed ? (
            <button type="button">Ergebnis zeigen</button>
          ) : (
            <button type="button" onClick={() => setClosed(true)}>
              Abstimmung schließen
            </button>
          )}
          <button type="button">Annullieren</button>
        </li>
      );
      return (
        <main>
          <h2>Abstimmungen</h2>
          <button type="button">Abstimmung starten</button>
          <ul aria-label="Offen">{!closed && round}</ul>
          <ul aria-label="Geschlossen">{closed && round}</ul>
          <FocusKeeper />
        </main>
      );
    }
    render(<Rounds />);
    const close = screen.getByRole('button', { name: 'Abstimmung schließen' });
    close.focus();
    act(() => close.click());
    await waitFor(() => expect(focused().textContent).toBe('Ergebnis zeigen'));
    expect(focused().closest('ul')?.getAttribute('aria-label')).toBe('Geschlossen');
  });
});
