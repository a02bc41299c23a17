import { LimitError } from '../core/errors';
import { Growable } from '../core/growable';
import type { SearchGuard } from '../core/guard';

/** A pattern during mining: its itemsets as ascending item ids. */
export type IdPattern = number[][];

/**
 * Gathers mined patterns with their counts in flat typed arrays (no array per pattern, so a
 * million patterns cost the garbage collector nothing); stops with a LimitError past maxPatterns.
 * Pattern k's itemsets end at `setEnds[patternSets[k] .. patternSets[k+1])` in `items`.
 */
export class PatternCollector {
  private readonly items = new Growable(Int32Array, 4096);
  private readonly setEnds = new Growable(Int32Array, 2048);
  private readonly patternSets = new Growable(Int32Array, 1024);
  private readonly countList = new Growable(Int32Array, 1024);

  constructor(private readonly maxPatterns: number, private readonly describe: () => string, private readonly guard: SearchGuard) {
    this.patternSets.push(0);
  }

  /** Patterns gathered so far. */
  get size(): number {
    return this.countList.length;
  }

  add(pattern: IdPattern, count: number): void {
    if (this.countList.length >= this.maxPatterns) {
      throw new LimitError(
        `more than ${this.maxPatterns.toLocaleString('en-US')} sequential patterns (${this.describe()}); raise minSupport, set maxLength or maxGap, or raise maxPatterns`,
        { maxPatterns: this.maxPatterns },
      );
    }
    let n = 0;
    for (const set of pattern) {
      for (const v of set) this.items.push(v);
      this.setEnds.push(this.items.length);
      n += set.length;
    }
    this.patternSets.push(this.setEnds.length);
    this.countList.push(count);
    const bytes = 4 * (n + pattern.length + 2);
    this.guard.hold(bytes, 'the patterns found');
    this.guard.tick(bytes);
  }

  /** Count of pattern k. */
  count(k: number): number {
    return this.countList.get(k);
  }

  /** Pattern k as nested arrays. */
  pattern(k: number): IdPattern {
    const out: IdPattern = [];
    let from = k === 0 ? 0 : this.setEndBefore(k);
    for (let s = this.patternSets.get(k); s < this.patternSets.get(k + 1); s++) {
      const to = this.setEnds.get(s);
      const set: number[] = [];
      for (let i = from; i < to; i++) set.push(this.items.get(i));
      out.push(set);
      from = to;
    }
    return out;
  }

  /** Orders patterns by itemsets (element-wise by item id, a shorter itemset or pattern first). */
  compare(a: number, b: number): number {
    const sa = this.patternSets.get(a), ea = this.patternSets.get(a + 1);
    const sb = this.patternSets.get(b), eb = this.patternSets.get(b + 1);
    let fa = a === 0 ? 0 : this.setEndBefore(a);
    let fb = b === 0 ? 0 : this.setEndBefore(b);
    for (let j = 0; sa + j < ea && sb + j < eb; j++) {
      const ta = this.setEnds.get(sa + j), tb = this.setEnds.get(sb + j);
      for (let i = 0; fa + i < ta && fb + i < tb; i++) {
        const d = this.items.get(fa + i) - this.items.get(fb + i);
        if (d !== 0) return d;
      }
      if (ta - fa !== tb - fb) return (ta - fa) - (tb - fb);
      fa = ta;
      fb = tb;
    }
    return (ea - sa) - (eb - sb);
  }

  /** Where pattern k's items start: the end of the previous pattern's last itemset. */
  private setEndBefore(k: number): number {
    const s = this.patternSets.get(k);
    return s === 0 ? 0 : this.setEnds.get(s - 1);
  }
}

/** Total number of items of a pattern. */
export const patternLength = (p: IdPattern): number => p.reduce((s, set) => s + set.length, 0);

/** Bytes a pattern takes as nested arrays (array headers plus 8 bytes per element). */
export const patternBytes = (p: IdPattern): number => 32 + p.reduce((s, set) => s + 32 + 8 * set.length, 8 * p.length);
