import { OptionError } from '../core/errors';
import { resolveAsOf } from '../core/asOf';
import { returnedUpTo } from '../core/columns';
import { checkOptions, type OptionKind } from '../core/options';
import type { TransactionLog } from '../core/TransactionLog';
import { rfm, valueTiers } from '../rfm/index';
import { fitBgNbd } from './bgnbd';
import { clv } from './clv';
import { fitGammaGamma } from './gammaGamma';
import { customerSummary } from './summary';

/** Options of {@link returnOnCustomer}. */
export interface ReturnOnCustomerOptions {
  /** Start of the period: customer equity is valued here first. */
  from: Date | string | number;
  /** End of the period: equity is valued again here. */
  to: Date | string | number;
  /** Weeks of future value in customer equity. @default 52 */
  horizonWeeks?: number;
  /** Discount rate per 4-week period. @default 0.01 */
  discountRate?: number;
  /** Share of spend that is margin, applied to the cash flow and the equity alike. @default 1 (revenue) */
  margin?: number;
}

/** Cash flow and equity of a group of customers, with its return on customer. */
export interface ReturnOnCustomerPart {
  customers: number;
  /** Spend (net of returns, times margin) in (from, to]. */
  cashFlow: number;
  /** Σ CLV at `from` of the customers known then. */
  equityFrom: number;
  /** Σ CLV at `to`. */
  equityTo: number;
  /** (cash flow + equityTo − equityFrom) / equityFrom; null when equityFrom is not positive. */
  returnOnCustomer: number | null;
}

/** The result of {@link returnOnCustomer}. */
export interface ReturnOnCustomer extends ReturnOnCustomerPart {
  from: Date;
  to: Date;
  /** Per RFM segment at `from`; customers acquired after `from` are the segment `'New'`. */
  segments: Array<ReturnOnCustomerPart & { segment: string }>;
  /** Per value tier ('high', 'medium', 'low' by equity at `from`, as {@link valueTiers}), and 'New'. */
  tiers: Array<ReturnOnCustomerPart & { tier: string }>;
  /** Per customer: the parts every total sums. */
  perCustomer: Array<{ customer: string; segment: string; cashFlow: number; equityFrom: number; equityTo: number }>;
}

/**
 * Return on customer (Peppers & Rogers): how much value the customer base created over a
 * period, counting both the cash it brought and the change in what it is worth,
 * ROC = (cash flow in the period + customer equity at the end − customer equity at the start) /
 * customer equity at the start. Customer equity is Σ CLV (BG/NBD + Gamma-Gamma, fitted on what
 * the log shows at each date) over the customers known then.
 * @throws {OptionError} code `'OPTION'` for dates out of order or bad rates.
 * @throws {CrmMiningError} code `'MODEL'` ("not computed: …") when a model cannot be fitted at either date.
 * @see Peppers & Rogers (2005), Return on Customer: creating maximum value from your scarcest resource.
 * @example
 * returnOnCustomer(log, { from: '1997-09-30', to: '1998-03-31' }).returnOnCustomer //=> 0.12
 */
export function returnOnCustomer(log: TransactionLog, options: ReturnOnCustomerOptions): ReturnOnCustomer {
  checkOptions('returnOnCustomer', options, { from: 'time', to: 'time', horizonWeeks: 'number', discountRate: 'number', margin: 'number' } satisfies Record<keyof ReturnOnCustomerOptions, OptionKind>);
  const from = resolveAsOf(log, options.from);
  const to = resolveAsOf(log, options.to);
  if (!(to > from)) throw new OptionError(`to must be after from, got ${new Date(from).toISOString()} and ${new Date(to).toISOString()}`);
  const horizon = options.horizonWeeks ?? 52;
  const discountRate = options.discountRate ?? 0.01;
  const margin = options.margin ?? 1;
  if (!(margin >= 0 && Number.isFinite(margin))) throw new OptionError(`margin must be a finite share >= 0, got ${margin}`);
  const equityAt = (at: number): Map<string, number> => {
    const summary = customerSummary(log, { asOf: at, unit: 'week' });
    const values = clv(fitBgNbd(summary), fitGammaGamma(summary), summary, { horizon, period: 4, discountRate, margin });
    return new Map(values.map((v) => [v.customer, v.clv]));
  };
  const before = equityAt(from);
  const after = equityAt(to);
  const segmentAt = new Map(rfm(log, { asOf: from }).map((r) => [r.customer, r.segment]));
  const { customerBasketOffsets: off, basketTime, basketAmount, customerNames } = log.columns;
  const perCustomer: ReturnOnCustomer['perCustomer'] = [];
  for (let c = 0; c < customerNames.length; c++) {
    const name = customerNames[c] as string;
    let cash = 0;
    for (let b = off[c] as number; b < (off[c + 1] as number); b++) {
      const t = basketTime[b] as number;
      if (t > from && t <= to) cash += basketAmount === null ? 0 : (basketAmount[b] as number);
    }
    cash += returnedUpTo(log.columns, c, to) - returnedUpTo(log.columns, c, from);
    const equityFrom = before.get(name) ?? 0;
    const equityTo = after.get(name) ?? 0;
    if (cash === 0 && equityFrom === 0 && equityTo === 0 && !before.has(name) && !after.has(name)) continue;
    perCustomer.push({ customer: name, segment: before.has(name) ? (segmentAt.get(name) ?? 'Others') : 'New', cashFlow: cash * margin, equityFrom, equityTo });
  }
  const part = (rows: ReturnOnCustomer['perCustomer']): ReturnOnCustomerPart => {
    let cashFlow = 0, equityFrom = 0, equityTo = 0;
    for (const r of rows) {
      cashFlow += r.cashFlow;
      equityFrom += r.equityFrom;
      equityTo += r.equityTo;
    }
    return { customers: rows.length, cashFlow, equityFrom, equityTo, returnOnCustomer: equityFrom > 0 ? (cashFlow + equityTo - equityFrom) / equityFrom : null };
  };
  const groups = <K extends string>(key: (r: ReturnOnCustomer['perCustomer'][number]) => K) => {
    const by = new Map<K, ReturnOnCustomer['perCustomer']>();
    for (const r of perCustomer) {
      const k = key(r);
      const list = by.get(k);
      if (list === undefined) by.set(k, [r]);
      else list.push(r);
    }
    return [...by].map(([k, rows]) => ({ k, ...part(rows) })).sort((a, b) => b.equityFrom - a.equityFrom);
  };
  const segments = groups((r) => r.segment).map(({ k, ...rest }) => ({ segment: k, ...rest }));
  // Value tiers by equity at `from` (customers known then); those acquired later are 'New'.
  const known = perCustomer.filter((r) => before.has(r.customer));
  const tierOf = new Map(known.length === 0 ? [] : valueTiers(known.map((r) => ({ customer: r.customer, value: r.equityFrom }))).customers.map((c) => [c.customer, c.tier as string]));
  const tiers = groups((r) => tierOf.get(r.customer) ?? 'New').map(({ k, ...rest }) => ({ tier: k, ...rest }));
  return { from: new Date(from), to: new Date(to), ...part(perCustomer), segments, tiers, perCustomer };
}
