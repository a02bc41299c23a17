/**
 * Regenerates the bundled sample, examples/data/sample-transactions.csv, from the synthetic
 * generator. Run: npx tsx examples/generate-sample.ts
 */
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { syntheticRecords } from '../src/index';

export const SAMPLE_OPTIONS = { customers: 1500, seed: 2024, start: '2023-01-01', end: '2024-12-31' } as const;
export const SAMPLE_COLUMNS = ['order', 'customer', 'time', 'item', 'quantity', 'amount', 'cost'] as const;

/** The sample as CSV text. */
export function sampleCsv(): string {
  const quote = (v: string | number) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  const lines = [SAMPLE_COLUMNS.join(',')];
  for (const r of syntheticRecords(SAMPLE_OPTIONS)) lines.push(SAMPLE_COLUMNS.map((c) => quote(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = fileURLToPath(new URL('./data/sample-transactions.csv', import.meta.url));
  // Written beside it and renamed, so a reader never sees a half-written sample.
  writeFileSync(`${path}.tmp`, sampleCsv());
  renameSync(`${path}.tmp`, path);
  console.log(`wrote ${path}`);
}
