/**
 * `npm run bench` (scripts/bench/run.mjs loads this): builds what is missing
 * (the app, its everything-eager variant, the naive comparison page), writes
 * the benchmark workshops as backup files, imports them through the app's
 * own import dialog, runs B1–B8 and reports each figure next to its baseline.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { DISABLED_CHROMIUM_FEATURES } from '../../electron/shared/chromiumSwitches';
import { launchBrowser, sleep } from './browser';
import {
  benchDrag,
  benchOpenBoard,
  benchPdf,
  benchPersist,
  benchPickUp,
  benchStart,
  benchTyping,
  type BoardRef,
  type ScenarioContext,
} from './scenarios';
import { benchBackupText, type WorkshopSpec } from './seed';
import { startBenchServer } from './server';
import type { ScenarioResult } from './stats';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const at = (path: string) => `${ROOT}${path}`;

export type Size = 'full' | 'tiny';

/** How long the storage is left alone after the workshops were imported (see runBench). */
const STORAGE_SETTLE_MS = 20_000;

/** The workshops per size: "tiny" keeps the smoke test quick. */
const WORKSHOPS: Record<Size, Record<'board' | 'big' | 'pdf', WorkshopSpec>> = {
  full: {
    board: { title: 'Benchmark: 2.000 Karten', notes: 2000, clusters: 50 },
    big: { title: 'Benchmark: 5.000 Karten', notes: 5000, clusters: 25 },
    pdf: { title: 'Benchmark: Protokoll', notes: 3850, clusters: 50 },
  },
  tiny: {
    board: { title: 'Benchmark klein: Board', notes: 40, clusters: 4 },
    big: { title: 'Benchmark klein: groß', notes: 60, clusters: 3 },
    pdf: { title: 'Benchmark klein: Protokoll', notes: 20, clusters: 2 },
  },
};

export interface BenchOptions {
  size: Size;
  runs: number;
  warmups: number;
  /** Scenario ids to run (default all). */
  only?: readonly string[];
  /** Where results.json goes (null: nowhere). */
  resultsFile: string | null;
  log: (line: string) => void;
}

export interface BenchReport {
  chromium: string;
  /** Chromium features turned off: Playwright's, and the desktop app's (electron/shared/chromiumSwitches.ts). */
  chromiumFeaturesOff: string[];
  indexedDbDurability: string;
  date: string;
  size: Size;
  runs: number;
  warmups: number;
  machine: { cpus: number; loadAverage: number[] };
  /** CSP violations, page errors and blocked outside requests seen during the run (expected: none). */
  problems: string[];
  scenarios: Array<ScenarioResult & Record<string, unknown>>;
}

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(`${path}/${entry}`)));
}

