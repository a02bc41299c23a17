// One whole process, as the C reference figures (Borgelt's fpgrowth/eclat/apriori) are measured:
// start Node, load the built package, read the FIMI file, mine once, exit. Prints
// { size, count, peakRssMb, importMs, readMs, mineMs } as JSON.
// Usage: node benchmarks/itemsetProcess.mjs <file.dat> <minSupport> <algorithm>
import { readFileSync } from 'node:fs';

const started = performance.now();
const { parseFimiColumns } = await import('../dist/core/index.js');
const { itemsetTable } = await import('../dist/association/index.js');
const imported = performance.now();
const [file, minSupport, algorithm] = process.argv.slice(2);
const baskets = parseFimiColumns(readFileSync(file));
const read = performance.now();
const table = itemsetTable(baskets, { minSupport: Number(minSupport), algorithm, maxPatterns: 1e8 });
const mined = performance.now();
console.log(JSON.stringify({
  size: baskets.n, count: table.size, peakRssMb: process.resourceUsage().maxRSS / 1024,
  importMs: imported - started, readMs: read - imported, mineMs: mined - read,
}));
