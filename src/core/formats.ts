import { CsvScanner, stringSink } from './csvScanner';
import { DataError } from './errors';

/**
 * Reads the FIMI format: one basket per line, items separated by spaces (the format of the
 * FIMI repository's retail, chess, mushroom, T10I4D100K…). Empty lines are empty baskets.
 * @param text - The file's text.
 * @returns Baskets of item names.
 * @example
 * parseFimi('1 2 3\n2 5\n') //=> [['1', '2', '3'], ['2', '5']]
 */
export function parseFimi(text: string): string[][] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split(/\s+/).filter((item) => item !== ''));
}

/**
 * Reads baskets written one per line as delimited items, without a header (e.g. the arules
 * Groceries data); quoted items may contain the delimiter.
 * @example
 * parseBasketLines('milk,bread\n"nuts, salted"\n') //=> [['milk', 'bread'], ['nuts, salted']]
 */
export function parseBasketLines(text: string, delimiter = ','): string[][] {
  const out: string[][] = [];
  new CsvScanner({ delimiter, quote: '"' }, stringSink((cells) => out.push(cells.filter((c) => c !== '')))).push(text, true);
  return out;
}

/**
 * Reads the SPMF sequence format: items separated by spaces, `-1` ends an itemset, `-2` ends a
 * sequence (one sequence per line).
 * @throws {DataError} code `'DATA'` naming the line when a sequence does not end with -2.
 * @example
 * parseSpmfSequences('1 -1 1 2 3 -1 -2\n') //=> [[['1'], ['1', '2', '3']]]
 */
export function parseSpmfSequences(text: string): string[][][] {
  const out: string[][][] = [];
  const names: string[] = [];
  let line = 0;
  for (let at = 0; at < text.length; ) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    line++;
    const seq = spmfLine(text, at, eol, names);
    if (seq === null) throw new DataError('expected the sequence to end with -2', { line });
    if (seq !== SKIP) out.push(seq);
    at = eol + 1;
  }
  return out;
}

const SKIP: string[][] = [];

/** One SPMF line's sequence; SKIP for a blank or comment line, null when it lacks the final -2. */
function spmfLine(text: string, from: number, to: number, names: string[]): string[][] | null {
  const seq: string[][] = [];
  let itemset: string[] = [];
  let first = true;
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    let j = i + 1;
    while (j < to && !isSpace(text.charCodeAt(j))) j++;
    if (first && (c === 35 || c === 64)) return SKIP; // '#' or '@': comment, metadata
    first = false;
    if (c === 45 && j === i + 2 && (text.charCodeAt(i + 1) === 49 || text.charCodeAt(i + 1) === 50)) {
      // -1 ends an itemset, -2 the sequence.
      if (itemset.length > 0) seq.push(itemset);
      if (text.charCodeAt(i + 1) === 50) return seq;
      itemset = [];
    } else itemset.push(token(text, i, j, names));
    i = j;
  }
  return first ? SKIP : null;
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13;

/**
 * The item name text[from..to): a small canonical integer (SPMF items usually are) comes from
 * `names`, one string per item, which spares memory and makes later lookups by name cheaper.
 */
function token(text: string, from: number, to: number, names: string[]): string {
  if (to - from > 5 || (text.charCodeAt(from) === 48 && to - from > 1)) return text.slice(from, to);
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return text.slice(from, to);
    n = n * 10 + d;
  }
  return names[n] ?? (names[n] = text.slice(from, to));
}

/**
 * Parses CSV text with a header line into records (cell strings by column name), with the same
 * scanner as the loaders (quotes, BOM, CRLF, custom delimiter).
 * @throws {DataError} code `'DATA'` naming the line of a row whose field count differs from the header's.
 * @example
 * parseCsv('a,b\n1,"x, y"\n') //=> [{ a: '1', b: 'x, y' }]
 */
export function parseCsv(text: string, options: { delimiter?: string } = {}): Array<Record<string, string>> {
  let header: string[] | null = null;
  const out: Array<Record<string, string>> = [];
  new CsvScanner({ delimiter: options.delimiter ?? ',', quote: '"' }, stringSink((cells, line) => {
    if (header === null) {
      header = cells;
      return;
    }
    if (cells.length !== header.length) throw new DataError(`expected ${header.length} fields as in the header, found ${cells.length}`, { line });
    const record: Record<string, string> = {};
    header.forEach((name, i) => { record[name] = cells[i] as string; });
    out.push(record);
  })).push(text, true);
  return out;
}
