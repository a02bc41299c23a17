import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { toEpochMs } from '/work/main/src/core/time';
const buf = readFileSync('/tmp/1m.csv');
let t = performance.now();
let n = 0;
parse(buf, { bom: true, skip_empty_lines: true, relax_column_count: true, on_record: (r: string[]) => { n++; return null; } });
console.log('csv-parse only', performance.now() - t, n);
t = performance.now();
const text = buf.toString('utf8');
let lines = text.split('\n'); let s = 0;
for (const l of lines) { const c = l.split(','); s += c.length; }
console.log('split', performance.now() - t);
t = performance.now();
for (const l of lines) { const c = l.split(','); s += toEpochMs(c[2]); }
console.log('split+time', performance.now() - t);
