import { Growable } from './growable';

/** Row columns as loaded, in input order, with ids interned in first-seen order. */
export interface RawColumns {
  customer: Int32Array;
  time: Float64Array;
  item: Int32Array | null;
  order: Int32Array | null;
  amount: Float64Array | null;
  cost: Float64Array | null;
  quantity: Float64Array | null;
  customerNames: readonly string[];
  itemNames: readonly string[];
  orderNames: readonly string[] | null;
}

/** Return rows under the `'net'` policy: customer ids index the same names as the purchases'. */
export interface RawReturns {
  customer: Int32Array;
  time: Float64Array;
  /** Returned amounts, ≤ 0. */
  amount: Float64Array;
  /** The returned goods' cost, ≤ 0 (it comes back with them), or null without a cost column. */
  cost: Float64Array | null;
}

/**
 * The columnar form of a transaction log, read by the mining algorithms. Rows (line items)
 * are sorted by customer, then basket time; baskets by customer, then time. Customer and
 * item ids are dense and follow string order of their names, so sorting ids sorts names.
 * Baskets and customers are CSR ranges: basket `b` owns rows
 * `basketRowOffsets[b] .. basketRowOffsets[b+1]` and distinct items
 * `basketItems[basketItemOffsets[b] .. basketItemOffsets[b+1]]` (ascending); customer `c`
 * owns baskets `customerBasketOffsets[c] .. customerBasketOffsets[c+1]`. Read-only.
 */
export interface LogColumns {
  readonly rowCustomer: Int32Array;
  readonly rowTime: Float64Array;
  /** Item id per row, or null when no item column was mapped. */
  readonly rowItem: Int32Array | null;
  readonly rowBasket: Int32Array;
  readonly rowAmount: Float64Array | null;
  readonly rowCost: Float64Array | null;
  readonly rowQuantity: Float64Array | null;
  readonly basketRowOffsets: Int32Array;
  readonly basketItemOffsets: Int32Array;
  readonly basketItems: Int32Array;
  readonly basketCustomer: Int32Array;
  /** Basket time: the earliest time among its rows. */
  readonly basketTime: Float64Array;
  /** Sum of the basket's row amounts, or null without an amount column. */
  readonly basketAmount: Float64Array | null;
  /** Order id (index into `orderNames`) per basket, or null without an order column. */
  readonly basketOrder: Int32Array | null;
  readonly customerBasketOffsets: Int32Array;
  readonly customerNames: readonly string[];
  readonly itemNames: readonly string[];
  readonly orderNames: readonly string[] | null;
  /**
   * Returns under the `'net'` policy, per customer in time order (CSR): customer `c` owns
   * `returnTime`/`returnAmount[customerReturnOffsets[c] .. customerReturnOffsets[c+1])`.
   * Amounts are ≤ 0 and lower the customer's spend; returns are no baskets. Empty without returns.
   */
  readonly customerReturnOffsets: Int32Array;
  readonly returnTime: Float64Array;
  readonly returnAmount: Float64Array;
  /** Their cost (≤ 0), or null without a cost column: a return's margin is amount − cost. */
  readonly returnCost: Float64Array | null;
  /** Returns of customers who have no purchase in the log (not attached to anyone). */
  readonly returnsWithoutPurchase: { rows: number; amount: number };
}

/**
 * The returned amount (≤ 0) of customer `c` at or before `until` (epoch ms), under the `'net'`
 * returns policy; 0 otherwise.
 * @example
 * spend += returnedUpTo(log.columns, c, asOf);
 */
export function returnedUpTo(columns: LogColumns, c: number, until = Infinity): number {
  const { customerReturnOffsets: off, returnTime, returnAmount } = columns;
  let sum = 0;
  for (let i = off[c] as number; i < (off[c + 1] as number) && (returnTime[i] as number) <= until; i++) sum += returnAmount[i] as number;
  return sum;
}

/**
 * Sorts raw rows into customers and baskets: rows sharing an order (or, without orders, the
 * same customer and time) form one basket. Names no row uses are dropped.
 */
