import { OptionError } from '../../core/errors';
import { resolveAsOf } from '../../core/asOf';
import type { TransactionLog } from '../../core/TransactionLog';
import type { RunOptions } from '../../core/run';
import { associationRules, type AssociationRule } from '../../association/index';
import { sequentialPatterns, sequentialRules, type SequentialPattern, type SequentialRule } from '../../sequence/index';
import { rfm, rfmSummary, type RfmRow, type RfmSegmentSummary } from '../../rfm/index';
import type { ChurnModelKind } from '../../churn/index';
import { predictChurn, valueCustomers } from '../analyze';
import { searchSupport } from '../supportSearch';
import { day } from '../htmlParts';
import { formatRows, type Column, type OutputFormat } from './output';

type Values = Record<string, string | boolean | undefined>;

/** What a command hands back: rows in the chosen format, and notes for stderr. */
export interface CommandResult { text: string; notes: string[] }

/** Shared by the commands: the parsed flags, output format and row limit, progress. */
export interface CommandContext { values: Values; format: OutputFormat; limit: number; run: RunOptions }

/** A numeric flag, checked: `--name` must be a number in [min, max] (an integer when asked). */
export function numberFlag(values: Values, name: string, fallback: number, range: { min?: number; max?: number; integer?: boolean; above?: number } = {}): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const x = Number(raw);
  const ok = typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(x) && (range.integer !== true || Number.isInteger(x)) &&
    (range.min === undefined || x >= range.min) && (range.max === undefined || x <= range.max) && (range.above === undefined || x > range.above);
  if (!ok) {
    const bounds = [range.above === undefined ? null : `> ${range.above}`, range.min === undefined ? null : `>= ${range.min}`, range.max === undefined ? null : `<= ${range.max}`].filter((b) => b !== null).join(' and ');
    throw new OptionError(`--${name} must be ${range.integer === true ? 'an integer' : 'a number'}${bounds === '' ? '' : ` ${bounds}`}, got '${String(raw)}'`);
  }
  return x;
}

/** A flag with a fixed set of values. */
export function choiceFlag<T extends string>(values: Values, name: string, choices: readonly T[], fallback: T): T {
  const raw = values[name];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !(choices as readonly string[]).includes(raw)) throw new OptionError(`--${name} must be ${choices.join(', ')}; got '${String(raw)}'`);
  return raw as T;
}

const CHURN_MODELS: readonly ChurnModelKind[] = ['logistic', 'forest', 'tree', 'rules', 'neural', 'bgnbd'];
export const churnModelFlag = (values: Values) => choiceFlag(values, 'model', CHURN_MODELS, 'logistic');

const itemsetText = (items: readonly string[]) => items.join(' + ');
const sequenceText = (sets: readonly (readonly string[])[]) => sets.map(itemsetText).join(' -> ');
const asOfFlag = (log: TransactionLog, values: Values) => resolveAsOf(log, typeof values['as-of'] === 'string' ? values['as-of'] : undefined);
const supportNote = (what: string, s: number, stoppedBy: string) => `no --min-support given: using ${s} (${stoppedBy === 'enough' ? `the highest support with ${what}` : stoppedBy === 'limit' ? 'lower would exceed the pattern limit' : 'lower would need fewer than 5 records'})`;

