/**
 * The soak test of issue 17 (a benchmark, not CI): 1,000 random calls in one process, each a
 * random task on a random log (sizes, supports, options drawn at random), through runInWorker,
 * with random aborts (a timer, or from progress). Checks that every call ends with a result or
 * a typed error, that the event loop is never blocked for 100 ms, and that memory returns to its
 * baseline. Writes benchmarks/results/soak.md.
 *   npm run bench:soak [-- --calls 1000]
 */
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { WorkerTaskName } from '../src/index';

// The built package (npm run bench:soak builds it first): its worker script is dist/worker/entry.js.
const lib = (await import(new URL('../dist/index.js', import.meta.url).href)) as typeof import('../src/index');
const { createRng, isCrmMiningError, runInWorker, syntheticLog } = lib;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const argCalls = process.argv.indexOf('--calls');
const CALLS = argCalls > 0 ? Number(process.argv[argCalls + 1]) : 1000;
const rng = createRng('soak');
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)] as T;
const logs = [200, 1000, 4000].map((customers, i) => syntheticLog({ customers, seed: i + 1, start: '2022-01-01', end: '2024-12-31' }).log);

function randomCall(): { task: WorkerTaskName; args: unknown[] } {
  const log = pick(logs);
  const support = pick([0.001, 0.005, 0.02, 0.1]);
  switch (pick(['itemsets', 'rules', 'sequences', 'rfm', 'summary', 'churn', 'kmeans', 'analyze'] as const)) {
    case 'itemsets': return { task: 'frequentItemsets', args: [log, { minSupport: support, algorithm: pick(['fpgrowth', 'eclat', 'apriori']), kind: pick(['all', 'all', 'closed', 'maximal']), maxMemoryMB: pick([8, 64, 512]) }] };
    case 'rules': return { task: 'associationRules', args: [log, { minSupport: support, minConfidence: pick([0.1, 0.5]), maxPatterns: pick([1000, 1_000_000]) }] };
    case 'sequences': return { task: 'sequentialPatterns', args: [log, { minSupport: support * 5, algorithm: pick(['prefixspan', 'spade', 'gsp']), maxGap: pick([Infinity, 2]), maxMemoryMB: pick([8, 256]) }] };
    case 'rfm': return { task: 'rfm', args: [log, { bins: pick([5, 7]) }] }; // 7 bins without segments: an OptionError
    case 'summary': return { task: 'customerSummary', args: [log, { unit: pick(['week', 'day']) }] };
    case 'churn': return { task: 'churnDataset', args: [log, { asOf: pick(['2024-06-30', '2030-01-01']), horizonDays: 90 }] };
    case 'kmeans': {
      const X = Array.from({ length: pick([500, 5000]) }, () => [rng.next(), rng.next(), rng.next()]);
      return { task: 'kmeans', args: [X, pick([3, 8]), { seed: 1 }] };
    }
    default: return { task: 'analyze', args: [log, {}] };
  }
}

const rss = (): number => process.memoryUsage().rss / 2 ** 20;
const delay = monitorEventLoopDelay({ resolution: 10 });
const outcomes = new Map<string, number>();
/** The call during which the event loop was blocked longest. */
let worst = { ms: 0, call: '' };
const count = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
let untyped: unknown[] = [];
let lastSize = 0;

// Warm-up: the first calls load code and grow the heap to its working size.
for (let i = 0; i < 20; i++) await runInWorker(randomCall().task as never, randomCall().args as never).catch(() => undefined);
gc();
const baseline = rss();
const heap = (): number => { const m = process.memoryUsage(); return (m.heapUsed + m.external) / 2 ** 20; };
const baselineHeap = heap();
const start = performance.now();
delay.enable();
for (let i = 0; i < CALLS; i++) {
  const { task, args } = randomCall();
  const how = pick(['none', 'none', 'timer', 'progress']);
  const controller = new AbortController();
  const signal = how === 'timer' ? AbortSignal.timeout(Math.floor(rng.next() * 300)) : controller.signal;
  const abortAfter = Math.floor(rng.next() * 5);
  let seen = 0;
  const onProgress = how === 'progress' ? () => { if (seen++ === abortAfter) controller.abort(); } : undefined;
  const perCall = monitorEventLoopDelay({ resolution: 10 });
  perCall.enable();
  try {
    const result: unknown = await runInWorker(task as never, args as never, { signal, ...(onProgress === undefined ? {} : { onProgress }) });
    lastSize = Array.isArray(result) ? result.length : 1;
    count(`${task}: result`);
  } catch (e) {
    if (isCrmMiningError(e) || (e as { code?: string }).code === 'DEPENDENCY') count(`${task}: ${(e as { code: string }).code}`);
    else untyped.push(e);
  }
  perCall.disable();
  if (perCall.max / 1e6 > worst.ms) worst = { ms: perCall.max / 1e6, call: `${task} ${JSON.stringify(args[1] ?? args.length)} (${how}, result size ${lastSize})` };
  if ((i + 1) % 100 === 0) process.stderr.write(`  ${i + 1} calls, rss ${rss().toFixed(0)} MB, heap+external ${heap().toFixed(0)} MB, event loop max ${(delay.max / 1e6).toFixed(0)} ms\n`);
}
delay.disable();
const seconds = (performance.now() - start) / 1000;
gc();
await new Promise((r) => setTimeout(r, 500));
gc();
const after = rss();
const afterHeap = heap();
untyped = untyped.slice(0, 5);

const rows = [...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `| ${k} | ${n} |`);
const md = `# Soak: ${CALLS} random calls through runInWorker, one process

Run by \`npm run bench:soak\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${seconds.toFixed(0)} s.

| measure | value |
|---|---|
| calls that ended with a result or a typed error | ${CALLS - untyped.length} of ${CALLS} |
| longest event-loop block | ${(delay.max / 1e6).toFixed(1)} ms (p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms) |
| the call during which it happened | ${worst.call.replace(/\|/g, '/')} |
| RSS after warm-up (baseline) | ${baseline.toFixed(0)} MB |
| RSS after the calls and a GC | ${after.toFixed(0)} MB (${after - baseline >= 0 ? '+' : ''}${(after - baseline).toFixed(0)} MB) |
| JS heap + external (main thread): baseline, after | ${baselineHeap.toFixed(0)} MB, ${afterHeap.toFixed(0)} MB |

| task: outcome | calls |
|---|---|
${rows.join('\n')}
${untyped.length > 0 ? `\nUntyped errors: ${untyped.map(String).join('; ')}\n` : ''}`;
writeFileSync(new URL('results/soak.md', import.meta.url), md);
process.stdout.write(md);
// RSS can stay up when the allocator keeps freed pages; the heap says whether JS memory leaked.
const ok = untyped.length === 0 && delay.max / 1e6 < 100 && afterHeap - baselineHeap < 50;
if (!ok) process.exitCode = 1;
