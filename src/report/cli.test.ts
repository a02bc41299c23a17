import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { syntheticRecords } from '../core/synthetic';
import { TransactionLog } from '../core/TransactionLog';
import { parseCsv } from '../core/formats';
import { associationRules } from '../association/index';
import { sequentialPatterns } from '../sequence/index';
import { rfm } from '../rfm/index';
import { EXIT, main } from './cli';
import { VERSION } from './version';
import pkg from '../../package.json';

const dir = mkdtempSync(join(tmpdir(), 'crm-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Header names as a shop export has them, so that the CLI has to guess.
const rows = [...syntheticRecords({ customers: 250, seed: 21, start: '2023-01-01', end: '2024-12-31' })];
const FILE = join(dir, 'orders.csv');
writeFileSync(FILE, `Order ID,Customer ID,Order Date,SKU,Quantity,Line Total\n${rows.map((r) => `${r.order},${r.customer},${r.time},${r.item},${r.quantity},${r.amount}`).join('\n')}\n`);
const log = TransactionLog.fromCSV(FILE, { customer: 'Customer ID', time: 'Order Date', item: 'SKU', order: 'Order ID', amount: 'Line Total', quantity: 'Quantity' });

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('crm-mining CLI: results equal the library', () => {
  it('rules as CSV: every rule, full precision, sorted by lift', async () => {
    const { code, out, err } = await run('rules', FILE, '--min-support', '0.01', '--min-confidence', '0.3', '--format', 'csv');
    expect(code).toBe(EXIT.ok);
    expect(err).toMatch(/columns guessed from the header: customer=Customer ID, time=Order Date, order=Order ID, item=SKU, amount=Line Total, quantity=Quantity/);
    const direct = associationRules(log, { minSupport: 0.01, minConfidence: 0.3, maxLength: 4 });
    const printed = parseCsv(out);
    expect(printed).toHaveLength(direct.length);
    const byKey = new Map(direct.map((r) => [`${r.antecedent.join(' + ')}=>${r.consequent.join(' + ')}`, r]));
    for (const p of printed) {
      const r = byKey.get(`${p.antecedent}=>${p.consequent}`);
      expect(Number(p.lift)).toBe(r?.lift);
      expect(Number(p.count)).toBe(r?.count);
    }
    const lifts = printed.map((p) => Number(p.lift));
    expect(lifts).toEqual([...lifts].sort((a, b) => b - a));
  });

  it('sequences as JSON, and the support it picked when none was given', async () => {
    const { code, out } = await run('sequences', FILE, '--min-support', '0.1', '--max-length', '3', '--format', 'json', '-q');
    expect(code).toBe(0);
    const printed = JSON.parse(out) as Array<{ pattern: string; count: number }>;
    const direct = sequentialPatterns(log, { minSupport: 0.1, maxLength: 3 });
    expect(printed.map((p) => p.count).sort()).toEqual(direct.map((p) => p.count).sort());
    const auto = await run('sequences', FILE);
    expect(auto.err).toMatch(/no --min-support given: using 0\.\d+/);
    expect(auto.out.split('\n')[0]).toMatch(/^pattern\s+steps\s+support\s+count$/);
  });

  it('rfm per customer (JSON) and per segment (table, --limit)', async () => {
    const { out } = await run('rfm', FILE, '--format', 'json');
    const printed = JSON.parse(out) as Array<{ customer: string; score: string; segment: string }>;
    const direct = rfm(log);
    expect(printed).toHaveLength(direct.length);
    const byCustomer = new Map(direct.map((r) => [r.customer, r]));
    for (const p of printed) expect(p.segment).toBe(byCustomer.get(p.customer)?.segment);
    const table = await run('rfm', FILE, '--segments', '--limit', '3');
    expect(table.out.trim().split('\n')).toHaveLength(4);
  });

  it('clv highest first, churn ranked by value at risk with the out-of-time check on stderr', async () => {
    const clv = parseCsv((await run('clv', FILE, '--format', 'csv')).out);
    expect(clv).toHaveLength(log.customerCount);
    const values = clv.map((r) => Number(r.clv));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const churn = await run('churn', FILE, '--horizon-days', '60', '--format', 'json', '--limit', '5');
    expect(churn.code).toBe(0);
    const risk = JSON.parse(churn.out) as Array<{ valueAtRisk: number; reasons: string }>;
    expect(risk).toHaveLength(5);
    expect(risk.map((r) => r.valueAtRisk)).toEqual([...risk.map((r) => r.valueAtRisk)].sort((a, b) => b - a));
    // CSV and JSON list every customer unless --limit says otherwise.
    expect(parseCsv((await run('churn', FILE, '--horizon-days', '60', '--format', 'csv', '-q')).out)).toHaveLength(log.customerCount);
    expect(churn.err).toMatch(/out-of-time check \(trained \d{4}-\d\d-\d\d, scored \d{4}-\d\d-\d\d\): AUC 0\.\d{3}/);
  });

  it('analyze writes the HTML report (and the analysis as JSON) and prints its path', async () => {
    const out = join(dir, 'report.html');
    const json = join(dir, 'analysis.json');
    const r = await run('analyze', FILE, '--out', out, '--json', json, '--title', 'Shop');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(out);
    expect(readFileSync(out, 'utf8')).toContain('<title>Shop</title>');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ summary: { customers: log.customerCount }, churn: { status: 'ok' } });
    expect(r.err).toMatch(/rfm…\n.*rules…\n.*sequences…\n.*clv…\n.*churn…\n.*segments…/);
  });

  it('analyze --attitude adds the loyalty matrix from a CSV of scores, and names a bad score by line', async () => {
    const customers = [...new Set(rows.map((r) => r.customer))];
    const scores = join(dir, 'nps.csv');
    // Score first, extra column, one customer without a score, one empty cell: the named columns are used.
    writeFileSync(scores, `score,channel,customer\n${customers.slice(1).map((c, i) => `${i === 0 ? '' : i % 11},web,${c}`).join('\n')}\n`);
    const out = join(dir, 'loyal.html');
    const json = join(dir, 'loyal.json');
    expect((await run('analyze', FILE, '--out', out, '--json', json, '--attitude', scores, '-q')).code).toBe(0);
    const loyalty = (JSON.parse(readFileSync(json, 'utf8')) as { loyalty: { status: string; customers: number; withoutAttitude: { customers: number } } }).loyalty;
    expect(loyalty).toMatchObject({ status: 'ok', customers: customers.length - 2, withoutAttitude: { customers: 2 } });
    expect(readFileSync(out, 'utf8')).toContain('data-chart="loyalty"');
    writeFileSync(scores, `customer,score\n${customers[0]},9\n${customers[1]},great\n`);
    const bad = await run('analyze', FILE, '--out', out, '--attitude', scores, '-q');
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/line 3, field 'score'.*attitude score must be a number.*great/);
  });

  it('--out writes the rows to a file; summary, --version and --help', async () => {
    const target = join(dir, 'rules.csv');
    expect((await run('rules', FILE, '--min-support', '0.02', '--format', 'csv', '--out', target, '-q')).out).toBe('');
    expect(readFileSync(target, 'utf8').split('\n')[0]).toBe('antecedent,consequent,support,confidence,lift,leverage,conviction,count');
    expect(JSON.parse((await run('summary', FILE, '--json', '-q')).out)).toMatchObject({ customers: log.customerCount, rows: rows.length });
    expect((await run('--version')).out.trim()).toBe(VERSION);
    expect(VERSION).toBe(pkg.version);
    const help = (await run('--help')).out;
    for (const command of ['analyze', 'rules', 'sequences', 'rfm', 'clv', 'churn', 'summary']) {
      expect(help).toContain(`  ${command} FILE`);
      expect((await run(command, '--help')).out).toContain(`Usage: crm-mining ${command} FILE`);
    }
  });
});

