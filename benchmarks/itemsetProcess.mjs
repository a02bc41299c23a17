// One whole process, as the C reference figures (Borgelt's fpgrowth/eclat/apriori) are measured:
// start Node, load the built package, read the FIMI file, mine once, exit. Prints
// { size, count, peakRssMb, importMs, readMs, mineMs } as JSON.
// Usage: node benchmarks/itemsetProcess.mjs <file.dat> <minSupport> <algorithm> [visit]
// With `visit`, forEachItemset hands each itemset over and nothing is kept (a checksum of the ids
// is computed so that the visits are not optimised away).
import { readFileSync } from 'node:fs';

const started = performance.now();
const { parseFimiColumns } = await import('../dist/core/index.js');
const { itemsetTable, forEachItemset } = await import('../dist/association/index.js');
const imported = performance.now();
const [file, minSupport, algorithm, mode] = process.argv.slice(2);
const baskets = parseFimiColumns(readFileSync(file));
const read = performance.now();
const options = { minSupport: Number(minSupport), algorithm, maxPatterns: 1e8 };
let sum = 0;
const count = mode === 'visit'
  ? forEachItemset(baskets, options, (items, length, n) => { sum += n + items[length - 1]; }).size
  : itemsetTable(baskets, options).size;
const mined = performance.now();
console.log(JSON.stringify({
  size: baskets.n, count, checksum: sum, peakRssMb: process.resourceUsage().maxRSS / 1024,
  importMs: imported - started, readMs: read - imported, mineMs: mined - read,
}));
