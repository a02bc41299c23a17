import { OptionError } from '../core/errors';
import { compareStrings } from '../core/columns';
import { throwIfAborted, type RunOptions } from '../core/run';
import type { SqlLayer } from '../core/sqlDialect';
import { frequentItemsets, type FrequentItemsetsOptions, type Itemset } from '../association/index';
import { sqlContext, withCtes, type SqlSourceOptions } from './source';
import { checkedRun, runSql, type SqlRunner } from './runner';
import { num } from './rows';

/** Options of {@link frequentItemsetsFromSql}. */
export interface SonOptions extends SqlSourceOptions, Pick<FrequentItemsetsOptions, 'minSupport' | 'minCount' | 'maxLength' | 'algorithm' | 'maxPatterns'>, RunOptions {
  /** Parts the baskets are split into; each is fetched and mined in this process on its own. @default 4 */
  partitions?: number;
  /** Candidates counted per SQL query in the global pass. @default 2000 */
  batch?: number;
}

/**
 * Frequent itemsets of data too large for one process, by the SON algorithm (Savasere, Omiecinski
 * & Navathe 1995): the engine splits the baskets into `partitions`; crm-mining fetches and mines
 * each part with the part's share of the threshold (any itemset frequent in the whole is frequent
 * in at least one part); the engine then counts the union of the local candidates over all
 * baskets. The result is exactly `frequentItemsets(log, options)`: same itemsets, counts and order.
 * @throws {OptionError} code `'OPTION'` for bad thresholds or partitions, or a source without items.
 * @throws {AbortError} code `'ABORTED'` between parts and batches when the signal fires.
 * @see Savasere, Omiecinski & Navathe (1995), An efficient algorithm for mining association rules in large databases, VLDB.
 * @example
 * const sets = await frequentItemsetsFromSql(duckdbRunner(), { source: "read_parquet('lines/*.parquet')", mapping, minSupport: 0.01, partitions: 8 });
 */
export async function frequentItemsetsFromSql(runner: SqlRunner, options: SonOptions & { onInvalid?: 'throw' | 'skip' }): Promise<Itemset[]> {
  const ctx = sqlContext(options);
  if (!ctx.hasItem) throw new OptionError('frequent itemsets need an item column: map item (the product id)');
  const parts = options.partitions ?? 4;
  if (!(Number.isInteger(parts) && parts >= 1)) throw new OptionError(`partitions must be an integer >= 1, got ${String(parts)}`, { partitions: parts });
  const batch = options.batch ?? 2000;
  if (!(Number.isInteger(batch) && batch >= 1)) throw new OptionError(`batch must be an integer >= 1, got ${String(batch)}`, { batch });
  const { sql } = ctx;
  const partitioned = [...ctx.ctes, ctx.basketLines, `crm_parts AS (SELECT customer, bkey, MOD(ROW_NUMBER() OVER (ORDER BY customer, bkey), ${parts}) AS part FROM crm_baskets)`];
  const sizes = await checkedRun(runner, options, withCtes(partitioned, 'SELECT part, COUNT(*) AS n FROM crm_parts GROUP BY part'));
  const partSize = new Map(sizes.map((r) => [num(r, 'part'), num(r, 'n')]));
  const n = [...partSize.values()].reduce((s, v) => s + v, 0);
  if (n === 0) return [];
  const minCount = globalMinCount(options, n);
  const candidates = new Map<string, string[]>();
  for (let p = 0; p < parts; p++) {
    throwIfAborted(options.signal);
    const size = partSize.get(p) ?? 0;
    if (size === 0) continue;
    const rows = await runSql(runner, withCtes(partitioned, `SELECT i.customer, i.bkey, i.item FROM crm_basket_lines i JOIN crm_parts p ON p.customer = i.customer AND p.bkey = i.bkey WHERE p.part = ${p} ORDER BY i.customer, i.bkey`));
    const local = frequentItemsets(toBaskets(rows), {
      minCount: Math.max(1, Math.ceil((minCount * size) / n - 1e-9)),
      ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }),
      ...(options.algorithm === undefined ? {} : { algorithm: options.algorithm }),
      ...(options.maxPatterns === undefined ? {} : { maxPatterns: options.maxPatterns }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    for (const set of local) candidates.set(set.items.join('\u0000'), set.items);
    options.onProgress?.({ phase: 'son local', done: p + 1, total: parts });
  }
  const list = [...candidates.values()];
  const out: Itemset[] = [];
  for (let from = 0; from < list.length; from += batch) {
    throwIfAborted(options.signal);
    const chunk = list.slice(from, from + batch);
    const rows = await runSql(runner, withCtes([...ctx.ctes, ctx.basketLines, `crm_candidates AS (${candidateTable(sql, chunk)})`, 'crm_sizes AS (SELECT cid, COUNT(*) AS size FROM crm_candidates GROUP BY cid)'],
      `SELECT h.cid, COUNT(*) AS count FROM (
  SELECT c.cid, i.customer, i.bkey, COUNT(*) AS k FROM crm_candidates c JOIN crm_basket_lines i ON i.item = c.item GROUP BY c.cid, i.customer, i.bkey
) h JOIN crm_sizes s ON s.cid = h.cid WHERE h.k = s.size GROUP BY h.cid`));
    for (const r of rows) {
      const count = num(r, 'count');
      if (count >= minCount) out.push({ items: chunk[num(r, 'cid')] as string[], count, support: count / n });
    }
    options.onProgress?.({ phase: 'son count', done: Math.min(list.length, from + batch), total: list.length });
  }
  return out.sort(byCountThenItems);
}

/** The whole data's threshold, as frequentItemsets resolves it. */
function globalMinCount(options: SonOptions, n: number): number {
  if (options.minCount !== undefined) {
    if (!(Number.isInteger(options.minCount) && options.minCount >= 1)) throw new OptionError(`minCount must be an integer >= 1, got ${String(options.minCount)}`);
    return options.minCount;
  }
  const support = options.minSupport ?? 0.01;
  if (!(typeof support === 'number' && support > 0 && support <= 1)) throw new OptionError(`minSupport must be a number in (0, 1], got ${String(support)}`, { minSupport: support });
  return Math.max(1, Math.ceil(support * n - 1e-9));
}

function toBaskets(rows: readonly Record<string, unknown>[]): string[][] {
  const baskets: string[][] = [];
  let key = '';
  for (const r of rows) {
    const k = `${String(r.customer)}\u0000${String(r.bkey)}`;
    if (k !== key || baskets.length === 0) {
      baskets.push([]);
      key = k;
    }
    (baskets[baskets.length - 1] as string[]).push(String(r.item));
  }
  return baskets;
}

/** Candidates as a literal table (cid, item). */
function candidateTable(sql: SqlLayer, sets: readonly string[][]): string {
  return sql.literalTable(['cid', 'item'], sets.flatMap((items, cid) => items.map((item) => [String(cid), sql.str(item)])));
}

function byCountThenItems(a: Itemset, b: Itemset): number {
  if (a.count !== b.count) return b.count - a.count;
  for (let i = 0; i < a.items.length && i < b.items.length; i++) {
    const d = compareStrings(a.items[i] as string, b.items[i] as string);
    if (d !== 0) return d;
  }
  return a.items.length - b.items.length;
}
