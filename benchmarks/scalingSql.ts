/**
 * The scaling path past one process: N generated line items written to Parquet by DuckDB, then
 * everything through DuckDB under `SET memory_limit = '2GB'` in this Node process: the customer
 * summary (materialized), the grouped summary → weighted BG/NBD fit, spend grouped to the cent
 * → weighted Gamma-Gamma, scores of every customer (P(alive), P(active), expected purchases
 * joined back, expected spend) into a table, RFM into a table, and pair rules. Time per step
 * and the peak RSS of the process (DuckDB's memory included: it runs in-process).
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lib } from './lib';
import { peakRssMb, type CaseResult } from './harness';

const { duckdbRunner, customerSummarySql, fitBgNbd, fitGammaGamma, bgnbdScoresSql, rfmSql, pairRulesFromSql } = lib;

/** One step's name and time. */
export interface Step { step: string; ms: number; rows?: number }

/** A case of the SQL path: the steps, the Parquet size and the pair rules found. */
export type SqlScalingResult = CaseResult & { steps: Step[]; parquetMb: number; rules: number };

/**
 * The generator, buy-till-you-die shaped, deterministic (hashes of ids): each customer has a
 * first day in two years, a mean gap between orders (exponential, mean 40 days), a dropout
 * chance after each order (so a geometric number of repeats), and a spend level; orders hold
 * 1–5 lines of skewed items, 2% of lines returned. The first N lines are written.
 */
function generateSql(lines: number, file: string): string {
  const customers = Math.ceil(lines / 6);
  const u = (seed: string) => `((hash(${seed}) % 1000003) / 1000003.0)`;
  return `COPY (
  WITH cust AS (
    SELECT c,
      CAST(700 * ${u('c * 11 + 1')} AS INTEGER) AS first_day,
      greatest(2, -ln(1 - ${u('c * 11 + 2')}) * 40) AS gap,
      least(60, CAST(floor(ln(1 - ${u('c * 11 + 3')}) / ln(1 - (0.05 + 0.4 * pow(${u('c * 11 + 4')}, 2)))) AS INTEGER)) AS repeats,
      0.5 + 2 * pow(${u('c * 11 + 5')}, 2) AS level
    FROM range(${customers}) r(c)
  ), orders AS (
    SELECT c, k, c * 100 + k AS o, level,
      CAST(first_day + k * gap + ${u('c * 131 + k')} * gap AS INTEGER) AS day
    FROM (SELECT c, unnest(range(repeats + 1)) AS k, first_day, gap, level FROM cust)
  ), order_lines AS (
    SELECT c, o, day, level, unnest(range(1 + CAST(hash(o * 3 + 1) % 5 AS INTEGER))) AS j FROM orders WHERE day < 730
  )
  SELECT
    'C' || CAST(c AS VARCHAR) AS customer,
    TIMESTAMP '2023-01-01' + to_days(day) + to_seconds(CAST(${u('o * 7 + 3')} * 86400 AS BIGINT)) AS time,
    'O' || CAST(o AS VARCHAR) AS order_id,
    'I' || CAST(CAST(2000 * pow(${u('o * 17 + j')}, 3) AS BIGINT) AS VARCHAR) AS item,
    CASE WHEN hash(o * 19 + j) % 50 = 0 THEN -1 ELSE 1 + CAST(hash(o * 23 + j) % 3 AS INTEGER) END AS quantity,
    ROUND((1 + ${u('o * 29 + j')} * 20) * level, 2) AS price
  FROM order_lines
  LIMIT ${lines}
) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)`;
}

/**
 * Runs the pipeline on `lines` line items and returns its result with the steps.
 * @example
 * await sqlScalingCase(1e7)
 */
