import { describe, expect, it } from 'vitest';
import { compile } from 'vega-lite';
import { syntheticLog } from '../core/synthetic';
import { associationRules } from '../association/index';
import { sequentialPatterns } from '../sequence/index';
import { loyaltyMatrix, rfm, rfmSummary, valueTiers } from '../rfm/index';
import { calibrationHoldout, clv, conditionalExpectations, customerSummary, fitBgNbd, fitGammaGamma, trackingCurve } from '../clv/index';
import { gainsCurve } from '../classify/index';
import { segmentCustomers } from '../cluster/index';
import { charts, type VegaLiteSpec } from './charts';

const { log } = syntheticLog({ customers: 400, seed: 3 });

/** Vega-Lite compiles the spec to Vega without warnings, and the data has the expected rows. */
function check(spec: VegaLiteSpec, rows: number): void {
  const warnings: string[] = [];
  const logger = { level: () => logger, error: (...m: unknown[]) => { warnings.push(m.join(' ')); return logger; }, warn: (...m: unknown[]) => { warnings.push(m.join(' ')); return logger; }, info: () => logger, debug: () => logger };
  const vega = compile(spec as never, { logger: logger as never }).spec;
  expect(warnings).toEqual([]);
  expect(vega.marks?.length).toBeGreaterThan(0);
  expect(((spec.data as { values: unknown[] }).values).length).toBe(rows);
}

describe('charts: valid Vega-Lite for every result kind', () => {
  it('compiles each spec without warnings, with one datum per result row', () => {
    const summary = rfmSummary(rfm(log));
    check(charts.rfmSegments(summary), summary.length);
    const rules = associationRules(log, { minSupport: 0.005, minConfidence: 0.2 });
    check(charts.rulesScatter(rules), rules.length);
    const patterns = sequentialPatterns(log, { minSupport: 0.05, maxLength: 3 });
    check(charts.sequences(patterns, { top: 10 }), Math.min(10, patterns.filter((p) => p.sequence.length > 1).length));
    const s = customerSummary(log);
    const values = clv(fitBgNbd(s), fitGammaGamma(s), s, { horizon: 52, period: 4, discountRate: 0.01 });
    check(charts.clvDistribution(values), values.length);
    const curve = gainsCurve([1, 0, 1, 0, 1, 1, 0, 0, 0, 1], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05]);
    check(charts.gains(curve), curve.length + 3);
    const profiles = segmentCustomers(rfm(log), { k: 3 }).profiles;
    check(charts.segments(profiles), 3);
    const ends = { calibrationEnd: '2024-06-30', holdoutEnd: '2024-12-31' };
    const calibration = calibrationHoldout(log, ends);
    const model = fitBgNbd(calibration);
    const curve2 = trackingCurve(model, log, ends);
    check(charts.tracking(curve2), 2 * curve2.length);
    const classes = conditionalExpectations(model, calibration);
    check(charts.conditionalExpectations(classes), 2 * classes.length);
    const { tiers } = valueTiers(values);
    check(charts.valueTiers(tiers), 2 * tiers.length);
    const rows = rfm(log);
    const matrix = loyaltyMatrix(rows, { attitude: rows.map((r, i) => ({ customer: r.customer, score: (i * 7) % 11 })) });
    check(charts.loyaltyMatrix(matrix), 9);
  });
});
