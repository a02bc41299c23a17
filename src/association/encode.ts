import { DataError, OptionError, show } from '../core/errors';
import { compareStrings } from '../core/columns';
import { TransactionLog } from '../core/TransactionLog';

/**
 * Baskets as CSR arrays of item ids: basket `b` holds the distinct ids
 * `items[offsets[b] .. offsets[b+1]]`, ascending. Ids follow string order of `itemNames`.
 */
export interface EncodedBaskets {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly items: Int32Array;
  readonly itemNames: readonly string[];
}

/** Anything the association functions accept as baskets. */
export type BasketsInput = readonly (readonly string[])[] | TransactionLog;

/**
 * Encodes baskets (or a log's baskets) into {@link EncodedBaskets}; duplicate items in a basket
 * count once.
 * @throws {DataError} code `'DATA'` when a basket is not an array or an item is not a non-empty string.
 * @throws {OptionError} code `'OPTION'` for a log loaded without an item column.
 */
export function encodeBaskets(input: BasketsInput): EncodedBaskets {
  if (input instanceof TransactionLog) {
    const c = input.columns;
    if (c.rowItem === null) throw new OptionError('the log has no item column, so there are no baskets of items to mine: load it with an item mapping (the product id; the CLI\'s --item COL)');
    return { n: input.basketCount, offsets: c.basketItemOffsets, items: c.basketItems, itemNames: c.itemNames };
  }
  if (!Array.isArray(input)) throw new DataError(`expected baskets as an array of string arrays or a TransactionLog, got ${show(input)}`);
  // One pass: validate, intern in first-seen order; then renumber ids in string order.
  const seen = new Map<string, number>();
  let total = 0;
  for (let b = 0; b < input.length; b++) {
    const basket: unknown = input[b];
    if (!Array.isArray(basket)) throw new DataError('expected a basket (an array of item names)', { row: b + 1, field: 'basket', value: basket });
    total += basket.length;
  }
  const raw = new Int32Array(total);
  const rawOffsets = new Int32Array(input.length + 1);
  let w = 0;
  for (let b = 0; b < input.length; b++) {
    const basket = input[b] as readonly unknown[];
    for (let i = 0; i < basket.length; i++) {
      const item = basket[i];
      if (typeof item !== 'string' || item === '') throw new DataError('expected an item name (a non-empty string)', { row: b + 1, field: 'item', value: item });
      let id = seen.get(item);
      if (id === undefined) {
        id = seen.size;
        seen.set(item, id);
      }
      raw[w++] = id;
    }
    rawOffsets[b + 1] = w;
  }
  const firstSeen = [...seen.keys()];
  const order = Int32Array.from(firstSeen.keys()).sort((a, b) => compareStrings(firstSeen[a] as string, firstSeen[b] as string));
  const newId = new Int32Array(order.length);
  order.forEach((old, i) => { newId[old] = i; });
  const items = new Int32Array(total);
  const offsets = new Int32Array(input.length + 1);
  let out = 0;
  for (let b = 0; b < input.length; b++) {
    const start = out;
    for (let i = rawOffsets[b] as number; i < (rawOffsets[b + 1] as number); i++) items[out++] = newId[raw[i] as number] as number;
    const sorted = items.subarray(start, out).sort();
    out = start;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) items[out++] = sorted[i] as number;
    offsets[b + 1] = out;
  }
  return { n: input.length, offsets, items: items.slice(0, out), itemNames: Array.from(order, (old) => firstSeen[old] as string) };
}
