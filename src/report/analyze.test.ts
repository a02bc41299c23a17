import { describe, expect, it } from 'vitest';
import { syntheticLog } from '../core/synthetic';
import { TransactionLog } from '../core/TransactionLog';
import { resolveAsOf } from '../core/asOf';
import { MS_PER_DAY } from '../core/time';
import { associationRules } from '../association/index';
import { sequentialPatterns } from '../sequence/index';
import { loyaltyMatrix, rfm, rfmSummary, valueTiers } from '../rfm/index';
import { calibrationHoldout, conditionalExpectations, customerSummary, fitBgNbd, trackingCurve } from '../clv/index';
import { churnReport, trainChurnModel } from '../churn/index';
import { profileSegments } from '../profile/index';
import { analyze, type Section } from './analyze';

const { log } = syntheticLog({ customers: 400, seed: 11, start: '2023-01-01', end: '2024-12-31' });
const result = analyze(log, { rules: { top: 30 }, sequences: { top: 10 } });
const ok = <T>(s: Section<T>) => {
  if (s.status !== 'ok') throw new Error(`section skipped: ${s.reason}`);
  return s;
};

describe('analyze: every section equals the library run directly', () => {
  it('summarises the log and its best-selling items', () => {
    expect(result.summary).toEqual(log.summary());
    expect(result.asOf.getTime()).toBe(resolveAsOf(log, undefined));
    const counts = new Map<string, number>();
    for (const basket of log.baskets()) for (const item of basket) counts.set(item, (counts.get(item) ?? 0) + 1);
    const best = Math.max(...counts.values());
    expect(result.topItems[0]).toEqual({ item: result.topItems[0]?.item, baskets: best, share: best / log.basketCount });
    expect(counts.get(result.topItems[0]?.item as string)).toBe(best);
  });

  it('RFM segments, each said in words by what sets it apart (profileSegments on recency, baskets and spend)', () => {
    const s = ok(result.rfm);
    const rows = rfm(log);
    expect(s.segments).toEqual(rfmSummary(rows));
    const table = rows.map((r) => ({ segment: r.segment, 'days since last purchase': r.recency, baskets: r.frequency, spend: r.monetary }));
    expect(s.profiles).toEqual(Object.fromEntries(profileSegments(table, 'segment', { top: 3 }).map((p) => [p.segment, p.description])));
    expect(s.profiles.Champions).toMatch(/days since last purchase < \d+/);
  });

  it('rules: the highest halving of 10% support that yields the target, and the rules found there', () => {
    const s = ok(result.rules);
    const at = (minSupport: number) => associationRules(log, { minSupport, minConfidence: 0.2, maxLength: 4 });
    expect(s.total).toBe(at(s.minSupport).length);
    expect(s.total).toBeGreaterThanOrEqual(30);
    if (s.minSupport < 0.1) expect(at(s.minSupport * 2).length).toBeLessThan(30);
    const key = (r: { antecedent: string[]; consequent: string[] }) => `${r.antecedent.join()}=>${r.consequent.join()}`;
    const direct = new Map(at(s.minSupport).map((r) => [key(r), r]));
    for (const r of s.rules) expect(direct.get(key(r))).toEqual(r);
    // Only rules to act on: lift > 1, all of them counted.
    expect(s.rules.every((r) => r.lift > 1)).toBe(true);
    expect(s.positive).toBe(at(s.minSupport).filter((r) => r.lift > 1).length);
    const strength = s.rules.map((r) => r.lift * r.confidence);
    expect(strength).toEqual([...strength].sort((a, b) => b - a));
  });

  it('sequences: multi-step patterns at the chosen support, most supported first', () => {
    const s = ok(result.sequences);
    const direct = sequentialPatterns(log, { minSupport: s.minSupport, maxLength: 4 });
    expect(s.total).toBe(direct.length);
    const multi = direct.filter((p) => p.sequence.length > 1).sort((a, b) => b.support - a.support);
    expect(s.patterns.map((p) => p.support)).toEqual(multi.slice(0, 10).map((p) => p.support));
    expect(s.patterns.every((p) => p.sequence.length > 1)).toBe(true);
    expect(s.rules.every((r) => r.lift > 1)).toBe(true);
  });

  it('CLV: BG/NBD fitted on the weekly summary; top customers by CLV', () => {
    const s = ok(result.clv);
    expect(s.bgnbd).toEqual(fitBgNbd(customerSummary(log, { unit: 'week' })).params);
    expect(s.values).toHaveLength(log.customerCount);
    const sorted = s.values.map((v) => v.clv).sort((a, b) => b - a);
    expect(s.top.map((v) => v.clv)).toEqual(sorted.slice(0, 20));
    expect(s.top.every((v) => v.probabilityAlive >= 0 && v.probabilityAlive <= 1)).toBe(true);
    expect(s.tiers).toEqual(valueTiers(s.values).tiers);
  });

  it('CLV model check: BG/NBD fitted before a holdout of the last third, tracked through it', () => {
    const check = ok(result.clv).check;
    if (check.status !== 'ok') throw new Error(check.reason);
    const end = resolveAsOf(log, undefined);
    const spanWeeks = (end - log.summary().from.getTime()) / (7 * MS_PER_DAY);
    expect(check.holdoutWeeks).toBe(Math.round(spanWeeks / 3));
    expect(check.holdoutEnd.getTime()).toBe(end);
    const ends = { calibrationEnd: check.calibrationEnd, holdoutEnd: check.holdoutEnd };
    const rows = calibrationHoldout(log, ends);
    const model = fitBgNbd(rows);
    expect(check.bgnbd).toEqual(model.params);
    expect(check.tracking).toEqual(trackingCurve(model, log, ends));
    expect(check.conditional).toEqual(conditionalExpectations(model, rows));
    // The planted process is BG/NBD: the model tracks the holdout's repeat purchases within 15%.
    const last = check.tracking.at(-1);
    expect(Math.abs((last?.expected ?? 0) / (last?.actual ?? 1) - 1)).toBeLessThan(0.15);
  });

  it('loyalty matrix: with attitude scores it equals loyaltyMatrix on RFM frequency; without, it says why', () => {
    expect(result.loyalty).toEqual({ status: 'skipped', reason: expect.stringContaining('no attitude scores were given') });
    const rows = rfm(log);
    const attitude = rows.filter((_, i) => i % 5 !== 0).map((r, i) => ({ customer: r.customer, score: (i * 37) % 11 }));
    const a = analyze(log, { rules: false, sequences: false, clv: false, churn: false, segments: false, loyalty: { attitude } });
    const s = ok(a.loyalty);
    const { customers, ...direct } = loyaltyMatrix(rows, { attitude });
    expect(s).toMatchObject(direct);
    expect(s.customers).toBe(customers.length);
    expect(s.customers + s.withoutAttitude.customers).toBe(rows.length);
  });

  it('churn: trained at the latest labelled date, checked out of time one horizon earlier', () => {
    const s = ok(result.churn);
    const end = resolveAsOf(log, undefined);
    expect(s.trainedAt.getTime()).toBe(end - 90 * MS_PER_DAY);
    const model = trainChurnModel(log, { asOf: s.trainedAt, horizonDays: 90, model: 'logistic', seed: 1 });
    expect(s.report).toEqual(churnReport(log, model, { asOf: end, topN: 20 }));
    const check = s.check;
    expect(check?.checkedAt.getTime()).toBe(s.trainedAt.getTime());
    const earlier = trainChurnModel(log, { asOf: end - 180 * MS_PER_DAY, horizonDays: 90, seed: 1 });
    expect(check?.auc).toBe(earlier.evaluate(log, { asOf: s.trainedAt }).auc);
  });

  it('k-means segments: k profiles covering every customer', () => {
    const s = ok(result.segments);
    expect(s.profiles).toHaveLength(4);
    expect(s.profiles.reduce((n, p) => n + p.customers, 0)).toBe(rfm(log).length);
    expect(Object.keys(s.apart).sort()).toEqual(['0', '1', '2', '3']);
  });
});

