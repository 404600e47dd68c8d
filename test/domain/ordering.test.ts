import { describe, expect, it } from 'vitest';
import { byRank, rankAfter, rankAt, rankAtEnd } from '../../renderer/src/domain/ordering';
import { invertChanges } from '../../renderer/src/domain/changes';

describe('fractional ordering', () => {
  it('places between neighbours, at the front and at the end', () => {
    const items = [
      { id: 'a', rank: rankAfter(null) },
      { id: 'b', rank: '' },
    ];
    items[1]!.rank = rankAfter(items[0]!.rank);
    const front = rankAt(items, 0);
    const middle = rankAt(items, 1);
    const end = rankAtEnd(items);
    expect(front < items[0]!.rank).toBe(true);
    expect(items[0]!.rank < middle && middle < items[1]!.rank).toBe(true);
    expect(end > items[1]!.rank).toBe(true);
  });

  it('places at the end after a given rank too, whichever is later', () => {
    const items = [{ id: 'a', rank: rankAfter(null) }];
    const added = rankAtEnd(items);
    // The list does not show the card just added yet: the next one still follows it.
    const next = rankAtEnd(items, added);
    expect(next > added).toBe(true);
    // The list shows more than that rank: the end of the list wins.
    const later = [...items, { id: 'b', rank: added }, { id: 'c', rank: next }];
    expect(rankAtEnd(later, added)).toBe(rankAtEnd(later));
    expect(rankAtEnd([], added) > added).toBe(true);
    expect(rankAtEnd(items, null)).toBe(rankAtEnd(items));
  });

  it('places among cards that share a rank right after them, instead of failing', () => {
    const tied = [
      { id: 'a', rank: 'a0' },
      { id: 'b', rank: 'a1' },
      { id: 'c', rank: 'a1' },
      { id: 'd', rank: 'a2' },
    ];
    // Between b and c nothing fits: after both, still before d.
    const between = rankAt(tied, 2);
    expect(between > 'a1' && between < 'a2').toBe(true);
    // Around the tie the places are as usual.
    const first = rankAt(tied, 1);
    expect(first > 'a0' && first < 'a1').toBe(true);
    expect(rankAt(tied, 4) > 'a2').toBe(true);
    // A tie at the end: the new one goes last.
    expect(
      rankAt(
        [
          { id: 'x', rank: 'a3' },
          { id: 'y', rank: 'a3' },
        ],
        1,
      ) > 'a3',
    ).toBe(true);
    expect(
      rankAtEnd([
        { id: 'x', rank: 'a3' },
        { id: 'y', rank: 'a3' },
      ]) > 'a3',
    ).toBe(true);
  });

  it('keeps short keys over 500 inserts at the end and sorts by rank then id', () => {
    let rank: string | null = null;
    for (let i = 0; i < 500; i++) rank = rankAfter(rank);
    expect(rank!.length).toBeLessThan(6);
    const sorted = [
      { id: 'b', rank: 'a1' },
      { id: 'a', rank: 'a1' },
      { id: 'c', rank: 'a0' },
    ].sort(byRank);
    expect(sorted.map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('invertChanges', () => {
  it('swaps before and after and reverses the order', () => {
    const note = { id: 'n', rank: 'a0' } as never;
    const moved = { id: 'n', rank: 'a1' } as never;
    const inverse = invertChanges([
      { table: 'notes', after: note },
      { table: 'notes', before: note, after: moved },
    ]);
    expect(inverse).toEqual([
      { table: 'notes', before: moved, after: note },
      { table: 'notes', before: note, after: undefined },
    ]);
  });
});
