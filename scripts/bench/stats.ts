/** Small statistics for the benchmark: nearest-rank percentiles over the runs. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);
export const p95 = (values: readonly number[]) => percentile(values, 95);
export const max = (values: readonly number[]) => (values.length ? Math.max(...values) : 0);
export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** One figure of a scenario: value against its target, next to the naive baseline of the same run. */
export interface Check {
  metric: string;
  value: number;
  unit: string;
  /** The same figure for the naive baseline, measured in the same run (null: none). */
  baseline: number | null;
  /** baseline ÷ value: how many times better than the baseline (lower is better for every figure). */
  ratio: number | null;
  target: string;
  met: boolean;
}

export interface ScenarioResult {
  id: string;
  title: string;
  baselineIs: string;
  checks: Check[];
  details: Record<string, unknown>;
}

export function check(
  metric: string,
  value: number,
  unit: string,
  baseline: number | null,
  target: { text: string; met: (value: number, ratio: number | null) => boolean },
): Check {
  const ratio = baseline === null || value === 0 ? null : baseline / value;
  return {
    metric,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: ratio === null ? null : round(ratio),
    target: target.text,
    met: target.met(value, ratio),
  };
}

export const round = (value: number) => Math.round(value * 100) / 100;
export const atMost = (limit: number, unit = 'ms') => ({
  text: `≤ ${limit} ${unit}`,
  met: (value: number) => value <= limit,
});
export const ratioAtLeast = (times: number) => ({
  text: `≥ ${times}× better than baseline`,
  met: (_value: number, ratio: number | null) => ratio !== null && ratio >= times,
});
export const both = (a: ReturnType<typeof atMost>, b: ReturnType<typeof ratioAtLeast>) => ({
  text: `${a.text}, ${b.text}`,
  met: (value: number, ratio: number | null) => a.met(value) && b.met(value, ratio),
});
