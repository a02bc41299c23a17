/**
 * Customer profiling against brute force: on small random tables every candidate condition is
 * built here (each category; each range between the type-7 quantile cuts), its coverage, rate in
 * the rest, lift, WRAcc and Fisher p-value counted from the rows, and the kept conditions
 * compared. On Telco, the churners' profile is checked against counts taken from the file.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { profileSegments } from './index';

const choose = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
};
const fisher = (both: number, a: number, c: number, n: number): number => {
  let p = 0;
  for (let k = both; k <= Math.min(a, c); k++) p += (choose(c, k) * choose(n - c, a - k)) / choose(n, a);
  return Math.min(1, p);
};
const quantile7 = (sorted: number[], p: number) => {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return (sorted[lo] as number) + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] as number) - (sorted[lo] as number));
};

interface Row { spend: number | null; channel: string; segment: string }
const rowArb = fc.record({ spend: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null, freq: 8 }), channel: fc.constantFrom('web', 'shop', 'phone'), segment: fc.constantFrom('A', 'B', 'C') });

function brute(rows: Row[], segment: string, bins: number, minCoverage: number, maxPValue: number) {
  const spend = rows.map((r) => r.spend).filter((v): v is number => v !== null).sort((a, b) => a - b);
  const cuts = spend.length === 0 ? [] : [...new Set(Array.from({ length: bins - 1 }, (_, i) => quantile7(spend, (i + 1) / bins)))].filter((q) => q > (spend[0] as number));
  const edges = [-Infinity, ...cuts, Infinity];
  const conditions: Array<{ text: string; test: (r: Row) => boolean }> = [];
  const num = (x: number) => String(Number(x.toPrecision(4)));
  for (const q of cuts) {
    conditions.push({ text: `spend < ${num(q)}`, test: (r) => r.spend !== null && r.spend < q });
    conditions.push({ text: `spend ≥ ${num(q)}`, test: (r) => r.spend !== null && r.spend >= q });
  }
  for (let i = 1; i + 2 < edges.length; i++) {
    const lo = edges[i] as number, hi = edges[i + 1] as number;
    conditions.push({ text: `${num(lo)} ≤ spend < ${num(hi)}`, test: (r) => r.spend !== null && r.spend >= lo && r.spend < hi });
  }
  for (const v of new Set(rows.map((r) => r.channel))) conditions.push({ text: `channel = ${v}`, test: (r) => r.channel === v });
  const n = rows.length;
  const size = rows.filter((r) => r.segment === segment).length;
  return conditions.map((c) => {
    const total = rows.filter(c.test).length;
    const both = rows.filter((r) => c.test(r) && r.segment === segment).length;
    const coverage = both / size, rest = size === n ? 0 : (total - both) / (n - size);
    return { text: c.text, coverage, rest, total, lift: total === 0 ? 0 : both / total / (size / n), wracc: total === 0 ? 0 : (total / n) * (both / total - size / n), pValue: total === 0 ? 1 : fisher(both, total, size, n) };
  }).filter((c) => c.total > 0 && c.coverage >= minCoverage && c.coverage > c.rest && c.pValue <= maxPValue);
}

describe('profileSegments', () => {
  it('keeps exactly the conditions brute force finds, with their measures, best WRAcc first', () => {
    fc.assert(fc.property(fc.array(rowArb, { minLength: 6, maxLength: 50 }), fc.constantFrom(2, 3, 4), (rows, bins) => {
      const profiles = profileSegments(rows as unknown as Record<string, unknown>[], 'segment', { bins, top: 100, minCoverage: 0.2, maxPValue: 0.4321 });
      expect(profiles.reduce((s, p) => s + p.rows, 0)).toBe(rows.length);
      for (const p of profiles) {
        const want = brute(rows, p.segment, bins, 0.2, 0.4321); // a bound no small table's p-value hits exactly
        expect(p.conditions.map((c) => c.text).sort()).toEqual(want.map((c) => c.text).sort());
        for (const c of p.conditions) {
          const w = want.find((x) => x.text === c.text);
          for (const key of ['coverage', 'rest', 'lift', 'wracc', 'pValue'] as const) expect(c[key], `${c.text} ${key}`).toBeCloseTo(w?.[key] as number, 10);
        }
        const wracc = p.conditions.map((c) => c.wracc);
        expect(wracc).toEqual([...wracc].sort((a, b) => b - a));
      }
    }), { numRuns: 150 });
  });

  it('on Telco, says what sets churners apart, with the shares counted from the file', () => {
    const text = readFileSync(fileURLToPath(new URL('../../examples/data/ibm-telco/Telco-Customer-Churn.csv', import.meta.url)), 'utf8').trim().split('\n');
    const header = (text[0] as string).split(',');
    const rows = text.slice(1).map((line) => {
      const cells = line.split(',');
      const row: Record<string, unknown> = {};
      header.forEach((h, i) => { const v = cells[i] as string; row[h] = ['tenure', 'MonthlyCharges', 'TotalCharges'].includes(h) ? (v.trim() === '' ? null : Number(v)) : v; });
      return row;
    });
    const [churners] = profileSegments(rows, 'Churn', { attributes: ['Contract', 'tenure', 'InternetService', 'PaymentMethod', 'MonthlyCharges'] }).filter((p) => p.segment === 'Yes');
    const yes = rows.filter((r) => r.Churn === 'Yes');
    const no = rows.filter((r) => r.Churn === 'No');
    expect(churners?.rows).toBe(yes.length);
    const monthly = churners?.conditions.find((c) => c.text === 'Contract = Month-to-month');
    expect(monthly?.coverage).toBeCloseTo(yes.filter((r) => r.Contract === 'Month-to-month').length / yes.length, 12);
    expect(monthly?.rest).toBeCloseTo(no.filter((r) => r.Contract === 'Month-to-month').length / no.length, 12);
    expect(churners?.conditions[0]?.text).toBe('Contract = Month-to-month');
    expect(churners?.description).toMatch(/^Contract = Month-to-month \(89% of the segment, 43% of the rest\)/);
  });

  it('names a missing segment by row, and bad options', () => {
    expect(() => profileSegments([{ s: 'a', x: 1 }, { s: null, x: 2 }], 's')).toThrow(expect.objectContaining({ code: 'DATA', row: 2, field: 's' }));
    expect(() => profileSegments([{ s: 'a', x: 1 }], 's', { attributes: ['y'] })).toThrow(/attribute 'y' is not a column/);
    expect(() => profileSegments([{ s: 'a', x: 1 }], 's', { bins: 1 })).toThrow(/bins must be an integer >= 2/);
    expect(profileSegments([{ s: 'a', x: 1 }, { s: 'a', x: 2 }], 's')[0]?.description).toMatch(/^nothing sets it apart/);
  });
});
