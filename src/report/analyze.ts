import { OptionError, isCrmMiningError } from '../core/errors';
import { resolveAsOf } from '../core/asOf';
import { throwIfAborted, type RunOptions } from '../core/run';
import { MS_PER_DAY } from '../core/time';
import type { LogSummary, TransactionLog } from '../core/TransactionLog';
import { associationRules, type AssociationRule } from '../association/index';
import { sequentialPatterns, sequentialRules, type SequentialPattern, type SequentialRule } from '../sequence/index';
import { loyaltyMatrix, rfm, rfmSummary, valueTiers, type LoyaltyMatrix, type LoyaltyMatrixOptions, type RfmSegmentSummary, type ValueTierSummary } from '../rfm/index';
import { clv, customerSummary, fitBgNbd, fitGammaGamma, type BgNbdParams, type CustomerClv, type GammaGammaParams } from '../clv/index';
import { churnReport, trainChurnModel, type ChurnEvaluation, type ChurnModelKind, type ChurnReport } from '../churn/index';
import { segmentCustomers, type SegmentProfile } from '../cluster/index';
import { profileSegments } from '../profile/index';
import { searchSupport } from './supportSearch';
import { dataQuality, type DataQuality } from './dataQuality';
import { clvModelCheck, type ClvModelCheck } from './clvCheck';
import { RUN_OPTIONS, checkOptions, type OptionKind } from '../core/options';

/** A report section: its result, or why it could not be computed from this log. */
export type Section<T> = ({ status: 'ok'; elapsedMs: number } & T) | { status: 'skipped'; reason: string };

/** Options of {@link analyze}; `false` leaves a section out. */
export interface AnalyzeOptions extends RunOptions {
  /** Reference date for RFM, CLV and churn scoring. @default the day after the last purchase */
  asOf?: Date | string | number;
  /** Association rules; without minSupport, support is halved from 10% until `top` rules are found. */
  rules?: false | { minSupport?: number; minConfidence?: number; maxLength?: number; top?: number };
  /** Sequential patterns; without minSupport, support is halved from 20% until `top` multi-step patterns are found. */
  sequences?: false | { minSupport?: number; maxLength?: number; top?: number };
  rfm?: false | { bins?: number };
  /** BG/NBD + Gamma-Gamma CLV over `horizonWeeks`, discounted per 4-week period. */
  /**
   * `margin`: the share of spend that is margin, or `'cost'` for amount − cost from the log's
   * cost column, so that CLV is a margin; without it CLV is revenue.
   */
  /**
   * `holdoutWeeks`: the model check fits on the log up to asOf minus this and compares with what
   * followed (default: the last third of the span); `penalizer`: L2 penalty of the fits (as lifetimes).
   */
  clv?: false | { horizonWeeks?: number; discountRate?: number; top?: number; margin?: number | 'cost'; holdoutWeeks?: number; penalizer?: number };
  /**
   * The 3 × 3 loyalty matrix: purchase frequency × `attitude`, a survey or NPS score per customer
   * (see `loyaltyMatrix`). Without attitude scores the section is skipped.
   */
  loyalty?: false | Partial<LoyaltyMatrixOptions>;
  /** Currency of the amounts (e.g. 'EUR'), shown with them. */
  currency?: string;
  /** Churn within `horizonDays`: trained on the latest fully labelled date, checked out of time one horizon earlier. */
  churn?: false | { horizonDays?: number; model?: ChurnModelKind; top?: number; seed?: number };
  /** k-means on log-scaled RFM. */
  segments?: false | { k?: number; seed?: number };
}

