// The one Chromium every script drives: Debian's /usr/bin/chromium through
// playwright-core (no browser download), headless and hardened the same way
// for the e2e tests (test/e2e/helpers.ts), the benchmark (scripts/bench/browser.ts)
// and the screenshots (scripts/screenshots.mjs). Types: scripts/chromium.d.mts.

/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless, and nothing that talks to the outside or runs in the background on
 * its own: no QUIC, no component updates, no sync, no first-run pages. No
 * sandbox, as CI runs as root in a container; no GPU, as there is none.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The options for playwright-core's `chromium.launch()` and `launchPersistentContext()`. */
export function chromiumLaunchOptions() {
  return { executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] };
}
