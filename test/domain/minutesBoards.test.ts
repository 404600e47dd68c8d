import { describe, expect, it } from 'vitest';
import canvas from '../../assets/canvases/ki-projektsteckbrief.json';
import type { CanvasTemplate } from '../../renderer/src/domain/canvas';
import type { ClusterId, NoteId } from '../../renderer/src/domain/ids';
import { buildMinutes, type MinutesBoard, type MinutesModel } from '../../renderer/src/domain/minutes';
import { printedCards, TreeBuilder, WORKSHOP } from './minutesTree';

const TEMPLATES = [canvas as unknown as CanvasTemplate];

function minutes(b: TreeBuilder, templates: CanvasTemplate[] = TEMPLATES): MinutesModel {
  return buildMinutes(WORKSHOP, b.tree, { now: 0, status: 'draft', canvasTemplates: templates });
}

function only<K extends MinutesBoard['kind']>(
  model: MinutesModel,
  kind: K,
): Extract<MinutesBoard, { kind: K }> {
  const boards = model.phases.flatMap((p) => p.boards);
  expect(boards).toHaveLength(1);
  const board = boards[0]!;
  if (board.kind !== kind) throw new Error(`expected a ${kind} board, got ${board.kind}`);
  return board as Extract<MinutesBoard, { kind: K }>;
}

/** Every card of the tree is printed exactly once. */
function expectEveryCardOnce(b: TreeBuilder, model: MinutesModel): void {
  expect(printedCards(model).sort()).toEqual(b.tree.notes.map((n) => n.text).sort());
}

describe('buildMinutes: columns boards', () => {
  it('keeps the columns in order with their cards, and puts cards of a deleted column under "without column"', () => {
    const b = new TreeBuilder();
    const board = b.board('Sammlung', 'columns', 'vision');
    const first = b.column(board, 'Erste');
    const second = b.column(board, 'Zweite');
    b.note(board, 'b', { columnId: second.id });
    b.note(board, 'a', { columnId: first.id });
    b.note(board, 'verwaist', { columnId: 'col-gone' as never });
    const model = minutes(b);
    const printed = only(model, 'columns');
    expect(printed.columns.map((c) => [c.title, c.notes.map((n) => n.text)])).toEqual([
      ['Erste', ['a']],
      ['Zweite', ['b']],
      [null, ['verwaist']],
    ]);
    expectEveryCardOnce(b, model);
  });
});

describe('buildMinutes: matrix boards', () => {
  it('prints rows × columns with the cards and facts per cell, and the tray', () => {
    const b = new TreeBuilder();
    const board = b.board('Bestand', 'matrix', 'inventory');
    const analog = b.column(board, 'Analog');
    const digital = b.column(board, 'Digital');
    const bau = b.row(board, 'Bauen');
    const soziales = b.row(board, 'Soziales');
    const facts = { process: 'Bauantrag', casesPerYear: 4200, painPoint: 'Papier' };
    b.note(board, 'Bauantrag auf Papier', { rowId: bau.id, columnId: analog.id, facts });
    b.note(board, 'Wohngeld online', { rowId: soziales.id, columnId: digital.id });
    b.note(board, 'Noch offen');
    b.note(board, 'Zeile gelöscht', { rowId: 'row-gone' as never, columnId: analog.id });
    b.note(board, 'Halb platziert', { rowId: bau.id, columnId: null });
    b.note(board, 'Leere Fakten', {
      rowId: bau.id,
      columnId: digital.id,
      facts: { process: '', casesPerYear: null, painPoint: '' },
    });
    const model = minutes(b);
    const matrix = only(model, 'matrix');
    expect(matrix.columns).toEqual(['Analog', 'Digital']);
    expect(matrix.rows.map((r) => [r.title, r.cells.map((cell) => cell.map((c) => c.text))])).toEqual([
      ['Bauen', [['Bauantrag auf Papier'], ['Leere Fakten']]],
      ['Soziales', [[], ['Wohngeld online']]],
    ]);
    expect(matrix.rows[0]?.cells[0]?.[0]?.facts).toEqual(facts);
    // A card with only empty facts shows none.
    expect(matrix.rows[0]?.cells[1]?.[0]?.facts).toBeNull();
    expect(matrix.tray.map((c) => c.text)).toEqual(['Noch offen', 'Zeile gelöscht', 'Halb platziert']);
    expectEveryCardOnce(b, model);
  });

  it('leaves out a matrix without cards', () => {
    const b = new TreeBuilder();
    const board = b.board('Bestand', 'matrix', 'inventory');
    b.column(board, 'Analog');
    b.row(board, 'Bauen');
    expect(minutes(b).phases.find((p) => p.phase === 'inventory')?.boards).toEqual([]);
  });
});

