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
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const tokens = (lines[l] as string).trim().split(/\s+/).filter((t) => t !== '');
    if (tokens.length === 0 || tokens[0]?.startsWith('#') === true || tokens[0]?.startsWith('@') === true) continue;
    const seq: string[][] = [];
    let itemset: string[] = [];
    let ended = false;
    for (const tok of tokens) {
      if (tok === '-1') { if (itemset.length > 0) seq.push(itemset); itemset = []; }
      else if (tok === '-2') { if (itemset.length > 0) seq.push(itemset); ended = true; break; }
      else itemset.push(tok);
    }
    if (!ended) throw new DataError('expected the sequence to end with -2', { line: l + 1 });
    out.push(seq);
  }
  return out;
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
