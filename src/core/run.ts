import { AbortError } from './errors';

/** Progress of long-running work, reported through {@link RunOptions.onProgress}. */
export interface Progress {
  /** What is being done, e.g. `'parse'`, `'count'`. */
  phase: string;
  /** Units of work done so far in this phase. */
  done: number;
  /** Units of work in this phase, when known. */
  total?: number;
}

/** Options accepted by every operation that can take long. */
export interface RunOptions {
  /** Stops the work with an {@link AbortError} (code `'ABORTED'`) at the next check. */
  signal?: AbortSignal;
  /** Called at loop boundaries with how far the work has come. */
  onProgress?: (progress: Progress) => void;
}

/**
 * Throws an {@link AbortError} when the signal has fired; call it at loop boundaries.
 * @example
 * const c = new AbortController(); c.abort();
 * throwIfAborted(c.signal) // throws AbortError, code 'ABORTED'
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    const reason: unknown = signal.reason;
    const text = reason instanceof Error ? `: ${reason.message}` : typeof reason === 'string' ? `: ${reason}` : '';
    throw new AbortError(`the operation was aborted${text}`, { cause: reason });
  }
}

/**
 * Reports progress every `every` units and checks the signal at the same time, so hot loops
 * call one cheap function per item.
 * @example
 * const tick = progressTicker({ onProgress: console.log }, 'parse', 1000);
 * for (let i = 0; i < 5000; i++) tick(i + 1); // logs at 1000, 2000, …
 */
export function progressTicker(options: RunOptions, phase: string, every: number, total?: number): (done: number) => void {
  const { signal, onProgress } = options;
  let next = every;
  return (done: number) => {
    if (done < next) return;
    next = done + every;
    throwIfAborted(signal);
    onProgress?.(total === undefined ? { phase, done } : { phase, done, total });
  };
}

/**
 * Only the run options of an options object (`signal`, `onProgress`), to hand to the functions a
 * long operation calls, whose own options checks would reject the rest.
 * @example
 * runOnly({ asOf: '2024-01-01', signal }) //=> { signal }
 */
export function runOnly(options: RunOptions): RunOptions {
  return {
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  };
}

/**
 * Long work in the calling thread, cut into slices of about 10 ms: `due(i)` (which looks at the
 * clock every `every` steps, a power of two) says a slice is over, and `pause()` gives the event
 * loop a turn, then stops with an AbortError if the signal fired meanwhile.
 * @example
 * const slices = new TimeSlices(signal);
 * for (let i = 0; i < rows.length; i++) { if (slices.due(i)) await slices.pause(); … }
 */
export class TimeSlices {
  private start = performance.now();
  private readonly mask: number;

  constructor(private readonly signal?: AbortSignal, every = 256, private readonly ms = 10) {
    this.mask = every - 1;
  }

  due(i: number): boolean {
    return (i & this.mask) === this.mask && performance.now() - this.start > this.ms;
  }

  async pause(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 0));
    throwIfAborted(this.signal);
    this.start = performance.now();
  }
}
