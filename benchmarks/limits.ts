/**
 * The worst cases of issue 17, at full size: for each algorithm, the time to its answer or its
 * LimitError with the default budget, the peak memory (RSS) and the search's own accounting, and
 * the stop delay after an abort fired from onProgress one second in.
 *   npx tsx benchmarks/limits.ts [filter]
 * Each case runs in its own process (so peak RSS is its own). Datasets without stated terms come
 * from ../shared/data; a missing one is reported and skipped.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { basketDataset, hasDataset, sequenceDataset } from './datasets';
import { frequentItemsets } from '../src/association';
import { sequentialPatterns } from '../src/sequence';

interface Case { name: string; file: string; run: (extra: object) => unknown }

const CASES: Case[] = [
  { name: 'apriori retail 0.0001', file: 'retail.dat', run: (x) => frequentItemsets(basketDataset('retail'), { minSupport: 0.0001, algorithm: 'apriori', ...x }) },
  { name: 'fpgrowth retail 0.0001', file: 'retail.dat', run: (x) => frequentItemsets(basketDataset('retail'), { minSupport: 0.0001, ...x }) },
  { name: 'eclat retail 0.0001', file: 'retail.dat', run: (x) => frequentItemsets(basketDataset('retail'), { minSupport: 0.0001, algorithm: 'eclat', ...x }) },
  { name: 'apriori chess 0.01', file: 'chess.dat', run: (x) => frequentItemsets(basketDataset('chess'), { minSupport: 0.01, algorithm: 'apriori', ...x }) },
  { name: 'fpgrowth chess 0.3', file: 'chess.dat', run: (x) => frequentItemsets(basketDataset('chess'), { minSupport: 0.3, ...x }) },
  { name: 'closed chess 0.3', file: 'chess.dat', run: (x) => frequentItemsets(basketDataset('chess'), { minSupport: 0.3, kind: 'closed', ...x }) },
  { name: 'maximal chess 0.3', file: 'chess.dat', run: (x) => frequentItemsets(basketDataset('chess'), { minSupport: 0.3, kind: 'maximal', ...x }) },
  { name: 'gsp SIGN 0.001', file: 'SIGN.txt', run: (x) => sequentialPatterns(sequenceDataset('SIGN'), { minSupport: 0.001, algorithm: 'gsp', ...x }) },
  { name: 'gsp BMS1 0.001', file: 'BMS1_seq_derived.txt', run: (x) => sequentialPatterns(sequenceDataset('BMS1_seq_derived'), { minSupport: 0.001, algorithm: 'gsp', ...x }) },
  { name: 'spade SIGN 0.001', file: 'SIGN.txt', run: (x) => sequentialPatterns(sequenceDataset('SIGN'), { minSupport: 0.001, algorithm: 'spade', ...x }) },
  { name: 'prefixspan SIGN 0.001', file: 'SIGN.txt', run: (x) => sequentialPatterns(sequenceDataset('SIGN'), { minSupport: 0.001, ...x }) },
  { name: 'prefixspan SIGN 0.001 maxGap 2', file: 'SIGN.txt', run: (x) => sequentialPatterns(sequenceDataset('SIGN'), { minSupport: 0.001, maxGap: 2, ...x }) },
];

function child(name: string, mode: 'limit' | 'abort'): void {
  const c = CASES.find((k) => k.name === name) as Case;
  const start = performance.now();
  let abortedAt = 0;
  let maxGapMs = 0;
  let last = 0;
  const controller = new AbortController();
  const onProgress = () => {
    const now = performance.now();
    if (last > 0) maxGapMs = Math.max(maxGapMs, now - last);
    last = now;
    if (mode === 'abort' && abortedAt === 0 && now - start > 1000) { abortedAt = now; controller.abort(); }
  };
  let outcome: string;
  try {
    const r = c.run({ onProgress, signal: controller.signal }) as unknown[];
    outcome = `${r.length.toLocaleString('en-US')} results`;
  } catch (e) {
    outcome = (e as { code?: string }).code ?? String(e);
  }
  const end = performance.now();
  const rssMB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ outcome, seconds: (end - start) / 1000, rssMB, stopMs: abortedAt === 0 ? null : end - abortedAt, maxGapMs }));
}

const [, , role, name, mode] = process.argv;
if (role === '--child') child(name as string, mode as 'limit' | 'abort');
else {
  const filter = role ?? '';
  console.log('| case | outcome | time | peak RSS | longest gap between progress calls | stop delay after abort |');
  console.log('|---|---|---|---|---|---|');
  for (const c of CASES) {
    if (!c.name.includes(filter)) continue;
    if (!hasDataset(c.file)) { console.log(`| ${c.name} | skipped: ${c.file} is not in ../shared/data | | | | |`); continue; }
    const run = (mode: string) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', c.name, mode], { encoding: 'utf8', timeout: 600_000 });
      try { return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Record<string, number | string | null>; } catch { return { outcome: `crashed: ${(r.stderr || '').trim().split('\n').pop() ?? r.signal}` }; }
    };
    const limit = run('limit');
    const abort = run('abort');
    const f = (v: unknown, unit: string, d = 0) => (typeof v === 'number' ? `${v.toFixed(d)} ${unit}` : '—');
    console.log(`| ${c.name} | ${limit.outcome} | ${f(limit.seconds, 's', 1)} | ${f(limit.rssMB, 'MB')} | ${f(limit.maxGapMs, 'ms')} | ${abort.outcome === 'ABORTED' ? f(abort.stopMs, 'ms', 1) : `not aborted (${String(abort.outcome)})`} |`);
  }
}
