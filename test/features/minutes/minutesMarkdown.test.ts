import { describe, expect, it } from 'vitest';
import { buildMinutes } from '../../../renderer/src/domain/minutes';
import {
  escapeMarkdown,
  renderMinutesMarkdown,
} from '../../../renderer/src/features/minutes/minutesMarkdown';
import { createTranslator } from '../../../renderer/src/i18n/translator';
import canvas from '../../../assets/canvases/ki-projektsteckbrief.json';
import type { CanvasTemplate } from '../../../renderer/src/domain/canvas';
import { demoTree, TreeBuilder, WORKSHOP } from '../../domain/minutesTree';

const t = createTranslator('de');

function demo() {
  return demoTree();
}

describe('renderMinutesMarkdown', () => {
  it('prints the demo: title, names, every note, decisions and tasks as tables', () => {
    const { workshop, tree } = demo();
    const md = renderMinutesMarkdown(
      buildMinutes(workshop, tree, {
        now: 0,
        status: 'approved',
        canvasTemplates: [canvas as unknown as CanvasTemplate],
      }),
      t,
      'de',
    );
    expect(md.startsWith('# Ergebnisprotokoll: KI-Strategie für die Verwaltung')).toBe(true);
    expect(md).toContain('- **Status:** abgestimmt');
    expect(md).toContain('- **Datum:** 24. März 2027');
    expect(md).toContain('| Łukasz Wróbel |');
    expect(md).toContain('| Şükrü Öztürk |');
    const matrix = new Set(tree.boards.filter((b) => b.kind === 'matrix').map((b) => b.id));
    for (const note of tree.notes) {
      // Cards in the cells of a matrix are in its table; all others are list items.
      const placed = matrix.has(note.boardId) && note.rowId !== null;
      const text = escapeMarkdown(note.text);
      if (placed) expect(md.includes(`| ${text}`) || md.includes(`<br>${text}`), note.text).toBe(true);
      else expect(md).toContain(`- ${text}`);
    }
    expect(md).toContain(
      '| Bereich | Analog | Digitalisiert | Medienbruchfrei | Datengetrieben | KI-unterstützt |',
    );
    expect(md).toContain('#### Handlungsschwerpunkt: Schnellere Fallbearbeitung');
    expect(md).toContain('- **Risikoklasse nach EU AI Act:** minimales Risiko');
    expect(md).toContain('| Eingesparte Arbeitszeit | 2.600 h/Jahr |');
    expect(md).toContain('Im Jahr 2030 **entlastet KI die Beschäftigten und beschleunigt unsere Verfahren**');
    expect(md).toContain('## Nachvollziehbarkeit');
    expect(md).toContain('  _aus „Bestandsaufnahme: Reifegrad der Prozesse“_');
    expect(md).toContain('## Beschlüsse');
    expect(md).toContain('| Wer | Was | Bis wann | Status |');
  });

  it('speaks English when asked: board kinds, canvas labels and the trace', () => {
    const { workshop, tree } = demo();
    const model = buildMinutes(workshop, tree, {
      now: 0,
      status: 'draft',
      canvasTemplates: [canvas as unknown as CanvasTemplate],
    });
    const md = renderMinutesMarkdown(model, createTranslator('en'), 'en');
    for (const expected of [
      '#### Vision statement',
      '_Agreed on March 24, 2027_',
      '| Area | Analog | Digitalisiert |',
      'Process: Bauantrag · 4,200 cases/year · Pain point: Rund 60 % der Anträge kommen unvollständig an',
      '#### Tray – not placed yet',
      '#### Focus area: Schnellere Fallbearbeitung',
      '#### Not grouped',
      '- **Risk tier under the EU AI Act:** minimal risk',
      '| Working time saved | 2,600 h/year |',
      '| GDPR: personal data | yes |',
      '## Traceability',
      '  _from “Bestandsaufnahme: Reifegrad der Prozesse”_',
    ])
      expect(md).toContain(expected);
    expect(md).not.toMatch(/minutes\.\w+/);
  });

  it('keeps bold and italic of the vision, but nothing a person typed becomes markup', () => {
    const b = new TreeBuilder();
    const board = b.board('Vision', 'clusters', 'vision');
    b.vision(
      board,
      '**<img src=x onerror=alert(1)>** und *[Link](javascript:x)*\n\n- # keine Überschrift\n1. kein Listenpunkt',
    );
    const md = renderMinutesMarkdown(buildMinutes(WORKSHOP, b.tree, { now: 0, status: 'draft' }), t, 'de');
    expect(md).toContain('**\\<img src=x onerror=alert(1)\\>** und *\\[Link\\](javascript:x)*');
    expect(md).toContain('- \\# keine Überschrift');
    expect(md).toContain('\n1\\. kein Listenpunkt');
    expect(md).toContain('_Entwurf – noch nicht vereinbart_');
    expect(md).not.toMatch(/[^\\]<img/);
  });

  it('keeps user text from becoming markup, links or extra table cells', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> [a](javascript:x) a|b *c*')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\[a\\](javascript:x) a\\|b \\*c\\*',
    );
    expect(escapeMarkdown('# keine Überschrift\nzweite Zeile')).toBe('\\# keine Überschrift zweite Zeile');
    expect(escapeMarkdown('- 3. KI-Strategie')).toBe('\\- 3. KI-Strategie');
    expect(escapeMarkdown('24. März')).toBe('24\\. März');
  });

  it('prints the demo vote with settings, turnout, shared places and text bars, and the excused', () => {
    const { workshop, tree } = demo();
    const [first, second] = tree.participants;
    tree.participants = [
      ...tree.participants.slice(2),
      { ...first!, attendance: 'excused' },
      { ...second!, attendance: 'absent' },
    ];
    const md = renderMinutesMarkdown(buildMinutes(workshop, tree, { now: 0, status: 'draft' }), t, 'de');
    const section = md.slice(md.indexOf('### Abstimmung: Punktabfrage zu den Handlungsschwerpunkten'));
    expect(section).toContain('- **Beteiligung:** 6 von 7 Stimmberechtigten (86 %)');
    expect(section).toContain('- **Methode:** Punktabfrage – 3 Punkte pro Person, höchstens 2 je Eintrag');
    expect(section).toContain('| Platz | Eintrag | Punkte | Stimmzettel | Ergebnis als Balkendiagramm |');
    expect(section).toMatch(/\| 1\. \(gleichauf\) \| Entlastung der Beschäftigten \| 6 \| 4 \| █{24} \|/);
    expect(section).toMatch(/\| 3\. \| Schnellere Fallbearbeitung \| 4 \| 2 \| █{16} \|/);
    expect(section).toContain('_Anonyme Abstimmung: Das Protokoll nennt nicht, wer wie abgestimmt hat._');
    expect(md).toContain(`Entschuldigt: ${first!.name}`);
    expect(md).toContain(`Abwesend (nicht entschuldigt): ${second!.name}`);
    expect(md).not.toContain(`| ${first!.name} | ${first!.unit} |`);
  });
});
