import { OptionError } from '../core/errors';
import { MS_PER_DAY, toEpochMs } from '../core/time';
import { sqlLayer, type SqlDialect, type SqlLayer } from '../core/sqlDialect';
import type { ReturnsPolicy } from '../core/returns';
import type { ColumnMapping } from '../core/mapping';

/**
 * Which source columns (or SQL expressions) hold each field: TransactionLog's column mapping.
 * `time` is a TIMESTAMP, a DATE, or text in ISO-8601 form (DuckDB also reads YYYYMMDD text);
 * without `amount`, amount = quantity × price (or price).
 */
export type SqlMapping = ColumnMapping;

/** Where the transactions are, in which dialect, and how returns are told apart: shared by every `xxxSql` function. */
export interface SqlSourceOptions {
  /** @default 'duckdb' */
  dialect?: SqlDialect;
  /**
   * A table or view name, a table function such as `read_parquet('orders/*.parquet')`, or a
   * query (`SELECT …`, put in parentheses for you).
   */
  source: string;
  mapping: SqlMapping;
  /** The log's returns policy (see `ReturnsOptions`). @default 'net' */
  returns?: ReturnsPolicy;
  /**
   * Orders that are returns or cancellations: a RegExp tested on the order id (as the engine's
   * own regular expressions read it, e.g. `/^C/`), or an SQL condition on the source row.
   */
  returnOrders?: RegExp | string;
}

/** The pieces a reduction builds on: the layer, the shared CTEs and what the mapping provides. */
export interface SqlContext {
  sql: SqlLayer;
  /** CTEs `crm_lines` (valid rows with `is_return`), `crm_purchases`, `crm_baskets` (customer, bkey, t, amount, lines), `crm_returns` (customer, t, amount ≤ 0). */
  ctes: string[];
  /** CTE `crm_basket_items` (customer, bkey, t, item): the distinct items of each basket, with the basket's time. */
  basketItems: string;
  /** CTE `crm_basket_lines` (customer, bkey, item): the distinct items of each basket, without the time (no join: what mining needs). */
  basketLines: string;
  hasAmount: boolean;
  hasItem: boolean;
}

/** A source as a relation to select from: a query in parentheses, a table or table function as it is. */
export function relation(source: string): string {
  return /^\s*(select|with)\b/i.test(source) ? `(${source})` : source;
}

/** The FROM of the source rows: a query gets an alias (`crm_source`), which every dialect needs on a subquery. */
export function fromSource(source: string): string {
  const rel = relation(source);
  return rel === source ? source : `${rel} crm_source`;
}

/**
 * Builds the normalized transaction CTEs of a source, following TransactionLog's rules: rows
 * missing a mapped field are left out (the loaders' `onInvalid: 'skip'`; the `xxxFromSql`
 * functions count them first and refuse them unless asked to skip); a row is a return when its
 * quantity or amount is negative or its order matches `returnOrders`; rows sharing an order (or,
 * without orders, a customer and a time) form one basket, timed at the order's earliest row.
 */
