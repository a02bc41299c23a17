/**
 * A sequence search split by root item (what `runInWorker(..., { workers })` runs, here in one
 * thread): for any assignment of the root items to parts, the parts put together are the
 * one-thread result, options and kinds included. Oracle: `sequentialPatterns` itself, which the
 * brute-force tests in sequence.test.ts and timeGaps.test.ts check.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TransactionLog } from '../core/TransactionLog';
import { LimitError } from '../core/errors';
import { splitsByRoot, type SequentialPatternsOptions } from './options';
import { mergeRootsPacked, mineRoots, mineRootsSorted } from './splitByRoot';
import { unpackPatterns } from '../core/packedPatterns';
import { sequentialPatterns, sequentialPatternsPacked } from './sequentialPatterns';
import type { SequencesInput } from './encode';

/** Part p of `parts` mines the roots `owner` gives it (root b belongs to part owner[b mod owner.length] mod parts), then stops. */
const partOf = (owner: readonly number[], p: number, parts: number) => {
  let b = 0;
  return (): number => {
    while (b < 64 && (owner[b % owner.length] as number) % parts !== p) b++;
    return b < 64 ? b++ : Number.MAX_SAFE_INTEGER;
  };
};

/** The search in `parts` parts put together in one more worker's way, packed. */
const split = (input: SequencesInput, options: SequentialPatternsOptions, owner: readonly number[], parts: number) =>
  mergeRootsPacked(input, options, Array.from({ length: parts }, (_, p) => mineRoots(input, options, partOf(owner, p, parts))));

const ALPHABET = ['a', 'b', 'c', 'd', 'e'];
const itemset = fc.uniqueArray(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 3 });
const dbArb = fc.array(fc.array(itemset, { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 12 });
const owners = fc.array(fc.nat(3), { minLength: 1, maxLength: 6 });

describe('a sequence search split by root item is the one-thread search', () => {
  it('for any assignment of roots to 1-4 parts (fast-check): PrefixSpan and SPADE, gaps, maxLength, closed and maximal sets', async () => {
    const optionsArb = fc.record({
      minCount: fc.integer({ min: 1, max: 4 }),
      algorithm: fc.constantFrom('prefixspan' as const, 'spade' as const),
      maxLength: fc.constantFrom(Infinity, 2, 3),
      minGap: fc.constantFrom(1, 2),
      extraGap: fc.constantFrom(Infinity, 0, 1),
      kind: fc.constantFrom('all' as const, 'closed' as const, 'maximal' as const),
    });
    await fc.assert(fc.asyncProperty(dbArb, optionsArb, owners, fc.integer({ min: 1, max: 4 }), async (db, { extraGap, ...drawn }, owner, parts) => {
      const gaps = { ...drawn, maxGap: drawn.minGap + extraGap };
      // Closed and maximal sets are defined without gaps (the options refuse the two together).
      const options = gaps.minGap === 1 && gaps.maxGap === Infinity ? gaps : { ...gaps, kind: 'all' as const };
      expect(await unpackPatterns(split(db, options, owner, parts))).toEqual(sequentialPatterns(db, options));
    }));
  });

  it('sorted where mined, the parts merge as they are unpacked into the one-thread list (fast-check)', async () => {
    const optionsArb = fc.record({ minCount: fc.integer({ min: 1, max: 4 }), algorithm: fc.constantFrom('prefixspan' as const, 'spade' as const), maxLength: fc.constantFrom(Infinity, 2, 3), maxGap: fc.constantFrom(Infinity, 2) });
    await fc.assert(fc.asyncProperty(dbArb, optionsArb, owners, fc.integer({ min: 1, max: 4 }), async (db, options, owner, parts) => {
      const runs = Array.from({ length: parts }, (_, p) => mineRootsSorted(db, options, partOf(owner, p, parts)));
      expect(await unpackPatterns(runs)).toEqual(sequentialPatterns(db, options));
      expect(await unpackPatterns(sequentialPatternsPacked(db, options))).toEqual(sequentialPatterns(db, options));
    }), { numRuns: 50 });
    expect(() => mineRootsSorted([[['a']]], { kind: 'closed' }, partOf([0], 0, 1))).toThrow(/only the parts of a search of all patterns/);
  });

  it('on a log with gaps and a window in days', async () => {
    const DAY = 86_400_000;
    const rows = Array.from({ length: 240 }, (_, i) => ({ customer: `c${i % 17}`, time: new Date(Date.UTC(2024, 0, 1) + ((i * 7) % 60) * DAY), item: ALPHABET[(i * 3 + (i >> 2)) % 5] as string, order: `o${i % 17}-${(i * 7) % 60}` }));
    const log = TransactionLog.fromRecords(rows, { customer: 'customer', time: 'time', item: 'item', order: 'order' });
    for (const options of [{ minCount: 3, windowDays: 20 }, { minCount: 3, minGapDays: 2, maxGapDays: 15, algorithm: 'spade' as const }, { minCount: 4, kind: 'closed' as const }]) {
      const whole = sequentialPatterns(log, options);
      expect(whole.length).toBeGreaterThan(5);
      expect(await unpackPatterns(split(log, options, [0, 1, 1, 0, 2], 3))).toEqual(whole);
    }
  });

  it('reports the limit on the parts together, with the one-thread message', () => {
    const db = [[['a'], ['b'], ['c']], [['a'], ['b'], ['c']]];
    const options = { minCount: 2, maxPatterns: 6 };
    const message = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(LimitError);
        return (e as Error).message;
      }
      return 'no error';
    };
    const whole = message(() => sequentialPatterns(db, options));
    expect(whole).toMatch(/more than 6 sequential patterns/);
    expect(message(() => split(db, options, [0, 1], 2))).toBe(whole);
    // Sorted parts count what all parts found: the second part to finish sees 7 > 6.
    let total = 0;
    const found = (n: number): number => (total += n);
    expect(mineRoots(db, options, partOf([0, 1], 0, 2), found).counts.length).toBe(5); // roots a and c: a, ab, abc, ac, c
    expect(message(() => mineRootsSorted(db, options, partOf([0, 1], 1, 2), found))).toBe(whole);
  });

  it('splits PrefixSpan and SPADE, not GSP or topK', () => {
    expect([{}, { algorithm: 'spade' }, { kind: 'maximal', windowDays: 3 }].map((o) => splitsByRoot(o as SequentialPatternsOptions))).toEqual([true, true, true]);
    expect([{ algorithm: 'gsp' }, { topK: 5 }].map((o) => splitsByRoot(o as SequentialPatternsOptions))).toEqual([false, false]);
  });
});
