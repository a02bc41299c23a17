import { throwIfAborted } from '../core/run';
import { patternLength, type IdPattern, type PatternCollector } from './collector';
import { contains } from './containment';
import { itemSupports, type EncodedSequences } from './encode';
import type { ResolvedSequenceOptions } from './options';

/**
 * GSP (Srikant & Agrawal 1996): level by level in the number of items. Candidates of size k+1
 * join two frequent k-patterns where the first without its first item equals the second without
 * its last item; a candidate is pruned when one of its k-subsequences that the gap constraints
 * guarantee frequent is not (with a finite maxGap only contiguous ones: an item dropped from the
 * first or last itemset or from an itemset of two or more items). Counting checks containment
 * with the gaps, sequence by sequence.
 */
export function mineGsp(data: EncodedSequences, o: ResolvedSequenceOptions, out: PatternCollector): void {
  const nItems = data.itemNames.length;
  const counts = itemSupports(data);
  let level: IdPattern[] = [];
  for (let v = 0; v < nItems; v++) {
    if ((counts[v] as number) < o.minCount) continue;
    out.add([[v]], counts[v] as number);
    level.push([[v]]);
  }
  for (let k = 1; k < o.maxLength && level.length > 0; k++) {
    throwIfAborted(o.signal);
    o.onProgress?.({ phase: 'count', done: k + 1 });
    const known = new Set(level.map(key));
    const candidates = generate(level, k).filter((c) => prunedSubsequences(c, o.maxGap !== Infinity).every((sub) => known.has(key(sub))));
    const next: IdPattern[] = [];
    for (const c of candidates) {
      let n = 0;
      for (let s = 0; s < data.n; s++) if (contains(data, s, c, o.minGap, o.maxGap)) n++;
      if (n >= o.minCount) {
        out.add(c, n);
        next.push(c);
      }
    }
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

function generate(level: IdPattern[], k: number): IdPattern[] {
  const out: IdPattern[] = [];
  const seen = new Set<string>();
  const add = (c: IdPattern) => {
    const kc = key(c);
    if (!seen.has(kc)) { seen.add(kc); out.push(c); }
  };
  if (k === 1) {
    for (const [a] of level) for (const [b] of level) {
      const x = (a as number[])[0] as number;
      const y = (b as number[])[0] as number;
      add([[x], [y]]);
      if (x < y) add([[x, y]]);
    }
    return out;
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
  return out;
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
