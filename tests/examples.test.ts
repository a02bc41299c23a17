/**
 * Every runnable example in examples/ runs from a fresh clone with no arguments (the data they
 * need comes with the repository), exits 0 and prints what its header promises.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
const EXPECTED: Record<string, RegExp> = {
  'churn.ts': /as the CLI and the report say \(trained \d{4}-\d\d-\d\d/,
  'clv.ts': /Dwyer: margins 100, 80, 60 at 10% -> 202\.10/,
  'demo.ts': /report\.html/,
  'generate-sample.ts': /wrote .*sample-transactions\.csv/,
  'market-basket.ts': /9835 baskets/,
  'next-purchase.ts': /maxGap 1/,
  'rfm-segments.ts': /Champions \d+/,
  'segments-kmeans.ts': /%/,
  'telco-churn.ts': /InternetService=Fiber optic/,
};

describe('examples', () => {
  const files = readdirSync(new URL('../examples/', import.meta.url)).filter((f) => f.endsWith('.ts')).sort();

  it('every example has an expectation here', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s runs with no arguments', (file) => {
    const run = spawnSync(process.execPath, [TSX, `examples/${file}`], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(EXPECTED[file] as RegExp);
  });
});

describe('one set of churn figures', () => {
  it('examples/churn.ts prints what `crm-mining churn` says for the same data', async () => {
    const { main } = await import('../src/report/cli');
    let err = '';
    const io = { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) } };
    expect(await main(['churn', 'examples/data/sample-transactions.csv', '--limit', '1'], io)).toBe(0);
    const cli = /trained at (\d{4}-\d\d-\d\d); ([\d.]+)% of (\d+) customers .* after (\d{4}-\d\d-\d\d); revenue at risk ([\d.]+)/.exec(err);
    const example = spawnSync(process.execPath, [TSX, 'examples/churn.ts'], { cwd: ROOT, encoding: 'utf8' }).stdout;
    const shared = /trained (\d{4}-\d\d-\d\d), scored (\d{4}-\d\d-\d\d)\): ([\d.]+)% of (\d+) customers expected to lapse, revenue at risk (\d+)/.exec(example);
    expect(cli).not.toBeNull();
    expect(shared).not.toBeNull();
    const [, trained, rate, customers, scored, atRisk] = cli as RegExpExecArray;
    expect(shared?.slice(1)).toEqual([trained, scored, rate, customers, Math.round(Number(atRisk)).toString()]);
  });
});
