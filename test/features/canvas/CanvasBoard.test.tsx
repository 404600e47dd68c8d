import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { LiveRegion } from '../../../renderer/src/components/LiveRegion';
import { Toasts } from '../../../renderer/src/components/Toasts';
import type { BoardId, ClusterId, IdeaId, NoteId, WorkshopId } from '../../../renderer/src/domain/ids';
import type { TraceData } from '../../../renderer/src/domain/trace';
import type { Board, BoardContent, Cluster, Idea, Note } from '../../../renderer/src/domain/types';
import { undo } from '../../../renderer/src/features/app/commands';
import { CanvasBoard } from '../../../renderer/src/features/canvas/CanvasBoard';
import { FocusAreaIdeas } from '../../../renderer/src/features/canvas/FocusAreaIdeas';
import { startIdeaFromFocusArea } from '../../../renderer/src/features/canvas/ideaActions';
import { ideaHash } from '../../../renderer/src/features/canvas/ideaRoute';
import { TraceBadge } from '../../../renderer/src/features/trace/TraceBadge';
import { stabiliseTrace, type TraceEntry } from '../../../renderer/src/features/trace/useNoteTrace';
import { getDb } from '../../../renderer/src/persistence/db';
import { useAppStore } from '../../../renderer/src/state/store';

const WS = 'ws-canvas' as WorkshopId;
const board = (
  id: string,
  title: string,
  kind: Board['kind'],
  phase: Board['phase'],
  rank: string,
): Board => ({
  id: id as BoardId,
  workshopId: WS,
  title,
  phase,
  kind,
  rank,
  createdAt: 1,
});
const visionBoard = board('b-vision', 'Vision 2030', 'clusters', 'vision', 'a0');
const focusBoard = board('b-focus', 'Handlungsschwerpunkte', 'clusters', 'focus', 'a1');
const ideasBoard = board('b-ideas', 'Projektideen', 'canvases', 'ideas', 'a2');
const focusArea: Cluster = {
  id: 'c-fa' as ClusterId,
  boardId: focusBoard.id,
  title: 'Kürzere Verfahren',
  rank: 'a0',
  collapsed: false,
  focusAreaAt: 5,
  description: '',
  createdAt: 1,
  updatedAt: 1,
};
const visionNote: Note = {
  id: 'n-vision' as NoteId,
  boardId: visionBoard.id,
  columnId: null,
  rowId: null,
  clusterId: null,
  text: 'Anträge rund um die Uhr',
  color: 'blue',
  rank: 'a0',
  sourceNoteId: null,
  facts: null,
  createdAt: 1,
  updatedAt: 1,
};
const idea: Idea = {
  id: 'i-1' as IdeaId,
  workshopId: WS,
  boardId: ideasBoard.id,
  focusAreaId: 'c-deleted' as ClusterId,
  templateId: 'ki-projektsteckbrief',
  title: 'Wohngeld-Assistent',
  fields: {},
  sources: [
    { field: 'problem', noteId: visionNote.id },
    { field: 'problem', noteId: 'n-gone' as NoteId },
  ],
  rank: 'a0',
  createdAt: 1,
  updatedAt: 1,
};
const content: BoardContent = { board: ideasBoard, columns: [], rows: [], clusters: [], notes: [] };

async function storedIdea(): Promise<Idea> {
  return (await getDb().ideas.get(idea.id))!;
}

beforeEach(async () => {
  const db = getDb();
  await Promise.all(db.tables.map((t) => t.clear()));
  await db.boards.bulkAdd([visionBoard, focusBoard, ideasBoard]);
  await db.clusters.add(focusArea);
  await db.notes.add(visionNote);
  await db.ideas.add(idea);
  useAppStore.setState({ past: [], future: [] });
  window.location.hash = ideaHash(WS, ideasBoard.id, idea.id);
});

function renderBoard() {
  return render(
    <>
      <CanvasBoard content={content} />
      <Toasts />
      <LiveRegion />
    </>,
  );
}

