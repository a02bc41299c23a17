import { DataError, show } from '../core/errors';
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
 */
export function encodeBaskets(input: BasketsInput): EncodedBaskets {
  if (input instanceof TransactionLog) {
    const c = input.columns;
    return { n: input.basketCount, offsets: c.basketItemOffsets, items: c.basketItems, itemNames: c.itemNames };
  }
  if (!Array.isArray(input)) throw new DataError(`expected baskets as an array of string arrays or a TransactionLog, got ${show(input)}`);
  const seen = new Map<string, number>();
  let total = 0;
  for (let b = 0; b < input.length; b++) {
    const basket: unknown = input[b];
    if (!Array.isArray(basket)) throw new DataError('expected a basket (an array of item names)', { row: b + 1, field: 'basket', value: basket });
    for (const item of basket as unknown[]) {
      if (typeof item !== 'string' || item === '') throw new DataError('expected an item name (a non-empty string)', { row: b + 1, field: 'item', value: item });
      if (!seen.has(item)) seen.set(item, seen.size);
    }
    total += basket.length;
  }
  const itemNames = [...seen.keys()].sort(compareStrings);
  const rank = new Map<string, number>(itemNames.map((name, i) => [name, i]));
  const offsets = new Int32Array(input.length + 1);
  const items = new Int32Array(total);
  let w = 0;
  for (let b = 0; b < input.length; b++) {
    const start = w;
    for (const item of input[b] as readonly string[]) items[w++] = rank.get(item) as number;
    const sorted = items.subarray(start, w).sort();
    w = start;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) items[w++] = sorted[i] as number;
    offsets[b + 1] = w;
  }
  return { n: input.length, offsets, items: items.slice(0, w), itemNames };
}
