import { LimitError } from '../core/errors';
import type { SearchGuard } from '../core/guard';
import { patternBytes, patternLength, type IdPattern, type PatternCollector } from './collector';
import { contains } from './containment';
import { sequencesOfItems, type EncodedSequences } from './encode';
import type { ResolvedSequenceOptions } from './options';
import { breaksLimits, gapRanges } from './gaps';
import { containsWithin, windowTimes } from './timeWindow';
import { MS_PER_DAY } from '../core/time';

/**
 * GSP (Srikant & Agrawal 1996): level by level in the number of items. Candidates of size k+1
 * join two frequent k-patterns where the first without its first item equals the second without
 * its last item; a candidate is pruned when one of its k-subsequences that the gap constraints
 * guarantee frequent is not (with a finite maxGap only contiguous ones: an item dropped from the
 * first or last itemset or from an itemset of two or more items). Counting checks containment
 * with the gaps (and within the time window), only in the sequences that hold both patterns the
 * candidate was joined from (their sequence lists are kept per level). A window keeps every
 * pruning valid: a subsequence's occurrence spans no more time than the pattern's.
 */
export function mineGsp(data: EncodedSequences, o: ResolvedSequenceOptions, out: PatternCollector): void {
  const nItems = data.itemNames.length;
  let level: IdPattern[] = [];
  // Each item's sequences: its support is their number.
  const itemSequences = sequencesOfItems(data);
  // The sequences holding each frequent pattern of the current level.
  let tids = new Map<string, Int32Array>();
  let tidBytes = 0;
  for (let v = 0; v < nItems; v++) {
    const sequences = itemSequences[v] as Int32Array;
    if (sequences.length < o.minCount) continue;
    out.add([[v]], sequences.length);
    level.push([[v]]);
    tids.set(key([[v]]), sequences);
  }
  const { guard } = o;
  // Containment within a time window, when there is one: counts are then the window's from the start.
  const windowed = o.windowDays === Infinity ? null : { gaps: o.gaps ?? gapRanges(data, o), times: windowTimes(data), ms: o.windowDays * MS_PER_DAY };
  guard.phase('count', o.maxLength === Infinity ? undefined : o.maxLength);
  // Candidates held at once count against maxPatterns (with the patterns found) and the budget.
  const room = (): number => o.maxPatterns - out.size;
  for (let k = 1; k < o.maxLength && level.length > 0; k++) {
    guard.step(k);
    const known = new Set(level.map(key));
    const knownBytes = level.reduce((sum, p) => sum + 2 * patternBytes(p), 0);
    guard.hold(knownBytes, 'the frequent patterns of a level');
    const generated = generate(level, k, room(), guard);
    const candidates = generated.candidates.filter((c) => !breaksLimits(c, o) && prunedSubsequences(c, o.maxGap !== Infinity || o.maxGapDays !== Infinity).every((sub) => known.has(key(sub))));
    const next: IdPattern[] = [];
    const nextTids = new Map<string, Int32Array>();
    let nextTidBytes = 0;
    for (const c of candidates) {
      // A sequence holding c holds both patterns it was joined from (contiguous subsequences,
      // so also under gaps): only their common sequences are checked.
      const both = intersect(tids.get(key(dropLast(c))) as Int32Array, tids.get(key(dropFirst(c))) as Int32Array);
      if (both.length < o.minCount) continue;
      const holding: number[] = [];
      for (const s of both) {
        guard.tick(8 + 2 * ((data.seqStart[s + 1] as number) - (data.seqStart[s] as number)));
        if (windowed === null ? contains(data, s, c, o.minGap, o.maxGap, o.gaps) : containsWithin(data, s, c, windowed.gaps, windowed.times, windowed.ms)) holding.push(s);
      }
      if (holding.length >= o.minCount) {
        out.add(c, holding.length);
        next.push(c);
        nextTids.set(key(c), Int32Array.from(holding));
        guard.hold(4 * holding.length + 64, 'the sequences of the frequent patterns');
        nextTidBytes += 4 * holding.length + 64;
      }
    }
    guard.release(tidBytes);
    tids = nextTids;
    tidBytes = nextTidBytes;
    guard.release(knownBytes + generated.bytes);
    level = next;
  }
}

