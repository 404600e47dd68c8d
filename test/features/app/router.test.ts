import { describe, expect, it } from 'vitest';
import { parseRoute, routeToHash } from '../../../renderer/src/features/app/router';

describe('hash routes', () => {
  it('reads the list, the overview, a board, the other sections and the projector, and writes them back', () => {
    expect(parseRoute('')).toEqual({ name: 'workshops' });
    expect(parseRoute('#/')).toEqual({ name: 'workshops' });
    const board = parseRoute('#/w/abc-1/b/def-2');
    expect(board).toEqual({ name: 'workshop', workshopId: 'abc-1', section: 'board', boardId: 'def-2' });
    expect(routeToHash(board)).toBe('#/w/abc-1/b/def-2');
    expect(parseRoute('#/w/abc-1')).toEqual({
      name: 'workshop',
      workshopId: 'abc-1',
      section: 'overview',
      boardId: null,
    });
    for (const section of ['agenda', 'participants', 'decisions'] as const) {
      const route = parseRoute(`#/w/abc-1/${section}`);
      expect(route).toEqual({ name: 'workshop', workshopId: 'abc-1', section, boardId: null });
      expect(routeToHash(route)).toBe(`#/w/abc-1/${section}`);
    }
    expect(parseRoute('#/projector/abc-1')).toEqual({ name: 'projector', workshopId: 'abc-1' });
    expect(routeToHash({ name: 'projector', workshopId: 'abc-1' as never })).toBe('#/projector/abc-1');
  });

  it('falls back to the list or the overview for anything unexpected', () => {
    for (const hash of [
      '#/w/',
      '#/w/<script>',
      '#/x/1',
      '#/w/../../etc',
      `#/w/${'a'.repeat(65)}`,
      '#/projector/',
    ]) {
      expect(parseRoute(hash)).toEqual({ name: 'workshops' });
    }
    expect(parseRoute('#/w/ok/b/<img>')).toMatchObject({ section: 'overview', boardId: null });
    expect(parseRoute('#/w/ok/settings')).toMatchObject({ section: 'overview' });
  });
});
