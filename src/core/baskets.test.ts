import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkBasketColumns, parseFimiColumns, type BasketColumns } from './baskets';
import { parseFimi } from './formats';

/** The oracle: parseFimi's string baskets, written out as columns by the textbook route (sets, sorted names, lookups). */
function columnsOf(baskets: string[][]): Omit<BasketColumns, 'kind'> {
  const itemNames = [...new Set(baskets.flat())].sort();
  const id = new Map(itemNames.map((name, i) => [name, i]));
  const offsets = [0];
  const items: number[] = [];
  for (const basket of baskets) {
    items.push(...[...new Set(basket)].map((name) => id.get(name) as number).sort((a, b) => a - b));
    offsets.push(items.length);
  }
  return { n: baskets.length, offsets: Int32Array.from(offsets), items: Int32Array.from(items), itemNames };
}

const plain = (c: BasketColumns) => ({ n: c.n, offsets: c.offsets, items: c.items, itemNames: c.itemNames });

describe('parseFimiColumns', () => {
  it('reads one basket per line: empty lines are empty baskets, repeats count once, names in string order', () => {
    const c = parseFimiColumns('10 2 3\n\n2  5 2\n');
    expect(c.kind).toBe('crm-mining-baskets');
    expect(c.itemNames).toEqual(['10', '2', '3', '5']);
    expect(plain(c)).toEqual(columnsOf([['10', '2', '3'], [], ['2', '5']]));
  });

  it('reads bytes as UTF-8 and splits on JavaScript white space as parseFimi does (BOM, no-break space)', () => {
    const text = '\uFEFFcafé 1\u00a0crème\r\n007 0 7 4294967296 x\ty\n';
    expect(plain(parseFimiColumns(new TextEncoder().encode(text)))).toEqual(columnsOf(parseFimi(text)));
    expect(plain(parseFimiColumns(text))).toEqual(columnsOf(parseFimi(text)));
  });

  it('equals parseFimi on any text (fast-check: numbers with and without leading zeros, words, spacing, CRLF)', () => {
    const item = fc.oneof(fc.nat({ max: 40 }).map(String), fc.stringMatching(/^0[0-9]{1,3}$/), fc.stringMatching(/^[a-zé]{1,3}$/), fc.integer({ min: 1, max: 2 ** 33 }).map(String));
    const space = fc.constantFrom(' ', '  ', '\t', ' \t ', '\u00a0');
    const db = fc.array(fc.array(item, { maxLength: 40 }), { maxLength: 12 });
    fc.assert(fc.property(db, space, fc.boolean(), fc.boolean(), (baskets, sp, crlf, trailing) => {
      const text = baskets.map((b) => b.join(sp)).join(crlf ? '\r\n' : '\n') + (trailing ? '\n' : '');
      const c = parseFimiColumns(text);
      expect(plain(c)).toEqual(columnsOf(parseFimi(text)));
      expect(checkBasketColumns(c)).toBe(c);
    }), { numRuns: 300 });
  });

  it('has no basket for empty input, one for a line without its newline', () => {
    expect(parseFimiColumns('').n).toBe(0);
    expect(parseFimiColumns('a').n).toBe(1);
    expect(parseFimiColumns('a\n\n').n).toBe(2);
  });
});

describe('checkBasketColumns', () => {
  const good = (): BasketColumns => parseFimiColumns('a b\nb c\n');
  it('names the basket and field that break the form', () => {
    expect(() => checkBasketColumns({ ...good(), items: Int32Array.from([1, 0, 1, 2]) })).toThrow(/basket 1|row 1/);
    expect(() => checkBasketColumns({ ...good(), items: Int32Array.from([0, 1, 1, 3]) })).toThrow(/row 2.*items|items.*row 2|\[0, 3\)/);
    expect(() => checkBasketColumns({ ...good(), itemNames: ['b', 'a', 'c'] })).toThrow(/string order/);
    expect(() => checkBasketColumns({ ...good(), offsets: Int32Array.from([0, 2, 3]) })).toThrow(/offsets/);
    expect(() => checkBasketColumns({ ...good(), n: 3 })).toThrow(/expected basket columns/);
  });
});
