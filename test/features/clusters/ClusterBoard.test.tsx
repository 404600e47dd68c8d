import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveRegion } from '../../../renderer/src/components/LiveRegion';
import { addBoard } from '../../../renderer/src/domain/boardCommands';
import type { Change } from '../../../renderer/src/domain/changes';
import { addCard, addCluster } from '../../../renderer/src/domain/clusterCommands';
import type { BoardId, ClusterId } from '../../../renderer/src/domain/ids';
import type { BoardContent } from '../../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../../renderer/src/domain/workshopCommands';
import { commit, undo } from '../../../renderer/src/features/app/commands';
import { ClusterBoard } from '../../../renderer/src/features/clusters/ClusterBoard';
import { getDb } from '../../../renderer/src/persistence/db';
import { useBoardContent } from '../../../renderer/src/persistence/hooks';
import { applyChanges, loadBoardContent } from '../../../renderer/src/persistence/repository';
import { useAppStore } from '../../../renderer/src/state/store';

// Every card renders one TraceBadge: counting them counts the card bodies React renders.
const badgeRenders = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../renderer/src/features/trace/TraceBadge', () => ({
  TraceBadge: () => {
    badgeRenders.count += 1;
    return null;
  },
}));

const { workshop } = createWorkshop({
  fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'KI-Strategie' },
  template: { boards: [], agenda: [] },
  sessionTitle: 'Sitzung 1',
  now: 1,
});

function LiveClusters({ boardId }: { boardId: BoardId }) {
  const loaded = useBoardContent(boardId);
  return loaded?.content ? <ClusterBoard content={loaded.content} /> : null;
}

/** A clusters board with `clusters` clusters of `perCluster` cards each, plus `pool` cards in the pool. */
async function seed(clusters: number, perCluster: number, pool: number): Promise<BoardId> {
  const { board, changes } = addBoard(workshop, [], 'Handlungsschwerpunkte', 1, 'clusters');
  let content: BoardContent = {
    board: { ...board, phase: 'focus' },
    columns: [],
    rows: [],
    clusters: [],
    notes: [],
  };
  const all: Change[] = [{ ...changes[0]!, after: content.board } as Change];
  const take = (next: Change[]) => {
    all.push(...next);
    for (const change of next) {
      if (change.table === 'clusters' && change.after)
        content = { ...content, clusters: [...content.clusters, change.after] };
      if (change.table === 'notes' && change.after)
        content = { ...content, notes: [...content.notes, change.after] };
    }
  };
  for (let c = 0; c < clusters; c += 1) {
    take(addCluster(content, `Thema ${c + 1}`, 1).changes);
    const clusterId = content.clusters.at(-1)!.id as ClusterId;
    for (let n = 0; n < perCluster; n += 1)
      take(addCard(content, { text: `Karte ${c + 1}.${n + 1}`, clusterId, now: 1 }).changes);
  }
  for (let n = 0; n < pool; n += 1) take(addCard(content, { text: `Offen ${n + 1}`, now: 1 }).changes);
  await applyChanges(getDb(), all);
  return board.id;
}

/**
 * Boxes for the page's elements, as a browser would lay them out: 100 px tall, at `topOf`
 * (jsdom lays out nothing: every box would be empty, and a windowed list that measured empty
 * cards would take every card it has not rendered yet for an empty one).
 */
