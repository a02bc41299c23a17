import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSequenceColumns, parseSpmfColumns, type SequenceColumns } from './sequenceColumns';
import { parseSpmfSequences } from './formats';

/** The oracle: parseSpmfSequences' arrays written out as columns the textbook way (sets, sorted names, lookups). */
function columnsOf(db: string[][][]): Omit<SequenceColumns, 'kind'> {
  const itemNames = [...new Set(db.flat(2))].sort();
  const id = new Map(itemNames.map((name, i) => [name, i]));
  const seqStart = [0];
  const setStart = [0];
  const items: number[] = [];
  for (const seq of db) {
    for (const set of seq) {
      items.push(...[...new Set(set)].map((name) => id.get(name) as number).sort((a, b) => a - b));
      setStart.push(items.length);
    }
    seqStart.push(setStart.length - 1);
  }
  return { n: db.length, seqStart: Int32Array.from(seqStart), setStart: Int32Array.from(setStart), items: Int32Array.from(items), itemNames };
}

const plain = (c: SequenceColumns) => ({ n: c.n, seqStart: c.seqStart, setStart: c.setStart, items: c.items, itemNames: c.itemNames });

describe('parseSpmfColumns', () => {
  it('reads itemsets and sequences like parseSpmfSequences: comments, metadata, blank lines, empty itemsets, repeats', () => {
    const text = '@CONVERTED_FROM_TEXT\n# a comment\n1 -1 1 2 3 2 -1 -2\r\n\n  7\t-1 -1 8 -1 -2   \n-2\n-3 -12 -1 -20 -2 5 -1 -2\ncafé -1 -2\n';
    expect(plain(parseSpmfColumns(text))).toEqual(columnsOf(parseSpmfSequences(text)));
    expect(plain(parseSpmfColumns(new TextEncoder().encode(text)))).toEqual(columnsOf(parseSpmfSequences(text)));
  });

  it('equals parseSpmfSequences on any sequences written with any spacing (fast-check)', () => {
    const item = fc.oneof(fc.nat({ max: 30 }).map(String), fc.stringMatching(/^0[0-9]{1,2}$/), fc.stringMatching(/^[a-zé]{1,3}$/), fc.constantFrom('-3', '-12'));
    const space = fc.constantFrom(' ', '  ', '\t', ' \t ');
    const db = fc.array(fc.array(fc.array(item, { minLength: 0, maxLength: 4 }), { maxLength: 5 }), { maxLength: 8 });
    fc.assert(fc.property(db, space, fc.boolean(), (seqs, sp, crlf) => {
      const text = seqs.map((seq) => [...seq.map((set) => [...set, '-1'].join(sp)), '-2'].join(sp)).join(crlf ? '\r\n' : '\n');
      const c = parseSpmfColumns(text);
      expect(plain(c)).toEqual(columnsOf(parseSpmfSequences(text)));
      expect(checkSequenceColumns(c)).toBe(c);
    }), { numRuns: 300 });
  });

  it('names the line of a sequence without -2', () => {
    expect(() => parseSpmfColumns('1 -1 -2\n# ok\n2 -1 3 -1\n')).toThrow(expect.objectContaining({ code: 'DATA', line: 3 }));
  });
});

describe('checkSequenceColumns', () => {
  const good = (): SequenceColumns => parseSpmfColumns('a -1 b c -1 -2\nc -1 -2\n');
  it('names the sequence and field that break the form', () => {
    expect(() => checkSequenceColumns({ ...good(), items: Int32Array.from([0, 2, 1, 2]) })).toThrow(expect.objectContaining({ row: 1, field: 'items' }));
    expect(() => checkSequenceColumns({ ...good(), setStart: Int32Array.from([0, 1, 1, 4]) })).toThrow(/hold an item|setStart/);
    expect(() => checkSequenceColumns({ ...good(), itemNames: ['c', 'b', 'a'] })).toThrow(/string order/);
    expect(() => checkSequenceColumns({ ...good(), n: 5 })).toThrow(/expected sequence columns/);
  });
});
