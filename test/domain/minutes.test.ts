import { describe, expect, it } from 'vitest';
import { buildMinutes, minutesFileName } from '../../renderer/src/domain/minutes';
import type { WorkshopTree } from '../../renderer/src/domain/purge';
import type { AgendaItem, Workshop } from '../../renderer/src/domain/types';
import { buildDemoChanges } from '../../scripts/demo/buildDemo';

function demoTree(): { workshop: Workshop; tree: WorkshopTree } {
  const { workshop, changes } = buildDemoChanges();
  const tree: WorkshopTree = {
    boards: [],
    columns: [],
    notes: [],
    participants: [],
    sessions: [],
    agendaItems: [],
    decisions: [],
    actionItems: [],
  };
  for (const change of changes) {
    if (change.table !== 'workshops' && change.after)
      (tree[change.table as keyof WorkshopTree] as unknown[]).push(change.after);
  }
  return { workshop, tree };
}

const NOW = Date.UTC(2027, 2, 24, 15);

describe('buildMinutes', () => {
  it('holds the title page facts, the participants sorted by name and every note of the demo', () => {
    const { workshop, tree } = demoTree();
    const model = buildMinutes(workshop, tree, { now: NOW, status: 'draft' });
    expect(model).toMatchObject({
      title: workshop.title,
      organisation: workshop.organisation,
      date: '2027-03-24',
      minuteTaker: 'Selin Yıldız',
      status: 'draft',
    });
    const names = model.participants.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de')));
    expect(names).toEqual(expect.arrayContaining(['Łukasz Wróbel', 'Şükrü Öztürk', 'Zoë Martens']));
    const printed = model.phases.flatMap((p) => p.boards.flatMap((b) => b.columns.flatMap((c) => c.notes)));
    expect(printed.sort()).toEqual(tree.notes.map((n) => n.text).sort());
    expect(model.phases.map((p) => p.phase)).toEqual(['vision', 'inventory', 'focus', 'ideas']);
    expect(model.decisions).toHaveLength(2);
    expect(model.actionItems.map((a) => a.task).sort()).toEqual(tree.actionItems.map((a) => a.task).sort());
  });

  it('prints planned times from the session start and the actual minutes of timed items only', () => {
    const { workshop, tree } = demoTree();
    const [session] = buildMinutes(workshop, tree, { now: NOW, status: 'approved' }).sessions;
    expect(session?.agenda[0]).toMatchObject({
      plannedStart: '09:00',
      plannedEnd: '09:15',
      plannedMinutes: 15,
    });
    expect(session?.plannedEnd).toBe('14:15');
    const timed = session?.agenda.filter((row) => row.actualMinutes !== null) ?? [];
    expect(timed.length).toBeGreaterThan(0);
    expect(session?.agenda.some((row) => row.actualMinutes === null)).toBe(true);
  });

  it('counts a running timer up to now', () => {
    const { workshop, tree } = demoTree();
    const item = tree.agendaItems[0] as AgendaItem;
    tree.agendaItems = [{ ...item, elapsedMs: 0, runningSince: NOW - 7 * 60_000 }];
    const [session] = buildMinutes(workshop, tree, { now: NOW, status: 'draft' }).sessions;
    expect(session?.agenda[0]?.actualMinutes).toBe(7);
  });

  it('keeps an empty phase (so the PDF can say so) and leaves boards without notes out', () => {
    const { workshop, tree } = demoTree();
    const vision = tree.boards.find((b) => b.phase === 'vision')!;
    tree.notes = tree.notes.filter((n) => n.boardId !== vision.id);
    const model = buildMinutes(workshop, tree, { now: NOW, status: 'draft' });
    expect(model.phases.find((p) => p.phase === 'vision')?.boards).toEqual([]);
  });

  it('takes only the chosen sessions and phases', () => {
    const { workshop, tree } = demoTree();
    const model = buildMinutes(workshop, tree, {
      now: NOW,
      status: 'draft',
      sessionIds: [],
      phases: ['ideas'],
    });
    expect(model.sessions).toEqual([]);
    expect(model.phases.map((p) => p.phase)).toEqual(['ideas']);
  });

  it('copes with an empty workshop', () => {
    const { workshop } = demoTree();
    const empty: WorkshopTree = {
      boards: [],
      columns: [],
      notes: [],
      participants: [],
      sessions: [],
      agendaItems: [],
      decisions: [],
      actionItems: [],
    };
    const model = buildMinutes({ ...workshop, date: '' }, empty, { now: NOW, status: 'draft' });
    expect(model.date).toBe('');
    expect(model.phases.every((p) => p.boards.length === 0)).toBe(true);
    expect(model.phases.map((p) => p.phase)).not.toContain(null);
  });
});

describe('minutesFileName', () => {
  it('starts with the date and takes the title up to its dash', () => {
    expect(minutesFileName({ title: 'KI-Strategie – Auftakt', date: '2027-03-24' }, 'pdf')).toBe(
      '2027-03-24_KI-Strategie_Protokoll.pdf',
    );
  });

  it('leaves out what a file system refuses', () => {
    expect(minutesFileName({ title: 'A/B: "C"', date: '' }, 'md')).toBe('A-B_Protokoll.md');
    expect(minutesFileName({ title: '???', date: '2027-01-02' }, 'pdf')).toBe(
      '2027-01-02_Workshop_Protokoll.pdf',
    );
  });
});
