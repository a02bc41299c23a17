import type { SearchGuard } from '../core/guard';

/** A condition on binned codes: `bin < cut` (`below`) or `bin >= cut`, cut an index into the feature's cut points. */
export interface BinCondition { feature: number; below: boolean; cut: number }

/** The training data, binned: per feature its cut points and each row's bin (the number of cuts ≤ x). */
export interface BinnedData {
  cuts: number[][];
  bins: Uint8Array[];
  target: Int32Array;
  k: number;
}

/**
 * Per feature, at most `maxCuts` cut points: midpoints between neighbouring distinct values at
 * evenly spaced ranks, so each bin holds a similar share of the rows.
 * @example
 * binFeatures([[1], [2], [3], [4]], 2).cuts //=> [[2.5]]
 */
export function binFeatures(X: readonly (readonly number[])[], target: Int32Array, k: number, maxCuts: number): BinnedData {
  const d = (X[0] as readonly number[]).length;
  const cuts: number[][] = [];
  const bins: Uint8Array[] = [];
  for (let j = 0; j < d; j++) {
    const values = X.map((r) => r[j] as number).sort((a, b) => a - b);
    const distinct = [...new Set(values)];
    const all = distinct.slice(1).map((v, i) => ((distinct[i] as number) + v) / 2);
    const chosen = all.length <= maxCuts ? all : [...new Set(Array.from({ length: maxCuts }, (_, q) => {
      // The midpoint just above the value at rank (q + 1)/(maxCuts + 1).
      const at = values[Math.floor(((q + 1) * values.length) / (maxCuts + 1))] as number;
      return all.find((c) => c > at) ?? (all[all.length - 1] as number);
    }))];
    cuts.push(chosen);
    bins.push(Uint8Array.from(X, (r) => {
      let b = 0;
      while (b < chosen.length && (r[j] as number) >= (chosen[b] as number)) b++;
      return b;
    }));
  }
  return { cuts, bins, target, k };
}

/** A candidate rule: its conditions, the rows it covers (of those still uncovered) and their class counts. */
export interface Candidate { conditions: BinCondition[]; rows: Int32Array; counts: Float64Array; quality: number }

/** Laplace accuracy of the majority class: (n_c + 1) / (n + k). */
export const laplace = (counts: Float64Array, k: number): number => {
  let n = 0;
  let best = 0;
  for (const c of counts) {
    n += c;
    if (c > best) best = c;
  }
  return (best + 1) / (n + k);
};

/** CN2's likelihood-ratio statistic of the covered class counts against the class shares of all rows left. */
export function likelihoodRatio(counts: Float64Array, shares: Float64Array): number {
  let n = 0;
  for (const c of counts) n += c;
  let s = 0;
  counts.forEach((c, i) => {
    if (c > 0) s += c * Math.log(c / (n * (shares[i] as number)));
  });
  return 2 * s;
}

/**
 * The best rule for the rows left: a beam search over conjunctions of bin conditions (CN2), each
 * step specialising the beam's rules by one condition, scored by Laplace accuracy and kept only
 * when it covers `minCoverage` rows and passes the likelihood-ratio test at `critical`.
 */
export function bestRule(data: BinnedData, left: Int32Array, o: { beamWidth: number; maxConditions: number; minCoverage: number; critical: number }, guard: SearchGuard): Candidate | null {
  const { k, bins, cuts, target } = data;
  const shares = classCounts(left, target, k);
  const total = left.length;
  shares.forEach((c, i) => (shares[i] = c / total));
  let beam: Candidate[] = [{ conditions: [], rows: left, counts: classCounts(left, target, k), quality: -Infinity }];
  let best: Candidate | null = null;
  for (let depth = 0; depth < o.maxConditions && beam.length > 0; depth++) {
    const next: Candidate[] = [];
    for (const parent of beam) {
      for (let f = 0; f < bins.length; f++) {
        const m = (cuts[f] as number[]).length;
        if (m === 0) continue;
        guard.tick(parent.rows.length);
        // Class counts per bin over the parent's rows; prefix sums give both sides of every cut.
        const hist = new Float64Array((m + 1) * k);
        const codes = bins[f] as Uint8Array;
        for (const r of parent.rows) {
          const at = (codes[r] as number) * k + (target[r] as number);
          hist[at] = (hist[at] as number) + 1;
        }
        const below = new Float64Array(k);
        for (let cut = 1; cut <= m; cut++) {
          for (let c = 0; c < k; c++) below[c] = (below[c] as number) + (hist[(cut - 1) * k + c] as number);
          const above = Float64Array.from(parent.counts, (v, c) => v - (below[c] as number));
          for (const [side, counts] of [[true, below], [false, above]] as const) {
            const covered = counts.reduce((s, v) => s + v, 0);
            if (covered < o.minCoverage || covered === parent.rows.length) continue;
            if (parent.conditions.some((x) => x.feature === f && x.below === side)) continue;
            const quality = laplace(counts, k);
            next.push({ conditions: [...parent.conditions, { feature: f, below: side, cut }], rows: new Int32Array(0), counts: Float64Array.from(counts), quality });
          }
        }
      }
    }
    next.sort((a, b) => b.quality - a.quality || a.conditions.length - b.conditions.length);
    beam = [];
    for (const cand of next) {
      if (beam.length >= o.beamWidth) break;
      if (beam.some((b) => sameConditions(b.conditions, cand.conditions))) continue;
      cand.rows = covered(data, left, cand.conditions);
      beam.push(cand);
      if (likelihoodRatio(cand.counts, shares) >= o.critical && (best === null || cand.quality > best.quality)) best = cand;
    }
  }
  return best;
}

/** The rows of `rows` that meet every condition. */
export function covered(data: BinnedData, rows: Int32Array, conditions: readonly BinCondition[]): Int32Array {
  const out: number[] = [];
  for (const r of rows) if (conditions.every((c) => ((data.bins[c.feature] as Uint8Array)[r] as number) < c.cut === c.below)) out.push(r);
  return Int32Array.from(out);
}

export function classCounts(rows: Int32Array, target: Int32Array, k: number): Float64Array {
  const counts = new Float64Array(k);
  for (const r of rows) counts[target[r] as number] = (counts[target[r] as number] as number) + 1;
  return counts;
}

const sameConditions = (a: readonly BinCondition[], b: readonly BinCondition[]): boolean =>
  a.length === b.length && a.every((x) => b.some((y) => y.feature === x.feature && y.below === x.below && y.cut === x.cut));
