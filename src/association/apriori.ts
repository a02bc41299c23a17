import { LimitError } from '../core/errors';
import type { SearchGuard } from '../core/guard';
import type { ItemsetCollector } from './collector';
import type { RankedBaskets } from './prepare';
import type { ResolvedItemsetOptions } from './options';
import { MAX_PAIR_MATRIX_ITEMS, PairCounts, pairCounts } from './pairs';
import { sequenceIndex } from './itemsetIndex';

/**
 * Apriori (Agrawal & Srikant 1994): level-wise candidate generation by joining frequent
 * (k-1)-itemsets that share their first k-2 items, pruning candidates with an infrequent
 * (k-1)-subset, and counting with a prefix trie walked against each basket, the baskets first
 * cut down to the items of some candidate (transaction filtering, as in Borgelt's apriori).
 */
export function mineApriori(data: RankedBaskets, o: ResolvedItemsetOptions, out: ItemsetCollector): void {
  const nRanks = data.rankToItem.length;
  const buf = new Int32Array(nRanks + 1);
  // Level 1: every rank is frequent by construction.
  const { guard } = o;
  guard.phase('count', o.maxLength === Infinity ? undefined : o.maxLength);
  let level: Int32Array[] = [];
  let levelBytes = nRanks * candidateBytes(1);
  guard.hold(levelBytes, 'the frequent items');
  for (let r = 0; r < nRanks; r++) {
    buf[0] = r;
    out.add(buf, 1, data.rankCount[r] as number);
    level.push(Int32Array.of(r));
  }
  let k = 2;
  let pairs: PairCounts | null = null; // kept: a candidate's last two items must be a frequent pair (one lookup), and each item's partners
  if (k <= o.maxLength && nRanks > 1 && nRanks <= MAX_PAIR_MATRIX_ITEMS) {
    // Level 2 from one counting pass (frequent pairs only) instead of ~N²/2 candidate objects.
    guard.step(1);
    pairs = pairCounts(data, nRanks, o.minCount);
    guard.hold(pairBytes(pairs), 'the frequent pairs');
    const next: Int32Array[] = [];
    for (let i = 0; i < nRanks; i++) {
      const end = pairs.start[i + 1] as number;
      guard.tick(end - (pairs.start[i] as number) + 1);
      for (let q = pairs.start[i] as number; q < end; q++) {
        const j = pairs.partner[q] as number;
        if (j < i) continue; // each pair once, from its lower rank
        const items = Int32Array.of(i, j);
        out.add(items, 2, pairs.count[q] as number);
        next.push(items);
        guard.hold(candidateBytes(2), 'the frequent pairs');
      }
    }
    guard.release(levelBytes);
    levelBytes = next.length * candidateBytes(2);
    level = next;
    k = 3;
  }
  const marks = new Uint8Array(nRanks);
  let baskets: Baskets = data;
  for (; k <= o.maxLength && level.length > 1; k++) {
    guard.step(k - 1);
    const candidates = generate(level, k, o.maxPatterns, guard, pairs, marks, o.minCount);
    if (candidates.length === 0) break;
    // Transaction filtering: an item in no candidate is in no later one either.
    baskets = filterBaskets(baskets, candidates, k, nRanks, guard);
    const counts = countCandidates(candidates, k, baskets, guard);
    guard.release(candidates.length * candidateBytes(k) + levelBytes);
    const next: Int32Array[] = [];
    for (let c = 0; c < candidates.length; c++) {
      if ((counts[c] as number) < o.minCount) continue;
      const items = candidates[c] as Int32Array;
      out.add(items, k, counts[c] as number);
      next.push(items);
    }
    levelBytes = next.length * candidateBytes(k);
    guard.hold(levelBytes, `the frequent ${k}-itemsets`);
    level = next;
  }
  guard.release(levelBytes + (pairs === null ? 0 : pairBytes(pairs)));
}

/** Bytes the frequent pairs' rows hold. */
const pairBytes = (p: PairCounts): number => 4 * p.start.length + 8 * p.partner.length;

/** Bytes held per candidate k-itemset: its typed array and its slot in the lookup table. */
const candidateBytes = (k: number): number => 120 + 12 * k;

/**
 * Joins sorted (k-1)-itemsets with a common (k-2)-prefix; prunes by the downward closure. The
 * candidates held at once count against `maxPatterns`: past it, a LimitError says so before
 * memory runs out (Apriori on retail at 0.01% support would build 39.8M candidate pairs).
 */
