import type { RfmRow } from './rfm';

/** One segment's line in {@link rfmSummary}. */
export interface RfmSegmentSummary {
  segment: string;
  customers: number;
  /** Share of all customers. */
  share: number;
  /** Mean recency (days), frequency (baskets) and monetary value. */
  recency: number;
  frequency: number;
  monetary: number;
  /** Sum of monetary values (the segment's revenue when monetary is the total). */
  revenue: number;
  /** Share of the total revenue. */
  revenueShare: number;
}

/**
 * Count, share and mean R/F/M/revenue per segment: the table a report shows. Largest segments first.
 * @example
 * rfmSummary(rfm(log))[0] //=> { segment: 'Hibernating', customers: 412, share: 0.27, recency: 310.2, frequency: 1.4, monetary: 41.9, revenue: 17262.8, revenueShare: 0.06 }
 */
export function rfmSummary(rows: readonly RfmRow[]): RfmSegmentSummary[] {
  const groups = new Map<string, RfmRow[]>();
  for (const row of rows) {
    const list = groups.get(row.segment) ?? [];
    list.push(row);
    groups.set(row.segment, list);
  }
  const totalRevenue = rows.reduce((s, r) => s + r.monetary, 0);
  const mean = (list: RfmRow[], f: (r: RfmRow) => number) => list.reduce((s, r) => s + f(r), 0) / list.length;
  return [...groups.entries()]
    .map(([segment, list]) => {
      const revenue = list.reduce((s, r) => s + r.monetary, 0);
      return {
        segment,
        customers: list.length,
        share: list.length / rows.length,
        recency: mean(list, (r) => r.recency),
        frequency: mean(list, (r) => r.frequency),
        monetary: mean(list, (r) => r.monetary),
        revenue,
        revenueShare: totalRevenue === 0 ? 0 : revenue / totalRevenue,
      };
    })
    .sort((a, b) => b.customers - a.customers || (a.segment < b.segment ? -1 : 1));
}
