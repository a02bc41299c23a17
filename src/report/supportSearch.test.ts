import { describe, expect, it } from 'vitest';
import { LimitError } from '../core/errors';
import { searchSupport } from './supportSearch';

// A stand-in miner: the number of "patterns" grows as support falls.
const mine = (s: number) => Math.round(1 / s);

describe('searchSupport', () => {
  it('halves until the result is enough', () => {
    expect(searchSupport(1000, 0.4, 1, mine, (n) => n >= 20)).toEqual({ result: 20, minSupport: 0.05, stoppedBy: 'enough' });
    expect(searchSupport(1000, 0.4, 1, mine, () => true)).toEqual({ result: 3, minSupport: 0.4, stoppedBy: 'enough' });
  });

  it('stops before support falls under the least count', () => {
    // 100 records, at least 5: 0.4, 0.2, 0.1, 0.05 allowed; 0.025 would be 2.5 records.
    expect(searchSupport(100, 0.4, 5, mine, () => false)).toEqual({ result: 20, minSupport: 0.05, stoppedBy: 'floor' });
  });

  it('keeps the last result when the next step is over the limit, and rethrows other errors', () => {
    const limited = (s: number) => {
      if (s < 0.1) throw new LimitError('too many');
      return mine(s);
    };
    expect(searchSupport(1000, 0.4, 1, limited, () => false)).toEqual({ result: 10, minSupport: 0.1, stoppedBy: 'limit' });
    expect(() => searchSupport(1000, 0.4, 1, () => { throw new Error('boom'); }, () => false)).toThrow('boom');
  });
});
