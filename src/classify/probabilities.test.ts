import { describe, expect, it } from 'vitest';
import { mostProbable, softmax } from './probabilities';

describe('softmax and mostProbable', () => {
  it('normalise log-scale scores without overflow and pick the top class', () => {
    const p = softmax([0, Math.log(3)]);
    expect(p[0]).toBeCloseTo(0.25, 12);
    expect(p[1]).toBeCloseTo(0.75, 12);
    expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
    expect(mostProbable(['a', 'b'], [[0.2, 0.8], [0.9, 0.1]])).toEqual(['b', 'a']);
  });
});
