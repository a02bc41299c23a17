import type { Analysis, Section } from './analyze';
import type { ClvModelCheck } from './clvCheck';
import { charts, type VegaLiteSpec } from './charts';
import { day, esc, itemset, num, pct, sequence, table } from './htmlParts';

/** One part of the page: its anchor, heading, HTML and the charts it places. */
export interface ReportPart {
  id: string;
  title: string;
  html: string;
  charts: Record<string, VegaLiteSpec>;
}

/** Most CLV values drawn in the histogram; above it, evenly spaced quantiles stand for the rest. */
const MAX_HISTOGRAM_VALUES = 20_000;

/** " EUR" when the analysis names a currency. */
const currencyOf = (a: Analysis) => (a.currency === null ? '' : ` ${a.currency}`);

const chartDiv = (id: string) => `<div class="chart" id="chart-${id}" data-chart="${id}"></div>`;
const only = (id: string, spec: VegaLiteSpec | null): Record<string, VegaLiteSpec> => (spec === null ? {} : { [id]: spec });
const para = (text: string) => `<p>${esc(text)}</p>`;

function part<T>(id: string, title: string, section: Section<T>, body: (s: Extract<Section<T>, { status: 'ok' }>) => Omit<ReportPart, 'id' | 'title'>): ReportPart {
  if (section.status === 'skipped') return { id, title, html: `<p class="skipped">Not computed: ${esc(section.reason)}</p>`, charts: {} };
  return { id, title, ...body(section as Extract<Section<T>, { status: 'ok' }>) };
}

/** The data summary: size, time range, revenue, skipped rows and the best-selling items. */
export function summaryPart(a: Analysis): ReportPart {
  const s = a.summary;
  const card = (label: string, value: string) => `<div class="card"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div></div>`;
  const cards = [
    card('line items', num(s.rows).num), card('baskets', num(s.baskets).num), card('customers', num(s.customers).num), card('items', num(s.items).num),
    card('first purchase', day(s.from)), card('last purchase', day(s.to)), card('items per basket', num(s.meanBasketSize, 2).num),
    ...(s.amount === null ? [] : [card(`revenue${currencyOf(a)}, net of returns`, num(s.amount).num)]),
  ].join('');
  const q = a.quality;
  const quality = table(['', 'rows', 'note'], [
    ['read', num(q.rowsRead), `${day(q.from)} to ${day(q.to)}`],
    ['used as purchases', num(q.rowsUsed), ''],
    ['skipped as invalid', num(q.skipped.rows), q.skipped.rows === 0 ? '' : `${Object.entries(q.skipped.byField).map(([f, n]) => `${f}: ${n}`).join(', ')}; first: ${q.skipped.examples[0] ?? ''}`],
    ['returns and cancellations', num(q.returns.rows), q.returns.rows === 0 ? '' : `${q.returns.policy}: amount ${num(q.returns.amount, 2).num}${q.returns.withoutPurchase.rows === 0 ? '' : `; ${q.returns.withoutPurchase.rows} rows from customers with no purchase in the data`}`],
    ['duplicate line items', num(q.duplicateRows), q.duplicateRows === 0 ? '' : 'the same item, amount and quantity twice in one basket: check the export'],
  ]);
  const items = table(['item', 'baskets', 'share of baskets'], a.topItems.map((t) => [t.item, num(t.baskets), pct(t.share)]));
  return { id: 'summary', title: 'Data', html: `<div class="cards">${cards}</div><h3>Data quality</h3>${quality}<h3>Best-selling items</h3>${items}`, charts: {} };
}

export function rfmPart(a: Analysis): ReportPart {
  return part('rfm', 'RFM segments', a.rfm, (s) => ({
    html: para('Customers scored 1–5 on recency, frequency and monetary value (quintiles) and named by the standard segment rules.') + chartDiv('rfm') +
      table(['segment', 'customers', 'share', 'mean recency (days)', 'mean baskets', 'mean spend', 'share of revenue', 'what sets it apart'],
        s.segments.map((g) => [g.segment, num(g.customers), pct(g.share), num(g.recency), num(g.frequency, 1), num(g.monetary, 2), pct(g.revenueShare), s.profiles[g.segment] ?? ''])),
    charts: { rfm: charts.rfmSegments(s.segments) },
  }));
}

