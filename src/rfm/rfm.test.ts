import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TransactionLog } from '../core/TransactionLog';
import { rfm } from './rfm';
import { scoreValues } from './scoring';
import { RFM_SEGMENTS, RF_SEGMENTS, segmentOf } from './segments';
import { rfmSummary } from './summary';

describe('scoreValues', () => {
  const valuesArb = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 });
  it.each(['quantile', 'rank'] as const)('%s: scores in 1..bins, equal values equal scores, better values never score lower', (scoring) => {
    fc.assert(fc.property(valuesArb, fc.integer({ min: 2, max: 9 }), fc.boolean(), (values, bins, higherIsBetter) => {
      const s = scoreValues(values, bins, scoring, higherIsBetter);
      values.forEach((v, i) => {
        expect(s[i]).toBeGreaterThanOrEqual(1);
        expect(s[i]).toBeLessThanOrEqual(bins);
        values.forEach((w, j) => {
          if (v === w) expect(s[i]).toBe(s[j]);
          if (higherIsBetter ? v > w : v < w) expect(s[i]).toBeGreaterThanOrEqual(s[j] as number);
        });
      });
    }));
  });

  it('quantile: distinct values fill the bins equally', () => {
    const values = Array.from({ length: 100 }, (_, i) => i);
    const s = scoreValues(values, 5, 'quantile', true);
    for (let b = 1; b <= 5; b++) expect(s.filter((x) => x === b)).toHaveLength(20);
    expect(scoreValues([1, 2, 3, 4, 5], 5, 'quantile', false)).toEqual([5, 4, 3, 2, 1]);
  });

  it('quantile ties take the share below them; rank spreads distinct values', () => {
    // Six one-time buyers, two with 2 baskets, two with 9: quantile gives 1, 4 (6/10 below), 5 (8/10).
    const values = [1, 1, 1, 1, 1, 1, 2, 2, 9, 9];
    expect(scoreValues(values, 5, 'quantile', true)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    expect(scoreValues(values, 5, 'rank', true)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 4, 4]);
  });

  it('explicit breaks', () => {
    expect(scoreValues([0, 2, 4, 5, 10], 3, { breaks: {} }, true, [2, 5])).toEqual([1, 2, 2, 3, 3]);
    expect(scoreValues([1, 30, 31, 90, 400], 3, { breaks: {} }, false, [30, 90])).toEqual([3, 3, 2, 2, 1]);
    expect(() => scoreValues([1], 3, { breaks: {} }, true, [5, 2])).toThrow(/ascending/);
  });
});

describe('segments', () => {
  // The R package rfm's table (rfm_segment documentation): lower and upper score per segment.
  const R_TABLE = {
    names: ['Champions', 'Loyal Customers', 'Potential Loyalist', 'New Customers', 'Promising', 'Need Attention', 'About To Sleep', 'At Risk', "Can't Lose Them", 'Lost'],
    rl: [4, 2, 3, 4, 3, 2, 2, 1, 1, 1], ru: [5, 5, 5, 5, 4, 3, 3, 2, 1, 2],
    fl: [4, 3, 1, 1, 1, 2, 1, 2, 4, 1], fu: [5, 5, 3, 1, 1, 3, 2, 5, 5, 2],
    ml: [4, 3, 1, 1, 1, 2, 1, 2, 4, 1], mu: [5, 5, 3, 1, 1, 3, 2, 5, 5, 2],
  };

  it('uses the R package rfm’s score ranges for its ten segments, plus Hibernating', () => {
    R_TABLE.names.forEach((name, i) => {
      const rule = RFM_SEGMENTS.find((s) => s.name === name);
      expect(rule, name).toEqual({ name, r: [R_TABLE.rl[i], R_TABLE.ru[i]], f: [R_TABLE.fl[i], R_TABLE.fu[i]], m: [R_TABLE.ml[i], R_TABLE.mu[i]] });
    });
    expect(RFM_SEGMENTS.map((s) => s.name)).toContain('Hibernating');
    expect(new Set(RFM_SEGMENTS.map((s) => s.name)).size).toBe(11);
  });

  it('reaches every one of the 11 segments, and names each score by a rule that contains it', () => {
    const reached = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) {
      const name = segmentOf(r, f, m, RFM_SEGMENTS);
      reached.add(name);
      const rule = RFM_SEGMENTS.find((s) => s.name === name);
      if (rule === undefined) continue; // 'Others'
      for (const [score, range] of [[r, rule.r], [f, rule.f], [m, rule.m]] as const) if (range !== undefined) expect(score >= range[0] && score <= range[1]).toBe(true);
    }
    for (const s of RFM_SEGMENTS) expect(reached.has(s.name), s.name).toBe(true);
    expect(segmentOf(5, 5, 5, RFM_SEGMENTS)).toBe('Champions');
    expect(segmentOf(5, 1, 1, RFM_SEGMENTS)).toBe('New Customers');
    expect(segmentOf(1, 5, 5, RFM_SEGMENTS)).toBe("Can't Lose Them");
    expect(segmentOf(1, 1, 1, RFM_SEGMENTS)).toBe('Lost');
  });

  it('the recency × frequency map covers every cell with its 10 segments', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) seen.add(segmentOf(r, f, 1, RF_SEGMENTS));
    expect(seen.has('Others')).toBe(false);
    expect(seen.size).toBe(10);
    expect(segmentOf(5, 5, 1, RF_SEGMENTS)).toBe('Champions');
    expect(segmentOf(1, 5, 1, RF_SEGMENTS)).toBe("Can't Lose Them");
  });
});

