import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dwyerClv, retentionClv } from './formulas';
import { migrationClv } from './migration';

describe('dwyerClv', () => {
  it('discounts each period by hand-computed factors', () => {
    expect(dwyerClv({ margins: [100, 100], discountRate: 0.1 })).toBeCloseTo(100 / 1.1 + 100 / 1.21, 10);
    expect(dwyerClv({ margins: [100, 100], discountRate: 0.1, timing: 'start' })).toBeCloseTo(100 + 100 / 1.1, 10);
    expect(dwyerClv({ margins: [50, 60, 70], costs: [10, 10], discountRate: 0.2 })).toBeCloseTo(40 / 1.2 + 50 / 1.44 + 70 / 1.728, 10);
    expect(dwyerClv({ margins: [], discountRate: 0.1 })).toBe(0);
  });

  it('rejects bad inputs', () => {
    expect(() => dwyerClv({ margins: [1], discountRate: -1 })).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(() => dwyerClv({ margins: [1], costs: [1, 2], discountRate: 0.1 })).toThrow(/costs has 2 periods/);
    expect(() => dwyerClv({ margins: [NaN], discountRate: 0.1 })).toThrow(/finite/);
    expect(() => dwyerClv({ margins: [1], discountRate: 0.1, timing: 'middle' as 'end' })).toThrow(/timing/);
  });
});

describe('retentionClv', () => {
  it('equals the Dwyer formula over the expected margins (margin − cost)·r^t', () => {
    fc.assert(fc.property(
      fc.double({ min: -50, max: 500, noNaN: true }), fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.5, noNaN: true }),
      fc.integer({ min: 0, max: 40 }), fc.constantFrom('end' as const, 'start' as const),
      (margin, retention, discountRate, periods, timing) => {
        const margins = Array.from({ length: periods }, (_, t) => (margin - 5) * retention ** t);
        const expected = dwyerClv({ margins, discountRate, timing });
        expect(retentionClv({ margin, cost: 5, retention, discountRate, periods, timing })).toBeCloseTo(expected, 6);
      },
    ));
  });

  it('has the closed form for an infinite horizon: m(1+d)/(1+d−r) at the start, m/(1+d−r) at the end', () => {
    expect(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: Infinity })).toBeCloseTo(100 / 0.3, 10);
    expect(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: Infinity, timing: 'start' })).toBeCloseTo(110 / 0.3, 10);
    // a long finite horizon converges to it
    expect(retentionClv({ margin: 100, retention: 0.8, discountRate: 0.1, periods: 500 })).toBeCloseTo(100 / 0.3, 8);
  });

  it('rejects retention 1 forever and other bad inputs', () => {
    expect(() => retentionClv({ margin: 1, retention: 1, discountRate: 0.1, periods: Infinity })).toThrow(/retention/);
    expect(() => retentionClv({ margin: 1, retention: 0.5, discountRate: 0.1, periods: 2.5 })).toThrow(/periods/);
  });
});

describe('migrationClv', () => {
  const p = [0.3, 0.2, 0.15, 0.05];
  const input = { purchaseProbabilities: p, margin: 40, contactCost: 4, discountRate: 0.2 };

  it('solves V = R + P V / (1 + d) (checked by substitution)', () => {
    const { valueByState: V } = migrationClv(input);
    const R = p.map((x) => x * 40 - 4);
    const next = (i: number) => (i + 1 < p.length ? (V[i + 1] as number) : 0);
    V.forEach((v, i) => {
      const expected = (R[i] as number) + ((p[i] as number) * (V[0] as number) + (1 - (p[i] as number)) * next(i)) / 1.2;
      expect(v).toBeCloseTo(expected, 9);
    });
  });

  it('finite horizons sum the discounted expected cash and converge to the infinite value', () => {
    const one = migrationClv({ ...input, periods: 1 }).valueByState;
    expect(one).toEqual(p.map((x) => x * 40 - 4).map((v) => expect.closeTo(v, 12)));
    const two = migrationClv({ ...input, periods: 2 }).valueByState;
    // state 1: R1 + (p1·R1 + (1 − p1)·R2)/1.2
    expect(two[0]).toBeCloseTo(8 + (0.3 * 8 + 0.7 * 4) / 1.2, 12);
    const long = migrationClv({ ...input, periods: 400 }).valueByState;
    migrationClv(input).valueByState.forEach((v, i) => expect(long[i]).toBeCloseTo(v, 8));
  });

  it('matches a simulation of the chain', () => {
    const { expectedBuyers } = migrationClv(input);
    const expected = expectedBuyers(1, 6);
    expect(expected[0]).toBeCloseTo(0.3, 12);
    expect(expected[1]).toBeCloseTo(0.3 * 0.3 + 0.7 * 0.2, 12);
    // brute force: enumerate every path of 6 periods with its probability
    const paths = (state: number, t: number, prob: number, buys: number[]) => {
      if (t === 6 || state > p.length) return;
      const pi = p[state - 1] as number;
      buys[t] = (buys[t] as number) + prob * pi;
      paths(1, t + 1, prob * pi, buys);
      paths(state + 1, t + 1, prob * (1 - pi), buys);
    };
    const buys = new Array(6).fill(0);
    paths(1, 0, 1, buys);
    buys.forEach((b, t) => expect(expected[t]).toBeCloseTo(b, 12));
  });

  it('rejects probabilities outside [0, 1] and an undiscounted infinite horizon', () => {
    expect(() => migrationClv({ ...input, purchaseProbabilities: [1.2] })).toThrow(/\[0, 1\]/);
    expect(() => migrationClv({ ...input, discountRate: 0 })).toThrow(/positive discountRate/);
    expect(() => migrationClv({ ...input, purchaseProbabilities: [] })).toThrow(/at least one/);
  });
});
