import { compareStrings } from '../core/columns';
import { DataError, show } from '../core/errors';
import { TransactionLog } from '../core/TransactionLog';

/** Anything the sequence functions accept: per-customer lists of itemsets, or a log. */
export type SequencesInput = readonly (readonly (readonly string[])[])[] | TransactionLog;

/**
 * Sequences as nested CSR arrays: sequence s owns itemsets `seqStart[s] .. seqStart[s+1]`;
 * itemset e owns the ascending, distinct item ids `items[setStart[e] .. setStart[e+1]]`.
 */
export interface EncodedSequences {
  readonly n: number;
  readonly seqStart: Int32Array;
  readonly setStart: Int32Array;
  readonly items: Int32Array;
  readonly itemNames: readonly string[];
}

/**
 * Encodes sequences (or a log's per-customer baskets in time order); duplicate items inside one
 * itemset count once, item order inside an itemset does not matter, empty itemsets are dropped.
 * @throws {DataError} code `'DATA'` naming the sequence (row) for anything but arrays of arrays of non-empty strings.
 */
export function encodeSequences(input: SequencesInput): EncodedSequences {
  if (input instanceof TransactionLog) {
    const c = input.columns;
    const seqStart = Int32Array.from(c.customerBasketOffsets);
    return { n: input.customerCount, seqStart, setStart: c.basketItemOffsets, items: c.basketItems, itemNames: c.itemNames };
  }
  if (!Array.isArray(input)) throw new DataError(`expected sequences (arrays of itemsets) or a TransactionLog, got ${show(input)}`);
  const names = new Set<string>();
  input.forEach((seq, s) => {
    if (!Array.isArray(seq)) throw new DataError('expected a sequence (an array of itemsets)', { row: s + 1, field: 'sequence', value: seq });
    for (const set of seq as unknown[]) {
      if (!Array.isArray(set)) throw new DataError('expected an itemset (an array of item names)', { row: s + 1, field: 'itemset', value: set });
      for (const item of set as unknown[]) {
        if (typeof item !== 'string' || item === '') throw new DataError('expected an item name (a non-empty string)', { row: s + 1, field: 'item', value: item });
        names.add(item);
      }
    }
  });
  const itemNames = [...names].sort(compareStrings);
  const id = new Map(itemNames.map((name, i) => [name, i]));
  const seqStart: number[] = [0];
  const setStart: number[] = [0];
  const items: number[] = [];
  for (const seq of input as readonly (readonly (readonly string[])[])[]) {
    for (const set of seq) {
      const ids = [...new Set(set.map((name) => id.get(name) as number))].sort((a, b) => a - b);
      if (ids.length === 0) continue;
      items.push(...ids);
      setStart.push(items.length);
    }
    seqStart.push(setStart.length - 1);
  }
  return { n: input.length, seqStart: Int32Array.from(seqStart), setStart: Int32Array.from(setStart), items: Int32Array.from(items), itemNames };
}

/** True when itemset e contains the item (binary search in its sorted ids). */
export function itemsetHas(data: EncodedSequences, e: number, item: number): boolean {
  let lo = data.setStart[e] as number;
  let hi = data.setStart[e + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = data.items[mid] as number;
    if (v === item) return true;
    if (v < item) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/** For each item, the number of sequences that contain it (each sequence counted once). */
export function itemSupports(data: EncodedSequences): Int32Array {
  const support = new Int32Array(data.itemNames.length);
  const seen = new Int32Array(data.itemNames.length).fill(-1);
  for (let s = 0; s < data.n; s++) {
    for (let i = data.setStart[data.seqStart[s] as number] as number; i < (data.setStart[data.seqStart[s + 1] as number] as number); i++) {
      const v = data.items[i] as number;
      if (seen[v] !== s) {
        seen[v] = s;
        support[v] = (support[v] as number) + 1;
      }
    }
  }
  return support;
}
