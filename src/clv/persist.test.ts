/**
 * Saving fitted customer-value models: every kind survives JSON.stringify and btydModelFromJSON
 * and predicts identically after; a declined fit still refuses; anything else is a MODEL error.
 */
import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitMbgNbd } from './bgnbd';
import { fitBgBb } from './bgbb';
import { fitGammaGamma } from './gammaGamma';
import { fitParetoNbd } from './paretoNbd';
import { btydModelFromJSON } from './persist';
import { fitSbg } from './sbg';
import { loadCdnowSummary, loadDonations } from './lifetimesData.fixture';

const rows = loadCdnowSummary();
const donations = loadDonations();
const roundTrip = <T>(model: T): T => btydModelFromJSON(JSON.parse(JSON.stringify(model))) as T;
const customers = rows.slice(0, 50);

describe('saved customer-value models', () => {
  it('BG/NBD, MBG/NBD and Pareto/NBD predict identically after a round trip', () => {
    for (const fit of [fitBgNbd(rows), fitMbgNbd(rows), fitParetoNbd(rows)]) {
      const again = roundTrip(fit);
      expect(again.params).toEqual(fit.params);
      expect(again.logLikelihood).toBe(fit.logLikelihood);
      expect(again.data).toEqual(fit.data);
      expect(again.uncertainty).toEqual(fit.uncertainty);
      for (const c of customers) {
        expect(again.expectedPurchases(52, c)).toBe(fit.expectedPurchases(52, c));
        expect(again.probabilityAlive(c)).toBe(fit.probabilityAlive(c));
        expect(again.probabilityActive(c, 10)).toBe(fit.probabilityActive(c, 10));
      }
      expect(again.probabilityOfPurchases(2, 39)).toBe(fit.probabilityOfPurchases(2, 39));
    }
  });

  it('Gamma-Gamma, sBG and BG/BB too', () => {
    const gg = fitGammaGamma(rows);
    const ggAgain = roundTrip(gg);
    for (const c of customers) expect(ggAgain.expectedSpend(c)).toBe(gg.expectedSpend(c));
    const sbg = fitSbg([1000, 631, 468, 382, 326, 289, 262, 241]);
    const sbgAgain = roundTrip(sbg);
    expect(sbgAgain.derl(0.1, 3)).toBe(sbg.derl(0.1, 3));
    expect(sbgAgain.survival(10)).toBe(sbg.survival(10));
    const bb = fitBgBb(donations);
    const bbAgain = roundTrip(bb);
    for (const c of donations) expect(bbAgain.expectedTransactions(5, c)).toBe(bb.expectedTransactions(5, c));
  });

  it('a declined fit is saved with its reason and still refuses', () => {
    const declined = fitGammaGamma([{ frequency: 0, monetary: 0 }]);
    const again = roundTrip(declined);
    expect(again.status).toBe('declined');
    expect(() => again.expectedSpend({ frequency: 1, monetary: 3 })).toThrow(/not computed: Gamma-Gamma declined/);
  });

  it('anything else is a MODEL error naming what was expected', () => {
    for (const bad of [null, [], { kind: 'bg-nbd', version: 2 }, { kind: 'cart-classifier', version: 1 }, { kind: 'bg-nbd', version: 1, status: 'ok', params: { r: 1, alpha: 'x', a: 1, b: 1 } }]) {
      expect(() => btydModelFromJSON(bad)).toThrow(expect.objectContaining({ code: 'MODEL' }));
    }
  });
});
