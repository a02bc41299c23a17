/**
 * Rule measures and constraints against brute force: every rule of random baskets is enumerated
 * here (all itemsets, all splits), its counts taken by scanning the baskets, and each measure
 * recomputed from its textbook formula; the Fisher p-value is summed directly from binomial
 * coefficients; p-value adjustment follows R's p.adjust (cummax / cummin of the scaled values).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { associationRules, type AssociationRule } from './rules';
import { fisherGreater } from '../core/fisher';
import { significant } from './ruleConstraints';

const ITEMS = ['a', 'b', 'c', 'd', 'e', 'f'];
const basketsArb = fc.array(fc.uniqueArray(fc.constantFrom(...ITEMS), { maxLength: 5 }), { minLength: 2, maxLength: 30 });

interface Brute { antecedent: string[]; consequent: string[]; both: number; a: number; c: number; n: number }

/** Every rule A ⇒ C with A ∪ C present in at least `minCount` baskets. */
function bruteRules(baskets: string[][], minCount: number): Brute[] {
  const sets = baskets.map((b) => new Set(b));
  const count = (items: string[]) => sets.filter((s) => items.every((i) => s.has(i))).length;
  const out: Brute[] = [];
  for (let mask = 1; mask < 1 << ITEMS.length; mask++) {
    const z = ITEMS.filter((_, i) => mask & (1 << i));
    if (z.length < 2 || count(z) < minCount) continue;
    for (let sub = 1; sub < (1 << z.length) - 1; sub++) {
      const consequent = z.filter((_, i) => sub & (1 << i));
      const antecedent = z.filter((i) => !consequent.includes(i));
      out.push({ antecedent, consequent, both: count(z), a: count(antecedent), c: count(consequent), n: baskets.length });
    }
  }
  return out;
}

const choose = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
};
/** P(X ≥ both), X hypergeometric, by the pmf summed term by term. */
function fisherDirect(both: number, a: number, c: number, n: number): number {
  let p = 0;
  for (let k = both; k <= Math.min(a, c); k++) p += (choose(c, k) * choose(n - c, a - k)) / choose(n, a);
  return Math.min(1, p);
}

function expected(r: Brute): Record<string, number> {
  const s = r.both / r.n, sA = r.a / r.n, sC = r.c / r.n, conf = r.both / r.a;
  const zd = Math.max(s * (1 - sA), sA * (sC - s));
  return {
    support: s, antecedentSupport: sA, consequentSupport: sC, confidence: conf, lift: conf / sC, leverage: s - sA * sC,
    conviction: conf === 1 ? Infinity : (1 - sC) / (1 - conf), jaccard: s / (sA + sC - s), certainty: sC === 1 ? 0 : (conf - sC) / (1 - sC),
    kulczynski: (r.both / r.a + r.both / r.c) / 2, zhang: zd === 0 ? 0 : (s - sA * sC) / zd, addedValue: conf - sC,
    cosine: s / Math.sqrt(sA * sC), allConfidence: s / Math.max(sA, sC), pValue: fisherDirect(r.both, r.a, r.c, r.n), count: r.both,
  };
}

const key = (r: { antecedent: string[]; consequent: string[] }) => `${r.antecedent.join(' ')} => ${r.consequent.join(' ')}`;
const byKey = (rules: AssociationRule[]) => new Map(rules.map((r) => [key(r), r]));

