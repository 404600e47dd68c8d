import { describe, expect, it } from 'vitest';
import { buildMinutes, minutesFileName } from '../../renderer/src/domain/minutes';
import type { AgendaItem } from '../../renderer/src/domain/types';
import canvas from '../../assets/canvases/ki-projektsteckbrief.json';
import type { CanvasTemplate } from '../../renderer/src/domain/canvas';
import { demoTree, emptyTree, printedCards } from './minutesTree';

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
    expect(printedCards(model).sort()).toEqual(tree.notes.map((n) => n.text).sort());
    expect(model.phases.map((p) => p.phase)).toEqual(['vision', 'inventory', 'focus', 'ideas']);
    expect(model.phases.map((p) => p.boards.map((b) => b.kind))).toEqual([
      ['clusters'],
      ['matrix'],
      ['clusters'],
      ['canvases'],
    ]);
    expect(model.decisions).toHaveLength(3);
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

  it('keeps an empty phase (so the PDF can say so) and leaves boards without results out', () => {
    const { workshop, tree } = demoTree();
    const vision = tree.boards.find((b) => b.phase === 'vision')!;
    tree.notes = tree.notes.filter((n) => n.boardId !== vision.id);
    // The agreed vision alone keeps the board in the record.
    expect(buildMinutes(workshop, tree, { now: NOW, status: 'draft' }).phases[0]?.boards).toHaveLength(1);
    tree.visions = [];
    const model = buildMinutes(workshop, tree, { now: NOW, status: 'draft' });
    expect(model.phases.find((p) => p.phase === 'vision')?.boards).toEqual([]);
  });

  it('prints the demo phase by phase: the agreed vision, the matrix with facts, focus areas first, the canvases', () => {
    const { workshop, tree } = demoTree();
    const model = buildMinutes(workshop, tree, {
      now: NOW,
      status: 'draft',
      canvasTemplates: [canvas as unknown as CanvasTemplate],
    });
    const [vision, inventory, focus, ideas] = model.phases.map((p) => p.boards[0]!);
    expect(vision?.visions).toEqual([
      expect.objectContaining({ agreedAt: expect.any(Number), statements: 5, deletedStatements: 0 }),
    ]);
    expect(vision?.visions[0]?.text).toContain('**entlastet KI die Beschäftigten');
    if (vision?.kind !== 'clusters' || inventory?.kind !== 'matrix') throw new Error('board kinds');
    expect(vision.clusters.flatMap((c) => c.cards).filter((c) => c.inVision)).toHaveLength(5);
    expect(vision.pool.length).toBeGreaterThan(0);

    expect(inventory.columns).toEqual([
      'Analog',
      'Digitalisiert',
      'Medienbruchfrei',
      'Datengetrieben',
      'KI-unterstützt',
    ]);
    expect(inventory.rows.map((r) => r.title)).toContain('Bauen und Genehmigungen');
    const building = inventory.rows.find((r) => r.title === 'Bauen und Genehmigungen')!;
    expect(building.cells[0]?.[0]?.facts).toEqual({
      process: 'Bauantrag',
      casesPerYear: 4200,
      painPoint: 'Rund 60 % der Anträge kommen unvollständig an',
    });
    expect(inventory.tray.map((c) => c.text)).toHaveLength(2);

    if (focus?.kind !== 'clusters' || ideas?.kind !== 'canvases') throw new Error('board kinds');
    expect(focus.clusters.map((c) => [c.title, c.focusArea])).toEqual([
      ['Schnellere Fallbearbeitung', true],
      ['Entlastung der Beschäftigten', true],
      ['Besserer Service für Bürger und Unternehmen', true],
      ['Kürzere Verfahren', false],
      ['Daten und Plattform', false],
    ]);
    expect(focus.clusters[0]?.description).toMatch(/^Anträge kommen vollständig an/);

    expect(ideas.ideas.map((i) => i.title)).toHaveLength(3);
    const [check] = ideas.ideas;
    expect(check?.focusArea).toEqual({ state: 'linked', title: 'Schnellere Fallbearbeitung' });
    expect(check?.template?.de).toBe('KI-Projektsteckbrief');
    expect(check?.aiActTier).toEqual({
      key: 'minimal',
      label: expect.objectContaining({ de: 'minimales Risiko' }),
    });
    expect(check?.fields[0]).toMatchObject({ key: 'problem', label: { de: 'Problem und heutiger Ablauf' } });
    expect(check?.fields.map((f) => f.key)).not.toContain('riskTier');

    expect(model.trace.focusAreas.map((a) => a.title)).toEqual([
      'Schnellere Fallbearbeitung',
      'Entlastung der Beschäftigten',
      'Besserer Service für Bürger und Unternehmen',
    ]);
    expect(model.trace.focusAreas.every((a) => a.ideas.length === 1)).toBe(true);
    expect(model.trace.otherIdeas).toEqual([]);
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
    const model = buildMinutes({ ...workshop, date: '' }, emptyTree(), { now: NOW, status: 'draft' });
    expect(model.date).toBe('');
    expect(model.phases.every((p) => p.boards.length === 0)).toBe(true);
    expect(model.phases.map((p) => p.phase)).not.toContain(null);
    expect(model.trace).toEqual({ focusAreas: [], otherIdeas: [] });
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