export function sqlContext(o: SqlSourceOptions): SqlContext {
  if (o === null || typeof o !== 'object') throw new OptionError('expected options { dialect, source, mapping }');
  const sql = sqlLayer(o.dialect ?? 'duckdb');
  if (typeof o.source !== 'string' || o.source.trim() === '') throw new OptionError('source must be a table, a view, a table function or a query', { source: o.source });
  const m = o.mapping;
  if (m === undefined || typeof m.customer !== 'string' || typeof m.time !== 'string') throw new OptionError('mapping needs at least { customer, time }: the columns (or SQL expressions) of the customer id and the purchase time', { mapping: m });
  const policy = o.returns ?? 'net';
  if (!['net', 'exclude', 'keep'].includes(policy)) throw new OptionError(`returns must be 'net', 'exclude' or 'keep', got ${String(policy)}`);
  const from = fromSource(o.source);
  const double = (e: string) => `CAST(${e} AS ${sql.double})`;
  const amount = m.amount !== undefined ? double(m.amount)
    : m.price !== undefined ? (m.quantity !== undefined ? `${double(m.quantity)} * ${double(m.price)}` : double(m.price)) : null;
  const fields: [string, string | null][] = [
    ['customer', `CAST(${m.customer} AS ${sql.text})`],
    ['t', sql.epochMs(sql.timestamp(m.time))],
    ['item', m.item === undefined ? null : `CAST(${m.item} AS ${sql.text})`],
    ['ord', m.order === undefined ? null : `CAST(${m.order} AS ${sql.text})`],
    ['amount', amount],
    ['quantity', m.quantity === undefined ? null : double(m.quantity)],
  ];
  const present = fields.filter(([, e]) => e !== null);
  const rows = `crm_rows AS (\n  SELECT ${present.map(([name, e]) => `${e} AS ${name}`).join(',\n    ')}\n  FROM ${from}\n)`;
  const returnTests = [
    ...(m.quantity === undefined ? [] : ['quantity < 0']),
    ...(amount === null ? [] : ['amount < 0']),
    ...orderTest(o.returnOrders, sql, m.order !== undefined),
  ];
  const isReturn = policy === 'keep' || returnTests.length === 0 ? '0' : `CASE WHEN ${returnTests.join(' OR ')} THEN 1 ELSE 0 END`;
  const cols = ['customer', 't', m.item === undefined ? `CAST(NULL AS ${sql.text}) AS item` : 'item', m.order === undefined ? `CAST(NULL AS ${sql.text}) AS ord` : 'ord', amount === null ? `CAST(0 AS ${sql.double}) AS amount` : 'amount'];
  // With a RegExp, returnOrders is a test on the order column; with text, a condition on the source row, so it is evaluated in crm_rows' FROM.
  const lines = `crm_lines AS (\n  SELECT ${cols.join(', ')}, ${isReturn} AS is_return\n  FROM crm_rows\n  WHERE ${present.map(([name]) => `${name} IS NOT NULL`).join(' AND ')}\n)`;
  const purchases = `crm_purchases AS (SELECT customer, t, item, ord, amount FROM crm_lines${policy === 'keep' ? '' : ' WHERE is_return = 0'})`;
  const baskets = m.order === undefined
    ? 'crm_baskets AS (SELECT customer, t AS bkey, t, SUM(amount) AS amount, COUNT(*) AS lines FROM crm_purchases GROUP BY customer, t)'
    : `crm_order_time AS (SELECT ord, MIN(t) AS t FROM crm_purchases GROUP BY ord),
crm_baskets AS (
  SELECT p.customer, p.ord AS bkey, o.t, SUM(p.amount) AS amount, COUNT(*) AS lines
  FROM crm_purchases p JOIN crm_order_time o ON o.ord = p.ord
  GROUP BY p.customer, p.ord, o.t
)`;
  const returns = policy === 'net'
    ? 'crm_returns AS (SELECT customer, t, -ABS(amount) AS amount FROM crm_lines WHERE is_return = 1)'
    : `crm_returns AS (SELECT customer, t, amount FROM crm_lines WHERE 1 = 0)`;
  const basketItems = m.order === undefined
    ? 'crm_basket_items AS (SELECT DISTINCT customer, t AS bkey, t, item FROM crm_purchases WHERE item IS NOT NULL)'
    : 'crm_basket_items AS (SELECT DISTINCT p.customer, p.ord AS bkey, o.t, p.item FROM crm_purchases p JOIN crm_order_time o ON o.ord = p.ord WHERE p.item IS NOT NULL)';
  const basketLines = `crm_basket_lines AS (SELECT DISTINCT customer, ${m.order === undefined ? 't' : 'ord'} AS bkey, item FROM crm_purchases WHERE item IS NOT NULL)`;
  const stringOrder = typeof o.returnOrders === 'string' ? withSourceCondition(rows, o.returnOrders) : rows;
  return { sql, ctes: [stringOrder, lines, purchases, baskets, returns], basketItems, basketLines, hasAmount: amount !== null, hasItem: m.item !== undefined };
}

function orderTest(pattern: RegExp | string | undefined, sql: SqlLayer, hasOrder: boolean): string[] {
  if (pattern === undefined) return [];
  if (pattern instanceof RegExp) {
    if (!hasOrder) throw new OptionError('returnOrders as a RegExp tests the order id: map an order column');
    if (pattern.flags.replace(/[gy]/g, '') !== '') throw new OptionError(`returnOrders: SQL engines read the pattern's source only, so flags (${pattern.flags}) cannot be kept; write them into the pattern`);
    return [sql.regex('ord', sql.str(pattern.source))];
  }
  if (typeof pattern === 'string') return ['crm_return_order = 1'];
  throw new OptionError(`returnOrders must be a RegExp or an SQL condition, got ${String(pattern)}`);
}

/** Adds the SQL condition of `returnOrders` (text form) as a column of crm_rows. */
function withSourceCondition(rows: string, condition: string): string {
  return rows.replace(/\n {2}FROM /, `,\n    CASE WHEN ${condition} THEN 1 ELSE 0 END AS crm_return_order\n  FROM `);
}

/** `WITH a AS (…), b AS (…) <select>` */
export function withCtes(ctes: readonly string[], select: string): string {
  return `WITH ${ctes.join(',\n')}\n${select}`;
}

/**
 * asOf as epoch ms: the given time, or by default (TransactionLog's rule) the start of the day
 * after the last basket, computed by the engine.
 */
export function asOfSql(asOf: Date | string | number | undefined): { expr: string; cte: string | null } {
  if (asOf === undefined) return { expr: '(SELECT as_of_ms FROM crm_asof)', cte: `crm_asof AS (SELECT (FLOOR(MAX(t) / ${MS_PER_DAY}) + 1) * ${MS_PER_DAY} AS as_of_ms FROM crm_baskets)` };
  const ms = toEpochMs(asOf);
  if (Number.isNaN(ms)) throw new OptionError(`asOf must be a Date, epoch ms or ISO-8601 string, got ${String(asOf)}`, { asOf });
  return { expr: String(ms), cte: null };
}
