// The electronegativity gate. @doyensec/electronegativity scans the TypeScript
// sources of main, preload and renderer plus the built page (for its CSP meta);
// it exits 0 whatever it finds, so the verdict comes from its CSV: no finding at
// MEDIUM or above unless scripts/gates/electronegativity-suppressions.json
// explains it. Offline it cannot fetch Electron's release list or translations;
// it says so and carries on.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeFinding,
  invalidSuppressions,
  judge,
  parseFindings,
  type Finding,
  type Suppression,
} from '../../scripts/gates/electronegativityReport';

const ROOT = path.resolve(__dirname, '../..');
// A folder of its own: test-results/ is wiped by every `npm test` that starts meanwhile.
const WORK = mkdtempSync(path.join(tmpdir(), 'moderato-electronegativity-'));
const INPUT = path.join(WORK, 'input');
const CSV = path.join(WORK, 'findings.csv');
/** Kept for a look after the run (CI artifacts). */
const REPORT_COPY = path.join(ROOT, 'test-results/electronegativity.csv');
const SUPPRESSIONS = path.join(ROOT, 'scripts/gates/electronegativity-suppressions.json');
const CANARY = '__canary__/insecureWindow.ts';

/**
 * A window with the two settings Electron's checklist cares most about turned
 * off. The scan must report it, or it did not really read our TypeScript (a
 * parser that gives up on new syntax would otherwise pass in silence).
 */
const CANARY_SOURCE = `import { BrowserWindow } from 'electron';
export const canary = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } });
`;
const CANARY_CHECKS = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK'];

let output = '';
let findings: Finding[] = [];
let suppressions: Suppression[] = [];

function sourcesWithInlineDisables(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesWithInlineDisables(full);
    if (!/\.(ts|tsx|html)$/.test(entry.name)) return [];
    return /eng-disable/.test(readFileSync(full, 'utf8')) ? [path.relative(ROOT, full)] : [];
  });
}

/**
 * The tool writes the CSV header and the findings with two unawaited writes; on a
 * busy machine the header can land on top of the findings. Such a CSV is garbled or
 * lacks the canary, so the scan runs again (a scan that really misses the canary
 * misses it every time and still fails).
 */
const SCAN_ATTEMPTS = 3;

function scan(): { output: string; csv: string } {
  rmSync(CSV, { force: true });
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/@doyensec/electronegativity/dist/index.js'), '-i', INPUT, '-r', '-o', CSV],
    {
      cwd: WORK,
      encoding: 'utf8',
      timeout: 55_000,
      // Its own translations: with LANG=de_DE.UTF-8 it would look for a German file it lacks.
      env: { ...process.env, LANG: 'en-US', FORCE_COLOR: '0' },
    },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`electronegativity exited with ${run.status}\n${output}`);
  return { output, csv: readFileSync(CSV, 'utf8') };
}

beforeAll(() => {
  const page = path.join(ROOT, 'dist-renderer/index.html');
  if (!existsSync(page)) throw new Error('dist-renderer/index.html is missing: run "npm run build" first');
  // The same layout as the repository, so findings name files as they are named here.
  cpSync(path.join(ROOT, 'electron'), path.join(INPUT, 'electron'), { recursive: true });
  cpSync(path.join(ROOT, 'renderer/src'), path.join(INPUT, 'renderer/src'), { recursive: true });
  // The built page carries the CSP meta tag; the source page gets it only at build time.
  cpSync(page, path.join(INPUT, 'renderer/index.html'));
  // Lets the tool read the Electron version instead of assuming a very old one.
  cpSync(path.join(ROOT, 'package.json'), path.join(INPUT, 'package.json'));
  mkdirSync(path.join(INPUT, path.dirname(CANARY)), { recursive: true });
  writeFileSync(path.join(INPUT, CANARY), CANARY_SOURCE);

  let csv = '';
  for (let attempt = 1; attempt <= SCAN_ATTEMPTS; attempt += 1) {
    ({ output, csv } = scan());
    try {
      findings = parseFindings(csv);
      if (CANARY_CHECKS.every((check) => findings.some((f) => f.file === CANARY && f.check === check))) break;
    } catch (error) {
      if (attempt === SCAN_ATTEMPTS) throw error;
    }
    console.warn(`electronegativity: incomplete CSV on attempt ${attempt}, scanning again`);
  }
  mkdirSync(path.dirname(REPORT_COPY), { recursive: true });
  writeFileSync(REPORT_COPY, csv);
  suppressions = (JSON.parse(readFileSync(SUPPRESSIONS, 'utf8')) as { suppressions: Suppression[] })
    .suppressions;
});

afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
});

describe('electronegativity', () => {
  it('reads every source without a parse error and knows the Electron version', () => {
    expect(output).not.toMatch(/Error parsing/);
    expect(output).not.toMatch(/Couldn't detect Electron version/);
  });

  it('finds the planted insecure window (the scan really reads our TypeScript)', () => {
    const found = findings.filter((f) => f.file === CANARY).map((f) => f.check);
    expect(found).toEqual(expect.arrayContaining(CANARY_CHECKS));
  });

  it('has no unsuppressed finding at MEDIUM or above', () => {
    const verdict = judge(
      findings.filter((f) => f.file !== CANARY),
      suppressions,
    );
    const report = [
      `${findings.length} findings (${findings.filter((f) => f.file === CANARY).length} from the canary)`,
      ...verdict.suppressed.map(
        ({ finding, suppression }) =>
          `suppressed: ${describeFinding(finding)}\n    because ${suppression.reason}`,
      ),
      ...verdict.belowThreshold.map((finding) => `below MEDIUM: ${describeFinding(finding)}`),
    ];
    console.log(report.join('\n'));
    expect(verdict.unsuppressed.map(describeFinding)).toEqual([]);
  });

  it('has a written reason for every suppression, and none that matches nothing any more', () => {
    expect(invalidSuppressions(suppressions)).toEqual([]);
    const verdict = judge(
      findings.filter((f) => f.file !== CANARY),
      suppressions,
    );
    expect(verdict.unused).toEqual([]);
  });

  it('is not silenced inline: suppressions live in the reviewed list only', () => {
    expect([
      ...sourcesWithInlineDisables(path.join(ROOT, 'electron')),
      ...sourcesWithInlineDisables(path.join(ROOT, 'renderer')),
    ]).toEqual([]);
  });
});
