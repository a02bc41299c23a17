import type { TransactionLog } from '../core/TransactionLog';
import type { SkippedReport } from '../core/mapping';
import type { ReturnsReport } from '../core/returns';

/** What the data-quality section of the report shows. */
export interface DataQuality {
  /** Data rows in the input: used, returns and skipped. */
  rowsRead: number;
  /** Line items in baskets. */
  rowsUsed: number;
  skipped: SkippedReport;
  returns: ReturnsReport;
  /** Line items identical to another one in the same basket (item, amount and quantity): often an export that doubled rows. */
  duplicateRows: number;
  from: Date;
  to: Date;
}

/**
 * Counts what a manager should know about the data before trusting the figures: rows read,
 * used, skipped by reason (customers without an id among them), returns, duplicate line items
 * and the date range.
 * @example
 * dataQuality(log) //=> { rowsRead: 30000, rowsUsed: 19499, skipped: { rows: 10043, … }, returns: { rows: 458, … }, duplicateRows: 24, … }
 */
export function dataQuality(log: TransactionLog): DataQuality {
  const { basketRowOffsets: off, rowItem, rowAmount, rowQuantity } = log.columns;
  let duplicateRows = 0;
  const seen = new Set<string>();
  for (let b = 0; b + 1 < off.length; b++) {
    seen.clear();
    for (let i = off[b] as number; i < (off[b + 1] as number); i++) {
      const key = `${rowItem?.[i] ?? ''}|${rowAmount?.[i] ?? ''}|${rowQuantity?.[i] ?? ''}`;
      if (seen.has(key)) duplicateRows++;
      else seen.add(key);
    }
  }
  const s = log.summary();
  return { rowsRead: log.rowCount + log.returns.rows + log.skipped.rows, rowsUsed: log.rowCount, skipped: log.skipped, returns: log.returns, duplicateRows, from: s.from, to: s.to };
}
