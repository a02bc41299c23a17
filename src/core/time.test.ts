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

  it('round-trips every Date through its ISO string, years 0000 to 9999 as written', () => {
    fc.assert(fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => toEpochMs(new Date(ms).toISOString()) === ms));
    for (const ms of [-62_167_219_200_000, 253_402_300_799_999]) expect(toEpochMs(new Date(ms).toISOString())).toBe(ms);
  });

  it('reads years 0000-0099 as written, not as 1900-1999', () => {
    const year50 = new Date(Date.UTC(2000, 2, 1));
    year50.setUTCFullYear(50);
    expect(toEpochMs('0050-03-01')).toBe(year50.getTime());
    expect(new Date(toEpochMs('0050-03-01T10:00:00Z')).getUTCFullYear()).toBe(50);
    expect(new Date(toEpochMs('0001-01-01')).toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(new Date(toEpochMs('00991231')).getUTCFullYear()).toBe(99);
  });

  it('rejects epoch milliseconds a Date cannot hold', () => {
    expect(toEpochMs(1e20)).toBeNaN();
    expect(toEpochMs(-8.64e15 - 1)).toBeNaN();
    expect(toEpochMs(8.64e15)).toBe(8.64e15);
  });

  it('finds the start of the UTC day', () => {
    expect(startOfUtcDay(Date.UTC(2025, 0, 2, 23, 59))).toBe(Date.UTC(2025, 0, 2));
  });
});