export function rulesPart(a: Analysis): ReportPart {
  return part('rules', 'Bought together', a.rules, (s) => ({
    html: para(`${s.total} association rules at support ≥ ${(s.minSupport * 100).toPrecision(2)}% of baskets and confidence ≥ ${(s.minConfidence * 100).toFixed(0)}%; ${s.positive} of them have lift > 1 (the items go together more often than chance), and the ${Math.min(15, s.rules.length)} strongest (lift × confidence) are shown.`) +
      (s.rules.length === 0 ? '' : chartDiv('rules')) +
      table(['if the basket has', 'it also has', 'support', 'confidence', 'lift', 'baskets'],
        s.rules.slice(0, 15).map((r) => [itemset(r.antecedent), itemset(r.consequent), pct(r.support, 2), pct(r.confidence), num(r.lift, 2), num(r.count)])) +
      (s.rules.length === 0 ? '' : `<h3>In words</h3><ul>${s.rules.slice(0, 5).map((r) => `<li>${esc(`Baskets with ${itemset(r.antecedent)} also have ${itemset(r.consequent)} ${(r.confidence * 100).toFixed(0)}% of the time: ${r.lift.toFixed(1)}× as often as baskets in general (${r.count} baskets).`)}</li>`).join('')}</ul>`),
    charts: only('rules', s.rules.length === 0 ? null : charts.rulesScatter(s.rules)),
  }));
}

export function sequencesPart(a: Analysis): ReportPart {
  return part('sequences', 'Bought next', a.sequences, (s) => ({
    html: para(`${s.total} sequential patterns at support ≥ ${(s.minSupport * 100).toPrecision(2)}% of customers (at most 4 items); the most common multi-step patterns, then the rules "after these, next" that are more likely than for customers in general (lift > 1).`) +
      (s.patterns.length === 0 ? '' : chartDiv('sequences')) +
      table(['after', 'next', 'support', 'confidence', 'lift'], s.rules.slice(0, 10).map((r) => [sequence(r.prefix), itemset(r.next), pct(r.support), pct(r.confidence), num(r.lift, 2)])),
    charts: only('sequences', s.patterns.length === 0 ? null : charts.sequences(s.patterns)),
  }));
}

export function clvPart(a: Analysis): ReportPart {
  return part('clv', 'Customer lifetime value', a.clv, (s) => {
    const total = s.values.reduce((sum, v) => sum + v.clv, 0);
    const { r, alpha, a: pa, b } = s.bgnbd;
    const check = modelCheckHtml(s.check);
    return {
      html: para(`BG/NBD (r ${r.toFixed(3)}, α ${alpha.toFixed(2)}, a ${pa.toFixed(3)}, b ${b.toFixed(3)}) and Gamma-Gamma (p ${s.gammaGamma.p.toFixed(2)}, q ${s.gammaGamma.q.toFixed(2)}, γ ${s.gammaGamma.gamma.toFixed(2)}) over ${s.horizonWeeks} weeks, discounted ${(s.discountRate * 100).toFixed(1)}% per 4 weeks: ${num(total).num}${currencyOf(a)} in all, ${num(total / Math.max(1, s.values.length), 2).num} per customer. ${s.margin === null ? 'These values are revenue (no margin was given; pass a margin to value profit).' : s.margin === 'cost' ? 'These values are margin: amount less cost, from the cost column.' : `These values are margin: ${(s.margin * 100).toFixed(0)}% of revenue.`}`) +
        chartDiv('clv') +
        table(['customer', 'repeat purchases', 'P(alive)', 'expected purchases', 'expected spend', 'CLV'],
          s.top.map((v) => [v.customer, num(v.frequency), pct(v.probabilityAlive, 0), num(v.expectedPurchases, 1), num(v.expectedSpend, 2), num(v.clv, 2)])) +
        '<h3>Value tiers</h3>' + para('High value: the top 20% of customers by CLV; medium: the next 30%; low: the rest.') + chartDiv('tiers') +
        table(['tier', 'customers', 'share of customers', `CLV${currencyOf(a)}`, 'share of CLV', 'CLV range'],
          s.tiers.map((t) => [t.tier, num(t.customers), pct(t.shareOfCustomers, 0), num(t.value), t.shareOfValue === null ? 'n/a' : pct(t.shareOfValue, 0), t.minValue === null || t.maxValue === null ? '' : `${num(t.minValue, 2).num} – ${num(t.maxValue, 2).num}`])) +
        '<h3>Does the model fit?</h3>' + check.html,
      charts: { clv: charts.clvDistribution(histogramSample(s.values)), tiers: charts.valueTiers(s.tiers), ...check.charts },
    };
  });
}

/** The holdout check of the purchase model: the tracking curve and the conditional expectations, or why not. */
function modelCheckHtml(check: ClvModelCheck): { html: string; charts: Record<string, VegaLiteSpec> } {
  if (check.status === 'skipped') return { html: `<p class="skipped">Not computed: ${esc(check.reason)}</p>`, charts: {} };
  const last = check.tracking.at(-1);
  const gap = last === undefined || last.actual === 0 ? '' : ` By ${day(check.holdoutEnd)} the cohort made ${num(last.actual).num} repeat purchases; the model expected ${num(last.expected).num} (${((last.expected / last.actual - 1) * 100).toFixed(1)}%).`;
  return {
    html: para(`BG/NBD fitted on the purchases up to ${day(check.calibrationEnd)} and compared with the ${check.holdoutWeeks} weeks after it.${gap}`) +
      chartDiv('tracking') + chartDiv('conditional') +
      table(['repeat purchases up to calibration end', 'customers', 'mean holdout purchases', 'expected'],
        check.conditional.map((c) => [c.atLeast ? `${c.frequency}+` : String(c.frequency), num(c.customers), num(c.actual, 2), num(c.predicted, 2)])),
    charts: { tracking: charts.tracking(check.tracking), conditional: charts.conditionalExpectations(check.conditional) },
  };
}

