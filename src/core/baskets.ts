import { compareStrings } from './columns';
import { DataError, show } from './errors';

/**
 * Baskets as columns of interned item ids, the form the mining algorithms work on: basket `b`
 * holds the distinct ids `items[offsets[b] .. offsets[b+1])`, ascending, and id `i` names
 * `itemNames[i]`, which are in string order. Every function that takes baskets accepts it, and
 * it survives a structured clone (a worker, `postMessage`).
 */
export interface BasketColumns {
  readonly kind: 'crm-mining-baskets';
  /** Number of baskets, empty ones included. */
  readonly n: number;
  readonly offsets: Int32Array;
  readonly items: Int32Array;
  readonly itemNames: readonly string[];
}

/**
 * Reads the FIMI format (one basket per line, items separated by white space) straight into
 * {@link BasketColumns}, without an array of strings per basket: the fast way to mine a large
 * file. The baskets are exactly those of `parseFimi(text)` (empty lines are empty baskets,
 * repeated items count once).
 * @param input - The file's text, or its bytes (UTF-8), e.g. `readFileSync('retail.dat')`.
 * @example
 * const baskets = parseFimiColumns('1 2 3\n2 5\n');
 * baskets.itemNames //=> ['1', '2', '3', '5']
 * itemsetTable(baskets, { minCount: 2 }).size //=> 1
 */
export function parseFimiColumns(input: string | Uint8Array): BasketColumns {
  const bytes = utf8Bytes(input, 'FIMI');
  const intern = new Interner();
  const end = bytes.length;
  // Room for every item (an item and its separator take two bytes or more) and every line.
  let lines = end > 0 && bytes[end - 1] !== 10 ? 1 : 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lines++;
  const raw = new Int32Array((end >>> 1) + 1);
  const rawOffsets = new Int32Array(lines + 1);
  let w = 0;
  let line = 0;
  for (let i = 0; i < end; ) {
    const c = bytes[i] as number;
    if (c === 10) {
      rawOffsets[++line] = w;
      i++;
    } else if (c === 32 || c === 9 || c === 13 || c === 11 || c === 12) i++;
    else {
      let j = i + 1;
      let ascii = c < 128;
      for (; j < end; j++) {
        const d = bytes[j] as number;
        if (d === 10 || d === 32 || d === 9 || d === 13 || d === 11 || d === 12) break;
        if (d >= 128) ascii = false;
      }
      if (ascii) raw[w++] = intern.ascii(bytes, i, j);
      // Outside ASCII, JavaScript's white space (no-break space, BOM, …) also separates items.
      else for (const name of new TextDecoder().decode(bytes.subarray(i, j)).split(/\s+/)) if (name !== '') raw[w++] = intern.text(name);
      i = j;
    }
  }
  if (line < lines) rawOffsets[lines] = w;
  return sortedColumns(intern.names(), raw.subarray(0, w), rawOffsets);
}

/** A text reader's input as UTF-8 bytes (text is encoded; bytes are taken as they are). */
export function utf8Bytes(input: string | Uint8Array, format: string): Uint8Array {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (!(bytes instanceof Uint8Array)) throw new DataError(`expected the ${format} text or its bytes, got ${show(input)}`);
  return bytes;
}

/** Item ids in first-seen order: canonical decimal numbers through a typed table, other names through a Map (shared by the text readers). */
export class Interner {
  private byNumber = new Int32Array(1024).fill(-1);
  private readonly bigNumbers = new Map<number, number>();
  private readonly byName = new Map<string, number>();
  private readonly seen: Array<string | number> = [];

  ascii(bytes: Uint8Array, from: number, to: number): number {
    const len = to - from;
    if (len <= 9 && (len === 1 || bytes[from] !== 48)) {
      let v = 0;
      let digits = true;
      for (let k = from; k < to; k++) {
        const d = (bytes[k] as number) - 48;
        if (d < 0 || d > 9) { digits = false; break; }
        v = v * 10 + d;
      }
      if (digits) return this.number(v);
    }
    let name = '';
    for (let k = from; k < to; k++) name += String.fromCharCode(bytes[k] as number);
    return this.name(name);
  }

  /** A name from decoded text: the same id as when {@link ascii} reads it. */
  text(name: string): number {
    return /^(0|[1-9][0-9]{0,8})$/.test(name) ? this.number(Number(name)) : this.name(name);
  }

  name(name: string): number {
    return this.inMap(this.byName, name);
  }

  private number(v: number): number {
    if (v >= 1 << 22) return this.inMap(this.bigNumbers, v);
    if (v >= this.byNumber.length) {
      const bigger = new Int32Array(Math.max(v + 1, this.byNumber.length * 2)).fill(-1);
      bigger.set(this.byNumber);
      this.byNumber = bigger;
    }
    let id = this.byNumber[v] as number;
    if (id < 0) this.byNumber[v] = id = this.fresh(v);
    return id;
  }

