import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sampleCsv } from '../examples/generate-sample';
import { TransactionLog } from '../src/index';
import { main } from '../src/report/cli';
import pkg from '../package.json';

const SAMPLE = new URL('../examples/data/sample-transactions.csv', import.meta.url);

describe('bundled sample', () => {
  it('is exactly what the seeded generator produces', () => {
    expect(readFileSync(SAMPLE, 'utf8')).toBe(sampleCsv());
  });

  it('loads with every column mapped', () => {
    const log = TransactionLog.fromCSV(readFileSync(SAMPLE), { customer: 'customer', time: 'time', item: 'item', order: 'order', amount: 'amount', cost: 'cost', quantity: 'quantity' });
    expect(log.customerCount).toBe(1500);
    expect(log.skipped.rows).toBe(0);
    expect(log.summary().from.toISOString() >= '2023-01-01').toBe(true);
  });
});

describe('CLI', () => {
  it('summarises a CSV and reports its version', () => {
    const out: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => { out.push(chunk); return true; }) as typeof process.stdout.write;
    try {
      expect(main(['summary', SAMPLE.pathname, '--customer', 'customer', '--time', 'time', '--order', 'order', '--item', 'item', '--json'])).toBe(0);
      expect(main(['--version'])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(JSON.parse(out[0] as string)).toMatchObject({ customers: 1500, items: 400 });
    expect((out[1] as string).trim()).toBe(pkg.version);
  });
});