function generate(level: Int32Array[], k: number, maxCandidates: number, guard: SearchGuard, pairs: PairCounts | null, marks: Uint8Array, minCount: number): Int32Array[] {
  const k1 = (level[0] as Int32Array).length;
  const tooMany = (how: string) => new LimitError(
    `Apriori would hold ${how} candidate ${k}-itemsets at once (from ${level.length.toLocaleString('en-US')} frequent ${k1}-itemsets; maxPatterns is ${maxCandidates.toLocaleString('en-US')}); FP-Growth and Eclat find the same itemsets without candidates: use algorithm 'fpgrowth', or raise minSupport or maxPatterns`,
    { maxPatterns: maxCandidates, level: k },
  );
  // Pairs from single items: the count is known before building any.
  const joined = (level.length * (level.length - 1)) / 2;
  if (k1 === 1 && joined > maxCandidates) throw tooMany(joined.toLocaleString('en-US'));
  guard.tick(4 * k1 * level.length);
  const known = levelIndex(level, k1);
  const out: Int32Array[] = [];
  const sub = new Int32Array(k1);
  const cand = new Int32Array(k1 + 1); // scratch: a candidate is copied only once it passes
  // Without pair counts every subset is looked up; with them, level 3 has none left to check.
  const accept = (): void => {
    if ((pairs === null || k > 3) && !allSubsetsKnown(cand, known, sub)) return;
    out.push(cand.slice());
    guard.hold(candidateBytes(k), `the candidate ${k}-itemsets`);
    if (out.length > maxCandidates) throw tooMany(`more than ${maxCandidates.toLocaleString('en-US')}`);
  };
  for (let g = 0; g < level.length; ) {
    // A group: the itemsets sharing their first k1 - 1 items (the level is sorted).
    const x0 = level[g] as Int32Array;
    let end = g + 1;
    while (end < level.length && samePrefix(x0, level[end] as Int32Array, k1 - 1)) end++;
    if (pairs !== null) for (let b = g; b < end; b++) marks[(level[b] as Int32Array)[k1 - 1] as number] = 1;
    for (let a = g; a < end; a++) {
      const x = level[a] as Int32Array;
      const last = x[k1 - 1] as number;
      cand.set(x);
      // The joined item's frequent partners above it: the end of its row of pair counts.
      const from = pairs === null ? 0 : pairs.firstAbove(last), to = pairs === null ? 0 : (pairs.start[last + 1] as number);
      if (pairs !== null && to - from < end - a) {
        // The joined item's frequent partners are fewer than the group's later members: walk them, the group's are marked.
        guard.tick(k * (to - from + 1));
        for (let q = from; q < to; q++) {
          const y = pairs.partner[q] as number;
          if (marks[y] !== 1) continue;
          cand[k1] = y;
          accept();
        }
      } else {
        guard.tick(k * (end - a));
        for (let b = a + 1; b < end; b++) {
          cand[k1] = (level[b] as Int32Array)[k1 - 1] as number;
          // The two joined items must be a frequent pair (one lookup; at level 3 the only subset left to check).
          if (pairs === null || pairs.at(last, cand[k1] as number) >= minCount) accept();
        }
      }
    }
    if (pairs !== null) for (let b = g; b < end; b++) marks[(level[b] as Int32Array)[k1 - 1] as number] = 0;
    g = end;
  }
  return out;
}