describe('rule measures equal their formulas on every brute-force rule', () => {
  it('holds for random baskets', () => {
    fc.assert(fc.property(basketsArb, (baskets) => {
      const rules = byKey(associationRules(baskets, { minCount: 1, minConfidence: 0 }));
      const brute = bruteRules(baskets, 1);
      expect(rules.size).toBe(brute.length);
      for (const b of brute) {
        const got = rules.get(key(b)) as unknown as Record<string, number>;
        for (const [name, want] of Object.entries(expected(b))) {
          if (want === Infinity) expect(got[name], name).toBe(Infinity);
          else expect(got[name], `${key(b)} ${name}`).toBeCloseTo(want, 10);
        }
      }
    }), { numRuns: 60 });
  });

  it('Fisher p-values match the direct sum, also for large counts and both tails', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 60 }), fc.nat(), fc.nat(), fc.nat(), (n, x, y, z) => {
      const a = 1 + (x % n), c = 1 + (y % n);
      const low = Math.max(0, a + c - n), high = Math.min(a, c);
      const both = low + (z % (high - low + 1));
      expect(fisherGreater(both, a, c, n)).toBeCloseTo(fisherDirect(both, a, c, n), 12);
    }), { numRuns: 500 });
    // A strong association in a large table: 1e-300 > p > 0, never NaN.
    const p = fisherGreater(900, 1000, 1000, 100_000);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-300);
    // Below the mean (10): close to 1 − P(Poisson(10) ≤ 1) = 1 − 11·e^−10.
    expect(fisherGreater(2, 1000, 1000, 100_000)).toBeCloseTo(1 - 11 * Math.exp(-10), 4);
  });
});

