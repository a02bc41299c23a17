// One whole process, as the SPMF and cSPADE reference figures are measured: start Node, load the
// built package, read the SPMF file, mine once, exit. Prints { sequences, count, peakRssMb } as JSON.
// Usage: node benchmarks/sequenceProcess.mjs <file.txt> <minSupport> <algorithm>
import { readFileSync } from 'node:fs';
import { parseSpmfSequences } from '../dist/core/index.js';
import { sequentialPatterns } from '../dist/sequence/index.js';

const [file, minSupport, algorithm] = process.argv.slice(2);
const sequences = parseSpmfSequences(readFileSync(file, 'utf8'));
const patterns = sequentialPatterns(sequences, { minSupport: Number(minSupport), algorithm });
console.log(JSON.stringify({ sequences: sequences.length, count: patterns.length, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
