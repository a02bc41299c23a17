import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { datePattern } from './datePattern';
import { TransactionLog } from './TransactionLog';

describe('datePattern', () => {
  it('reads the patterns analysts meet, as UTC', () => {
    expect(datePattern('YYYYMMDD')('19970101')).toBe(Date.UTC(1997, 0, 1));
    expect(datePattern('DD/MM/YYYY HH:mm')('01/12/2010 08:26')).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(datePattern('M/D/YYYY H:mm')('12/1/2010 8:26')).toBe(Date.UTC(2010, 11, 1, 8, 26));
    expect(datePattern('DD.MM.YYYY')(' 31.12.2024 ')).toBe(Date.UTC(2024, 11, 31));
  });

  it('refuses what does not fit: other separators, trailing text, impossible dates', () => {
    const p = datePattern('DD/MM/YYYY');
    for (const bad of ['2010-12-01', '01/12/2010 8:26', '31/04/2024', '29/02/2023', '1/12/2010', '00/12/2010', '']) expect(p(bad), bad).toBeNaN();
    expect(() => datePattern('HH:mm')).toThrow(/has no year/);
  });

  it('round-trips every date written in the pattern (oracle: Date.UTC)', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (y, mo, d, h, mi) => {
      const expected = new Date(Date.UTC(2000, mo - 1, d, h, mi));
      expected.setUTCFullYear(y, mo - 1, d);
      expect(datePattern('DD/MM/YYYY HH:mm')(`${two(d)}/${two(mo)}/${String(y).padStart(4, '0')} ${two(h)}:${two(mi)}`)).toBe(expected.getTime());
    }), { seed: 2 });
  });

  it('is the loader option dateFormat: a time that contradicts it is a DataError naming the format', () => {
    const csv = 'c,t\nx,31/12/2024\ny,01/02/2024\n';
    const log = TransactionLog.fromCSV(csv, { customer: 'c', time: 't', dateFormat: 'DD/MM/YYYY' });
    expect(log.summary().to.toISOString()).toBe('2024-12-31T00:00:00.000Z');
    expect(() => TransactionLog.fromCSV(csv, { customer: 'c', time: 't', dateFormat: 'MM/DD/YYYY' })).toThrow(expect.objectContaining({ code: 'DATA', row: 1, field: 't', message: expect.stringMatching(/expected a time written as MM\/DD\/YYYY \(dateFormat\)/) }));
  });
});
