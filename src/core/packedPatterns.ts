import { TimeSlices } from './run';

/**
 * A long list of itemsets or sequential patterns as a few typed arrays: how a worker sends one
 * back. A structured clone of 167,189 pattern objects (LEVIATHAN @ 0.01) took longer to read
 * in the calling thread than the search took; these arrays move at once, and the caller rebuilds
 * the objects in slices ({@link unpackPatterns}). Row k's sets end at
 * `setEnds[rowSets[k] .. rowSets[k+1])` in `items` (ids naming `itemNames`); an itemset is a row
 * of one set. Its support is `counts[k] / n`, as the functions compute it.
 */
export interface PackedPatterns {
  readonly kind: 'crm-mining-packed-patterns';
  readonly shape: 'itemsets' | 'sequences';
  readonly n: number;
  readonly itemNames: readonly string[];
  readonly items: Int32Array;
  readonly setEnds: Int32Array;
  readonly rowSets: Int32Array;
  readonly counts: Int32Array;
}

/** A row rebuilt: an itemset or a sequential pattern, as the mining functions return them. */
export type UnpackedRow = { items: string[]; count: number; support: number } | { sequence: string[][]; count: number; support: number };

/** Whether a value is {@link PackedPatterns}. */
export const isPackedPatterns = (v: unknown): v is PackedPatterns => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'crm-mining-packed-patterns';

/**
 * The objects again, rebuilt in slices of about 10 ms with a turn of the event loop between
 * them, so timers and I/O keep running; an abort stops it at the next slice. Several packed
 * lists, each sorted as the mining functions sort (by count, descending, then by items), are
 * merged into one sorted list: the parts of a search split over workers, sorted where they
 * were mined.
 * @throws {AbortError} code `'ABORTED'` when the signal fires meanwhile.
 * @example
 * await unpackPatterns(packed, signal) // [{ sequence: [['a'], ['b']], count: 2, support: 1 }, …]
 */
export async function unpackPatterns(packed: PackedPatterns | readonly PackedPatterns[], signal?: AbortSignal): Promise<UnpackedRow[]> {
  const runs: readonly PackedPatterns[] = isPackedPatterns(packed) ? [packed] : packed;
  const at = new Int32Array(runs.length);
  const rows = new Array<UnpackedRow>(runs.reduce((sum, r) => sum + r.counts.length, 0));
  const slices = new TimeSlices(signal);
  for (let k = 0; k < rows.length; k++) {
    if (slices.due(k)) await slices.pause();
    let best = -1;
    for (let r = 0; r < runs.length; r++) {
      if ((at[r] as number) < (runs[r] as PackedPatterns).counts.length && (best < 0 || compareRows(runs[r] as PackedPatterns, at[r] as number, runs[best] as PackedPatterns, at[best] as number) < 0)) best = r;
    }
    rows[k] = rowOf(runs[best] as PackedPatterns, at[best] as number);
    at[best] = (at[best] as number) + 1;
  }
  return rows;
}

/**
 * Row k as an object, its arrays made at their final length: pushing into empty ones took 2.5
 * times as long (167,189 patterns: 0.8 s against 0.3 s).
 */
function rowOf(p: PackedPatterns, k: number): UnpackedRow {
  const count = p.counts[k] as number;
  const first = p.rowSets[k] as number;
  if (p.shape === 'itemsets') return { items: setOf(p, first), count, support: count / p.n };
  const sequence = new Array<string[]>((p.rowSets[k + 1] as number) - first);
  for (let s = 0; s < sequence.length; s++) sequence[s] = setOf(p, first + s);
  return { sequence, count, support: count / p.n };
}

/** Set s of a packed list, its items named. */
function setOf(p: PackedPatterns, s: number): string[] {
  const from = s === 0 ? 0 : (p.setEnds[s - 1] as number);
  const out = new Array<string>((p.setEnds[s] as number) - from);
  for (let i = 0; i < out.length; i++) out[i] = p.itemNames[p.items[from + i] as number] as string;
  return out;
}

/** The mining functions' order of row a of A and row b of B: by count (descending), then set by set by item id (a shorter set, then a shorter row, first). */
function compareRows(A: PackedPatterns, a: number, B: PackedPatterns, b: number): number {
  const byCount = (B.counts[b] as number) - (A.counts[a] as number);
  if (byCount !== 0) return byCount;
  const sa = A.rowSets[a] as number, ea = A.rowSets[a + 1] as number;
  const sb = B.rowSets[b] as number, eb = B.rowSets[b + 1] as number;
  for (let j = 0; sa + j < ea && sb + j < eb; j++) {
    let fa = sa + j === 0 ? 0 : (A.setEnds[sa + j - 1] as number);
    let fb = sb + j === 0 ? 0 : (B.setEnds[sb + j - 1] as number);
    const ta = A.setEnds[sa + j] as number, tb = B.setEnds[sb + j] as number;
    for (; fa < ta && fb < tb; fa++, fb++) {
      const d = (A.items[fa] as number) - (B.items[fb] as number);
      if (d !== 0) return d;
    }
    if (fa < ta || fb < tb) return (ta - fa) - (tb - fb);
  }
  return (ea - sa) - (eb - sb);
}
