import { LimitError } from '../core/errors';
import { Growable } from '../core/growable';
import type { SearchGuard } from '../core/guard';

/**
 * Gathers mined itemsets into flat typed arrays (no object per itemset). Algorithms report
 * itemsets as rank lists; the collector maps ranks to item ids and sorts them. It also expands
 * "perfect extensions" (items present in every basket that contains the prefix): every subset
 * of them joins the prefix with the same count.
 */
export class ItemsetCollector {
  readonly items = new Growable(Int32Array, 4096);
  readonly offsets = new Growable(Int32Array, 1024);
  readonly counts = new Growable(Int32Array, 1024);
  private readonly scratch: Int32Array;

  constructor(
    private readonly rankToItem: Int32Array,
    private readonly maxLength: number,
    private readonly maxPatterns: number,
    private readonly describe: () => string,
    private readonly guard: SearchGuard,
  ) {
    this.offsets.push(0);
    this.scratch = new Int32Array(rankToItem.length + 1);
  }

  get size(): number {
    return this.counts.length;
  }

  /** The error of a search past maxPatterns. */
  limitError(): LimitError {
    return new LimitError(
      `more than ${this.maxPatterns.toLocaleString('en-US')} itemsets (${this.describe()}); raise minSupport, set maxLength, or raise maxPatterns`,
      { maxPatterns: this.maxPatterns },
    );
  }

  /** Adds the itemset `ranks[0..len)` with its count. */
  add(ranks: Int32Array, len: number, count: number): void {
    if (this.counts.length >= this.maxPatterns) throw this.limitError();
    this.guard.hold(4 * len + 8, 'the itemsets found');
    this.guard.tick(len);
    const out = this.scratch;
    for (let i = 0; i < len; i++) {
      const id = this.rankToItem[ranks[i] as number] as number;
      let j = i - 1;
      while (j >= 0 && (out[j] as number) > id) { out[j + 1] = out[j] as number; j--; }
      out[j + 1] = id;
    }
    for (let i = 0; i < len; i++) this.items.push(out[i] as number);
    this.offsets.push(this.items.length);
    this.counts.push(count);
  }

  /**
   * Adds `prefix[0..len)` together with every subset of `perfect[0..plen)` (respecting
   * maxLength), all with the same count. With no perfect extensions this is one itemset.
   */
  addWithPerfect(prefix: Int32Array, len: number, perfect: Int32Array, plen: number, count: number): void {
    if (plen === 0) {
      this.add(prefix, len, count);
      return;
    }
    this.expand(prefix, len, perfect, 0, plen, count);
  }

  private expand(prefix: Int32Array, len: number, perfect: Int32Array, from: number, plen: number, count: number): void {
    this.add(prefix, len, count);
    if (len >= this.maxLength) return;
    for (let i = from; i < plen; i++) {
      prefix[len] = perfect[i] as number;
      this.expand(prefix, len + 1, perfect, i + 1, plen, count);
    }
  }
}