describe('crm-mining CLI: errors and exit codes', () => {
  it('2 for a bad command line or option, naming it', async () => {
    expect(await run('mine', FILE)).toMatchObject({ code: EXIT.usage, err: expect.stringMatching(/unknown command 'mine'/) });
    expect(await run('rules', FILE, '--min-suport', '0.1')).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown option '--min-suport'/) });
    expect(await run('rules', FILE, '--min-support', 'lots')).toMatchObject({ code: 2, err: expect.stringMatching(/--min-support must be a number > 0 and <= 1, got 'lots'/) });
    expect(await run('rules')).toMatchObject({ code: 2, err: expect.stringMatching(/rules needs a FILE/) });
    expect(await run('churn', FILE, '--model', 'magic')).toMatchObject({ code: 2, err: expect.stringMatching(/--model must be logistic, forest, tree, rules, neural, bgnbd; got 'magic'/) });
    expect(await run('rules', FILE, '--customer', 'client')).toMatchObject({ code: 2, err: expect.stringMatching(/--customer client: no such column/) });
    const anonymous = write('anonymous.csv', 'a,b\n1,2\n');
    expect(await run('summary', anonymous)).toMatchObject({ code: 2, err: expect.stringMatching(/cannot tell which column holds the customer: name it with --customer COL \(header: a, b\)/) });
  });

  it('3 for bad data, with row and field, and --skip-invalid to go on', async () => {
    expect(await run('summary', join(dir, 'missing.csv'))).toMatchObject({ code: EXIT.data, err: expect.stringMatching(/cannot read '.*missing\.csv': no such file/) });
    const bad = write('bad.csv', 'customer,date,item,amount\nc1,2024-01-01,tea,3\nc2,,milk,2\nc3,2024-01-03,jam,1\n');
    const r = await run('summary', bad);
    expect(r).toMatchObject({ code: 3, err: expect.stringMatching(/row 2 \(line 3\), field 'date'.*--skip-invalid/) });
    const skipped = await run('summary', bad, '--skip-invalid');
    expect(skipped.code).toBe(0);
    expect(skipped.err).toMatch(/skipped 1 invalid rows \(date: 1\)/);
    expect(skipped.out).toMatch(/^2 line items/);
  });

  it('reads CDNOW as it is: whitespace-separated with the columns guessed, and the headerless sample with --no-header --columns', async () => {
    const master = fileURLToPath(new URL('../../examples/data/lifetimes/CDNOW_master.txt', import.meta.url));
    const r = await run('summary', master, '--format', 'json');
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toMatch(/customer=customer_id, time=date, amount=dollar_value; delimiter "whitespace"/);
    expect(JSON.parse(r.out)).toMatchObject({ rows: 69_659, customers: 23_570 });
    const sample = fileURLToPath(new URL('../../examples/data/lifetimes/CDNOW_sample.txt', import.meta.url));
    expect(await run('summary', sample)).toMatchObject({ code: EXIT.usage, err: expect.stringMatching(/looks like data, not column names.*--no-header --columns/) });
    const named = await run('summary', sample, '--no-header', '--columns', 'master,customer,date,cds,amount', '--format', 'json');
    expect(named.code).toBe(EXIT.ok);
    expect(JSON.parse(named.out)).toMatchObject({ rows: 6_919, customers: 2_357 });
    // On a log without items, rules say why instead of printing an empty table.
    expect(await run('rules', master)).toMatchObject({ code: EXIT.usage, err: expect.stringMatching(/no item column/) });
  });

  it('analyze skips and counts bad rows by default, stops with --strict, and refuses a file that is mostly bad', async () => {
    const some = write('some-bad.csv', `customer,date,item,amount\nc1,2024-01-01,tea,3\nc2,,milk,2\n${rows.slice(0, 400).map((r) => `${r.customer},${r.time},${r.item},${r.amount}`).join('\n')}\n`);
    const out = join(dir, 'some.html');
    const r = await run('analyze', some, '--out', out);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toMatch(/skipped 1 invalid rows \(date: 1\)/);
    expect(readFileSync(out, 'utf8')).toMatch(/<h3>Data quality<\/h3>[\s\S]*skipped as invalid<\/td><td class="num">1<\/td><td>date: 1/);
    expect(await run('analyze', some, '--out', out, '--strict')).toMatchObject({ code: EXIT.data, err: expect.stringMatching(/row 2 \(line 3\), field 'date'/) });
    const mostly = write('mostly-bad.csv', 'customer,date,amount\nx,2024-01-01,3\ny,31/12/2024,4\nz,30/12/2024,5\n');
    expect(await run('analyze', mostly, '--out', out)).toMatchObject({ code: EXIT.data, err: expect.stringMatching(/2 of 3 rows cannot be used \(date: 2\): that is a wrong column mapping or format/) });
  });

  it('decides day-first or month-first from every date in the column, says why, and refuses a contradiction', async () => {
    const body = (dates: string[]) => `customer,date,amount\n${dates.map((d, i) => `c${i % 3},${d},5`).join('\n')}\n`;
    const dmy = await run('summary', write('dmy.csv', body(['03/04/2024', '05/06/2024', '25/12/2024'])), '--format', 'json');
    expect(dmy.code).toBe(EXIT.ok);
    expect(dmy.err).toMatch(/read date as day\/month\/year: 1 of the 3 slashed dates in date have a first number above 12/);
    expect(JSON.parse(dmy.out).to).toBe('2024-12-25T00:00:00.000Z');
    const mdy = await run('summary', write('mdy.csv', body(['03/04/2024', '12/25/2024'])), '--format', 'json');
    expect(mdy.err).toMatch(/read date as month\/day\/year/);
    expect(JSON.parse(mdy.out).to).toBe('2024-12-25T00:00:00.000Z');
    const both = await run('summary', write('ambiguous.csv', body(['03/04/2024', '05/06/2024'])));
    expect(both.err).toMatch(/every one of the 2 slashed dates in date fits month\/day\/year too/);
    expect(await run('summary', write('contradiction.csv', body(['25/04/2024', '04/25/2024'])))).toMatchObject({ code: EXIT.data, err: expect.stringMatching(/--date-format dmy.*--date-format DD\/MM\/YYYY HH:mm/) });
    const pattern = await run('summary', write('pattern.csv', body(['2024.12.25 10:00'])), '--date-format', 'YYYY.MM.DD HH:mm', '--format', 'json');
    expect(JSON.parse(pattern.out).to).toBe('2024-12-25T10:00:00.000Z');
  });

  it('2 before any work for an output that is the input, another output, or in a missing folder; a good file is only replaced whole', async () => {
    expect(await run('analyze', FILE, '--out', FILE)).toMatchObject({ code: EXIT.usage, err: expect.stringMatching(/--out .* is the input FILE: writing it would destroy the data/) });
    const out = join(dir, 'twice.html');
    expect(await run('analyze', FILE, '--out', out, '--json', out)).toMatchObject({ code: EXIT.usage, err: expect.stringMatching(/--json .* is --out: writing it would keep only one of them/) });
    expect(await run('rules', FILE, '--out', join(dir, 'no-such-folder', 'r.csv'))).toMatchObject({ code: EXIT.usage, err: expect.stringMatching(/does not exist or is not writable/) });
    expect(readFileSync(FILE, 'utf8')).toMatch(/^Order ID,Customer ID/);
    // A write that fails leaves the previous file and no temporary file behind.
    const { writeAtomically } = await import('./cli/files');
    const target = join(dir, 'kept.csv');
    writeFileSync(target, 'the good one\n');
    writeAtomically(target, 'a newer one\n');
    expect(readFileSync(target, 'utf8')).toBe('a newer one\n');
    const blocked = join(dir, 'a-folder');
    mkdirSync(blocked);
    expect(() => writeAtomically(blocked, 'x')).toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('neutralises spreadsheet formulas in CSV output unless --csv-formulas', async () => {
    const evil = write('evil.csv', 'customer,date,item,amount\nc1,2024-01-01,=HYPERLINK("x"),3\nc1,2024-01-01,tea,2\nc2,2024-01-02,=HYPERLINK("x"),4\nc2,2024-01-02,tea,1\n');
    const safe = await run('rules', evil, '--min-support', '0.5', '--min-confidence', '0.5', '--format', 'csv');
    expect(parseCsv(safe.out).map((r) => r.antecedent)).toContain("'=HYPERLINK(\"x\")");
    const raw = await run('rules', evil, '--min-support', '0.5', '--min-confidence', '0.5', '--format', 'csv', '--csv-formulas');
    expect(parseCsv(raw.out).map((r) => r.antecedent)).toContain('=HYPERLINK("x")');
  });

  it('3 with what the file is for a directory, a compressed file, an empty time in the first row and a 40-column export', async () => {
    expect(await run('summary', dir)).toMatchObject({ code: EXIT.data, err: expect.stringMatching(/it is a directory, not a CSV file/) });
    const gz = join(dir, 'orders.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(FILE)));
    expect(await run('summary', gz)).toMatchObject({ code: EXIT.data, err: expect.stringMatching(/gzip-compressed; decompress it first/) });
    expect(await run('rfm', write('first-empty.csv', 'customer,date,amount\nx,,5\n'))).toMatchObject({ code: EXIT.data, err: expect.stringMatching(/row 1 \(line 2\), field 'date'/) });
    const names = Array.from({ length: 40 }, (_, i) => (i === 33 ? 'CustomerID' : i === 34 ? 'InvoiceDate' : i === 36 ? 'StockCode' : `Field${i}`));
    const line = (c: string, t: string, item: string) => names.map((n, i) => (i === 33 ? c : i === 34 ? t : i === 36 ? item : `v${i}`)).join(',');
    const wide = write('wide.csv', `${names.join(',')}\n${line('C1', '2024-01-01', 'tea')}\n${line('C2', '2024-01-02', 'jam')}\n`);
    const r = await run('summary', wide);
    expect(r.code).toBe(EXIT.ok);
    expect(r.err).toMatch(/customer=CustomerID/);
    expect(r.err).toMatch(/time=InvoiceDate/);
    expect(r.out).toMatch(/^2 line items/);
  });

  it('reads day-first and month-first dates with --date-format, and finds the order itself otherwise', async () => {
    const uk = write('uk.csv', 'customer;date;item\nc1;31/12/2024 08:26;tea\nc1;02/01/2025;milk\n');
    const r = await run('summary', uk, '--date-format', 'dmy', '--json', '-q');
    expect(JSON.parse(r.out)).toMatchObject({ from: '2024-12-31T08:26:00.000Z', to: '2025-01-02T00:00:00.000Z', baskets: 2 });
    const us = write('us.csv', 'customer,date,item\nc1,12/31/2024,tea\n');
    expect(JSON.parse((await run('summary', us, '--date-format', 'mdy', '--json')).out)).toMatchObject({ from: '2024-12-31T00:00:00.000Z' });
    const found = await run('summary', us, '--json');
    expect(found).toMatchObject({ code: 0, err: expect.stringMatching(/read date as month\/day\/year/) });
    expect(JSON.parse(found.out)).toMatchObject({ from: '2024-12-31T00:00:00.000Z' });
    expect(await run('summary', us, '--date-format', 'dmy')).toMatchObject({ code: 3 });
  });

  it('guesses from the header cells exactly as the loader reads them (quoted, spaces kept)', async () => {
    const padded = write('padded.csv', '" Customer ID ",Order Date,"SKU, code"\nc1,2024-01-01,tea\nc2,2024-01-02,milk\n');
    const r = await run('summary', padded, '--json');
    expect(r.err).toMatch(/customer= Customer ID , time=Order Date, item=SKU, code/);
    expect(JSON.parse(r.out)).toMatchObject({ customers: 2, items: 2 });
  });

  it('4 when a result would pass its limit', async () => {
    expect(await run('rules', FILE, '--min-support', '0.001', '--max-patterns', '10')).toMatchObject({ code: EXIT.limit, err: expect.stringMatching(/more than 10 itemsets.*raise minSupport/) });
    expect(await run('sequences', FILE, '--min-support', '0.01', '--max-memory', '0.01')).toMatchObject({ code: EXIT.limit, err: expect.stringMatching(/more than maxMemoryMB \(0\.01 MB\) in .*raise minSupport/) });
    expect(await run('rules', FILE, '--min-support', '0.001', '--max-memory', 'lots')).toMatchObject({ code: EXIT.usage });
  });

  it('-q keeps stderr empty on success', async () => {
    expect((await run('rfm', FILE, '-q')).err).toBe('');
  });
});
