import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startOfUtcDay, toEpochMs } from './time';

describe('toEpochMs', () => {
  it('reads ISO-8601 dates and times as UTC unless an offset is given', () => {
    expect(toEpochMs('2025-06-30')).toBe(Date.UTC(2025, 5, 30));
    expect(toEpochMs('2025-06-30T12:00Z')).toBe(Date.UTC(2025, 5, 30, 12));
    expect(toEpochMs('2025-06-30 12:34:56')).toBe(Date.UTC(2025, 5, 30, 12, 34, 56));
    expect(toEpochMs('2025-06-30T12:34:56.789Z')).toBe(Date.UTC(2025, 5, 30, 12, 34, 56, 789));
    expect(toEpochMs('2025-06-30T12:00+02:00')).toBe(Date.UTC(2025, 5, 30, 10));
    expect(toEpochMs('2025-06-30T12:00-0530')).toBe(Date.UTC(2025, 5, 30, 17, 30));
    expect(toEpochMs('19970101')).toBe(Date.UTC(1997, 0, 1));
  });

  it('accepts Dates and finite epoch milliseconds', () => {
    expect(toEpochMs(new Date(5))).toBe(5);
    expect(toEpochMs(1_700_000_000_000)).toBe(1_700_000_000_000);
  });

  it.each([
    ['30/06/2025'], ['2025-02-30'], ['2025-13-01'], ['2025-06-30T25:00'], ['yesterday'], [''], ['2025-6-3'],
    [NaN], [Infinity], [null], [undefined], [{}], [new Date('nope')], [true],
  ])('rejects %s with NaN', (value) => {
    expect(toEpochMs(value)).toBeNaN();
  });

  it('round-trips every Date through its ISO string', () => {
    fc.assert(fc.property(fc.integer({ min: -2e12, max: 4e12 }), (ms) => toEpochMs(new Date(ms).toISOString()) === ms));
  });

  it('finds the start of the UTC day', () => {
    expect(startOfUtcDay(Date.UTC(2025, 0, 2, 23, 59))).toBe(Date.UTC(2025, 0, 2));
  });
});
