import { describe, expect, it } from 'vitest';
import canvas from '../../assets/canvases/ki-projektsteckbrief.json';
import type { CanvasTemplate } from '../../renderer/src/domain/canvas';
import type { NoteId } from '../../renderer/src/domain/ids';
import { buildMinutes } from '../../renderer/src/domain/minutes';
import type { Phase } from '../../renderer/src/domain/types';
import { demoTree, TreeBuilder, WORKSHOP } from './minutesTree';

const TEMPLATES = [canvas as unknown as CanvasTemplate];

function chain() {
  const b = new TreeBuilder();
  const vision = b.board('Vision', 'clusters', 'vision');
  const inventory = b.board('Bestand', 'matrix', 'inventory');
  const focus = b.board('Schwerpunkte', 'clusters', 'focus');
  const ideas = b.board('Ideen', 'canvases', 'ideas');
  const statement = b.note(vision, 'Menschen entscheiden');
  const process = b.note(inventory, 'Bauantrag auf Papier');
  const area = b.cluster(focus, 'Schneller', { description: 'Anträge schneller' });
  const other = b.cluster(focus, 'Noch kein Schwerpunkt');
  const copied = b.note(focus, 'Bauantrag auf Papier', { clusterId: area.id, sourceNoteId: process.id });
  const edited = b.note(focus, 'Menschen entscheiden immer', {
    clusterId: area.id,
    sourceNoteId: statement.id,
  });
  b.note(focus, 'Neu geschrieben', { clusterId: area.id });
  const orphan = b.note(focus, 'Original weg', {
    clusterId: area.id,
    sourceNoteId: 'note-deleted' as NoteId,
  });
  b.note(focus, 'Woanders', { clusterId: other.id, sourceNoteId: process.id });
  b.idea(ideas, 'Vollständigkeits-Check', {
    focusAreaId: area.id,
    sources: [
      { field: 'problem', noteId: copied.id },
      { field: 'approach', noteId: 'note-removed' as NoteId },
      { field: 'unknownField', noteId: edited.id },
    ],
  });
  b.idea(ideas, 'Ohne Schwerpunkt');
  b.idea(ideas, 'Zurückgestuft', { focusAreaId: other.id });
  return { b, orphan };
}

function trace(b: TreeBuilder, phases?: Array<Phase | null>) {
  return buildMinutes(WORKSHOP, b.tree, { now: 0, status: 'draft', canvasTemplates: TEMPLATES, phases })
    .trace;
}

describe('buildMinutes: traceability (Nachvollziehbarkeit)', () => {
  it('follows each focus area to its cards, their originals on earlier boards and the ideas serving it', () => {
    const { b } = chain();
    const { focusAreas, otherIdeas } = trace(b);
    expect(focusAreas).toHaveLength(1);
    const [area] = focusAreas;
    expect(area).toMatchObject({
      title: 'Schneller',
      description: 'Anträge schneller',
      board: 'Schwerpunkte',
    });
    expect(area?.cards).toEqual([
      {
        text: 'Bauantrag auf Papier',
        origins: [{ board: 'Bestand', text: 'Bauantrag auf Papier' }],
        originDeleted: false,
      },
      {
        text: 'Menschen entscheiden immer',
        origins: [{ board: 'Vision', text: 'Menschen entscheiden' }],
        originDeleted: false,
      },
      { text: 'Neu geschrieben', origins: [], originDeleted: false },
      { text: 'Original weg', origins: [], originDeleted: true },
    ]);
    expect(area?.ideas).toEqual([
      {
        title: 'Vollständigkeits-Check',
        focusArea: { state: 'linked', title: 'Schneller' },
        sources: [
          {
            key: 'problem',
            field: expect.objectContaining({ de: 'Problem und heutiger Ablauf' }),
            card: { board: 'Schwerpunkte', text: 'Bauantrag auf Papier' },
          },
          {
            key: 'approach',
            field: expect.objectContaining({ de: 'KI- oder Automatisierungsansatz' }),
            card: null,
          },
          {
            key: 'unknownField',
            field: null,
            card: { board: 'Schwerpunkte', text: 'Menschen entscheiden immer' },
          },
        ],
      },
    ]);
    expect(otherIdeas.map((i) => [i.title, i.focusArea.state])).toEqual([
      ['Ohne Schwerpunkt', 'none'],
      ['Zurückgestuft', 'gone'],
    ]);
  });

  it('follows copies of copies back to the first original and stops at a loop', () => {
    const { b } = chain();
    const later = b.board('Später', 'clusters', 'focus');
    const area = b.cluster(later, 'Zweite Runde', { description: '' });
    const copy = b.tree.notes.find((n) => n.text === 'Bauantrag auf Papier' && n.sourceNoteId !== null)!;
    b.note(later, 'Kopie der Kopie', { clusterId: area.id, sourceNoteId: copy.id });
    const a = b.note(later, 'Schleife A', { clusterId: area.id, sourceNoteId: 'note-Schleife B' as NoteId });
    b.note(later, 'Schleife B', { clusterId: area.id, sourceNoteId: a.id });
    const second = trace(b).focusAreas.find((f) => f.title === 'Zweite Runde')!;
    expect(second.cards[0]?.origins.map((o) => o.board)).toEqual(['Schwerpunkte', 'Bestand']);
    expect(second.cards[1]?.origins.map((o) => o.text)).toEqual(['Schleife B']);
  });

  it('takes only the boards of the chosen phases', () => {
    const { b } = chain();
    expect(trace(b, ['vision', 'inventory'])).toEqual({ focusAreas: [], otherIdeas: [] });
    const withoutIdeas = trace(b, ['focus']);
    expect(withoutIdeas.focusAreas[0]?.ideas).toEqual([]);
    expect(withoutIdeas.otherIdeas).toEqual([]);
    // Ideas whose focus area is on a board left out are listed with it.
    expect(trace(b, ['ideas']).otherIdeas[0]).toMatchObject({
      title: 'Vollständigkeits-Check',
      focusArea: { state: 'linked', title: 'Schneller' },
    });
  });

  it('traces every card of the demo focus areas back to the vision or inventory board it came from', () => {
    const { workshop, tree } = demoTree();
    const model = buildMinutes(workshop, tree, { now: 0, status: 'draft', canvasTemplates: TEMPLATES });
    const boards = new Set(
      model.trace.focusAreas.flatMap((a) => a.cards.flatMap((c) => c.origins.map((o) => o.board))),
    );
    expect([...boards].sort()).toEqual([
      'Bestandsaufnahme: Reifegrad der Prozesse',
      'Vision: KI in der Verwaltung 2030',
    ]);
    for (const area of model.trace.focusAreas)
      for (const card of area.cards) {
        expect(card.originDeleted).toBe(false);
        for (const origin of card.origins) expect(origin.text).toBe(card.text);
      }
    const sources = model.trace.focusAreas.flatMap((a) => a.ideas.flatMap((i) => i.sources));
    expect(sources.length).toBeGreaterThanOrEqual(3);
    expect(sources.every((s) => s.card !== null && s.field !== null)).toBe(true);
  });
});
