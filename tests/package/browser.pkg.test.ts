/**
 * crm-mining in browsers, from the installed tarball: the main entry and every browser-meaningful
 * subpath bundle with esbuild and with Vite, no configuration and no externals (so no Node-only
 * module reaches a bundle); the sizes are written to tests/package/out/bundle-sizes.json. Then a
 * page bundled by esbuild runs every capability in headless Chromium (Debian's package), the
 * neural network in a Web Worker, and must give the answers Node gives.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './app';
import { differences } from './compare';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(ROOT, 'tests/package/out');
const ENTRIES = ['crm-mining', ...['core', 'association', 'sequence', 'rfm', 'clv', 'classify', 'cluster', 'profile', 'churn', 'report', 'notebook', 'sql'].map((s) => `crm-mining/${s}`)];
const esbuild = join(ROOT, 'node_modules/.bin/esbuild');
const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
if (!existsSync(CHROMIUM) && process.env.CI !== undefined) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package`);

interface BundleSize { entry: string; tool: 'esbuild' | 'vite'; minified: number; gzip: number }

describe('browser bundles of the installed package', () => {
  const app = inject('bareApp');
  const sizes: BundleSize[] = [];
  afterAll(() => {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'bundle-sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
  });

  // Each entry whole (everything it exports kept), and an app that uses two functions of the main entry.
  const CASES = [...ENTRIES.map((entry) => [entry, `import * as lib from '${entry}';\nglobalThis.lib = lib;\n`]), ['crm-mining { associationRules, rfm }', "import { associationRules, rfm } from 'crm-mining';\nglobalThis.lib = { associationRules, rfm };\n"]];

  it.each(CASES)('%s bundles with esbuild for the browser, no configuration', (entry, source) => {
    const dir = join(app, 'esbuild', entry.replace(/\W+/g, '_'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'main.js'), source);
    const run = spawnSync(esbuild, ['main.js', '--bundle', '--minify', '--platform=browser', '--outfile=out.js', '--log-level=warning'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // A Node built-in reached from the entry would have stopped esbuild ('Could not resolve').
    const code = readFileSync(join(dir, 'out.js'));
    sizes.push({ entry: entry as string, tool: 'esbuild', minified: code.length, gzip: gzipSync(code).length });
  });

  it.each(CASES)('%s bundles with Vite (vite build), no configuration', (entry, source) => {
    const dir = join(app, 'vite', entry.replace(/\W+/g, '_'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
    writeFileSync(join(dir, 'main.js'), source);
    const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    // Vite's advice about chunks over 500 kB (the report's vega-lite) is not a problem.
    expect(run.stderr.replace(/\[plugin builtin:vite-reporter\][\s\S]*?chunkSizeWarningLimit\.\s*/, '')).toBe('');
    expect(run.status).toBe(0);
    const assets = join(dir, 'dist/assets');
    const files = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f)));
    expect(files.length).toBeGreaterThan(0);
    // Vite splits lazily loaded engines into chunks: the size is all of them.
    sizes.push({ entry: entry as string, tool: 'vite', minified: files.reduce((s, f) => s + f.length, 0), gzip: files.reduce((s, f) => s + gzipSync(f).length, 0) });
  });
});

