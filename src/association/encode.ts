import { DataError, OptionError, show } from '../core/errors';
import { checkBasketColumns, isBasketColumns, sortedColumns, type BasketColumns } from '../core/baskets';
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

/** Anything the association functions accept as baskets: arrays of item names, a log, or {@link BasketColumns} (e.g. from `parseFimiColumns`). */
export type BasketsInput = readonly (readonly string[])[] | TransactionLog | BasketColumns;

/**
 * Encodes baskets (or a log's baskets) into {@link EncodedBaskets}; duplicate items in a basket
 * count once. Basket columns are checked, not copied.
 * @throws {DataError} code `'DATA'` when a basket is not an array or an item is not a non-empty
 *   string, or basket columns break their form.
 * @throws {OptionError} code `'OPTION'` for a log loaded without an item column.
 */
export function encodeBaskets(input: BasketsInput): EncodedBaskets {
  if (input instanceof TransactionLog) {
    const c = input.columns;
    if (c.rowItem === null) throw new OptionError('the log has no item column, so there are no baskets of items to mine: load it with an item mapping (the product id; the CLI\'s --item COL)');
    return { n: input.basketCount, offsets: c.basketItemOffsets, items: c.basketItems, itemNames: c.itemNames };
  }
  if (isBasketColumns(input)) return checkBasketColumns(input);
  if (!Array.isArray(input)) throw new DataError(`expected baskets as an array of string arrays, a TransactionLog or basket columns, got ${show(input)}`);
  // One pass: validate, intern in first-seen order; then renumber ids in string order (sortedColumns).
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
  return sortedColumns([...seen.keys()], raw, rawOffsets);
}