export function rulesCommand(log: TransactionLog, { values, format, limit, run }: CommandContext): CommandResult {
  const options = {
    minConfidence: numberFlag(values, 'min-confidence', 0.3, { min: 0, max: 1 }),
    minLift: numberFlag(values, 'min-lift', 0, { min: 0 }),
    maxLength: numberFlag(values, 'max-length', 4, { min: 2, integer: true }),
    algorithm: choiceFlag(values, 'algorithm', ['fpgrowth', 'apriori', 'eclat'] as const, 'fpgrowth'),
    maxPatterns: numberFlag(values, 'max-patterns', 1_000_000, { min: 1, integer: true }),
    ...(values['max-memory'] === undefined ? {} : { maxMemoryMB: numberFlag(values, 'max-memory', 0, { above: 0 }) }),
    ...run,
  };
  const sort = choiceFlag(values, 'sort', ['lift', 'confidence', 'support', 'leverage', 'conviction'] as const, 'lift');
  const notes: string[] = [];
  let rules: AssociationRule[];
  if (values['min-support'] === undefined) {
    const found = searchSupport(log.basketCount, 0.1, 5, (minSupport) => associationRules(log, { ...options, minSupport, maxPatterns: Math.min(options.maxPatterns, 500_000) }), (r) => r.length >= 20);
    rules = found.result;
    notes.push(supportNote('20 rules', found.minSupport, found.stoppedBy));
  } else {
    rules = associationRules(log, { ...options, minSupport: numberFlag(values, 'min-support', 0.01, { above: 0, max: 1 }) });
  }
  rules.sort((a, b) => b[sort] - a[sort] || b.confidence - a.confidence || b.support - a.support);
  notes.push(`${rules.length} rules`);
  const columns: Array<Column<AssociationRule>> = [
    { header: 'antecedent', value: (r) => itemsetText(r.antecedent) }, { header: 'consequent', value: (r) => itemsetText(r.consequent) },
    { header: 'support', value: (r) => r.support, digits: 4 }, { header: 'confidence', value: (r) => r.confidence, digits: 3 },
    { header: 'lift', value: (r) => r.lift, digits: 2 }, { header: 'leverage', value: (r) => r.leverage, digits: 4 },
    { header: 'conviction', value: (r) => r.conviction, digits: 2 }, { header: 'count', value: (r) => r.count },
  ];
  return { text: formatRows(rules.slice(0, limit), columns, format, { formulas: values['csv-formulas'] === true }), notes };
}

export function sequencesCommand(log: TransactionLog, { values, format, limit, run }: CommandContext): CommandResult {
  const maxGap = numberFlag(values, 'max-gap', Infinity, { min: 1, integer: true });
  const options = {
    maxLength: numberFlag(values, 'max-length', 4, { min: 1, integer: true }),
    minGap: numberFlag(values, 'min-gap', 1, { min: 1, integer: true }),
    ...(Number.isFinite(maxGap) ? { maxGap } : {}),
    algorithm: choiceFlag(values, 'algorithm', ['prefixspan', 'spade', 'gsp'] as const, 'prefixspan'),
    maxPatterns: numberFlag(values, 'max-patterns', 1_000_000, { min: 1, integer: true }),
    ...(values['max-memory'] === undefined ? {} : { maxMemoryMB: numberFlag(values, 'max-memory', 0, { above: 0 }) }),
    ...run,
  };
  const notes: string[] = [];
  const multiStep = (p: SequentialPattern[]) => p.filter((x) => x.sequence.length > 1);
  let patterns: SequentialPattern[];
  if (values['min-support'] === undefined) {
    const found = searchSupport(log.customerCount, 0.2, 5, (minSupport) => sequentialPatterns(log, { ...options, minSupport, maxPatterns: Math.min(options.maxPatterns, 500_000) }), (p) => multiStep(p).length >= 20);
    patterns = found.result;
    notes.push(supportNote('20 multi-step patterns', found.minSupport, found.stoppedBy));
  } else {
    patterns = sequentialPatterns(log, { ...options, minSupport: numberFlag(values, 'min-support', 0.01, { above: 0, max: 1 }) });
  }
  if (values.rules === true) {
    const rules = sequentialRules(patterns, { minConfidence: numberFlag(values, 'min-confidence', 0.1, { min: 0, max: 1 }) }).sort((a, b) => b.lift - a.lift || b.confidence - a.confidence);
    notes.push(`${rules.length} sequential rules`);
    const columns: Array<Column<SequentialRule>> = [
      { header: 'after', value: (r) => sequenceText(r.prefix) }, { header: 'next', value: (r) => itemsetText(r.next) },
      { header: 'support', value: (r) => r.support, digits: 4 }, { header: 'confidence', value: (r) => r.confidence, digits: 3 },
      { header: 'lift', value: (r) => r.lift, digits: 2 }, { header: 'count', value: (r) => r.count },
    ];
    return { text: formatRows(rules.slice(0, limit), columns, format, { formulas: values['csv-formulas'] === true }), notes };
  }
  patterns.sort((a, b) => b.count - a.count || b.sequence.length - a.sequence.length);
  notes.push(`${patterns.length} patterns`);
  const columns: Array<Column<SequentialPattern>> = [
    { header: 'pattern', value: (p) => sequenceText(p.sequence) }, { header: 'steps', value: (p) => p.sequence.length },
    { header: 'support', value: (p) => p.support, digits: 4 }, { header: 'count', value: (p) => p.count },
  ];
  return { text: formatRows(patterns.slice(0, limit), columns, format, { formulas: values['csv-formulas'] === true }), notes };
}

