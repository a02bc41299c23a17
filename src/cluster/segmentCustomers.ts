import { DataError, OptionError } from '../core/errors';
import { columnMoments } from '../core/stats';
import { kmeans, type KmeansOptions } from './kmeans';

/** The per-customer values {@link segmentCustomers} clusters (an `rfm()` row has them). */
export interface RfmLike { customer: string; recency: number; frequency: number; monetary: number }

/** A cluster's readable profile: size, mean raw values, and what sets it apart in words. */
export interface SegmentProfile {
  cluster: number;
  customers: number;
  share: number;
  recency: number;
  frequency: number;
  monetary: number;
  /** E.g. "recent (31 days, all: 180), frequent (14.2 baskets, all: 3.1), high spend (611, all: 150)". */
  description: string;
}

/**
 * What sets a cluster apart from all customers, in words: each mean well below (under 2/3 of)
 * or above (over 1.5 times) the mean of everyone, or "typical".
 */
function describe(p: { recency: number; frequency: number; monetary: number }, all: { recency: number; frequency: number; monetary: number }): string {
  const word = (value: number, overall: number, low: string, high: string) => (value < (2 / 3) * overall ? low : value > 1.5 * overall ? high : 'typical');
  const n = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits });
  return [
    `${word(p.recency, all.recency, 'recent', 'lapsed')} (${n(p.recency)} days since the last purchase, all: ${n(all.recency)})`,
    `${word(p.frequency, all.frequency, 'rare', 'frequent')} (${n(p.frequency, 1)} baskets, all: ${n(all.frequency, 1)})`,
    `${word(p.monetary, all.monetary, 'low spend', 'high spend')} (${n(p.monetary, 2)}, all: ${n(all.monetary, 2)})`,
  ].join(', ');
}

/**
 * Clusters customers on recency, frequency and monetary value: each column log-scaled
 * (log(1 + x); monetary below 0 is clipped to 0 first, as returns can make it negative) and
 * standardized, then k-means. Clusters are numbered by mean monetary value, highest first, and
 * described by their mean raw values and, in words, by what sets them apart from everyone.
 * @throws {DataError} code `'DATA'` naming a row with a non-finite value; {@link OptionError} for a bad k.
 * @example
 * const { labels, profiles } = segmentCustomers(rfm(log), { k: 4, seed: 1 });
 * profiles[0] //=> { cluster: 0, customers: 212, share: 0.14, recency: 31, frequency: 14.2, monetary: 611 }
 */
export function segmentCustomers(rows: readonly RfmLike[], options: KmeansOptions & { k?: number } = {}): { labels: number[]; profiles: SegmentProfile[]; customers: string[] } {
  const k = options.k ?? 4;
  if (!(Number.isInteger(k) && k >= 1 && k <= rows.length)) throw new OptionError(`k must be an integer from 1 to the number of customers (${rows.length}), got ${String(k)}`);
  rows.forEach((r, i) => {
    for (const field of ['recency', 'frequency', 'monetary'] as const) if (!Number.isFinite(r[field])) throw new DataError('expected a finite number', { row: i + 1, field, value: r[field] });
  });
  const raw = rows.map((r) => [Math.log1p(Math.max(0, r.recency)), Math.log1p(Math.max(0, r.frequency)), Math.log1p(Math.max(0, r.monetary))]);
  const { means, sds } = columnMoments(raw);
  const X = raw.map((r) => r.map((v, j) => (v - (means[j] as number)) / (sds[j] as number)));
  const { k: _k, ...kmeansOptions } = options;
  const result = kmeans(X, k, kmeansOptions);
  const profile = (c: number) => {
    const members = rows.filter((_, i) => result.labels[i] === c);
    const mean = (f: (r: RfmLike) => number) => members.reduce((s, r) => s + f(r), 0) / Math.max(1, members.length);
    return { customers: members.length, recency: mean((r) => r.recency), frequency: mean((r) => r.frequency), monetary: mean((r) => r.monetary) };
  };
  const order = Array.from({ length: k }, (_, c) => ({ c, ...profile(c) })).sort((a, b) => b.monetary - a.monetary);
  const mean = (f: (r: RfmLike) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
  const all = { recency: mean((r) => r.recency), frequency: mean((r) => r.frequency), monetary: mean((r) => r.monetary) };
  const renumber = new Map(order.map((p, i) => [p.c, i]));
  return {
    labels: result.labels.map((l) => renumber.get(l) as number),
    profiles: order.map((p, i) => ({ cluster: i, customers: p.customers, share: p.customers / rows.length, recency: p.recency, frequency: p.frequency, monetary: p.monetary, description: describe(p, all) })),
    customers: rows.map((r) => r.customer),
  };
}
