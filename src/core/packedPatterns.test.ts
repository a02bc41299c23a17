/**
 * Packed itemsets and patterns (what a worker sends back) rebuild into exactly the objects the
 * functions return. Oracle: `frequentItemsets` and `sequentialPatterns` themselves.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { frequentItemsets, frequentItemsetsPacked } from '../association/frequentItemsets';
import { sequentialPatterns, sequentialPatternsPacked } from '../sequence/sequentialPatterns';
import { unpackPatterns } from './packedPatterns';

const names = fc.constantFrom('milk', 'bread', 'beer', 'eggs', 'jam', 'tea');

describe('packed itemsets and patterns unpack into the functions’ own objects', () => {
  it('itemsets and sequential patterns, any data and support (fast-check)', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.uniqueArray(names, { maxLength: 5 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 5 }), async (baskets, minCount) => {
      expect(await unpackPatterns(frequentItemsetsPacked(baskets, { minCount }))).toEqual(frequentItemsets(baskets, { minCount }));
      const sequences = baskets.map((b) => b.map((item) => [item]));
      expect(await unpackPatterns(sequentialPatternsPacked(sequences, { minCount, maxLength: 3 }))).toEqual(sequentialPatterns(sequences, { minCount, maxLength: 3 }));
    }), { numRuns: 60 });
  });

  it('rebuilds a long list in slices: a timer fires between them, and an abort then stops it', async () => {
    const baskets = Array.from({ length: 300 }, (_, i) => Array.from({ length: 18 }, (_, j) => `i${j}`).filter((_, j) => (i * 7 + j * 3) % 11 !== 0));
    const packed = frequentItemsetsPacked(baskets, { minSupport: 0.3, maxPatterns: Infinity });
    expect(packed.counts.length).toBeGreaterThan(100_000);
    expect(await unpackPatterns(packed)).toEqual(frequentItemsets(baskets, { minSupport: 0.3, maxPatterns: Infinity }));
    // The abort fires on a timer, so it can only land if the rebuild gives the event loop a turn.
    const c = new AbortController();
    setTimeout(() => c.abort(), 0);
    await expect(unpackPatterns(packed, c.signal)).rejects.toEqual(expect.objectContaining({ code: 'ABORTED' }));
  });
});