  private inMap<K extends string | number>(map: Map<K, number>, key: K): number {
    let id = map.get(key);
    if (id === undefined) map.set(key, id = this.fresh(key));
    return id;
  }

  /** The next id, for a name seen first now. */
  private fresh(key: string | number): number {
    this.seen.push(key);
    return this.seen.length - 1;
  }

  names(): string[] {
    return this.seen.map(String);
  }
}

/**
 * Renumbers first-seen ids in string order of their names, and sorts and de-duplicates each
 * basket: the canonical {@link BasketColumns}.
 * @param names - The name of each first-seen id.
 * @param raw - Every basket's first-seen ids, in input order.
 * @param rawOffsets - Basket `b` is `raw[rawOffsets[b] .. rawOffsets[b+1])`.
 */
export function sortedColumns(names: readonly string[], raw: Int32Array, rawOffsets: Int32Array): BasketColumns {
  const order = Int32Array.from(names.keys()).sort((a, b) => compareStrings(names[a] as string, names[b] as string));
  const newId = new Int32Array(order.length);
  order.forEach((old, i) => { newId[old] = i; });
  const n = rawOffsets.length - 1;
  const items = new Int32Array(raw.length);
  const offsets = new Int32Array(n + 1);
  let out = 0;
  for (let b = 0; b < n; b++) {
    const start = out;
    const from = rawOffsets[b] as number, to = rawOffsets[b + 1] as number;
    if (to - from === 1) {
      // One item (most itemsets of sequence data): nothing to sort.
      items[out++] = newId[raw[from] as number] as number;
      offsets[b + 1] = out;
      continue;
    }
    for (let i = from; i < to; i++) items[out++] = newId[raw[i] as number] as number;
    if (to - from > 32) items.subarray(start, out).sort();
    else insertionSort(items, start, out);
    // Drop repeats.
    let w = start;
    for (let i = start; i < out; i++) if (i === start || items[i] !== items[w - 1]) items[w++] = items[i] as number;
    out = w;
    offsets[b + 1] = out;
  }
  return { kind: 'crm-mining-baskets', n, offsets, items: items.slice(0, out), itemNames: Array.from(order, (old) => names[old] as string) };
}

function insertionSort(a: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= from && (a[j] as number) > v) { a[j + 1] = a[j] as number; j--; }
    a[j + 1] = v;
  }
}

/** Whether `v` claims to be {@link BasketColumns} (its `kind`); {@link checkBasketColumns} checks the rest. */
export const isBasketColumns = (v: unknown): v is BasketColumns =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'crm-mining-baskets';

/**
 * Checks what the miners trust of {@link BasketColumns}: offsets from 0 rising to the item
 * count, ids in range and strictly ascending within a basket, names non-empty and in string order.
 * @throws {DataError} code `'DATA'` naming the basket (row) or item that breaks the form.
 */
export function checkBasketColumns(c: BasketColumns): BasketColumns {
  const { n, offsets, items, itemNames } = c;
  if (!Number.isInteger(n) || n < 0 || !(offsets instanceof Int32Array) || offsets.length !== n + 1 || !(items instanceof Int32Array) || !Array.isArray(itemNames)) {
    throw new DataError('expected basket columns { n, offsets: Int32Array(n + 1), items: Int32Array, itemNames: string[] }', { field: 'baskets' });
  }
  checkItemNames(itemNames);
  if (offsets[0] !== 0 || offsets[n] !== items.length) throw new DataError(`expected offsets from 0 to ${items.length} (the item count)`, { field: 'offsets', value: `${offsets[0]}..${offsets[n]}` });
  for (let b = 0; b < n; b++) {
    const s = offsets[b] as number, e = offsets[b + 1] as number;
    if (e < s) throw new DataError('expected offsets that never decrease', { row: b + 1, field: 'offsets', value: e });
    checkIds(items, s, e, itemNames.length, b + 1, 'a basket');
  }
  return c;
}

/** Column item names: non-empty strings, in string order, no repeats (the ids follow that order). */
export function checkItemNames(itemNames: readonly unknown[]): void {
  for (let k = 0; k < itemNames.length; k++) {
    const name = itemNames[k];
    if (typeof name !== 'string' || name === '') throw new DataError('expected an item name (a non-empty string)', { field: 'itemNames', row: k + 1, value: name });
    if (k > 0 && !((itemNames[k - 1] as string) < name)) throw new DataError('expected item names in string order without repeats', { field: 'itemNames', row: k + 1, value: name });
  }
}

/** The ids `items[from .. to)` of one group (a basket, an itemset): in [0, nNames), ascending without repeats. */
export function checkIds(items: Int32Array, from: number, to: number, nNames: number, row: number, group: string): void {
  for (let i = from; i < to; i++) {
    const id = items[i] as number;
    if (id < 0 || id >= nNames || (i > from && id <= (items[i - 1] as number))) {
      throw new DataError(`expected item ids in [0, ${nNames}), ascending without repeats within ${group}`, { row, field: 'items', value: id });
    }
  }
}