describe('buildMinutes: clusters boards', () => {
  it('prints focus areas first with their description, then the other clusters, then the pool', () => {
    const b = new TreeBuilder();
    const board = b.board('Schwerpunkte', 'clusters', 'focus');
    const plain = b.cluster(board, 'Sammlung');
    const focus = b.cluster(board, 'Schneller', { description: 'Anträge schneller bearbeiten' });
    const empty = b.cluster(board, 'Leer');
    b.note(board, 'eins', { clusterId: plain.id });
    b.note(board, 'zwei', { clusterId: focus.id });
    b.note(board, 'frei');
    b.note(board, 'Cluster gelöscht', { clusterId: 'cluster-gone' as ClusterId });
    void empty;
    const model = minutes(b);
    const clusters = only(model, 'clusters');
    expect(clusters.clusters).toEqual([
      {
        title: 'Schneller',
        focusArea: true,
        description: 'Anträge schneller bearbeiten',
        cards: [expect.objectContaining({ text: 'zwei' })],
      },
      {
        title: 'Sammlung',
        focusArea: false,
        description: '',
        cards: [expect.objectContaining({ text: 'eins' })],
      },
      { title: 'Leer', focusArea: false, description: '', cards: [] },
    ]);
    expect(clusters.pool.map((c) => c.text)).toEqual(['frei', 'Cluster gelöscht']);
    expectEveryCardOnce(b, model);
  });

  it('keeps a clusters board whose only result is an empty focus area, and drops one with nothing at all', () => {
    const b = new TreeBuilder();
    const board = b.board('Schwerpunkte', 'clusters', 'focus');
    b.cluster(board, 'Nur ein Titel');
    expect(minutes(b).phases.find((p) => p.phase === 'focus')?.boards).toEqual([]);
    b.cluster(board, 'Beschlossen', { description: '' });
    expect(only(minutes(b), 'clusters').clusters[0]).toMatchObject({ title: 'Beschlossen', focusArea: true });
  });
});

describe('buildMinutes: vision boards', () => {
  it('carries the vision text, whether it is agreed, and marks the statements it was written from', () => {
    const b = new TreeBuilder();
    const board = b.board('Vision', 'clusters', 'vision');
    const group = b.cluster(board, 'Werte');
    const used = b.note(board, 'Menschen entscheiden', { clusterId: group.id });
    b.note(board, 'Schnell');
    b.vision(board, '**Leitbild** mit\n\n- Punkt', {
      sourceNoteIds: [used.id, 'note-deleted' as NoteId, used.id],
      agreedAt: Date.UTC(2027, 2, 24, 10),
    });
    const model = minutes(b);
    const vision = only(model, 'clusters');
    expect(vision.visions).toEqual([
      {
        text: '**Leitbild** mit\n\n- Punkt',
        agreedAt: Date.UTC(2027, 2, 24, 10),
        statements: 1,
        deletedStatements: 1,
      },
    ]);
    expect(vision.clusters[0]?.cards).toEqual([
      { text: 'Menschen entscheiden', facts: null, inVision: true },
    ]);
    expect(vision.pool).toEqual([{ text: 'Schnell', facts: null, inVision: false }]);
    expectEveryCardOnce(b, model);
  });

  it('keeps a draft vision on a board without cards', () => {
    const b = new TreeBuilder();
    const board = b.board('Vision', 'clusters', 'vision');
    b.vision(board, 'Entwurf');
    expect(only(minutes(b), 'clusters').visions).toEqual([
      { text: 'Entwurf', agreedAt: null, statements: 0, deletedStatements: 0 },
    ]);
  });
});