/** A production build, also when the bench runs under vitest (which sets NODE_ENV=test: React's development build). */
function build(command: string[], log: (line: string) => void) {
  log(`building: ${command.join(' ')}`);
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync(command[0]!, command.slice(1), { cwd: ROOT, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed`);
}

function buildIfStale(output: string, sources: string[], command: string[], log: (line: string) => void) {
  if (existsSync(output) && Math.max(...sources.map(newest)) <= statSync(output).mtimeMs) return;
  build(command, log);
}

function ensureBuilds(log: (line: string) => void): void {
  const rendererSources = [at('renderer'), at('electron/shared'), at('vite.config.ts')];
  // Always: a build that is up to date may still be another kind (a development build of an
  // e2e run before scripts/web.mjs built for production, or one made by hand), and the app's
  // build is what is measured.
  build(['npm', 'run', '--silent', 'build:renderer'], log);
  const vite = ['npx', 'vite', 'build', '--configLoader', 'runner', '--config'];
  buildIfStale(
    at('.bench/web/eager/index.html'),
    [...rendererSources, at('scripts/bench/vite.eager.config.ts')],
    [...vite, 'scripts/bench/vite.eager.config.ts'],
    log,
  );
  buildIfStale(
    at('.bench/web/naive/index.html'),
    [at('scripts/bench/naive'), at('scripts/bench/cardText.ts'), at('renderer/src')],
    [...vite, 'scripts/bench/naive/vite.config.ts'],
    log,
  );
}

/** Imports a backup file through "Sicherungen → Sicherung importieren …" and finds its focus board. */
async function importWorkshop(
  page: Page,
  baseUrl: string,
  file: string,
  spec: WorkshopSpec,
): Promise<BoardRef> {
  await page.goto(`${baseUrl}#/backups`);
  await page.getByRole('heading', { level: 1, name: 'Sicherungen' }).waitFor();
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Sicherung importieren …', exact: true }).click(),
  ]);
  await chooser.setFiles(file);
  await page
    .getByRole('dialog', { name: 'Sicherung importieren' })
    .getByRole('button', { name: 'Importieren', exact: true })
    .click();
  const toast = page.locator('.toast', { hasText: 'Sicherung importiert' });
  await toast.waitFor();
  await toast.getByRole('button', { name: 'Meldung schließen' }).click();
  await page.goto(`${baseUrl}#/`);
  await page.getByRole('link', { name: spec.title, exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Bereiche des Workshops' })
    .getByRole('link', { name: /^Handlungsschwerpunkte/ })
    .first()
    .click();
  await page.locator('.cluster-board').waitFor();
  const hash = new URL(page.url()).hash;
  const match = /^#\/w\/([^/]+)\/b\/([^/]+)$/.exec(hash);
  if (!match) throw new Error(`Unexpected board address ${hash}`);
  return { hash, workshopId: match[1]!, boardId: match[2]!, notes: spec.notes };
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const { log } = options;
  ensureBuilds(log);
  const { version } = JSON.parse(readFileSync(at('package.json'), 'utf8')) as { version: string };
  mkdirSync(at('.bench/data'), { recursive: true });
  const files: Record<string, string> = {};
  for (const [key, spec] of Object.entries(WORKSHOPS[options.size])) {
    const file = at(`.bench/data/${options.size}-${key}.moderato.json`);
    if (!existsSync(file)) writeFileSync(file, await benchBackupText(spec, version));
    files[key] = file;
  }

  const server = await startBenchServer({
    '/eager/': at('.bench/web/eager'),
    '/naive/': at('.bench/web/naive'),
    '/': at('dist-renderer'),
  });
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    const specs = WORKSHOPS[options.size];
    log(`Chromium ${browser.version}; importing the benchmark workshops through the app …`);
    const wanted = (id: string) => !options.only || options.only.includes(id);
    // Each workshop only when a wanted scenario uses it (importing 5,000 cards takes a while).
    const unused: BoardRef = { hash: '', workshopId: '', boardId: '', notes: 0 };
    const load = (key: 'board' | 'big' | 'pdf', ids: string[]) =>
      ids.some(wanted) ? importWorkshop(page, server.baseUrl, files[key]!, specs[key]) : unused;
    const board = await load('board', ['B1', 'B2', 'B5']);
    const big = await load('big', ['B3', 'B4']);
    const pdf = await load('pdf', ['B6']);
    // After writing thousands of cards, the browser's storage works on them for a while
    // (LevelDB compacting): a start measured right then is ~100 ms slower (B8: 326 ms
    // against 228 ms 20 s later). Nobody starts the app right after such an import.
    const settleMs = options.size === 'tiny' ? 0 : STORAGE_SETTLE_MS;
    if ([board, big, pdf].some((ref) => ref !== unused)) {
      await page.goto('about:blank');
      await sleep(settleMs);
    }
    const ctx: ScenarioContext = {
      page,
      settleMs,
      baseUrl: server.baseUrl,
      runs: options.runs,
      warmups: options.warmups,
      board,
      big,
      pdf,
      readBuilt: (pathname) => {
        if (pathname.startsWith('/eager/')) return readFileSync(at(`.bench/web/eager/${pathname.slice(7)}`));
        if (pathname.startsWith('/naive/')) return readFileSync(at(`.bench/web/naive/${pathname.slice(7)}`));
        return readFileSync(at(`dist-renderer${pathname}`));
      },
    };
    const scenarios: ScenarioResult[] = [];
    const steps: Array<[string[], () => Promise<ScenarioResult | ScenarioResult[]>]> = [
      [['B7', 'B8'], () => benchStart(ctx)],
      [['B1'], () => benchDrag(ctx)],
      [['B2'], () => benchPickUp(ctx)],
      [['B5'], () => benchTyping(ctx)],
      [['B3'], () => benchOpenBoard(ctx)],
      [['B4'], () => benchPersist(ctx)],
      [['B6'], () => benchPdf(ctx)],
    ];
    for (const [ids, step] of steps) {
      if (!ids.some(wanted)) continue;
      const started = Date.now();
      const result = [await step()].flat().filter((r) => wanted(r.id));
      scenarios.push(...result);
      log(`${ids.join('+')} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    scenarios.sort((a, b) => a.id.localeCompare(b.id));
    const durability = scenarios.find((s) => s.id === 'B4')?.details.indexedDbDurability;
    const report: BenchReport = {
      chromium: browser.version,
      chromiumFeaturesOff: browser.disabledFeatures,
      indexedDbDurability:
        typeof durability === 'string'
          ? `${durability} (the app sets no chromeTransactionDurability; Chromium decides)`
          : 'not measured (B4 not run)',
      date: new Date().toISOString(),
      size: options.size,
      runs: options.runs,
      warmups: options.warmups,
      machine: { cpus: cpus().length, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) },
      problems: [...browser.problems],
      scenarios: scenarios.map(({ id, ...s }) => {
        const primary = s.checks[0]!;
        return {
          id,
          metric: primary.metric,
          value: primary.value,
          unit: primary.unit,
          baseline: primary.baseline,
          ratio: primary.ratio,
          target: primary.target,
          met: s.checks.every((c) => c.met),
          ...s,
        };
      }),
    };
    if (options.resultsFile) {
      mkdirSync(at('.bench'), { recursive: true });
      writeFileSync(options.resultsFile, `${JSON.stringify(report, null, 2)}\n`);
    }
    return report;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The report as a plain text table, one line per figure. */
export function formatTable(report: BenchReport): string {
  const rows = [['id', 'metric', 'value', 'baseline', 'ratio', 'target', 'met']];
  for (const s of report.scenarios)
    for (const c of s.checks)
      rows.push([
        s.id,
        c.metric,
        `${c.value} ${c.unit}`,
        c.baseline === null ? '–' : `${c.baseline} ${c.unit}`,
        c.ratio === null ? '–' : `${c.ratio}×`,
        c.target,
        c.met ? 'yes' : 'NO',
      ]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return [
    ...lines,
    '',
    `Chromium ${report.chromium}; IndexedDB durability: ${report.indexedDbDurability}`,
    `Chromium features off (read back from the browser), the desktop app's among them: ${report.chromiumFeaturesOff
      .filter((feature) => DISABLED_CHROMIUM_FEATURES.includes(feature))
      .join(', ')}`,
    `${report.runs} runs after ${report.warmups} warm-ups; ${report.machine.cpus} CPUs, load ${report.machine.loadAverage.join(' ')}`,
  ].join('\n');
}
