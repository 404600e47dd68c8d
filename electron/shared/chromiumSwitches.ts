/**
 * Chromium features the desktop app turns off before it is ready (main.ts).
 * The benchmark's Chromium turns them off too (scripts/bench/browser.ts), so
 * that it measures the renderer as the app runs it. No electron import: the
 * benchmark loads this file too.
 *
 * BackgroundResourceFetch: Chromium fetches a page's scripts on a background
 * thread. Module scripts fetched that way never read their V8 code cache:
 * traces in Chromium 156 showed the cache written again at every load and never
 * read, so every start parsed the start bundle anew (some 60–70 ms on the
 * development machine). Classic scripts read theirs, and so do module scripts
 * with this feature off. The app's scheme is registered with `codeCache`
 * (protocol.ts) for exactly that reuse.
 */
export const DISABLED_CHROMIUM_FEATURES: readonly string[] = ['BackgroundResourceFetch'];