const key = (p: IdPattern): string => p.map((set) => set.join(',')).join('|');

/** The pattern without its first (or last) item; an emptied itemset disappears. */
function dropFirst(p: IdPattern): IdPattern {
  const first = p[0] as number[];
  return first.length > 1 ? [first.slice(1), ...p.slice(1)] : p.slice(1);
}
function dropLast(p: IdPattern): IdPattern {
  const last = p[p.length - 1] as number[];
  return last.length > 1 ? [...p.slice(0, -1), last.slice(0, -1)] : p.slice(0, -1);
}

/**
 * The candidate (k+1)-patterns. Past `maxCandidates` (what maxPatterns leaves) it stops with a
 * LimitError before they exhaust memory: GSP on SIGN at 0.1% support never ends otherwise.
 */
function generate(level: IdPattern[], k: number, maxCandidates: number, guard: SearchGuard): { candidates: IdPattern[]; bytes: number } {
  const out: IdPattern[] = [];
  const seen = new Set<string>();
  let bytes = 0;
  const add = (c: IdPattern) => {
    const kc = key(c);
    guard.tick(kc.length);
    if (seen.has(kc)) return;
    seen.add(kc);
    out.push(c);
    const b = 2 * patternBytes(c);
    bytes += b;
    guard.hold(b, `the candidate ${k + 1}-patterns`);
    if (out.length > maxCandidates) {
      throw new LimitError(
        `GSP would hold more than ${maxCandidates.toLocaleString('en-US')} candidate ${k + 1}-patterns at once (from ${level.length.toLocaleString('en-US')} frequent ${k}-patterns; maxPatterns counts them with the patterns found); PrefixSpan finds the same patterns without candidates: use algorithm 'prefixspan', or raise minSupport, set maxLength, or raise maxPatterns`,
        { maxPatterns: maxCandidates, level: k + 1 },
      );
    }
  };
  if (k === 1) {
    for (const [a] of level) for (const [b] of level) {
      const x = (a as number[])[0] as number;
      const y = (b as number[])[0] as number;
      add([[x], [y]]);
      if (x < y) add([[x, y]]);
    }
    return { candidates: out, bytes };
  }
  const bySuffix = new Map<string, IdPattern[]>();
  for (const p of level) {
    const kk = key(dropLast(p));
    const list = bySuffix.get(kk) ?? [];
    list.push(p);
    bySuffix.set(kk, list);
  }
  for (const s1 of level) {
    for (const s2 of bySuffix.get(key(dropFirst(s1))) ?? []) {
      const last2 = s2[s2.length - 1] as number[];
      const item = last2[last2.length - 1] as number;
      if (last2.length === 1) add([...s1.map((set) => set.slice()), [item]]);
      else {
        const lastSet = s1[s1.length - 1] as number[];
        if (item > (lastSet[lastSet.length - 1] as number)) add([...s1.slice(0, -1).map((set) => set.slice()), [...lastSet, item]]);
      }
    }
  }
  return { candidates: out, bytes };
}

/** The k-subsequences of a (k+1)-candidate that must be frequent for it to be. */
function prunedSubsequences(c: IdPattern, contiguousOnly: boolean): IdPattern[] {
  const out: IdPattern[] = [];
  c.forEach((set, j) => {
    if (contiguousOnly && set.length === 1 && j > 0 && j < c.length - 1) return;
    set.forEach((_, i) => {
      const reduced = set.filter((__, t) => t !== i);
      const sub = reduced.length > 0 ? [...c.slice(0, j), reduced, ...c.slice(j + 1)] : [...c.slice(0, j), ...c.slice(j + 1)];
      if (patternLength(sub) > 0) out.push(sub);
    });
  });
  return out;
}

/** The sequences in both ascending lists. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) { out.push(x); i++; j++; } else if (x < y) i++; else j++;
  }
  return Int32Array.from(out);
}