export function rfmCommand(log: TransactionLog, { values, format, limit }: CommandContext): CommandResult {
  const rows = rfm(log, { asOf: asOfFlag(log, values), bins: numberFlag(values, 'bins', 5, { min: 2, max: 10, integer: true }) });
  if (values.segments === true) {
    const columns: Array<Column<RfmSegmentSummary>> = [
      { header: 'segment', value: (s) => s.segment }, { header: 'customers', value: (s) => s.customers }, { header: 'share', value: (s) => s.share, digits: 3 },
      { header: 'recency', value: (s) => s.recency, digits: 1 }, { header: 'frequency', value: (s) => s.frequency, digits: 2 },
      { header: 'monetary', value: (s) => s.monetary, digits: 2 }, { header: 'revenueShare', value: (s) => s.revenueShare, digits: 3 },
    ];
    return { text: formatRows(rfmSummary(rows).slice(0, limit), columns, format, { formulas: values['csv-formulas'] === true }), notes: [] };
  }
  rows.sort((a, b) => b.score.localeCompare(a.score) || b.monetary - a.monetary);
  const columns: Array<Column<RfmRow>> = [
    { header: 'customer', value: (r) => r.customer }, { header: 'recency', value: (r) => r.recency }, { header: 'frequency', value: (r) => r.frequency },
    { header: 'monetary', value: (r) => r.monetary, digits: 2 }, { header: 'r', value: (r) => r.r }, { header: 'f', value: (r) => r.f }, { header: 'm', value: (r) => r.m },
    { header: 'score', value: (r) => r.score }, { header: 'segment', value: (r) => r.segment },
  ];
  return { text: formatRows(rows.slice(0, limit), columns, format, { formulas: values['csv-formulas'] === true }), notes: [`${rows.length} customers`] };
}

export function clvCommand(log: TransactionLog, { values, format, limit }: CommandContext): CommandResult {
  const found = valueCustomers(log, asOfFlag(log, values), {
    horizonWeeks: numberFlag(values, 'horizon-weeks', 52, { above: 0 }),
    discountRate: numberFlag(values, 'discount-rate', 0.01, { min: 0 }),
    top: limit,
    ...marginFlag(values),
  });
  const { r, alpha, a, b } = found.bgnbd;
  const { p, q, gamma } = found.gammaGamma;
  const columns: Array<Column<(typeof found.top)[number]>> = [
    { header: 'customer', value: (c) => c.customer }, { header: 'repeatPurchases', value: (c) => c.frequency },
    { header: 'probabilityAlive', value: (c) => c.probabilityAlive, digits: 3 }, { header: 'expectedPurchases', value: (c) => c.expectedPurchases, digits: 2 },
    { header: 'expectedSpend', value: (c) => c.expectedSpend, digits: 2 }, { header: 'clv', value: (c) => c.clv, digits: 2 },
  ];
  const total = found.values.reduce((s, v) => s + v.clv, 0);
  return {
    text: formatRows(found.top, columns, format, { formulas: values['csv-formulas'] === true }),
    notes: [`BG/NBD r ${r.toFixed(4)}, alpha ${alpha.toFixed(4)}, a ${a.toFixed(4)}, b ${b.toFixed(4)}; Gamma-Gamma p ${p.toFixed(4)}, q ${q.toFixed(4)}, gamma ${gamma.toFixed(4)}`, `${found.values.length} customers, total CLV ${total.toFixed(2)}${typeof values.currency === 'string' ? ` ${values.currency}` : ''} over ${found.horizonWeeks} weeks, ${found.margin === null ? 'revenue (no --margin given)' : found.margin === 'cost' ? 'margin (amount less cost)' : `margin (${(found.margin * 100).toFixed(0)}% of revenue)`}`],
  };
}

