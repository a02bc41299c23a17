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
  private flat: PatternsPart | null = null;

  constructor(private readonly maxPatterns: number, private readonly describe: () => string, private readonly guard: SearchGuard) {
    this.patternSets.push(0);
  }

  /** Patterns gathered so far. */
  get size(): number {
    return this.countList.length;
  }

  add(pattern: IdPattern, count: number): void {
    if (this.countList.length >= this.maxPatterns) throw this.limitError();
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

  /** The patterns gathered, as flat arrays: what a worker of a split search sends back (see {@link append}). */
  part(): PatternsPart {
    return this.read();
  }

  /** Adds the patterns of another collector's {@link part} (a split search's parts are put together this way). */
  append(part: PatternsPart): void {
    const n = part.counts.length;
    if (this.countList.length + n > this.maxPatterns) throw this.limitError();
    const itemBase = this.items.length;
    const setBase = this.setEnds.length;
    for (let i = 0; i < part.items.length; i++) this.items.push(part.items[i] as number);
    for (let i = 0; i < part.setEnds.length; i++) this.setEnds.push((part.setEnds[i] as number) + itemBase);
    for (let k = 1; k <= n; k++) this.patternSets.push((part.patternSets[k] as number) + setBase);
    for (let k = 0; k < n; k++) this.countList.push(part.counts[k] as number);
    this.guard.hold(4 * (part.items.length + part.setEnds.length + 2 * n), 'the patterns found');
  }

  /** The error of a search past maxPatterns. */
  limitError(): LimitError {
    return new LimitError(
      `more than ${this.maxPatterns.toLocaleString('en-US')} sequential patterns (${this.describe()}); raise minSupport, set maxLength or maxGap, or raise maxPatterns`,
      { maxPatterns: this.maxPatterns },
    );
  }

  /** Count of pattern k. */
  count(k: number): number {
    return this.read().counts[k] as number;
  }

  /** Pattern k as nested arrays. */
  pattern(k: number): IdPattern {
    const { items, setEnds, patternSets } = this.read();
    const out: IdPattern = [];
    let from = setEndBefore(setEnds, patternSets, k);
    for (let s = patternSets[k] as number; s < (patternSets[k + 1] as number); s++) {
      const to = setEnds[s] as number;
      const set: number[] = [];
      for (let i = from; i < to; i++) set.push(items[i] as number);
      out.push(set);
      from = to;
    }
    return out;
  }

  /** Pattern k's itemsets with the items named, in arrays made at their final length (pushing into empty ones took 2.5 times as long). */
  named(k: number, itemNames: readonly string[]): string[][] {
    const { items, setEnds, patternSets } = this.read();
    const first = patternSets[k] as number;
    const out = new Array<string[]>((patternSets[k + 1] as number) - first);
    let from = setEndBefore(setEnds, patternSets, k);
    for (let j = 0; j < out.length; j++) {
      const to = setEnds[first + j] as number;
      const set = new Array<string>(to - from);
      for (let i = 0; i < set.length; i++) set[i] = itemNames[items[from + i] as number] as string;
      out[j] = set;
      from = to;
    }
    return out;
  }

  /** Orders patterns by itemsets (element-wise by item id, a shorter itemset or pattern first). */
  compare(a: number, b: number): number {
    const { items, setEnds, patternSets } = this.read();
    const sa = patternSets[a] as number, ea = patternSets[a + 1] as number;
    const sb = patternSets[b] as number, eb = patternSets[b + 1] as number;
    let fa = setEndBefore(setEnds, patternSets, a);
    let fb = setEndBefore(setEnds, patternSets, b);
    for (let j = 0; sa + j < ea && sb + j < eb; j++) {
      const ta = setEnds[sa + j] as number, tb = setEnds[sb + j] as number;
      for (let i = 0; fa + i < ta && fb + i < tb; i++) {
        const d = (items[fa + i] as number) - (items[fb + i] as number);
        if (d !== 0) return d;
      }
      if (ta - fa !== tb - fb) return (ta - fa) - (tb - fb);
      fa = ta;
      fb = tb;
    }
    return (ea - sa) - (eb - sb);
  }

  /**
   * The patterns as flat arrays, for reading once mining is done: made on the first read and
   * again only after more patterns arrived (a Growable grows in chunks, so reading it in place
   * would find each index's chunk).
   */
  private read(): PatternsPart {
    if (this.flat === null || this.flat.counts.length !== this.countList.length) {
      this.flat = { items: this.items.toArray(), setEnds: this.setEnds.toArray(), patternSets: this.patternSets.toArray(), counts: this.countList.toArray() };
    }
    return this.flat;
  }
}

/**
 * A collector's patterns as flat arrays: pattern k's itemsets end at
 * `setEnds[patternSets[k] .. patternSets[k+1])` in `items`, and it was found `counts[k]` times.
 */
export interface PatternsPart { items: Int32Array; setEnds: Int32Array; patternSets: Int32Array; counts: Int32Array }

/** Where pattern k's items start: the end of the previous pattern's last itemset. */
function setEndBefore(setEnds: Int32Array, patternSets: Int32Array, k: number): number {
  const s = patternSets[k] as number;
  return s === 0 ? 0 : (setEnds[s - 1] as number);
}

/** Total number of items of a pattern. */
export const patternLength = (p: IdPattern): number => p.reduce((s, set) => s + set.length, 0);

/** Bytes a pattern takes as nested arrays (array headers plus 8 bytes per element). */
export const patternBytes = (p: IdPattern): number => 32 + p.reduce((s, set) => s + 32 + 8 * set.length, 8 * p.length);
