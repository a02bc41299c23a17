import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFimi, parseSpmfSequences } from './formats';
import { DataError } from './errors';

describe('parseSpmfSequences', () => {
  it('reads itemsets and sequences, skipping blank, comment and metadata lines', () => {
    const text = '@CONVERTED_FROM_TEXT\n# a comment\n1 -1 1 2 3 -1 -2\r\n\n  7\t-1 8 -1 -2   \n';
    expect(parseSpmfSequences(text)).toEqual([[['1'], ['1', '2', '3']], [['7'], ['8']]]);
  });

  it('keeps negative numbers other than -1 and -2 as items, and ignores what follows -2', () => {
    expect(parseSpmfSequences('-3 -12 -1 -20 -2 5 -1 -2\n')).toEqual([[['-3', '-12'], ['-20']]]);
  });

  it('names the line of a sequence without -2', () => {
    const read = () => parseSpmfSequences('1 -1 -2\n# ok\n2 -1 3 -1\n');
    expect(read).toThrow(DataError);
    expect(read).toThrow(/line 3/);
  });

  it('round-trips any sequences written with any spacing', () => {
    const item = fc.stringMatching(/^[0-9a-z]{1,4}$/);
    const space = fc.constantFrom(' ', '  ', '\t', ' \t ');
    const seqs = fc.array(fc.array(fc.array(item, { minLength: 1, maxLength: 3 }), { minLength: 0, maxLength: 4 }), { maxLength: 6 });
    fc.assert(fc.property(seqs, space, fc.boolean(), (db, sp, crlf) => {
      const text = db.map((seq) => [...seq.map((set) => [...set, '-1'].join(sp)), '-2'].join(sp)).join(crlf ? '\r\n' : '\n');
      expect(parseSpmfSequences(text)).toEqual(db);
    }));
  });
});

describe('parseFimi', () => {
  it('reads one basket per line; empty lines are empty baskets', () => {
    expect(parseFimi('1 2 3\n\n2  5\n')).toEqual([['1', '2', '3'], [], ['2', '5']]);
  });
});
