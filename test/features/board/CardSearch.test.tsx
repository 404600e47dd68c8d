import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ClusterId } from '../../../renderer/src/domain/ids';
import type { Cluster, Note } from '../../../renderer/src/domain/types';
import { shownHit, setShownHit } from '../../../renderer/src/features/board/cardSearch';
import { CardSearch } from '../../../renderer/src/features/board/CardSearch';
import { useAppStore } from '../../../renderer/src/state/store';
import { makeBoard } from '../../domain/fixtures';

// jsdom lays nothing out and scrolls nothing.
const originalScroll = Element.prototype.scrollIntoView;
beforeAll(() => {
  Element.prototype.scrollIntoView = function scrollIntoView() {};
});
afterAll(() => {
  Element.prototype.scrollIntoView = originalScroll;
});
afterEach(() => setShownHit(null));

/** Three cards with "Akte" (the first in a collapsed cluster), one without. */
function board(): { notes: Note[]; clusters: Cluster[] } {
  const { content } = makeBoard({ Ideen: ['E-Akte Bauamt', 'E-Akte Bürgeramt', 'Chatbot', 'Akte digital'] });
  const cluster = { id: 'c1' as ClusterId, title: 'Akten', collapsed: true } as Cluster;
  const notes = content.notes.map((note, i) => (i === 0 ? { ...note, clusterId: cluster.id } : note));
  return { notes, clusters: [cluster] };
}

/** The search with the board's cards rendered as a board would (only those not in a collapsed cluster). */
function Board(props: { notes: Note[]; clusters: Cluster[]; expand: (id: ClusterId) => Promise<boolean> }) {
  return (
    <>
      <CardSearch
        order={props.notes}
        placeOf={(note) => {
          const cluster = props.clusters.find((c) => c.id === note.clusterId);
          return cluster ? `im Cluster „${cluster.title}“` : 'noch nicht gruppiert';
        }}
        reveal={async (note) => {
          const cluster = props.clusters.find((c) => c.id === note.clusterId);
          return cluster?.collapsed ? props.expand(cluster.id) : true;
        }}
      />
      <ul>
        {props.notes.map((note) => (
          <li key={note.id} className="cluster-card" data-note-id={note.id}>
            {note.text}
          </li>
        ))}
      </ul>
    </>
  );
}

const said = () => useAppStore.getState().announcement.text;
const field = () => screen.getByRole('searchbox', { name: 'Karten suchen' });
const status = () => document.querySelector('.card-search-status')!.textContent;

describe('CardSearch', () => {
  it('counts the hits, shows them one by one with Enter and says each', async () => {
    const { notes, clusters } = board();
    const expand = vi.fn(() => Promise.resolve(true));
    render(<Board notes={notes} clusters={clusters} expand={expand} />);
    fireEvent.change(field(), { target: { value: 'akte' } });
    expect(status()).toBe('3 Treffer');
    fireEvent.keyDown(field(), { key: 'Enter' });
    // The first hit lies in a collapsed cluster: it is opened first.
    await waitFor(() => expect(said()).toBe('Treffer 1 von 3: E-Akte Bauamt – im Cluster „Akten“'));
    expect(expand).toHaveBeenCalledWith('c1');
    expect(shownHit()).toBe(notes[0]!.id);
    expect(status()).toBe('1 von 3');
    fireEvent.keyDown(field(), { key: 'Enter', shiftKey: true });
    await waitFor(() => expect(said()).toBe('Treffer 3 von 3: Akte digital – noch nicht gruppiert'));
    expect(shownHit()).toBe(notes[3]!.id);
    // The count, due once typing paused, is not said over the hit.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(said()).toBe('Treffer 3 von 3: Akte digital – noch nicht gruppiert');
  });

  it('says the number of hits once typing pauses', async () => {
    const { notes, clusters } = board();
    render(<Board notes={notes} clusters={clusters} expand={() => Promise.resolve(true)} />);
    useAppStore.getState().announce('');
    fireEvent.change(field(), { target: { value: 'ak' } });
    fireEvent.change(field(), { target: { value: 'akte' } });
    expect(said()).toBe('');
    await waitFor(() => expect(said()).toBe('3 Treffer'), { timeout: 2_000 });
  });

  it('shows the newest step when an earlier one is still waiting for its cluster to open', async () => {
    const { notes, clusters } = board();
    let opened!: (ok: boolean) => void;
    const expand = vi.fn(() => new Promise<boolean>((resolve) => (opened = resolve)));
    render(<Board notes={notes} clusters={clusters} expand={expand} />);
    fireEvent.change(field(), { target: { value: 'akte' } });
    fireEvent.keyDown(field(), { key: 'Enter' }); // hit 1: waits for its cluster
    fireEvent.keyDown(field(), { key: 'Enter' }); // hit 2
    await waitFor(() => expect(said()).toBe('Treffer 2 von 3: E-Akte Bürgeramt – noch nicht gruppiert'));
    await act(async () => opened(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shownHit()).toBe(notes[1]!.id);
    expect(said()).toBe('Treffer 2 von 3: E-Akte Bürgeramt – noch nicht gruppiert');
    expect(status()).toBe('2 von 3');
  });

  it('follows the card shown when the board changes under the search', async () => {
    const { notes, clusters } = board();
    const expand = () => Promise.resolve(true);
    const { rerender } = render(<Board notes={notes} clusters={clusters} expand={expand} />);
    fireEvent.change(field(), { target: { value: 'akte' } });
    fireEvent.keyDown(field(), { key: 'Enter' });
    fireEvent.keyDown(field(), { key: 'Enter' });
    await waitFor(() => expect(status()).toBe('2 von 3'));
    // The first hit is deleted: the one shown is now the first of two.
    rerender(<Board notes={notes.slice(1)} clusters={clusters} expand={expand} />);
    expect(status()).toBe('1 von 2');
    expect(shownHit()).toBe(notes[1]!.id);
    // The card shown no longer matches (edited): no mark left on it.
    const edited = notes.map((note, i) => (i === 1 ? { ...note, text: 'Chatbot Bürgeramt' } : note));
    rerender(<Board notes={edited} clusters={clusters} expand={expand} />);
    expect(status()).toBe('2 Treffer');
    await waitFor(() => expect(shownHit()).toBeNull());
  });

  it('empties with Escape and takes the cursor on Strg+F', () => {
    const { notes, clusters } = board();
    render(<Board notes={notes} clusters={clusters} expand={() => Promise.resolve(true)} />);
    fireEvent.keyDown(document, { key: 'f', code: 'KeyF', ctrlKey: true });
    expect(document.activeElement).toBe(field());
    fireEvent.change(field(), { target: { value: 'zzz' } });
    expect(status()).toBe('Keine Karte gefunden.');
    fireEvent.keyDown(field(), { key: 'Escape' });
    expect((field() as HTMLInputElement).value).toBe('');
    expect(status()).toBe('');
  });
});
