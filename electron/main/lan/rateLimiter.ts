/**
 * A fixed-window counter per key (the client address): at most `limit` hits per
 * `windowMs`. Windows of idle keys are dropped, so a flood of addresses cannot
 * grow the map without bound for long. Pure: the clock is passed in.
 */
export interface RateLimiter {
  /** Counts a hit; false when the key is over its limit in the current window. */
  hit(key: string): boolean;
  /** Whether the key may still hit in the current window (counts nothing). */
  allows(key: string): boolean;
  /** Keys tracked now (for tests). */
  size(): number;
}

export function createRateLimiter(limit: number, windowMs: number, now: () => number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = now();
  const MAX_KEYS = 10_000;

  function sweep(time: number): void {
    if (time - lastSweep < windowMs && windows.size < MAX_KEYS) return;
    lastSweep = time;
    for (const [key, window] of windows) if (time - window.start >= windowMs) windows.delete(key);
  }

  function current(key: string): { start: number; count: number } {
    const time = now();
    sweep(time);
    let window = windows.get(key);
    if (!window || time - window.start >= windowMs) {
      window = { start: time, count: 0 };
      windows.set(key, window);
    }
    return window;
  }

  return {
    hit(key) {
      const window = current(key);
      window.count += 1;
      return window.count <= limit;
    },
    allows(key) {
      return current(key).count < limit;
    },
    size: () => windows.size,
  };
}
