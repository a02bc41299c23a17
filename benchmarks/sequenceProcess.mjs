// One whole process, as the SPMF and cSPADE reference figures are measured: start Node, load the
// built package, read the SPMF file (straight to sequence columns), mine once, exit. Prints
// { sequences, count, peakRssMb, importMs, readMs, mineMs } as JSON.
// Usage: node benchmarks/sequenceProcess.mjs <file.txt> <minSupport> <algorithm>
import { readFileSync } from 'node:fs';

const started = performance.now();
const { parseSpmfColumns } = await import('../dist/core/index.js');
const { sequentialPatterns } = await import('../dist/sequence/index.js');
const imported = performance.now();
const [file, minSupport, algorithm] = process.argv.slice(2);
const sequences = parseSpmfColumns(readFileSync(file));
const read = performance.now();
const patterns = sequentialPatterns(sequences, { minSupport: Number(minSupport), algorithm });
const mined = performance.now();
console.log(JSON.stringify({
  sequences: sequences.n, count: patterns.length, peakRssMb: process.resourceUsage().maxRSS / 1024,
  importMs: imported - started, readMs: read - imported, mineMs: mined - read,
}));