describe('rfm', () => {
  const log = TransactionLog.fromRecords([
    { c: 'ann', t: '2025-01-01T10:00Z', v: 10 },
    { c: 'ann', t: '2025-03-01T10:00Z', v: 30 },
    { c: 'ann', t: '2025-03-01T12:00Z', v: 5 },
    { c: 'bob', t: '2025-02-15T09:00Z', v: 100 },
    { c: 'cy', t: '2024-11-30T23:00Z', v: 1 },
    { c: 'cy', t: '2025-04-01T00:00Z', v: 50 }, // after asOf
  ], { customer: 'c', time: 't', amount: 'v' });

  it('measures recency in whole days to asOf, baskets and spend, ignoring later purchases', () => {
    const rows = rfm(log, { asOf: '2025-03-02', bins: 3, segments: RF_SEGMENTS });
    expect(rows.map(({ customer, recency, frequency, monetary }) => ({ customer, recency, frequency, monetary }))).toEqual([
      { customer: 'ann', recency: 1, frequency: 3, monetary: 45 },
      { customer: 'bob', recency: 15, frequency: 1, monetary: 100 },
      { customer: 'cy', recency: 92, frequency: 1, monetary: 1 },
    ]);
    expect(rows.map((r) => r.score)).toEqual(['332', '213', '111']);
    expect(rfm(log, { asOf: '2025-03-02', monetary: 'mean', bins: 3, segments: RF_SEGMENTS })[0]?.monetary).toBe(15);
  });

  it('defaults asOf to the day after the last basket and names standard segments', () => {
    const rows = rfm(log);
    expect(rows.find((r) => r.customer === 'cy')?.recency).toBe(1);
    for (const r of rows) expect(r.segment).toBe(segmentOf(r.r, r.f, r.m, RFM_SEGMENTS));
  });

  it('scores pre-computed rows and summarises segments', () => {
    const rows = rfm(Array.from({ length: 50 }, (_, i) => ({ customer: `c${i}`, recency: i, frequency: 50 - i, monetary: (i * 37) % 50 })));
    const summary = rfmSummary(rows);
    expect(summary.reduce((s, x) => s + x.customers, 0)).toBe(50);
    expect(summary.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
    expect(summary.reduce((s, x) => s + x.revenueShare, 0)).toBeCloseTo(1, 12);
    for (const line of summary) {
      const members = rows.filter((r) => r.segment === line.segment);
      expect(line.customers).toBe(members.length);
      expect(line.frequency).toBeCloseTo(members.reduce((s, r) => s + r.frequency, 0) / members.length, 12);
      expect(line.revenue).toBeCloseTo(members.reduce((s, r) => s + r.monetary, 0), 9);
    }
    expect(summary.length).toBeGreaterThan(2);
  });

  it('rejects bad options and input', () => {
    expect(() => rfm(log, { bins: 4 })).toThrow(/for 5 bins/);
    expect(() => rfm(log, { bins: 1 })).toThrow(expect.objectContaining({ code: 'OPTION' }));
    expect(() => rfm(log, { asOf: 'later' })).toThrow(expect.objectContaining({ code: 'OPTION' }));
    const noAmounts = TransactionLog.fromRecords([{ c: 'a', t: 0 }], { customer: 'c', time: 't' });
    expect(() => rfm(noAmounts)).toThrow(/amount/);
    expect(() => rfm([{ customer: 'a', recency: NaN, frequency: 1, monetary: 1 }])).toThrow(expect.objectContaining({ code: 'DATA', row: 1, field: 'recency' }));
  });
});