/** Everything {@link analyze} found: plain data, ready for JSON or {@link renderReport}. */
export interface Analysis {
  asOf: Date;
  summary: LogSummary;
  /** Rows read, used, skipped by reason, returns, duplicates, date range. */
  quality: DataQuality;
  topItems: Array<{ item: string; baskets: number; share: number }>;
  /** `profiles`: per segment, the recency/frequency/spend conditions that set it apart (profileSegments), in words. */
  rfm: Section<{ segments: RfmSegmentSummary[]; profiles: Record<string, string> }>;
  /** `rules`: the strongest rules with lift > 1 (`positive` of the `total` found); lift ≤ 1 means the items go together no more than chance. */
  rules: Section<{ rules: AssociationRule[]; total: number; positive: number; minSupport: number; minConfidence: number }>;
  sequences: Section<{ patterns: SequentialPattern[]; rules: SequentialRule[]; total: number; minSupport: number }>;
  /** `margin` null: the values are revenue; a share: they are that margin of it; 'cost': amount − cost. */
  /** `tiers`: high/medium/low value (top 20%, next 30%, rest); `check`: the purchase model fitted before a holdout and compared with it. */
  clv: Section<{ horizonWeeks: number; discountRate: number; margin: number | 'cost' | null; bgnbd: BgNbdParams; gammaGamma: GammaGammaParams; values: CustomerClv[]; top: Array<CustomerClv & { frequency: number; probabilityAlive: number }>; tiers: ValueTierSummary[]; check: ClvModelCheck }>;
  /** Purchase frequency × attitude; `customers` with an attitude score, `withoutAttitude` counted. */
  loyalty: Section<Omit<LoyaltyMatrix, 'customers'> & { customers: number }>;
  /** Currency of the amounts, when given. */
  currency: string | null;
  churn: Section<{ horizonDays: number; model: ChurnModelKind; trainedAt: Date; report: ChurnReport; check: (ChurnEvaluation & { trainedAt: Date; checkedAt: Date }) | null }>;
  /** `apart`: per cluster, the conditions that set it apart from the other customers (profileSegments), in words. */
  segments: Section<{ k: number; profiles: SegmentProfile[]; apart: Record<string, string> }>;
}

const SECTIONS = ['rfm', 'rules', 'sequences', 'clv', 'churn', 'segments', 'loyalty'] as const;
const MIN_COUNT = 5;

/**
 * The whole analysis of a transaction log, as the `crm-mining analyze` command and the HTML
 * report show it: a data summary, RFM segments, association rules, sequential patterns, CLV,
 * churn risk and k-means segments. A section that this log cannot support (no amounts, too
 * short for the churn horizon, …) is `{ status: 'skipped', reason }` instead of failing the rest.
 * @throws {AbortError} code `'ABORTED'` when the signal fires; other errors become skipped sections.
 * @example
 * const a = analyze(log, { churn: { horizonDays: 60 } });
 * if (a.churn.status === 'ok') console.log(a.churn.report.revenueAtRisk);
 * const html = await renderReport(a, { title: 'Shop' });
 */
export function analyze(log: TransactionLog, options: AnalyzeOptions = {}): Analysis {
  checkOptions('analyze', options, { ...RUN_OPTIONS, asOf: 'time', rules: 'any', sequences: 'any', rfm: 'any', clv: 'any', churn: 'any', segments: 'any', loyalty: 'any', currency: 'string' } satisfies Record<keyof AnalyzeOptions, OptionKind>);
  const asOf = resolveAsOf(log, options.asOf);
  const run = <K extends (typeof SECTIONS)[number], T>(key: K, compute: (sub: RunOptions) => T): Section<T> => {
    throwIfAborted(options.signal);
    const done = SECTIONS.indexOf(key);
    options.onProgress?.({ phase: key, done, total: SECTIONS.length });
    if (options[key] === false) return { status: 'skipped', reason: 'left out by the options' };
    const sub: RunOptions = {
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onProgress: (p) => options.onProgress?.({ ...p, phase: `${key}: ${p.phase}` }),
    };
    const started = performance.now();
    try {
      const result = compute(sub);
      return { status: 'ok', elapsedMs: performance.now() - started, ...result };
    } catch (error) {
      if (isCrmMiningError(error) && error.code !== 'ABORTED') return { status: 'skipped', reason: error.message.replace(/^not computed: /, '') };
      throw error;
    }
  };
  const opt = <K extends (typeof SECTIONS)[number]>(key: K) => (options[key] === false ? {} : (options[key] ?? {})) as Exclude<AnalyzeOptions[K], false | undefined>;
  const result: Analysis = {
    asOf: new Date(asOf),
    summary: log.summary(),
    quality: dataQuality(log),
    currency: options.currency ?? null,
    topItems: topItems(log, 10),
    rfm: run('rfm', () => {
      const rows = rfm(log, { asOf, ...opt('rfm') });
      return { segments: rfmSummary(rows), profiles: describeSegments(rows, rows.map((r) => r.segment)) };
    }),
    rules: run('rules', (sub) => mineRules(log, opt('rules'), sub)),
    sequences: run('sequences', (sub) => mineSequences(log, opt('sequences'), sub)),
    clv: run('clv', () => clvSection(log, asOf, opt('clv'))),
    churn: run('churn', () => predictChurn(log, asOf, opt('churn'))),
    segments: run('segments', (sub) => {
      const k = opt('segments').k ?? 4;
      const rows = rfm(log, { asOf });
      const found = segmentCustomers(rows, { k, seed: opt('segments').seed ?? 1, ...sub });
      return { k, profiles: found.profiles, apart: describeSegments(rows, found.labels.map(String)) };
    }),
    loyalty: run('loyalty', () => loyalty(log, asOf, opt('loyalty'))),
  };
  options.onProgress?.({ phase: 'done', done: SECTIONS.length, total: SECTIONS.length });
  return result;
}