export function churnPart(a: Analysis): ReportPart {
  return part('churn', 'Churn risk', a.churn, (s) => {
    const r = s.report;
    const check = s.check;
    const checkText = check === null
      ? 'The log is too short for an out-of-time check (it needs two horizons of history).'
      : `Out-of-time check: trained at ${day(check.trainedAt)}, scored at ${day(check.checkedAt)}: AUC ${check.auc.toFixed(3)}; the riskiest 10% churned ${check.liftAt10.toFixed(2)}× as often as average (churn rate ${(check.churnRate * 100).toFixed(0)}%).`;
    return {
      html: para(`Churn = no purchase within ${s.horizonDays} days. A ${s.model} model trained at ${day(s.trainedAt)} scores ${num(r.customers).num} customers at ${day(r.asOf)}: ${(r.predictedChurnRate * 100).toFixed(0)}% expected to lapse, revenue at risk ${num(r.revenueAtRisk).num} (probability × ${r.valuation === 'bgnbd-gamma-gamma' ? '52-week CLV' : 'past spend rate'}).`) +
        para(checkText) + (check === null ? '' : chartDiv('gains')) +
        '<h3>Most value at risk</h3>' +
        table(['customer', 'churn probability', 'CLV', 'value at risk', 'why'],
          r.atRisk.map((c) => [c.customer, pct(c.probability, 0), num(c.clv, 2), num(c.valueAtRisk, 2), c.reasons.map((x) => x.text).join('; ')])),
      charts: only('gains', check === null ? null : charts.gains(check.gains)),
    };
  });
}

export function segmentsPart(a: Analysis): ReportPart {
  return part('segments', 'Customer segments', a.segments, (s) => ({
    html: para(`k-means (k = ${s.k}) on log-scaled, standardized recency, frequency and spend; clusters numbered by spend.`) + chartDiv('segments') +
      table(['cluster', 'customers', 'share', 'mean recency (days)', 'mean baskets', 'mean spend', 'what sets it apart'],
        s.profiles.map((p) => [String(p.cluster), num(p.customers), pct(p.share), num(p.recency), num(p.frequency, 1), num(p.monetary, 2), s.apart[String(p.cluster)] ?? p.description])),
    charts: { segments: charts.segments(s.profiles) },
  }));
}

export function loyaltyPart(a: Analysis): ReportPart {
  return part('loyalty', 'Loyalty matrix', a.loyalty, (s) => ({
    html: para(`${num(s.customers).num} customers with an attitude score, placed by purchase frequency (baskets; medium from ${num(s.levels.frequency[0], 1).num}, high from ${num(s.levels.frequency[1], 1).num}) and attitude (medium from ${num(s.levels.attitude[0], 1).num}, high from ${num(s.levels.attitude[1], 1).num}). Cells after Dick & Basu (1994).`) +
      (s.withoutAttitude.customers === 0 ? '' : para(`${num(s.withoutAttitude.customers).num} customers have no attitude score and are not placed (for example ${s.withoutAttitude.examples.slice(0, 3).join(', ')}).`)) +
      chartDiv('loyalty') +
      table(['cell', 'purchase frequency', 'attitude', 'customers', 'share'], s.cells.map((c) => [c.name, c.frequency, c.attitude, num(c.customers), pct(c.share)])),
    charts: { loyalty: charts.loyaltyMatrix(s) },
  }));
}

/** Every part of the report, in page order. */
export function reportParts(a: Analysis): ReportPart[] {
  return [summaryPart, rfmPart, rulesPart, sequencesPart, clvPart, churnPart, segmentsPart, loyaltyPart].map((f) => f(a));
}

/** At most MAX_HISTOGRAM_VALUES evenly spaced order statistics: the same histogram shape, a bounded page. */
function histogramSample<T extends { clv: number }>(values: readonly T[]): T[] {
  if (values.length <= MAX_HISTOGRAM_VALUES) return [...values];
  const sorted = [...values].sort((x, y) => x.clv - y.clv);
  const step = (sorted.length - 1) / (MAX_HISTOGRAM_VALUES - 1);
  return Array.from({ length: MAX_HISTOGRAM_VALUES }, (_, i) => sorted[Math.round(i * step)] as T);
}
