import type { VegaLiteSpec } from '../report/charts';
import { charts } from '../report/charts';
import type { Column } from './table';

/** How one kind of result is shown: blocks of tables (the first one is the result's rows) and a chart. */
export interface Shown {
  title: string;
  blocks: Array<{ title: string; rows: readonly unknown[]; columns: Column<never>[] }>;
  chart: VegaLiteSpec | null;
}

type Row = Record<string, unknown>;
const isObj = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (v: unknown, ...keys: string[]): boolean => isObj(v) && keys.every((k) => k in v);
const col = (header: string, key: string, format?: number | 'percent'): Column<never> => ({ header, value: (r: never) => (r as Row)[key], ...(format === undefined ? {} : { format }) });
/** Rows of a key/value table. */
const pairs = (entries: Array<[string, unknown]>) => entries.filter(([, v]) => v !== undefined).map(([name, value]) => ({ name, value }));
const KV = [col('', 'name'), col('value', 'value')];
const first = (list: readonly unknown[]) => list[0];

/** An array whose first element has these keys. */
const arrayOf = (v: unknown, ...keys: string[]): v is Row[] => Array.isArray(v) && v.length > 0 && has(first(v), ...keys);

/**
 * Every public result kind, most specific first: how to recognise it and show it.
 * @example
 * showOf(associationRules(log)).title //=> 'Association rules'
 */
export function showOf(value: unknown): Shown | null {
  for (const kind of KINDS) {
    const shown = kind(value);
    if (shown !== null) return shown;
  }
  return null;
}

const one = (title: string, rows: readonly unknown[], columns: Column<never>[], chart: VegaLiteSpec | null = null): Shown => ({ title, blocks: [{ title, rows, columns }], chart });

