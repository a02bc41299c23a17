/**
 * Sequential pattern counts on real SPMF-format data (../shared/data, provenance in its README).
 * Expected counts are those found by SPMF PrefixSpan, SPMF CM-SPAM and Zaki's cSPADE on the same
 * files (issue #4's reference table); our algorithms must reproduce them and agree exactly.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSpmfSequences, sequentialPatterns } from '../../src/index';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const load = (file: string) => parseSpmfSequences(readFileSync(`${DATA}${file}`, 'utf8'));
const describeData = existsSync(DATA) ? describe : describe.skip;

describeData('published sequential pattern counts', () => {
  it.each([
    ['SIGN.txt', 0.2, 9_718, ['prefixspan', 'spade']],
    ['BMS1_seq_derived.txt', 0.001, 3_991, ['prefixspan', 'spade']],
    ['LEVIATHAN.txt', 0.02, 33_387, ['prefixspan']],
  ] as const)('%s @ %s: %i patterns', (file, minSupport, expected, algorithms) => {
    const db = load(file);
    const results = algorithms.map((algorithm) => sequentialPatterns(db, { minSupport, algorithm }));
    for (const r of results) expect(r).toHaveLength(expected);
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
  });

  it('matches the dataset descriptions in shared/data/README.md', () => {
    expect(load('SIGN.txt')).toHaveLength(730);
    expect(load('LEVIATHAN.txt')).toHaveLength(5_834);
    expect(load('BMS1_seq_derived.txt')).toHaveLength(59_601);
  });

  it('stops the BMS1 @ 0.0005 explosion early and says why', () => {
    const db = load('BMS1_seq_derived.txt');
    const started = Date.now();
    expect(() => sequentialPatterns(db, { minSupport: 0.0005, maxPatterns: 100_000 })).toThrow(/more than 100,000 sequential patterns.*raise minSupport, set maxLength/);
    expect(Date.now() - started).toBeLessThan(30_000);
    // Bounded by maxLength instead, the same support finishes.
    const short = sequentialPatterns(db, { minSupport: 0.0005, maxLength: 2 });
    expect(short.length).toBeGreaterThan(0);
    expect(Math.max(...short.map((p) => p.sequence.flat().length))).toBeLessThanOrEqual(2);
  });
});
