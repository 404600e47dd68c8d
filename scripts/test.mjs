// `npm test`: every check, in order, and one closing line "N passed, N failed".
// Checks without test cases (typecheck, lint, format, build) count as one each.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const results = `${root}test-results`;
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const summary = [];

function run(label, command, args) {
  const started = Date.now();
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, seconds };
}

function check(label, command, args) {
  const { ok, seconds } = run(label, command, args);
  if (ok) passed += 1;
  else failed += 1;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${seconds} s)`);
  return ok;
}

function suite(label, project) {
  const output = `${results}/${project}.json`;
  const { ok, seconds } = run(label, 'npx', [
    'vitest',
    'run',
    ...project.split('+').flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
  let counts = { passed: 0, failed: 0 };
  try {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    counts = { passed: report.numPassedTests, failed: report.numFailedTests };
    // A suite that crashed before its tests ran still counts as a failure.
    if (!ok && counts.failed === 0) counts.failed = 1;
    if (report.numTotalTests === 0) counts.failed += 1;
  } catch {
    counts.failed = 1;
  }
  passed += counts.passed;
  failed += counts.failed;
  summary.push(
    `${counts.failed ? 'FAIL' : 'ok  '} ${label}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`,
  );
}

check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
check('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
suite('unit and component tests', 'unit+features');
const built = check('build', 'npm', ['run', '--silent', 'build']);
if (built) {
  // Over the built app: electron-builder's unpacked package and its app.asar, fuses, electronegativity.
  suite('security and package gates', 'gates');
  suite('end-to-end tests (Chromium)', 'e2e');
} else {
  failed += 2;
  summary.push('FAIL security and package gates: not run, the build failed');
  summary.push('FAIL end-to-end tests: not run, the build failed');
}

console.log('\nSummary');
for (const line of summary) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