export function buildColumns(raw: RawColumns, returns: RawReturns | null = null): LogColumns {
  const n = raw.customer.length;
  const { ids: customer, names: customerNames, newId: customerId } = remapByName(raw.customer, raw.customerNames);
  const items = raw.item === null ? null : remapByName(raw.item, raw.itemNames);
  const order = raw.order;
  const keyTime = basketKeyTimes(raw.time, order, raw.orderNames?.length ?? 0);
  const nc = customerNames.length;

  // Counting sort by customer (stable), then each customer's rows by (basket time, order, row).
  const start = new Int32Array(nc + 1);
  for (let r = 0; r < n; r++) {
    const at = (customer[r] as number) + 1;
    start[at] = (start[at] as number) + 1;
  }
  for (let c = 0; c < nc; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, nc);
  const perm = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const c = customer[r] as number;
    perm[fill[c] as number] = r;
    fill[c] = (fill[c] as number) + 1;
  }
  const compare = order === null
    ? (a: number, b: number) => (keyTime[a] as number) - (keyTime[b] as number) || a - b
    : (a: number, b: number) => (keyTime[a] as number) - (keyTime[b] as number) || (order[a] as number) - (order[b] as number) || a - b;
  for (let c = 0; c < nc; c++) {
    const slice = perm.subarray(start[c], start[c + 1]);
    if (!isSorted(slice, compare)) slice.sort(compare);
  }

  // Walk the sorted rows, cutting a new basket whenever customer, basket time or order changes.
  const rowCustomer = new Int32Array(n);
  const rowBasket = new Int32Array(n);
  const basketRowOffsets = new Growable(Int32Array, n / 4);
  const customerBasketOffsets = new Int32Array(nc + 1);
  let baskets = 0;
  for (let i = 0; i < n; i++) {
    const r = perm[i] as number;
    const prev = i === 0 ? -1 : (perm[i - 1] as number);
    const c = customer[r] as number;
    const cut = prev < 0 || customer[prev] !== c || keyTime[prev] !== keyTime[r] || (order !== null && order[prev] !== order[r]);
    if (cut) {
      basketRowOffsets.push(i);
      if (prev < 0 || customer[prev] !== c) customerBasketOffsets[c] = baskets;
      baskets++;
    }
    rowCustomer[i] = c;
    rowBasket[i] = baskets - 1;
  }
  basketRowOffsets.push(n);
  customerBasketOffsets[nc] = baskets;
  const rowOffsets = basketRowOffsets.toArray();

  const basketCustomer = new Int32Array(baskets);
  const basketTime = new Float64Array(baskets);
  const basketOrder = order === null ? null : new Int32Array(baskets);
  for (let b = 0; b < baskets; b++) {
    const r = perm[rowOffsets[b] as number] as number;
    basketCustomer[b] = customer[r] as number;
    basketTime[b] = keyTime[r] as number;
    if (basketOrder !== null && order !== null) basketOrder[b] = order[r] as number;
  }
  const rowItem = items === null ? null : gather(items.ids, perm, Int32Array);
  const rowAmount = raw.amount === null ? null : gather(raw.amount, perm, Float64Array);
  const { offsets: basketItemOffsets, values: basketItems } = distinctBasketItems(rowItem, rowOffsets);
  return {
    rowCustomer,
    rowTime: gather(raw.time, perm, Float64Array),
    rowItem,
    rowBasket,
    rowAmount,
    rowCost: raw.cost === null ? null : gather(raw.cost, perm, Float64Array),
    rowQuantity: raw.quantity === null ? null : gather(raw.quantity, perm, Float64Array),
    basketRowOffsets: rowOffsets,
    basketItemOffsets,
    basketItems,
    basketCustomer,
    basketTime,
    basketAmount: rowAmount === null ? null : sumPerBasket(rowAmount, rowOffsets),
    basketOrder,
    customerBasketOffsets,
    customerNames,
    itemNames: items?.names ?? [],
    orderNames: raw.orderNames,
    ...attachReturns(returns, customerId, nc),
  };
}

/** Sorts the returns by customer (the purchases' new ids) and time; those of customers without purchases are counted apart. */
function attachReturns(returns: RawReturns | null, customerId: Int32Array, nc: number): Pick<LogColumns, 'customerReturnOffsets' | 'returnTime' | 'returnAmount' | 'returnCost' | 'returnsWithoutPurchase'> {
  const offsets = new Int32Array(nc + 1);
  const withoutPurchase = { rows: 0, amount: 0 };
  if (returns === null) return { customerReturnOffsets: offsets, returnTime: new Float64Array(0), returnAmount: new Float64Array(0), returnCost: null, returnsWithoutPurchase: withoutPurchase };
  const kept: number[] = [];
  for (let i = 0; i < returns.customer.length; i++) {
    const c = customerId[returns.customer[i] as number] as number;
    if (c < 0) {
      withoutPurchase.rows++;
      withoutPurchase.amount += returns.amount[i] as number;
    } else kept.push(i);
  }
  const cust = (i: number) => customerId[returns.customer[i] as number] as number;
  kept.sort((a, b) => cust(a) - cust(b) || (returns.time[a] as number) - (returns.time[b] as number) || a - b);
  for (const i of kept) offsets[cust(i) + 1] = (offsets[cust(i) + 1] as number) + 1;
  for (let c = 0; c < nc; c++) offsets[c + 1] = (offsets[c + 1] as number) + (offsets[c] as number);
  return {
    customerReturnOffsets: offsets,
    returnTime: Float64Array.from(kept, (i) => returns.time[i] as number),
    returnAmount: Float64Array.from(kept, (i) => returns.amount[i] as number),
    returnCost: returns.cost === null ? null : Float64Array.from(kept, (i) => (returns.cost as Float64Array)[i] as number),
    returnsWithoutPurchase: withoutPurchase,
  };
}

