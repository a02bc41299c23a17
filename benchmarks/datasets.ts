/** The real datasets of ../shared/data used by the benchmarks, read once per process. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBasketLines, parseFimi, parseSpmfSequences } from '../src/index';

export const SHARED_DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));

/** Baskets of a named basket dataset: retail, chess, mushroom, T10I4D100K, BMS1 (FIMI) or groceries (CSV lines). */
export function basketDataset(name: string): string[][] {
  const file = name === 'groceries' ? 'groceries.csv' : `${name}.dat`;
  const path = `${SHARED_DATA}${file}`;
  if (!existsSync(path)) throw new Error(`dataset ${name} not found at ${path} (../shared/data beside the repository)`);
  const text = readFileSync(path, 'utf8');
  return name === 'groceries' ? parseBasketLines(text) : parseFimi(text);
}

/** Sequences of a named SPMF dataset: SIGN, LEVIATHAN or BMS1_seq_derived. */
export function sequenceDataset(name: string): string[][][] {
  const path = `${SHARED_DATA}${name}.txt`;
  if (!existsSync(path)) throw new Error(`dataset ${name} not found at ${path} (../shared/data beside the repository)`);
  return parseSpmfSequences(readFileSync(path, 'utf8'));
}

/** Whether a shared dataset file exists; when not, says so on stderr (suites then skip its cases). */
export function hasDataset(file: string): boolean {
  if (existsSync(`${SHARED_DATA}${file}`)) return true;
  process.stderr.write(`  skipped: ${file} is not in ${SHARED_DATA}\n`);
  return false;
}
