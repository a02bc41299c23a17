/**
 * Loading a transaction log: 1e3..1e6 generated line items, from a CSV file and from plain
 * records, beside csv-parse merely parsing the same file (no validation, no interning).
 * Run: npm run bench -- load [--quick]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { SyntheticRecord } from '../src/index';
import { lib } from './lib';

const { TransactionLog, syntheticRecords } = lib;
import { QUICK, measure, peakRssMb, report, runChild, type CaseResult, suiteEntry } from './harness';

const SCRIPT = fileURLToPath(import.meta.url);
const COLUMNS = ['order', 'customer', 'time', 'item', 'quantity', 'amount', 'cost'] as const;
const MAPPING = { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount', cost: 'cost', quantity: 'quantity' };
const IMPLS = ['crm-mining fromCSV', 'crm-mining fromRecords', 'csv-parse (parse only)'] as const;

const records = (size: number): Generator<SyntheticRecord> => syntheticRecords({ customers: Math.max(100, Math.ceil(size / 4)), seed: 1, maxLineItems: size });

function csvFile(size: number): string {
  const dir = join(tmpdir(), 'crm-mining-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `load-${size}.csv`);
  if (!existsSync(file)) {
    const lines = [COLUMNS.join(',')];
    for (const r of records(size)) lines.push(COLUMNS.map((c) => r[c]).join(','));
    writeFileSync(file, `${lines.join('\n')}\n`);
  }
  return file;
}

async function child(impl: string, file: string, size: number, iterations: number): Promise<CaseResult> {
  let count = 0;
  let fn: () => void;
  if (impl === 'crm-mining fromCSV') fn = () => { count = TransactionLog.fromCSV(file, MAPPING).rowCount; };
  else if (impl === 'crm-mining fromRecords') {
    const rows = [...records(size)];
    fn = () => { count = TransactionLog.fromRecords(rows, MAPPING).rowCount; };
  } else {
    fn = () => { count = 0; parse(readFileSync(file), { on_record: () => { count++; return null; } }); count--; };
  }
  const timing = await measure(fn, iterations);
  return { bench: 'load', impl, dataset: 'synthetic CSV', size, ...timing, unitsPerSec: (size / timing.medianMs) * 1000, peakRssMb: peakRssMb(), count };
}

export async function run(): Promise<CaseResult[]> {
  const sizes = QUICK ? [1e3, 1e4] : [1e3, 1e4, 1e5, 1e6];
  const results: CaseResult[] = [];
  for (const size of sizes) {
    const file = csvFile(size);
    const iterations = size >= 1e6 ? 3 : size >= 1e5 ? 5 : 20;
    for (const impl of IMPLS) {
      results.push(...runChild(SCRIPT, [impl, file, String(size), String(iterations)]));
    }
  }
  report('load', results, { compareCounts: true });
  return results;
}

await suiteEntry(SCRIPT, ([impl, file, size, iterations]) => child(impl as string, file as string, Number(size), Number(iterations)), run);
