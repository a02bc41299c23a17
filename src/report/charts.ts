import type { AssociationRule } from '../association/index';
import type { SequentialPattern } from '../sequence/index';
import type { LoyaltyMatrix, RfmSegmentSummary, ValueTierSummary } from '../rfm/index';
import type { ConditionalExpectation, CustomerClv, TrackingPoint } from '../clv/index';
import type { SegmentProfile } from '../cluster/index';

/** A Vega-Lite v5/v6 specification (plain JSON), ready for vega-embed or a notebook. */
export type VegaLiteSpec = Record<string, unknown>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

const base = (title: string, values: object[]): VegaLiteSpec => ({ $schema: SCHEMA, title, width: 480, data: { values } });

/**
 * RFM segments: customers per segment (bars) coloured by their share of revenue.
 * @example
 * vegaEmbed('#rfm', charts.rfmSegments(rfmSummary(rfm(log))));
 */
function rfmSegments(summary: readonly RfmSegmentSummary[]): VegaLiteSpec {
  return {
    ...base('Customers and revenue by RFM segment', summary.map((s) => ({ segment: s.segment, customers: s.customers, revenueShare: s.revenueShare, recency: s.recency }))),
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'segment', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 240 } },
      x: { field: 'customers', type: 'quantitative', title: 'customers' },
      color: { field: 'revenueShare', type: 'quantitative', title: 'share of revenue', format: '.0%', scale: { scheme: 'blues' } },
    },
  };
}

/**
 * Association rules: support × confidence, one point per rule, sized and coloured by lift.
 * @example
 * charts.rulesScatter(associationRules(log, { minSupport: 0.005 }).slice(0, 200))
 */
function rulesScatter(rules: readonly AssociationRule[]): VegaLiteSpec {
  return {
    ...base('Association rules', rules.map((r) => ({ rule: `${r.antecedent.join(', ')} → ${r.consequent.join(', ')}`, support: r.support, confidence: r.confidence, lift: r.lift }))),
    mark: { type: 'circle', opacity: 0.7, tooltip: true },
    encoding: {
      // A log axis labels every tick by default (1, 2, … 9 per decade): few ticks, overlaps dropped.
      x: { field: 'support', type: 'quantitative', scale: { type: 'log' }, axis: { format: '.2~%', tickCount: 4, labelOverlap: 'greedy', labelFlush: true } },
      y: { field: 'confidence', type: 'quantitative', axis: { format: '.0%' } },
      size: { field: 'lift', type: 'quantitative' },
      color: { field: 'lift', type: 'quantitative', scale: { scheme: 'orangered' } },
      tooltip: [{ field: 'rule' }, { field: 'support', format: '.2%' }, { field: 'confidence', format: '.1%' }, { field: 'lift', format: '.2f' }],
    },
  };
}

/**
 * Sequential patterns: the most supported multi-step patterns as bars.
 * @example
 * charts.sequences(sequentialPatterns(log, { minSupport: 0.02 }), { top: 15 })
 */
function sequences(patterns: readonly SequentialPattern[], options: { top?: number } = {}): VegaLiteSpec {
  const top = [...patterns].filter((p) => p.sequence.length > 1).sort((a, b) => b.support - a.support).slice(0, options.top ?? 15);
  return {
    ...base('Top sequential patterns', top.map((p) => ({ pattern: p.sequence.map((s) => s.join(' + ')).join(' → '), support: p.support }))),
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'pattern', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: 360 } },
      x: { field: 'support', type: 'quantitative', axis: { format: '.1%' }, title: 'share of customers' },
    },
  };
}

/**
 * Distribution of customer lifetime value (histogram, 40 bins).
 * @example
 * charts.clvDistribution(clv(bgnbd, gammaGamma, summary, { horizon: 52, period: 4, discountRate: 0.01 }))
 */