const KINDS: Array<(v: unknown) => Shown | null> = [
  // Association rules and itemsets.
  (v) => (arrayOf(v, 'antecedent', 'consequent', 'lift') ? one('Association rules', v, [col('antecedent', 'antecedent'), col('consequent', 'consequent'), col('support', 'support', 'percent'), col('confidence', 'confidence', 'percent'), col('lift', 'lift', 2), col('leverage', 'leverage', 4), col('p-value', 'pValue'), col('count', 'count')], charts.rulesScatter((v as never[]).slice(0, 5000))) : null),
  (v) => (arrayOf(v, 'items', 'count', 'support') ? one('Frequent itemsets', v, [col('items', 'items'), col('count', 'count'), col('support', 'support', 'percent')]) : null),
  // Sequences.
  (v) => (arrayOf(v, 'prefix', 'next', 'confidence') ? one('Sequential rules', v, [col('after', 'prefix'), col('next', 'next'), col('support', 'support', 'percent'), col('confidence', 'confidence', 'percent'), col('lift', 'lift', 2), col('count', 'count')]) : null),
  (v) => (arrayOf(v, 'sequence', 'count', 'support') ? one('Sequential patterns', v, [col('pattern', 'sequence'), col('count', 'count'), col('support', 'support', 'percent')], (v as Row[]).some((p) => (p.sequence as unknown[]).length > 1) ? charts.sequences(v as never) : null) : null),
  // RFM.
  (v) => (arrayOf(v, 'segment', 'customers', 'revenueShare') ? one('RFM segments', v, [col('segment', 'segment'), col('customers', 'customers'), col('share', 'share', 'percent'), col('mean recency (days)', 'recency', 0), col('mean baskets', 'frequency', 1), col('mean spend', 'monetary', 2), col('share of revenue', 'revenueShare', 'percent')], charts.rfmSegments(v as never)) : null),
  (v) => (arrayOf(v, 'customer', 'recency', 'frequency', 'monetary', 'r', 'f', 'm') ? one('RFM', v, [col('customer', 'customer'), col('recency (days)', 'recency'), col('frequency', 'frequency'), col('monetary', 'monetary', 2), col('R', 'r'), col('F', 'f'), col('M', 'm'), col('segment', 'segment')]) : null),
  (v) => (arrayOf(v, 'customer', 'quadrant') ? one('Loyalty quadrants', v, [col('customer', 'customer'), col('profitability', 'profitability', 2), col('duration', 'duration', 1), col('quadrant', 'quadrant')]) : null),
  (v) => (has(v, 'cells', 'withoutAttitude', 'levels') ? { ...one('Loyalty matrix', (v as Row).cells as unknown[], [col('cell', 'name'), col('purchase frequency', 'frequency'), col('attitude', 'attitude'), col('customers', 'customers'), col('share', 'share', 'percent')], charts.loyaltyMatrix(v as never)) } : null),
  (v) => (has(v, 'returnOnCustomer', 'segments', 'tiers', 'from', 'to') ? returnOnCustomer(v as Row) : null),
  (v) => (has(v, 'tiers', 'customers') && Array.isArray((v as Row).tiers) ? one('Value tiers', (v as Row).tiers as unknown[], [col('tier', 'tier'), col('customers', 'customers'), col('share of customers', 'shareOfCustomers', 'percent'), col('value', 'value', 2), col('share of value', 'shareOfValue', 'percent')], charts.valueTiers((v as Row).tiers as never)) : null),
  // Customer value.
  (v) => (arrayOf(v, 'customer', 'clv', 'expectedPurchases') ? one('Customer lifetime value', v, [col('customer', 'customer'), col('expected purchases', 'expectedPurchases', 2), col('expected spend', 'expectedSpend', 2), col('CLV', 'clv', 2)], charts.clvDistribution((v as never[]).slice(0, 20_000))) : null),
  (v) => (arrayOf(v, 'customer', 'frequency', 'recency', 'T') ? one('Customer summary (buy-till-you-die)', v, [col('customer', 'customer'), col('frequency', 'frequency'), col('recency', 'recency', 2), col('T', 'T', 2), col('monetary', 'monetary', 2)]) : null),
  (v) => (arrayOf(v, 'period', 'actual', 'expected', 'holdout') ? one('Tracking: cumulative repeat purchases', v, [col('period', 'period'), col('date', 'date'), col('actual', 'actual'), col('expected', 'expected', 1), col('holdout', 'holdout')], charts.tracking(v as never)) : null),
  (v) => (arrayOf(v, 'frequency', 'atLeast', 'actual', 'predicted') ? one('Conditional expectations', v, [col('calibration frequency', 'frequency'), col('customers', 'customers'), col('actual', 'actual', 3), col('predicted', 'predicted', 3)], charts.conditionalExpectations(v as never)) : null),
  fittedModel,
  // Churn.
  (v) => (has(v, 'revenueAtRisk', 'atRisk', 'predictedChurnRate') ? churnReport(v as Row) : null),
  (v) => (has(v, 'auc', 'gains', 'confusion') ? evaluation(v as Row) : null),
  (v) => (arrayOf(v, 'customer', 'probability', 'reasons') ? one('Customers at risk', v, [col('customer', 'customer'), col('churn probability', 'probability', 'percent'), { header: 'why', value: (r: never) => ((r as Row).reasons as Array<{ text: string }>).map((x) => x.text).join('; ') }]) : null),
  (v) => (has(v, 'customers', 'featureNames', 'features', 'labels') ? churnDataset(v as Row) : null),
  // Classification and clustering.
  (v) => (has(v, 'labels', 'matrix') && Array.isArray((v as Row).matrix) ? confusion(v as Row) : null),
  (v) => (has(v, 'scores', 'mean') && Array.isArray((v as Row).scores) ? { title: 'Cross-validation', blocks: [{ title: 'Cross-validation', rows: ((v as Row).scores as number[]).map((s, i) => ({ fold: i + 1, score: s })).concat([{ fold: 'mean' as never, score: (v as Row).mean as number }]), columns: [col('fold', 'fold'), col('score', 'score', 4)] }], chart: null } : null),
  (v) => (has(v, 'labels', 'centroids', 'inertia') ? kmeansResult(v as Row) : null),
  (v) => (arrayOf(v, 'cluster', 'customers', 'description') ? one('Customer segments', v, [col('cluster', 'cluster'), col('customers', 'customers'), col('share', 'share', 'percent'), col('mean recency (days)', 'recency', 0), col('mean baskets', 'frequency', 1), col('mean spend', 'monetary', 2), col('what sets it apart', 'description')], charts.segments(v as never)) : null),
  (v) => (arrayOf(v, 'segment', 'conditions', 'description') ? one('Segment profiles', v, [col('segment', 'segment'), col('rows', 'rows'), col('share', 'share', 'percent'), col('what sets it apart', 'description')]) : null),
  (v) => (isObj(v) && Array.isArray(v.classes) && typeof v.predictProba === 'function' ? classifier(v) : null),
];

