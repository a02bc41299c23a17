/**
 * Sequential patterns on real time (gaps and a window in days), and the per-itemset and
 * itemset-count limits. Oracle: every pattern over a small alphabet enumerated here, its count
 * taken by trying every choice of positions in each customer's baskets, with the gaps and the
 * span from the first to the last matched basket measured on the baskets' times.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TransactionLog } from '../core/TransactionLog';
import { allPatterns } from './patterns.oracle';
import { sequentialPatterns, type SequentialPattern } from './sequentialPatterns';

const ALPHABET = ['a', 'b', 'c'];
const DAY = 86_400_000;

interface Basket { day: number; items: string[] }
interface Limits { minGap: number; maxGap: number; minGapDays: number; maxGapDays: number; windowDays: number }

function containsBrute(seq: Basket[], pattern: string[][], o: Limits, from = 0, prev = -1, firstDay = -1): boolean {
  if (pattern.length === 0) return (seq[prev] as Basket).day - firstDay <= o.windowDays;
  const [first, ...rest] = pattern as [string[], ...string[][]];
  for (let i = from; i < seq.length; i++) {
    if (prev >= 0) {
      const days = (seq[i] as Basket).day - (seq[prev] as Basket).day;
      if (i - prev < o.minGap || i - prev > o.maxGap || days < o.minGapDays || days > o.maxGapDays) continue;
    }
    if (first.every((x) => (seq[i] as Basket).items.includes(x)) && containsBrute(seq, rest, o, i + 1, i, prev < 0 ? (seq[i] as Basket).day : firstDay)) return true;
  }
  return false;
}

// Per customer, baskets on distinct days (a day offset from the previous basket of 1..10).
const customerArb = fc.array(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.uniqueArray(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 5 });
const dbArb = fc.array(customerArb, { minLength: 1, maxLength: 7 });

function toLog(db: Array<Array<[number, string[]]>>): { log: TransactionLog; seqs: Basket[][] } {
  const seqs = db.map((baskets) => {
    let day = 0;
    return baskets.map(([step, items]) => ({ day: (day += step), items: [...items].sort() }));
  });
  const records = seqs.flatMap((baskets, c) => baskets.flatMap((b) => b.items.map((item) => ({ customer: `c${c}`, time: b.day * DAY, item }))));
  return { log: TransactionLog.fromRecords(records, { customer: 'customer', time: 'time', item: 'item' }), seqs };
}

const keyed = (list: SequentialPattern[]) => new Map(list.map((p) => [JSON.stringify(p.sequence), p.count]));

describe('gaps in days, and limits per itemset and on itemsets, equal brute force', () => {
  for (const algorithm of ['prefixspan', 'spade', 'gsp'] as const) {
    it(algorithm, () => {
      fc.assert(fc.property(
        dbArb, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 6 }), fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        (db, minCount, minGapDays, extraDays, maxGap, maxItemsPerElement, maxElements, windowDays) => {
          const { log, seqs } = toLog(db);
          const maxGapDays = extraDays === undefined ? Infinity : minGapDays + extraDays;
          const limits: Limits = { minGap: 1, maxGap: maxGap ?? Infinity, minGapDays, maxGapDays, windowDays: windowDays ?? Infinity };
          const got = sequentialPatterns(log, {
            minCount, algorithm, maxLength: 3, minGapDays, ...(extraDays === undefined ? {} : { maxGapDays }), ...(maxGap === undefined ? {} : { maxGap }),
            ...(maxItemsPerElement === undefined ? {} : { maxItemsPerElement }), ...(maxElements === undefined ? {} : { maxElements }), ...(windowDays === undefined ? {} : { windowDays }),
          });
          const want = new Map<string, number>();
          for (const p of allPatterns(ALPHABET, 3)) {
            if (maxElements !== undefined && p.length > maxElements) continue;
            if (maxItemsPerElement !== undefined && p.some((s) => s.length > maxItemsPerElement)) continue;
            const n = seqs.filter((s) => containsBrute(s, p, limits)).length;
            if (n >= minCount) want.set(JSON.stringify(p), n);
          }
          expect(keyed(got)).toEqual(want);
        },
      ), { numRuns: algorithm === 'gsp' ? 80 : 150 });
    });
  }

  it('says that days need times, and names bad limits', () => {
    expect(() => sequentialPatterns([[['a'], ['b']]], { minCount: 1, maxGapDays: 7 })).toThrow(/minGapDays and maxGapDays need the times of the itemsets: pass a TransactionLog/);
    expect(() => sequentialPatterns([[['a']]], { minCount: 1, maxGapDays: -1 })).toThrow(/maxGapDays must be a number of days >= minGapDays/);
    expect(() => sequentialPatterns([[['a']]], { minCount: 1, maxElements: 0 })).toThrow(/maxElements must be an integer >= 1/);
    expect(() => sequentialPatterns([[['a'], ['b']]], { minCount: 1, windowDays: 7 })).toThrow(/windowDays needs the times of the itemsets/);
    expect(() => sequentialPatterns([[['a']]], { topK: 3, windowDays: 7 })).toThrow(/topK cannot be combined with windowDays/);
  });
});