/** Per segment, what sets it apart on recency, frequency and spend, in words. */
function describeSegments(rows: ReadonlyArray<{ recency: number; frequency: number; monetary: number }>, segments: readonly string[]): Record<string, string> {
  const table = rows.map((r, i) => ({ segment: segments[i], 'days since last purchase': r.recency, baskets: r.frequency, spend: r.monetary }));
  return Object.fromEntries(profileSegments(table, 'segment', { top: 3 }).map((p) => [p.segment, p.description]));
}

function topItems(log: TransactionLog, top: number): Analysis['topItems'] {
  const { basketItems, itemNames } = log.columns;
  const counts = new Int32Array(log.itemCount);
  for (const id of basketItems) counts[id] = (counts[id] as number) + 1;
  const order = [...counts.keys()].sort((a, b) => (counts[b] as number) - (counts[a] as number)).slice(0, top);
  return order.map((id) => ({ item: itemNames[id] as string, baskets: counts[id] as number, share: (counts[id] as number) / Math.max(1, log.basketCount) }));
}

function mineRules(log: TransactionLog, o: Exclude<AnalyzeOptions['rules'], false | undefined>, sub: RunOptions) {
  const top = o.top ?? 50;
  const minConfidence = o.minConfidence ?? 0.2;
  const mine = (minSupport: number) => associationRules(log, { minSupport, minConfidence, maxLength: o.maxLength ?? 4, maxPatterns: 200_000, ...sub });
  const found = o.minSupport === undefined
    ? searchSupport(log.basketCount, 0.1, MIN_COUNT, mine, (r) => r.length >= top)
    : { result: mine(o.minSupport), minSupport: o.minSupport };
  // Only rules to act on: lift > 1 (bought together more often than chance).
  const rules = found.result.filter((r) => r.lift > 1).sort((a, b) => b.lift * b.confidence - a.lift * a.confidence || b.support - a.support);
  return { rules: rules.slice(0, top), total: found.result.length, positive: rules.length, minSupport: found.minSupport, minConfidence };
}

function mineSequences(log: TransactionLog, o: Exclude<AnalyzeOptions['sequences'], false | undefined>, sub: RunOptions) {
  const top = o.top ?? 20;
  const multiStep = (p: SequentialPattern[]) => p.filter((x) => x.sequence.length > 1);
  const mine = (minSupport: number) => sequentialPatterns(log, { minSupport, maxLength: o.maxLength ?? 4, maxPatterns: 200_000, ...sub });
  const found = o.minSupport === undefined
    ? searchSupport(log.customerCount, 0.2, MIN_COUNT, mine, (p) => multiStep(p).length >= top)
    : { result: mine(o.minSupport), minSupport: o.minSupport };
  const patterns = multiStep(found.result).sort((a, b) => b.support - a.support || b.sequence.length - a.sequence.length);
  // Only "next" rules that are more likely than for customers in general (lift > 1).
  const rules = sequentialRules(found.result, { minConfidence: 0.1 }).filter((r) => r.lift > 1).sort((a, b) => b.lift - a.lift || b.confidence - a.confidence).slice(0, top);
  return { patterns: patterns.slice(0, top), rules, total: found.result.length, minSupport: found.minSupport };
}

