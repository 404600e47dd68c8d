/**
 * Which automatic snapshots stay: the newest KEEP_LATEST, and the newest of
 * each day of the last KEEP_DAYS days. Pure and shared: main prunes its files
 * with it; the tests pin the rule without any files.
 */
export const KEEP_LATEST = 10;
export const KEEP_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day in the user's time zone: "one a day" means the user's days. */
export function localDay(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

export function selectSnapshotsToKeep(
  snapshots: ReadonlyArray<{ id: string; createdAt: number }>,
  now: number,
  dayOf: (time: number) => string = localDay,
): Set<string> {
  const newestFirst = [...snapshots].sort((a, b) => b.createdAt - a.createdAt);
  const keep = new Set(newestFirst.slice(0, KEEP_LATEST).map((s) => s.id));
  const days = new Set<string>();
  for (const snapshot of newestFirst) {
    if (now - snapshot.createdAt >= KEEP_DAYS * DAY_MS) continue;
    const day = dayOf(snapshot.createdAt);
    if (days.has(day)) continue;
    days.add(day);
    keep.add(snapshot.id);
  }
  return keep;
}
