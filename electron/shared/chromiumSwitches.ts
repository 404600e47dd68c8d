/**
 * Chromium features the desktop app turns off before it is ready (main.ts).
 * The benchmark's Chromium turns them off too (scripts/bench/browser.ts), so
 * that it measures the renderer as the app runs it. No electron import: the
 * benchmark loads this file too.
 *
 * BackgroundResourceFetch: Chromium fetches a page's scripts on a background
 * thread. In the benchmark's Chromium (156), module scripts fetched that way
 * never read their V8 code cache: traces showed the cache written again at
 * every load and never read, so every start parsed the start bundle anew (some
 * 60–70 ms on the development machine). Classic scripts read theirs, and so do
 * module scripts with this feature off. Whether Electron's Chromium and its
 * app:// handler (registered with `codeCache` for exactly this reuse,
 * protocol.ts) take the same path could not be traced here (no Electron); off,
 * the scripts load on the main thread through the same loader either way.
 */
export const DISABLED_CHROMIUM_FEATURES: readonly string[] = ['BackgroundResourceFetch'];

/**
 * The value for `--disable-features`: the features already named there and the
 * app's. Chromium reads only the last such switch, so a second one would turn
 * the first one's features back on.
 */
export function disabledFeaturesValue(existing: string): string {
  const names = [...existing.split(','), ...DISABLED_CHROMIUM_FEATURES].map((name) => name.trim());
  return [...new Set(names.filter(Boolean))].join(',');
}