function mockBoxes(topOf: (element: HTMLElement) => number) {
  // jsdom leaves a windowed list's padding (calc(var(--list-pad) + …px)) unresolved: a browser
  // computes it, and the list reads it back to find its first row.
  const computed = window.getComputedStyle.bind(window);
  vi.spyOn(window, 'getComputedStyle').mockImplementation((element, pseudo) => {
    const style = computed(element, pseudo);
    const before = element instanceof HTMLElement ? element.dataset.windowBefore : undefined;
    if (before === undefined) return style;
    return new Proxy(style, {
      get: (target, key) => (key === 'paddingTop' ? `${before}px` : Reflect.get(target, key, target)),
    });
  });
  return vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
    this: HTMLElement,
  ) {
    const y = topOf(this);
    return { top: y, bottom: y + 100, left: 0, right: 100, width: 100, height: 100, x: 0, y } as DOMRect;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

beforeEach(async () => {
  await getDb().delete();
  await getDb().open();
  useAppStore.setState({ past: [], future: [] });
  badgeRenders.count = 0;
});

describe('ClusterBoard', () => {
  it('shows the pool and the clusters with their cards', async () => {
    const boardId = await seed(2, 2, 1);
    render(<LiveClusters boardId={boardId} />);
    const pool = await screen.findByRole('region', { name: 'Noch nicht gruppiert' });
    expect(within(pool).getByText('Offen 1', { selector: '.note-text', exact: false })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Cluster' });
    expect(within(list).getByRole('heading', { level: 3, name: 'Thema 1' })).toBeTruthy();
    expect(
      within(list).getByRole('list', { name: 'Karten in „Thema 2“' }).querySelectorAll('li'),
    ).toHaveLength(2);
  });

  it('says the board has no cards yet when it has none, and that all are grouped when the pool is empty', async () => {
    const empty = await seed(0, 0, 0);
    const { unmount } = render(<LiveClusters boardId={empty} />);
    const pool = await screen.findByRole('region', { name: 'Noch nicht gruppiert' });
    expect(within(pool).getByText('Noch keine Karten auf diesem Board.')).toBeTruthy();
    expect(within(pool).queryByText('Alle Karten sind gruppiert.')).toBeNull();
    unmount();
    const grouped = await seed(1, 1, 0);
    render(<LiveClusters boardId={grouped} />);
    const pool2 = await screen.findByRole('region', { name: 'Noch nicht gruppiert' });
    expect(within(pool2).getByText('Alle Karten sind gruppiert.')).toBeTruthy();
  });

  it('renders only the changed card again when one card of a big board (50 clusters) changes', async () => {
    // jsdom is slow; 300 cards show the same as 1,000 would: one card body renders, not all.
    // Laid out as on a screen where every list is in view.
    const boardId = await seed(50, 5, 50);
    mockBoxes(() => 0);
    render(<LiveClusters boardId={boardId} />);

    // Every cluster with its five cards (the pool, a scrolling list of its own, windows its 50).
    await waitFor(() => expect(document.querySelectorAll('li.cluster li.cluster-card')).toHaveLength(250), {
      timeout: 20_000,
    });
    await waitFor(() => expect(badgeRenders.count).toBeGreaterThanOrEqual(250));
    const content = (await loadBoardContent(getDb(), boardId))!;
    const note = content.notes.find((n) => n.text === 'Karte 25.3')!;
    badgeRenders.count = 0;
    let ok = false;
    await act(async () => {
      ok = await commit([{ table: 'notes', before: note, after: { ...note, color: 'green', updatedAt: 2 } }]);
    });
    expect(ok).toBe(true);
    expect((await getDb().notes.get(note.id))!.color).toBe('green');
    await waitFor(
      () => expect(document.querySelector(`[data-note-id="${note.id}"]`)!.className).toContain('note-green'),
      { timeout: 20_000 },
    );
    expect(badgeRenders.count).toBeLessThanOrEqual(2);
  }, 60_000);

  it('collapses a cluster to its title and card count, one undoable step', async () => {
    const boardId = await seed(1, 3, 0);
    render(
      <>
        <LiveClusters boardId={boardId} />
        <LiveRegion />
      </>,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Cluster einklappen: Thema 1' }));
    await waitFor(() => expect(document.querySelectorAll('li.cluster-card')).toHaveLength(0));
    expect(screen.getByText('3 Karten')).toBeTruthy();
    expect(document.querySelector('.visually-hidden[role="status"]')!.textContent).toBe(
      'Cluster „Thema 1“ eingeklappt.',
    );
    await act(() => undo());
    await waitFor(() => expect(document.querySelectorAll('li.cluster-card')).toHaveLength(3));
  });
  it('edits, recolours and deletes a card in a cluster, each one undo step', async () => {
    const boardId = await seed(1, 2, 0);
    render(<LiveClusters boardId={boardId} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Karte bearbeiten: Karte 1.1' }));
    const field = screen.getByRole('textbox', { name: 'Text der Karte' });
    await user.clear(field);
    await user.type(field, 'Akten digital{Enter}');
    await waitFor(async () =>
      expect((await getDb().notes.toArray()).map((n) => n.text).sort()).toEqual([
        'Akten digital',
        'Karte 1.2',
      ]),
    );
    await user.click(await screen.findByRole('button', { name: 'Farbe ändern: Akten digital' }));
    await user.click(screen.getByRole('button', { name: 'Grün' }));
    await waitFor(async () =>
      expect((await getDb().notes.toArray()).find((n) => n.text === 'Akten digital')!.color).toBe('green'),
    );
    await user.click(screen.getByRole('button', { name: 'Karte löschen: Karte 1.2' }));
    await waitFor(async () => expect(await getDb().notes.count()).toBe(1));
    expect(useAppStore.getState().past).toHaveLength(3);
    await act(() => undo());
    await waitFor(async () => expect(await getDb().notes.count()).toBe(2));
  });
});

describe('ClusterBoard on a big board: the first screen first', () => {
  /**
   * Renders a big board (25 clusters of 10 cards, windowed) with the clusters at `top` px from
   * the top of the screen, and returns how many clusters were in the page the first time any
   * was: what the browser could first paint (a MutationObserver's callback runs after the
   * commit and its layout effects, before the next frame).
   */
  async function firstPainted(top: (cluster: Element) => number): Promise<number> {
    mockBoxes((element) => (element.matches('li.cluster') ? top(element) : 0));
    const boardId = await seed(25, 10, 0);
    let first = 0;
    const observer = new MutationObserver(() => {
      if (first === 0) first = document.querySelectorAll('li.cluster').length;
    });
    observer.observe(document.body, { childList: true, subtree: true });
    render(<LiveClusters boardId={boardId} />);
    // Then every cluster (a few per task), so that Tab, the screen reader and the drop targets reach all.
    await waitFor(() => expect(document.querySelectorAll('li.cluster')).toHaveLength(25), {
      timeout: 20_000,
    });
    observer.disconnect();
    return first;
  }

  const indexOf = (cluster: Element) => Array.from(cluster.parentElement!.children).indexOf(cluster);

  it('renders the clusters on the screen before the first paint, the others right after it', async () => {
    // The first two rows (of four clusters) reach below the screen.
    const rows = (cluster: Element) => 300 + 5_000 * Math.floor(indexOf(cluster) / 4);
    expect(await firstPainted(rows)).toBe(8);
  }, 60_000);

  it('renders only the cards on the screen before the first paint, the ones around them right after it', async () => {
    // One cluster of 250 cards at the top of a 768 px screen; every card 100 px tall.
    mockBoxes(() => 0);
    const boardId = await seed(1, 250, 0);
    const cards = () => document.querySelectorAll('li.cluster li.cluster-card').length;
    let first = 0;
    const observer = new MutationObserver(() => {
      if (first === 0) first = cards();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    render(<LiveClusters boardId={boardId} />);
    // The rows reaching into the screen (tops 0 … 700) …
    await waitFor(() => expect(first).toBeGreaterThan(0));
    observer.disconnect();
    expect(first).toBe(8);
    // … then, once painted, those within 600 px below it too (tops up to 1,300), for scrolling.
    await waitFor(() => expect(cards()).toBe(14));
  });

  it('renders more before the first paint while the screen is not filled yet', async () => {
    // Short clusters: the eighth one still starts on the screen, so 16 come first.
    const rows = (cluster: Element) =>
      indexOf(cluster) < 8 ? 100 * Math.floor(indexOf(cluster) / 4) : 5_000;
    expect(await firstPainted(rows)).toBe(16);
  }, 60_000);
});