export async function sqlScalingCase(lines: number): Promise<SqlScalingResult> {
  const dir = join(tmpdir(), `crm-scaling-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `lines-${lines}.parquet`);
  const run = duckdbRunner();
  await run("SET memory_limit = '2GB'");
  await run(`SET temp_directory = '${join(dir, 'spill')}'`);
  const steps: Step[] = [];
  const step = async <T>(name: string, fn: () => Promise<T>, rows?: (v: T) => number): Promise<T> => {
    const started = performance.now();
    const value = await fn();
    steps.push({ step: name, ms: performance.now() - started, ...(rows === undefined ? {} : { rows: rows(value) }) });
    process.stderr.write(` ${name} ${((performance.now() - started) / 1000).toFixed(1)} s;`);
    return value;
  };
  try {
    if (!existsSync(file)) await step('generate Parquet', () => run(generateSql(lines, file)));
    // DuckDB's advice for large data under a memory limit (after generating: its LIMIT must keep the order).
    await run('SET preserve_insertion_order = false');
    const source = { dialect: 'duckdb' as const, source: `read_parquet('${file}')`, mapping: { customer: 'customer', time: 'time', item: 'item', order: 'order_id', quantity: 'quantity', price: 'price' } };
    const started = performance.now();
    const count = async (table: string) => Number((await run(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n);
    await step('summary → table', () => run(`CREATE OR REPLACE TABLE summary AS ${customerSummarySql({ ...source, asOf: '2025-01-01' })}`));
    const grouped = await step('grouped (x, t_x, T)', () => run('SELECT frequency, recency, "T", COUNT(*) AS weight FROM summary GROUP BY ALL'), (r) => r.length);
    const bgnbd = await step('weighted BG/NBD fit', async () => fitBgNbd(grouped.map((r) => ({ frequency: Number(r.frequency), recency: Number(r.recency), T: Number(r.T), weight: Number(r.weight) }))));
    const spendRows = await step('grouped spend (to the cent)', () => run('SELECT frequency, ROUND(monetary, 2) AS monetary, COUNT(*) AS weight FROM summary WHERE frequency > 0 AND monetary > 0 GROUP BY ALL'), (r) => r.length);
    const spend = await step('weighted Gamma-Gamma fit', async () => fitGammaGamma(spendRows.map((r) => ({ frequency: Number(r.frequency), monetary: Number(r.monetary), weight: Number(r.weight) }))));
    const scores = await step('scores → table', async () => {
      const query = await bgnbdScoresSql(run, { model: bgnbd, summary: 'summary', t: 52 });
      await run(`CREATE OR REPLACE TABLE scores AS SELECT sc.*, ${spend.status === 'ok' ? spend.toSql('duckdb') : 'NULL'} AS expected_spend FROM (${query}) sc`);
      return count('scores');
    }, (n) => n);
    await step('RFM → table', async () => run(`CREATE OR REPLACE TABLE rfm AS ${rfmSql({ ...source, asOf: '2025-01-01' })}`));
    const rules = await step('pair rules', () => pairRulesFromSql(run, { ...source, minSupport: 0.0005, minConfidence: 0.01, onInvalid: 'skip' }), (r) => r.length);
    const totalMs = performance.now() - started;
    process.stderr.write(` BG/NBD ${bgnbd.status}, Gamma-Gamma ${spend.status};`);
    return {
      bench: 'scaling', impl: 'crm-mining SQL path (DuckDB, 2 GB)', dataset: 'generated line items in Parquet', size: lines,
      medianMs: totalMs, p99Ms: totalMs, opsPerSec: 1000 / totalMs, unitsPerSec: (lines / totalMs) * 1000, peakRssMb: peakRssMb(),
      count: scores, steps, parquetMb: statSync(file).size / 2 ** 20, rules: rules.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The SQL path's steps per size, as a markdown table. */
export function sqlTable(results: SqlScalingResult[]): string {
  const names = results[0]?.steps.map((s) => s.step) ?? [];
  const seconds = (ms: number | undefined) => (ms === undefined ? '—' : (ms / 1000).toFixed(1));
  const rows = results.map((r) => `| ${r.size.toExponential(0)} | ${r.parquetMb.toFixed(0)} MB | ${names.map((n) => seconds(r.steps.find((s) => s.step === n)?.ms)).join(' | ')} | ${seconds(r.medianMs)} | ${r.peakRssMb.toFixed(0)} MB | ${r.count ?? ''} | ${r.rules} |`);
  return [
    '# The SQL path through DuckDB (memory_limit 2 GB), seconds per step',
    '',
    `| line items | Parquet | ${names.join(' | ')} | total (after generation) | peak RSS of the Node process | customers scored | pair rules |`,
    `|---:|---:|${names.map(() => '---:').join('|')}|---:|---:|---:|---:|`,
    ...rows,
    '',
  ].join('\n');
}
