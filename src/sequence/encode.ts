import { DataError, OptionError, show } from '../core/errors';
import { Growable } from '../core/growable';
import { TransactionLog } from '../core/TransactionLog';
import { checkSequenceColumns, isSequenceColumns, type SequenceColumns } from '../core/sequenceColumns';
import { sortedColumns } from '../core/baskets';

/** Anything the sequence functions accept: per-customer lists of itemsets, a log, or {@link SequenceColumns} (e.g. from `parseSpmfColumns`). */
export type SequencesInput = readonly (readonly (readonly string[])[])[] | TransactionLog | SequenceColumns;

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
  /** Epoch ms of each itemset (a log's basket times); null for plain sequences. */
  readonly times: Float64Array | null;
}

/**
 * Encodes sequences (or a log's per-customer baskets in time order); duplicate items inside one
 * itemset count once, item order inside an itemset does not matter, empty itemsets are dropped.
 * @throws {DataError} code `'DATA'` naming the sequence (row) for anything but arrays of arrays of non-empty strings.
 * @throws {OptionError} code `'OPTION'` for a log loaded without an item column.
 */
export function encodeSequences(input: SequencesInput): EncodedSequences {
  if (input instanceof TransactionLog) {
    const c = input.columns;
    if (c.rowItem === null) throw new OptionError('the log has no item column, so there are no itemsets to find sequences of: load it with an item mapping (the product id; the CLI\'s --item COL)');
    const seqStart = Int32Array.from(c.customerBasketOffsets);
    return { n: input.customerCount, seqStart, setStart: c.basketItemOffsets, items: c.basketItems, itemNames: c.itemNames, times: c.basketTime };
  }
  if (isSequenceColumns(input)) {
    const { n, seqStart, setStart, items, itemNames } = checkSequenceColumns(input);
    return { n, seqStart, setStart, items, itemNames, times: null };
  }
  if (!Array.isArray(input)) throw new DataError(`expected sequences (arrays of itemsets), a TransactionLog or sequence columns, got ${show(input)}`);
  // One pass: items get ids in order of appearance, renumbered in name order at the end.
  const firstSeen = new Map<string, number>();
  const seqStart = new Growable(Int32Array, input.length + 1);
  const setStart = new Growable(Int32Array, 1024);
  const items = new Growable(Int32Array, 1024);
  seqStart.push(0);
  setStart.push(0);
  input.forEach((seq: unknown, s) => {
    if (!Array.isArray(seq)) throw new DataError('expected a sequence (an array of itemsets)', { row: s + 1, field: 'sequence', value: seq });
    for (const set of seq as unknown[]) {
      if (!Array.isArray(set)) throw new DataError('expected an itemset (an array of item names)', { row: s + 1, field: 'itemset', value: set });
      if (set.length === 0) continue;
      for (const item of set as unknown[]) {
        if (typeof item !== 'string' || item === '') throw new DataError('expected an item name (a non-empty string)', { row: s + 1, field: 'item', value: item });
        let id = firstSeen.get(item);
        if (id === undefined) {
          id = firstSeen.size;
          firstSeen.set(item, id);
        }
        items.push(id);
      }
      setStart.push(items.length);
    }
    seqStart.push(setStart.length - 1);
  });
  // Ids renumbered in name order, each itemset's ids sorted without repeats: as the text readers do.
  const sets = sortedColumns([...firstSeen.keys()], items.toArray(), setStart.toArray());
  return { n: input.length, seqStart: seqStart.toArray(), setStart: sets.offsets, items: sets.items, itemNames: sets.itemNames, times: null };
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

/** Per item, the sequences that hold it (ascending, each once). */
export function sequencesOfItems(data: EncodedSequences): Int32Array[] {
  const lists: number[][] = data.itemNames.map(() => []);
  for (let s = 0; s < data.n; s++) {
    for (let i = data.setStart[data.seqStart[s] as number] as number; i < (data.setStart[data.seqStart[s + 1] as number] as number); i++) {
      const list = lists[data.items[i] as number] as number[];
      if (list[list.length - 1] !== s) list.push(s);
    }
  }
  return lists.map((l) => Int32Array.from(l));
}

/**
 * The root items' positions in `frequent`, the most frequent first (ties by position): the order
 * in which a search takes its roots. A split search then leaves the small roots for last, so no
 * worker is still growing a large one when the others are done; the order of the patterns
 * found does not matter, as they are sorted after.
 */
export function largestFirst(frequent: readonly number[], support: Int32Array): Int32Array {
  return Int32Array.from(frequent.keys()).sort((a, b) => (support[frequent[b] as number] as number) - (support[frequent[a] as number] as number) || a - b);
}
