// `npm run bench`: runs the benchmarks B1–B8 (scripts/bench/bench.ts) and
// prints each figure next to its naive baseline; writes .bench/results.json.
// BENCH_RUNS (default 10), BENCH_WARMUPS (2), BENCH_ONLY=B1,B4 (a subset),
// BENCH_SIZE=tiny (the smoke test's small workshops) for quick checks.
import 'fake-indexeddb/auto';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { runBench, formatTable } = await jiti.import('./bench.ts');
const root = new URL('../../', import.meta.url);

const report = await runBench({
  size: process.env.BENCH_SIZE === 'tiny' ? 'tiny' : 'full',
  runs: Number(process.env.BENCH_RUNS ?? 10),
  warmups: Number(process.env.BENCH_WARMUPS ?? 2),
  only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((id) => id.trim()) : undefined,
  resultsFile: new URL('.bench/results.json', root).pathname,
  log: (line) => console.log(line),
});
console.log(`\n${formatTable(report)}\n\nwritten: .bench/results.json`);
