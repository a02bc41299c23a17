import type { Progress } from '../../core/run';

interface Stream { write(text: string): unknown; isTTY?: boolean; columns?: number }

/**
 * Progress on stderr: a redrawn bar on a terminal; on a pipe or CI log, with `steps`, one
 * line per step (the phase before any ':'), so logs stay short. Silent with `quiet`.
 */
export class ProgressBar {
  private lastDraw = 0;
  private lastStep = '';
  private drawn = false;
  private readonly started = performance.now();

  /** On a pipe, print one line per step (set once the steps worth a line begin). */
  steps = false;

  constructor(private readonly stream: Stream, private readonly quiet: boolean) {}

  /** Takes a library progress report; use as `onProgress`. */
  readonly update = (p: Progress): void => {
    if (this.quiet) return;
    if (this.stream.isTTY !== true) {
      if (!this.steps) return;
      const step = p.phase.split(':')[0] as string;
      if (step !== this.lastStep && step !== 'done') this.stream.write(`crm-mining: ${step}…\n`);
      this.lastStep = step;
      return;
    }
    const now = performance.now();
    if (now - this.lastDraw < 80 && !(p.total !== undefined && p.done >= p.total)) return;
    this.lastDraw = now;
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 50));
    const share = p.total === undefined || p.total === 0 ? null : Math.min(1, p.done / p.total);
    const bar = share === null ? `${p.done.toLocaleString('en-US')} done` : `[${'#'.repeat(Math.round(share * width)).padEnd(width, '-')}] ${(share * 100).toFixed(0).padStart(3)}%`;
    const seconds = ((now - this.started) / 1000).toFixed(1);
    this.stream.write(`\r\x1b[2K${p.phase.slice(0, 36)} ${bar} ${seconds} s`);
    this.drawn = true;
  };

  /** Clears the bar before the result is printed. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
