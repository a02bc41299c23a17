import { describe, expect, it } from 'vitest';
import { loyaltyQuadrants } from './quadrants';

describe('loyaltyQuadrants', () => {
  const rows = [
    { customer: 'friend', profitability: 900, duration: 40 },
    { customer: 'butterfly', profitability: 800, duration: 3 },
    { customer: 'barnacle', profitability: 20, duration: 50 },
    { customer: 'stranger', profitability: 10, duration: 2 },
  ];

  it('splits at the medians by default (at the threshold counts as high)', () => {
    expect(loyaltyQuadrants(rows).map((r) => r.quadrant)).toEqual(['True Friends', 'Butterflies', 'Barnacles', 'Strangers']);
  });

  it('uses given thresholds', () => {
    const q = loyaltyQuadrants(rows, { profitabilityThreshold: 900, durationThreshold: 2 });
    expect(q.map((r) => r.quadrant)).toEqual(['True Friends', 'Barnacles', 'Barnacles', 'Barnacles']);
  });

  it('names a row with a bad value', () => {
    expect(() => loyaltyQuadrants([{ customer: 'x', profitability: NaN, duration: 1 }])).toThrow(expect.objectContaining({ code: 'DATA', row: 1, field: 'profitability' }));
  });
});