/** Drops unused ids and renumbers the rest in string order of their names. */
function remapByName(ids: Int32Array, names: readonly string[]): { ids: Int32Array; names: string[]; newId: Int32Array } {
  const used = new Uint8Array(names.length);
  for (let i = 0; i < ids.length; i++) used[ids[i] as number] = 1;
  const kept: number[] = [];
  for (let id = 0; id < names.length; id++) if (used[id] === 1) kept.push(id);
  kept.sort((a, b) => compareStrings(names[a] as string, names[b] as string));
  const newId = new Int32Array(names.length).fill(-1);
  kept.forEach((old, i) => { newId[old] = i; });
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = newId[ids[i] as number] as number;
  return { ids: out, names: kept.map((old) => names[old] as string), newId };
}

/** String order used everywhere in the library (UTF-16 code units, like `Array.prototype.sort`). */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The time that orders a row's basket: the order's earliest time, or the row's own time. */
function basketKeyTimes(time: Float64Array, order: Int32Array | null, orderCount: number): Float64Array {
  if (order === null) return time;
  const first = new Float64Array(orderCount).fill(Infinity);
  for (let r = 0; r < order.length; r++) {
    const o = order[r] as number;
    if ((time[r] as number) < (first[o] as number)) first[o] = time[r] as number;
  }
  const key = new Float64Array(order.length);
  for (let r = 0; r < order.length; r++) key[r] = first[order[r] as number] as number;
  return key;
}

function isSorted(slice: Int32Array, compare: (a: number, b: number) => number): boolean {
  for (let i = 1; i < slice.length; i++) if (compare(slice[i - 1] as number, slice[i] as number) > 0) return false;
  return true;
}

function gather<T extends Int32Array | Float64Array>(values: T, perm: Int32Array, Ctor: new (n: number) => T): T {
  const out = new Ctor(perm.length);
  for (let i = 0; i < perm.length; i++) out[i] = values[perm[i] as number] as number;
  return out;
}

function sumPerBasket(values: Float64Array, rowOffsets: Int32Array): Float64Array {
  const out = new Float64Array(rowOffsets.length - 1);
  for (let b = 0; b < out.length; b++) {
    let sum = 0;
    for (let i = rowOffsets[b] as number; i < (rowOffsets[b + 1] as number); i++) sum += values[i] as number;
    out[b] = sum;
  }
  return out;
}

/** Per basket, its distinct item ids in ascending order (CSR). */
function distinctBasketItems(rowItem: Int32Array | null, rowOffsets: Int32Array): { offsets: Int32Array; values: Int32Array } {
  const nb = rowOffsets.length - 1;
  const offsets = new Int32Array(nb + 1);
  if (rowItem === null) return { offsets, values: new Int32Array(0) };
  const values = new Int32Array(rowItem.length);
  let w = 0;
  for (let b = 0; b < nb; b++) {
    const s = rowOffsets[b] as number;
    const e = rowOffsets[b + 1] as number;
    const begin = w;
    if (e - s > 32) {
      values.set(rowItem.subarray(s, e), begin);
      values.subarray(begin, begin + e - s).sort();
      w = begin + 1;
      for (let i = begin + 1; i < begin + e - s; i++) if (values[i] !== values[w - 1]) values[w++] = values[i] as number;
      offsets[b + 1] = w;
      continue;
    }
    for (let i = s; i < e; i++) {
      // insertion into the sorted run values[begin..w), skipping duplicates
      const v = rowItem[i] as number;
      let j = w - 1;
      while (j >= begin && (values[j] as number) > v) j--;
      if (j >= begin && values[j] === v) continue;
      values.copyWithin(j + 2, j + 1, w);
      values[j + 1] = v;
      w++;
    }
    offsets[b + 1] = w;
  }
  return { offsets, values: values.slice(0, w) };
}
