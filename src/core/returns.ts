import type { RawColumns, RawReturns } from './columns';
import { OptionError } from './errors';

/**
 * What a return or cancellation is in the log:
 * - `'net'` (default): it lowers its customer's spend and is never a purchase, a basket or a visit;
 * - `'exclude'`: it is left out altogether (counted in the summary);
 * - `'keep'`: it stays an ordinary line item (negative amounts in baskets), as older versions did.
 */
export type ReturnsPolicy = 'net' | 'exclude' | 'keep';

/** Options that tell returns apart. */
export interface ReturnsOptions {
  /** @default 'net' */
  returns?: ReturnsPolicy;
  /**
   * Order ids that are returns or cancellations, e.g. `/^C/` for the UCI Online Retail data.
   * Rows with a negative quantity or amount are returns whatever this says.
   */
  returnOrders?: RegExp | ((order: string) => boolean);
}

/** How many rows were returns, and what they were worth (≤ 0). */
export interface ReturnsReport {
  policy: ReturnsPolicy;
  /** Return rows found. */
  rows: number;
  /** Their amount (≤ 0), or 0 without an amount column. */
  amount: number;
  /** Returns of customers with no purchase in the log (their purchase came before it): not attached to anyone. */
  withoutPurchase: { rows: number; amount: number };
}

/**
 * Splits raw rows into purchases and returns by the policy. A row is a return when its
 * quantity or amount is negative, or its order matches `returnOrders`; its returned amount is
 * −|amount|.
 * @throws {OptionError} for an unknown policy or a `returnOrders` that is neither a RegExp nor a function.
 * @example
 * splitReturns(raw, { returns: 'net', returnOrders: /^C/ }).report.rows //=> 9288
 */
export function splitReturns(raw: RawColumns, options: ReturnsOptions): { purchases: RawColumns; returns: RawReturns | null; report: ReturnsReport } {
  const policy = options.returns ?? 'net';
  if (policy !== 'net' && policy !== 'exclude' && policy !== 'keep') throw new OptionError(`returns must be 'net', 'exclude' or 'keep', got ${String(policy)}`);
  const test = orderTest(options.returnOrders);
  const n = raw.customer.length;
  const report: ReturnsReport = { policy, rows: 0, amount: 0, withoutPurchase: { rows: 0, amount: 0 } };
  if (policy === 'keep') return { purchases: raw, returns: null, report };
  const isReturn = new Uint8Array(n);
  const orderIsReturn = test === null || raw.order === null || raw.orderNames === null ? null : raw.orderNames.map((name) => test(name));
  for (let r = 0; r < n; r++) {
    const q = raw.quantity === null ? 0 : (raw.quantity[r] as number);
    const a = raw.amount === null ? 0 : (raw.amount[r] as number);
    if (q < 0 || a < 0 || (orderIsReturn !== null && orderIsReturn[(raw.order as Int32Array)[r] as number] === true)) {
      isReturn[r] = 1;
      report.rows++;
      report.amount -= Math.abs(a || 0);
    }
  }
  if (report.rows === 0) return { purchases: raw, returns: null, report };
  const keep = n - report.rows;
  const pick = <T extends Int32Array | Float64Array>(col: T | null, want: 0 | 1, size: number): T | null => {
    if (col === null) return null;
    const out = new (col.constructor as new (k: number) => T)(size);
    let w = 0;
    for (let r = 0; r < n; r++) if (isReturn[r] === want) out[w++] = col[r] as number;
    return out;
  };
  const purchases: RawColumns = {
    ...raw,
    customer: pick(raw.customer, 0, keep) as Int32Array,
    time: pick(raw.time, 0, keep) as Float64Array,
    item: pick(raw.item, 0, keep),
    order: pick(raw.order, 0, keep),
    amount: pick(raw.amount, 0, keep),
    cost: pick(raw.cost, 0, keep),
    quantity: pick(raw.quantity, 0, keep),
  };
  if (policy === 'exclude') return { purchases, returns: null, report };
  const amounts = raw.amount === null ? new Float64Array(report.rows) : (pick(raw.amount, 1, report.rows) as Float64Array).map((a) => -Math.abs(a));
  const costs = raw.cost === null ? null : (pick(raw.cost, 1, report.rows) as Float64Array).map((c) => -Math.abs(c));
  return { purchases, returns: { customer: pick(raw.customer, 1, report.rows) as Int32Array, time: pick(raw.time, 1, report.rows) as Float64Array, amount: amounts, cost: costs }, report };
}

function orderTest(pattern: ReturnsOptions['returnOrders']): ((order: string) => boolean) | null {
  if (pattern === undefined) return null;
  if (pattern instanceof RegExp) return (order) => {
    pattern.lastIndex = 0;
    return pattern.test(order);
  };
  if (typeof pattern === 'function') return (order) => pattern(order) === true;
  throw new OptionError(`returnOrders must be a RegExp or a function of the order id, got ${String(pattern)}`);
}
