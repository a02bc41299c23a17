import { LimitError, OptionError } from './errors';
import { nodeBuiltin } from './nodeRequire';
import { throwIfAborted, type RunOptions } from './run';

/** Options of searches that hold large structures: the memory budget. */
export interface MemoryOptions {
  /**
   * Most memory, in MB, that the search may hold at once in its working structures (candidates,
   * conditional trees, projections, id-lists) and its result; past it, a `LimitError`.
   * @default a quarter of the JavaScript heap limit (about 1 GB on a default 64-bit Node), 512 in browsers
   */
  maxMemoryMB?: number;
}

/** How often, in milliseconds of work, progress is reported and the signal checked. */
export const REPORT_EVERY_MS = 50;
/** Units of work between two looks at the clock; small enough to keep each look cheap and timely. */
const CHECK_EVERY_UNITS = 1 << 14;
const MB = 1024 * 1024;

/**
 * A quarter of the JavaScript heap limit in Node, else 512 MB. The accounting counts the main
 * structures, not every object header, and a heap near its limit spends its time collecting
 * garbage (pauses of seconds, so no progress and no abort): a quarter leaves room for both.
 */
export function defaultMemoryMB(): number {
  const v8 = nodeBuiltin<typeof import('node:v8')>('node:v8');
  const limit = v8?.getHeapStatistics().heap_size_limit;
  return typeof limit === 'number' && limit > 0 ? Math.floor(limit / MB / 4) : 512;
}

/**
 * Validates `maxMemoryMB` and returns the budget in bytes.
 * @example
 * memoryBudgetBytes({ maxMemoryMB: 64 }) //=> 67108864
 */
export function memoryBudgetBytes(options: MemoryOptions): number {
  const mb = options.maxMemoryMB ?? defaultMemoryMB();
  if (!(typeof mb === 'number' && (mb === Infinity || (Number.isFinite(mb) && mb > 0)))) {
    throw new OptionError(`maxMemoryMB must be a number of megabytes > 0, got ${String(mb)}`, { maxMemoryMB: mb });
  }
  return mb * MB;
}

/**
 * Keeps a long search honest: it reports progress at least every {@link REPORT_EVERY_MS} of work
 * and checks the signal at the same points (an abort from `onProgress` stops the search there),
 * and it accounts for the bytes the search holds, with a `LimitError` past the budget. Hot loops
 * call `tick(units)`, which only counts until enough work has passed to look at the clock.
 * @example
 * const guard = new SearchGuard({ onProgress: console.log }, { budgetBytes: 64 * 2 ** 20, advice: 'raise minSupport' });
 * guard.phase('mine', roots.length);
 * for (const [i, root] of roots.entries()) { guard.step(i); guard.hold(1024, 'id-lists'); …; guard.release(1024); }
 */
export class SearchGuard {
  /** Bytes held now, and the most held at once. */
  used = 0;
  peak = 0;
  private phaseName = 'mine';
  private total: number | undefined;
  private done = 0;
  private work = 0;
  private nextCheck = CHECK_EVERY_UNITS;
  private lastReport = -Infinity;

  constructor(
    private readonly run: RunOptions,
    private readonly limits: { budgetBytes: number; advice: string },
  ) {
    throwIfAborted(run.signal);
  }

  /** Starts a phase (reported at once, with done 0). */
  phase(name: string, total?: number): void {
    this.phaseName = name;
    this.total = total;
    this.done = 0;
    this.report();
  }

  /**
   * Marks `done` units of the phase finished (a root item, a level, a fold) and checks in when
   * due, or at once with `always` (for units worth a report each, such as a forest's trees).
   */
  step(done: number, always = false): void {
    this.done = done;
    if (!always) this.check();
    else {
      throwIfAborted(this.run.signal);
      this.report();
    }
  }

  /** Counts `units` of work in a hot loop; looks at the clock only every so many units. */
  tick(units = 1): void {
    this.work += units;
    if (this.work >= this.nextCheck) this.check();
  }

  /** Reports progress and checks the signal when {@link REPORT_EVERY_MS} have passed. */
  check(): void {
    this.nextCheck = this.work + CHECK_EVERY_UNITS;
    throwIfAborted(this.run.signal);
    if (now() - this.lastReport >= REPORT_EVERY_MS) this.report();
  }

  /** Accounts for `bytes` more held by `what`; a LimitError when the budget is crossed. */
  hold(bytes: number, what: string): void {
    this.used += bytes;
    if (this.used <= this.peak) return;
    this.peak = this.used;
    if (this.used > this.limits.budgetBytes) {
      const mb = (n: number) => (n / MB).toLocaleString('en-US', { maximumFractionDigits: n < 10 * MB ? 2 : 0 });
      throw new LimitError(
        `the search would hold more than maxMemoryMB (${mb(this.limits.budgetBytes)} MB) in ${what}; ${this.limits.advice}, or raise maxMemoryMB`,
        { maxMemoryMB: this.limits.budgetBytes / MB, heldMB: this.used / MB },
      );
    }
  }

  /** Gives back bytes accounted for by {@link hold}. */
  release(bytes: number): void {
    this.used -= bytes;
  }

  private report(): void {
    this.lastReport = now();
    const { onProgress, signal } = this.run;
    if (onProgress === undefined) return;
    onProgress(this.total === undefined ? { phase: this.phaseName, done: this.done } : { phase: this.phaseName, done: this.done, total: this.total });
    throwIfAborted(signal);
  }
}

const now = (): number => performance.now();

/**
 * A guard with no memory budget, for work that holds only its result (RFM, summaries, fits):
 * it throws an AbortError at once for an already-aborted signal and reports progress by time.
 * @example
 * const guard = runGuard(options); guard.phase('rfm', n); for (…) guard.tick();
 */
export const runGuard = (run: RunOptions): SearchGuard => new SearchGuard(run, { budgetBytes: Infinity, advice: '' });
