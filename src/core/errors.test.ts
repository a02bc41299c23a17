import { describe, expect, it } from 'vitest';
import { AbortError, CrmMiningError, DataError, LimitError, OptionError, isCrmMiningError } from './errors';
import { progressTicker, throwIfAborted } from './run';

describe('errors', () => {
  it('carry stable codes, names and locations', () => {
    const e = new DataError('expected a date', { row: 3, line: 4, field: 'placedAt', value: 'soon' });
    expect(e.message).toBe("row 3 (line 4), field 'placedAt': expected a date, got 'soon'");
    expect(e).toMatchObject({ code: 'DATA', name: 'DataError', row: 3, line: 4, field: 'placedAt' });
    expect(new OptionError('x').code).toBe('OPTION');
    expect(new LimitError('x').code).toBe('LIMIT');
    expect(new AbortError().code).toBe('ABORTED');
    expect(new CrmMiningError('MODEL', 'x')).toBeInstanceOf(Error);
  });

  it('are recognised by code, not by class identity', () => {
    expect(isCrmMiningError(new OptionError('x'))).toBe(true);
    expect(isCrmMiningError(Object.assign(new Error('from the other build'), { code: 'DATA' }))).toBe(true);
    expect(isCrmMiningError(Object.assign(new Error('fs'), { code: 'ENOENT' }))).toBe(false);
    expect(isCrmMiningError('DATA')).toBe(false);
  });
});

describe('run options', () => {
  it('throw an AbortError carrying the reason', () => {
    const c = new AbortController();
    throwIfAborted(c.signal);
    c.abort(new Error('user left'));
    expect(() => throwIfAborted(c.signal)).toThrow(/aborted: user left/);
  });

  it('report progress every n units', () => {
    const seen: number[] = [];
    const tick = progressTicker({ onProgress: (p) => seen.push(p.done) }, 'x', 10);
    for (let i = 1; i <= 35; i++) tick(i);
    expect(seen).toEqual([10, 20, 30]);
  });
});