function fittedModel(v: unknown): Shown | null {
  if (!has(v, 'params', 'logLikelihood', 'status')) return null;
  const m = v as Row & { params: Record<string, number>; uncertainty: { standardErrors: Record<string, number>; lower95: Record<string, number>; upper95: Record<string, number> } | null };
  const kind = typeof m.toJSON === 'function' ? String(((m.toJSON as () => Row)()).kind) : 'model';
  const rows = Object.entries(m.params).map(([name, value]) => ({ name, value, se: m.uncertainty?.standardErrors[name], lower: m.uncertainty?.lower95[name], upper: m.uncertainty?.upper95[name] }));
  return {
    title: `Fitted ${kind}`,
    blocks: [
      { title: 'Parameters', rows, columns: [col('parameter', 'name'), col('value', 'value', 4), col('std. error', 'se', 4), col('95% low', 'lower', 4), col('95% high', 'upper', 4)] },
      { title: 'Fit', rows: pairs([['status', m.status], ['why declined', m.reason ?? undefined], ['log-likelihood', m.logLikelihood], ...Object.entries(isObj(m.data) ? m.data : {}).map(([k, x]) => [k, x] as [string, unknown])]), columns: KV },
    ],
    chart: null,
  };
}

function returnOnCustomer(r: Row): Shown {
  const parts = [col('customers', 'customers'), col('cash flow', 'cashFlow', 2), col('equity at start', 'equityFrom', 2), col('equity at end', 'equityTo', 2), col('return on customer', 'returnOnCustomer', 'percent')];
  return {
    title: 'Return on customer',
    blocks: [
      { title: 'Return on customer', rows: pairs([['from', r.from], ['to', r.to], ['customers', r.customers], ['cash flow', r.cashFlow], ['equity at start', r.equityFrom], ['equity at end', r.equityTo], ['return on customer', r.returnOnCustomer]]), columns: KV },
      { title: 'By RFM segment at the start', rows: r.segments as unknown[], columns: [col('segment', 'segment'), ...parts] },
      { title: 'By value tier at the start', rows: r.tiers as unknown[], columns: [col('tier', 'tier'), ...parts] },
    ],
    chart: null,
  };
}

function churnReport(r: Row): Shown {
  const outcome = r.outcome as Row | null;
  return {
    title: 'Churn report',
    blocks: [
      { title: 'Churn report', rows: pairs([['scored at', r.asOf], ['customers', r.customers], ['predicted churn rate', r.predictedChurnRate], ['expected churners', r.expectedChurners], ['revenue at risk', r.revenueAtRisk], ['valuation', r.valuation], ['AUC (outcome)', outcome?.auc]]), columns: KV },
      { title: 'Most value at risk', rows: r.atRisk as unknown[], columns: [col('customer', 'customer'), col('churn probability', 'probability', 'percent'), col('CLV', 'clv', 2), col('value at risk', 'valueAtRisk', 2), { header: 'why', value: (x: never) => ((x as Row).reasons as Array<{ text: string }>).map((y) => y.text).join('; ') }] },
    ],
    chart: outcome === null ? null : charts.gains(outcome.gains as never),
  };
}