describe('analyze: what a log cannot support is skipped with the reason', () => {
  const records = [
    { c: 'a', t: '2025-01-01', i: 'x' }, { c: 'a', t: '2025-01-05', i: 'y' }, { c: 'b', t: '2025-01-02', i: 'x' },
    { c: 'b', t: '2025-01-02', i: 'y' }, { c: 'c', t: '2025-01-09', i: 'x' },
  ];
  const small = TransactionLog.fromRecords(records, { customer: 'c', time: 't', item: 'i' });

  it('no amounts: RFM and CLV say so; a nine-day log is too short for churn', () => {
    const a = analyze(small);
    const reason = (s: Section<unknown>) => (s.status === 'skipped' ? s.reason : 'computed');
    expect(reason(a.rfm)).toMatch(/amount/);
    expect(reason(a.clv)).toMatch(/amount/);
    expect(reason(a.churn)).toMatch(/too short to learn 90-day churn/);
    expect(a.rules.status).toBe('ok');
  });

  it('false leaves a section out; an aborted signal stops the run', () => {
    const a = analyze(small, { rules: false, sequences: false, rfm: false, clv: false, churn: false, segments: false, loyalty: false });
    for (const key of ['rules', 'sequences', 'rfm', 'clv', 'churn', 'segments', 'loyalty'] as const) expect(a[key]).toEqual({ status: 'skipped', reason: 'left out by the options' });
    const controller = new AbortController();
    controller.abort();
    expect(() => analyze(log, { signal: controller.signal })).toThrow(expect.objectContaining({ code: 'ABORTED' }));
  });

  it('reports each section as a step, in order', () => {
    const steps: string[] = [];
    analyze(small, { onProgress: (p) => { if (!p.phase.includes(':')) steps.push(p.phase); } });
    expect(steps).toEqual(['rfm', 'rules', 'sequences', 'clv', 'churn', 'segments', 'loyalty', 'done']);
  });
});
