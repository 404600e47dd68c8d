import type { ClusterId } from './ids';
import type { AbsorbedCluster, Cluster, Note } from './types';

/**
 * Merging clusters without rewriting their cards.
 *
 * A cluster merged into another is deleted, and the target notes it in
 * `absorbed`: the cards still stored with the old cluster id now belong to
 * the target. A merge then writes two cluster rows, not every card of the
 * source (200 cards took 30–40 ms of IndexedDB; see B4 in the README), and
 * undoing it gives the source back its cards by restoring those two rows.
 *
 * Reading resolves it (resolveMerges): such a card shows in the target, with
 * a rank that places it after the target's cards of the time of the merge
 * and keeps the source's order. The rank is made of the prefix stored at the
 * merge and the card's own rank, so it is the same at every read, and ranks
 * computed from it (a card dropped between two of them) stay in place. The
 * card carries `merged` (what is stored, what is shown); writing it back with
 * the place it was shown at stores the old values again (storedNote), so a
 * later edit does not pin the card to the target should the merge be undone.
 * Any other place (the card was moved) is written as it is.
 *
 * Exports and the minutes read the resolved cards with neither `merged` nor
 * `absorbed` (materializeMerges): a backup holds plain rows.
 */

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Each digit's code (see encode), by its character code. */
const CODES: readonly (string | undefined)[] = (() => {
  const codes: Array<string | undefined> = [];
  for (let digit = 0; digit < DIGITS.length; digit += 1)
    codes[DIGITS.charCodeAt(digit)] = digit < 60 ? DIGITS[digit + 1] : `z${digit - 59}`;
  return codes;
})();

/**
 * The card's rank as fraction digits without a '0': each digit becomes the
 * next one, 'y' and 'z' two digits ("z1", "z2"). The codes keep the order and
 * none is the start of another, so the encoded ranks sort as the ranks do; a
 * rank of the fractional-indexing kind may not end in '0', which a rank such
 * as "a0" appended as it is would.
 */
function encode(rank: string): string {
  let out = '';
  for (let i = 0; i < rank.length; i += 1) {
    const code = CODES[rank.charCodeAt(i)];
    if (code === undefined) throw new Error(`Not a rank digit: ${rank[i]}`);
    out += code;
  }
  return out;
}

/**
 * Ranks stay well under the 500 characters a backup allows: a merge that would
 * show a card with a longer one writes the cards instead (mergeClusters).
 */
export const MAX_COMPOSED_RANK = 400;

/** The rank a card of a merged cluster shows with. */
export function composedRank(rank: string, prefixes: readonly string[]): string {
  let composed = rank;
  for (const prefix of prefixes) composed = prefix + encode(composed);
  return composed;
}

/**
 * What the target of a merge absorbs: the source, at `prefix` (a rank after
 * the target's last card), and everything the source had absorbed.
 */
export function absorbedAfterMerge(target: Cluster, source: Cluster, prefix: string): AbsorbedCluster[] {
  return [
    ...(target.absorbed ?? []),
    { id: source.id, prefixes: [prefix] },
    ...(source.absorbed ?? []).map((a) => ({ id: a.id, prefixes: [...a.prefixes, prefix] })),
  ];
}

interface Absorber {
  into: ClusterId;
  prefixes: readonly string[];
}

function absorbers(clusters: readonly Cluster[], live: ReadonlySet<ClusterId>): Map<ClusterId, Absorber> {
  const map = new Map<ClusterId, Absorber>();
  for (const cluster of clusters)
    for (const a of cluster.absorbed ?? [])
      // A cluster that is there itself keeps its cards (stale rows of a second window).
      if (!live.has(a.id)) map.set(a.id, { into: cluster.id, prefixes: a.prefixes });
  return map;
}

/**
 * The cards as they show: each card stored with a merged cluster in the
 * cluster that absorbed it, with its composed rank and `merged`. A card whose
 * cluster is neither there nor absorbed shows in the pool, not nowhere (a
 * second window that wrote the target from a copy older than the merge drops
 * `absorbed`). The same array when every card's cluster is there.
 */
export function resolveMerges<N extends Note>(clusters: readonly Cluster[], notes: N[]): N[] {
  const live = new Set(clusters.map((c) => c.id));
  if (notes.every((note) => note.clusterId === null || live.has(note.clusterId))) return notes;
  const map = absorbers(clusters, live);
  return notes.map((note) => {
    if (note.clusterId === null || live.has(note.clusterId)) return note;
    const absorber = map.get(note.clusterId);
    if (!absorber) return { ...note, clusterId: null };
    const shownRank = composedRank(note.rank, absorber.prefixes);
    return {
      ...note,
      clusterId: absorber.into,
      rank: shownRank,
      merged: { clusterId: note.clusterId, rank: note.rank, shownIn: absorber.into, shownRank },
    };
  });
}

/**
 * The row to store for a card: with the values it is stored with when it is
 * written back at the place it was shown at; else as it is. Never `merged`.
 */
export function storedNote<N extends Note>(note: N): N {
  if (!note.merged) return note;
  const { merged, ...row } = note;
  if (row.clusterId === merged.shownIn && row.rank === merged.shownRank)
    return { ...row, clusterId: merged.clusterId, rank: merged.rank } as N;
  return row as N;
}

/** Clusters and cards as plain rows, the merges carried out: for backups and the minutes. */
export function materializeMerges<C extends Cluster, N extends Note>(
  clusters: readonly C[],
  notes: N[],
): { clusters: C[]; notes: N[] } {
  return {
    clusters: clusters.map((cluster) => {
      if (cluster.absorbed === undefined) return cluster;
      const { absorbed: _absorbed, ...row } = cluster;
      return row as C;
    }),
    notes: resolveMerges(clusters, notes).map((note) => {
      if (!note.merged) return note;
      const { merged: _merged, ...row } = note;
      return row as N;
    }),
  };
}
