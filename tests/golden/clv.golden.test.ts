/**
 * CDNOW (examples/data/lifetimes; Fader & Hardie's 1/10 sample of CDNOW customers, via the
 * lifetimes package, MIT). Oracles: the published calibration summary of the sample, and the
 * published maximum-likelihood estimates: BG/NBD r = 0.243, alpha = 4.414, a = 0.793,
 * b = 2.426, LL = −9582.4 (Fader, Hardie & Lee 2005, Marketing Science 24(2), weeks);
 * Gamma-Gamma on the 946 repeat buyers p = 6.25, q = 3.74, gamma = 15.44 (Fader, Hardie & Lee
 * 2005, JMR 42(4)); Pareto/NBD r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669,
 * LL = −9595.0 (Fader, Hardie & Lee 2005, "Counting your customers" the easy way, table 1;
 * the likelihood is flat in beta, so beta to 2 decimals).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TransactionLog, clv, customerSummary, fitBgNbd, fitGammaGamma, fitParetoNbd } from '../../src/index';

const DIR = fileURLToPath(new URL('../../examples/data/lifetimes/', import.meta.url));

const published = () => readFileSync(`${DIR}cdnow_customers_summary_with_transactions.csv`, 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(',').map(Number))
  .map(([id, x, tx, T, zbar]) => ({ customer: String(id), frequency: x as number, recency: tx as number, T: T as number, monetary: zbar as number }));

describe('CDNOW', () => {
  it('builds the published calibration summary from the raw transactions', () => {
    // CDNOW_sample.txt: master id, sample id (the summary's ID), YYYYMMDD, CDs, dollars.
    const records = readFileSync(`${DIR}CDNOW_sample.txt`, 'utf8').trim().split('\n').map((line) => {
      const [, id, date, , dollars] = line.trim().split(/\s+/);
      return { id: String(Number(id)), date, dollars };
    });
    const log = TransactionLog.fromRecords(records, { customer: 'id', time: 'date', amount: 'dollars' });
    expect(log.rowCount).toBe(6919);
    const ours = new Map(customerSummary(log, { asOf: '1997-09-30', unit: 'week' }).map((r) => [r.customer, r]));
    const theirs = published();
    expect(ours.size).toBe(2357);
    expect(theirs).toHaveLength(2357);
    for (const p of theirs) {
      const o = ours.get(p.customer);
      expect(o?.frequency, `customer ${p.customer}`).toBe(p.frequency);
      expect(Math.abs((o?.recency ?? NaN) - p.recency)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((o?.T ?? NaN) - p.T)).toBeLessThanOrEqual(0.005 + 1e-9);
      if (p.frequency > 0) expect(Math.abs((o?.monetary ?? NaN) - p.monetary)).toBeLessThanOrEqual(0.005 + 1e-9);
    }
  });

  it('fits BG/NBD to the published estimates', () => {
    const fit = fitBgNbd(published());
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 2);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('fits Pareto/NBD to the published estimates, and values customers with it', () => {
    const rows = published();
    const fit = fitParetoNbd(rows);
    expect(fit.status).toBe('ok');
    expect(fit.params.r).toBeCloseTo(0.553, 3);
    expect(fit.params.alpha).toBeCloseTo(10.578, 3);
    expect(fit.params.s).toBeCloseTo(0.606, 3);
    expect(fit.params.beta).toBeCloseTo(11.67, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9595.0, 1);
    // Any purchase model drives clv(): finite, non-negative values for every customer.
    const values = clv(fit, fitGammaGamma(rows), rows, { horizon: 52, period: 4, discountRate: 0.01 });
    expect(values).toHaveLength(rows.length);
    for (const v of values) expect(v.clv >= 0 && Number.isFinite(v.clv)).toBe(true);
  });

  it('fits Gamma-Gamma on the 946 repeat buyers to the published estimates', () => {
    const rows = published();
    expect(rows.filter((r) => r.frequency > 0)).toHaveLength(946);
    const fit = fitGammaGamma(rows);
    expect(fit.params.p).toBeCloseTo(6.25, 1);
    expect(fit.params.q).toBeCloseTo(3.74, 1);
    expect(fit.params.gamma).toBeCloseTo(15.44, 1);
  });
});