export function valueCustomers(log: TransactionLog, asOf: number, o: Exclude<AnalyzeOptions['clv'], false | undefined>) {
  const horizonWeeks = o.horizonWeeks ?? 52;
  const discountRate = o.discountRate ?? 0.01;
  if (log.columns.basketAmount === null) throw new OptionError('CLV needs amounts, and the log has no amount column');
  const margin = o.margin ?? null;
  const fitOptions = o.penalizer === undefined ? {} : { penalizer: o.penalizer };
  const summary = customerSummary(log, { asOf, unit: 'week', value: margin === 'cost' ? 'margin' : 'revenue' });
  const bgnbd = fitBgNbd(summary, fitOptions);
  // Gamma-Gamma leaves out one-time buyers and those whose returns cancel their repeat spend;
  // they get the population's mean spend per purchase (their purchase history still counts).
  const gammaGamma = fitGammaGamma(summary, fitOptions);
  const values = clv(bgnbd, gammaGamma, summary, { horizon: horizonWeeks, period: 4, discountRate, ...(typeof margin === 'number' ? { margin } : {}) });
  const byCustomer = new Map(summary.map((s) => [s.customer, s]));
  const top = [...values].sort((a, b) => b.clv - a.clv).slice(0, o.top ?? 20).map((v) => {
    const s = byCustomer.get(v.customer);
    return { ...v, frequency: s?.frequency ?? 0, probabilityAlive: s === undefined ? 0 : bgnbd.probabilityAlive(s) };
  });
  return { horizonWeeks, discountRate, margin, bgnbd: bgnbd.params, gammaGamma: gammaGamma.params, values, top };
}

/** The report's CLV section: the values, their tiers, and the purchase model checked on a holdout. */
function clvSection(log: TransactionLog, asOf: number, o: Exclude<AnalyzeOptions['clv'], false | undefined>) {
  const found = valueCustomers(log, asOf, o);
  const check = clvModelCheck(log, asOf, { ...(o.penalizer === undefined ? {} : { penalizer: o.penalizer }), ...(o.holdoutWeeks === undefined ? {} : { holdoutWeeks: o.holdoutWeeks }) });
  return { ...found, tiers: valueTiers(found.values).tiers, check };
}

function loyalty(log: TransactionLog, asOf: number, o: Exclude<AnalyzeOptions['loyalty'], false | undefined>) {
  if (o.attitude === undefined) throw new OptionError('no attitude scores were given: pass loyalty: { attitude } (a survey or NPS score per customer) to place customers on the loyalty matrix');
  const { customers, ...matrix } = loyaltyMatrix(rfm(log, { asOf }), { attitude: o.attitude, ...(o.levels === undefined ? {} : { levels: o.levels }) });
  return { ...matrix, customers: customers.length };
}

export function predictChurn(log: TransactionLog, asOf: number, o: Exclude<AnalyzeOptions['churn'], false | undefined>) {
  const horizonDays = o.horizonDays ?? 90;
  const model = o.model ?? 'logistic';
  const seed = o.seed ?? 1;
  const horizonMs = horizonDays * MS_PER_DAY;
  const first = log.summary().from.getTime();
  const trainedAt = Math.min(asOf, resolveAsOf(log, undefined)) - horizonMs;
  if (trainedAt <= first) throw new OptionError(`the log covers ${Math.round((asOf - first) / MS_PER_DAY)} days: too short to learn ${horizonDays}-day churn (it needs more than one horizon of history before the latest labelled date)`);
  const fitted = trainChurnModel(log, { asOf: trainedAt, horizonDays, model, seed });
  const report = churnReport(log, fitted, { asOf, topN: o.top ?? 20 });
  // Out-of-time check: trained one horizon earlier, scored at the training date above.
  let check: (ChurnEvaluation & { trainedAt: Date; checkedAt: Date }) | null = null;
  if (trainedAt - horizonMs > first) {
    try {
      const earlier = trainChurnModel(log, { asOf: trainedAt - horizonMs, horizonDays, model, seed });
      check = { ...earlier.evaluate(log, { asOf: trainedAt }), trainedAt: new Date(trainedAt - horizonMs), checkedAt: new Date(trainedAt) };
    } catch (error) {
      if (!isCrmMiningError(error) || error.code === 'ABORTED') throw error;
    }
  }
  return { horizonDays, model, trainedAt: new Date(trainedAt), report, check };
}
