// Loads the built package the way users do: ESM import, CJS require, and the CLI binary.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const esm = await import('../../dist/index.js');
const cjs = createRequire(import.meta.url)('../../dist/index.cjs');
const core = await import('../../dist/core/index.js');
const records = [{ c: 'a', t: '2025-01-01', i: 'x' }, { c: 'a', t: '2025-01-01', i: 'y' }];
for (const mod of [esm, cjs, core]) {
  const log = mod.TransactionLog.fromRecords(records, { customer: 'c', time: 't', item: 'i' });
  assert.deepEqual(log.baskets(), [['x', 'y']]);
}
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const version = execFileSync(process.execPath, ['dist/cli.js', '--version'], { encoding: 'utf8' }).trim();
assert.equal(version, pkg.version);
// The CLI writes the self-contained report; the report module works from both builds.
const dir = mkdtempSync(join(tmpdir(), 'crm-smoke-'));
const printed = execFileSync(process.execPath, ['dist/cli.js', 'analyze', 'examples/data/sample-transactions.csv', '--out', join(dir, 'r.html'), '-q'], { encoding: 'utf8' }).trim();
assert.equal(printed, join(dir, 'r.html'));
assert.match(readFileSync(printed, 'utf8'), /<section id="churn">[\s\S]*vega\.View/);
for (const report of [await import('../../dist/report/index.js'), createRequire(import.meta.url)('../../dist/report/index.cjs')]) {
  const log = esm.TransactionLog.fromCSV('examples/data/sample-transactions.csv', { customer: 'customer', time: 'time', item: 'item', amount: 'amount' });
  assert.match(await report.renderReport(report.analyze(log, { churn: false, sequences: false })), /<section id="rules">/);
}
rmSync(dir, { recursive: true, force: true });
// Every capability has its own subpath export.
const req = createRequire(import.meta.url);
for (const [sub, name] of [['association', 'frequentItemsets'], ['sequence', 'sequentialPatterns'], ['rfm', 'rfm'], ['clv', 'fitBgNbd'], ['classify', 'rocAuc'], ['cluster', 'kmeans'], ['churn', 'trainChurnModel'], ['report', 'charts']]) {
  assert.ok(['function', 'object'].includes(typeof (await import(`../../dist/${sub}/index.js`))[name]));
  assert.ok(['function', 'object'].includes(typeof req(`../../dist/${sub}/index.cjs`)[name]));
}
// brain.js loads lazily from both builds, in this thread and in a worker thread.
const X = [[0], [1], [2], [3]];
const y = ['a', 'a', 'b', 'b'];
for (const mod of [esm, cjs]) {
  const net = new mod.NeuralNetwork({ iterations: 20, seed: 1 });
  const sync = net.fit(X, y);
  assert.deepEqual((await net.fitAsync(X, y)).toJSON(), sync.toJSON());
}
console.log('package smoke test: 7 passed, 0 failed');
