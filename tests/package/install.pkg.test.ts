/**
 * What a new user of the packed tarball meets in an empty app: ESM and CJS for every entry, the
 * public types under strict TypeScript (node16 and bundler resolution), the `crm-mining` bin
 * through npx, an npm script and node_modules/.bin, the optional brain.js peer missing and
 * present, publint and arethetypeswrong, and the installed size.
 */
import { describe, expect, inject, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, npm, sizeOf } from './app';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; exports: Record<string, unknown> };
// crm-mining/worker-script is the browsers' worker script (no exports), checked in browser.pkg.test.ts.
const SUBPATHS = Object.keys(pkg.exports).filter((k) => k !== './package.json' && k !== './worker-script').map((k) => (k === '.' ? 'crm-mining' : `crm-mining/${k.slice(2)}`));
const SAMPLE = join(ROOT, 'examples/data/sample-transactions.csv');
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

/** Runs a script file written into the app, with node, and returns its stdout. */
function runIn(app: string, file: string, source: string): string {
  writeFileSync(join(app, file), source);
  return execFileSync(process.execPath, [file], { cwd: app, encoding: 'utf8' });
}

describe('the packed package in an empty app', () => {
  const app = inject('bareApp');

  it('has an entry for each capability and the report', () => {
    expect(SUBPATHS).toEqual(['crm-mining', ...['core', 'association', 'sequence', 'rfm', 'clv', 'classify', 'cluster', 'profile', 'churn', 'report', 'notebook', 'sql', 'worker'].map((s) => `crm-mining/${s}`)]);
  });

  it('imports every entry from ESM and requires it from CommonJS', () => {
    const esm = runIn(app, 'esm.mjs', `
      const out = {};
      for (const id of ${JSON.stringify(SUBPATHS)}) out[id] = Object.keys(await import(id)).length;
      const { TransactionLog } = await import('crm-mining');
      const log = TransactionLog.fromRecords([{ c: 'a', t: '2025-01-01', i: 'x' }, { c: 'a', t: '2025-01-01', i: 'y' }], { customer: 'c', time: 't', item: 'i' });
      console.log(JSON.stringify({ out, baskets: log.baskets() }));`);
    const cjs = runIn(app, 'cjs.cjs', `
      const out = {};
      for (const id of ${JSON.stringify(SUBPATHS)}) out[id] = Object.keys(require(id)).length;
      const { TransactionLog } = require('crm-mining');
      const log = TransactionLog.fromRecords([{ c: 'a', t: '2025-01-01', i: 'x' }, { c: 'a', t: '2025-01-01', i: 'y' }], { customer: 'c', time: 't', item: 'i' });
      console.log(JSON.stringify({ out, baskets: log.baskets() }));`);
    const [a, b] = [JSON.parse(esm), JSON.parse(cjs)] as { out: Record<string, number>; baskets: string[][] }[];
    expect(a?.baskets).toEqual([['x', 'y']]);
    expect(b).toEqual(a);
    for (const id of SUBPATHS) expect(a?.out[id], id).toBeGreaterThan(0);
  });

  it.each(['node16', 'bundler'])('type-checks a user file with tsc --strict under moduleResolution %s', (resolution) => {
    writeFileSync(join(app, 'use.ts'), `
import { TransactionLog, associationRules, rfm, fitBgNbd, customerSummary, kmeans, type AssociationRule, type RfmRow, type KmeansResult } from 'crm-mining';
import { sequentialPatterns, type SequentialPattern } from 'crm-mining/sequence';
import { DecisionTree, type FittedDecisionTree } from 'crm-mining/classify';
import { trainChurnModel } from 'crm-mining/churn';
import { renderReport, analyze } from 'crm-mining/report';
const log: TransactionLog = TransactionLog.fromRecords([{ c: 'a', t: '2025-01-01', i: 'x', a: 3 }], { customer: 'c', time: 't', item: 'i', amount: 'a' });
const rules: AssociationRule[] = associationRules(log, { minSupport: 0.5, minConfidence: 0.5 });
const rows: RfmRow[] = rfm(log);
const patterns: SequentialPattern[] = sequentialPatterns(log, { minSupport: 0.5 });
const fitted = fitBgNbd(customerSummary(log, { unit: 'week' }));
const k: KmeansResult = kmeans([[0], [1]], 1);
const tree: FittedDecisionTree = new DecisionTree({ maxDepth: 2 }).fit([[0], [1]], [0, 1]);
const html: Promise<string> = renderReport(analyze(log));
// @ts-expect-error minSupport is a number
associationRules(log, { minSupport: 'high' });
export const used = [rules, rows, patterns, fitted.params.r, k.inertia, tree.predict([[0]]), html, trainChurnModel];
`);
    writeFileSync(join(app, `tsconfig.${resolution}.json`), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2022', 'DOM'], skipLibCheck: false, types: [], module: resolution === 'node16' ? 'node16' : 'esnext', moduleResolution: resolution },
      files: ['use.ts'],
    }));
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${resolution}.json`], { cwd: app, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('runs the bin through npx, node_modules/.bin, an npm script, node and a global install', () => {
    const help = execFileSync('npx', ['crm-mining', '--help'], { cwd: app, encoding: 'utf8' });
    expect(help).toMatch(/^Usage: crm-mining <command> FILE/);
    expect(execFileSync('npx', ['crm-mining', 'rules', '--help'], { cwd: app, encoding: 'utf8' })).toMatch(/crm-mining rules FILE/);
    expect(execFileSync(join(app, 'node_modules/.bin/crm-mining'), ['--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(app, 'package.json'), JSON.stringify({ ...manifest, scripts: { crm: 'crm-mining --version' } }));
    expect(npm(app, ['run', '--silent', 'crm']).trim()).toBe(pkg.version);
    expect(execFileSync(process.execPath, [join(app, 'node_modules/crm-mining/dist/cli.js'), '--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
    // A global install (into a prefix of its own) puts a working crm-mining on the PATH.
    const prefix = join(app, 'global');
    npm(app, ['install', '--global', '--prefix', prefix, inject('tarball'), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error']);
    expect(execFileSync(join(prefix, 'bin/crm-mining'), ['--help'], { encoding: 'utf8' })).toMatch(/^Usage: crm-mining <command> FILE/);
    // An unknown command is a usage error, not a silent success.
    const bad = spawnSync('npx', ['crm-mining', 'frobnicate'], { cwd: app, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('ends quietly on a closed pipe and says so on a full disk, as Unix tools do', () => {
    const bin = join(app, 'node_modules/.bin/crm-mining');
    const piped = spawnSync('bash', ['-c', `set -o pipefail; "${bin}" rules "${SAMPLE}" --format csv -q | head -1`], { encoding: 'utf8' });
    expect(piped.stdout).toMatch(/^antecedent,consequent,support/);
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    const full = spawnSync('bash', ['-c', `"${bin}" rules "${SAMPLE}" --format csv -q > /dev/full`], { encoding: 'utf8' });
    expect(full.status).toBe(3);
    expect(full.stderr).toMatch(/cannot write the output: ENOSPC/);
  });

  it('writes the report of the bundled sample with npx crm-mining analyze', () => {
    const out = join(app, 'report.html');
    const printed = execFileSync('npx', ['crm-mining', 'analyze', SAMPLE, '--out', out, '-q'], { cwd: app, encoding: 'utf8' }).trim();
    expect(printed).toBe(out);
    const html = readFileSync(out, 'utf8');
    for (const id of ['summary', 'rfm', 'rules', 'sequences', 'clv', 'churn', 'segments']) expect(html).toContain(`<section id="${id}">`);
    expect(html).toMatch(/vega\.View/);
  });

  it('says how to install brain.js when a neural network is made without it', () => {
    expect(existsSync(join(app, 'node_modules/brain.js'))).toBe(false);
    const out = runIn(app, 'neural.mjs', `
      import { NeuralNetwork, trainChurnModel, DecisionTree, kmeans } from 'crm-mining';
      const errors = [];
      try { new NeuralNetwork().fit([[0], [1]], ['a', 'b']); } catch (e) { errors.push({ code: e.code, message: e.message }); }
      try { await new NeuralNetwork().fitAsync([[0], [1]], ['a', 'b']); } catch (e) { errors.push({ code: e.code, message: e.message }); }
      // The engines that are dependencies load on first use.
      const tree = new DecisionTree({ engine: 'ml-cart' }).fit([[0], [1], [2], [3]], ['a', 'a', 'b', 'b']).predict([[0], [3]]);
      const k = kmeans([[0], [1], [10], [11]], 2, { engine: 'ml-kmeans', seed: 1 }).inertia;
      console.log(JSON.stringify({ errors, tree, k }));`);
    const { errors, tree, k } = JSON.parse(out) as { errors: { code: string; message: string }[]; tree: string[]; k: number };
    expect(errors).toHaveLength(2);
    for (const e of errors) {
      expect(e.code).toBe('DEPENDENCY');
      expect(e.message).toMatch(/npm install brain\.js@2\.0\.0-beta\.24 gpu\.js@2/);
    }
    expect(tree).toEqual(['a', 'b']);
    expect(k).toBe(1);
  });

  it('trains a neural network once brain.js is installed, in this thread and in a worker thread, from ESM and CJS', () => {
    const full = inject('fullApp');
    const source = (load: string) => `${load}
      const X = [[0], [1], [2], [3]], y = ['a', 'a', 'b', 'b'];
      const net = new NeuralNetwork({ iterations: 20, seed: 1 });
      Promise.resolve(net.fitAsync(X, y)).then((m) => console.log(JSON.stringify({ same: JSON.stringify(m.toJSON()) === JSON.stringify(net.fit(X, y).toJSON()), classes: m.classes })));`;
    for (const [file, load] of [['nn.mjs', "import { NeuralNetwork } from 'crm-mining';"], ['nn.cjs', "const { NeuralNetwork } = require('crm-mining');"]] as const) {
      expect(JSON.parse(runIn(full, file, source(load)))).toEqual({ same: true, classes: ['a', 'b'] });
    }
  });

  it('runs a search in a worker thread from ESM and CJS: same answer, stopped by a timer, the event loop free', () => {
    const source = (load: string) => `${load}
      const { monitorEventLoopDelay } = require('node:perf_hooks');
      const log = TransactionLog.fromCSV(${JSON.stringify(SAMPLE)}, { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount' });
      let x = 1;
      const rng = () => (x = (x * 48271) % 2147483647) / 2147483647;
      const dense = Array.from({ length: 1000 }, () => Array.from({ length: 40 }, (_, i) => 'i' + i).filter(() => rng() < 0.8));
      (async () => {
        const rules = await runInWorker('associationRules', [log, { minSupport: 0.01, minConfidence: 0.2 }]);
        const same = JSON.stringify(rules) === JSON.stringify(associationRules(log, { minSupport: 0.01, minConfidence: 0.2 }));
        const signal = AbortSignal.timeout(300);
        let firedAt = 0;
        signal.addEventListener('abort', () => { firedAt = performance.now(); });
        const delay = monitorEventLoopDelay({ resolution: 5 });
        delay.enable();
        const code = await runInWorker('frequentItemsets', [dense, { minSupport: 0.3, maxPatterns: Infinity }], { signal }).catch((e) => e.code);
        const stopMs = performance.now() - firedAt;
        delay.disable();
        const limit = await runInWorker('frequentItemsets', [dense, { minSupport: 0.3, maxMemoryMB: 1 }]).catch((e) => e.name);
        console.log(JSON.stringify({ same, n: rules.length, code, stopMs, maxDelayMs: delay.max / 1e6, limit }));
      })();`;
    for (const [file, load] of [['w.mjs', "import { runInWorker, associationRules, TransactionLog } from 'crm-mining';\nimport { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);"], ['w.cjs', "const { runInWorker } = require('crm-mining/worker');\nconst { associationRules, TransactionLog } = require('crm-mining');"]] as const) {
      const r = JSON.parse(runIn(app, file, source(load))) as { same: boolean; n: number; code: string; stopMs: number; maxDelayMs: number; limit: string };
      expect(r).toEqual(expect.objectContaining({ same: true, code: 'ABORTED', limit: 'LimitError' }));
      expect(r.n).toBeGreaterThan(0);
      expect(r.stopMs).toBeLessThan(100);
      expect(r.maxDelayMs).toBeLessThan(100);
    }
  });

  it('installs light: node_modules of the empty app within 40 MB', () => {
    const mb = sizeOf(join(app, 'node_modules')) / 2 ** 20;
    expect(mb).toBeLessThanOrEqual(40);
    for (const heavy of ['brain.js', 'gpu.js', 'webgpu']) expect(existsSync(join(app, 'node_modules', heavy)), heavy).toBe(false);
  });

  it('passes publint and arethetypeswrong', () => {
    const publint = spawnSync(bin('publint'), ['run', '--strict', ROOT], { encoding: 'utf8' });
    expect(publint.stdout + publint.stderr).toMatch(/All good/);
    expect(publint.status).toBe(0);
    // crm-mining/worker-script is the file a Web Worker loads by URL, not a module to import or type.
    const attw = spawnSync(bin('attw'), [inject('tarball'), '--format', 'table-flipped', '--exclude-entrypoints', 'worker-script'], { encoding: 'utf8' });
    expect(attw.stdout + attw.stderr).not.toMatch(/❌|Masquerading|Resolution failed|Internal resolution error|Missing `export =`/);
    expect(attw.status).toBe(0);
  });
});
