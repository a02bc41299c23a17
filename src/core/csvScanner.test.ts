import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { CsvScanner, stringSink } from './csvScanner';

function scan(text: string, chunkSizes: number[] = [], delimiter = ','): string[][] {
  const out: string[][] = [];
  const scanner = new CsvScanner({ delimiter, quote: '"' }, stringSink((cells) => out.push(cells)));
  let at = 0;
  for (const size of chunkSizes) {
    scanner.push(text.slice(at, at + size));
    at += size;
  }
  scanner.push(text.slice(at), true);
  return out;
}

// Cells drawn from characters that stress the dialect: delimiters, quotes, CR, LF.
const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', ';', '"', '\n', '\r', 'é'), maxLength: 6 });
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 });
const quoteCell = (c: string) => (/[",;\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c);

describe('CsvScanner', () => {
  it('agrees with csv-parse (the oracle) on random quoted tables, however the text is chunked', () => {
    fc.assert(fc.property(table, fc.constantFrom('\n', '\r\n'), fc.constantFrom(',', ';'), fc.array(fc.integer({ min: 0, max: 7 })), (rows, eol, delimiter, chunks) => {
      const text = rows.map((r) => r.map(quoteCell).join(delimiter)).join(eol) + eol;
      const expected = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
      expect(scan(text, chunks, delimiter)).toEqual(expected);
    }), { numRuns: 500 });
  });

  it('reads rows of any width (up to thousands of columns), quoted or not, however chunked', () => {
    const plain = fc.string({ unit: fc.constantFrom('a', 'b', '1', ' ', 'é'), maxLength: 3 });
    const wide = fc.array(fc.array(fc.oneof(plain, cell), { minLength: 1, maxLength: 3000 }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(wide, fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 6 }), (rows, chunks) => {
      const text = `${rows.map((r) => r.map(quoteCell).join(',')).join('\n')}\n`;
      const expected = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
      expect(scan(text, chunks)).toEqual(expected);
    }), { numRuns: 60, seed: 3 });
  });

  it('reads the 33rd column and beyond of an unquoted row (the cell bounds grow mid-row)', () => {
    const header = Array.from({ length: 40 }, (_, i) => `c${i}`);
    const row = Array.from({ length: 40 }, (_, i) => `v${i}`);
    expect(scan(`${header.join(',')}\n${row.join(',')}\n`)).toEqual([header, row]);
  });

  it('strips a BOM, skips empty lines, reads a last line without a line end', () => {
    expect(scan('\uFEFFa,b\n\n\r\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps a quote inside an unquoted field as a literal', () => {
    expect(scan('12" pizza,3\n')).toEqual([['12" pizza', '3']]);
  });

  it('reports the line where each record starts, counting line breaks inside quotes', () => {
    const lines: number[] = [];
    const s = new CsvScanner({ delimiter: ',', quote: '"' }, stringSink((_c, line) => lines.push(line)));
    s.push('h1,h2\n"multi\nline",x\n\nlast,y\n', true);
    expect(lines).toEqual([1, 2, 5]);
  });

  it('rejects an unclosed quote and garbage after a closing quote', () => {
    expect(() => scan('a,"b\n')).toThrow(/unclosed quoted field/);
    expect(() => scan('a,"b"c\n')).toThrow(/after a closing quote/);
  });
});
