import { DataError } from './errors';
import { checkIds, checkItemNames, Interner, sortedColumns, utf8Bytes } from './baskets';

/**
 * Sequences as columns of interned item ids, the form the sequence miners work on: sequence
 * `s` holds the itemsets `seqStart[s] .. seqStart[s+1])`, itemset `e` the distinct ids
 * `items[setStart[e] .. setStart[e+1])`, ascending and never none; id `i` names `itemNames[i]`,
 * which are in string order. Every function that takes sequences accepts it, and it survives a
 * structured clone.
 */
export interface SequenceColumns {
  readonly kind: 'crm-mining-sequences';
  readonly n: number;
  readonly seqStart: Int32Array;
  readonly setStart: Int32Array;
  readonly items: Int32Array;
  readonly itemNames: readonly string[];
}

/**
 * Reads the SPMF sequence format straight into {@link SequenceColumns}, without arrays of
 * strings: the fast way to mine a large file. The sequences are exactly those of
 * `parseSpmfSequences(text)` (blank, `#` and `@` lines skipped, an item repeated in an itemset
 * counts once).
 * @param input - The file's text, or its bytes (UTF-8), e.g. `readFileSync('BMS1.txt')`.
 * @throws {DataError} code `'DATA'` naming the line when a sequence does not end with -2.
 * @example
 * const db = parseSpmfColumns('1 -1 1 2 3 -1 -2\n');
 * db.n //=> 1
 * sequentialPatterns(db, { minCount: 1 }).length //=> 14
 */
export function parseSpmfColumns(input: string | Uint8Array): SequenceColumns {
  const bytes = utf8Bytes(input, 'SPMF');
  const intern = new Interner();
  const end = bytes.length;
  // Room for every item and itemset (an item and its separator take two bytes or more).
  const raw = new Int32Array((end >>> 1) + 1);
  const setOffsets = new Int32Array((end >>> 1) + 2);
  const seqOffsets: number[] = [0];
  let w = 0;
  let sets = 0;
  let line = 0;
  for (let at = 0; at < end; ) {
    let eol = bytes.indexOf(10, at);
    if (eol < 0) eol = end;
    line++;
    const open = { w, sets };
    const outcome = readLine(bytes, at, eol, intern, raw, setOffsets, open);
    if (outcome === 'missing -2') throw new DataError('expected the sequence to end with -2', { line });
    if (outcome === 'sequence') {
      ({ w, sets } = open);
      seqOffsets.push(sets);
    }
    at = eol + 1;
  }
  const itemsets = sortedColumns(intern.names(), raw.subarray(0, w), setOffsets.subarray(0, sets + 1));
  return { kind: 'crm-mining-sequences', n: seqOffsets.length - 1, seqStart: Int32Array.from(seqOffsets), setStart: itemsets.offsets, items: itemsets.items, itemNames: itemsets.itemNames };
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13;

/**
 * One line: its itemsets appended (items at `state.w`, itemset ends at `state.sets`) when it
 * holds a sequence; 'skip' for a blank, comment or metadata line.
 */
function readLine(bytes: Uint8Array, from: number, to: number, intern: Interner, raw: Int32Array, setOffsets: Int32Array, state: { w: number; sets: number }): 'sequence' | 'skip' | 'missing -2' {
  let { w, sets } = state;
  let setFrom = w;
  let first = true;
  for (let i = from; i < to; ) {
    const c = bytes[i] as number;
    if (isSpace(c)) { i++; continue; }
    let j = i + 1;
    let ascii = c < 128;
    while (j < to && !isSpace(bytes[j] as number)) {
      if ((bytes[j] as number) >= 128) ascii = false;
      j++;
    }
    if (first && (c === 35 || c === 64)) return 'skip'; // '#' or '@': comment, metadata
    first = false;
    if (c === 45 && j === i + 2 && (bytes[i + 1] === 49 || bytes[i + 1] === 50)) {
      // -1 ends an itemset (an empty one is dropped), -2 the sequence.
      if (w > setFrom) setOffsets[++sets] = w;
      setFrom = w;
      if (bytes[i + 1] === 50) {
        state.w = w;
        state.sets = sets;
        return 'sequence';
      }
    } else raw[w++] = ascii ? intern.ascii(bytes, i, j) : intern.name(new TextDecoder().decode(bytes.subarray(i, j)));
    i = j;
  }
  return first ? 'skip' : 'missing -2';
}

/** Whether `v` claims to be {@link SequenceColumns} (its `kind`); {@link checkSequenceColumns} checks the rest. */
export const isSequenceColumns = (v: unknown): v is SequenceColumns =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'crm-mining-sequences';

/**
 * Checks what the miners trust of {@link SequenceColumns}: offsets rising from 0 to the
 * itemset and item counts, no empty itemset, ids in range and strictly ascending within an
 * itemset, names non-empty and in string order.
 * @throws {DataError} code `'DATA'` naming the sequence (row) or field that breaks the form.
 */
export function checkSequenceColumns(c: SequenceColumns): SequenceColumns {
  const { n, seqStart, setStart, items, itemNames } = c;
  if (!Number.isInteger(n) || n < 0 || !(seqStart instanceof Int32Array) || seqStart.length !== n + 1 || !(setStart instanceof Int32Array) || setStart.length < 1 || !(items instanceof Int32Array) || !Array.isArray(itemNames)) {
    throw new DataError('expected sequence columns { n, seqStart: Int32Array(n + 1), setStart: Int32Array, items: Int32Array, itemNames: string[] }', { field: 'sequences' });
  }
  const nSets = setStart.length - 1;
  checkItemNames(itemNames);
  if (seqStart[0] !== 0 || seqStart[n] !== nSets) throw new DataError(`expected seqStart from 0 to ${nSets} (the itemset count)`, { field: 'seqStart' });
  if (setStart[0] !== 0 || setStart[nSets] !== items.length) throw new DataError(`expected setStart from 0 to ${items.length} (the item count)`, { field: 'setStart' });
  for (let s = 0; s < n; s++) {
    if ((seqStart[s + 1] as number) < (seqStart[s] as number)) throw new DataError('expected seqStart never to decrease', { row: s + 1, field: 'seqStart' });
    for (let e = seqStart[s] as number; e < (seqStart[s + 1] as number); e++) {
      const from = setStart[e] as number, to = setStart[e + 1] as number;
      if (to <= from) throw new DataError('expected every itemset to hold an item', { row: s + 1, field: 'setStart', value: e });
      checkIds(items, from, to, itemNames.length, s + 1, 'an itemset');
    }
  }
  return c;
}