/** `--margin 0.3` (a share of spend) or `--margin cost` (amount less the cost column), as analyze's clv option. */
export function marginFlag(values: Values): { margin?: number | 'cost' } {
  if (values.margin === undefined) return {};
  return { margin: values.margin === 'cost' ? 'cost' : numberFlag(values, 'margin', 1, { min: 0, max: 1 }) };
}

export function churnCommand(log: TransactionLog, { values, format, limit }: CommandContext): CommandResult {
  const found = predictChurn(log, asOfFlag(log, values), { horizonDays: numberFlag(values, 'horizon-days', 90, { min: 1, integer: true }), model: churnModelFlag(values), top: Math.min(limit, log.customerCount) });
  const r = found.report;
  const notes = [`${found.model} model trained at ${day(found.trainedAt)}; ${(r.predictedChurnRate * 100).toFixed(1)}% of ${r.customers} customers expected to buy nothing within ${found.horizonDays} days after ${day(r.asOf)}; revenue at risk ${r.revenueAtRisk.toFixed(2)}`];
  const c = found.check;
  notes.push(c === null ? 'no out-of-time check: the log needs two horizons of history' : `out-of-time check (trained ${day(c.trainedAt)}, scored ${day(c.checkedAt)}): AUC ${c.auc.toFixed(3)}, lift in the riskiest 10% ${c.liftAt10.toFixed(2)}`);
  const columns: Array<Column<(typeof r.atRisk)[number]>> = [
    { header: 'customer', value: (x) => x.customer }, { header: 'probability', value: (x) => x.probability, digits: 3 },
    { header: 'clv', value: (x) => x.clv, digits: 2 }, { header: 'valueAtRisk', value: (x) => x.valueAtRisk, digits: 2 },
    { header: 'reasons', value: (x) => x.reasons.map((w) => w.text).join('; ') },
  ];
  return { text: formatRows(r.atRisk, columns, format, { formulas: values['csv-formulas'] === true }), notes };
}


export function summaryCommand(log: TransactionLog, { format }: CommandContext): CommandResult {
  const s = log.summary();
  if (format === 'json') return { text: `${JSON.stringify(s, null, 2)}\n`, notes: [] };
  const lines = [
    `${s.rows} line items, ${s.baskets} baskets, ${s.customers} customers, ${s.items} items`,
    `from ${day(s.from)} to ${day(s.to)}${s.amount === null ? '' : `, total amount ${s.amount.toFixed(2)}`}`,
    `mean basket size ${s.meanBasketSize.toFixed(2)} items`,
    ...(s.returns.rows === 0 ? [] : [`${s.returns.rows} return rows (${s.returns.policy}), amount ${s.returns.amount.toFixed(2)}${s.returns.withoutPurchase.rows === 0 ? '' : `; ${s.returns.withoutPurchase.rows} of them (${s.returns.withoutPurchase.amount.toFixed(2)}) from customers with no purchase in the file`}`]),
  ];
  if (format === 'csv') {
    const rows = [['rows', s.rows], ['baskets', s.baskets], ['customers', s.customers], ['items', s.items], ['from', s.from.toISOString()], ['to', s.to.toISOString()], ['amount', s.amount ?? ''], ['meanBasketSize', s.meanBasketSize], ['skippedRows', s.skipped.rows], ['returnRows', s.returns.rows], ['returnAmount', s.returns.amount]];
    return { text: `field,value\n${rows.map(([k, v]) => `${String(k)},${String(v)}`).join('\n')}\n`, notes: [] };
  }
  return { text: `${lines.join('\n')}\n`, notes: [] };
}
