import { DataError, OptionError } from '../core/errors';
import { checkOptions, type OptionKind } from '../core/options';

/** High, medium or low value. */
export type ValueTier = 'high' | 'medium' | 'low';

/** Options of {@link valueTiers}. */
export interface ValueTiersOptions {
  /**
   * `'customers'`: the top `cuts[0]` of customers (by value) are high, the next up to `cuts[1]`
   * medium; `'value'`: high are the most valuable customers who together make `cuts[0]` of the
   * total value, medium the next up to `cuts[1]`. @default 'customers'
   */
  by?: 'customers' | 'value';
  /** Cumulative shares in (0, 1), ascending. @default [0.2, 0.5] by customers, [0.5, 0.8] by value */
  cuts?: readonly [number, number];
}

/** One tier with what it holds. */
export interface ValueTierSummary {
  tier: ValueTier;
  customers: number;
  shareOfCustomers: number;
  value: number;
  /** Share of the total value; null when the total is not positive (a share of it would mislead). */
  shareOfValue: number | null;
  /** Lowest and highest value in the tier; null for an empty tier. */
  minValue: number | null;
  maxValue: number | null;
}

/**
 * Sorts customers into high, medium and low value tiers, by share of customers (the top 20%,
 * the next 30%) or by share of the value they hold, and says how much of the value each tier
 * holds. Ties in value stay in one tier (the one the first of them reaches).
 * @param rows - `{ customer, clv }` (the output of `clv()`) or `{ customer, value }`.
 * @throws {DataError} code `'DATA'` naming the row of a value that is not a finite number.
 * @example
 * valueTiers(clv(bgnbd, spend, summary, options)).tiers[0] //=> { tier: 'high', customers: 471, shareOfCustomers: 0.2, value: 61234, shareOfValue: 0.71, … }
 */
export function valueTiers(rows: readonly ({ customer: string; clv: number } | { customer: string; value: number })[], options: ValueTiersOptions = {}): { tiers: ValueTierSummary[]; customers: Array<{ customer: string; value: number; tier: ValueTier }> } {
  checkOptions('valueTiers', options, { by: 'string', cuts: 'array' } satisfies Record<keyof ValueTiersOptions, OptionKind>);
  const by = options.by ?? 'customers';
  if (by !== 'customers' && by !== 'value') throw new OptionError(`by must be 'customers' or 'value', got ${String(by)}`);
  const [c1, c2] = options.cuts ?? (by === 'customers' ? [0.2, 0.5] : [0.5, 0.8]);
  if (!(c1 > 0 && c1 < c2 && c2 < 1)) throw new OptionError(`cuts must be two shares with 0 < first < second < 1, got ${JSON.stringify(options.cuts)}`);
  const values = rows.map((r, i) => {
    const v = 'clv' in r ? r.clv : r.value;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new DataError('expected a finite number', { row: i + 1, field: 'clv' in r ? 'clv' : 'value', value: v });
    return { customer: r.customer, value: v };
  });
  const order = values.map((_, i) => i).sort((a, b) => (values[b] as { value: number }).value - (values[a] as { value: number }).value || a - b);
  const n = values.length;
  const total = values.reduce((s, r) => s + r.value, 0);
  if (by === 'value' && !(total > 0)) throw new OptionError(`tiers by value need a positive total value, got ${total}; use by: 'customers'`);
  const tierOf = new Array<ValueTier>(n);
  let cumulative = 0;
  let tier: ValueTier = 'high';
  order.forEach((i, rank) => {
    const v = (values[i] as { value: number }).value;
    const prev = rank > 0 ? (values[order[rank - 1] as number] as { value: number }).value : NaN;
    // Move down a tier only between different values, once the share before this customer reaches the cut.
    const before = by === 'customers' ? rank / n : cumulative / total;
    if (v !== prev) {
      if (tier === 'high' && before >= c1) tier = before >= c2 ? 'low' : 'medium';
      else if (tier === 'medium' && before >= c2) tier = 'low';
    }
    tierOf[i] = tier;
    cumulative += v;
  });
  const tiers: ValueTierSummary[] = (['high', 'medium', 'low'] as const).map((t) => {
    const members = values.filter((_, i) => tierOf[i] === t).map((r) => r.value);
    const value = members.reduce((s, v) => s + v, 0);
    return {
      tier: t,
      customers: members.length,
      shareOfCustomers: n === 0 ? 0 : members.length / n,
      value,
      shareOfValue: total > 0 ? value / total : null,
      minValue: members.length === 0 ? null : Math.min(...members),
      maxValue: members.length === 0 ? null : Math.max(...members),
    };
  });
  return { tiers, customers: values.map((r, i) => ({ ...r, tier: tierOf[i] as ValueTier })) };
}