function clvDistribution(values: readonly CustomerClv[]): VegaLiteSpec {
  // A binned axis labels every bin edge (40 of them); label ~6 round values instead.
  const lo = values.reduce((m, v) => Math.min(m, v.clv), Infinity);
  const hi = values.reduce((m, v) => Math.max(m, v.clv), -Infinity);
  return {
    ...base('Customer lifetime value', values.map((v) => ({ clv: v.clv }))),
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'clv', type: 'quantitative', bin: { maxbins: 40 }, title: 'CLV', axis: { format: '~s', values: niceTicks(lo, hi, 6), labelOverlap: 'greedy', labelFlush: true } },
      y: { aggregate: 'count', type: 'quantitative', title: 'customers' },
    },
  };
}

/**
 * Gains curve: share of churners (or any positives) reached against the share of customers
 * contacted, riskiest first, with the random baseline.
 * @example
 * charts.gains(gainsCurve(labels, scores))
 */
function gains(curve: ReadonlyArray<{ share: number; gain: number }>): VegaLiteSpec {
  const values = [{ share: 0, gain: 0, model: 'model' }, ...curve.map((g) => ({ share: g.share, gain: g.gain, model: 'model' })), { share: 0, gain: 0, model: 'random' }, { share: 1, gain: 1, model: 'random' }];
  return {
    ...base('Gains curve', values),
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'share', type: 'quantitative', axis: { format: '.0%' }, title: 'customers contacted (riskiest first)' },
      y: { field: 'gain', type: 'quantitative', axis: { format: '.0%' }, title: 'churners reached' },
      color: { field: 'model', type: 'nominal', title: null },
      strokeDash: { field: 'model', type: 'nominal', legend: null },
    },
  };
}

/**
 * k-means customer segments: each segment's mean frequency and spend, sized by customers.
 * @example
 * charts.segments(segmentCustomers(rfm(log), { k: 4 }).profiles)
 */
function segments(profiles: readonly SegmentProfile[]): VegaLiteSpec {
  return {
    ...base('Customer segments (k-means on RFM)', profiles.map((p) => ({ cluster: String(p.cluster), customers: p.customers, frequency: p.frequency, monetary: p.monetary, recency: p.recency }))),
    mark: { type: 'circle', opacity: 0.8, tooltip: true },
    encoding: {
      x: { field: 'frequency', type: 'quantitative', title: 'mean baskets' },
      y: { field: 'monetary', type: 'quantitative', title: 'mean spend' },
      size: { field: 'customers', type: 'quantitative' },
      color: { field: 'cluster', type: 'nominal' },
    },
  };
}

/** About `count` round values (steps of 1, 2 or 5 × 10^k) covering [lo, hi]. */
function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi)) || hi <= lo) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) as number);
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** Vega-Lite specs for the library's results, for notebooks and the HTML report. */
/**
 * Tracking plot: cumulative repeat purchases of the cohort, actual against the model's
 * expectation, with a rule where the holdout starts.
 * @example
 * charts.tracking(trackingCurve(fitBgNbd(calibration), log, { calibrationEnd, holdoutEnd }))
 */
function tracking(points: readonly TrackingPoint[]): VegaLiteSpec {
  const values = points.flatMap((p) => [{ period: p.period, purchases: p.actual, series: 'actual' }, { period: p.period, purchases: p.expected, series: 'model' }]);
  const split = points.find((p) => p.holdout)?.period;
  const line = {
    mark: { type: 'line', tooltip: true },
    encoding: {
      x: { field: 'period', type: 'quantitative', title: 'periods since the first purchase' },
      y: { field: 'purchases', type: 'quantitative', title: 'cumulative repeat purchases', axis: { format: '~s' } },
      color: { field: 'series', type: 'nominal', title: null },
      strokeDash: { field: 'series', type: 'nominal', legend: null },
    },
  };
  const rule = { data: { values: split === undefined ? [] : [{ period: split - 0.5 }] }, mark: { type: 'rule', strokeDash: [2, 2], color: 'gray' }, encoding: { x: { field: 'period', type: 'quantitative' } } };
  return { ...base('Tracking: cumulative repeat purchases, actual and expected', values), layer: [line, rule] };
}

