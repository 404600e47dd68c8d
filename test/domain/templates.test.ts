import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  resolveTemplate,
  validateTemplate,
  type WorkshopTemplate,
} from '../../renderer/src/domain/templates';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../renderer/src/domain/workshopCommands';

const dir = new URL('../../assets/templates/', import.meta.url);
const templates = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, data: JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as WorkshopTemplate }));

describe('shipped templates', () => {
  it('are at least the AI strategy, a generic strategy workshop and an empty one, each valid', () => {
    expect(templates.map((t) => t.data.id).sort()).toEqual(['ki-strategie', 'leer', 'strategie-allgemein']);
    for (const { file, data } of templates) expect(validateTemplate(data), file).toEqual([]);
  });

  it('the AI strategy carries the four phases in order, each with its board and timeboxed agenda items', () => {
    const ki = templates.find((t) => t.data.id === 'ki-strategie')!.data;
    expect(ki.boards.map((b) => b.phase)).toEqual(['vision', 'inventory', 'focus', 'ideas']);
    const resolved = resolveTemplate(ki, 'de');
    for (const phaseBoard of [0, 1, 2, 3]) {
      expect(resolved.agenda.some((a) => a.boardIndex === phaseBoard)).toBe(true);
    }
    const { changes } = createWorkshop({
      fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'KI' },
      template: resolved,
      sessionTitle: 'Sitzung 1',
      now: 1,
    });
    const count = (table: string) => changes.filter((c) => c.table === table).length;
    expect(count('boards')).toBe(4);
    expect(count('agendaItems')).toBe(ki.agenda.length);
    expect(count('sessions')).toBe(1);
  });

  it('validation names what is wrong in a broken template', () => {
    const broken = {
      ...templates[0]!.data,
      agenda: [{ title: { de: 'x', en: '' }, minutes: 0, board: 'nope' }],
    };
    expect(validateTemplate(broken)).toEqual(['agenda[0].title', 'agenda[0].minutes', 'agenda[0].board']);
    expect(validateTemplate(null)).toEqual(['not an object']);
  });
});
