import type { SearchGuard } from '../core/guard';
import type { PatternCollector } from './collector';

/** Which sequential patterns to report: all frequent ones, closed ones, or maximal ones. */
export type SequencePatternKind = 'all' | 'closed' | 'maximal';

const key = (sets: readonly (readonly number[])[]): string => sets.map((s) => s.join(',')).join('|');

/**
 * Which mined patterns are closed (no super-pattern with the same count) or maximal (no
 * frequent super-pattern). Without gap constraints it suffices to look one item up: if P has a
 * super-pattern Q with count c, every pattern between them has a count between c(P) and c, so
 * some pattern with one item more than P and a count of at least c(Q) is frequent too. So every
 * pattern marks the patterns one item smaller (delete any one item), and P survives when no
 * pattern marked it (maximal) or none did with its own count (closed).
 * @example
 * keepClosed(out, 'closed', guard) // Uint8Array: 1 where the pattern is closed
 */
export function keepClosed(out: PatternCollector, kind: Exclude<SequencePatternKind, 'all'>, guard: SearchGuard): Uint8Array {
  guard.phase(kind, out.size);
  const index = new Map<string, number>();
  guard.hold(out.size * 64, `the pattern index of the ${kind} check`);
  for (let k = 0; k < out.size; k++) {
    guard.tick(4);
    index.set(key(out.pattern(k)), k);
  }
  const keep = new Uint8Array(out.size).fill(1);
  for (let q = 0; q < out.size; q++) {
    guard.step(q);
    const sets = out.pattern(q);
    const countQ = out.count(q);
    sets.forEach((set, s) => {
      for (let i = 0; i < set.length; i++) {
        guard.tick(sets.length);
        const smaller = set.length === 1 ? [...sets.slice(0, s), ...sets.slice(s + 1)] : sets.map((x, j) => (j === s ? x.filter((_, t) => t !== i) : x));
        if (smaller.length === 0) continue;
        const p = index.get(key(smaller));
        if (p !== undefined && (kind === 'maximal' || out.count(p) === countQ)) keep[p] = 0;
      }
    });
  }
  return keep;
}
