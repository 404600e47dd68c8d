import { describe, expect, it } from 'vitest';
import { parseRoute, routeToHash } from '../../../renderer/src/features/app/router';

describe('hash routes', () => {
  it('reads the list, a workshop and a board, and writes them back', () => {
    expect(parseRoute('')).toEqual({ name: 'workshops' });
    expect(parseRoute('#/')).toEqual({ name: 'workshops' });
    const board = parseRoute('#/w/abc-1/b/def-2');
    expect(board).toEqual({ name: 'workshop', workshopId: 'abc-1', boardId: 'def-2' });
    expect(routeToHash(board)).toBe('#/w/abc-1/b/def-2');
    expect(parseRoute('#/w/abc-1')).toEqual({ name: 'workshop', workshopId: 'abc-1', boardId: null });
  });

  it('falls back to the list for anything unexpected', () => {
    for (const hash of ['#/w/', '#/w/<script>', '#/x/1', '#/w/../../etc', `#/w/${'a'.repeat(65)}`]) {
      expect(parseRoute(hash)).toEqual({ name: 'workshops' });
    }
    expect(parseRoute('#/w/ok/b/<img>')).toEqual({ name: 'workshop', workshopId: 'ok', boardId: null });
  });
});
