import { OptionError } from '../core/errors';
import { lazyModule } from '../core/lazyModule';
import type { ArrowTableLike } from '../core/arrowInput';

type Arrow = typeof import('apache-arrow');

// An optional peer: no literal import here, so bundles of apps without it still build. Node
// requires it on first use; elsewhere pass the module once with loadArrow(arrow).
const arrowModule = lazyModule<Arrow>('apache-arrow', 'npm install apache-arrow', null, (m) => typeof m.vectorFromArray === 'function' && typeof m.Table === 'function', "import it in your app and pass it once: import * as arrow from 'apache-arrow'; await loadArrow(arrow)");

/**
 * Loads apache-arrow ahead of {@link toArrow}: on Node it is found by itself; in browsers and
 * Deno pass the module you imported.
 * @throws {CrmMiningError} code `'DEPENDENCY'` with the install command when it is missing.
 * @example
 * import * as arrow from 'apache-arrow'; await loadArrow(arrow);
 */
export async function loadArrow(module?: unknown): Promise<void> {
  if (module === undefined) await arrowModule.load();
  else arrowModule.provide(module);
}

/**
 * A tabular result as an Arrow table (an apache-arrow `Table`, typed here by its shape so that
 * apps without apache-arrow type-check), for DuckDB, Polars (nodejs-polars) or
 * Arquero: one column per field. Numbers are Float64 (Int32 when every value is an integer in
 * range), text Utf8, booleans Bool, dates Timestamp[ms], item lists List<Utf8>, sequences
 * List<List<Utf8>>; any other nested value (reasons, conditions) its JSON text. A churn dataset
 * becomes one row per customer with its features and label.
 * @throws {OptionError} code `'OPTION'` for a value that is not an array of records (or a churn dataset).
 * @throws {CrmMiningError} code `'DEPENDENCY'` when apache-arrow is not installed.
 * @example
 * const table = toArrow(associationRules(log, { minSupport: 0.01 }));
 * await connection.insertArrowTable(table, { name: 'rules' });   // DuckDB-Wasm, or Polars: pl.readIPC(arrow.tableToIPC(table))
 */
export function toArrow(result: unknown): ArrowTableLike {
  const rows = recordsOf(result);
  const arrow = arrowModule.get();
  const keys = [...new Set(rows.slice(0, 1000).flatMap((r) => Object.keys(r).filter((k) => typeof r[k] !== 'function')))];
  const columns: Record<string, import('apache-arrow').Vector> = {};
  for (const key of keys) {
    const values = rows.map((r) => (r[key] === undefined ? null : r[key]));
    const type = typeOf(arrow, values);
    columns[key] = arrow.vectorFromArray(type === null ? values.map((v) => (v === null ? null : JSON.stringify(v))) : values as never, type ?? new arrow.Utf8());
  }
  return new arrow.Table(columns) as unknown as ArrowTableLike;
}

/** The rows of a tabular result. */
function recordsOf(result: unknown): Array<Record<string, unknown>> {
  const r = result as Record<string, unknown> | null;
  if (r !== null && typeof r === 'object' && !Array.isArray(r) && Array.isArray(r.customers) && Array.isArray(r.featureNames) && Array.isArray(r.features) && Array.isArray(r.labels)) {
    const names = r.featureNames as string[];
    return (r.customers as string[]).map((customer, i) => ({ customer, ...Object.fromEntries(names.map((n, j) => [n, ((r.features as number[][])[i] as number[])[j]])), label: (r.labels as number[])[i] }));
  }
  if (!Array.isArray(result) || !result.every((x) => typeof x === 'object' && x !== null && !Array.isArray(x))) {
    throw new OptionError('toArrow takes a tabular result: an array of records (rules, itemsets, patterns, RFM or CLV rows, …) or a churn dataset');
  }
  return result as Array<Record<string, unknown>>;
}

/** The Arrow type of a column's values, or null for JSON text. */
function typeOf(arrow: Arrow, values: readonly unknown[]): import('apache-arrow').DataType | null {
  const present = values.filter((v) => v !== null);
  const every = (test: (v: unknown) => boolean) => present.every(test);
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const list = (child: import('apache-arrow').DataType) => new arrow.List(new arrow.Field('item', child, true));
  if (present.length === 0) return new arrow.Utf8();
  if (every((v) => typeof v === 'number')) return every((v) => Number.isInteger(v) && Math.abs(v as number) < 2 ** 31) ? new arrow.Int32() : new arrow.Float64();
  if (every((v) => typeof v === 'string')) return new arrow.Utf8();
  if (every((v) => typeof v === 'boolean')) return new arrow.Bool();
  if (every((v) => v instanceof Date)) return new arrow.TimestampMillisecond();
  if (every(strings)) return list(new arrow.Utf8());
  if (every((v) => Array.isArray(v) && v.every(strings))) return list(list(new arrow.Utf8()));
  if (every((v) => Array.isArray(v) && v.every((x) => typeof x === 'number'))) return list(new arrow.Float64());
  return null;
}
