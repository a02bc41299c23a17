/**
 * The real datasets the benchmarks use, read once per process. Those with stated terms come with
 * the repository (examples/data, see its README); the rest (retail, chess, mushroom, T10I4D100K,
 * BMS1 and the SPMF sequence files) are read from ../shared/data beside the repository when it
 * is there, and a case that needs a missing file is skipped with one line naming it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBasketLines, parseFimi, parseSpmfSequences } from '../src/index';

/** ../shared/data beside the repository (may be absent). */
export const SHARED_DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
/** The datasets that come with the repository. */
export const REPO_DATA = fileURLToPath(new URL('../examples/data/', import.meta.url));

const IN_REPO: Record<string, string> = {
  'groceries.csv': 'groceries/groceries.csv',
  'lifetimes/cdnow_customers_summary.csv': 'lifetimes/cdnow_customers_summary.csv',
};

/** Where a dataset file is: in the repository when it comes with it, else in ../shared/data. */
export function datasetPath(file: string): string {
  const own = IN_REPO[file];
  return own === undefined ? `${SHARED_DATA}${file}` : `${REPO_DATA}${own}`;
}

function read(file: string): string {
  const path = datasetPath(file);
  if (!existsSync(path)) throw new Error(`dataset ${file} not found at ${path} (../shared/data beside the repository)`);
  return readFileSync(path, 'utf8');
}

/** Baskets of a named basket dataset: retail, chess, mushroom, T10I4D100K, BMS1 (FIMI) or groceries (CSV lines). */
export function basketDataset(name: string): string[][] {
  return name === 'groceries' ? parseBasketLines(read('groceries.csv')) : parseFimi(read(`${name}.dat`));
}

/** Sequences of a named SPMF dataset: SIGN, LEVIATHAN or BMS1_seq_derived. */
export function sequenceDataset(name: string): string[][][] {
  return parseSpmfSequences(read(`${name}.txt`));
}

/** Whether a dataset file exists; when not, says so in one line on stderr (callers then skip its case). */
export function hasDataset(file: string): boolean {
  const path = datasetPath(file);
  if (existsSync(path)) return true;
  process.stderr.write(`  skipped: ${file} is not in ${SHARED_DATA} (datasets without stated terms stay outside the repository)\n`);
  return false;
}