function samePrefix(x: Int32Array, y: Int32Array, len: number): boolean {
  for (let i = 0; i < len; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** The itemsets of one level (all of `k1` items), for membership tests by their ranks. */
function levelIndex(level: readonly Int32Array[], k1: number): (ids: ArrayLike<number>) => number {
  const items = new Int32Array(level.length * k1);
  level.forEach((set, i) => items.set(set, i * k1));
  return sequenceIndex(Int32Array.from({ length: level.length + 1 }, (_, i) => i * k1), items, level.length);
}

/** Checks the (k-1)-subsets that drop one of the first k-1 items (the two joined ones are known). */
function allSubsetsKnown(cand: Int32Array, known: (ids: ArrayLike<number>) => number, sub: Int32Array): boolean {
  const k = cand.length;
  for (let skip = 0; skip < k - 2; skip++) {
    let w = 0;
    for (let i = 0; i < k; i++) if (i !== skip) sub[w++] = cand[i] as number;
    if (known(sub) < 0) return false;
  }
  return true;
}


/** Baskets as ranks ascending: basket t is `ranks[offsets[t] .. offsets[t+1])`. */
interface Baskets { readonly offsets: Int32Array; readonly ranks: Int32Array }

/**
 * The baskets cut down to the items of some candidate, keeping those with at least k of them
 * (only they can contain a candidate): the counting pass then walks much shorter baskets.
 */
function filterBaskets(data: Baskets, candidates: readonly Int32Array[], k: number, nRanks: number, guard: SearchGuard): Baskets {
  const used = new Uint8Array(nRanks);
  for (const c of candidates) for (let i = 0; i < c.length; i++) used[c[i] as number] = 1;
  const { offsets, ranks } = data;
  const out = new Int32Array(ranks.length);
  const outOffsets: number[] = [0];
  let w = 0;
  guard.tick(ranks.length);
  for (let t = 0; t + 1 < offsets.length; t++) {
    const start = w;
    for (let i = offsets[t] as number; i < (offsets[t + 1] as number); i++) {
      const r = ranks[i] as number;
      if (used[r] === 1) out[w++] = r;
    }
    if (w - start >= k) outOffsets.push(w);
    else w = start;
  }
  return { offsets: Int32Array.from(outOffsets), ranks: out.subarray(0, w) };
}

/**
 * Counts candidates (sorted, all of length k) with a prefix trie: node children are contiguous
 * and sorted, so each basket is matched against them by a merge.
 */
function countCandidates(candidates: Int32Array[], k: number, data: Baskets, guard: SearchGuard): Int32Array {
  // Build the trie level by level from the sorted candidate list.
  const item: number[] = [-1];
  const firstChild: number[] = [0];
  const childCount: number[] = [0];
  const leafOf: number[] = [-1];
  let parents: Array<{ node: number; from: number; to: number }> = [{ node: 0, from: 0, to: candidates.length }];
  for (let d = 0; d < k; d++) {
    const nextParents: Array<{ node: number; from: number; to: number }> = [];
    for (const p of parents) {
      guard.tick(p.to - p.from + 1);
      firstChild[p.node] = item.length;
      let c = p.from;
      while (c < p.to) {
        const v = (candidates[c] as Int32Array)[d] as number;
        let e = c;
        while (e < p.to && (candidates[e] as Int32Array)[d] === v) e++;
        const node = item.length;
        item.push(v);
        firstChild.push(0);
        childCount.push(0);
        leafOf.push(d === k - 1 ? c : -1);
        nextParents.push({ node, from: c, to: e });
        c = e;
      }
      childCount[p.node] = item.length - (firstChild[p.node] as number);
    }
    parents = nextParents;
  }
  const trie = { item: Int32Array.from(item), first: Int32Array.from(firstChild), count: Int32Array.from(childCount), leaf: Int32Array.from(leafOf) };
  const counts = new Int32Array(candidates.length);
  for (let t = 0; t + 1 < data.offsets.length; t++) {
    const s = data.offsets[t] as number;
    const e = data.offsets[t + 1] as number;
    guard.tick(4 * (e - s));
    if (e - s >= k) walk(trie, 0, data.ranks, s, e, counts);
  }
  return counts;
}

interface Trie { item: Int32Array; first: Int32Array; count: Int32Array; leaf: Int32Array }

function walk(trie: Trie, node: number, basket: Int32Array, pos: number, end: number, counts: Int32Array): void {
  const first = trie.first[node] as number;
  const last = first + (trie.count[node] as number);
  if (last - first > 8 * (end - pos)) {
    // Many children, a short rest of the basket: look each basket item up among the children.
    let lo = first;
    for (let p = pos; p < end && lo < last; p++) {
      const it = basket[p] as number;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((trie.item[mid] as number) < it) lo = mid + 1;
        else hi = mid;
      }
      if (lo < last && trie.item[lo] === it) visit(trie, lo, basket, p, end, counts);
    }
    return;
  }
  let p = pos;
  for (let c = first; c < last && p < end; c++) {
    const it = trie.item[c] as number;
    while (p < end && (basket[p] as number) < it) p++;
    if (p >= end) return;
    if (basket[p] !== it) continue;
    visit(trie, c, basket, p, end, counts);
    p++;
  }
}

/** Child `c` matched the basket item at `p`: count its leaf, or go on below it. */
function visit(trie: Trie, c: number, basket: Int32Array, p: number, end: number, counts: Int32Array): void {
  const leaf = trie.leaf[c] as number;
  if (leaf >= 0) counts[leaf] = (counts[leaf] as number) + 1;
  else walk(trie, c, basket, p + 1, end, counts);
}
