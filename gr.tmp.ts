import { Growable } from './src/core/growable';
const N = 10_000_000;
const mode = process.argv[2];
const t = performance.now();
if (mode === 'doubling') {
  const g = new Growable(Int32Array, 4096);
  for (let i = 0; i < N; i++) g.push(i);
  const a = g.toArray();
  console.log(mode, (performance.now() - t).toFixed(0), a.length);
} else {
  const CH = 1 << 18; const chunks: Int32Array[] = []; let cur = new Int32Array(CH); let n = 0; let total = 0;
  for (let i = 0; i < N; i++) { if (n === CH) { chunks.push(cur); cur = new Int32Array(CH); n = 0; } cur[n++] = i; total++; }
  chunks.push(cur.subarray(0, n));
  const out = new Int32Array(total); let o = 0; for (const c of chunks) { out.set(c, o); o += c.length; }
  console.log(mode, (performance.now() - t).toFixed(0), out.length);
}