describe('an idea canvas', () => {
  it('refuses "viele" in a number field with a German message, keeps the text and saves nothing', async () => {
    renderBoard();
    const hours = await screen.findByLabelText(/Eingesparte Arbeitszeit/);
    fireEvent.focus(hours);
    fireEvent.change(hours, { target: { value: 'viele' } });
    expect(screen.getByRole('alert').textContent).toContain('„viele“ ist keine Zahl');
    expect((hours as HTMLInputElement).value).toBe('viele');
    fireEvent.blur(hours);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await storedIdea()).fields.hoursSaved ?? null).toBeNull();
    expect(useAppStore.getState().past).toHaveLength(0);
  });

  it('saves German numbers while typing and makes the edit one undo step', async () => {
    renderBoard();
    const cost = await screen.findByLabelText(/Kosten/);
    fireEvent.focus(cost);
    fireEvent.change(cost, { target: { value: '1.2' } });
    fireEvent.change(cost, { target: { value: '1.200,5' } });
    await waitFor(async () => expect((await storedIdea()).fields.cost).toBe(1200.5));
    expect(useAppStore.getState().past).toHaveLength(0);
    fireEvent.blur(cost);
    await waitFor(() => expect(useAppStore.getState().past).toHaveLength(1));
    await act(() => undo());
    expect((await storedIdea()).fields.cost ?? null).toBeNull();
    await waitFor(() => expect((cost as HTMLInputElement).value).toBe(''));
  });

  it('shows source cards with their board, deleted ones as "(gelöscht)", and a deleted focus area', async () => {
    renderBoard();
    const chips = await screen.findByRole('list', {
      name: 'Übernommene Karten in „Problem und heutiger Ablauf“',
    });
    const items = within(chips).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('„Anträge rund um die Uhr“ · Vision 2030'),
      expect.stringContaining('(gelöscht)'),
    ]);
    const focus = screen.getByLabelText('Handlungsschwerpunkt') as HTMLSelectElement;
    expect(focus.selectedOptions[0]!.textContent).toBe('(gelöscht)');
    expect(screen.getByRole('region', { name: 'Herkunft' }).textContent).toContain(
      'Handlungsschwerpunkt (gelöscht)',
    );
    fireEvent.click(within(items[1]!).getByRole('button'));
    await waitFor(async () => expect((await storedIdea()).sources).toEqual([idea.sources[0]]));
  });

  it('takes a card into a field through the keyboard menu', async () => {
    await getDb().ideas.put({ ...idea, sources: [] });
    renderBoard();
    fireEvent.click(
      await screen.findByRole('button', { name: 'In Feld übernehmen …: „Anträge rund um die Uhr“' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'In Feld übernehmen' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Wer profitiert?' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Übernehmen' }));
    await waitFor(async () =>
      expect(await storedIdea()).toMatchObject({
        fields: { beneficiaries: 'Anträge rund um die Uhr' },
        sources: [{ field: 'beneficiaries', noteId: visionNote.id }],
      }),
    );
    await act(() => undo());
    expect(await storedIdea()).toMatchObject({ sources: [] });
  });
});

describe('trace badge', () => {
  const entries: TraceEntry[] = [
    { kind: 'copy', label: 'Handlungsschwerpunkte', href: '#/w/x/b/f', key: 'b:f' },
    { kind: 'idea', label: 'Wohngeld-Assistent', href: '#/w/x/b/i/i/1', key: 'i:1' },
  ];

  it('says compactly where a card went, with links and an accessible lead-in', () => {
    const { container } = render(<TraceBadge entries={entries} />);
    expect(container.textContent).toBe(
      '→ Weitergeführt: Handlungsschwerpunkte, Projektidee „Wohngeld-Assistent“',
    );
    expect(screen.getByRole('link', { name: 'Projektidee „Wohngeld-Assistent“' }).getAttribute('href')).toBe(
      '#/w/x/b/i/i/1',
    );
    const { container: empty } = render(<TraceBadge entries={[]} />);
    expect(empty.innerHTML).toBe('');
  });

  it('keeps the map and each unchanged card entry identical across updates', () => {
    const data: TraceData = {
      boards: [visionBoard, focusBoard],
      notes: [
        visionNote,
        { ...visionNote, id: 'n-copy' as NoteId, boardId: focusBoard.id, sourceNoteId: visionNote.id },
      ],
      clusters: [],
      ideas: [],
      visions: [],
    };
    const first = stabiliseTrace(new Map(), WS, data);
    expect(first.get(visionNote.id)!.map((e) => e.label)).toEqual(['Handlungsschwerpunkte']);
    expect(stabiliseTrace(first, WS, { ...data, notes: [...data.notes] })).toBe(first);
    const other: Note = { ...visionNote, id: 'n-other' as NoteId, text: 'x' };
    const withIdea = stabiliseTrace(first, WS, {
      ...data,
      notes: [...data.notes, other],
      ideas: [{ ...idea, focusAreaId: null, sources: [{ field: 'problem', noteId: other.id }] }],
    });
    expect(withIdea).not.toBe(first);
    expect(withIdea.get(visionNote.id)).toBe(first.get(visionNote.id));
    expect(withIdea.get(other.id)!.map((e) => e.kind)).toEqual(['idea']);
  });
});

describe('starting an idea from a focus area', () => {
  it('makes the Projektideen board when there is none, opens the idea, and undoes both at once', async () => {
    const db = getDb();
    await db.ideas.clear();
    await db.boards.delete(ideasBoard.id);
    window.location.hash = '';
    expect(await startIdeaFromFocusArea(WS, focusArea)).toBe(true);
    const boards = await db.boards.where('workshopId').equals(WS).toArray();
    const made = boards.find((b) => b.kind === 'canvases')!;
    expect(made).toMatchObject({ title: 'Projektideen', phase: 'ideas' });
    const [created] = await db.ideas.toArray();
    expect(created).toMatchObject({
      title: 'Kürzere Verfahren',
      focusAreaId: focusArea.id,
      boardId: made.id,
    });
    expect(window.location.hash).toBe(ideaHash(WS, made.id, created!.id));
    expect(useAppStore.getState().past).toHaveLength(1);
    await act(() => undo());
    expect(await db.ideas.count()).toBe(0);
    expect(await db.boards.get(made.id)).toBeUndefined();
  });

  it('lists the ideas of a focus area as links', async () => {
    await getDb().ideas.put({ ...idea, focusAreaId: focusArea.id });
    render(<FocusAreaIdeas workshopId={WS} focusAreaId={focusArea.id} />);
    const link = await screen.findByRole('link', { name: 'Wohngeld-Assistent' });
    expect(link.getAttribute('href')).toBe(ideaHash(WS, ideasBoard.id, idea.id));
  });
});
