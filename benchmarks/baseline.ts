/** The CI regression guard: compare a run with a committed baseline, machine speed factored out. */
import type { CaseResult } from './harness';

/** A saved run: crm-mining's cases and the calibration time of the machine that ran them. */
export interface Baseline { meta: { calibrationMs: number; date: string; quick: boolean }; results: CaseResult[] }

/** Median time of a fixed CPU- and memory-bound workload (sorting and summing typed arrays). */
export async function calibrate(): Promise<number> {
  const times: number[] = [];
  const a = new Float64Array(1 << 20);
  for (let rep = 0; rep < 7; rep++) {
    let s = 12345;
    for (let i = 0; i < a.length; i++) a[i] = (s = (s * 16807) % 2147483647);
    const t = performance.now();
    a.sort();
    let acc = 0;
    for (let k = 0; k < 10; k++) for (let i = 0; i < a.length; i++) acc += (a[i] as number) % 7;
    times.push(performance.now() - t + (acc < 0 ? 1 : 0));
  }
  times.sort((x, y) => x - y);
  return times[3] as number;
}

/**
 * For each case of the run found in the baseline (same suite, implementation, dataset and
 * size): the slowdown = (median / calibration) now over the same then. Lists cases 1.3x slower
 * or worse, and counts those at `failAt` or worse. Cases under 20 ms are too noisy to judge.
 */
export function compareWithBaseline(baseline: Baseline, results: CaseResult[], calibrationMs: number, failAt: number): { lines: string[]; failed: number } {
  const key = (r: CaseResult) => `${r.bench}|${r.impl}|${r.dataset}|${r.size}`;
  const before = new Map(baseline.results.map((r) => [key(r), r]));
  const lines = ['| suite | case | size | baseline | now | slowdown |', '|---|---|---:|---:|---:|---:|'];
  let failed = 0;
  let compared = 0;
  for (const r of results) {
    const b = before.get(key(r));
    if (b === undefined || b.medianMs < 20) continue;
    compared++;
    const slowdown = (r.medianMs / calibrationMs) / (b.medianMs / baseline.meta.calibrationMs);
    if (slowdown >= failAt) failed++;
    if (slowdown >= 1.3) lines.push(`| ${r.bench} | ${r.impl} · ${r.dataset} | ${r.size} | ${b.medianMs.toFixed(1)} ms | ${r.medianMs.toFixed(1)} ms | ${slowdown.toFixed(2)}x${slowdown >= failAt ? ' FAIL' : ''} |`);
  }
  if (lines.length === 2) lines.push(`| | no case 1.3x slower or worse (${compared} compared) | | | | |`);
  return { lines, failed };
}
