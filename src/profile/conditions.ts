import { quantileSorted } from '../core/stats';

/** A condition on one attribute that a row meets or not. */
export type Condition =
  | { attribute: string; kind: 'equals'; value: string }
  | { attribute: string; kind: 'range'; low: number; high: number };

/** A row's value is missing: null, undefined, NaN or an empty string. */
export const isMissing = (v: unknown): boolean => v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));

/** Whether `v` meets `c`. Missing values meet no condition. */
export function meets(c: Condition, v: unknown): boolean {
  if (isMissing(v)) return false;
  if (c.kind === 'equals') return String(v) === c.value;
  return typeof v === 'number' && v >= c.low && v < c.high;
}

/**
 * The candidate conditions of one attribute: each value of a categorical one (at most
 * `maxValues`, the most common), and for a numeric one the ranges cut at its `bins`-quantiles,
 * below or above each cut (x < q, x ≥ q) and between neighbouring cuts.
 * @example
 * conditionsOf('recency', [1, 5, 9, 30, 200, 400], 4) // recency < 7, recency ≥ 7, 7 ≤ recency < 19.5, …
 */
export function conditionsOf(attribute: string, values: readonly unknown[], bins: number, maxValues = 50): Condition[] {
  const present = values.filter((v) => !isMissing(v));
  if (present.length === 0) return [];
  if (present.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    const sorted = (present as number[]).slice().sort((a, b) => a - b);
    const cuts = [...new Set(Array.from({ length: bins - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / bins)))].filter((q) => q > (sorted[0] as number));
    const edges = [-Infinity, ...cuts, Infinity];
    const out: Condition[] = [];
    for (const q of cuts) out.push({ attribute, kind: 'range', low: -Infinity, high: q }, { attribute, kind: 'range', low: q, high: Infinity });
    for (let i = 1; i + 2 < edges.length; i++) out.push({ attribute, kind: 'range', low: edges[i] as number, high: edges[i + 1] as number });
    return out;
  }
  const counts = new Map<string, number>();
  for (const v of present) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxValues).map(([value]) => ({ attribute, kind: 'equals', value }));
}

/** "recency ≥ 180", "30 ≤ recency < 90", "Contract = Month-to-month". */
export function conditionText(c: Condition): string {
  if (c.kind === 'equals') return `${c.attribute} = ${c.value}`;
  const n = (x: number) => String(Number(x.toPrecision(4)));
  if (c.low === -Infinity) return `${c.attribute} < ${n(c.high)}`;
  if (c.high === Infinity) return `${c.attribute} ≥ ${n(c.low)}`;
  return `${n(c.low)} ≤ ${c.attribute} < ${n(c.high)}`;
}