describe('rule constraints equal brute force', () => {
  it('filter keeps exactly the rules at or above every bound', () => {
    fc.assert(fc.property(basketsArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (baskets, jaccard, zhang) => {
      const got = associationRules(baskets, { minCount: 1, minConfidence: 0, filter: { jaccard, zhang } }).map(key).sort();
      const want = bruteRules(baskets, 1).filter((b) => { const e = expected(b); return (e.jaccard as number) >= jaccard && (e.zhang as number) >= zhang; }).map(key).sort();
      expect(got).toEqual(want);
    }), { numRuns: 60 });
  });

  it('appearance and consequentSize give exactly the rules that respect them', () => {
    const side = fc.option(fc.uniqueArray(fc.constantFrom(...ITEMS), { maxLength: 4 }), { nil: undefined });
    fc.assert(fc.property(basketsArb, side, side, side, fc.constantFrom(1, 2, Infinity), (baskets, antecedent, consequent, exclude, consequentSize) => {
      const appearance = { ...(antecedent === undefined ? {} : { antecedent }), ...(consequent === undefined ? {} : { consequent }), ...(exclude === undefined ? {} : { exclude }) };
      const left = (i: string) => !exclude?.includes(i) && (antecedent !== undefined ? antecedent.includes(i) : consequent === undefined || !consequent.includes(i));
      const right = (i: string) => !exclude?.includes(i) && (consequent !== undefined ? consequent.includes(i) : antecedent === undefined || !antecedent.includes(i));
      const got = associationRules(baskets, { minCount: 2, minConfidence: 0.3, appearance, consequentSize }).map(key).sort();
      const want = bruteRules(baskets, 2)
        .filter((b) => b.both / b.a >= 0.3 && b.antecedent.every(left) && b.consequent.every(right) && b.consequent.length <= consequentSize)
        .map(key).sort();
      expect(got).toEqual(want);
    }), { numRuns: 150 });
  });

  it('minImprovement keeps a rule only if it beats every rule with a smaller antecedent and the same consequent', () => {
    fc.assert(fc.property(basketsArb, fc.constantFrom(0, 0.05, 0.2), (baskets, minImprovement) => {
      const sets = baskets.map((b) => new Set(b));
      const count = (items: string[]) => sets.filter((s) => items.every((i) => s.has(i))).length;
      const got = associationRules(baskets, { minCount: 2, minConfidence: 0.2, minImprovement }).map(key).sort();
      const want = bruteRules(baskets, 2).filter((b) => b.both / b.a >= 0.2).filter((b) => {
        let best = b.c / b.n;
        for (let sub = 1; sub < (1 << b.antecedent.length) - 1; sub++) {
          const smaller = b.antecedent.filter((_, i) => sub & (1 << i));
          best = Math.max(best, count([...smaller, ...b.consequent]) / count(smaller));
        }
        return b.both / b.a - best >= minImprovement;
      }).map(key).sort();
      expect(got).toEqual(want);
    }), { numRuns: 80 });
  });

  it('maxPValue keeps the rules whose adjusted p-value passes (none, Holm, BH as R p.adjust)', () => {
    const adjust = (p: number[], method: 'none' | 'holm' | 'bh'): number[] => {
      const m = p.length;
      const order = p.map((_, i) => i).sort((x, y) => (p[x] as number) - (p[y] as number));
      const out = new Array<number>(m);
      if (method === 'none') return [...p];
      if (method === 'holm') {
        let run = 0;
        order.forEach((k, i) => { run = Math.max(run, Math.min(1, (m - i) * (p[k] as number))); out[k] = run; });
      } else {
        let run = 1;
        for (let i = m - 1; i >= 0; i--) { const k = order[i] as number; run = Math.min(run, (m / (i + 1)) * (p[k] as number)); out[k] = run; }
      }
      return out;
    };
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), fc.double({ min: 0, max: 0.2, noNaN: true }), fc.constantFrom('none', 'holm', 'bh'), (p, alpha, method) => {
      expect(significant(p, alpha, method)).toEqual(adjust(p, method).map((q) => q <= alpha * (1 + 1e-12)));
    }), { numRuns: 300 });
    fc.assert(fc.property(basketsArb, (baskets) => {
      const all = associationRules(baskets, { minCount: 1, minConfidence: 0 });
      const kept = associationRules(baskets, { minCount: 1, minConfidence: 0, maxPValue: 0.2, pAdjust: 'bh' }).map(key);
      const q = adjust(all.map((r) => r.pValue), 'bh');
      expect(kept).toEqual(all.filter((_, i) => (q[i] as number) <= 0.2).map(key));
    }), { numRuns: 60 });
  });

  it('rejects unknown measures and bad bounds with an OptionError naming them', () => {
    const baskets = [['a', 'b'], ['a']];
    expect(() => associationRules(baskets, { filter: { surprise: 1 } as never })).toThrow(/unknown measure 'surprise'/);
    expect(() => associationRules(baskets, { filter: { lift: Number.NaN } })).toThrow(/filter.lift must be a number/);
    expect(() => associationRules(baskets, { maxPValue: 2 })).toThrow(/maxPValue must be a number in \[0, 1\]/);
    expect(() => associationRules(baskets, { pAdjust: 'bonferroni' as never })).toThrow(/pAdjust must be/);
    expect(() => associationRules(baskets, { appearance: { consequent: 'a' as never } })).toThrow(/appearance.consequent must be an array/);
    expect(() => associationRules(baskets, { appearance: { rhs: ['a'] } as never })).toThrow(/appearance has no option 'rhs'/);
    expect(() => associationRules(baskets, { consequentSize: 0 })).toThrow(/consequentSize must be an integer >= 1/);
  });
});

describe('on the Groceries data of arules', () => {
  const baskets = readFileSync(fileURLToPath(new URL('../../examples/data/groceries/groceries.csv', import.meta.url)), 'utf8').trim().split('\n').map((l) => l.split(','));

  it("reproduces arules' apriori(Groceries, support 0.001, confidence 0.5): 5,668 rules with one-item consequents", () => {
    // Hahsler, Grün & Hornik, arules vignette "Introduction to arules" and its many reproductions: "set of 5668 rules".
    const rules = associationRules(baskets, { minSupport: 0.001, minConfidence: 0.5, consequentSize: 1 });
    expect(rules).toHaveLength(5668);
    const milk = associationRules(baskets, { minSupport: 0.001, minConfidence: 0.5, appearance: { consequent: ['whole milk'] } });
    expect(milk).toEqual(rules.filter((r) => r.consequent.length === 1 && r.consequent[0] === 'whole milk'));
  });
});