describe('the browser worker script', () => {
  it("is one self-contained file that Vite emits as an asset for `import url from 'crm-mining/worker-script?url'`", () => {
    const dir = join(inject('bareApp'), 'vite-worker');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
    writeFileSync(join(dir, 'main.js'), "import workerUrl from 'crm-mining/worker-script?url';\nimport { runInWorker } from 'crm-mining/worker';\nglobalThis.go = () => runInWorker('rfm', [[]], { workerUrl });\n");
    const run = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const script = readFileSync(join(inject('bareApp'), 'node_modules/crm-mining/dist/worker/browser.global.js'));
    const assets = readdirSync(join(dir, 'dist/assets'));
    expect(assets.some((f) => f.startsWith('browser.global') && readFileSync(join(dir, 'dist/assets', f)).equals(script))).toBe(true);
    // Self-contained: no import statements left to resolve in a worker.
    expect(script.toString()).not.toMatch(/^import |\bimport\s*\(\s*["'](?!brain\.js|gpu\.js|vega|vega-lite)/m);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('every capability in headless Chromium equals Node', () => {
  const app = inject('fullApp');
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
  });
  afterAll(async () => browser?.close());

  it('loads a log from CSV text and runs rules, sequences, RFM, CLV, churn, k-means, the neural network and the report', async () => {
    const dir = join(app, 'page');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'scenario.mjs'), readFileSync(join(ROOT, 'tests/package/fixtures/scenario.mjs')));
    writeFileSync(join(dir, 'page.mjs'), `import * as lib from 'crm-mining';\nimport * as brain from 'brain.js';\nimport { scenario } from './scenario.mjs';\nwindow.runScenario = (csv) => scenario(lib, brain, csv);\n`);
    execFileSync(esbuild, ['page.mjs', '--bundle', '--platform=browser', '--outfile=bundle.js', '--log-level=error'], { cwd: dir });
    const csv = readFileSync(join(ROOT, 'examples/data/sample-transactions.csv'), 'utf8');

    // The same scenario in Node, from the same installed package.
    writeFileSync(join(dir, 'node.mjs'), `import * as lib from 'crm-mining';\nimport * as brain from 'brain.js';\nimport { readFileSync } from 'node:fs';\nimport { scenario } from './scenario.mjs';\nconsole.log(JSON.stringify(await scenario(lib, brain, readFileSync(process.argv[2], 'utf8'))));\n`);
    const inNode = JSON.parse(execFileSync(process.execPath, ['node.mjs', join(ROOT, 'examples/data/sample-transactions.csv')], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 })) as Record<string, unknown>;

    // Served from a made-up origin by the test itself: nothing goes to the network.
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.route('http://crm.test/**', (route) => {
      const file = new URL(route.request().url()).pathname === '/bundle.js' ? readFileSync(join(dir, 'bundle.js')) : '<!doctype html><meta charset="utf-8"><script src="/bundle.js"></script>';
      return route.fulfill({ status: 200, body: file, contentType: file instanceof Buffer ? 'text/javascript' : 'text/html' });
    });
    await page.goto('http://crm.test/');
    const inBrowser = await page.evaluate(async (text) => (globalThis as unknown as { runScenario(csv: string): Promise<unknown> }).runScenario(text), csv) as Record<string, unknown>;
    expect(problems).toEqual([]);

    const { report: browserReport, ...browserRest } = inBrowser;
    const { report: nodeReport, ...nodeRest } = inNode;
    // Identical but for the last bits of a few numbers: Chromium's V8 and Node's may round
    // Math.pow or Math.exp differently in the last place. Everything discrete is exact.
    expect(differences(browserRest, nodeRest)).toEqual([]);
    expect((browserRest.neural as { sameAsInThread: boolean; aborted: string; progress: number[] })).toEqual(expect.objectContaining({ sameAsInThread: true, aborted: 'ABORTED', stopped: 'ABORTED', progress: [10, 20, 30, 40, 50, 60] }));
    expect((browserRest.rules as unknown[]).length).toBeGreaterThan(0);
    // The report: in the browser the charts are drawn as SVG into a page without scripts;
    // in Node the Vega runtime is inlined and draws them when the page opens.
    expect(browserReport).toEqual({ svgCharts: 8, sections: 8, scripts: 0 }); // churn left out: no gains chart; no attitude: no loyalty chart
    expect(nodeReport).toEqual({ svgCharts: 0, sections: 8, scripts: 3 });
  });

  it('runs searches in a Web Worker with runInWorker: same answers, a timer stops them, errors typed', async () => {
    const dir = join(app, 'worker-page');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'page.mjs'), `import { runInWorker, associationRules, sequentialPatterns, kmeans, TransactionLog, loadKmeansEngine } from 'crm-mining';
window.runWorkers = async (csv) => {
  const workerUrl = '/worker.js';
  const log = TransactionLog.fromCSV(csv, { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount' });
  const rules = await runInWorker('associationRules', [log, { minSupport: 0.01, minConfidence: 0.2 }], { workerUrl });
  const patterns = await runInWorker('sequentialPatterns', [log, { minSupport: 0.05 }], { workerUrl });
  await loadKmeansEngine();
  const X = Array.from({ length: 40 }, (_, i) => [i % 5, (i * 3) % 7]);
  const k = await runInWorker('kmeans', [X, 3, { seed: 2 }], { workerUrl });
  let x = 1;
  const rng = () => (x = (x * 48271) % 2147483647) / 2147483647;
  const dense = Array.from({ length: 1000 }, () => Array.from({ length: 40 }, (_, i) => 'i' + i).filter(() => rng() < 0.8));
  const signal = AbortSignal.timeout(300);
  let firedAt = 0;
  signal.addEventListener('abort', () => { firedAt = performance.now(); });
  const progress = [];
  const stopped = await runInWorker('frequentItemsets', [dense, { minSupport: 0.3, maxPatterns: Infinity }], { signal, workerUrl, onProgress: (p) => progress.push(p.phase) }).catch((e) => e.code);
  const stopMs = performance.now() - firedAt;
  const limit = await runInWorker('frequentItemsets', [dense, { minSupport: 0.3, maxMemoryMB: 1 }], { workerUrl }).catch((e) => e.name + ' ' + e.code);
  const noUrl = await runInWorker('rfm', [log]).catch((e) => e.code);
  return {
    sameRules: JSON.stringify(rules) === JSON.stringify(associationRules(log, { minSupport: 0.01, minConfidence: 0.2 })),
    samePatterns: JSON.stringify(patterns) === JSON.stringify(sequentialPatterns(log, { minSupport: 0.05 })),
    sameKmeans: JSON.stringify(k) === JSON.stringify(kmeans(X, 3, { seed: 2 })),
    rules: rules.length, stopped, stopMs, sawProgress: progress.includes('mine'), limit, noUrl,
  };
};
`);
    execFileSync(esbuild, ['page.mjs', '--bundle', '--platform=browser', '--outfile=bundle.js', '--log-level=error'], { cwd: dir });
    const workerScript = readFileSync(join(app, 'node_modules/crm-mining/dist/worker/browser.global.js'));
    const csv = readFileSync(join(ROOT, 'examples/data/sample-transactions.csv'), 'utf8');
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.route('http://crm.test/**', (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/bundle.js') return route.fulfill({ status: 200, body: readFileSync(join(dir, 'bundle.js')), contentType: 'text/javascript' });
      if (path === '/worker.js') return route.fulfill({ status: 200, body: workerScript, contentType: 'text/javascript' });
      return route.fulfill({ status: 200, body: '<!doctype html><meta charset="utf-8"><script src="/bundle.js"></script>', contentType: 'text/html' });
    });
    await page.goto('http://crm.test/');
    const r = await page.evaluate(async (text) => (globalThis as unknown as { runWorkers(csv: string): Promise<Record<string, unknown>> }).runWorkers(text), csv);
    expect(problems).toEqual([]);
    expect(r).toEqual(expect.objectContaining({ sameRules: true, samePatterns: true, sameKmeans: true, stopped: 'ABORTED', sawProgress: true, limit: 'LimitError LIMIT', noUrl: 'DEPENDENCY' }));
    expect(r.rules).toBeGreaterThan(0);
    expect(r.stopMs).toBeLessThan(100);
  });
});
