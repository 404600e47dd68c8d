import { describe, expect, it } from 'vitest';
import { buildMinutes } from '../../../renderer/src/domain/minutes';
import type { WorkshopTree } from '../../../renderer/src/domain/purge';
import {
  escapeMarkdown,
  renderMinutesMarkdown,
} from '../../../renderer/src/features/minutes/minutesMarkdown';
import { createTranslator } from '../../../renderer/src/i18n/translator';
import { buildDemoChanges } from '../../../scripts/demo/buildDemo';

const t = createTranslator('de');

function demo() {
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
  for (const change of changes)
    if (change.table !== 'workshops' && change.after)
      (tree[change.table as keyof WorkshopTree] as unknown[]).push(change.after);
  return { workshop, tree };
}

describe('renderMinutesMarkdown', () => {
  it('prints the demo: title, names, every note as a list item, decisions and tasks as tables', () => {
    const { workshop, tree } = demo();
    const md = renderMinutesMarkdown(buildMinutes(workshop, tree, { now: 0, status: 'approved' }), t, 'de');
    expect(md.startsWith('# Ergebnisprotokoll: KI-Strategie für die Verwaltung')).toBe(true);
    expect(md).toContain('- **Status:** abgestimmt');
    expect(md).toContain('| Łukasz Wróbel |');
    expect(md).toContain('| Şükrü Öztürk |');
    for (const note of tree.notes) expect(md).toContain(`- ${escapeMarkdown(note.text)}`);
    expect(md).toContain('## Beschlüsse');
    expect(md).toContain('| Wer | Was | Bis wann | Status |');
  });

  it('keeps user text from becoming markup, links or extra table cells', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> [a](javascript:x) a|b *c*')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\[a\\](javascript:x) a\\|b \\*c\\*',
    );
    expect(escapeMarkdown('# keine Überschrift\nzweite Zeile')).toBe('\\# keine Überschrift zweite Zeile');
    expect(escapeMarkdown('- 3. KI-Strategie')).toBe('\\- 3. KI-Strategie');
  });
});
