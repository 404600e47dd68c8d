import { generateKeyBetween } from 'fractional-indexing';

/** Anything ordered by a fractional index string. */
export interface Ranked {
  id: string;
  rank: string;
}

export function byRank<T extends Ranked>(a: T, b: T): number {
  if (a.rank < b.rank) return -1;
  if (a.rank > b.rank) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The rank for an item placed at `index` in `siblings` (sorted, without the item itself).
 * Siblings may share a rank (two cards planned on a list that did not show the other yet;
 * byRank orders them by id): nothing fits between equal ranks, so an item placed among
 * them goes right after the last of them.
 */
export function rankAt(siblings: readonly Ranked[], index: number): string {
  const clamped = Math.max(0, Math.min(index, siblings.length));
  const before = clamped > 0 ? siblings[clamped - 1]!.rank : null;
  let next = clamped;
  while (before !== null && next < siblings.length && siblings[next]!.rank <= before) next += 1;
  const after = next < siblings.length ? siblings[next]!.rank : null;
  return generateKeyBetween(before, after);
}

/** The rank for an item placed last among `siblings` (sorted), and after `floor` if given. */
export function rankAtEnd(siblings: readonly Ranked[], floor: string | null = null): string {
  const last = siblings.at(-1)?.rank ?? null;
  // Also after `floor`: the card added just before, while `siblings` (a live query's last
  // result) does not show it yet. Two cards added in quick succession keep their order.
  if (floor !== null && (last === null || floor > last)) return rankAfter(floor);
  return rankAt(siblings, siblings.length);
}

/** The rank right after `rank` (or the first rank when null). */
export function rankAfter(rank: string | null): string {
  return generateKeyBetween(rank, null);
}
