// Keeps `npm run bench` working: every scenario B1–B8 runs once on tiny
// workshops (the same code path as the real benchmark: backups imported
// through the app, the naive comparison page, the eager build). No figure is
// judged here: the benchmark's targets are never part of the test verdict.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DISABLED_CHROMIUM_FEATURES } from '../../electron/shared/chromiumSwitches';
import { runBench, type BenchReport } from '../../scripts/bench/bench';

describe('npm run bench (smoke run on tiny workshops)', () => {
  let report: BenchReport | null = null;
  // The bench drives its own Chromium: its CSP violations, page errors and outside requests are checked here.
  const session = {
    expectClean: () => expect(report?.problems ?? []).toEqual([]),
  };
  afterEach(() => {
    session.expectClean();
  });

  it('runs B1–B8 and reports every figure next to a baseline', { timeout: 900_000 }, async () => {
    report = await runBench({
      size: 'tiny',
      runs: 1,
      warmups: 0,
      resultsFile: null,
      log: () => undefined,
    });
    expect(report.chromium).toMatch(/\d+\.\d+/);
    // Chromium runs with the desktop app's features off, and Playwright's own stay off.
    expect(report.chromiumFeaturesOff).toEqual(
      expect.arrayContaining([...DISABLED_CHROMIUM_FEATURES, 'PaintHolding']),
    );
    expect(report.indexedDbDurability).not.toMatch(/not measured/);
    expect(report.scenarios.map((s) => s.id)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8']);
    for (const scenario of report.scenarios) {
      expect(scenario.checks.length, scenario.id).toBeGreaterThan(0);
      for (const check of scenario.checks) {
        expect(Number.isFinite(check.value), `${scenario.id} ${check.metric}`).toBe(true);
        expect(check.baseline, `${scenario.id} ${check.metric} has a baseline`).not.toBeNull();
        expect(typeof check.met).toBe('boolean');
      }
    }
    const byId = Object.fromEntries(report.scenarios.map((s) => [s.id, s.details]));
    // The drags really moved a card on both boards, and the counters saw React commit.
    const drag = byId.B1 as { app: { frames: number; commitsPerMove: number }; naive: { frames: number } };
    expect(drag.app.frames).toBeGreaterThan(10);
    expect(drag.naive.frames).toBeGreaterThan(10);
    expect(drag.app.commitsPerMove).toBeGreaterThan(0);
    // The PDF was made and read back; the start bundle was found.
    expect((byId.B6 as { pages: number }).pages).toBeGreaterThan(0);
    expect((byId.B7 as { app: { files: string[] } }).app.files.length).toBeGreaterThan(0);
  });
});