function evaluation(e: Row): Shown {
  return {
    title: 'Churn evaluation',
    blocks: [
      { title: 'Churn evaluation', rows: pairs([['customers', e.customers], ['churn rate', e.churnRate], ['AUC', e.auc], ['precision', e.precision], ['recall', e.recall], ['lift at 10%', e.liftAt10], ['threshold', e.threshold]]), columns: KV },
      ...confusion(e.confusion as Row).blocks,
    ],
    chart: charts.gains(e.gains as never),
  };
}

function confusion(c: Row): Shown {
  const labels = c.labels as unknown[];
  const rows = (c.matrix as number[][]).map((row, i) => Object.fromEntries([['actual', labels[i]], ...row.map((n, j) => [`predicted ${String(labels[j])}`, n])]));
  return one('Confusion matrix', rows, [col('actual', 'actual'), ...labels.map((l) => col(`predicted ${String(l)}`, `predicted ${String(l)}`))]);
}

function churnDataset(d: Row): Shown {
  const names = d.featureNames as string[];
  const features = d.features as number[][];
  const labels = d.labels as number[];
  const rows = (d.customers as string[]).map((customer, i) => ({ customer, ...Object.fromEntries(names.map((n, j) => [n, (features[i] as number[])[j]])), churned: labels[i] }));
  return one('Churn dataset', rows, [col('customer', 'customer'), ...names.map((n) => col(n, n)), col('churned', 'churned')]);
}

function kmeansResult(k: Row): Shown {
  const labels = k.labels as number[];
  const centroids = k.centroids as number[][];
  const sizes = centroids.map((_, c) => labels.filter((l) => l === c).length);
  const rows = centroids.map((center, c) => ({ cluster: c, rows: sizes[c], centroid: center.map((x) => Number(x.toPrecision(4))).join(', ') }));
  return {
    title: 'k-means',
    blocks: [
      { title: 'Clusters', rows, columns: [col('cluster', 'cluster'), col('rows', 'rows'), col('centroid', 'centroid')] },
      { title: 'Fit', rows: pairs([['inertia', k.inertia], ['iterations', k.iterations], ['converged', k.converged]]), columns: KV },
    ],
    chart: null,
  };
}

function classifier(m: Row): Shown {
  const json = typeof m.toJSON === 'function' ? ((m.toJSON as () => Row)()) : {};
  const importance = typeof m.featureImportance === 'function' ? ((m.featureImportance as () => number[])()) : null;
  const title = `Fitted ${String(json.kind ?? 'classifier')}`;
  const blocks: Shown['blocks'] = [{ title: importance === null && !Array.isArray(json.weights) ? title : 'Model', rows: pairs([['kind', json.kind], ['classes', m.classes], ['features', m.features]]), columns: KV }];
  const weights = json.weights as number[][] | undefined;
  if (Array.isArray(weights)) {
    // Logistic regression: one row per term (the intercept first), one column per class.
    const classes = (m.classes as unknown[]).map(String);
    const terms = (weights[0] ?? []).map((_, j) => ({ term: j === 0 ? 'intercept' : `x${j - 1}`, ...Object.fromEntries(weights.map((w, c) => [classes[c] ?? `class ${c}`, w[j]])) }));
    blocks.push({ title: 'Coefficients', rows: terms, columns: [col('term', 'term'), ...weights.map((_, c) => col(classes[c] ?? `class ${c}`, classes[c] ?? `class ${c}`, 4))] });
  }
  if (importance !== null) blocks.push({ title: 'Feature importance', rows: importance.map((value, j) => ({ feature: `x${j}`, value })).sort((a, b) => b.value - a.value), columns: [col('feature', 'feature'), col('importance', 'value', 4)] });
  return { title, blocks, chart: null };
}
