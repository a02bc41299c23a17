/**
 * Sequential pattern counts on real SPMF-format data without stated terms (../shared/data,
 * provenance in its README), which stays out of the repository. Expected counts are those found
 * by SPMF PrefixSpan, SPMF CM-SPAM and Zaki's cSPADE on the same files (issue #4's reference
 * table); our algorithms must reproduce them and agree exactly. A missing file skips its case
 * with one line naming it (`npm run bench:published`).
 */
import { describe, expect, it } from 'vitest';
import { sequentialPatterns } from '../../src/index';
import { hasDataset, sequenceDataset } from '../datasets';

describe('published sequential pattern counts', () => {
  it.each([
    ['SIGN', 0.2, 9_718, ['prefixspan', 'spade']],
    ['BMS1_seq_derived', 0.001, 3_991, ['prefixspan', 'spade']],
    ['LEVIATHAN', 0.02, 33_387, ['prefixspan']],
  ] as const)('%s @ %s: %i patterns', (name, minSupport, expected, algorithms) => {
    if (!hasDataset(`${name}.txt`)) return;
    const db = sequenceDataset(name);
    const results = algorithms.map((algorithm) => sequentialPatterns(db, { minSupport, algorithm }));
    for (const r of results) expect(r).toHaveLength(expected);
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
  });

  it.each([['SIGN', 730], ['LEVIATHAN', 5_834], ['BMS1_seq_derived', 59_601]] as const)('%s has the %i sequences shared/data/README.md gives', (name, count) => {
    if (hasDataset(`${name}.txt`)) expect(sequenceDataset(name)).toHaveLength(count);
  });

  it('stops the BMS1 @ 0.0005 explosion early and says why', () => {
    if (!hasDataset('BMS1_seq_derived.txt')) return;
    const db = sequenceDataset('BMS1_seq_derived');
    expect(() => sequentialPatterns(db, { minSupport: 0.0005, maxPatterns: 100_000 })).toThrow(/more than 100,000 sequential patterns.*raise minSupport, set maxLength/);
    // Bounded by maxLength instead, the same support finishes.
    const short = sequentialPatterns(db, { minSupport: 0.0005, maxLength: 2 });
    expect(short.length).toBeGreaterThan(0);
    expect(Math.max(...short.map((p) => p.sequence.flat().length))).toBeLessThanOrEqual(2);
  });
});