/**
 * Conditional expectations: mean holdout purchases by calibration frequency, actual and predicted.
 * @example
 * charts.conditionalExpectations(conditionalExpectations(model, calibrationHoldout(log, ends)))
 */
function conditionalExpectationsChart(classes: readonly ConditionalExpectation[]): VegaLiteSpec {
  const label = (c: ConditionalExpectation) => (c.atLeast ? `${c.frequency}+` : String(c.frequency));
  const values = classes.flatMap((c) => [{ frequency: label(c), purchases: c.actual, series: 'actual' }, { frequency: label(c), purchases: c.predicted, series: 'model' }]);
  return {
    ...base('Holdout purchases by calibration frequency', values),
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'frequency', type: 'ordinal', sort: null, title: 'repeat purchases in calibration', axis: { labelAngle: 0 } },
      y: { field: 'purchases', type: 'quantitative', title: 'mean purchases in holdout' },
      color: { field: 'series', type: 'nominal', title: null },
      strokeDash: { field: 'series', type: 'nominal', legend: null },
    },
  };
}

/**
 * Value tiers: each tier's share of customers beside its share of the value it holds.
 * @example
 * charts.valueTiers(valueTiers(clv(bgnbd, spend, summary)).tiers)
 */
function valueTiersChart(tiers: readonly ValueTierSummary[]): VegaLiteSpec {
  const values = tiers.flatMap((t) => [
    { tier: t.tier, measure: 'share of customers', share: t.shareOfCustomers, customers: t.customers },
    ...(t.shareOfValue === null ? [] : [{ tier: t.tier, measure: 'share of value', share: t.shareOfValue, customers: t.customers }]),
  ]);
  return {
    ...base('Value tiers: customers and the value they hold', values),
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'tier', type: 'nominal', sort: ['high', 'medium', 'low'], title: null },
      yOffset: { field: 'measure', type: 'nominal' },
      x: { field: 'share', type: 'quantitative', axis: { format: '.0%' }, title: null },
      color: { field: 'measure', type: 'nominal', title: null },
    },
  };
}

/**
 * Loyalty matrix: the nine cells of purchase frequency × attitude, shaded by their customers.
 * @example
 * charts.loyaltyMatrix(loyaltyMatrix(rfm(log), { attitude: surveyScores }))
 */
function loyaltyMatrixChart(matrix: Pick<LoyaltyMatrix, 'cells'>): VegaLiteSpec {
  const order = ['high', 'medium', 'low'];
  const most = Math.max(1, ...matrix.cells.map((c) => c.customers));
  // White text on the darker half of the colour scale.
  const values = matrix.cells.map((c) => ({ frequency: c.frequency, attitude: c.attitude, name: c.name, customers: c.customers, share: c.share, label: `${c.name}\n${(c.share * 100).toFixed(0)}%`, dark: c.customers > 0.6 * most }));
  const encoding = {
    x: { field: 'attitude', type: 'ordinal', sort: [...order].reverse(), title: 'attitude', axis: { labelAngle: 0 } },
    y: { field: 'frequency', type: 'ordinal', sort: order, title: 'purchase frequency' },
  };
  return {
    ...base('Loyalty matrix: purchase frequency × attitude', values),
    height: 240,
    encoding,
    layer: [
      { mark: { type: 'rect', tooltip: true }, encoding: { color: { field: 'customers', type: 'quantitative', scale: { scheme: 'greens', zero: true }, title: 'customers' } } },
      { mark: { type: 'text', lineBreak: '\n', fontSize: 11 }, encoding: { text: { field: 'label', type: 'nominal' }, color: { condition: { test: 'datum.dark', value: 'white' }, value: 'black' } } },
    ],
  };
}

export const charts = { rfmSegments, rulesScatter, sequences, clvDistribution, gains, segments, tracking, conditionalExpectations: conditionalExpectationsChart, valueTiers: valueTiersChart, loyaltyMatrix: loyaltyMatrixChart };
