import type { CsvMapping } from '../core/csv';

/** The mapped fields {@link guessColumns} looks for, most important first. */
export const GUESSED_FIELDS = ['customer', 'time', 'order', 'item', 'amount', 'price', 'quantity', 'cost'] as const;
export type GuessedField = (typeof GUESSED_FIELDS)[number];

// Common header names per field (lower case, without spaces, '_', '-' or '.'), best first.
const EXACT: Record<GuessedField, readonly string[]> = {
  customer: ['customer', 'customerid', 'customerno', 'customernumber', 'customercode', 'custid', 'clientid', 'client', 'userid', 'user', 'memberid', 'member', 'accountid', 'account', 'buyerid', 'shopperid', 'householdkey', 'household', 'cid', 'personid', 'consumerid'],
  time: ['time', 'date', 'timestamp', 'datetime', 'invoicedate', 'orderdate', 'purchasedate', 'transactiondate', 'saledate', 'createdat', 'placedat', 'ordertime', 'purchasetime', 'txdate', 'day'],
  order: ['order', 'orderid', 'orderno', 'ordernumber', 'invoice', 'invoiceno', 'invoiceid', 'invoicenumber', 'transaction', 'transactionid', 'txid', 'basket', 'basketid', 'receipt', 'receiptid', 'ticket', 'ticketid'],
  item: ['item', 'itemid', 'sku', 'product', 'productid', 'stockcode', 'productcode', 'itemcode', 'article', 'articleid', 'itemname', 'productname', 'description', 'itemdescription'],
  amount: ['amount', 'total', 'linetotal', 'lineamount', 'linevalue', 'totalamount', 'totalprice', 'netamount', 'revenue', 'sales', 'salesamount', 'value', 'spend'],
  price: ['price', 'unitprice', 'itemprice', 'priceeach'],
  quantity: ['quantity', 'qty', 'units', 'quantitysold', 'unitssold'],
  cost: ['cost', 'linecost', 'totalcost', 'cogs'],
};

// Substrings that identify a field when no header matches exactly (e.g. 'customer_code').
const PARTIAL: Partial<Record<GuessedField, readonly string[]>> = {
  customer: ['customer', 'client', 'member', 'user'],
  time: ['date', 'time'],
  order: ['order', 'invoice', 'transaction', 'basket', 'receipt'],
  item: ['product', 'item', 'sku', 'article'],
  amount: ['amount', 'revenue', 'sales', 'value'],
  quantity: ['quantity', 'qty'],
};

const normalize = (header: string) => header.toLowerCase().replace(/[\s_\-.]/g, '');

/**
 * Guesses which header names hold the customer, time, order, item, amount, price, quantity
 * and cost from common names (`CustomerID`, `InvoiceDate`, `order_id`, `sku`, `qty`, …): exact
 * names first, then names containing a keyword; each header is used once. Fields it cannot
 * place are left out.
 * @example
 * guessColumns(['InvoiceNo', 'StockCode', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'])
 * //=> { customer: 'CustomerID', time: 'InvoiceDate', order: 'InvoiceNo', item: 'StockCode', price: 'UnitPrice', quantity: 'Quantity' }
 */
export function guessColumns(header: readonly string[]): Partial<Pick<CsvMapping, GuessedField>> {
  const names = header.map(normalize);
  const used = new Set<number>();
  const found: Partial<Record<GuessedField, string>> = {};
  const take = (field: GuessedField, at: number) => {
    used.add(at);
    found[field] = header[at] as string;
  };
  for (const field of GUESSED_FIELDS) {
    for (const candidate of EXACT[field]) {
      const at = names.findIndex((n, i) => n === candidate && !used.has(i));
      if (at >= 0) {
        take(field, at);
        break;
      }
    }
  }
  for (const field of GUESSED_FIELDS) {
    if (found[field] !== undefined) continue;
    const at = names.findIndex((n, i) => !used.has(i) && (PARTIAL[field] ?? []).some((k) => n.includes(k)));
    if (at >= 0) take(field, at);
  }
  return found;
}