describe('buildMinutes: canvases boards', () => {
  function ideasBoard() {
    const b = new TreeBuilder();
    const focusBoard = b.board('Schwerpunkte', 'clusters', 'focus');
    const area = b.cluster(focusBoard, 'Schneller', { description: 'd' });
    const demoted = b.cluster(focusBoard, 'Zurückgestuft');
    const board = b.board('Ideen', 'canvases', 'ideas');
    return { b, board, area, demoted };
  }

  it('prints the filled fields in the template order with their labels, units and choice labels, and the EU AI Act tier', () => {
    const { b, board, area } = ideasBoard();
    b.idea(board, 'Posteingang', {
      focusAreaId: area.id,
      fields: {
        nextSteps: 'Pilot',
        problem: 'Zu viele E-Mails',
        hoursSaved: 4100,
        riskTier: 'transparency',
        personalData: false,
        dpia: 'check',
        benefit: '',
        cost: null,
        legacyNote: 'aus einer älteren Vorlage',
      },
    });
    const model = minutes(b);
    const [idea] = model.phases
      .flatMap((p) => p.boards)
      .flatMap((x) => (x.kind === 'canvases' ? x.ideas : []));
    expect(idea?.focusArea).toEqual({ state: 'linked', title: 'Schneller' });
    expect(idea?.aiActTier).toEqual({
      key: 'transparency',
      label: { de: 'Transparenzpflichten (Art. 50)', en: expect.any(String) },
    });
    expect(idea?.fields.map((f) => f.key)).toEqual([
      'problem',
      'hoursSaved',
      'personalData',
      'dpia',
      'nextSteps',
      'legacyNote',
    ]);
    expect(idea?.fields[1]).toMatchObject({
      value: 4100,
      unit: { de: 'h/Jahr' },
      label: { de: 'Eingesparte Arbeitszeit' },
    });
    expect(idea?.fields[3]).toMatchObject({ value: 'check', choice: { de: 'zu prüfen' } });
    expect(idea?.fields[5]).toEqual({
      key: 'legacyNote',
      label: null,
      type: null,
      value: 'aus einer älteren Vorlage',
      choice: null,
      unit: null,
    });
  });

  it('says when the focus area is missing or gone and when the tier is not set; without the template it prints keys', () => {
    const { b, board, demoted } = ideasBoard();
    b.idea(board, 'Ohne', { fields: { problem: 'p' } });
    b.idea(board, 'Zurückgestuft', { focusAreaId: demoted.id });
    b.idea(board, 'Gelöscht', { focusAreaId: 'cluster-gone' as ClusterId, fields: { riskTier: 'high' } });
    const withTemplate = only(
      { ...minutes(b), phases: minutes(b).phases.filter((p) => p.phase === 'ideas') },
      'canvases',
    );
    expect(withTemplate.ideas.map((i) => [i.title, i.focusArea.state, i.aiActTier?.key])).toEqual([
      ['Ohne', 'none', null],
      ['Zurückgestuft', 'gone', null],
      ['Gelöscht', 'gone', 'high'],
    ]);
    const bare = minutes(b, []).phases.find((p) => p.phase === 'ideas')!.boards[0];
    if (bare?.kind !== 'canvases') throw new Error('canvases');
    expect(bare.ideas[0]).toMatchObject({
      template: null,
      aiActTier: null,
      fields: [{ key: 'problem', label: null }],
    });
    expect(bare.ideas[2]?.aiActTier).toEqual({ key: 'high', label: null });
  });

  it('still prints cards that sit on a canvases board, and leaves out a board without ideas', () => {
    const { b, board } = ideasBoard();
    expect(minutes(b).phases.find((p) => p.phase === 'ideas')?.boards).toEqual([]);
    b.note(board, 'verirrt');
    const model = minutes(b);
    const printed = model.phases.find((p) => p.phase === 'ideas')?.boards[0];
    expect(printed).toMatchObject({ kind: 'canvases', ideas: [], cards: [{ text: 'verirrt' }] });
  });
});
